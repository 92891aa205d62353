/**
 * Bottlerocket (AWS only): TOML settings as user data, the HostConfig's containers as ECS
 * daemon services (the fleet creates them; the settings join the cluster), image-based updates
 * applied by the fleet's maintenance-window automation or an external updater. Sources are named
 * per fact below; docs/os-notes.md "Bottlerocket host containers" has the longer ones.
 */
import { HostContainerModel, expandForBottlerocket } from '../bootconfig/bottlerocket-host';
import { FirstBootFormat } from '../bootconfig/formats';
import { mergeFragment } from '../bootconfig/fragment';
import { layer } from '../bootconfig/model';
import { renderToml } from '../bootconfig/toml';
import { BOTTLEROCKET_VARIANT_DATA, bottlerocketVariant, gpuCounterpart, supportedAlternative } from './bottlerocket-variants';
import { ALL_FEATURES, OsFeature } from './capabilities';
import { Architecture, Platform } from './enums';
import { OsDefinition } from './os-definition';

/** Variants with a Docker engine, the ECS variants (data and sources: bottlerocket-variants.ts). */
export const BOTTLEROCKET_VARIANTS: readonly string[] = BOTTLEROCKET_VARIANT_DATA.map((v) => v.name);

/**
 * The logging drivers the ECS agent may use: the agent alone allows `json-file` and `none`
 * (ECS_AVAILABLE_LOGGING_DRIVERS, amazon-ecs-agent README); the fleet's task definitions use
 * `awslogs`, so the settings name it (bottlerocket-settings-models ECSSettingsV1 `logging_drivers`).
 * UNCERTAIN: whether Bottlerocket's own default already lists awslogs; saying it is harmless.
 */
const ECS_LOGGING_DRIVERS = ['json-file', 'awslogs', 'none'];

