import { Errors } from '../core/errors';
import { mergeHostModels } from '../bootconfig/host-config';
import { renderIgnition } from '../bootconfig/ignition';
import { HostModel, emptyHostModel, textFile } from '../bootconfig/model';
import { expandForSystemd } from '../bootconfig/systemd-host';
import {
  AwsDataVolume, AwsImageLookup, ContainerOs, LibvirtDelivery, LibvirtImageInfo, RenderContext, amiArchitecture, rejectReservedDaemonKeys, requireChannel,
} from './container-os';
import { Architecture, FirstBootFormat, FlatcarChannel, Platform } from './enums';
import { SHORT_DAY, UpdatePolicyKind, WEEKDAYS, hhmm } from './update-policy';

/** Options for Flatcar Container Linux. */
export interface FlatcarOptions {
  /**
   * The release channel; hosts update within it (`GROUP=` in update.conf).
   * @default FlatcarChannel.STABLE
   */
  readonly channel?: FlatcarChannel;
}

/** update_engine + locksmithd settings (flatcar-website updates-releases/releases/update-conf.md). */
export const FLATCAR_UPDATE_CONF = '/etc/flatcar/update.conf';


/**
 * Flatcar Container Linux: Ignition, Docker as a built-in sysext (socket-activated),
 * update_engine + locksmithd. Facts: shared/reference/os-facts.md §2.
 */
export class Flatcar extends ContainerOs {
  public readonly name = 'Flatcar Container Linux';
  public readonly channel: string;
  public readonly firstBootFormat = FirstBootFormat.IGNITION;
  /** flatcar-website deploy/cloud/aws-ec2.md: default user `core`. */
  public readonly defaultUser = 'core';
  public readonly platforms = [Platform.AWS, Platform.LIBVIRT];
  /** @internal */ public readonly _udevDiskNames = true;
  /** Flatcar's Ignition gunzips user data only to detect cloud-config (os-facts.md §2.4, UNCERTAIN): not relied on. @internal */
  public readonly _gzipUserData = false;
  /** @internal */ public readonly _minMemoryMiB = 1024;

  constructor(options: FlatcarOptions = {}) {
    super();
    if (options === null || typeof options !== 'object') throw Errors.notAnObject('options', options);
    this.channel = requireChannel(this.name, 'channel', options.channel, Object.values(FlatcarChannel), FlatcarChannel.STABLE);
  }

  public awsImage(architecture?: Architecture): AwsImageLookup {
    return {
      // Owner 075585003325 and `Flatcar-<channel>-*`, which matches both arches, so the
      // architecture filter is required (poseidon/typhoon aws/flatcar-linux/kubernetes/ami.tf;
      // names from flatcar/mantle cmd/plume/prerelease.go).
      owners: ['075585003325'],
      nameFilter: `Flatcar-${this.channel}-*`,
      architecture: amiArchitecture(architecture),
      rootDeviceName: '/dev/xvda',
      // UNCERTAIN: the AMI's root snapshot is 8 GiB (Flatcar's disk image size), not in the reference.
      minRootSizeGiB: 8,
    };
  }

  public libvirtImage(): LibvirtImageInfo {
    // qcow2 despite the .img name, not compressed (flatcar-website deploy/virt-options/libvirt.md, qemu.md).
    return { url: `https://${this.channel}.release.flatcar-linux.net/amd64-usr/current/flatcar_production_qemu_image.img`, format: 'qcow2' };
  }

  /** @internal */
  public _libvirtDelivery(): LibvirtDelivery {
    // Documented key `opt/org.flatcar-linux/config`; Flatcar also reads opt/com.coreos/config, but
    // in random order, so set only one (flatcar/scripts 0007-provider-qemu-apply-fw_cfg-patch.patch).
    return { kind: 'ignition', fwCfgName: 'opt/org.flatcar-linux/config' };
  }

  /** @internal */
  public _awsDataVolume(): AwsDataVolume {
    // flatcar/init udev/rules.d/90-cloud-storage.rules + cloud_aws_ebs_nvme_id link the block-device
    // mapping name (/dev/xvdb) for NVMe EBS volumes, also in the initramfs where Ignition runs
    // (flatcar/bootengine dracut/30ignition/module-setup.sh; os-facts-2.md §2).
    return { kind: 'mounted', deviceName: '/dev/xvdb', hostDevice: '/dev/xvdb' };
  }

  /** @internal */
  public _renderContent(userModel: HostModel, ctx: RenderContext): string {
    rejectReservedDaemonKeys(this.displayName, userModel, {
      'hosts': "docker.service already listens on the local socket (--host=fd://); the TCP socket stays off",
      'selinux-enabled': 'docker.service sets it on its command line ($DOCKER_SELINUX)',
    });
    const defaults = {
      ...emptyHostModel(),
      dockerDaemonSettings: { 'log-driver': 'journald', 'live-restore': true },
    };
    const model = mergeHostModels(defaults, userModel);
    const osFiles = [textFile(FLATCAR_UPDATE_CONF, this.updateConf(ctx, model.timeZone), 0o644)];
    return renderIgnition(expandForSystemd(model, { defaultUser: this.defaultUser, dockerBinary: '/usr/bin/docker', osFiles, osUnits: [] }));
  }

  /** update.conf for the policy (update-conf.md, update-strategies.md, locksmith README). */
  private updateConf(ctx: RenderContext, timeZone: string | undefined): string {
    const p = ctx.policy;
    const lines = [`# Managed by cdktf-docker-fleet: update policy ${p.toString()}`, `GROUP=${this.channel}`];
    switch (p.kind) {
      case UpdatePolicyKind.IMMEDIATE:
        lines.push('REBOOT_STRATEGY=reboot');
        break;
      case UpdatePolicyKind.DISABLED:
        // "SERVER=disabled" is the documented way to turn updates off (update-strategies.md).
        lines.push('SERVER=disabled', 'REBOOT_STRATEGY=off');
        ctx.warnings.push(`${this.displayName}: updates are disabled (SERVER=disabled); hosts get no security fixes until replaced`);
        break;
      case UpdatePolicyKind.FLEET_LOCK:
        throw Errors.unsupportedPolicy(this.displayName, p.toString(),
          "UpdatePolicy.maintenanceWindow() or immediate(): locksmithd coordinates only through etcd (REBOOT_STRATEGY=etcd-lock), not FleetLock; for FleetLock use ContainerOs.fedoraCoreOs()");
      case UpdatePolicyKind.MAINTENANCE_WINDOW: {
        const w = p._window!;
        let start: string;
        if (w.days.length === WEEKDAYS.length) {
          start = hhmm(w.startMinute);
        } else if (w.days.length === 1) {
          start = `${SHORT_DAY[w.days[0]]} ${hhmm(w.startMinute)}`;
        } else {
          throw Errors.unsupportedPolicy(this.displayName, p.toString(),
            'a window on one weekday or on every day: locksmithd has a single window that opens daily or on one day of the week');
        }
        if (timeZone && timeZone !== 'UTC' && timeZone !== 'Etc/UTC') {
          ctx.warnings.push(`${this.displayName}: locksmithd reads the reboot window in the host's local time (${timeZone}), not UTC`);
        }
        const h = Math.floor(w.durationMinutes / 60);
        const m = w.durationMinutes % 60;
        lines.push('REBOOT_STRATEGY=reboot', `LOCKSMITHD_REBOOT_WINDOW_START="${start}"`,
          `LOCKSMITHD_REBOOT_WINDOW_LENGTH=${h ? `${h}h` : ''}${m ? `${m}m` : ''}`);
        break;
      }
    }
    return `${lines.join('\n')}\n`;
  }
}
