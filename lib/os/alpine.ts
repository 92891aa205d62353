/**
 * Alpine Linux cloud images: Tiny Cloud (`#alpine-config`) or cloud-init (`#cloud-config`),
 * Docker from the community repository, updates by a cron job running `apk upgrade`.
 * Facts: shared/reference/os-facts.md §3, os-facts-2.md §1.
 */
import { CloudConfigHeader, renderCloudConfig } from '../bootconfig/cloud-config';
import { FirstBootFormat } from '../bootconfig/formats';
import { FileModel, HostModel, layer, textFile } from '../bootconfig/model';
import { expandForOpenRc } from '../bootconfig/openrc-host';
import { ALL_FEATURES, OsFeature } from './capabilities';
import { AlpineBootstrap, Architecture } from './enums';
import { OsDefinition, RenderContext } from './os-definition';
import { hhmm } from './update-policy';

/**
 * Supported branches and the point release whose cloud images the libvirt default uses.
 * Branches get ~2 years of main-repository fixes, cut each May and November (wiki.alpinelinux.org
 * Repositories); 3.21 left support on 2026-11-01. Point releases: os-facts-2.md §1d. Cloud images
 * for every point release: UNCERTAIN (3.22.4 tiny seen in jumpstarter PR #809; 3.23.4 and 3.24.1
 * seen in public code); pass LibvirtImage.fromUrl() for another one.
 */
const RELEASES: Record<string, string> = { '3.22': '3.22.4', '3.23': '3.23.4', '3.24': '3.24.1' };

/** Release branches this library supports, oldest first. */
export const ALPINE_RELEASES: readonly string[] = Object.keys(RELEASES);
/** The default branch: the newest supported. */
export const ALPINE_NEWEST = '3.24';

export const ALPINE_UPGRADE_SCRIPT = '/etc/docker-fleet/apk-upgrade';

// busybox crond day-of-week numbers (0 = Sunday).
const CRON_DAY: Record<string, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

