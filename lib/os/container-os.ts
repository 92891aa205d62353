import { Errors } from '../core/errors';
import { requireHostname, requireOneOf } from '../core/validation';
import { HostConfig, mergeHostModels } from '../bootconfig/host-config';
import { HostModel, emptyHostModel } from '../bootconfig/model';
import { Architecture, FirstBootFormat, Platform } from './enums';
import { UpdatePolicy, requirePolicy } from './update-policy';
import type { AlpineOptions } from './alpine';
import type { BottlerocketOptions } from './bottlerocket';
import type { FedoraCoreOsOptions } from './fedora-coreos';
import type { FlatcarOptions } from './flatcar';

/** Options of `renderFirstBoot`. */
export interface RenderFirstBootOptions {
  /**
   * Host name written into the payload.
   * @default - the name the platform gives the host (EC2: from instance metadata)
   */
  readonly hostname?: string;
  /**
   * How the host takes OS updates.
   * @default UpdatePolicy.defaultWindow() - weekly, Sunday 03:00 UTC for 2 hours
   */
  readonly updatePolicy?: UpdatePolicy;
  /**
   * The platform the payload is for (the delivery differs, e.g. Alpine's NoCloud on libvirt).
   * @default Platform.AWS
   */
  readonly platform?: Platform;
}

/** A rendered first-boot payload. */
export interface FirstBootPayload {
  /** The payload's format, decided by the OS. */
  readonly format: FirstBootFormat;
  /** The payload text: Ignition JSON, `#cloud-config`/`#alpine-config` YAML, or TOML. */
  readonly content: string;
  /** Risky-but-legal choices found while rendering; the fleet constructs turn them into warning annotations. */
  readonly warnings: string[];
}

/** How to find an OS image on AWS: an AMI search (owner + filters) or an SSM public parameter. */
export interface AwsImageLookup {
  /**
   * AMI owner accounts.
   * @default - no AMI search (see `ssmParameter`)
   */
  readonly owners?: string[];
  /**
   * AMI `name` filter (wildcards allowed).
   * @default - no name filter
   */
  readonly nameFilter?: string;
  /**
   * AMI `description` filter (wildcards allowed).
   * @default - no description filter
   */
  readonly descriptionFilter?: string;
  /** AMI `architecture` value: `x86_64` or `arm64`. */
  readonly architecture: string;
  /**
   * SSM public parameter that holds the current AMI id.
   * @default - an AMI search is used
   */
  readonly ssmParameter?: string;
  /** Block-device name of the root volume in the AMI, e.g. `/dev/xvda`. */
  readonly rootDeviceName: string;
  /** Size of the AMI's root snapshot: the root volume cannot be smaller. */
  readonly minRootSizeGiB: number;
}

/** Where the OS's libvirt/QEMU image for a channel is published. */
export interface LibvirtImageInfo {
  /** Download URL of a qcow2 image libvirt can use as it is. */
  readonly url: string;
  /** Disk format: `qcow2`. */
  readonly format: string;
}

/** How the platform hands the payload to the host on libvirt. @internal */
export type LibvirtDelivery = { readonly kind: 'ignition'; readonly fwCfgName: string } | { readonly kind: 'cloudinit' };

/** How a Docker data disk is named on AWS, per OS. @internal */
export type AwsDataVolume =
  | { readonly kind: 'mounted'; readonly deviceName: string; readonly hostDevice?: string; readonly diskModel?: string }
  | { readonly kind: 'os-owned'; readonly deviceName: string };

/** Internal render context, after validation. @internal */
export interface RenderContext {
  readonly platform: Platform;
  readonly policy: UpdatePolicy;
  readonly warnings: string[];
}

/**
 * A container-optimized host OS with its channel. Pick one with a factory
 * (`ContainerOs.flatcar({ channel: FlatcarChannel.STABLE })`); the fleet constructs ask it for
 * its image, its first-boot payload and how that payload is delivered, and never branch on
 * which OS it is.
 */
export abstract class ContainerOs {
  /** Fedora CoreOS on a stream (stable by default): Ignition, Docker preinstalled, Zincati updates. */
  public static fedoraCoreOs(options: FedoraCoreOsOptions = {}): ContainerOs {
    // Loaded lazily: each OS class extends ContainerOs, so a top-level import would be circular.
    const { FedoraCoreOs } = require('./fedora-coreos') as typeof import('./fedora-coreos');
    return new FedoraCoreOs(options);
  }

  /** Flatcar Container Linux on a channel (stable by default): Ignition, Docker sysext, locksmithd. */
  public static flatcar(options: FlatcarOptions = {}): ContainerOs {
    const { Flatcar } = require('./flatcar') as typeof import('./flatcar');
    return new Flatcar(options);
  }

  /** Alpine Linux on a release branch (newest supported by default): Tiny Cloud, Docker from community. */
  public static alpine(options: AlpineOptions = {}): ContainerOs {
    const { AlpineLinux } = require('./alpine') as typeof import('./alpine');
    return new AlpineLinux(options);
  }

