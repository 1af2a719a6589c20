// zod schemas of the request bodies and query strings of openapi.yaml. Objects reject unknown
// keys. Field rules run first; each rule over several fields then runs when the fields it reads
// are valid, even if other fields of the request are not.
import { z } from "zod";
import { byteString, labels, uuid } from "./primitives.js";
import {
  batchRequestRules,
  updateRequestRules,
  withDefaultPhysicalInterface,
  type RuleIssue,
} from "./rules.js";
import { InstanceStatusFilterSchema } from "./responses.js";
import {
  batchRuleInput,
  invalidPaths,
  isRecord,
  keepRulesOnValidFields,
  runOnObjects,
  updateRuleInput,
} from "./rule-guard.js";

type CheckContext = z.core.ParsePayload<unknown>;

/**
 * Adds the rule issues to `ctx`, leaving out those that read a field which already failed its
 * own validation.
 */
function pushRuleIssues(ctx: CheckContext, issues: readonly RuleIssue[]): void {
  const kept = keepRulesOnValidFields(issues, invalidPaths(ctx.issues));
  for (const issue of kept) {
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      path: issue.path,
      params: {
        ...issue.params,
        code: issue.code,
        crossField: issue.crossField,
        ...(issue.fields ? { fields: issue.fields } : {}),
      },
      message: "",
    });
  }
}

/** Instance id in a request path. */
export const InstanceIdSchema = uuid();
/** Instance ids, as the wait helpers take them. */
export const InstanceIdListSchema = z.array(InstanceIdSchema);

/** Maximum number of interfaces per instance. */
export const maxInterfaces = 16;
/** Smallest and largest batch size. */
export const minBatchCount = 2;
export const maxBatchCount = 18;
/** Name prefix length limits in UTF-8 bytes. */
export const minNamePrefixBytes = 2;
export const maxNamePrefixBytes = 240;
/** Instance name length limits in UTF-8 bytes. */
export const minInstanceNameBytes = 2;
export const maxInstanceNameBytes = 256;
/** Description length limit in UTF-8 bytes. */
export const maxDescriptionBytes = 1024;
/** Highest NVLink GPU index a request may name. */
export const maxNvLinkDeviceInstance = 3;

const interfaceFields = {
  subnetId: uuid().nullable().optional(),
  vpcPrefixId: uuid().nullable().optional(),
  ipAddress: z.string().nullable().optional(),
  device: byteString({ min: 1 }).nullable().optional(),
  deviceInstance: z.int().min(0).nullable().optional(),
  virtualFunctionId: z.int().min(1).max(16).nullable().optional(),
  isPhysical: z.boolean().nullable().optional(),
};

/** One network interface of a create or update request. */
export const InterfaceCreateRequestSchema = z.strictObject(interfaceFields);

/** One InfiniBand port; only physical functions are supported. */
export const InfiniBandInterfaceCreateRequestSchema = z.strictObject({
  partitionId: uuid(),
  device: byteString({ min: 1 }),
  vendor: byteString({ min: 1 }).nullable().optional(),
  deviceInstance: z.int().min(0).nullable().optional(),
  isPhysical: z.literal(true),
  virtualFunctionId: z.null().optional(),
});

/**
 * One NVLink GPU attachment. The upstream spelling `nvLinklogicalPartitionId` is rejected as an
 * unknown key, and the issue message names the accepted spelling.
 */
export const NVLinkInterfaceCreateRequestSchema = z.strictObject({
  nvLinkLogicalPartitionId: uuid(),
  deviceInstance: z.int().min(0).max(maxNvLinkDeviceInstance).nullable().optional(),
});

/** One DPU extension service deployment. */
export const DpuExtensionServiceDeploymentRequestSchema = z.strictObject({
  dpuExtensionServiceId: uuid(),
  version: byteString({ min: 1 }),
});

