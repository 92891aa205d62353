import { TerraformProvider, stringToTerraform } from 'cdktf';
import { Construct } from 'constructs';

/** Settings of a `LibvirtProvider09`. */
export interface LibvirtProvider09Config {
  /**
   * The libvirt connection URI, e.g. `qemu:///system`, or `qemu+ssh://user@host/system` for a
   * remote host.
   * @default - `LIBVIRT_DEFAULT_URI` when set, else `qemu:///system` (the provider's default)
   */
  readonly uri?: string;
  /**
   * Alias of this provider configuration, for a second libvirt host in the same stack.
   * @default - the default configuration
   */
  readonly alias?: string;
}

/**
 * The Terraform provider for libvirt/KVM hosts, **dmacvicar/libvirt 0.9.7**: what a
 * `LibvirtDockerFleet` or `LibvirtDockerSwarm` in the same stack is synthesized for by default
 * (`LibvirtProviderVersion.V0_9_7`). Synthesizing it emits
 * `required_providers.libvirt = { source: "dmacvicar/libvirt", version: "0.9.7" }` and
 * `provider.libvirt = { uri }`, exactly what the provider class generated from the 0.9.7 schema
 * does (that one is named `LibvirtProvider` too, so the package writes this one out).
 *
 * Fleets created with provider 0.8.3 keep `LibvirtProvider`; README "libvirt provider 0.9"
 * says how to move them.
 *
 * @example
 * new LibvirtProvider09(stack, 'libvirt', { uri: 'qemu:///system' });
 */
export class LibvirtProvider09 extends TerraformProvider {
  /** The provider's Terraform type. */
  public static readonly tfResourceType = 'libvirt';

  /** The libvirt connection URI, or undefined for the provider's default. */
  public readonly uri?: string;
  private _alias?: string;

  /**
   * @param scope the stack
   * @param id the construct id
   * @param config the connection
   */
  public constructor(scope: Construct, id: string, config: LibvirtProvider09Config = {}) {
    super(scope, id, {
      terraformResourceType: 'libvirt',
      terraformGeneratorMetadata: { providerName: 'libvirt', providerVersion: '0.9.7', providerVersionConstraint: '0.9.7' },
      terraformProviderSource: 'dmacvicar/libvirt',
    });
    this.uri = config.uri;
    this._alias = config.alias;
  }

  /** The alias of this provider configuration, or undefined for the default one. */
  public override get alias(): string | undefined {
    return this._alias;
  }

  public override set alias(value: string | undefined) {
    this._alias = value;
  }

  protected override synthesizeAttributes(): { [name: string]: any } {
    return { uri: stringToTerraform(this.uri), alias: stringToTerraform(this.alias) };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs: { [name: string]: any } = {
      uri: { value: stringToTerraform(this.uri), isBlock: false, type: 'simple', storageClassType: 'string' },
      alias: { value: stringToTerraform(this.alias), isBlock: false, type: 'simple', storageClassType: 'string' },
    };
    return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v.value !== undefined));
  }
}
