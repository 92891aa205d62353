/**
 * Alpine Linux cloud images: Tiny Cloud (`#alpine-config`) or cloud-init (`#cloud-config`),
 * Docker from the community repository, updates by a cron job running `apk upgrade`.
 * Sources are named per fact below; docs/os-notes.md "Alpine cloud images" has the longer ones.
 */
import { CloudConfigHeader, renderCloudConfig } from '../bootconfig/cloud-config';
import { FirstBootFormat } from '../bootconfig/formats';
import { FileModel, HostModel, layer, textFile } from '../bootconfig/model';
import { ALPINE_UPGRADE_SCRIPT, APK_REPOSITORIES } from '../bootconfig/paths';
import { expandForOpenRc } from '../bootconfig/openrc-host';
import { today } from '../core/clock';
import { ALPINE_NEWEST, ALPINE_RELEASE_DATA, alpineRelease, alpineSupportWarnings } from './alpine-releases';
import { ALL_FEATURES, OsFeature } from './capabilities';
import { AlpineBootstrap, Architecture, Platform } from './enums';
import { OsDefinition, RenderContext } from './os-definition';
import { PolicyWindow, WEEKDAYS } from './update-policy';

/** Release branches this library supports, oldest first (data and sources: alpine-releases.ts). */
export const ALPINE_RELEASES: readonly string[] = ALPINE_RELEASE_DATA.map((r) => r.branch);
export { ALPINE_NEWEST };

/** Alpine Linux on a release branch with a first-boot agent. */
export function alpine(release: string, bootstrap: AlpineBootstrap): OsDefinition {
  const tiny = bootstrap === AlpineBootstrap.TINY;
  const data = alpineRelease(release);
  const unified = data.imageNaming === 'unified';
  return {
    name: 'Alpine Linux',
    channel: release,
    format: tiny ? FirstBootFormat.ALPINE_CONFIG : FirstBootFormat.CLOUD_CONFIG,
    // alpine-cloud-images configs/alpine.conf: `login = alpine`.
    defaultUser: 'alpine',
    capabilities: {
      features: {
        ...ALL_FEATURES,
        [OsFeature.SYSTEMD_UNITS]: 'it uses OpenRC, not systemd; run the process as a container (addContainer) or write an /etc/init.d '
          + 'script with addFile (mode 0o755)',
      },
      policies: {
        'immediate': true,
        'maintenance-window': true,
        'fleet-lock': 'UpdatePolicy.maintenanceWindow() or immediate(): Alpine has no reboot coordinator; for FleetLock use '
          + 'ContainerOs.fedoraCoreOs()',
        'disabled': true,
      },
    },
    // OpenRC (alpine-cloud-images: the images boot OpenRC; Docker's service is /etc/init.d/docker)
    initSystem: 'openrc',
    swarm: true,
    traits: {
      [Platform.AWS]: {
        image: (architecture: Architecture) => {
          // Owner 538276064493; name alpine-<release>-<arch>-<firmware>-<bootstrap>-r<rev>; aarch64 is
          // UEFI-only, x86_64 has both (alpine-cloud-images README.md, configs/arch/aarch64.conf).
          const imageArch = architecture === Architecture.ARM64 ? 'aarch64' : 'x86_64';
          const firmware = architecture === Architecture.ARM64 ? 'uefi' : 'bios';
          return {
            owners: ['538276064493'],
            nameFilter: `alpine-${release}.*-${imageArch}-${firmware}-${bootstrap}-r*`,
            // Branches whose images dropped the firmware from their names (alpine-releases.ts):
            // their AMIs may carry either name, so both are searched.
            ...(unified ? { alternativeNameFilters: [`alpine-${release}.*-${imageArch}-${bootstrap}-r*`] } : {}),
            architecture,
            // configs/cloud/aws.conf: root device /dev/xvda. UNCERTAIN: snapshot size 1 GiB (the
            // image size in alpine-cloud-images configs/alpine.conf, not measured on an AMI).
            rootDeviceName: '/dev/xvda',
            minRootSizeGiB: 1,
            // Docker, containerd, runc and the AWS CLI (apk, first boot) and every image pulled live
            // on the root volume unless a data volume is attached. ASSUMED, not measured here: the
            // packages take well under 1 GiB (pkgs.alpinelinux.org sizes: docker-engine, containerd,
            // runc, aws-cli), and 8 GiB, the size Amazon Linux AMIs default to, leaves room for images.
            defaultRootSizeGiB: 8,
          };
        },
        // /dev/xvdb links need nvme-cli, absent from 3.21+ images (docs/os-notes.md "EBS device
        // names"): the disk is found at boot by its EBS model instead.
        dataVolume: { kind: 'found', diskModel: 'Amazon Elastic Block Store' },
        // tiny-cloud decompresses gzip user data since 2.1.0 (docs/os-notes.md); cloud-init does too.
        gzipUserData: true,
        managedPolicies: [],
      },
      [Platform.LIBVIRT]: {
        // Cloud images are plain qcow2 under releases/cloud/ (alpine-cloud-images configs/alpine.conf
        // `download_url`), named per branch (alpine-releases.ts).
        image: () => ({
          url: `https://dl-cdn.alpinelinux.org/alpine/v${release}/releases/cloud/`
            + (unified ? `alpine-${data.pointRelease}-x86_64-${bootstrap}-r0.qcow2`
              : `nocloud_alpine-${data.pointRelease}-x86_64-bios-${bootstrap}-r0.qcow2`),
          format: 'qcow2',
        }),
        // tiny-cloud/cloud-init NoCloud: a volume labelled cidata with meta-data and user-data.
        delivery: { kind: 'cloudinit' },
        minMemoryMiB: 256,
        // no stable disk names where tiny-cloud runs: the data disk is found at boot
        dataVolume: { kind: 'found' },
      },
    },
    osLayer: (ctx, user) => {
      // Support dates against the clock: warnings only, the payload never depends on the date.
      ctx.warnings.push(...alpineSupportWarnings(ctx.displayName, data, today()));
      const repos = textFile(APK_REPOSITORIES,
        `# Managed by cdktf-docker-fleet: pinned to the ${release} branch\n`
        + `https://dl-cdn.alpinelinux.org/alpine/v${release}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${release}/community\n`);
      const updates = updateJob(ctx, user);
      return layer({
        // No journald on Alpine: rotate json-file logs so they cannot fill the disk.
        dockerDaemonSettings: { 'log-driver': 'json-file', 'log-opts': { 'max-size': '10m', 'max-file': '3' }, 'live-restore': true },
        files: [repos, ...updates.files],
        bootCommands: updates.commands,
      });
    },
    render: (model, _ctx, fragments) =>
      renderCloudConfig(expandForOpenRc(model), tiny ? CloudConfigHeader.ALPINE_CONFIG : CloudConfigHeader.CLOUD_CONFIG, fragments),
  };
}

