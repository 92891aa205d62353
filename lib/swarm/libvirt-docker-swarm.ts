import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { HostConfig } from '../bootconfig/host-config';
import { slotFiles } from './update-turns';
import { SHARE_TAG, swarmAdditions } from './swarm-host';
import { CoreErrors } from '../core/errors';
import { Problems } from '../core/problems';
import { requireAbsolutePath, requireInteger } from '../core/validation';
import { ContainerOs } from '../os/container-os';
import { Platform } from '../os/enums';
import { UpdatePolicy } from '../os/update-policy';
import { parseLibvirtCidr, planAddresses } from '../platforms/libvirt/host-identity';
import { LibvirtDockerFleet } from '../platforms/libvirt/libvirt-docker-fleet';
import { LibvirtImage } from '../platforms/libvirt/libvirt-image';
import { LibvirtProviderVersion } from '../platforms/libvirt/provider-version';
import { addTokenShare09 } from '../platforms/libvirt/v09/swarm-share-09';
import { checkSwarmMembers, checkSwarmOperations } from './swarm-checks';
import { reportUnderCliSynth } from '../platforms/cli-synth-errors';
import { readableOutput } from '../platforms/readable-output';

const DEFAULT_SWARM_CIDR = '10.17.3.0/24';

/** Properties of a `LibvirtDockerSwarm`. */
export interface LibvirtDockerSwarmProps {
  /** The host OS of every node: `ContainerOs.fedoraCoreOs()`, `.flatcar()` or `.alpine()`. */
  readonly os: ContainerOs;
  /** Number of managers: 1, 3 or 5. They are named `<id>-m0` …; the first one creates the swarm. */
  readonly managerCount: number;
  /**
   * Number of workers, named `<id>-w0` ….
   * @default 0
   */
  readonly workerCount?: number;
  /**
   * A directory on the libvirt host that carries the join tokens to the nodes over virtio-9p:
   * the first manager mounts it read-write and writes `managers/token` and `workers/token`;
   * the other managers mount only `managers/` and the workers only `workers/`, read-only. It
   * and both subdirectories must exist and be writable by the QEMU user before the first apply
   * (see README "Swarm"). The tokens never enter the payload, the plan or the state.
   * @default '/var/lib/libvirt/docker-swarm/<construct id>'
   */
  readonly tokenDirectory?: string;
  /**
   * What every node runs besides the swarm. Not changed: the swarm derives its own config.
   * @default - an empty HostConfig
   */
  readonly hostConfig?: HostConfig;
  /**
   * How nodes take OS updates. Workers keep it; managers move to non-overlapping windows derived
   * from it once they have joined (their update slot).
   * @default UpdatePolicy.defaultWindow()
   */
  readonly updatePolicy?: UpdatePolicy;
  /**
   * The image the nodes boot from.
   * @default - as LibvirtDockerFleet
   */
  readonly image?: LibvirtImage;
  /**
   * Memory per node, MiB.
   * @default - as LibvirtDockerFleet
   */
  readonly memoryMiB?: number;
  /**
   * vCPUs per node.
   * @default 2
   */
  readonly vcpus?: number;
  /**
   * IPv4 block of the swarm's NAT network (a literal: node addresses are planned from it).
   * @default '10.17.3.0/24'
   */
  readonly networkCidr?: string;
  /**
   * Minutes a worker may stay Down before the managers remove it.
   * @default 60
   */
  readonly workerDownMinutes?: number;
  /**
   * The dmacvicar/libvirt version the swarm is synthesized for (see `LibvirtDockerFleetProps.providerVersion`).
   * @default - the version of the stack's libvirt provider, or `LibvirtProviderVersion.V0_9_7`
   * when the stack has none
   */
  readonly providerVersion?: LibvirtProviderVersion;
}

/**
 * A Docker Swarm lab on libvirt: one `LibvirtDockerFleet` holding managers and workers on one
 * NAT network. Addresses are planned from the names, so the first manager by name creates the
 * swarm (`docker swarm init --advertise-addr <its planned address>`) and the others join
 * through the managers' planned addresses with tokens read from a host directory shared into
 * the domains (a virtio-9p filesystem device), never from the payload, plan or state.
 */
