// https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch
// generated from terraform resource schema

import { Construct } from "constructs";
import * as cdktf from "cdktf";

// Configuration

export interface InstanceBatchConfig extends cdktf.TerraformMetaArguments {
  /**
   * Prefix of the member names; each instance is named <name_prefix>-<6 random characters>. 2 to 240 bytes, no leading or trailing whitespace.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#name_prefix InstanceBatch#name_prefix}
   */
  readonly namePrefix: string;
  /**
   * Number of instances in the batch, 2 to 18. Changing it replaces the batch.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#instance_count InstanceBatch#instance_count}
   */
  readonly instanceCount: number;
  /**
   * UUID of the tenant that owns the instances; it must belong to the org.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#tenant_id InstanceBatch#tenant_id}
   */
  readonly tenantId: string;
  /**
   * UUID of the instance type; its site is where the instances run.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#instance_type_id InstanceBatch#instance_type_id}
   */
  readonly instanceTypeId: string;
  /**
   * UUID of the primary VPC of every instance.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#vpc_id InstanceBatch#vpc_id}
   */
  readonly vpcId: string;
  /**
   * Description copied to every instance, at most 1024 bytes. Updates in place.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#description InstanceBatch#description}
   */
  readonly description?: string;
  /**
   * Labels copied to every instance: at most 10 pairs, keys 1 to 255 bytes, values at most 255 bytes. Updates in place.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#labels InstanceBatch#labels}
   */
  readonly labels?: { [key: string]: string };
  /**
   * UUIDs of additional VPCs reached through VPC-prefix interfaces. Leave unset rather than empty: an empty set still counts as specified.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#secondary_vpc_ids InstanceBatch#secondary_vpc_ids}
   */
  readonly secondaryVpcIds?: string[];
  /**
   * Cloud-init user data; defaults to the operating system's own user data.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#user_data InstanceBatch#user_data}
   */
  readonly userData?: string;
  /**
   * UUID of the operating system. Either this or ipxe_script is required.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#operating_system_id InstanceBatch#operating_system_id}
   */
  readonly operatingSystemId?: string;
  /**
   * iPXE script to boot from when no operating_system_id is given.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#ipxe_script InstanceBatch#ipxe_script}
   */
  readonly ipxeScript?: string;
  /**
   * Boot from ipxe_script on every boot, not only the first. Defaults to false.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#always_boot_with_custom_ipxe InstanceBatch#always_boot_with_custom_ipxe}
   */
  readonly alwaysBootWithCustomIpxe?: boolean | cdktf.IResolvable;
  /**
   * Whether instances report to the phone-home service after boot. Defaults to the operating system's setting, or false without one.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#phone_home_enabled InstanceBatch#phone_home_enabled}
   */
  readonly phoneHomeEnabled?: boolean | cdktf.IResolvable;
  /**
   * Id of the network security group attached to every instance.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#network_security_group_id InstanceBatch#network_security_group_id}
   */
  readonly networkSecurityGroupId?: string;
  /**
   * Let the site configure networking; needs a FLAT VPC and no interface blocks. Defaults to false.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#auto_network InstanceBatch#auto_network}
   */
  readonly autoNetwork?: boolean | cdktf.IResolvable;
  /**
   * Place every instance inside a single NVLink domain, or fail when no domain has room. Defaults to true.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#topology_optimized InstanceBatch#topology_optimized}
   */
  readonly topologyOptimized?: boolean | cdktf.IResolvable;
  /**
   * UUIDs of SSH key groups installed on every instance.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#ssh_key_group_ids InstanceBatch#ssh_key_group_ids}
   */
  readonly sshKeyGroupIds?: string[];
  /**
   * interface block
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#interface InstanceBatch#interface}
   */
  readonly interface?: InstanceBatchInterface[] | cdktf.IResolvable;
  /**
   * infiniband_interface block
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#infiniband_interface InstanceBatch#infiniband_interface}
   */
  readonly infinibandInterface?: InstanceBatchInfinibandInterface[] | cdktf.IResolvable;
  /**
   * nvlink_interface block
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#nvlink_interface InstanceBatch#nvlink_interface}
   */
  readonly nvlinkInterface?: InstanceBatchNvlinkInterface[] | cdktf.IResolvable;
  /**
   * dpu_extension_service_deployment block
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#dpu_extension_service_deployment InstanceBatch#dpu_extension_service_deployment}
   */
  readonly dpuExtensionServiceDeployment?:
    InstanceBatchDpuExtensionServiceDeployment[] | cdktf.IResolvable;
  /**
   * timeouts block
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#timeouts InstanceBatch#timeouts}
   */
  readonly timeouts?: InstanceBatchTimeouts;
}
export interface InstanceBatchInstances {}

export function instanceBatchInstancesToTerraform(struct?: InstanceBatchInstances): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  return {};
}

export function instanceBatchInstancesToHclTerraform(struct?: InstanceBatchInstances): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  const attrs = {};
  return attrs;
}

export class InstanceBatchInstancesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param complexObjectIndex the index of this item in the list
   * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  public constructor(
    terraformResource: cdktf.IInterpolatingParent,
    terraformAttribute: string,
    complexObjectIndex: number,
    complexObjectIsFromSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): InstanceBatchInstances | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: InstanceBatchInstances | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    } else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // index - computed: true, optional: false, required: false
  public get index() {
    return this.getNumberAttribute("index");
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute("id");
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute("name");
  }

  // machine_id - computed: true, optional: false, required: false
  public get machineId() {
    return this.getStringAttribute("machine_id");
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute("status");
  }

  // nvlink_domain_id - computed: true, optional: false, required: false
  public get nvlinkDomainId() {
    return this.getStringAttribute("nvlink_domain_id");
  }
}

