/**
 * Bottlerocket (AWS only): TOML settings as user data, containers as host containers,
 * image-based updates applied by an external updater. Facts: the project's OS fact notes (os-facts.md §4,
 * os-facts-2.md §3); sources named per fact below.
 */
import { expandForBottlerocket } from '../bootconfig/bottlerocket-host';
import { FirstBootFormat } from '../bootconfig/formats';
import { mergeFragment } from '../bootconfig/fragment';
import { layer } from '../bootconfig/model';
import { renderToml } from '../bootconfig/toml';
import { ALL_FEATURES, OsFeature } from './capabilities';
import { Architecture } from './enums';
import { OsDefinition } from './os-definition';

/** Variants with a Docker engine (website data/variants/1.57.x aws-ecs-2.toml, aws-ecs-3.toml). */
export const BOTTLEROCKET_VARIANTS: readonly string[] = ['aws-ecs-2', 'aws-ecs-3'];

/** Bottlerocket on a variant, optionally joining an ECS cluster. */
export function bottlerocket(variant: string, ecsCluster: string | undefined): OsDefinition {
  const external = 'Bottlerocket does not update itself: install the Bottlerocket ECS updater (or run apiclient update via SSM) to apply updates';
  return {
    name: 'Bottlerocket',
    channel: variant,
    format: FirstBootFormat.BOTTLEROCKET_TOML,
    // README "Admin container": SSH as ec2-user into the admin container.
    defaultUser: 'ec2-user',
    capabilities: {
      features: {
        ...ALL_FEATURES,
        [OsFeature.FILES]: 'the host has no writable file system for your files; bake files into a container image or use Bottlerocket settings',
        [OsFeature.SYSTEMD_UNITS]: 'the host runs no custom systemd units; use a host container (addContainer) or a bootstrap container',
        [OsFeature.USERS]: 'the host has no login users; SSH goes through the admin container (sshAuthorizedKeys)',
        [OsFeature.DOCKER_DAEMON_SETTINGS]: 'its Docker engine is driven by the ECS agent and configured through settings.ecs and settings.container-registry',
        [OsFeature.TIME_ZONE]: 'the host clock stays in UTC; set TZ inside your containers',
        [OsFeature.DATA_VOLUME]: "container data lives on the OS's own data volume (/dev/xvdb, mounted at /local); size it with dockerVolumeSizeGiB instead",
        [OsFeature.CONTAINER_PORTS]: 'host containers share the host network and publish no ports; the process binds host ports directly',
        [OsFeature.CONTAINER_ENVIRONMENT]: 'host containers take no environment; bake it into the image or read it from the host-container user-data',
        [OsFeature.CONTAINER_VOLUMES]: 'host containers take no volumes; each gets a persistent /.bottlerocket/host-containers/<name> directory',
        [OsFeature.CONTAINER_COMMAND]: "host containers run the image's own entrypoint; build an image with the command you need",
        [OsFeature.CONTAINER_SECRETS]: 'host containers take no environment, so there is nothing to put a secret into; run the workload as an ECS task with `secrets` (valueFrom) once this library manages Bottlerocket ECS tasks, or use ContainerOs.flatcar(), fedoraCoreOs() or alpine()',
      },
      policies: {
        'immediate': true,
        'maintenance-window': true,
        'fleet-lock': 'UpdatePolicy.immediate() or maintenanceWindow() with the Bottlerocket ECS updater, which drains tasks host by host',
        'disabled': true,
      },
    },
    traits: {
      aws: {
        image: (architecture: Architecture) => ({
          // QUICKSTART-ECS.md "Finding an AMI": SSM parameters per variant and arch (x86_64 | arm64);
          // the AMI owner differs per region, so no AMI search.
          ssmParameter: `/aws/service/bottlerocket/${variant}/${architecture}/latest/image_id`,
          architecture,
          rootDeviceName: '/dev/xvda',
          // UNCERTAIN: the OS volume snapshot is 2 GiB; data lives on /dev/xvdb.
          minRootSizeGiB: 2,
        }),
        // The AMI's second mapping /dev/xvdb is the OS's data volume, mounted at /local
        // (bottlerocket README "Default Volumes"): size it, never mount it ourselves.
        dataVolume: { kind: 'os-owned' },
        // README "Using user data": gzip is allowed to fit 16 KiB.
        gzipUserData: true,
        // The control container is an SSM agent (bottlerocket README "Control container"):
        // AmazonSSMManagedInstanceCore. The ECS variants' ecs-agent registers the host and pulls images:
        // AmazonEC2ContainerServiceforEC2Role (amazon-ecs-developer-guide instance_IAM_role.md). Each is
        // the AWS-managed policy scoped to that one agent's job.
        managedPolicies: [['Ssm', 'AmazonSSMManagedInstanceCore'], ['Ecs', 'service-role/AmazonEC2ContainerServiceforEC2Role']],
      },
      // QUICKSTART-LOCAL.md: no prebuilt QEMU image; metal-dev must be built yourself (no libvirt record).
    },
    osLayer: () => layer({}),
    render: (model, ctx, fragments) => {
      const settings = expandForBottlerocket(model, ctx.displayName);
      if (ecsCluster) settings.ecs = { cluster: ecsCluster };
      const updates = ctx.policy._match<Record<string, unknown> | undefined>({
        // website update/locking-to-a-specific-release, settings updates.toml: follow the newest
        // release and do not wait for the wave schedule.
        immediate: () => {
          ctx.warnings.push(`${ctx.displayName}: ${external}`);
          return { 'version-lock': 'latest', 'ignore-waves': true };
        },
        // The stock updater is not window-aware: bottlerocket-ecs-updater's template schedules it with
        // `ScheduleExpression: "rate(12 hours)"` and takes no schedule parameter (review-2026-11.md A6).
        maintenanceWindow: () => {
          ctx.warnings.push(`${ctx.displayName}: the window (${ctx.policy.toString()}) is NOT enforced on Bottlerocket: the hosts never update `
            + 'by themselves, and the stock Bottlerocket ECS updater runs every 12 hours and ignores windows, so hosts update whenever it runs; '
            + 'pass UpdatePolicy.immediate() to say so, or UpdatePolicy.disabled()');
          return { 'version-lock': 'latest', 'ignore-waves': false };
        },
        fleetLock: () => undefined,
        disabled: () => {
          ctx.warnings.push(`${ctx.displayName}: updates are disabled; hosts get no security fixes until replaced`);
          return undefined;
        },
      });
      if (updates) settings.updates = updates;
      let doc: Record<string, unknown> = { settings };
      for (const f of fragments) doc = mergeFragment(doc, f);
      return renderToml(doc);
    },
  };
}
