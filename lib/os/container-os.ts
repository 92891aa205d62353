/**
 * `ContainerOs`: the public face of an OS definition (lib/os/<os>.ts) and the one render
 * pipeline from the host model to a first-boot payload:
 *
 *   platform layer → OS layer → user layer → platform overrides   (one merge, the child wins)
 *   → capability check → the OS's own checks → expand + render → raw fragments (last child)
 */
import { FORMATS, FirstBootFormat } from '../bootconfig/formats';
import { defaultDataVolume } from '../bootconfig/docker-data-volume';
import { FirstBootFragment } from '../bootconfig/fragment';
import { containerWarnings } from '../bootconfig/published-ports';
import { HostConfig } from '../bootconfig/host-config';
import { mergeLayers } from '../bootconfig/merge';
import { HostModel, emptyHostModel, layer } from '../bootconfig/model';
import { CoreErrors } from '../core/errors';
import { OsErrors } from './errors';
import { isUnresolved, requireBoolean, requireHostname, requireOneOf } from '../core/validation';
import { alpine, ALPINE_NEWEST, ALPINE_RELEASES } from './alpine';
import { bottlerocket, BOTTLEROCKET_VARIANTS } from './bottlerocket';
import { BOTTLEROCKET_DEFAULT_VARIANT } from './bottlerocket-variants';
import { requireEcsClusterName, requireHostContainers } from '../bootconfig/bottlerocket-host';
import { OsFeature, checkCapabilities } from './capabilities';
import { AlpineBootstrap, AlpineBranch, Architecture, BottlerocketEcsVariant, FedoraCoreOsStream, FlatcarChannel, Platform } from './enums';
import { fedoraCoreOs } from './fedora-coreos';
import { flatcar } from './flatcar';
import { EcsMembership, OsDefinition, RenderContext } from './os-definition';
import { AwsImageLookup } from './aws-traits';
import { LibvirtImageInfo } from './libvirt-traits';
import { PLATFORMS, TraitsOf } from './platform-traits';
import { UpdatePolicy, UpdatePolicyKind, requirePolicy } from './update-policy';

/** Options for Fedora CoreOS. */
export interface FedoraCoreOsOptions {
  /**
   * The update stream, as a `FedoraCoreOsStream` or its name (`'stable'`, `'testing'`, `'next'`).
   * Hosts follow the stream of the image they booted from.
   * @default FedoraCoreOsStream.STABLE
   */
  readonly stream?: FedoraCoreOsStream | string;
}

/** Options for Flatcar Container Linux. */
export interface FlatcarOptions {
  /**
   * The release channel, as a `FlatcarChannel` or its name (`'stable'`, `'beta'`, `'alpha'`,
   * `'lts'`); hosts update within it (`GROUP=` in update.conf).
   * @default FlatcarChannel.STABLE
   */
  readonly channel?: FlatcarChannel | string;
}

/** Options for Alpine Linux. */
export interface AlpineOptions {
  /**
   * Release branch, as an `AlpineBranch` or its name, e.g. `'3.25'`. See `ContainerOs.ALPINE_RELEASES`.
   * @default - the newest supported branch
   */
  readonly release?: AlpineBranch | string;
  /**
   * Which first-boot agent the image runs.
   * @default AlpineBootstrap.TINY - Tiny Cloud with `#alpine-config`
   */
  readonly bootstrap?: AlpineBootstrap;
}

/** Options for Bottlerocket. */
export interface BottlerocketOptions {
  /**
   * The variant: an ECS variant, which runs Docker under the ECS agent. `aws-ecs-2` (kernel 6.1),
   * `aws-ecs-3` (kernel 6.12) or the experimental `aws-ecs-4` (kernel 6.18), each also as
   * `-nvidia` (NVIDIA drivers, for GPU instance types), and the first two as `-fips` and
   * `-nvidia-fips` (FIPS 140-3), as a `BottlerocketEcsVariant` or its name. See
   * `ContainerOs.BOTTLEROCKET_VARIANTS`.
   * @default BottlerocketEcsVariant.AWS_ECS_2
   */
  readonly variant?: BottlerocketEcsVariant | string;
  /**
   * An existing ECS cluster the hosts join (`settings.ecs.cluster`); `AwsDockerFleet` then
   * creates no cluster and places its services there. Must be a literal name: it is written
   * into the first-boot settings at synth time.
   * @default - `AwsDockerFleet` creates a cluster named after the fleet (a `renderFirstBoot`
   * preview without a fleet names none: the ECS agent's `default` cluster)
   */
  readonly ecsCluster?: string;
  /**
   * Host containers for admin and control work (Bottlerocket's own mechanism: containerd on
   * the host, the image's entrypoint, host networking, no ports, env or volumes). Your
   * workloads belong in `HostConfig.addContainer`, which runs them as ECS daemon services.
   * @default - none besides Bottlerocket's own `admin` (enabled when there are SSH keys) and `control`
   */
  readonly hostContainers?: BottlerocketHostContainer[];
}