  /** Bottlerocket on AWS (variant aws-ecs-2 by default): TOML settings, host containers. */
  public static bottlerocket(options: BottlerocketOptions = {}): ContainerOs {
    const { Bottlerocket } = require('./bottlerocket') as typeof import('./bottlerocket');
    return new Bottlerocket(options);
  }

  /** The OS's name, e.g. `Flatcar Container Linux`. */
  public abstract readonly name: string;
  /** The stream, channel, release or variant, e.g. `stable`. */
  public abstract readonly channel: string;
  /** The format its first-boot payload has. */
  public abstract readonly firstBootFormat: FirstBootFormat;
  /** The login user that receives `sshAuthorizedKeys`. */
  public abstract readonly defaultUser: string;
  /** Platforms the OS can run on. */
  public abstract readonly platforms: Platform[];

  /** Name and channel, e.g. `Flatcar Container Linux (stable)`, for messages. */
  public get displayName(): string {
    return `${this.name} (${this.channel})`;
  }

  /** How to find the OS's AMI for an architecture. */
  public abstract awsImage(architecture?: Architecture): AwsImageLookup;

  /**
   * The OS's image for libvirt (x86_64), where one can be used as it is. Throws a clear error
   * where there is none (Bottlerocket) or it is published compressed (Fedora CoreOS).
   */
  public abstract libvirtImage(): LibvirtImageInfo;

  /**
   * Renders the first-boot payload of a host: the HostConfig with this OS's defaults as the
   * merge parent (Docker enabled, daemon defaults, update settings).
   */
  public renderFirstBoot(host: HostConfig, options: RenderFirstBootOptions = {}): FirstBootPayload {
    if (!(host instanceof HostConfig)) throw Errors.notOneOf('host', host, ['a HostConfig (new HostConfig({...}))']);
    let model = host._toModel();
    if (options.hostname !== undefined) {
      model = mergeHostModels(model, { ...emptyHostModel(), hostname: requireHostname('hostname', options.hostname) });
    }
    return this._render(model, options);
  }

  /** @internal */
  public _render(model: HostModel, options: RenderFirstBootOptions = {}): FirstBootPayload {
    if (options === null || typeof options !== 'object') throw Errors.notAnObject('options', options);
    const platform = options.platform === undefined ? Platform.AWS : requireOneOf('platform', options.platform, [Platform.AWS, Platform.LIBVIRT]);
    if (!this.platforms.includes(platform)) {
      throw Errors.unsupportedPlatform(this.displayName, platform, `use ${this.platforms.map((p) => `Platform.${p.toUpperCase()}`).join(' or ')}, or another OS`);
    }
    const policy = options.updatePolicy === undefined ? UpdatePolicy.defaultWindow() : requirePolicy(options.updatePolicy);
    const ctx: RenderContext = { platform, policy, warnings: [] };
    const content = this._renderContent(model, ctx);
    return { format: this.firstBootFormat, content, warnings: ctx.warnings };
  }

  /** @internal */
  public abstract _renderContent(model: HostModel, ctx: RenderContext): string;

  /** How the payload reaches the host on libvirt. @internal */
  public abstract _libvirtDelivery(): LibvirtDelivery;

  /** How a Docker data volume is attached and found on EC2. @internal */
  public abstract _awsDataVolume(): AwsDataVolume;

  /** True when udev gives disks stable /dev/disk/by-id names inside the initramfs. @internal */
  public abstract readonly _udevDiskNames: boolean;

  /**
   * AWS-managed IAM policies (names after `arn:<partition>:iam::aws:policy/`) the OS's own agents
   * need on EC2; each a construct-id suffix and a policy name. Empty for most OSes. @internal
   */
  public _awsManagedPolicies(): Array<[string, string]> {
    return [];
  }

  /** Whether the payload format may be gzip-compressed in EC2 user data. @internal */
  public abstract readonly _gzipUserData: boolean;

  /** Minimum memory for a libvirt host, MiB. @internal */
  public abstract readonly _minMemoryMiB: number;
}

/** AMI architecture names per Architecture (EC2 DescribeImages `architecture`). */
export function amiArchitecture(arch: Architecture | undefined): Architecture {
  return arch === undefined ? Architecture.X86_64 : requireOneOf('architecture', arch, [Architecture.X86_64, Architecture.ARM64]);
}

/**
 * A stream/channel/release/variant from the allowed list (any case, so JavaScript callers may
 * pass 'Stable'), the fallback when unset, or an error listing the allowed ones.
 */
export function requireChannel(os: string, property: string, value: unknown, allowed: readonly string[], fallback: string): string {
  if (value === undefined) return fallback;
  const hit = typeof value === 'string' ? allowed.find((a) => a === value.toLowerCase()) : undefined;
  if (hit === undefined) throw Errors.unknownChannel(os, property, value, allowed);
  return hit;
}

/** Rejects daemon.json keys the OS's docker.service already sets as flags (dockerd refuses both). */
export function rejectReservedDaemonKeys(os: string, model: HostModel, reserved: Readonly<Record<string, string>>): void {
  for (const key of Object.keys(model.dockerDaemonSettings)) {
    if (reserved[key]) throw Errors.unsupportedFeature(os, `hostConfig.dockerDaemonSettings.${key}`, model.dockerDaemonSettings[key], reserved[key]);
  }
}
