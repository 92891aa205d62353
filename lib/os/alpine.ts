import { Errors } from '../core/errors';
import { requireOneOf } from '../core/validation';
import { CloudConfigHeader, renderCloudConfig } from '../bootconfig/cloud-config';
import { mergeHostModels } from '../bootconfig/host-config';
import { HostModel, emptyHostModel, textFile } from '../bootconfig/model';
import { expandForOpenRc } from '../bootconfig/openrc-host';
import {
  AwsDataVolume, AwsImageLookup, ContainerOs, LibvirtDelivery, LibvirtImageInfo, RenderContext, amiArchitecture, requireChannel,
} from './container-os';
import { AlpineBootstrap, Architecture, FirstBootFormat, Platform } from './enums';
import { UpdatePolicyKind, WEEKDAYS, hhmm } from './update-policy';

/** Options for Alpine Linux. */
export interface AlpineOptions {
  /**
   * Release branch, e.g. `'3.22'`. See `AlpineLinux.SUPPORTED_RELEASES`.
   * @default - the newest supported branch
   */
  readonly release?: string;
  /**
   * Which first-boot agent the image runs.
   * @default AlpineBootstrap.TINY - Tiny Cloud with `#alpine-config`
   */
  readonly bootstrap?: AlpineBootstrap;
}

/**
 * Supported branches and the point release whose cloud images the libvirt default uses.
 * Branches get ~2 years of main-repository fixes, cut each May and November (wiki.alpinelinux.org
 * Repositories); 3.21 left support on 2026-11-01. Point releases: os-facts-2.md §1d. Cloud images
 * for every point release: UNCERTAIN (3.22.4 tiny seen in jumpstarter PR #809; 3.23.4 and 3.24.1
 * seen in public code); pass LibvirtImage.fromUrl() for another one.
 */
const RELEASES: Record<string, string> = { '3.22': '3.22.4', '3.23': '3.23.4', '3.24': '3.24.1' };
const NEWEST = '3.24';

export const ALPINE_UPGRADE_SCRIPT = '/etc/docker-fleet/apk-upgrade';

// busybox crond day-of-week numbers (0 = Sunday).
const CRON_DAY: Record<string, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

/**
 * Alpine Linux cloud images: Tiny Cloud (`#alpine-config`) or cloud-init (`#cloud-config`),
 * Docker from the community repository, updates by a cron job running `apk upgrade`.
 * Facts: shared/reference/os-facts.md §3, os-facts-2.md §1.
 */
export class AlpineLinux extends ContainerOs {
  /** Release branches this library supports, oldest first. */
  public static readonly SUPPORTED_RELEASES = Object.keys(RELEASES);

  public readonly name = 'Alpine Linux';
  public readonly channel: string;
  public readonly firstBootFormat: FirstBootFormat;
  /** alpine-cloud-images configs/alpine.conf: `login = alpine`. */
  public readonly defaultUser = 'alpine';
  public readonly platforms = [Platform.AWS, Platform.LIBVIRT];
  /** The image's first-boot agent. */
  public readonly bootstrap: AlpineBootstrap;
  /** @internal */ public readonly _udevDiskNames = false;
  /** tiny-cloud decompresses gzip user data since 2.1.0 (os-facts-2.md §1c); cloud-init does too. @internal */
  public readonly _gzipUserData = true;
  /** @internal */ public readonly _minMemoryMiB = 256;

  constructor(options: AlpineOptions = {}) {
    super();
    if (options === null || typeof options !== 'object') throw Errors.notAnObject('options', options);
    this.channel = requireChannel(this.name, 'release', options.release, AlpineLinux.SUPPORTED_RELEASES, NEWEST);
    this.bootstrap = options.bootstrap === undefined ? AlpineBootstrap.TINY : requireOneOf('bootstrap', options.bootstrap, [AlpineBootstrap.TINY, AlpineBootstrap.CLOUD_INIT]);
    this.firstBootFormat = this.bootstrap === AlpineBootstrap.TINY ? FirstBootFormat.ALPINE_CONFIG : FirstBootFormat.CLOUD_CONFIG;
  }

  public awsImage(architecture?: Architecture): AwsImageLookup {
    const arch = amiArchitecture(architecture);
    // Owner 538276064493; name alpine-<release>-<arch>-<firmware>-<bootstrap>-r<rev>; aarch64 is
    // UEFI-only, x86_64 has both (alpine-cloud-images README.md, configs/arch/aarch64.conf).
    const imageArch = arch === Architecture.ARM64 ? 'aarch64' : 'x86_64';
    const firmware = arch === Architecture.ARM64 ? 'uefi' : 'bios';
    return {
      owners: ['538276064493'],
      nameFilter: `alpine-${this.channel}.*-${imageArch}-${firmware}-${this.bootstrap}-r*`,
      architecture: arch,
      // configs/cloud/aws.conf: root device /dev/xvda. UNCERTAIN: snapshot size 1 GiB.
      rootDeviceName: '/dev/xvda',
      minRootSizeGiB: 1,
    };
  }