/** A Bottlerocket host container (`settings.host-containers.<name>`). */
export interface BottlerocketHostContainer {
  /** Name: lower-case letters, digits and hyphens; not `admin` or `control`. */
  readonly name: string;
  /** Fully qualified image, e.g. `public.ecr.aws/org/agent:1.2` (host-ctr resolves no short names). */
  readonly source: string;
  /**
   * Run with full host privileges (`superpowered`): needed by agents that manage the host.
   * @default false
   */
  readonly superpowered?: boolean;
}

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
  /**
   * Render the Docker data volume the way the fleets do: on AWS what `dockerVolumeSizeGiB` adds,
   * on libvirt the data disk every host has (named after `hostname`'s WWN where the OS has stable
   * disk names). With the same host name, policy and this, the payload is exactly what the fleet
   * deploys (before its delivery encoding: gzip, an S3 pointer, Terraform's `sensitive()`).
   * @default - as the fleets render it: false on AWS (no `dockerVolumeSizeGiB`), true on libvirt
   */
  readonly dockerDataVolume?: boolean;
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

/** What a platform adds to the pipeline. @internal */
export interface PlatformLayers {
  /** the parent of the OS and user layers (e.g. the data volume) */
  readonly defaults?: HostModel;
  /** the last child (e.g. each host's own name) */
  readonly overrides?: HostModel;
  /** the ECS cluster an ECS-scheduled OS joins, and the instance attributes it announces */
  readonly ecs?: EcsMembership;
}

/**
 * A container-optimized host OS with its channel. Pick one with a factory
 * (`ContainerOs.flatcar({ channel: FlatcarChannel.STABLE })`); the fleet constructs ask it for
 * its image, its first-boot payload and how that payload is delivered, and never branch on
 * which OS it is.
 */
export class ContainerOs {
  /** Alpine release branches this library supports, oldest first. */
  public static readonly ALPINE_RELEASES: string[] = [...ALPINE_RELEASES];
  /** Bottlerocket variants this library supports (the ECS variants), oldest family first. */
  public static readonly BOTTLEROCKET_VARIANTS: string[] = [...BOTTLEROCKET_VARIANTS];

  /** Fedora CoreOS on a stream (stable by default): Ignition, Docker preinstalled, Zincati updates. */
  public static fedoraCoreOs(options: FedoraCoreOsOptions = {}): ContainerOs {
    const o = requireOptions(options);
    const stream = requireChannel('Fedora CoreOS', 'stream', o.stream, Object.values(FedoraCoreOsStream), FedoraCoreOsStream.STABLE);
    return new ContainerOs(fedoraCoreOs(stream));
  }

  /** Flatcar Container Linux on a channel (stable by default): Ignition, Docker sysext, locksmithd. */
  public static flatcar(options: FlatcarOptions = {}): ContainerOs {
    const o = requireOptions(options);
    const channel = requireChannel('Flatcar Container Linux', 'channel', o.channel, Object.values(FlatcarChannel), FlatcarChannel.STABLE);
    return new ContainerOs(flatcar(channel));
  }

  /** Alpine Linux on a release branch (newest supported by default): Tiny Cloud, Docker from community. */
  public static alpine(options: AlpineOptions = {}): ContainerOs {
    const o = requireOptions(options);
    const release = requireChannel('Alpine Linux', 'release', o.release, ALPINE_RELEASES, ALPINE_NEWEST);
    const bootstrap = o.bootstrap === undefined ? AlpineBootstrap.TINY
      : requireOneOf('bootstrap', o.bootstrap, [AlpineBootstrap.TINY, AlpineBootstrap.CLOUD_INIT]);
    return new ContainerOs(alpine(release, bootstrap), { bootstrap });
  }

  /** Bottlerocket on AWS (ECS variant aws-ecs-2 by default): TOML settings, containers as ECS daemon services. */
  public static bottlerocket(options: BottlerocketOptions = {}): ContainerOs {
    const o = requireOptions(options);
    const variant = requireChannel('Bottlerocket', 'variant', o.variant, BOTTLEROCKET_VARIANTS, BOTTLEROCKET_DEFAULT_VARIANT);
    const ecsCluster = o.ecsCluster === undefined ? undefined : requireEcsClusterName('ecsCluster', o.ecsCluster);
    const hostContainers = o.hostContainers === undefined ? [] : requireHostContainers('hostContainers', o.hostContainers);
    return new ContainerOs(bottlerocket(variant, ecsCluster, hostContainers), { ecsCluster });
  }