// A plain number with an own integer check, so a value above Number.MAX_SAFE_INTEGER yields one
// issue (the batch maximum) instead of z.int()'s safe-integer bound as well.
const countSchema = z.number().check((ctx) => {
  const value = ctx.value;
  const push = (params: Record<string, unknown>) =>
    ctx.issues.push({ code: "custom", input: value, params, message: "" });
  if (!Number.isInteger(value)) {
    push({ code: "invalid_type", expected: "int" });
  } else if (value === 0) {
    push({ code: "required", zeroIsMissing: true });
  } else if (value < minBatchCount) {
    push({ code: "too_small", origin: "number", minimum: minBatchCount });
  } else if (value > maxBatchCount) {
    push({ code: "too_big", origin: "number", maximum: maxBatchCount });
  }
});

const batchFields = z.strictObject({
  namePrefix: byteString({ min: minNamePrefixBytes, max: maxNamePrefixBytes, trimmed: true }),
  count: countSchema,
  tenantId: uuid(),
  instanceTypeId: uuid(),
  vpcId: uuid(),
  description: byteString({ max: maxDescriptionBytes }).nullable().optional(),
  secondaryVpcIds: z.array(uuid()).nullable().optional(),
  userData: z.string().nullable().optional(),
  operatingSystemId: uuid().nullable().optional(),
  networkSecurityGroupId: byteString({ min: 1 }).nullable().optional(),
  ipxeScript: z.string().nullable().optional(),
  alwaysBootWithCustomIpxe: z.boolean().nullable().optional(),
  phoneHomeEnabled: z.boolean().nullable().optional(),
  labels: labels().nullable().optional(),
  interfaces: z.array(InterfaceCreateRequestSchema).max(maxInterfaces).nullable().optional(),
  autoNetwork: z.boolean().nullable().optional(),
  infinibandInterfaces: z.array(InfiniBandInterfaceCreateRequestSchema).nullable().optional(),
  dpuExtensionServiceDeployments: z
    .array(DpuExtensionServiceDeploymentRequestSchema)
    .nullable()
    .optional(),
  nvLinkInterfaces: z.array(NVLinkInterfaceCreateRequestSchema).max(4).nullable().optional(),
  sshKeyGroupIds: z.array(uuid()).nullable().optional(),
  topologyOptimized: z.boolean().nullable().optional(),
});

/** Batch fields whose null means the same as an absent key; parsing drops them when null. */
const nullAsAbsentBatchFields = [
  "labels",
  "sshKeyGroupIds",
  "infinibandInterfaces",
  "nvLinkInterfaces",
  "dpuExtensionServiceDeployments",
] as const;

/** Returns a copy of `value` without the keys in `keys` whose value is null. */
function dropNulls<T extends object, K extends keyof T>(
  value: T,
  keys: readonly K[],
): Omit<T, K> & { [P in K]?: Exclude<T[P], null> } {
  const copy = { ...value } as Record<string, unknown>;
  for (const key of keys) {
    if (copy[key as string] === null) delete copy[key as string];
  }
  return copy as Omit<T, K> & { [P in K]?: Exclude<T[P], null> };
}

/**
 * Batch create request. Null in an optional field means the same as an absent key. Parsing
 * applies the defaults: `autoNetwork` false, `topologyOptimized` true, `isPhysical` false,
 * `deviceInstance` 0 on NVLink and InfiniBand items, and the first interface made physical when
 * none is and no interface has device info. Null labels and lists are dropped from the output.
 */
export const BatchInstanceCreateRequestSchema = batchFields
  .check(
    z.superRefine<unknown>((value, ctx) => {
      if (isRecord(value)) pushRuleIssues(ctx, batchRequestRules(batchRuleInput(value)));
    }, runOnObjects),
  )
  .transform((value) => {
    const interfaces = withDefaultPhysicalInterface(value.interfaces ?? []).map((item) => ({
      ...item,
      isPhysical: item.isPhysical ?? false,
    }));
    const present = dropNulls(value, nullAsAbsentBatchFields);
    return {
      ...present,
      autoNetwork: value.autoNetwork ?? false,
      topologyOptimized: value.topologyOptimized ?? true,
      interfaces,
      infinibandInterfaces: present.infinibandInterfaces?.map((item) => ({
        ...item,
        deviceInstance: item.deviceInstance ?? 0,
      })),
      nvLinkInterfaces: present.nvLinkInterfaces?.map((item) => ({
        ...item,
        deviceInstance: item.deviceInstance ?? 0,
      })),
    };
  });