/** Bottlerocket on a variant, optionally joining an existing ECS cluster, with extra host containers. */
export function bottlerocket(variant: string, ecsCluster: string | undefined,
  hostContainers: readonly HostContainerModel[] = []): OsDefinition {
  const data = bottlerocketVariant(variant);
  const counterpart = gpuCounterpart(data);
  return {
    name: 'Bottlerocket',
    channel: variant,
    format: FirstBootFormat.BOTTLEROCKET_TOML,
    // README "Admin container": SSH as ec2-user into the admin container.
    defaultUser: 'ec2-user',
    capabilities: {
      features: {
        ...ALL_FEATURES,
        [OsFeature.FILES]: 'the host has no writable file system for your files; bake files into a container image or use Bottlerocket '
          + 'settings',
        [OsFeature.SYSTEMD_UNITS]: 'the host runs no custom systemd units; run the process as a container (addContainer: an ECS daemon '
          + 'service), or for host agents as a host container (ContainerOs.bottlerocket({ hostContainers }))',
        [OsFeature.USERS]: 'the host has no login users; SSH goes through the admin container (sshAuthorizedKeys)',
        [OsFeature.DOCKER_DAEMON_SETTINGS]: 'its Docker engine is driven by the ECS agent and configured through settings.ecs and '
          + 'settings.container-registry',
        [OsFeature.TIME_ZONE]: 'the host clock stays in UTC; set TZ inside your containers',
        [OsFeature.DATA_VOLUME]: "container data lives on the OS's own data volume (/dev/xvdb, mounted at /local); size it with "
          + "dockerVolumeSizeGiB instead",
      },
      policies: {
        // Hosts never update themselves (no updater runs on them): refused, as accepting it would
        // leave them unpatched while it says "immediate".
        'immediate': 'UpdatePolicy.maintenanceWindow() (e.g. every day), which AwsDockerFleet enforces with an SSM maintenance window '
          + 'that updates one host at a time, or UpdatePolicy.disabled() with your own updater (the Bottlerocket ECS updater); '
          + 'Bottlerocket hosts never update themselves',
        'maintenance-window': true,
        'fleet-lock': 'UpdatePolicy.maintenanceWindow(), which AwsDockerFleet enforces with an SSM maintenance window that drains and '
          + 'updates one host at a time',
        'disabled': true,
      },
    },
    // PID 1 is systemd, though it runs none of the user's units (the capability table says why)
    initSystem: 'systemd',
    swarm: 'Bottlerocket runs ECS, not Docker Swarm (its aws-ecs variants have no Docker CLI or swarm mode); use '
      + 'ContainerOs.fedoraCoreOs(), '
      + 'ContainerOs.flatcar() or ContainerOs.alpine() for a swarm, or AwsDockerFleet with Bottlerocket for ECS',
    traits: {
      [Platform.AWS]: {
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
        // The aws-ecs variants' Docker engine belongs to the ECS agent: "a container on every
        // host" is an ECS service with the DAEMON scheduling strategy (docs/os-notes.md "Bottlerocket host containers").
        containerScheduler: 'ecs',
        // Only the nvidia flavors carry NVIDIA drivers and enable the ECS agent's GPU support.
        gpu: {
          drivers: data.nvidia ? 'nvidia' : 'none',
          ...(counterpart ? { alternative: `ContainerOs.bottlerocket({ variant: '${counterpart.name}' })` } : {}),
        },
      },
      // QUICKSTART-LOCAL.md: no prebuilt QEMU image; metal-dev must be built yourself (no libvirt record).
    },
    osLayer: (ctx) => {
      if (data.status === 'experimental') {
        ctx.warnings.push(`${ctx.displayName}: ${variant} is an experimental variant (https://github.com/bottlerocket-os/bottlerocket/pull/4840): `
          + `it may change or be withdrawn without notice; use ${supportedAlternative(data)?.name} for production`);
      }
      return layer({});
    },
    render: (model, ctx, fragments) => {
      const settings = expandForBottlerocket(model, hostContainers);
      for (const c of hostContainers.filter((h) => h.superpowered)) {
        ctx.warnings.push(`${ctx.displayName}: host container '${c.name}' is superpowered: it runs with full control of the host `
          + `(bottlerocket README "Custom host containers")`);
      }
      // settings.ecs.cluster is read when the agent starts (bottlerocket QUICKSTART-ECS.md sets it in user data); the instance
      // attributes are what the fleet's DAEMON services are placed by.
      const cluster = ecsCluster ?? ctx.ecs?.cluster;
      if (cluster !== undefined || ctx.ecs) {
        settings.ecs = {
          ...(cluster === undefined ? {} : { cluster }),
          ...(ctx.ecs && Object.keys(ctx.ecs.attributes).length ? { 'instance-attributes': { ...ctx.ecs.attributes } } : {}),
          ...(ctx.ecs ? { 'logging-drivers': [...ECS_LOGGING_DRIVERS] } : {}),
        };
      }
      if (model.containers.length && !ctx.ecs) {
        ctx.warnings.push(`${ctx.displayName}: the containers (${model.containers.map((c) => c.name).join(', ')}) are not in this `
          + `payload: AwsDockerFleet runs them as ECS daemon services`);
      }
      const updates = ctx.policy._match<Record<string, unknown> | undefined>({
        // website update/locking-to-a-specific-release, settings updates.toml: follow the newest
        // release and do not wait for the wave schedule.
        // refused by the capabilities above (checked before rendering)
        immediate: () => undefined,
        // Hosts never update themselves, and the stock ECS updater runs every 12 hours whatever the
        // window (bottlerocket-ecs-updater stacks/bottlerocket-ecs-updater.yaml: `rate(12 hours)`). AwsDockerFleet
        // makes the window real with its own SSM maintenance window (lib/platforms/aws/ecs/update-window.ts);
        // the settings only say which releases the hosts may take, in their waves.
        maintenanceWindow: () => ({ 'version-lock': 'latest', 'ignore-waves': false }),
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