  /** The OS's name, e.g. `Flatcar Container Linux`. */
  public readonly name: string;
  /** The stream, channel, release or variant, e.g. `stable`. */
  public readonly channel: string;
  /** The format its first-boot payload has. */
  public readonly firstBootFormat: FirstBootFormat;
  /** The login user that receives `sshAuthorizedKeys`. */
  public readonly defaultUser: string;
  /** Platforms the OS can run on. */
  public readonly platforms: Platform[];
  /**
   * Alpine only: the image's first-boot agent.
   * @default - not an Alpine OS
   */
  public readonly bootstrap?: AlpineBootstrap;
  /**
   * Bottlerocket only: the existing ECS cluster the hosts join.
   * @default - none: `AwsDockerFleet` creates one (or not Bottlerocket)
   */
  public readonly ecsCluster?: string;
  /** @internal */
  public readonly _definition: OsDefinition;

  private constructor(definition: OsDefinition, extras: { bootstrap?: AlpineBootstrap; ecsCluster?: string } = {}) {
    this._definition = definition;
    this.name = definition.name;
    this.channel = definition.channel;
    this.firstBootFormat = definition.format;
    this.defaultUser = definition.defaultUser;
    this.platforms = Object.values(Platform).filter((p) => definition.traits[p] !== undefined);
    this.bootstrap = extras.bootstrap;
    this.ecsCluster = extras.ecsCluster;
  }

  /** Name and channel, e.g. `Flatcar Container Linux (stable)`, for messages. */
  public get displayName(): string {
    return `${this.name} (${this.channel})`;
  }

  /** True when the OS can express `feature` of the host model (the OS table in the README). */
  public canExpress(feature: OsFeature): boolean {
    return this._definition.capabilities.features[requireOneOf('feature', feature, Object.values(OsFeature))] === true;
  }

  /** True when the OS can apply update policies of `kind`. */
  public supportsPolicy(kind: UpdatePolicyKind): boolean {
    return this._definition.capabilities.policies[requireOneOf('kind', kind, Object.values(UpdatePolicyKind))] === true;
  }

  /** How to find the OS's AMI for an architecture. */
  public awsImage(architecture?: Architecture): AwsImageLookup {
    return this._traits(Platform.AWS).image(amiArchitecture(architecture));
  }

  /**
   * The OS's image for libvirt (x86_64), where one can be used as it is. Throws a clear error
   * where there is none (Bottlerocket) or it is published compressed (Fedora CoreOS).
   */
  public libvirtImage(): LibvirtImageInfo {
    return this._traits(Platform.LIBVIRT).image();
  }

  /**
   * Renders the first-boot payload of a host: the HostConfig with this OS's defaults as the
   * merge parent (Docker enabled, daemon defaults, update settings).
   */
  public renderFirstBoot(host: HostConfig, options: RenderFirstBootOptions = {}): FirstBootPayload {
    if (!(host instanceof HostConfig)) throw CoreErrors.notOneOf('host', host, ['a HostConfig (new HostConfig({...}))']);
    if (options === null || typeof options !== 'object') throw CoreErrors.notAnObject('options', options);
    const hostname = options.hostname === undefined ? undefined : requireHostname('hostname', options.hostname);
    const platform = options.platform === undefined ? Platform.AWS : requireOneOf('platform', options.platform, Object.values(Platform));
    const policy = options.updatePolicy === undefined ? undefined : requirePolicy(options.updatePolicy);
    const dataVolume = options.dockerDataVolume === undefined ? PLATFORMS[platform].dataVolumeByDefault
      : requireBoolean('dockerDataVolume', options.dockerDataVolume);
    return this._render(host._toModel(), host._fragments(), platform, policy, this._platformLayers(platform, { dataVolume, hostname }));
  }

  /**
   * What a platform adds around the user's model, shared by the fleets and `renderFirstBoot`
   * so a preview is what a host receives: the data volume (parent layer) where the platform
   * attaches one, and the host's name (last child). `diskId` is the id the platform gives the
   * host's data disk, where the OS names the disk by it (derived from `hostname` when not given).
   * @internal
   */
  public _platformLayers(platform: Platform, o: { dataVolume: boolean; hostname?: string; diskId?: string }): PlatformLayers {
    const overrides = o.hostname === undefined ? undefined : layer({ hostname: o.hostname });
    if (!o.dataVolume) return { overrides };
    const v = this._traits(platform).dataVolume;
    switch (v.kind) {
      case 'os-owned': return { overrides };
      case 'device': return { overrides, defaults: layer({ dockerDataVolume: defaultDataVolume({ device: v.device }) }) };
      case 'found': return { overrides, defaults: layer({ dockerDataVolume: defaultDataVolume({ diskModel: v.diskModel }) }) };
      case 'by-disk-id': {
        const id = o.diskId ?? (o.hostname === undefined ? undefined : v.diskIdOf(o.hostname));
        const device = id === undefined ? undefined : v.device(id);
        return { overrides, defaults: layer({ dockerDataVolume: defaultDataVolume({ device }) }) };
      }
    }
  }

