import { AnnotationMetadataEntryType, Annotations, Fn, TerraformIterator, TerraformOutput, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { CoreErrors } from '../../core/errors';
import { FleetConfigError } from '../../core/fleet-config-error';
import { LibvirtFleetPlan, planLibvirtFleet } from './libvirt-fleet-plan';
import { claimLibvirtName, claimLibvirtNetwork } from './libvirt-host-claims';
import { domainsFor, hostLocalsFor, networkFor, poolFor, volumesFor } from './libvirt-fleet-resources';
import { LibvirtDockerFleetProps } from './libvirt-docker-fleet-props';
import { libvirtProviderVersionOf } from './provider-choice';
import { LibvirtProviderVersion } from './provider-version';
import { libvirtFleetResources09 } from './v09/libvirt-fleet-resources-09';
import { reportUnderCliSynth } from '../cli-synth-errors';
import { readableOutput } from '../readable-output';

/**
 * A fleet of Docker hosts on libvirt/KVM: a storage pool, a base volume from the OS image, a NAT
 * network, and per host a copy-on-write root volume, a Docker data volume, the first-boot media
 * (Ignition through QEMU fw_cfg, or a cloud-init NoCloud ISO) and a domain.
 *
 * It is synthesized for dmacvicar/libvirt 0.9.7 (`LibvirtProvider09`), or for 0.8.3 when the
 * stack's provider is `LibvirtProvider` (`providerVersion`): the same hosts, payloads and volume
 * names on both, in each version's own schema.
 *
 * Hosts are `for_each` instances keyed by host name, so adding a host never changes the
 * others. Each host's root volume (and Ignition volume / cloud-init ISO) is named after a hash
 * of that host's first-boot payload: a changed HostConfig or update policy re-provisions the
 * host (new root volume, new domain, first boot runs again) while its Docker data volume, MAC
 * and address stay. A new image release does not replace hosts (`ignore_changes` on the base
 * volume's source); the OS updates itself.
 *
 * Addresses, MACs and the data disk's WWN are derived from the host name (not its index).
 *
 * What differs per host is written once, as Terraform locals: a host table (one CSV line per
 * host: name, MAC, address, WWN, payload hash) and the fleet's first-boot payload with
 * placeholders, which Terraform fills in per host with `replace` (exactly what rendering that
 * host alone gives). So synthesis takes about as long for 1000 hosts as for one, and the JSON
 * grows by about 100 bytes per host. `cdktf-docker-fleet explain` shows each host's payload.
 *
 * @example
 * new LibvirtDockerFleet(stack, 'docker', {
 *   os: ContainerOs.flatcar(),
 *   hostCount: 3,
 *   hostConfig: new HostConfig({ sshAuthorizedKeys: ['ssh-ed25519 AAAA… ops'] }),
 * });
 */
export class LibvirtDockerFleet extends Construct {
  /** The hosts' names, in order. */
  public readonly hostNames: string[];
  /**
   * The fixed address of each host by name, as configured on the network's DHCP host table.
   * Empty when `networkCidr` is a token (the hosts then take dynamic DHCP addresses).
   */
  public readonly plannedAddresses: { [hostName: string]: string };
  /**
   * The fleet's NAT network (a `libvirt_network`). Typed as a plain `TerraformResource` so the
   * provider's shapes stay out of this API; use `networkId`/`networkName`, or escape hatches
   * such as `addOverride`.
   */
  public readonly network: TerraformResource;
  /** The libvirt id (UUID) of the network, a token resolved at apply time. */
  public readonly networkId: string;
  /** The libvirt name of the network. */
  public readonly networkName: string;
  /** The storage pool the fleet created (`libvirt_pool`); undefined when `poolName` names an existing pool. */
  public readonly pool?: TerraformResource;
  /** The name of the pool holding the fleet's volumes. */
  public readonly poolName: string;
  /** The base volume uploaded from the image (`libvirt_volume`). */
  public readonly baseVolume: TerraformResource;
  /** The domains (`libvirt_domain`), one `for_each` instance per host name. */
  public readonly domains: TerraformResource;
  /** Output: the host names (a list). */
  public readonly hostNamesOutput: TerraformOutput;
  /** Output: a map from host name to the host's IPv4 address, read from the running domains (0.8.3) or libvirt's DHCP leases (0.9.7). */
  public readonly hostAddressesOutput: TerraformOutput;
  /** The dmacvicar/libvirt version the fleet is synthesized for. */
  public readonly providerVersion: LibvirtProviderVersion;
  private readonly addressReader?: (hostName: string) => string;

  /**
   * @param scope the stack (or construct) the fleet belongs to; it must hold a LibvirtProvider
   * @param id the fleet's construct id: default host names are `<id>-0`, `<id>-1`, …, and renaming it replaces the fleet
   * @param props what to run and how large the hosts are
   */
  constructor(scope: Construct, id: string, props: LibvirtDockerFleetProps) {
    super(scope, id);
    // 1. plan: every prop checked (all problems reported together), one render for all hosts
    const plan = planLibvirtFleet(id, this.node.path, props, reportUnderCliSynth(this));
    for (const w of plan.warnings) Annotations.of(this).addWarning(w);
    // What Annotations.addInfo writes, without a stack trace: a fleet on a nearly full network has
    // an address note for most of its hosts, and a trace each cost ~50 µs and said nothing.
    for (const i of plan.infos) this.node.addMetadata(AnnotationMetadataEntryType.INFO, i, { stackTrace: false });
    this.hostNames = plan.hosts.map((h) => h.name);
    this.checked(() => this.claimHostObjects(plan, props));
    this.plannedAddresses = plan.plannedAddresses;
    this.providerVersion = this.checked(() => libvirtProviderVersionOf(this, 'providerVersion', props.providerVersion));
    if (this.providerVersion === LibvirtProviderVersion.V0_9_7) {
      // the same plan, as dmacvicar/libvirt 0.9.7 resources (v09/libvirt-fleet-resources-09.ts)
      const r = libvirtFleetResources09(this, id, plan);
      this.pool = r.pool;
      this.poolName = r.poolName;
      this.baseVolume = r.baseVolume;
      this.network = r.network;
      this.networkId = r.network.id;
      this.networkName = plan.networkName;
      this.domains = r.domains;
      this.hostNamesOutput = r.hostNamesOutput;
      this.hostAddressesOutput = r.hostAddressesOutput;
      this.addressReader = r.addressOf;
      return;
    }

    // 2. resources, in dependency order
    this.pool = poolFor(this, plan);
    this.poolName = plan.createPool ? (this.pool as TerraformResource & { name: string }).name : plan.existingPool!;
    // what differs per host, once: the host table and the payload template (Terraform locals)
    const locals = hostLocalsFor(this, plan);
    const volumes = volumesFor(this, plan, this.poolName, locals);
    this.baseVolume = volumes.base;
    const network = networkFor(this, plan);
    this.network = network;
    this.networkId = network.id;
    this.networkName = plan.networkName;
    this.domains = domainsFor(this, plan, this.poolName, network, volumes, locals);

    // 3. outputs
    // the names in order, read from the host table (a literal list would be one more value per host)
    this.hostNamesOutput = readableOutput(this, 'host-names', {
      value: locals.hostNames, description: `Host names of the ${id} fleet`,
    });
    this.hostAddressesOutput = readableOutput(this, 'host-addresses', {
      value: TerraformIterator.fromResources(this.domains).forExpressionForMap('key', 'val.network_interface[0].addresses[0]'),
      description: `IPv4 address of each host of the ${id} fleet, by host name`,
    });
  }

  /**
   * The IPv4 address of a host, read from its domain (0.8.3) or libvirt's DHCP leases (0.9.7), a token resolved at apply time.
   * @param hostName one of `hostNames`
   */
  public addressOf(hostName: string): string {
    if (!this.hostNames.includes(hostName)) throw CoreErrors.notOneOf('hostName', hostName, this.hostNames);
    if (this.addressReader) return this.addressReader(hostName);
    return Token.asString(Fn.lookupNested(Token.asAny(this.domains.fqn), [hostName, 'network_interface', 0, 'addresses', 0]));
  }

  /** Claims the network, pool and domain names and the network block on the stack's libvirt host (libvirt-host-claims.ts). */
  private claimHostObjects(plan: LibvirtFleetPlan, props: LibvirtDockerFleetProps): void {
    let stack: object;
    try {
      stack = TerraformStack.of(this);
    } catch {
      stack = this.node.root;
    }
    const path = this.node.path;
    claimLibvirtName(stack, path, 'network name', plan.networkName, props.networkName === undefined ? 'networkName (default: the construct id)' : 'networkName');
    if (plan.createPool) claimLibvirtName(stack, path, 'pool name', plan.createPool.name, 'poolName (default: the construct id)');
    plan.hosts.forEach((h, i) => claimLibvirtName(stack, path, 'domain (host) name', h.name, props.hostNames === undefined ? `hostNames (default: <construct id>-${i})` : `hostNames[${i}]`));
    if (!Token.isUnresolved(plan.cidr)) claimLibvirtNetwork(stack, path, plan.cidr, props.networkCidr === undefined ? "networkCidr (default: '10.17.3.0/24')" : 'networkCidr');
  }

  /** Runs a check, reporting its error at this construct's path. */
  private checked<T>(check: () => T): T {
    try {
      return check();
    } catch (e) {
      throw FleetConfigError.isFleetConfigError(e) ? e._at(this.node.path) : e;
    }
  }
}