/**
 * Alpine has no update agent: a root cron job runs `apk upgrade` and reboots when the running
 * kernel's modules were replaced (crond is not enabled in cloud images: configs/version/base/1.conf).
 *
 * busybox crond reads its schedule in the host's local time, and windows are UTC whatever
 * `timeZone` says; so with a window the job runs every 10 minutes and the script itself decides,
 * from `date -u`, whether it is inside a window and has not run in it yet.
 */
function updateJob(ctx: RenderContext, user: HostModel): { files: FileModel[]; commands: string[] } {
  void user;
  const job = ctx.policy._match<{ cron: string; window?: PolicyWindow } | undefined>({
    disabled: () => {
      ctx.warnings.push(`${ctx.displayName}: updates are disabled (no apk upgrade job); hosts get no security fixes until replaced`);
      return undefined;
    },
    fleetLock: () => undefined,
    immediate: () => ({ cron: '17 * * * *' }),
    maintenanceWindow: (w) => ({ cron: '*/10 * * * *', window: w }),
  });
  if (!job) return { files: [], commands: [] };
  const line = `${job.cron} ${ALPINE_UPGRADE_SCRIPT} # docker-fleet`;
  return {
    files: [textFile(ALPINE_UPGRADE_SCRIPT, upgradeScript(ctx.policy.toString(), job.window), 0o755)],
    commands: [
      `grep -q 'docker-fleet' /etc/crontabs/root || echo '${line}' >> /etc/crontabs/root`,
      'rc-update add crond default',
      'rc-service crond start',
    ],
  };
}

/** Minutes after Monday 00:00 of each window start (Monday = 0, as `date -u +%u` - 1). */
function windowStarts(w: PolicyWindow): number[] {
  return w.days.map((d) => WEEKDAYS.indexOf(d) * 1440 + w.startMinute);
}

/**
 * The upgrade script (POSIX sh: busybox ash and dash). With a window it exits unless now (UTC) is
 * inside one and the window's start has not been handled yet (a stamp), so each window upgrades
 * once; it reboots only when the running kernel was replaced and the window is still open.
 * FLEET_NOW (seconds since the epoch), FLEET_STATE_DIR and FLEET_MODULES_DIR override the clock,
 * the stamp directory and /lib/modules, for tests.
 */
export function upgradeScript(policy: string, w: PolicyWindow | undefined): string {
  const windowCheck = w === undefined ? '' : `now=\${FLEET_NOW:-$(date -u +%s)}
# minutes since Monday 00:00 UTC (1970-01-01 was a Thursday: +3 days)
week=$(( (now / 60 + 3 * 1440) % 10080 ))
start=
for s in ${windowStarts(w).join(' ')}; do
  if [ $(( (week - s + 10080) % 10080 )) -lt ${w.durationMinutes} ]; then start=$s; fi
done
[ -n "$start" ] || exit 0
# the window's start, as an absolute minute: run once per window
opened=$(( now / 60 - (week - start + 10080) % 10080 ))
state=\${FLEET_STATE_DIR:-/var/lib/docker-fleet}
mkdir -p "$state"
[ "$(cat "$state/last-window" 2>/dev/null)" = "$opened" ] && exit 0
echo "$opened" > "$state/last-window"
`;
  const stillOpen = w === undefined ? '' : `now=\${FLEET_NOW:-$(date -u +%s)}
[ $(( now / 60 - opened )) -lt ${w.durationMinutes} ] || `
    + `{ logger -t docker-fleet "kernel updated; reboot waits for the next window"; exit 0; }
`;
  return `#!/bin/sh
# Managed by cdktf-docker-fleet: update policy ${policy}
# Upgrades packages within the pinned branch; reboots only when the running kernel was replaced
# and${w ? ` only while still inside the ${w.durationMinutes}-minute window (UTC)` : ' at once'}.
${windowCheck}apk update -q && apk upgrade -q || exit 1
[ -d "\${FLEET_MODULES_DIR:-/lib/modules}/$(uname -r)" ] && exit 0
${stillOpen}logger -t docker-fleet "kernel updated; rebooting"
reboot
`;
}