/** Alpine Linux on a release branch with a first-boot agent. */
export function alpine(release: string, bootstrap: AlpineBootstrap): OsDefinition {
  const tiny = bootstrap === AlpineBootstrap.TINY;
  return {
    name: 'Alpine Linux',
    channel: release,
    format: tiny ? FirstBootFormat.ALPINE_CONFIG : FirstBootFormat.CLOUD_CONFIG,
    // alpine-cloud-images configs/alpine.conf: `login = alpine`.
    defaultUser: 'alpine',
    capabilities: {
      features: {
        ...ALL_FEATURES,
        [OsFeature.SYSTEMD_UNITS]: 'it uses OpenRC, not systemd; run the process as a container (addContainer) or write an /etc/init.d script with addFile (mode 0o755)',
      },
      policies: {
        'immediate': true,
        'maintenance-window': true,
        'fleet-lock': 'UpdatePolicy.maintenanceWindow() or immediate(): Alpine has no reboot coordinator; for FleetLock use ContainerOs.fedoraCoreOs()',
        'disabled': true,
      },
    },
    traits: {
      aws: {
        image: (architecture: Architecture) => {
          // Owner 538276064493; name alpine-<release>-<arch>-<firmware>-<bootstrap>-r<rev>; aarch64 is
          // UEFI-only, x86_64 has both (alpine-cloud-images README.md, configs/arch/aarch64.conf).
          const imageArch = architecture === Architecture.ARM64 ? 'aarch64' : 'x86_64';
          const firmware = architecture === Architecture.ARM64 ? 'uefi' : 'bios';
          return {
            owners: ['538276064493'],
            nameFilter: `alpine-${release}.*-${imageArch}-${firmware}-${bootstrap}-r*`,
            architecture,
            // configs/cloud/aws.conf: root device /dev/xvda. UNCERTAIN: snapshot size 1 GiB.
            rootDeviceName: '/dev/xvda',
            minRootSizeGiB: 1,
          };
        },
        // /dev/xvdb links need nvme-cli, absent from 3.21+ images (UNCERTAIN, os-facts-2.md §2): the
        // disk is found at boot by its EBS model instead.
        dataVolume: { kind: 'mounted', diskModel: 'Amazon Elastic Block Store' },
        // tiny-cloud decompresses gzip user data since 2.1.0 (os-facts-2.md §1c); cloud-init does too.
        gzipUserData: true,
        managedPolicies: [],
      },
      libvirt: {
        // NoCloud images are plain qcow2 (os-facts.md §3.3): download base + file-name rule.
        image: () => ({
          url: `https://dl-cdn.alpinelinux.org/alpine/v${release}/releases/cloud/nocloud_alpine-${RELEASES[release]}-x86_64-bios-${bootstrap}-r0.qcow2`,
          format: 'qcow2',
        }),
        // tiny-cloud/cloud-init NoCloud: a volume labelled cidata with meta-data and user-data.
        delivery: { kind: 'cloudinit' },
        minMemoryMiB: 256,
        udevDiskNames: false,
      },
    },
    osLayer: (ctx, user) => {
      const repos = textFile('/etc/apk/repositories',
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
    render: (model, _ctx, fragments) => renderCloudConfig(expandForOpenRc(model), tiny ? CloudConfigHeader.ALPINE_CONFIG : CloudConfigHeader.CLOUD_CONFIG, fragments),
  };
}

/**
 * Alpine has no update agent: a root cron job runs `apk upgrade` and reboots when the running
 * kernel's modules were replaced (crond is not enabled in cloud images: configs/version/base/1.conf).
 */
function updateJob(ctx: RenderContext, user: HostModel): { files: FileModel[]; commands: string[] } {
  const schedule = ctx.policy._match<{ cron: string; windowMinutes: number } | undefined>({
    disabled: () => {
      ctx.warnings.push(`${ctx.displayName}: updates are disabled (no apk upgrade job); hosts get no security fixes until replaced`);
      return undefined;
    },
    fleetLock: () => undefined,
    immediate: () => ({ cron: '17 * * * *', windowMinutes: 0 }),
    maintenanceWindow: (w) => {
      const days = w.days.length === 7 ? '*' : w.days.map((d) => CRON_DAY[d]).sort().join(',');
      const tz = user.timeZone;
      if (tz && tz !== 'UTC' && tz !== 'Etc/UTC') {
        ctx.warnings.push(`${ctx.displayName}: crond reads the window (${hhmm(w.startMinute)}) in the host's local time (${tz}), not UTC`);
      }
      return { cron: `${w.startMinute % 60} ${Math.floor(w.startMinute / 60)} * * ${days}`, windowMinutes: w.durationMinutes };
    },
  });
  if (!schedule) return { files: [], commands: [] };
  const { cron, windowMinutes } = schedule;
  const script = `#!/bin/sh
# Managed by cdktf-docker-fleet: update policy ${ctx.policy.toString()}
# Upgrades packages within the pinned branch; reboots only when the running kernel was replaced
# and${windowMinutes ? ` only while still inside the ${windowMinutes}-minute window` : ' at once'}.
started=$(date +%s)
apk update -q && apk upgrade -q || exit 1
[ -d "/lib/modules/$(uname -r)" ] && exit 0
${windowMinutes ? `[ $(( $(date +%s) - started )) -lt ${windowMinutes * 60} ] || { logger -t docker-fleet "kernel updated; reboot waits for the next window"; exit 0; }\n` : ''}logger -t docker-fleet "kernel updated; rebooting"
reboot
`;
  const line = `${cron} ${ALPINE_UPGRADE_SCRIPT} # docker-fleet`;
  return {
    files: [textFile(ALPINE_UPGRADE_SCRIPT, script, 0o755)],
    commands: [
      `grep -q 'docker-fleet' /etc/crontabs/root || echo '${line}' >> /etc/crontabs/root`,
      'rc-update add crond default',
      'rc-service crond start',
    ],
  };
}