/** Batch create request as a client writes it. */
export type BatchInstanceCreateRequestInput = z.input<typeof BatchInstanceCreateRequestSchema>;
/** Batch create request after validation, with defaults applied. */
export type BatchInstanceCreateRequest = z.output<typeof BatchInstanceCreateRequestSchema>;
/** Interface item as a client writes it. */
export type InterfaceCreateRequest = z.input<typeof InterfaceCreateRequestSchema>;
/** InfiniBand item as a client writes it. */
export type InfiniBandInterfaceCreateRequest = z.input<
  typeof InfiniBandInterfaceCreateRequestSchema
>;
/** NVLink item as a client writes it. */
export type NVLinkInterfaceCreateRequest = z.input<typeof NVLinkInterfaceCreateRequestSchema>;
/** DPU extension service deployment item as a client writes it. */
export type DpuExtensionServiceDeploymentRequest = z.input<
  typeof DpuExtensionServiceDeploymentRequestSchema
>;

const optionalUuidOrEmpty = z
  .string()
  .check((ctx) => {
    if (ctx.value !== "" && !uuid().safeParse(ctx.value).success) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        params: { code: "invalid_format", format: "uuid_or_empty" },
        message: "",
      });
    }
  })
  .nullable()
  .optional();

const updateFields = z.strictObject({
  name: byteString({ min: minInstanceNameBytes, max: maxInstanceNameBytes, trimmed: true })
    .nullable()
    .optional(),
  description: byteString({ max: maxDescriptionBytes }).nullable().optional(),
  labels: labels().nullable().optional(),
  operatingSystemId: optionalUuidOrEmpty,
  ipxeScript: z.string().nullable().optional(),
  userData: z.string().nullable().optional(),
  phoneHomeEnabled: z.boolean().nullable().optional(),
  alwaysBootWithCustomIpxe: z.boolean().nullable().optional(),
  sshKeyGroupIds: z.array(uuid()).nullable().optional(),
  networkSecurityGroupId: z.string().nullable().optional(),
  interfaces: z.array(InterfaceCreateRequestSchema).min(1).max(maxInterfaces).nullable().optional(),
  secondaryVpcIds: z.array(uuid()).nullable().optional(),
  autoNetwork: z.boolean().nullable().optional(),
  infinibandInterfaces: z.array(InfiniBandInterfaceCreateRequestSchema).nullable().optional(),
  nvLinkInterfaces: z.array(NVLinkInterfaceCreateRequestSchema).max(4).nullable().optional(),
  dpuExtensionServiceDeployments: z
    .array(DpuExtensionServiceDeploymentRequestSchema)
    .nullable()
    .optional(),
  triggerReboot: z.boolean().nullable().optional(),
  rebootWithCustomIpxe: z.boolean().nullable().optional(),
  applyUpdatesOnReboot: z.boolean().nullable().optional(),
});

/** Returns a copy of an NVLink or InfiniBand item without `deviceInstance` when it is null. */
function withoutNullDeviceInstance<T extends { deviceInstance?: number | null | undefined }>(
  item: T,
): Omit<T, "deviceInstance"> & { deviceInstance?: number } {
  const { deviceInstance, ...rest } = item;
  return deviceInstance === null || deviceInstance === undefined
    ? rest
    : { ...rest, deviceInstance };
}

/**
 * Instance update request. Parsing makes the first interface physical when interfaces are given,
 * none is physical and none has device info.
 */
