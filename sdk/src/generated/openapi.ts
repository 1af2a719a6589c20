// Generated from openapi.yaml by sdk/scripts/generate.ts with openapi-typescript.
// Do not edit by hand: change openapi.yaml and run `npm run generate`.
export interface paths {
  "/v2/org/{org}/nico/instance/batch": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a batch of instances
     * @description Creates `count` instances with one shared configuration in one transaction: either
     *     every instance is created and its machine assigned, or nothing changes.
     *
     *     Each instance is named `<namePrefix>-<suffix>`, where the suffix is 6 random characters
     *     from `a-z0-9`. With `topologyOptimized` (the default), every machine of the batch comes
     *     from one NVLink domain, and the request fails with 409 when no single domain has
     *     enough free machines.
     *
     *     Send an `Idempotency-Key` to make retries safe: a repeated request with the same key and
     *     the same body returns the first result without creating anything, and the same key with
     *     a different body is rejected with 409.
     */
    post: operations["createInstanceBatch"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/org/{org}/nico/instance": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
      };
      cookie?: never;
    };
    /**
     * List instances
     * @description Lists the instances of the org's tenant, one page at a time. Repeatable filters match
     *     any of their values, and different filters must all match. The body is a bare array;
     *     the `X-Pagination` header carries the page position and the total count.
     */
    get: operations["listInstances"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/v2/org/{org}/nico/instance/{instanceId}": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
        /**
         * @description Instance id.
         * @example 0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10
         */
        instanceId: components["parameters"]["InstanceId"];
      };
      cookie?: never;
    };
    /**
     * Get an instance
     * @description Returns one instance with its interfaces, SSH key groups and the 20 most recent status changes.
     */
    get: operations["getInstance"];
    put?: never;
    post?: never;
    /**
     * Delete an instance
     * @description Starts the deletion of one instance and returns at once. The instance stays readable
     *     with status `Terminating` until its machine is released; after that, GET returns 404.
     *     Deleting an instance that is already terminating is accepted again.
     */
    delete: operations["deleteInstance"];
    options?: never;
    head?: never;
    /**
     * Update an instance
     * @description Changes the given attributes of one instance; absent and `null` fields stay unchanged.
     *     `labels`, `sshKeyGroupIds` and the interface lists replace the stored value as a whole.
     *     A reboot (`triggerReboot: true`) cannot be combined with attribute changes.
     */
    patch: operations["updateInstance"];
    trace?: never;
  };
  "/v2/org/{org}/nico/instance/{instanceId}/status-history": {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
        /**
         * @description Instance id.
         * @example 0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10
         */
        instanceId: components["parameters"]["InstanceId"];
      };
      cookie?: never;
    };
    /**
     * List the status changes of an instance
     * @description Lists the status changes of one instance, newest first unless `orderBy` says otherwise.
     */
    get: operations["getInstanceStatusHistory"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description Up to 10 key-value pairs. Keys are 1 to 255 UTF-8 bytes, not only whitespace and not `__proto__`, and values are at most 255 UTF-8 bytes. */
    Labels: {
      [key: string]: string;
    };
    /**
     * @description One network interface. Give exactly one of `subnetId` and `vpcPrefixId`. `device` and
     *     `deviceInstance` select a DPU port and must come together, and only with `vpcPrefixId`.
     *     A virtual function (`device` with `isPhysical` not true) needs `virtualFunctionId`.
     *     Null means the same as an absent key. Unknown keys are rejected.
     */
    InterfaceCreateRequest: ({
      /**
       * Format: uuid
       * @description Subnet of the primary VPC (Ethernet-virtualizer VPCs).
       */
      subnetId?: string | null;
      /**
       * Format: uuid
       * @description VPC prefix of the primary or a secondary VPC (FNN VPCs).
       */
      vpcPrefixId?: string | null;
      /** @description Requested IPv4 or IPv6 address whose last bit is 1. Only for VPC prefix interfaces, and not accepted by batch create. */
      ipAddress?: string | null;
      /** @description DPU device name from the instance type's network capabilities, at least 1 UTF-8 byte. */
      device?: string | null;
      /** @description Index of the DPU device; requires `device`. */
      deviceInstance?: number | null;
      /** @description Virtual function number; required when `device` is given and `isPhysical` is false. */
      virtualFunctionId?: number | null;
      /**
       * @description Whether the interface is the physical function; null means false. Without device info, at most one interface may be physical, and the first one becomes physical when none is.
       * @default false
       */
      isPhysical?: boolean | null;
    } & (unknown & unknown & unknown)) &
      (
        | {
            subnetId: string;
          }
        | {
            vpcPrefixId: string;
          }
      );
    /**
     * @description One network interface of a batch create request: an `InterfaceCreateRequest` without
     *     `ipAddress`, because batch create lets the site assign every address.
     */
    BatchInterfaceCreateRequest: components["schemas"]["InterfaceCreateRequest"];
    /** @description One InfiniBand port. Each (device, deviceInstance) pair may appear once. Unknown keys are rejected. */
    InfiniBandInterfaceCreateRequest: {
      /**
       * Format: uuid
       * @description InfiniBand partition at the instance type's site.
       */
      partitionId: string;
      /** @description Device name from the instance type's InfiniBand capabilities, at least 1 UTF-8 byte. */
      device: string;
      /** @description Device vendor, at least 1 UTF-8 byte; must match the capability's vendor when given. */
      vendor?: string | null;
      /**
       * @description Index of the device, below the capability's count; null means 0.
       * @default 0
       */
      deviceInstance?: number | null;
      /**
       * @description Must be true because virtual functions are not supported on InfiniBand.
       * @constant
       */
      isPhysical: true;
      /** @description Must be absent or null because virtual functions are not supported on InfiniBand. */
      virtualFunctionId?: null;
    };
    /**
     * @description One NVLink GPU attachment. Each `deviceInstance` may appear once. Unknown keys are
     *     rejected, including the upstream spelling `nvLinklogicalPartitionId`: send
     *     `nvLinkLogicalPartitionId` instead.
     */
    NVLinkInterfaceCreateRequest: {
      /**
       * Format: uuid
       * @description NVLink logical partition at the instance type's site.
       */
      nvLinkLogicalPartitionId: string;
      /**
       * @description GPU index, below the instance type's GPU count; null means 0.
       * @default 0
       */
      deviceInstance?: number | null;
    };
    /** @description A DPU extension service to deploy. Each (service, version) pair may appear once. Unknown keys are rejected. */
    DpuExtensionServiceDeploymentRequest: {
      /**
       * Format: uuid
       * @description DPU extension service at the instance type's site.
       */
      dpuExtensionServiceId: string;
      /** @description An active version of the service, at least 1 UTF-8 byte. */
      version: string;
    };
    /**
     * @description Configuration shared by every instance of a batch. Null in an optional field means the
     *     same as an absent key. Unknown keys are rejected.
     *
     *     Rules over several fields (the ones marked * are also expressed in this schema):
     *     - `autoNetwork: true` needs no `interfaces` and no `secondaryVpcIds`*; otherwise give 1 to 16 interfaces*.
     *     - `secondaryVpcIds` (even `[]`) needs every interface to use `vpcPrefixId`; ids are unique* and differ from `vpcId`.
     *     - Give `operatingSystemId` or a non-empty `ipxeScript`*.
     *     - Interfaces are all subnet-based or all prefix-based, and carry device info on all or none.
     *     - `ipAddress` is not accepted on interfaces*.
     */
    BatchInstanceCreateRequest: {
      /** @description Name stem of every instance, 2 to 240 UTF-8 bytes, without leading or trailing whitespace. */
      namePrefix: string;
      /** @description Number of instances to create. */
      count: number;
      /**
       * Format: uuid
       * @description Tenant of the org in the path.
       */
      tenantId: string;
      /**
       * Format: uuid
       * @description Instance type; it also selects the site.
       */
      instanceTypeId: string;
      /**
       * Format: uuid
       * @description Primary VPC of every instance.
       */
      vpcId: string;
      /** @description Description copied to every instance, at most 1024 UTF-8 bytes. */
      description?: string | null;
      /** @description Additional VPCs reached through VPC prefix interfaces. Any non-null value, even `[]`, counts as given; send null or omit the key otherwise. */
      secondaryVpcIds?: string[] | null;
      /** @description Cloud-init user data. Defaults to the operating system's user data. */
      userData?: string | null;
      /**
       * Format: uuid
       * @description Operating system to install. Required unless `ipxeScript` is given.
       */
      operatingSystemId?: string | null;
      /** @description Network security group at the instance type's site, at least 1 UTF-8 byte. */
      networkSecurityGroupId?: string | null;
      /** @description iPXE script to boot. Required and non-empty unless `operatingSystemId` is given. */
      ipxeScript?: string | null;
      /** @description Boot the iPXE script on every boot, not only the first. Null means false. */
      alwaysBootWithCustomIpxe?: boolean | null;
      /** @description Report to NICo when the operating system has booted. Null means the operating system's own setting, or false without one. */
      phoneHomeEnabled?: boolean | null;
      /** @description Labels of every instance; null means none. */
      labels?: components["schemas"]["Labels"] | null;
      /** @description Network interfaces of every instance; 1 to 16 unless `autoNetwork` is true, then none. Null means none. */
      interfaces?: components["schemas"]["BatchInterfaceCreateRequest"][] | null;
      /**
       * @description Let the site choose the network of a FLAT VPC instead of listing interfaces. Null means false.
       * @default false
       */
      autoNetwork?: boolean | null;
      /** @description InfiniBand ports of every instance. */
      infinibandInterfaces?: components["schemas"]["InfiniBandInterfaceCreateRequest"][] | null;
      /** @description DPU extension services deployed on every instance. */
      dpuExtensionServiceDeployments?:
        components["schemas"]["DpuExtensionServiceDeploymentRequest"][] | null;
      /** @description NVLink GPU attachments of every instance. */
      nvLinkInterfaces?: components["schemas"]["NVLinkInterfaceCreateRequest"][] | null;
      /** @description SSH key groups granted access to every instance. */
      sshKeyGroupIds?: string[] | null;
      /**
       * @description Place every instance of the batch in one NVLink domain. Null means true.
       * @default true
       */
      topologyOptimized?: boolean | null;
    } & ((
      | {
          operatingSystemId: string;
        }
      | {
          ipxeScript: string;
        }
    ) &
      (
        | {
            /** @constant */
            autoNetwork: true;
            interfaces?: unknown;
            secondaryVpcIds?: null;
          }
        | {
            /** @enum {unknown} */
            autoNetwork?: false | null;
            interfaces: unknown[];
          }
      ));
    /**
     * @description Attributes to change on one instance; absent and null fields stay unchanged. Unknown keys are rejected.
     *     `triggerReboot: true` reboots the instance and cannot be combined with attribute changes;
     *     `rebootWithCustomIpxe` and `applyUpdatesOnReboot` need `triggerReboot: true`.
     *     `secondaryVpcIds` needs `interfaces` in the same request, all prefix-based.
     */
    InstanceUpdateRequest: {
      /** @description New name, 2 to 256 UTF-8 bytes, without leading or trailing whitespace, unique within the tenant. */
      name?: string | null;
      /** @description New description, at most 1024 UTF-8 bytes. */
      description?: string | null;
      /** @description Labels replacing the stored ones. */
      labels?: components["schemas"]["Labels"] | null;
      /** @description New operating system id, or `""` to remove the operating system. */
      operatingSystemId?: string | null;
      /** @description New iPXE script. */
      ipxeScript?: string | null;
      /** @description New cloud-init user data. */
      userData?: string | null;
      /** @description Report to NICo when the operating system has booted. */
      phoneHomeEnabled?: boolean | null;
      /** @description Boot the iPXE script on every boot. */
      alwaysBootWithCustomIpxe?: boolean | null;
      /** @description SSH key groups replacing the stored ones. */
      sshKeyGroupIds?: string[] | null;
      /** @description New network security group id, or `""` to remove it. */
      networkSecurityGroupId?: string | null;
      /** @description Interfaces replacing the stored ones. */
      interfaces?: components["schemas"]["InterfaceCreateRequest"][] | null;
      /** @description Secondary VPCs replacing the stored ones. */
      secondaryVpcIds?: string[] | null;
      /** @description Switch automatic network selection on or off. */
      autoNetwork?: boolean | null;
      /** @description InfiniBand ports replacing the stored ones. */
      infinibandInterfaces?: components["schemas"]["InfiniBandInterfaceCreateRequest"][] | null;
      /** @description NVLink attachments replacing the stored ones. */
      nvLinkInterfaces?: components["schemas"]["NVLinkInterfaceCreateRequest"][] | null;
      /** @description DPU extension service deployments replacing the stored ones. */
      dpuExtensionServiceDeployments?:
        components["schemas"]["DpuExtensionServiceDeploymentRequest"][] | null;
      /** @description Reboot the instance. */
      triggerReboot?: boolean | null;
      /** @description Boot the custom iPXE script on this reboot. */
      rebootWithCustomIpxe?: boolean | null;
      /** @description Apply pending updates on this reboot. */
      applyUpdatesOnReboot?: boolean | null;
    };
    /** @description A machine problem reported while deleting its instance. Unknown keys are rejected. */
    MachineHealthIssue: {
      /**
       * @description Kind of problem.
       * @enum {string}
       */
      category: "Hardware" | "Network" | "Performance" | "Other";
      /** @description One-line description of the problem, 1 to 1024 UTF-8 bytes. */
      summary: string;
      /** @description Further details, at most 1024 UTF-8 bytes. */
      details?: string | null;
    };
    /** @description Optional details for a deletion. Unknown keys are rejected. */
    InstanceDeleteRequest: {
      machineHealthIssue?: components["schemas"]["MachineHealthIssue"];
      /** @description The caller is a repair tenant; needs the tenant capability for targeted instance creation. */
      isRepairTenant?: boolean | null;
    };
    /**
     * @description State of an instance in a response. `Terminated` and `Unknown` are stored states that the upstream API may return.
     * @enum {string}
     */
    InstanceStatus:
      | "Pending"
      | "Provisioning"
      | "Configuring"
      | "Ready"
      | "Updating"
      | "Repairing"
      | "Rebooting"
      | "Terminating"
      | "Terminated"
      | "Error"
      | "Unknown";
    /**
     * @description Instance state accepted by the `status` filter of the instance list.
     * @enum {string}
     */
    InstanceStatusFilter:
      | "Pending"
      | "Provisioning"
      | "Configuring"
      | "Ready"
      | "Updating"
      | "Repairing"
      | "Rebooting"
      | "Terminating"
      | "Terminated"
      | "Error";
    /**
     * @description State of an interface.
     * @enum {string}
     */
    NetworkStatus: "Pending" | "Provisioning" | "Ready" | "Error" | "Deleting";
    /** @description A network interface of an instance. */
    Interface: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      instanceId: string;
      /** Format: uuid */
      subnetId: string | null;
      /** Format: uuid */
      vpcPrefixId: string | null;
      device: string | null;
      deviceInstance: number | null;
      virtualFunctionId: number | null;
      isPhysical: boolean;
      macAddress: string | null;
      /** @description Addresses assigned by the site; null until the site reports them. */
      ipAddresses: string[] | null;
      requestedIpAddress: string | null;
      status: components["schemas"]["NetworkStatus"];
      /** Format: date-time */
      created: string;
      /** Format: date-time */
      updated: string;
    };
    /** @description An InfiniBand port of an instance. */
    InfiniBandInterface: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      instanceId: string;
      /** Format: uuid */
      partitionId: string;
      device: string;
      vendor: string | null;
      deviceInstance: number;
      isPhysical: boolean;
      virtualFunctionId: number | null;
      guid: string | null;
      status: components["schemas"]["NetworkStatus"];
      /** Format: date-time */
      created: string;
      /** Format: date-time */
      updated: string;
    };
    /** @description An NVLink GPU attachment of an instance. */
    NVLinkInterface: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      instanceId: string;
      /** Format: uuid */
      nvLinkLogicalPartitionId: string;
      /**
       * Format: uuid
       * @description NVLink domain of the instance's machine; null until the site reports it.
       */
      nvLinkDomainId: string | null;
      deviceInstance: number;
      gpuGuid: string | null;
      status: components["schemas"]["NetworkStatus"];
      /** Format: date-time */
      created: string;
      /** Format: date-time */
      updated: string;
    };
    /** @description Short form of a DPU extension service. */
    DpuExtensionServiceSummary: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    /** @description A DPU extension service deployed on an instance. */
    DpuExtensionServiceDeployment: {
      /** Format: uuid */
      id: string;
      /** @description The deployed service; null in the batch create response. */
      dpuExtensionService: components["schemas"]["DpuExtensionServiceSummary"] | null;
      version: string;
      /** @enum {string} */
      status: "Pending" | "Running" | "Error" | "Failed" | "Terminating";
      /** Format: date-time */
      created: string;
      /** Format: date-time */
      updated: string;
    };
    /** @description Short form of an SSH key group. */
    SshKeyGroupSummary: {
      /** Format: uuid */
      id: string;
      name: string;
    };
    /** @description One status change of an instance. */
    StatusDetail: {
      /** @description Status after the change. History rows may also carry states that are not in `InstanceStatus`, such as `Terminated`. */
      status: string;
      message: string | null;
      /** Format: date-time */
      created: string;
      /** Format: date-time */
      updated: string;
    };
    /** @description An attribute that will be removed, with its replacement. */
    Deprecation: {
      attribute: string;
      replacedby: string;
      /** Format: date-time */
      effective: string;
      notice: string;
    };
    /** @description A GPU instance on one machine. */
    Instance: {
      /** Format: uuid */
      id: string;
      /** @description `<namePrefix>-<6 characters from a-z0-9>` for batch members. */
      name: string;
      description: string | null;
      /** @description Id of the instance on the site; equal to `id` for batch members, `""` while unknown. */
      controllerInstanceId: string;
      /** Format: uuid */
      tenantId: string;
      /** Format: uuid */
      infrastructureProviderId: string;
      /** Format: uuid */
      siteId: string;
      /** Format: uuid */
      instanceTypeId: string | null;
      /** Format: uuid */
      vpcId: string;
      /** @description VPCs of prefix interfaces other than `vpcId`, sorted; empty when there are none. */
      secondaryVpcIds: string[];
      /** @description Machine the instance runs on. */
      machineId: string | null;
      /** Format: uuid */
      operatingSystemId: string | null;
      ipxeScript: string | null;
      alwaysBootWithCustomIpxe: boolean;
      phoneHomeEnabled: boolean;
      userData: string | null;
      /** @description Labels of the instance; null when none were given. */
      labels: components["schemas"]["Labels"] | null;
      isUpdatePending: boolean;
      serialConsoleUrl: string | null;
      networkSecurityGroupId: string | null;
      /** @description How the VPC's network security group reaches this instance when it has none of its own. */
      networkSecurityGroupPropagationDetails: {
        [key: string]: unknown;
      } | null;
      networkSecurityGroupInherited: boolean;
      tpmEkCertificate: string | null;
      status: components["schemas"]["InstanceStatus"];
      autoNetwork: boolean;
      interfaces: components["schemas"]["Interface"][];
      infinibandInterfaces: components["schemas"]["InfiniBandInterface"][];
      dpuExtensionServiceDeployments: components["schemas"]["DpuExtensionServiceDeployment"][];
      nvLinkInterfaces: components["schemas"]["NVLinkInterface"][];
      /** @description Ids of the SSH key groups; null when there are none. */
      sshKeyGroupIds: string[] | null;
      sshKeyGroups: components["schemas"]["SshKeyGroupSummary"][];
      /** @description Up to 20 most recent status changes, newest first. */
      statusHistory: components["schemas"]["StatusDetail"][];
      /** Format: date-time */
      created: string;
      /** Format: date-time */
      updated: string;
      deprecations: components["schemas"]["Deprecation"][];
    };
    /** @description Page position, sent JSON-encoded in the `X-Pagination` response header. */
    Pagination: {
      pageNumber: number;
      pageSize: number;
      total: number;
      orderBy: string | null;
    };
    /** @description Body of every error response. */
    ErrorResponse: {
      /** @description Name of the API that produced the error, usually `nico`. */
      source: string;
      /** @description What failed, in words. */
      message: string;
      /** @description For validation failures, a map from field path to reason, nested by path; otherwise details of the failure or null. */
      data: {
        [key: string]: unknown;
      } | null;
    };
  };
  responses: {
    /** @description The request is malformed or breaks a field rule or a rule over several fields. `data` maps each field path to its reason. */
    BatchCreateBadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The request is malformed or breaks a field rule. `data` maps each field path to its reason. */
    UpdateBadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description A query parameter is invalid. */
    ListBadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The instance id in the path, a query parameter or the body is invalid. */
    InstanceIdBadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The bearer token is missing, malformed, expired or from an unknown issuer. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The caller is not a tenant admin of the org, or the instance belongs to another tenant. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The caller is not a tenant admin of the org, the tenant has no allocation or quota left for the instance type, or a referenced object belongs to another site or tenant. */
    BatchCreateForbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The path or the instance does not exist. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description A site, VPC, instance type or operating system named in a filter does not exist. */
    ListNotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The request conflicts with the current state of the instance. */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The instance is terminating, or another instance of the tenant already has the requested name. */
    UpdateConflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description Not enough free machines for the batch (in one NVLink domain when `topologyOptimized` is true), or the `Idempotency-Key` was used with a different body. */
    BatchCreateConflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The caller sent too many requests. Retry after the number of seconds in `Retry-After`. */
    TooManyRequests: {
      headers: {
        "Retry-After": components["headers"]["RetryAfter"];
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The server failed to process the request. */
    InternalServerError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
    /** @description The site or a service the server depends on is unavailable. Retry after the number of seconds in `Retry-After`. */
    ServiceUnavailable: {
      headers: {
        "Retry-After": components["headers"]["RetryAfter"];
        [name: string]: unknown;
      };
      content: {
        "application/json": components["schemas"]["ErrorResponse"];
      };
    };
  };
  parameters: {
    /**
     * @description Org name. Membership is checked case-insensitively.
     * @example acme
     */
    Org: string;
    /**
     * @description Instance id.
     * @example 0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10
     */
    InstanceId: string;
    /**
     * @description Client-chosen key that makes a retried batch create return the first result instead of creating a second batch. Reuse the key only with the same body.
     * @example 4c1f8a2e-93b7-4d06-a5e1-7b2c9d3f6e80
     */
    IdempotencyKey: string;
    /** @description Page to return, starting at 1. */
    PageNumber: number;
    /** @description Items per page. */
    PageSize: number;
  };
  requestBodies: never;
  headers: {
    /**
     * @description Page position as a JSON object in a string: `{"pageNumber":1,"pageSize":20,"total":2,"orderBy":null}`.
     *     `orderBy` repeats the query value, or is null when the request had none.
     * @example {"pageNumber":1,"pageSize":20,"total":2,"orderBy":null}
     */
    XPagination: string;
    /**
     * @description Seconds to wait before retrying.
     * @example 2
     */
    RetryAfter: number;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  createInstanceBatch: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Client-chosen key that makes a retried batch create return the first result instead of creating a second batch. Reuse the key only with the same body.
         * @example 4c1f8a2e-93b7-4d06-a5e1-7b2c9d3f6e80
         */
        "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
      };
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["BatchInstanceCreateRequest"];
      };
    };
    responses: {
      /** @description Every instance of the batch was created. The array is in creation order. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Instance"][];
        };
      };
      400: components["responses"]["BatchCreateBadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["BatchCreateForbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["BatchCreateConflict"];
      429: components["responses"]["TooManyRequests"];
      500: components["responses"]["InternalServerError"];
      503: components["responses"]["ServiceUnavailable"];
    };
  };
  listInstances: {
    parameters: {
      query?: {
        /** @description Site ids; an instance matches when it runs at any of them. */
        siteId?: string[];
        /** @description VPC ids; an instance matches when its primary VPC or a VPC prefix of one of its interfaces belongs to any of them. */
        vpcId?: string[];
        /** @description Instance type ids. */
        instanceTypeId?: string[];
        /** @description Operating system ids. */
        operatingSystemId?: string[];
        /** @description Machine ids, each at least 1 byte. Unknown ids are ignored, so a filter of only unknown ids returns an empty page. */
        machineId?: string[];
        /** @description Instance states, sent as one `status` parameter per value (`?status=Ready&status=Provisioning`). */
        status?: components["schemas"]["InstanceStatusFilter"][];
        /** @description Exact instance name, at least 1 byte. */
        name?: string;
        /** @description IP addresses, each at least 1 byte; an instance matches when one of its interfaces has any of them. */
        ipAddress?: string[];
        /** @description Text searched for in name, status, description and labels, case-insensitively. */
        query?: string;
        /** @description Page to return, starting at 1. */
        pageNumber?: components["parameters"]["PageNumber"];
        /** @description Items per page. */
        pageSize?: components["parameters"]["PageSize"];
        /** @description Sort field and direction. The default order is `CREATED_ASC`; creation time breaks ties for any other order. */
        orderBy?: string;
      };
      header?: never;
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of instances, possibly empty. */
      200: {
        headers: {
          "X-Pagination": components["headers"]["XPagination"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Instance"][];
        };
      };
      400: components["responses"]["ListBadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["ListNotFound"];
      409: components["responses"]["Conflict"];
      429: components["responses"]["TooManyRequests"];
      500: components["responses"]["InternalServerError"];
      503: components["responses"]["ServiceUnavailable"];
    };
  };
  getInstance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
        /**
         * @description Instance id.
         * @example 0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10
         */
        instanceId: components["parameters"]["InstanceId"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The instance. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Instance"];
        };
      };
      400: components["responses"]["InstanceIdBadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      429: components["responses"]["TooManyRequests"];
      500: components["responses"]["InternalServerError"];
      503: components["responses"]["ServiceUnavailable"];
    };
  };
  deleteInstance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
        /**
         * @description Instance id.
         * @example 0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10
         */
        instanceId: components["parameters"]["InstanceId"];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["InstanceDeleteRequest"];
      };
    };
    responses: {
      /** @description The deletion was accepted. The body is plain text, not JSON. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/plain": string;
        };
      };
      400: components["responses"]["InstanceIdBadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      429: components["responses"]["TooManyRequests"];
      500: components["responses"]["InternalServerError"];
      503: components["responses"]["ServiceUnavailable"];
    };
  };
  updateInstance: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
        /**
         * @description Instance id.
         * @example 0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10
         */
        instanceId: components["parameters"]["InstanceId"];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["InstanceUpdateRequest"];
      };
    };
    responses: {
      /** @description The updated instance. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Instance"];
        };
      };
      400: components["responses"]["UpdateBadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["UpdateConflict"];
      429: components["responses"]["TooManyRequests"];
      500: components["responses"]["InternalServerError"];
      503: components["responses"]["ServiceUnavailable"];
    };
  };
  getInstanceStatusHistory: {
    parameters: {
      query?: {
        /** @description Page to return, starting at 1. */
        pageNumber?: components["parameters"]["PageNumber"];
        /** @description Items per page. */
        pageSize?: components["parameters"]["PageSize"];
        /** @description Sort field and direction. The default order is `CREATED_DESC`. */
        orderBy?: string;
      };
      header?: never;
      path: {
        /**
         * @description Org name. Membership is checked case-insensitively.
         * @example acme
         */
        org: components["parameters"]["Org"];
        /**
         * @description Instance id.
         * @example 0b6e4d2f-3a1c-4e5b-9f87-6d5c4b3a2e10
         */
        instanceId: components["parameters"]["InstanceId"];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of status changes. */
      200: {
        headers: {
          "X-Pagination": components["headers"]["XPagination"];
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StatusDetail"][];
        };
      };
      400: components["responses"]["InstanceIdBadRequest"];
      401: components["responses"]["Unauthorized"];
      403: components["responses"]["Forbidden"];
      404: components["responses"]["NotFound"];
      409: components["responses"]["Conflict"];
      429: components["responses"]["TooManyRequests"];
      500: components["responses"]["InternalServerError"];
      503: components["responses"]["ServiceUnavailable"];
    };
  };
}