  public libvirtImage(): LibvirtImageInfo {
    // NoCloud images are plain qcow2 (os-facts.md §3.3): download base + file-name rule.
    const point = RELEASES[this.channel];
    return {
      url: `https://dl-cdn.alpinelinux.org/alpine/v${this.channel}/releases/cloud/nocloud_alpine-${point}-x86_64-bios-${this.bootstrap}-r0.qcow2`,
      format: 'qcow2',
    };
  }

  /** @internal */
  public _libvirtDelivery(): LibvirtDelivery {
    // tiny-cloud/cloud-init NoCloud: a volume labelled cidata with meta-data and user-data.
    return { kind: 'cloudinit' };
  }

  /** @internal */
  public _awsDataVolume(): AwsDataVolume {
    // /dev/xvdb links need nvme-cli, absent from 3.21+ images (UNCERTAIN, os-facts-2.md §2): the
    // disk is found at boot by its EBS model instead.
    return { kind: 'mounted', deviceName: '/dev/xvdb', diskModel: 'Amazon Elastic Block Store' };
  }

  /** @internal */
  public _renderContent(userModel: HostModel, ctx: RenderContext): string {
    const defaults = {
      ...emptyHostModel(),
      // No journald on Alpine: rotate json-file logs so they cannot fill the disk.
      dockerDaemonSettings: { 'log-driver': 'json-file', 'log-opts': { 'max-size': '10m', 'max-file': '3' }, 'live-restore': true },
    };
    const model = mergeHostModels(defaults, userModel);
    const repos = textFile('/etc/apk/repositories',
      `# Managed by cdktf-docker-fleet: pinned to the ${this.channel} branch\n`
      + `https://dl-cdn.alpinelinux.org/alpine/v${this.channel}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${this.channel}/community\n`);
    const { files, runcmd } = this.updates(ctx, model.timeZone);
    const doc = expandForOpenRc(model, { osName: this.displayName, osFiles: [repos, ...files], osPackages: [], osRuncmd: runcmd });
    return renderCloudConfig(doc, this.bootstrap === AlpineBootstrap.TINY ? CloudConfigHeader.ALPINE_CONFIG : CloudConfigHeader.CLOUD_CONFIG);
  }

  /**
   * Alpine has no update agent: a root cron job runs `apk upgrade` and reboots when the running
   * kernel's modules were replaced (crond is not enabled in cloud images: configs/version/base/1.conf).
   */
  private updates(ctx: RenderContext, timeZone: string | undefined): { files: ReturnType<typeof textFile>[]; runcmd: string[] } {
    const p = ctx.policy;
    let schedule: string;
    let windowMinutes = 0;
    switch (p.kind) {
      case UpdatePolicyKind.DISABLED:
        ctx.warnings.push(`${this.displayName}: updates are disabled (no apk upgrade job); hosts get no security fixes until replaced`);
        return { files: [], runcmd: [] };
      case UpdatePolicyKind.FLEET_LOCK:
        throw Errors.unsupportedPolicy(this.displayName, p.toString(),
          'UpdatePolicy.maintenanceWindow() or immediate(): Alpine has no reboot coordinator; for FleetLock use ContainerOs.fedoraCoreOs()');
      case UpdatePolicyKind.IMMEDIATE:
        schedule = '17 * * * *';
        break;
      case UpdatePolicyKind.MAINTENANCE_WINDOW: {
        const w = p._window!;
        const days = w.days.length === WEEKDAYS.length ? '*' : w.days.map((d) => CRON_DAY[d]).sort().join(',');
        schedule = `${w.startMinute % 60} ${Math.floor(w.startMinute / 60)} * * ${days}`;
        windowMinutes = w.durationMinutes;
        if (timeZone && timeZone !== 'UTC' && timeZone !== 'Etc/UTC') {
          ctx.warnings.push(`${this.displayName}: crond reads the window (${hhmm(w.startMinute)}) in the host's local time (${timeZone}), not UTC`);
        }
        break;
      }
      default:
        throw Errors.unsupportedPolicy(this.displayName, p.toString(), 'immediate, maintenanceWindow or disabled');
    }
    const script = `#!/bin/sh
# Managed by cdktf-docker-fleet: update policy ${p.toString()}
# Upgrades packages within the pinned branch; reboots only when the running kernel was replaced
# and${windowMinutes ? ` only while still inside the ${windowMinutes}-minute window` : ' at once'}.
started=$(date +%s)
apk update -q && apk upgrade -q || exit 1
[ -d "/lib/modules/$(uname -r)" ] && exit 0
${windowMinutes ? `[ $(( $(date +%s) - started )) -lt ${windowMinutes * 60} ] || { logger -t docker-fleet "kernel updated; reboot waits for the next window"; exit 0; }\n` : ''}logger -t docker-fleet "kernel updated; rebooting"
reboot
`;
    const line = `${schedule} ${ALPINE_UPGRADE_SCRIPT} # docker-fleet`;
    return {
      files: [textFile(ALPINE_UPGRADE_SCRIPT, script, 0o755)],
      runcmd: [
        `grep -q 'docker-fleet' /etc/crontabs/root || echo '${line}' >> /etc/crontabs/root`,
        'rc-update add crond default',
        'rc-service crond start',
      ],
    };
  }
}
