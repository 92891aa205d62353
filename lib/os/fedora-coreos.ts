import { Errors } from '../core/errors';
import { mergeHostModels } from '../bootconfig/host-config';
import { renderIgnition } from '../bootconfig/ignition';
import { FileModel, HostModel, emptyHostModel, textFile } from '../bootconfig/model';
import { expandForSystemd } from '../bootconfig/systemd-host';
import { renderToml } from '../bootconfig/toml';
import {
  AwsDataVolume, AwsImageLookup, ContainerOs, LibvirtDelivery, LibvirtImageInfo, RenderContext, amiArchitecture, rejectReservedDaemonKeys, requireChannel,
} from './container-os';
import { Architecture, FedoraCoreOsStream, FirstBootFormat, Platform } from './enums';
import { SHORT_DAY, UpdatePolicyKind, WEEKDAYS, hhmm } from './update-policy';

/** Options for Fedora CoreOS. */
export interface FedoraCoreOsOptions {
  /**
   * The update stream. Hosts follow the stream of the image they booted from.
   * @default FedoraCoreOsStream.STABLE
   */
  readonly stream?: FedoraCoreOsStream;
}

/** Zincati drop-in for the update strategy (fedora-coreos-docs auto-updates.adoc: 55-updates-strategy.toml). */
export const ZINCATI_DROPIN = '/etc/zincati/config.d/55-updates-strategy.toml';


/**
 * Fedora CoreOS: Ignition, moby-engine preinstalled and socket-activated, Zincati updates.
 * Facts: shared/reference/os-facts.md §1 (sources named per fact below).
 */
export class FedoraCoreOs extends ContainerOs {
  public readonly name = 'Fedora CoreOS';
  public readonly channel: string;
  public readonly firstBootFormat = FirstBootFormat.IGNITION;
  /** fedora-coreos-docs provisioning-aws.adoc: default user `core`. */
  public readonly defaultUser = 'core';
  public readonly platforms = [Platform.AWS, Platform.LIBVIRT];
  /** @internal */ public readonly _udevDiskNames = true;
  /** Upstream Ignition's AWS provider does not gunzip user data (ignition internal/providers/aws/aws.go). @internal */
  public readonly _gzipUserData = false;
  /** @internal */ public readonly _minMemoryMiB = 2048;

  constructor(options: FedoraCoreOsOptions = {}) {
    super();
    if (options === null || typeof options !== 'object') throw Errors.notAnObject('options', options);
    this.channel = requireChannel(this.name, 'stream', options.stream, Object.values(FedoraCoreOsStream), FedoraCoreOsStream.STABLE);
  }

  public awsImage(architecture?: Architecture): AwsImageLookup {
    return {
      // Owner 125523088429 (Fedora), stream in the description: poseidon/typhoon aws/fedora-coreos/kubernetes/ami.tf.
      owners: ['125523088429'],
      descriptionFilter: `Fedora CoreOS ${this.channel} *`,
      architecture: amiArchitecture(architecture),
      // getting-started-aws.adoc maps the root disk as /dev/xvda; the image is 10 GB (getting-started-libvirt.adoc).
      rootDeviceName: '/dev/xvda',
      minRootSizeGiB: 10,
    };
  }

  public libvirtImage(): LibvirtImageInfo {
    // Only qcow2.xz is published (fedora-coreos-tracker metadata/stream/sample.json); it must be
    // decompressed first (fedora-coreos-docs provisioning-qemu.adoc).
    throw Errors.compressedImage(this.displayName, `the ${this.channel} stream's qemu qcow2.xz`,
      `download and decompress it (coreos-installer download -s ${this.channel} -p qemu -f qcow2.xz --decompress), `
      + 'then pass image: LibvirtImage.fromPath(\'/var/lib/libvirt/images/fedora-coreos-qemu.x86_64.qcow2\')');
  }

  /** @internal */
  public _libvirtDelivery(): LibvirtDelivery {
    // ignition docs/supported-platforms.md: QEMU reads `opt/com.coreos/config` from fw_cfg.
    return { kind: 'ignition', fwCfgName: 'opt/com.coreos/config' };
  }

