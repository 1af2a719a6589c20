import {
  validateBatchInstanceCreateRequest,
  wholeValueKey,
  type ValidationIssue,
} from "@nico/sdk/schema";
import { Token } from "cdktf";
import type { InstanceBatchProps } from "./props.js";

type RequestPath = (string | number)[];

/** A rule an `InstanceBatch` prop breaks, with the path in construct prop names. */
export interface InstanceBatchPropIssue {
  /** Prop path such as `instanceCount` or `interfaces[0].subnetId`. */
  readonly propPath: string;
  /** Issue code of `@nico/sdk/schema`, such as `too_small` or `invalid_format`. */
  readonly code: string;
  /** Sentence naming the prop path, the rule and the value. */
  readonly message: string;
  /** The offending value, or undefined when the prop is missing. */
  readonly value: unknown;
}

/** Raised when `InstanceBatch` props break a rule of the batch create request. */
export class InstanceBatchValidationError extends Error {
  /** Every broken rule, in the order the SDK reported them. */
  readonly issues: readonly InstanceBatchPropIssue[];

  constructor(constructPath: string, issues: readonly InstanceBatchPropIssue[]) {
    const lines = issues.map((issue) => `  - [${issue.code}] ${issue.message}`);
    super(`InstanceBatch "${constructPath}" has invalid props:\n${lines.join("\n")}`);
    this.name = "InstanceBatchValidationError";
    this.issues = issues;
  }
}

/** Builds the NICo batch create request body that the props describe. */
export function toBatchRequest(props: InstanceBatchProps): Record<string, unknown> {
  const body: Record<string, unknown> = {
    namePrefix: props.namePrefix,
    count: props.instanceCount,
    tenantId: props.tenantId,
    instanceTypeId: props.instanceTypeId,
    vpcId: props.vpcId,
    description: props.description,
    labels: props.labels,
    secondaryVpcIds: props.secondaryVpcIds,
    userData: props.userData,
    operatingSystemId: props.operatingSystemId,
    ipxeScript: props.ipxeScript,
    alwaysBootWithCustomIpxe: props.alwaysBootWithCustomIpxe,
    phoneHomeEnabled: props.phoneHomeEnabled,
    networkSecurityGroupId: props.networkSecurityGroupId,
    autoNetwork: props.autoNetwork,
    topologyOptimized: props.topologyOptimized,
    sshKeyGroupIds: props.sshKeyGroupIds,
    interfaces: props.interfaces,
    infinibandInterfaces: props.infinibandInterfaces,
    nvLinkInterfaces: props.nvLinkInterfaces,
    dpuExtensionServiceDeployments: props.dpuExtensionServiceDeployments,
  };
  return stripUndefined(body) as Record<string, unknown>;
}

/**
 * Checks the props with the SDK's request schema. Values that are still cdktf tokens are known
 * only at apply time, so issues at, below or above a token's path are dropped, and so are
 * cross-field issues that read a token.
 */
export function validateInstanceBatchProps(props: InstanceBatchProps): InstanceBatchPropIssue[] {
  const body = toBatchRequest(props);
  const result = validateBatchInstanceCreateRequest(body);
  if (result.success) return [];

  const unresolvedPaths = findUnresolvedPaths(body, []);
  return result.issues
    .filter((issue) => !touchesUnresolved(issue, unresolvedPaths))
    .map((issue) => {
      const propPath = toPropPath(issue.path);
      return {
        propPath,
        code: issue.code,
        message: renameSubject(issue, propPath),
        value: issue.value,
      };
    });
}

/** Replaces the request path at the start of an SDK message with the prop path. */
function renameSubject(issue: ValidationIssue, propPath: string): string {
  const requestSubject = issue.path.length === 0 ? "request body" : toPropPath(issue.path, false);
  if (issue.message.startsWith(`${requestSubject} `)) {
    return `${propPath}${issue.message.slice(requestSubject.length)}`;
  }
  return `${propPath}: ${issue.message}`;
}

/**
 * Converts a request path such as `["interfaces", 0, "subnetId"]` to the prop path
 * `interfaces[0].subnetId`. The request's `count` becomes the prop `instanceCount` unless
 * `renameCount` is false.
 */
export function toPropPath(requestPath: readonly (string | number)[], renameCount = true): string {
  let text = "";
  // A rule over a whole list sits under the wire key `__all__`, but the prop is the list itself.
  const path =
    requestPath[requestPath.length - 1] === wholeValueKey ? requestPath.slice(0, -1) : requestPath;
  path.forEach((segment, position) => {
    const name = renameCount && position === 0 && segment === "count" ? "instanceCount" : segment;
    if (typeof name === "number") text += `[${name}]`;
    else if (!/^[A-Za-z_$][\w$]*$/.test(name)) text += `[${JSON.stringify(name)}]`;
    else text += position === 0 ? name : `.${name}`;
  });
  return text === "" ? "props" : text;
}

function touchesUnresolved(issue: ValidationIssue, unresolvedPaths: RequestPath[]): boolean {
  const readPaths = issue.crossField && issue.fields ? [issue.path, ...issue.fields] : [issue.path];
  return readPaths.some((readPath) =>
    unresolvedPaths.some(
      (unresolved) => isPrefix(unresolved, readPath) || isPrefix(readPath, unresolved),
    ),
  );
}

function isPrefix(prefix: RequestPath, full: RequestPath): boolean {
  if (prefix.length > full.length) return false;
  return prefix.every((segment, index) => String(segment) === String(full[index]));
}

function findUnresolvedPaths(value: unknown, at: RequestPath): RequestPath[] {
  if (Token.isUnresolved(value)) return [at];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findUnresolvedPaths(item, [...at, index]));
  }
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => findUnresolvedPaths(item, [...at, key]));
  }
  return [];
}

function stripUndefined(value: unknown): unknown {
  if (Token.isUnresolved(value)) return value;
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key, stripUndefined(item)]);
    return Object.fromEntries(entries);
  }
  return value;
}
