/**
 * The OS catalog (lib/os/<os>.ts): each fact an audit found wrong once, with what the payload or
 * the stack now says. Upstream sources are cited next to each fact in lib/os.
 */
import {
  AwsImage, ContainerOs, FleetConfigErrors, HostConfig, LibvirtImage, UpdatePolicy, Weekday,
} from '../../lib';
import { baseProps, only, synthFleet, warningsOf } from '../platforms/aws/aws-fixtures';
import { cloudConfig, cloudConfigFile, ignitionFile, ignitionUnit } from '../helpers/payloads';
import { describeWithValidators, expectValid } from '../helpers/validators';

const withData = () => new HostConfig({ dockerDataVolume: {} });

describe('Flatcar', () => {
  test('launches on AWS by default: the root volume defaults to the 16 GiB mantle registers', () => {
    expect(ContainerOs.flatcar().awsImage().minRootSizeGiB).toBe(16);
    const { json } = synthFleet(baseProps('flatcar'));
    expect(only(json, 'aws_launch_template').block_device_mappings[0].ebs.volume_size).toBe(16);
  });

  test('fails for a root volume the AMI snapshot does not fit in, naming the minimum', () => {
    let error: unknown;
    try {
      synthFleet({ ...baseProps('flatcar'), rootVolumeSizeGiB: 8 });
    } catch (e) {
      error = e;
    }
    expect(FleetConfigErrors.codeOf(error)).toBe('ROOT_VOLUME_TOO_SMALL');
    expect((error as Error).message).toContain("Flatcar Container Linux (stable)'s image needs a root volume of at least 16 GiB");
  });

  test('links docker.service into multi-user.target.wants, which Flatcar documents for its sysext', () => {
    const ign = JSON.parse(ContainerOs.flatcar().renderFirstBoot(new HostConfig()).content);
    expect(ign.storage.links).toEqual(expect.arrayContaining([
      { path: '/etc/systemd/system/multi-user.target.wants/docker.service', target: '/usr/lib/systemd/system/docker.service', hard: false, overwrite: true },
    ]));
  });

  test('fails for containerd in daemon.json: docker.service already passes --containerd', () => {
    expect(() => ContainerOs.flatcar().renderFirstBoot(new HostConfig({ dockerDaemonSettings: { containerd: '/run/x.sock' } })))
      .toThrow(/hostConfig\.dockerDaemonSettings\.containerd: got "\/run\/x\.sock"; .*--containerd/);
  });

  test('reads reboot windows in UTC whatever the host time zone: locksmithd runs with TZ=UTC', () => {
    const p = ContainerOs.flatcar().renderFirstBoot(new HostConfig({ timeZone: 'Europe/Berlin' }),
      { updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:30', durationMinutes: 60 }) });
    expect(ignitionUnit(p.content, 'locksmithd.service').dropins).toEqual([
      { name: '10-docker-fleet-utc.conf', contents: '[Service]\n# Managed by cdktf-docker-fleet: reboot windows are UTC.\nEnvironment=TZ=UTC\n' },
    ]);
    expect(ignitionFile(p.content, '/etc/flatcar/update.conf')).toContain('LOCKSMITHD_REBOOT_WINDOW_START="Sat 22:30"');
    expect(p.warnings.join('\n')).not.toContain('local time');
  });
});

describe('Fedora CoreOS', () => {
  test('relabels a formatted data volume for SELinux once, after the mount and before Docker', () => {
    const ign = ContainerOs.fedoraCoreOs().renderFirstBoot(withData()).content;
    const unit = ignitionUnit(ign, 'docker-fleet-selinux-relabel.service');
    expect(unit.enabled).toBe(true);
    expect(unit.contents).toContain('After=var-lib-docker.mount\nBefore=docker.service containerd.service\n');
    expect(unit.contents).toContain('ExecStart=/usr/sbin/restorecon -R /var/lib/docker\n');
    expect(unit.contents).toContain('ConditionPathExists=!/var/lib/docker/.docker-fleet-selinux-relabelled\n');
    expect(unit.contents).toContain('WantedBy=docker.service containerd.service\n');
  });

  test('has nothing to relabel without a data volume', () => {
    expect(ignitionUnit(ContainerOs.fedoraCoreOs().renderFirstBoot(new HostConfig()).content, 'docker-fleet-selinux-relabel.service')).toBeUndefined();
  });

  test('relabels on libvirt too, where Ignition formats the disk but does not mount it', () => {
    const s = synthLibvirtFcos();
    expect(s).toContain('docker-fleet-selinux-relabel.service');
  });

  test('leaves /etc/sysconfig/docker to Fedora and overrides only OPTIONS through a docker.service drop-in', () => {
    const ign = ContainerOs.fedoraCoreOs().renderFirstBoot(new HostConfig()).content;
    expect(ignitionFile(ign, '/etc/sysconfig/docker')).toBeUndefined();
    expect(ignitionFile(ign, '/etc/docker-fleet/docker.env')).toContain('OPTIONS="--init-path /usr/libexec/docker/docker-init --userland-proxy-path /usr/libexec/docker/docker-proxy"');
    const docker = ignitionUnit(ign, 'docker.service');
    expect(docker.enabled).toBe(true);
    expect(docker.dropins).toEqual([{ name: '10-docker-fleet-options.conf', contents: '[Service]\nEnvironmentFile=/etc/docker-fleet/docker.env\n' }]);
  });
});

function synthLibvirtFcos(): string {
  const { Testing, TerraformStack } = require('cdktf');
  const { LibvirtDockerFleet, LibvirtProvider } = require('../../lib');
  const stack = new TerraformStack(Testing.app(), 'lab');
  new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
  new LibvirtDockerFleet(stack, 'lab', { os: ContainerOs.fedoraCoreOs(), hostCount: 1, image: LibvirtImage.fromPath('/var/lib/libvirt/images/fcos.qcow2') });
  return Testing.synth(stack);
}

describe('Alpine', () => {
  test('warns for a branch whose community repository (Docker) is no longer maintained', () => {
    expect(ContainerOs.alpine({ release: '3.22' }).renderFirstBoot(new HostConfig()).warnings.join('\n'))
      .toMatch(/Alpine Linux \(3\.22\): Docker comes from Alpine's community repository.*use release '3\.25'/);
    expect(ContainerOs.alpine().renderFirstBoot(new HostConfig()).warnings.join('\n')).not.toContain('community');
  });

  test('upgrades the image\'s packages at first boot', () => {
    for (const os of [ContainerOs.alpine(), ContainerOs.alpine({ bootstrap: 'cloudinit' as any })]) {
      expect(cloudConfig(os.renderFirstBoot(new HostConfig()).content).package_upgrade).toBe(true);
    }
  });

  test('unlocks extra users as tiny-cloud does, so the non-PAM sshd lets them log in', () => {
    const h = new HostConfig();
    h.addUser({ name: 'deploy' });
    const runcmd: string[] = cloudConfig(ContainerOs.alpine().renderFirstBoot(h).content).runcmd;
    expect(runcmd).toContain("id deploy >/dev/null 2>&1 || { adduser -D -s /bin/sh deploy && echo 'deploy:*' | chpasswd -e; }");
  });

  test('keeps #alpine-config for tiny images, whose handler carries every key the library emits', () => {
    expect(ContainerOs.alpine().renderFirstBoot(new HostConfig()).content.startsWith('#alpine-config\n')).toBe(true);
  });

  test('checks windows in UTC in the upgrade script itself, so a host time zone cannot shift them', () => {
    const p = ContainerOs.alpine().renderFirstBoot(new HostConfig({ timeZone: 'America/New_York' }), { updatePolicy: UpdatePolicy.defaultWindow() });
    expect(p.warnings.join('\n')).not.toContain('local time');
    expect(cloudConfigFile(p.content, '/etc/docker-fleet/apk-upgrade')).toContain('$(date -u +%s)');
  });
});

describe('Bottlerocket', () => {
  test('no longer calls a window NOT enforced (the AWS fleet enforces it) nor the updater\'s schedule', () => {
    const w = ContainerOs.bottlerocket().renderFirstBoot(new HostConfig(), { updatePolicy: UpdatePolicy.defaultWindow() }).warnings.join('\n');
    expect(w).not.toContain('NOT enforced');
    expect(w).not.toContain("updater's schedule");
  });
});

describe('AWS images and data volumes', () => {
  test('ignores image changes by default, and rolls the fleet onto new images when asked', () => {
    expect(only(synthFleet(baseProps('flatcar')).json, 'aws_launch_template').lifecycle).toEqual({ ignore_changes: ['image_id'] });
    const rolling = synthFleet({ ...baseProps('flatcar'), image: AwsImage.latest({ rollOnNewImage: true }) }).json;
    expect(only(rolling, 'aws_launch_template').lifecycle).toBeUndefined();
    const pinned = synthFleet({ ...baseProps('flatcar'), image: AwsImage.pinned('ami-0123456789abcdef0', { rollOnChange: true }) }).json;
    expect(only(pinned, 'aws_launch_template').lifecycle).toBeUndefined();
  });

  test('fails for a roll option that is not a boolean', () => {
    expect(() => AwsImage.latest({ rollOnNewImage: 'yes' as any })).toThrow(/rollOnNewImage: got "yes"; expected true or false/);
  });

  test('deletes the Docker data volume with its instance by default, since an Auto Scaling group never reattaches it', () => {
    const { json, fleet } = synthFleet({ ...baseProps('alpine'), dockerVolumeSizeGiB: 30 });
    expect(only(json, 'aws_launch_template').block_device_mappings[1].ebs.delete_on_termination).toBe('true');
    expect(warningsOf(fleet).join('\n')).not.toContain('orphan');
  });
});

describeWithValidators('payloads with the corrected facts', () => {
  test('still pass the real validators', () => {
    const h = withData();
    h.addUser({ name: 'deploy' });
    expectValid([
      ContainerOs.flatcar().renderFirstBoot(new HostConfig({ timeZone: 'Europe/Berlin' })),
      ContainerOs.fedoraCoreOs().renderFirstBoot(withData()),
      ContainerOs.alpine({ release: '3.22' }).renderFirstBoot(h),
      ContainerOs.alpine({ bootstrap: 'cloudinit' as any }).renderFirstBoot(h),
    ]);
  });
});