export class InstanceBatchInstancesList extends cdktf.ComplexList {
  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  constructor(
    protected override terraformResource: cdktf.IInterpolatingParent,
    protected override terraformAttribute: string,
    protected override wrapsSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
   * @param index the index of the item to return
   */
  public get(index: number): InstanceBatchInstancesOutputReference {
    return new InstanceBatchInstancesOutputReference(
      this.terraformResource,
      this.terraformAttribute,
      index,
      this.wrapsSet,
    );
  }
}
export interface InstanceBatchInterface {
  /**
   * UUID of a subnet of vpc_id. Conflicts with vpc_prefix_id.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#subnet_id InstanceBatch#subnet_id}
   */
  readonly subnetId?: string;
  /**
   * UUID of a VPC prefix. Conflicts with subnet_id.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#vpc_prefix_id InstanceBatch#vpc_prefix_id}
   */
  readonly vpcPrefixId?: string;
  /**
   * DPU device name; needs device_instance and vpc_prefix_id.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#device InstanceBatch#device}
   */
  readonly device?: string;
  /**
   * Index of the DPU device, 0 or more; needs device.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#device_instance InstanceBatch#device_instance}
   */
  readonly deviceInstance?: number;
  /**
   * Virtual function, 1 to 16; required when device is set and is_physical is false.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#virtual_function_id InstanceBatch#virtual_function_id}
   */
  readonly virtualFunctionId?: number;
  /**
   * Whether the interface is the physical one. When no interface sets it and none has device information, the first becomes physical.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#is_physical InstanceBatch#is_physical}
   */
  readonly isPhysical?: boolean | cdktf.IResolvable;
}

export function instanceBatchInterfaceToTerraform(
  struct?: InstanceBatchInterface | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  return {
    subnet_id: cdktf.stringToTerraform(struct!.subnetId),
    vpc_prefix_id: cdktf.stringToTerraform(struct!.vpcPrefixId),
    device: cdktf.stringToTerraform(struct!.device),
    device_instance: cdktf.numberToTerraform(struct!.deviceInstance),
    virtual_function_id: cdktf.numberToTerraform(struct!.virtualFunctionId),
    is_physical: cdktf.booleanToTerraform(struct!.isPhysical),
  };
}

export function instanceBatchInterfaceToHclTerraform(
  struct?: InstanceBatchInterface | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  const attrs = {
    subnet_id: {
      value: cdktf.stringToHclTerraform(struct!.subnetId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    vpc_prefix_id: {
      value: cdktf.stringToHclTerraform(struct!.vpcPrefixId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    device: {
      value: cdktf.stringToHclTerraform(struct!.device),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    device_instance: {
      value: cdktf.numberToHclTerraform(struct!.deviceInstance),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    virtual_function_id: {
      value: cdktf.numberToHclTerraform(struct!.virtualFunctionId),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    is_physical: {
      value: cdktf.booleanToHclTerraform(struct!.isPhysical),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(
    Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined),
  );
}

export class InstanceBatchInterfaceOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param complexObjectIndex the index of this item in the list
   * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  public constructor(
    terraformResource: cdktf.IInterpolatingParent,
    terraformAttribute: string,
    complexObjectIndex: number,
    complexObjectIsFromSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): InstanceBatchInterface | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._subnetId !== undefined) {
      hasAnyValues = true;
      internalValueResult.subnetId = this._subnetId;
    }
    if (this._vpcPrefixId !== undefined) {
      hasAnyValues = true;
      internalValueResult.vpcPrefixId = this._vpcPrefixId;
    }
    if (this._device !== undefined) {
      hasAnyValues = true;
      internalValueResult.device = this._device;
    }
    if (this._deviceInstance !== undefined) {
      hasAnyValues = true;
      internalValueResult.deviceInstance = this._deviceInstance;
    }
    if (this._virtualFunctionId !== undefined) {
      hasAnyValues = true;
      internalValueResult.virtualFunctionId = this._virtualFunctionId;
    }
    if (this._isPhysical !== undefined) {
      hasAnyValues = true;
      internalValueResult.isPhysical = this._isPhysical;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: InstanceBatchInterface | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._subnetId = undefined;
      this._vpcPrefixId = undefined;
      this._device = undefined;
      this._deviceInstance = undefined;
      this._virtualFunctionId = undefined;
      this._isPhysical = undefined;
    } else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    } else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._subnetId = value.subnetId;
      this._vpcPrefixId = value.vpcPrefixId;
      this._device = value.device;
      this._deviceInstance = value.deviceInstance;
      this._virtualFunctionId = value.virtualFunctionId;
      this._isPhysical = value.isPhysical;
    }
  }

  // subnet_id - computed: false, optional: true, required: false
  private _subnetId?: string;
  public get subnetId() {
    return this.getStringAttribute("subnet_id");
  }
  public set subnetId(value: string) {
    this._subnetId = value;
  }
  public resetSubnetId() {
    this._subnetId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get subnetIdInput() {
    return this._subnetId;
  }

  // vpc_prefix_id - computed: false, optional: true, required: false
  private _vpcPrefixId?: string;
  public get vpcPrefixId() {
    return this.getStringAttribute("vpc_prefix_id");
  }
  public set vpcPrefixId(value: string) {
    this._vpcPrefixId = value;
  }
  public resetVpcPrefixId() {
    this._vpcPrefixId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vpcPrefixIdInput() {
    return this._vpcPrefixId;
  }

  // device - computed: false, optional: true, required: false
  private _device?: string;
  public get device() {
    return this.getStringAttribute("device");
  }
  public set device(value: string) {
    this._device = value;
  }
  public resetDevice() {
    this._device = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deviceInput() {
    return this._device;
  }

  // device_instance - computed: false, optional: true, required: false
  private _deviceInstance?: number;
  public get deviceInstance() {
    return this.getNumberAttribute("device_instance");
  }
  public set deviceInstance(value: number) {
    this._deviceInstance = value;
  }
  public resetDeviceInstance() {
    this._deviceInstance = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deviceInstanceInput() {
    return this._deviceInstance;
  }

  // virtual_function_id - computed: false, optional: true, required: false
  private _virtualFunctionId?: number;
  public get virtualFunctionId() {
    return this.getNumberAttribute("virtual_function_id");
  }
  public set virtualFunctionId(value: number) {
    this._virtualFunctionId = value;
  }
  public resetVirtualFunctionId() {
    this._virtualFunctionId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get virtualFunctionIdInput() {
    return this._virtualFunctionId;
  }

  // is_physical - computed: true, optional: true, required: false
  private _isPhysical?: boolean | cdktf.IResolvable;
  public get isPhysical() {
    return this.getBooleanAttribute("is_physical");
  }
  public set isPhysical(value: boolean | cdktf.IResolvable) {
    this._isPhysical = value;
  }
  public resetIsPhysical() {
    this._isPhysical = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get isPhysicalInput() {
    return this._isPhysical;
  }
}

export class InstanceBatchInterfaceList extends cdktf.ComplexList {
  public internalValue?: InstanceBatchInterface[] | cdktf.IResolvable;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  constructor(
    protected override terraformResource: cdktf.IInterpolatingParent,
    protected override terraformAttribute: string,
    protected override wrapsSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
   * @param index the index of the item to return
   */
  public get(index: number): InstanceBatchInterfaceOutputReference {
    return new InstanceBatchInterfaceOutputReference(
      this.terraformResource,
      this.terraformAttribute,
      index,
      this.wrapsSet,
    );
  }
}
export interface InstanceBatchInfinibandInterface {
  /**
   * UUID of the InfiniBand partition.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#partition_id InstanceBatch#partition_id}
   */
  readonly partitionId: string;
  /**
   * InfiniBand device name from the instance type's capabilities.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#device InstanceBatch#device}
   */
  readonly device: string;
  /**
   * Device vendor from the instance type's capabilities.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#vendor InstanceBatch#vendor}
   */
  readonly vendor?: string;
  /**
   * Index of the device, below the capability count. Defaults to 0.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#device_instance InstanceBatch#device_instance}
   */
  readonly deviceInstance?: number;
  /**
   * Must be true: virtual functions are not supported for InfiniBand.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#is_physical InstanceBatch#is_physical}
   */
  readonly isPhysical?: boolean | cdktf.IResolvable;
}

export function instanceBatchInfinibandInterfaceToTerraform(
  struct?: InstanceBatchInfinibandInterface | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  return {
    partition_id: cdktf.stringToTerraform(struct!.partitionId),
    device: cdktf.stringToTerraform(struct!.device),
    vendor: cdktf.stringToTerraform(struct!.vendor),
    device_instance: cdktf.numberToTerraform(struct!.deviceInstance),
    is_physical: cdktf.booleanToTerraform(struct!.isPhysical),
  };
}

export function instanceBatchInfinibandInterfaceToHclTerraform(
  struct?: InstanceBatchInfinibandInterface | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  const attrs = {
    partition_id: {
      value: cdktf.stringToHclTerraform(struct!.partitionId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    device: {
      value: cdktf.stringToHclTerraform(struct!.device),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    vendor: {
      value: cdktf.stringToHclTerraform(struct!.vendor),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    device_instance: {
      value: cdktf.numberToHclTerraform(struct!.deviceInstance),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    is_physical: {
      value: cdktf.booleanToHclTerraform(struct!.isPhysical),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(
    Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined),
  );
}

export class InstanceBatchInfinibandInterfaceOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param complexObjectIndex the index of this item in the list
   * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  public constructor(
    terraformResource: cdktf.IInterpolatingParent,
    terraformAttribute: string,
    complexObjectIndex: number,
    complexObjectIsFromSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): InstanceBatchInfinibandInterface | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._partitionId !== undefined) {
      hasAnyValues = true;
      internalValueResult.partitionId = this._partitionId;
    }
    if (this._device !== undefined) {
      hasAnyValues = true;
      internalValueResult.device = this._device;
    }
    if (this._vendor !== undefined) {
      hasAnyValues = true;
      internalValueResult.vendor = this._vendor;
    }
    if (this._deviceInstance !== undefined) {
      hasAnyValues = true;
      internalValueResult.deviceInstance = this._deviceInstance;
    }
    if (this._isPhysical !== undefined) {
      hasAnyValues = true;
      internalValueResult.isPhysical = this._isPhysical;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(
    value: InstanceBatchInfinibandInterface | cdktf.IResolvable | undefined,
  ) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._partitionId = undefined;
      this._device = undefined;
      this._vendor = undefined;
      this._deviceInstance = undefined;
      this._isPhysical = undefined;
    } else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    } else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._partitionId = value.partitionId;
      this._device = value.device;
      this._vendor = value.vendor;
      this._deviceInstance = value.deviceInstance;
      this._isPhysical = value.isPhysical;
    }
  }

  // partition_id - computed: false, optional: false, required: true
  private _partitionId?: string;
  public get partitionId() {
    return this.getStringAttribute("partition_id");
  }
  public set partitionId(value: string) {
    this._partitionId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get partitionIdInput() {
    return this._partitionId;
  }

  // device - computed: false, optional: false, required: true
  private _device?: string;
  public get device() {
    return this.getStringAttribute("device");
  }
  public set device(value: string) {
    this._device = value;
  }
  // Temporarily expose input value. Use with caution.
  public get deviceInput() {
    return this._device;
  }

  // vendor - computed: false, optional: true, required: false
  private _vendor?: string;
  public get vendor() {
    return this.getStringAttribute("vendor");
  }
  public set vendor(value: string) {
    this._vendor = value;
  }
  public resetVendor() {
    this._vendor = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vendorInput() {
    return this._vendor;
  }

  // device_instance - computed: true, optional: true, required: false
  private _deviceInstance?: number;
  public get deviceInstance() {
    return this.getNumberAttribute("device_instance");
  }
  public set deviceInstance(value: number) {
    this._deviceInstance = value;
  }
  public resetDeviceInstance() {
    this._deviceInstance = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deviceInstanceInput() {
    return this._deviceInstance;
  }

  // is_physical - computed: true, optional: true, required: false
  private _isPhysical?: boolean | cdktf.IResolvable;
  public get isPhysical() {
    return this.getBooleanAttribute("is_physical");
  }
  public set isPhysical(value: boolean | cdktf.IResolvable) {
    this._isPhysical = value;
  }
  public resetIsPhysical() {
    this._isPhysical = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get isPhysicalInput() {
    return this._isPhysical;
  }
}

export class InstanceBatchInfinibandInterfaceList extends cdktf.ComplexList {
  public internalValue?: InstanceBatchInfinibandInterface[] | cdktf.IResolvable;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  constructor(
    protected override terraformResource: cdktf.IInterpolatingParent,
    protected override terraformAttribute: string,
    protected override wrapsSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
   * @param index the index of the item to return
   */
  public get(index: number): InstanceBatchInfinibandInterfaceOutputReference {
    return new InstanceBatchInfinibandInterfaceOutputReference(
      this.terraformResource,
      this.terraformAttribute,
      index,
      this.wrapsSet,
    );
  }
}
export interface InstanceBatchNvlinkInterface {
  /**
   * UUID of the NVLink logical partition.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#nvlink_logical_partition_id InstanceBatch#nvlink_logical_partition_id}
   */
  readonly nvlinkLogicalPartitionId: string;
  /**
   * GPU index, 0 to 3 and unique within the batch. Defaults to 0.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#device_instance InstanceBatch#device_instance}
   */
  readonly deviceInstance?: number;
}

export function instanceBatchNvlinkInterfaceToTerraform(
  struct?: InstanceBatchNvlinkInterface | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  return {
    nvlink_logical_partition_id: cdktf.stringToTerraform(struct!.nvlinkLogicalPartitionId),
    device_instance: cdktf.numberToTerraform(struct!.deviceInstance),
  };
}

export function instanceBatchNvlinkInterfaceToHclTerraform(
  struct?: InstanceBatchNvlinkInterface | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  const attrs = {
    nvlink_logical_partition_id: {
      value: cdktf.stringToHclTerraform(struct!.nvlinkLogicalPartitionId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    device_instance: {
      value: cdktf.numberToHclTerraform(struct!.deviceInstance),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(
    Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined),
  );
}

export class InstanceBatchNvlinkInterfaceOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param complexObjectIndex the index of this item in the list
   * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  public constructor(
    terraformResource: cdktf.IInterpolatingParent,
    terraformAttribute: string,
    complexObjectIndex: number,
    complexObjectIsFromSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): InstanceBatchNvlinkInterface | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._nvlinkLogicalPartitionId !== undefined) {
      hasAnyValues = true;
      internalValueResult.nvlinkLogicalPartitionId = this._nvlinkLogicalPartitionId;
    }
    if (this._deviceInstance !== undefined) {
      hasAnyValues = true;
      internalValueResult.deviceInstance = this._deviceInstance;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: InstanceBatchNvlinkInterface | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._nvlinkLogicalPartitionId = undefined;
      this._deviceInstance = undefined;
    } else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    } else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._nvlinkLogicalPartitionId = value.nvlinkLogicalPartitionId;
      this._deviceInstance = value.deviceInstance;
    }
  }

  // nvlink_logical_partition_id - computed: false, optional: false, required: true
  private _nvlinkLogicalPartitionId?: string;
  public get nvlinkLogicalPartitionId() {
    return this.getStringAttribute("nvlink_logical_partition_id");
  }
  public set nvlinkLogicalPartitionId(value: string) {
    this._nvlinkLogicalPartitionId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nvlinkLogicalPartitionIdInput() {
    return this._nvlinkLogicalPartitionId;
  }

  // device_instance - computed: true, optional: true, required: false
  private _deviceInstance?: number;
  public get deviceInstance() {
    return this.getNumberAttribute("device_instance");
  }
  public set deviceInstance(value: number) {
    this._deviceInstance = value;
  }
  public resetDeviceInstance() {
    this._deviceInstance = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deviceInstanceInput() {
    return this._deviceInstance;
  }
}

export class InstanceBatchNvlinkInterfaceList extends cdktf.ComplexList {
  public internalValue?: InstanceBatchNvlinkInterface[] | cdktf.IResolvable;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  constructor(
    protected override terraformResource: cdktf.IInterpolatingParent,
    protected override terraformAttribute: string,
    protected override wrapsSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
   * @param index the index of the item to return
   */
  public get(index: number): InstanceBatchNvlinkInterfaceOutputReference {
    return new InstanceBatchNvlinkInterfaceOutputReference(
      this.terraformResource,
      this.terraformAttribute,
      index,
      this.wrapsSet,
    );
  }
}
export interface InstanceBatchDpuExtensionServiceDeployment {
  /**
   * UUID of the DPU extension service.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#dpu_extension_service_id InstanceBatch#dpu_extension_service_id}
   */
  readonly dpuExtensionServiceId: string;
  /**
   * Active version of the service to deploy.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#version InstanceBatch#version}
   */
  readonly version: string;
}

export function instanceBatchDpuExtensionServiceDeploymentToTerraform(
  struct?: InstanceBatchDpuExtensionServiceDeployment | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  return {
    dpu_extension_service_id: cdktf.stringToTerraform(struct!.dpuExtensionServiceId),
    version: cdktf.stringToTerraform(struct!.version),
  };
}

export function instanceBatchDpuExtensionServiceDeploymentToHclTerraform(
  struct?: InstanceBatchDpuExtensionServiceDeployment | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  const attrs = {
    dpu_extension_service_id: {
      value: cdktf.stringToHclTerraform(struct!.dpuExtensionServiceId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    version: {
      value: cdktf.stringToHclTerraform(struct!.version),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(
    Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined),
  );
}

export class InstanceBatchDpuExtensionServiceDeploymentOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param complexObjectIndex the index of this item in the list
   * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  public constructor(
    terraformResource: cdktf.IInterpolatingParent,
    terraformAttribute: string,
    complexObjectIndex: number,
    complexObjectIsFromSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue():
    InstanceBatchDpuExtensionServiceDeployment | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._dpuExtensionServiceId !== undefined) {
      hasAnyValues = true;
      internalValueResult.dpuExtensionServiceId = this._dpuExtensionServiceId;
    }
    if (this._version !== undefined) {
      hasAnyValues = true;
      internalValueResult.version = this._version;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(
    value: InstanceBatchDpuExtensionServiceDeployment | cdktf.IResolvable | undefined,
  ) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._dpuExtensionServiceId = undefined;
      this._version = undefined;
    } else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    } else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._dpuExtensionServiceId = value.dpuExtensionServiceId;
      this._version = value.version;
    }
  }

  // dpu_extension_service_id - computed: false, optional: false, required: true
  private _dpuExtensionServiceId?: string;
  public get dpuExtensionServiceId() {
    return this.getStringAttribute("dpu_extension_service_id");
  }
  public set dpuExtensionServiceId(value: string) {
    this._dpuExtensionServiceId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get dpuExtensionServiceIdInput() {
    return this._dpuExtensionServiceId;
  }

  // version - computed: false, optional: false, required: true
  private _version?: string;
  public get version() {
    return this.getStringAttribute("version");
  }
  public set version(value: string) {
    this._version = value;
  }
  // Temporarily expose input value. Use with caution.
  public get versionInput() {
    return this._version;
  }
}

export class InstanceBatchDpuExtensionServiceDeploymentList extends cdktf.ComplexList {
  public internalValue?: InstanceBatchDpuExtensionServiceDeployment[] | cdktf.IResolvable;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
   */
  constructor(
    protected override terraformResource: cdktf.IInterpolatingParent,
    protected override terraformAttribute: string,
    protected override wrapsSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
   * @param index the index of the item to return
   */
  public get(index: number): InstanceBatchDpuExtensionServiceDeploymentOutputReference {
    return new InstanceBatchDpuExtensionServiceDeploymentOutputReference(
      this.terraformResource,
      this.terraformAttribute,
      index,
      this.wrapsSet,
    );
  }
}
export interface InstanceBatchTimeouts {
  /**
   * Maximum time for every member to become Ready, as a duration such as "30m" or "1h30m". Defaults to 30m.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#create InstanceBatch#create}
   */
  readonly create?: string;
  /**
   * Maximum time for every member to disappear after deletion. Defaults to 30m.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#delete InstanceBatch#delete}
   */
  readonly delete?: string;
}

export function instanceBatchTimeoutsToTerraform(
  struct?: InstanceBatchTimeouts | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  return {
    create: cdktf.stringToTerraform(struct!.create),
    delete: cdktf.stringToTerraform(struct!.delete),
  };
}

export function instanceBatchTimeoutsToHclTerraform(
  struct?: InstanceBatchTimeouts | cdktf.IResolvable,
): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) {
    return struct;
  }
  if (cdktf.isComplexElement(struct)) {
    throw new Error(
      "A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration",
    );
  }
  const attrs = {
    create: {
      value: cdktf.stringToHclTerraform(struct!.create),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    delete: {
      value: cdktf.stringToHclTerraform(struct!.delete),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(
    Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined),
  );
}

export class InstanceBatchTimeoutsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
   * @param terraformResource The parent resource
   * @param terraformAttribute The attribute on the parent resource this class is referencing
   */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): InstanceBatchTimeouts | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._create !== undefined) {
      hasAnyValues = true;
      internalValueResult.create = this._create;
    }
    if (this._delete !== undefined) {
      hasAnyValues = true;
      internalValueResult.delete = this._delete;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: InstanceBatchTimeouts | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._create = undefined;
      this._delete = undefined;
    } else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    } else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._create = value.create;
      this._delete = value.delete;
    }
  }

  // create - computed: false, optional: true, required: false
  private _create?: string;
  public get create() {
    return this.getStringAttribute("create");
  }
  public set create(value: string) {
    this._create = value;
  }
  public resetCreate() {
    this._create = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get createInput() {
    return this._create;
  }

  // delete - computed: false, optional: true, required: false
  private _delete?: string;
  public get delete() {
    return this.getStringAttribute("delete");
  }
  public set delete(value: string) {
    this._delete = value;
  }
  public resetDelete() {
    this._delete = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteInput() {
    return this._delete;
  }
}

/**
 * Represents a {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch nico_instance_batch}
 */
export class InstanceBatch extends cdktf.TerraformResource {
  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "nico_instance_batch";

  // ==============
  // STATIC Methods
  // ==============
  /**
   * Generates CDKTF code for importing a InstanceBatch resource upon running "cdktf plan <stack-name>"
   * @param scope The scope in which to define this construct
   * @param importToId The construct id used in the generated config for the InstanceBatch to import
   * @param importFromId The id of the existing InstanceBatch that should be imported. Refer to the {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch#import import section} in the documentation of this resource for the id to use
   * @param provider? Optional instance of the provider where the InstanceBatch to import is found
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ) {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: "nico_instance_batch",
      importId: importFromId,
      provider,
    });
  }

  // ===========
  // INITIALIZER
  // ===========

  /**
   * Create a new {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs/resources/instance_batch nico_instance_batch} Resource
   *
   * @param scope The scope in which to define this construct
   * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
   * @param options InstanceBatchConfig
   */
  public constructor(scope: Construct, id: string, config: InstanceBatchConfig) {
    super(scope, id, {
      terraformResourceType: "nico_instance_batch",
      terraformGeneratorMetadata: {
        providerName: "nico",
        providerVersion: "0.1.0",
        providerVersionConstraint: "0.1.0",
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this._namePrefix = config.namePrefix;
    this._instanceCount = config.instanceCount;
    this._tenantId = config.tenantId;
    this._instanceTypeId = config.instanceTypeId;
    this._vpcId = config.vpcId;
    this._description = config.description;
    this._labels = config.labels;
    this._secondaryVpcIds = config.secondaryVpcIds;
    this._userData = config.userData;
    this._operatingSystemId = config.operatingSystemId;
    this._ipxeScript = config.ipxeScript;
    this._alwaysBootWithCustomIpxe = config.alwaysBootWithCustomIpxe;
    this._phoneHomeEnabled = config.phoneHomeEnabled;
    this._networkSecurityGroupId = config.networkSecurityGroupId;
    this._autoNetwork = config.autoNetwork;
    this._topologyOptimized = config.topologyOptimized;
    this._sshKeyGroupIds = config.sshKeyGroupIds;
    this._interface.internalValue = config.interface;
    this._infinibandInterface.internalValue = config.infinibandInterface;
    this._nvlinkInterface.internalValue = config.nvlinkInterface;
    this._dpuExtensionServiceDeployment.internalValue = config.dpuExtensionServiceDeployment;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute("id");
  }

  // name_prefix - computed: false, optional: false, required: true
  private _namePrefix?: string;
  public get namePrefix() {
    return this.getStringAttribute("name_prefix");
  }
  public set namePrefix(value: string) {
    this._namePrefix = value;
  }
  // Temporarily expose input value. Use with caution.
  public get namePrefixInput() {
    return this._namePrefix;
  }

  // instance_count - computed: false, optional: false, required: true
  private _instanceCount?: number;
  public get instanceCount() {
    return this.getNumberAttribute("instance_count");
  }
  public set instanceCount(value: number) {
    this._instanceCount = value;
  }
  // Temporarily expose input value. Use with caution.
  public get instanceCountInput() {
    return this._instanceCount;
  }

  // tenant_id - computed: false, optional: false, required: true
  private _tenantId?: string;
  public get tenantId() {
    return this.getStringAttribute("tenant_id");
  }
  public set tenantId(value: string) {
    this._tenantId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get tenantIdInput() {
    return this._tenantId;
  }

  // instance_type_id - computed: false, optional: false, required: true
  private _instanceTypeId?: string;
  public get instanceTypeId() {
    return this.getStringAttribute("instance_type_id");
  }
  public set instanceTypeId(value: string) {
    this._instanceTypeId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get instanceTypeIdInput() {
    return this._instanceTypeId;
  }

  // vpc_id - computed: false, optional: false, required: true
  private _vpcId?: string;
  public get vpcId() {
    return this.getStringAttribute("vpc_id");
  }
  public set vpcId(value: string) {
    this._vpcId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get vpcIdInput() {
    return this._vpcId;
  }

  // description - computed: false, optional: true, required: false
  private _description?: string;
  public get description() {
    return this.getStringAttribute("description");
  }
  public set description(value: string) {
    this._description = value;
  }
  public resetDescription() {
    this._description = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get descriptionInput() {
    return this._description;
  }

  // labels - computed: false, optional: true, required: false
  private _labels?: { [key: string]: string };
  public get labels() {
    return this.getStringMapAttribute("labels");
  }
  public set labels(value: { [key: string]: string }) {
    this._labels = value;
  }
  public resetLabels() {
    this._labels = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get labelsInput() {
    return this._labels;
  }

  // secondary_vpc_ids - computed: false, optional: true, required: false
  private _secondaryVpcIds?: string[];
  public get secondaryVpcIds() {
    return cdktf.Fn.tolist(this.getListAttribute("secondary_vpc_ids"));
  }
  public set secondaryVpcIds(value: string[]) {
    this._secondaryVpcIds = value;
  }
  public resetSecondaryVpcIds() {
    this._secondaryVpcIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get secondaryVpcIdsInput() {
    return this._secondaryVpcIds;
  }

  // user_data - computed: false, optional: true, required: false
  private _userData?: string;
  public get userData() {
    return this.getStringAttribute("user_data");
  }
  public set userData(value: string) {
    this._userData = value;
  }
  public resetUserData() {
    this._userData = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userDataInput() {
    return this._userData;
  }

  // operating_system_id - computed: false, optional: true, required: false
  private _operatingSystemId?: string;
  public get operatingSystemId() {
    return this.getStringAttribute("operating_system_id");
  }
  public set operatingSystemId(value: string) {
    this._operatingSystemId = value;
  }
  public resetOperatingSystemId() {
    this._operatingSystemId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get operatingSystemIdInput() {
    return this._operatingSystemId;
  }

  // ipxe_script - computed: false, optional: true, required: false
  private _ipxeScript?: string;
  public get ipxeScript() {
    return this.getStringAttribute("ipxe_script");
  }
  public set ipxeScript(value: string) {
    this._ipxeScript = value;
  }
  public resetIpxeScript() {
    this._ipxeScript = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ipxeScriptInput() {
    return this._ipxeScript;
  }

  // always_boot_with_custom_ipxe - computed: true, optional: true, required: false
  private _alwaysBootWithCustomIpxe?: boolean | cdktf.IResolvable;
  public get alwaysBootWithCustomIpxe() {
    return this.getBooleanAttribute("always_boot_with_custom_ipxe");
  }
  public set alwaysBootWithCustomIpxe(value: boolean | cdktf.IResolvable) {
    this._alwaysBootWithCustomIpxe = value;
  }
  public resetAlwaysBootWithCustomIpxe() {
    this._alwaysBootWithCustomIpxe = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get alwaysBootWithCustomIpxeInput() {
    return this._alwaysBootWithCustomIpxe;
  }

  // phone_home_enabled - computed: true, optional: true, required: false
  private _phoneHomeEnabled?: boolean | cdktf.IResolvable;
  public get phoneHomeEnabled() {
    return this.getBooleanAttribute("phone_home_enabled");
  }
  public set phoneHomeEnabled(value: boolean | cdktf.IResolvable) {
    this._phoneHomeEnabled = value;
  }
  public resetPhoneHomeEnabled() {
    this._phoneHomeEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get phoneHomeEnabledInput() {
    return this._phoneHomeEnabled;
  }

  // network_security_group_id - computed: false, optional: true, required: false
  private _networkSecurityGroupId?: string;
  public get networkSecurityGroupId() {
    return this.getStringAttribute("network_security_group_id");
  }
  public set networkSecurityGroupId(value: string) {
    this._networkSecurityGroupId = value;
  }
  public resetNetworkSecurityGroupId() {
    this._networkSecurityGroupId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get networkSecurityGroupIdInput() {
    return this._networkSecurityGroupId;
  }

  // auto_network - computed: true, optional: true, required: false
  private _autoNetwork?: boolean | cdktf.IResolvable;
  public get autoNetwork() {
    return this.getBooleanAttribute("auto_network");
  }
  public set autoNetwork(value: boolean | cdktf.IResolvable) {
    this._autoNetwork = value;
  }
  public resetAutoNetwork() {
    this._autoNetwork = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoNetworkInput() {
    return this._autoNetwork;
  }

  // topology_optimized - computed: true, optional: true, required: false
  private _topologyOptimized?: boolean | cdktf.IResolvable;
  public get topologyOptimized() {
    return this.getBooleanAttribute("topology_optimized");
  }
  public set topologyOptimized(value: boolean | cdktf.IResolvable) {
    this._topologyOptimized = value;
  }
  public resetTopologyOptimized() {
    this._topologyOptimized = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get topologyOptimizedInput() {
    return this._topologyOptimized;
  }

  // ssh_key_group_ids - computed: false, optional: true, required: false
  private _sshKeyGroupIds?: string[];
  public get sshKeyGroupIds() {
    return cdktf.Fn.tolist(this.getListAttribute("ssh_key_group_ids"));
  }
  public set sshKeyGroupIds(value: string[]) {
    this._sshKeyGroupIds = value;
  }
  public resetSshKeyGroupIds() {
    this._sshKeyGroupIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sshKeyGroupIdsInput() {
    return this._sshKeyGroupIds;
  }

  // instances - computed: true, optional: false, required: false
  private _instances = new InstanceBatchInstancesList(this, "instances", false);
  public get instances() {
    return this._instances;
  }

  // interface - computed: false, optional: true, required: false
  private _interface = new InstanceBatchInterfaceList(this, "interface", false);
  public get interface() {
    return this._interface;
  }
  public putInterface(value: InstanceBatchInterface[] | cdktf.IResolvable) {
    this._interface.internalValue = value;
  }
  public resetInterface() {
    this._interface.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get interfaceInput() {
    return this._interface.internalValue;
  }

  // infiniband_interface - computed: false, optional: true, required: false
  private _infinibandInterface = new InstanceBatchInfinibandInterfaceList(
    this,
    "infiniband_interface",
    false,
  );
  public get infinibandInterface() {
    return this._infinibandInterface;
  }
  public putInfinibandInterface(value: InstanceBatchInfinibandInterface[] | cdktf.IResolvable) {
    this._infinibandInterface.internalValue = value;
  }
  public resetInfinibandInterface() {
    this._infinibandInterface.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get infinibandInterfaceInput() {
    return this._infinibandInterface.internalValue;
  }

  // nvlink_interface - computed: false, optional: true, required: false
  private _nvlinkInterface = new InstanceBatchNvlinkInterfaceList(this, "nvlink_interface", false);
  public get nvlinkInterface() {
    return this._nvlinkInterface;
  }
  public putNvlinkInterface(value: InstanceBatchNvlinkInterface[] | cdktf.IResolvable) {
    this._nvlinkInterface.internalValue = value;
  }
  public resetNvlinkInterface() {
    this._nvlinkInterface.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nvlinkInterfaceInput() {
    return this._nvlinkInterface.internalValue;
  }

  // dpu_extension_service_deployment - computed: false, optional: true, required: false
  private _dpuExtensionServiceDeployment = new InstanceBatchDpuExtensionServiceDeploymentList(
    this,
    "dpu_extension_service_deployment",
    false,
  );
  public get dpuExtensionServiceDeployment() {
    return this._dpuExtensionServiceDeployment;
  }
  public putDpuExtensionServiceDeployment(
    value: InstanceBatchDpuExtensionServiceDeployment[] | cdktf.IResolvable,
  ) {
    this._dpuExtensionServiceDeployment.internalValue = value;
  }
  public resetDpuExtensionServiceDeployment() {
    this._dpuExtensionServiceDeployment.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dpuExtensionServiceDeploymentInput() {
    return this._dpuExtensionServiceDeployment.internalValue;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new InstanceBatchTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: InstanceBatchTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      name_prefix: cdktf.stringToTerraform(this._namePrefix),
      instance_count: cdktf.numberToTerraform(this._instanceCount),
      tenant_id: cdktf.stringToTerraform(this._tenantId),
      instance_type_id: cdktf.stringToTerraform(this._instanceTypeId),
      vpc_id: cdktf.stringToTerraform(this._vpcId),
      description: cdktf.stringToTerraform(this._description),
      labels: cdktf.hashMapper(cdktf.stringToTerraform)(this._labels),
      secondary_vpc_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._secondaryVpcIds),
      user_data: cdktf.stringToTerraform(this._userData),
      operating_system_id: cdktf.stringToTerraform(this._operatingSystemId),
      ipxe_script: cdktf.stringToTerraform(this._ipxeScript),
      always_boot_with_custom_ipxe: cdktf.booleanToTerraform(this._alwaysBootWithCustomIpxe),
      phone_home_enabled: cdktf.booleanToTerraform(this._phoneHomeEnabled),
      network_security_group_id: cdktf.stringToTerraform(this._networkSecurityGroupId),
      auto_network: cdktf.booleanToTerraform(this._autoNetwork),
      topology_optimized: cdktf.booleanToTerraform(this._topologyOptimized),
      ssh_key_group_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._sshKeyGroupIds),
      interface: cdktf.listMapper(
        instanceBatchInterfaceToTerraform,
        true,
      )(this._interface.internalValue),
      infiniband_interface: cdktf.listMapper(
        instanceBatchInfinibandInterfaceToTerraform,
        true,
      )(this._infinibandInterface.internalValue),
      nvlink_interface: cdktf.listMapper(
        instanceBatchNvlinkInterfaceToTerraform,
        true,
      )(this._nvlinkInterface.internalValue),
      dpu_extension_service_deployment: cdktf.listMapper(
        instanceBatchDpuExtensionServiceDeploymentToTerraform,
        true,
      )(this._dpuExtensionServiceDeployment.internalValue),
      timeouts: instanceBatchTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      name_prefix: {
        value: cdktf.stringToHclTerraform(this._namePrefix),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      instance_count: {
        value: cdktf.numberToHclTerraform(this._instanceCount),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      tenant_id: {
        value: cdktf.stringToHclTerraform(this._tenantId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      instance_type_id: {
        value: cdktf.stringToHclTerraform(this._instanceTypeId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      vpc_id: {
        value: cdktf.stringToHclTerraform(this._vpcId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      description: {
        value: cdktf.stringToHclTerraform(this._description),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      labels: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._labels),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      secondary_vpc_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._secondaryVpcIds),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      user_data: {
        value: cdktf.stringToHclTerraform(this._userData),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      operating_system_id: {
        value: cdktf.stringToHclTerraform(this._operatingSystemId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ipxe_script: {
        value: cdktf.stringToHclTerraform(this._ipxeScript),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      always_boot_with_custom_ipxe: {
        value: cdktf.booleanToHclTerraform(this._alwaysBootWithCustomIpxe),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      phone_home_enabled: {
        value: cdktf.booleanToHclTerraform(this._phoneHomeEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      network_security_group_id: {
        value: cdktf.stringToHclTerraform(this._networkSecurityGroupId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      auto_network: {
        value: cdktf.booleanToHclTerraform(this._autoNetwork),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      topology_optimized: {
        value: cdktf.booleanToHclTerraform(this._topologyOptimized),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      ssh_key_group_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._sshKeyGroupIds),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      interface: {
        value: cdktf.listMapperHcl(
          instanceBatchInterfaceToHclTerraform,
          true,
        )(this._interface.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "InstanceBatchInterfaceList",
      },
      infiniband_interface: {
        value: cdktf.listMapperHcl(
          instanceBatchInfinibandInterfaceToHclTerraform,
          true,
        )(this._infinibandInterface.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "InstanceBatchInfinibandInterfaceList",
      },
      nvlink_interface: {
        value: cdktf.listMapperHcl(
          instanceBatchNvlinkInterfaceToHclTerraform,
          true,
        )(this._nvlinkInterface.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "InstanceBatchNvlinkInterfaceList",
      },
      dpu_extension_service_deployment: {
        value: cdktf.listMapperHcl(
          instanceBatchDpuExtensionServiceDeploymentToHclTerraform,
          true,
        )(this._dpuExtensionServiceDeployment.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "InstanceBatchDpuExtensionServiceDeploymentList",
      },
      timeouts: {
        value: instanceBatchTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "InstanceBatchTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(
      Object.entries(attrs).filter(
        ([_, value]) => value !== undefined && value.value !== undefined,
      ),
    );
  }
}