  /** @internal */
  public _awsDataVolume(): AwsDataVolume {
    // FCOS ships no EBS alias rules (fedora-coreos-tracker#1122, open; os-facts-2.md §2): the disk is
    // found at boot by model instead of by name.
    return { kind: 'mounted', deviceName: '/dev/xvdb', diskModel: 'Amazon Elastic Block Store' };
  }

  /** @internal */
  public _renderContent(userModel: HostModel, ctx: RenderContext): string {
    // moby-engine's docker.service runs `dockerd --host=fd:// --exec-opt native.cgroupdriver=systemd $OPTIONS`;
    // a key given both as a flag and in daemon.json stops dockerd, so those keys are reserved.
    rejectReservedDaemonKeys(this.displayName, userModel, {
      'hosts': 'docker.service already listens on the local socket (fd://); the TCP socket stays off',
      'exec-opts': 'docker.service sets native.cgroupdriver=systemd on its command line',
    });
    const defaults = {
      ...emptyHostModel(),
      // We own /etc/sysconfig/docker so daemon.json is the one place for daemon settings. Fedora's
      // file sets --selinux-enabled --log-driver=journald --live-restore --default-ulimit
      // nofile=1024:1024 and the init/proxy paths (UNCERTAIN: seen in a public copy of Fedora's
      // moby-engine docker.sysconfig, not in Fedora's own repository); we keep the paths as flags
      // and move the rest into daemon.json, where users may override them.
      dockerDaemonSettings: {
        'selinux-enabled': true,
        'log-driver': 'journald',
        'live-restore': true,
        'default-ulimits': { nofile: { Name: 'nofile', Hard: 1024, Soft: 1024 } },
      },
    };
    const model = mergeHostModels(defaults, userModel);
    const osFiles: FileModel[] = [
      textFile('/etc/sysconfig/docker',
        '# Managed by cdktf-docker-fleet: daemon settings live in /etc/docker/daemon.json.\n'
        + 'OPTIONS="--init-path /usr/libexec/docker/docker-init --userland-proxy-path /usr/libexec/docker/docker-proxy"\n'),
      textFile(ZINCATI_DROPIN, this.zincati(ctx)),
    ];
    return renderIgnition(expandForSystemd(model, { defaultUser: this.defaultUser, dockerBinary: '/usr/bin/docker', osFiles, osUnits: [] }));
  }

  /** Zincati settings for the policy (coreos/zincati docs/usage/updates-strategy.md, auto-updates.md). */
  private zincati(ctx: RenderContext): string {
    const p = ctx.policy;
    const header = '# Managed by cdktf-docker-fleet: update policy ' + p.toString() + '\n';
    switch (p.kind) {
      case UpdatePolicyKind.IMMEDIATE:
        return header + renderToml({ updates: { strategy: 'immediate' } });
      case UpdatePolicyKind.DISABLED:
        ctx.warnings.push(`${this.displayName}: updates are disabled (Zincati enabled = false); hosts get no security fixes until replaced`);
        return header + renderToml({ updates: { enabled: false } });
      case UpdatePolicyKind.FLEET_LOCK:
        return header + renderToml({ updates: { strategy: 'fleet_lock', fleet_lock: { base_url: p._fleetLockUrl } } });
      case UpdatePolicyKind.MAINTENANCE_WINDOW: {
        const w = p._window!;
        return header + renderToml({
          updates: {
            strategy: 'periodic',
            periodic: {
              time_zone: 'UTC',
              window: [{
                days: WEEKDAYS.filter((d) => w.days.includes(d)).map((d) => SHORT_DAY[d]),
                start_time: hhmm(w.startMinute),
                length_minutes: w.durationMinutes,
              }],
            },
          },
        });
      }
    }
    throw Errors.unsupportedPolicy(this.displayName, p.toString(), 'immediate, maintenanceWindow, fleetLock or disabled');
  }
}
