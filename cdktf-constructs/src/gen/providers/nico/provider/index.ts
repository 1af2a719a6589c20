// https://registry.terraform.io/providers/nico/nico/0.1.0/docs
// generated from terraform resource schema

import { Construct } from "constructs";
import * as cdktf from "cdktf";

// Configuration

export interface NicoProviderConfig {
  /**
   * Base URL of the NICo API, such as https://nico.example.com. Defaults to NICO_ENDPOINT.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs#endpoint NicoProvider#endpoint}
   */
  readonly endpoint?: string;
  /**
   * Organization name used in API paths. Defaults to NICO_ORG.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs#org NicoProvider#org}
   */
  readonly org?: string;
  /**
   * Bearer token for the API. Defaults to NICO_TOKEN.
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs#token NicoProvider#token}
   */
  readonly token?: string;
  /**
   * Alias name
   *
   * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs#alias NicoProvider#alias}
   */
  readonly alias?: string;
}

/**
 * Represents a {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs nico}
 */
export class NicoProvider extends cdktf.TerraformProvider {
  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "nico";

  // ==============
  // STATIC Methods
  // ==============
  /**
   * Generates CDKTF code for importing a NicoProvider resource upon running "cdktf plan <stack-name>"
   * @param scope The scope in which to define this construct
   * @param importToId The construct id used in the generated config for the NicoProvider to import
   * @param importFromId The id of the existing NicoProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs#import import section} in the documentation of this resource for the id to use
   * @param provider? Optional instance of the provider where the NicoProvider to import is found
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ) {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: "nico",
      importId: importFromId,
      provider,
    });
  }

  // ===========
  // INITIALIZER
  // ===========

  /**
   * Create a new {@link https://registry.terraform.io/providers/nico/nico/0.1.0/docs nico} Resource
   *
   * @param scope The scope in which to define this construct
   * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
   * @param options NicoProviderConfig = {}
   */
  public constructor(scope: Construct, id: string, config: NicoProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: "nico",
      terraformGeneratorMetadata: {
        providerName: "nico",
        providerVersion: "0.1.0",
        providerVersionConstraint: "0.1.0",
      },
      terraformProviderSource: "nico/nico",
    });
    this._endpoint = config.endpoint;
    this._org = config.org;
    this._token = config.token;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // endpoint - computed: false, optional: true, required: false
  private _endpoint?: string;
  public get endpoint() {
    return this._endpoint;
  }
  public set endpoint(value: string | undefined) {
    this._endpoint = value;
  }
  public resetEndpoint() {
    this._endpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointInput() {
    return this._endpoint;
  }

  // org - computed: false, optional: true, required: false
  private _org?: string;
  public get org() {
    return this._org;
  }
  public set org(value: string | undefined) {
    this._org = value;
  }
  public resetOrg() {
    this._org = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get orgInput() {
    return this._org;
  }

  // token - computed: false, optional: true, required: false
  private _token?: string;
  public get token() {
    return this._token;
  }
  public set token(value: string | undefined) {
    this._token = value;
  }
  public resetToken() {
    this._token = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenInput() {
    return this._token;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string;
  public override get alias() {
    return this._alias;
  }
  public override set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      endpoint: cdktf.stringToTerraform(this._endpoint),
      org: cdktf.stringToTerraform(this._org),
      token: cdktf.stringToTerraform(this._token),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      endpoint: {
        value: cdktf.stringToHclTerraform(this._endpoint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      org: {
        value: cdktf.stringToHclTerraform(this._org),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      token: {
        value: cdktf.stringToHclTerraform(this._token),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
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
