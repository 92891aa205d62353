import { Errors } from '../core/errors';
import { expandForBottlerocket } from '../bootconfig/bottlerocket-host';
import { HostModel } from '../bootconfig/model';
import { renderToml } from '../bootconfig/toml';
import { requireString } from '../core/validation';
import {
  AwsDataVolume, AwsImageLookup, ContainerOs, LibvirtDelivery, LibvirtImageInfo, RenderContext, amiArchitecture, requireChannel,
} from './container-os';
import { Architecture, FirstBootFormat, Platform } from './enums';
import { UpdatePolicyKind } from './update-policy';

/** Options for Bottlerocket. */
export interface BottlerocketOptions {
  /**
   * The variant: `aws-ecs-2` (kernel 6.1) or `aws-ecs-3` (kernel 6.12); both run Docker under
   * the ECS agent.
   * @default 'aws-ecs-2'
   */
  readonly variant?: string;
  /**
   * ECS cluster the hosts join (`settings.ecs.cluster`).
   * @default - the ECS agent's default cluster ('default')
   */
  readonly ecsCluster?: string;
}

/** Variants with a Docker engine (website data/variants/1.57.x aws-ecs-2.toml, aws-ecs-3.toml). */
const VARIANTS = ['aws-ecs-2', 'aws-ecs-3'];

/**
 * Bottlerocket (AWS only): TOML settings as user data, containers as host containers, image-based
 * updates applied by an external updater. Facts: shared/reference/os-facts.md §4, os-facts-2.md §3.
 */
export class Bottlerocket extends ContainerOs {
  public readonly name = 'Bottlerocket';
  public readonly channel: string;
  public readonly firstBootFormat = FirstBootFormat.BOTTLEROCKET_TOML;
  /** README "Admin container": SSH as ec2-user into the admin container. */
  public readonly defaultUser = 'ec2-user';
  public readonly platforms = [Platform.AWS];
  /** ECS cluster the hosts join, if set. */
  public readonly ecsCluster?: string;
  /** @internal */ public readonly _udevDiskNames = false;
  /** README "Using user data": gzip is allowed to fit 16 KiB. @internal */
  public readonly _gzipUserData = true;
  /** @internal */ public readonly _minMemoryMiB = 1024;

  constructor(options: BottlerocketOptions = {}) {
    super();
    if (options === null || typeof options !== 'object') throw Errors.notAnObject('options', options);
    this.channel = requireChannel(this.name, 'variant', options.variant, VARIANTS, 'aws-ecs-2');
    if (options.ecsCluster !== undefined) this.ecsCluster = requireString('ecsCluster', options.ecsCluster);
  }

  public awsImage(architecture?: Architecture): AwsImageLookup {
    return {
      // QUICKSTART-ECS.md "Finding an AMI": SSM parameters per variant and arch (x86_64 | arm64);
      // the AMI owner differs per region, so no AMI search.
      ssmParameter: `/aws/service/bottlerocket/${this.channel}/${amiArchitecture(architecture)}/latest/image_id`,
      architecture: amiArchitecture(architecture),
      rootDeviceName: '/dev/xvda',
      // UNCERTAIN: the OS volume snapshot is 2 GiB; data lives on /dev/xvdb.
      minRootSizeGiB: 2,
    };
  }

  public libvirtImage(): LibvirtImageInfo {
    // QUICKSTART-LOCAL.md: no prebuilt QEMU image; metal-dev must be built yourself.
    throw Errors.unsupportedPlatform(this.displayName, Platform.LIBVIRT,
      'Bottlerocket publishes no QEMU/libvirt image; use ContainerOs.flatcar() or ContainerOs.fedoraCoreOs() on libvirt');
  }

  /** @internal */
  public _libvirtDelivery(): LibvirtDelivery {
    return this.libvirtImage() as never;
  }

  /**
   * The control container is an SSM agent (bottlerocket README "Control container"):
   * AmazonSSMManagedInstanceCore. The ECS variants' ecs-agent registers the host and pulls images:
   * AmazonEC2ContainerServiceforEC2Role (amazon-ecs-developer-guide instance_IAM_role.md). Each is
   * the AWS-managed policy scoped to that one agent's job.
   * @internal
   */
  public override _awsManagedPolicies(): Array<[string, string]> {
    return [['Ssm', 'AmazonSSMManagedInstanceCore'], ['Ecs', 'service-role/AmazonEC2ContainerServiceforEC2Role']];
  }

  /** @internal */
  public _awsDataVolume(): AwsDataVolume {
    // The AMI's second mapping /dev/xvdb is the OS's data volume, mounted at /local
    // (bottlerocket README "Default Volumes"): size it, never mount it ourselves.
    return { kind: 'os-owned', deviceName: '/dev/xvdb' };
  }

  /** @internal */
  public _renderContent(model: HostModel, ctx: RenderContext): string {
    const settings = expandForBottlerocket(model, this.displayName);
    if (this.ecsCluster) settings.ecs = { cluster: this.ecsCluster };
    const p = ctx.policy;
    const external = 'Bottlerocket does not update itself: install the Bottlerocket ECS updater (or run apiclient update via SSM) to apply updates';
    switch (p.kind) {
      case UpdatePolicyKind.FLEET_LOCK:
        throw Errors.unsupportedPolicy(this.displayName, p.toString(),
          'UpdatePolicy.immediate() or maintenanceWindow() with the Bottlerocket ECS updater, which drains tasks host by host');
      case UpdatePolicyKind.IMMEDIATE:
        // website update/locking-to-a-specific-release, settings updates.toml: follow the newest
        // release and do not wait for the wave schedule.
        settings.updates = { 'version-lock': 'latest', 'ignore-waves': true };
        ctx.warnings.push(`${this.displayName}: ${external}`);
        break;
      case UpdatePolicyKind.MAINTENANCE_WINDOW:
        settings.updates = { 'version-lock': 'latest', 'ignore-waves': false };
        ctx.warnings.push(`${this.displayName}: ${external}; the window (${p.toString()}) is the updater's schedule, not a host setting`);
        break;
      case UpdatePolicyKind.DISABLED:
        ctx.warnings.push(`${this.displayName}: updates are disabled; hosts get no security fixes until replaced`);
        break;
    }
    return renderToml({ settings });
  }
}