export class LibvirtDockerSwarm extends Construct {
  /** The fleet of all nodes. */
  public readonly fleet: LibvirtDockerFleet;
  /** Manager host names; the first created the swarm. */
  public readonly managerNames: string[];
  /** Worker host names. */
  public readonly workerNames: string[];
  /** The host directory carrying the tokens. */
  public readonly tokenDirectory: string;
  /** The managers' update policies, one per update slot, as text. */
  public readonly managerUpdatePolicies: string[];

  /**
   * @param scope the stack; it must hold a LibvirtProvider
   * @param id the swarm's construct id (also the network, pool and host-name prefix)
   * @param props what to run
   */
  constructor(scope: Construct, id: string, props: LibvirtDockerSwarmProps) {
    super(scope, id);
    const p = new Problems(this.node.path, reportUnderCliSynth(this));
    if (props === null || typeof props !== 'object') throw CoreErrors.notAnObject('props', props);
    const { os, managerCount } = checkSwarmMembers(p, props);
    const workerCount = p.optional('workerCount', props.workerCount, 0, (name, v) => requireInteger(name, v, 0, 1000));
    const dir = p.optional('tokenDirectory', props.tokenDirectory, `/var/lib/libvirt/docker-swarm/${id}`, requireAbsolutePath);
    const cidr = props.networkCidr ?? DEFAULT_SWARM_CIDR;
    const net = p.check(() => {
      if (Token.isUnresolved(cidr)) throw CoreErrors.literalRequired('networkCidr', cidr, 'the swarm plans its nodes\' addresses from it');
      return parseLibvirtCidr('networkCidr', cidr);
    }, undefined);
    const { downMinutes, policy, policies, host } = checkSwarmOperations(p, props, managerCount);
    p.throwIfAny();

    this.managerNames = Array.from({ length: managerCount }, (_, i) => `${id}-m${i}`);
    this.workerNames = Array.from({ length: workerCount }, (_, i) => `${id}-w${i}`);
    this.tokenDirectory = dir;
    this.managerUpdatePolicies = policies.map((x) => x.toString());
    const names = [...this.managerNames, ...this.workerNames];
    // The same plan the fleet makes (host-identity.ts), so the roster can name the addresses.
    const addresses = planAddresses(names, net!).addresses;
    const roster = (list: string[]) => list.map((name) => ({ name, address: addresses.get(name)! }));

    const swarmHost = host._extend(swarmAdditions(os, {
      backend: 'share', role: 'auto', managerCount, managers: roster(this.managerNames), workers: roster(this.workerNames),
      slots: slotFiles(os, Platform.LIBVIRT, policies), workerDownMinutes: downMinutes,
    }));
    host._consume(this.node.path);
    this.fleet = new LibvirtDockerFleet(this, 'nodes', {
      os,
      hostCount: names.length,
      hostNames: names,
      hostConfig: swarmHost,
      updatePolicy: policy,
      image: props.image,
      memoryMiB: props.memoryMiB,
      vcpus: props.vcpus,
      networkCidr: cidr,
      networkName: id,
      poolName: undefined,
      domainName: `${id.toLowerCase()}.internal`,
      providerVersion: props.providerVersion,
    });
    for (const name of names) {
      if (this.fleet.plannedAddresses[name] !== addresses.get(name)) throw new Error(`internal: planned address of ${name} differs`);
    }

    // The token share: read-write for the first manager only; the others see only their role's
    // token, read-only. `filesystem` is ForceNew in 0.8.3; the source is fixed per host name.
    const q = (s: string) => JSON.stringify(s);
    const leader = this.managerNames[0];
    const managersList = `[${this.managerNames.map(q).join(', ')}]`;
    const shareSource = `\${each.key == ${q(leader)} ? ${q(dir)} : (contains(${managersList}, each.key) ? ${q(`${dir}/managers`)} : `
      + `${q(`${dir}/workers`)})}`;
    const shareReadOnly = `\${each.key != ${q(leader)}}`;
    if (this.fleet.providerVersion === LibvirtProviderVersion.V0_9_7) {
      addTokenShare09(this.fleet.domains, { source: shareSource, tag: SHARE_TAG, readOnly: shareReadOnly });
    } else {
      this.fleet.domains.addOverride('filesystem', [{ source: shareSource, target: SHARE_TAG, accessmode: 'mapped', readonly: shareReadOnly }]);
    }

    readableOutput(this, 'manager-address', {
      value: addresses.get(leader)!,
      description: `A manager of the ${id} swarm: docker -H ssh://<user>@<address> stack deploy ...`,
    });
  }
}