  /**
   * The OS's record for `platform`, or the generic "not on this platform" error.
   * @internal
   */
  public _traits<P extends Platform>(platform: P): TraitsOf[P] {
    const traits = this._definition.traits[platform] as TraitsOf[P] | undefined;
    if (traits === undefined) {
      const hint = PLATFORMS[platform].missingRecordHint?.(this.name);
      throw OsErrors.unsupportedPlatform(this.displayName, platform,
        `use ${this.platforms.map((p) => `Platform.${p.toUpperCase()}`).join(' or ')}, or another `
          + `OS${hint === undefined ? '' : `; ${hint}`}`);
    }
    return traits;
  }

  /**
   * The render pipeline (see the file comment).
   * @internal
   */
  public _render(user: HostModel, fragments: readonly FirstBootFragment[], platform: Platform, policy: UpdatePolicy | undefined,
    layers: PlatformLayers = {}): FirstBootPayload {
    this._traits(platform);
    const def = this._definition;
    const ctx: RenderContext = {
      platform, policy: policy ?? UpdatePolicy.defaultWindow(), displayName: this.displayName, warnings: [], ecs: layers.ecs,
    };
    const defaults = layers.defaults ?? emptyHostModel();
    const overrides = layers.overrides ?? emptyHostModel();
    const withPlatform = mergeLayers(defaults, user, overrides);
    checkCapabilities(this.displayName, def.capabilities, withPlatform, ctx.policy);
    const model = mergeLayers(defaults, def.osLayer(ctx, withPlatform), user, overrides);
    def.check?.(model, ctx);
    ctx.warnings.push(...containerWarnings(user.containers).map((w) => `${this.displayName}: ${w}`));
    fragments.forEach((f, i) => {
      if (!f._fits(def.format)) {
        const reads = FORMATS[def.format];
        throw OsErrors.fragmentFormat(this.displayName, `fragments[${i}]: ${FORMATS[f.format].name}`, reads.name, reads.fragmentFactory);
      }
    });
    ctx.policy._match({
      disabled: () => undefined, immediate: () => undefined, maintenanceWindow: () => undefined,
      fleetLock: (url) => {
        if (isUnresolved(url)) throw CoreErrors.literalRequired('updatePolicy.fleetLock.url', url, 'the lock URL is written into the '
          + 'first-boot payload at synth time; a token would reach the hosts as the text ${TfToken[...]}, so they never take the lock');
      },
    });
    const content = def.render(model, ctx, fragments.map((f) => f._value));
    // Last guard: no value known only at apply time may reach a payload as its placeholder text.
    const token = /\$\{TfToken\[[^\]]*\]\}|#\{TfToken\[[^\]]*\]\}/.exec(content);
    if (token) throw CoreErrors.unresolvedToken('hostConfig', content.slice(Math.max(0, token.index - 40), token.index + token[0].length));
    return { format: def.format, content, warnings: ctx.warnings };
  }
}

/** The `os` prop of a fleet or swarm: a ContainerOs from one of the factories, or a clear error. */
export function requireContainerOs(property: string, value: unknown): ContainerOs {
  if (!(value instanceof ContainerOs)) {
    throw CoreErrors.notOneOf(property, value,
      ['ContainerOs.fedoraCoreOs()', 'ContainerOs.flatcar()', 'ContainerOs.alpine()', 'ContainerOs.bottlerocket()']);
  }
  return value;
}

function requireOptions<T>(options: T): T {
  if (options === null || typeof options !== 'object') throw CoreErrors.notAnObject('options', options);
  return options;
}

/** AMI architecture names per Architecture (EC2 DescribeImages `architecture`). */
export function amiArchitecture(arch: Architecture | undefined): Architecture {
  return arch === undefined ? Architecture.X86_64 : requireOneOf('architecture', arch, [Architecture.X86_64, Architecture.ARM64]);
}

/**
 * A stream/channel/release/variant from the allowed list (any case, so JavaScript callers may
 * pass 'Stable'), the fallback when unset, or an error listing the allowed ones.
 */
function requireChannel(os: string, property: string, value: unknown, allowed: readonly string[], fallback: string): string {
  if (value === undefined) return fallback;
  const hit = typeof value === 'string' ? allowed.find((a) => a === value.toLowerCase()) : undefined;
  if (hit === undefined) throw OsErrors.unknownChannel(os, property, value, allowed);
  return hit;
}