export const InstanceUpdateRequestSchema = updateFields
  .check(
    z.superRefine<unknown>((value, ctx) => {
      if (isRecord(value)) pushRuleIssues(ctx, updateRequestRules(updateRuleInput(value)));
    }, runOnObjects),
  )
  .transform((value) => {
    const { interfaces, infinibandInterfaces, nvLinkInterfaces, ...rest } = value;
    return {
      ...rest,
      ...(interfaces !== undefined
        ? {
            interfaces:
              interfaces &&
              withDefaultPhysicalInterface(interfaces).map((item) => ({
                ...item,
                isPhysical: item.isPhysical ?? false,
              })),
          }
        : {}),
      ...(infinibandInterfaces !== undefined
        ? { infinibandInterfaces: infinibandInterfaces?.map(withoutNullDeviceInstance) ?? null }
        : {}),
      ...(nvLinkInterfaces !== undefined
        ? { nvLinkInterfaces: nvLinkInterfaces?.map(withoutNullDeviceInstance) ?? null }
        : {}),
    };
  });

/** Instance update request as a client writes it. */
export type InstanceUpdateRequestInput = z.input<typeof InstanceUpdateRequestSchema>;
/** Instance update request after validation. */
export type InstanceUpdateRequest = z.output<typeof InstanceUpdateRequestSchema>;

/** Machine problem reported with a deletion. */
export const MachineHealthIssueSchema = z.strictObject({
  category: z.enum(["Hardware", "Network", "Performance", "Other"]),
  summary: byteString({ min: 1, max: 1024 }),
  details: byteString({ max: 1024 }).nullable().optional(),
});

/** Optional body of an instance deletion. */
export const InstanceDeleteRequestSchema = z.strictObject({
  machineHealthIssue: MachineHealthIssueSchema.optional(),
  isRepairTenant: z.boolean().nullable().optional(),
});

/** Instance delete request. */
export type InstanceDeleteRequest = z.output<typeof InstanceDeleteRequestSchema>;

function orderBy(fields: readonly string[]) {
  const pattern = new RegExp(`^(${fields.join("|")})_(ASC|DESC)$`);
  return z.string().check((ctx) => {
    if (!pattern.test(ctx.value)) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        params: { code: "invalid_format", format: "order_by", fields },
        message: "",
      });
    }
  });
}

/** Sort fields of the instance list. */
export const instanceOrderByFields = [
  "NAME",
  "STATUS",
  "CREATED",
  "UPDATED",
  "MACHINE_ID",
  "TENANT_ORG_DISPLAY_NAME",
  "INSTANCE_TYPE_NAME",
  "HAS_INFINIBAND",
] as const;

/** Sort fields of the status history. */
export const statusHistoryOrderByFields = ["STATUS", "CREATED", "UPDATED"] as const;

const paginationFields = {
  pageNumber: z.int().min(1).optional(),
  pageSize: z.int().min(1).max(100).optional(),
};

/** Query of the instance list. Unknown parameters are rejected. */
export const ListInstancesQuerySchema = z.strictObject({
  siteId: z.array(uuid()).optional(),
  vpcId: z.array(uuid()).optional(),
  instanceTypeId: z.array(uuid()).optional(),
  operatingSystemId: z.array(uuid()).optional(),
  machineId: z.array(byteString({ min: 1 })).optional(),
  status: z.array(InstanceStatusFilterSchema).optional(),
  name: byteString({ min: 1 }).optional(),
  ipAddress: z.array(byteString({ min: 1 })).optional(),
  query: z.string().optional(),
  ...paginationFields,
  orderBy: orderBy(instanceOrderByFields).optional(),
});

/** Instance list query. */
export type ListInstancesQuery = z.output<typeof ListInstancesQuerySchema>;

/** Query of the status history. Unknown parameters are rejected. */
export const StatusHistoryQuerySchema = z.strictObject({
  ...paginationFields,
  orderBy: orderBy(statusHistoryOrderByFields).optional(),
});

/** Status history query. */
export type StatusHistoryQuery = z.output<typeof StatusHistoryQuerySchema>;

/** Query parameters that repeat (`?status=Ready&status=Error`) and therefore parse to arrays. */
export const repeatableListParameters = [
  "siteId",
  "vpcId",
  "instanceTypeId",
  "operatingSystemId",
  "machineId",
  "status",
  "ipAddress",
] as const;
