/**
 * No data loss on change: a HostConfig change replaces hosts, never their Docker data. On AWS the
 * data volume mapping stays the same while the launch template's user data changes and the ASG
 * refreshes with 90% kept healthy (an ASG gives every replacement a fresh volume, so the volume
 * goes with its instance by default: a kept one would only be orphaned); on libvirt the data
 * volumes keep their Terraform addresses and names. In every payload the data disk is formatted
 * only when blank.
 */
import { Testing, TerraformStack } from 'cdktf';
import { ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtProvider } from '../../lib';
import { baseProps, hostFor, synthFleet, unsensitive } from '../platforms/aws/aws-fixtures';
import { cloudConfigFile } from '../helpers/payloads';

const only = (json: any, type: string) => Object.values(json.resource[type])[0] as any;

describe('on AWS', () => {
  test('a HostConfig change changes the user data but not the data volume mapping, and refreshes 90%-healthy', () => {
    const a = synthFleet({ ...baseProps('flatcar'), hostConfig: hostFor('flatcar', { marker: 'v1' }), dockerVolumeSizeGiB: 50 }).json;
    const b = synthFleet({ ...baseProps('flatcar'), hostConfig: hostFor('flatcar', { marker: 'v2' }), dockerVolumeSizeGiB: 50 }).json;
    const [lta, ltb] = [only(a, 'aws_launch_template'), only(b, 'aws_launch_template')];
    expect(lta.user_data).not.toBe(ltb.user_data);
    expect(lta.block_device_mappings).toEqual(ltb.block_device_mappings);
    expect(lta.block_device_mappings[1]).toMatchObject({ device_name: '/dev/xvdb', ebs: { delete_on_termination: 'true', encrypted: 'true' } });
    const asg = only(b, 'aws_autoscaling_group');
    expect(asg.instance_refresh).toEqual({ strategy: 'Rolling', preferences: { min_healthy_percentage: 90, auto_rollback: true } });
    expect(asg.launch_template.version).toMatch(/latest_version/);
  });

  test('the data disk is never wiped: Ignition reuses an existing file system, the discovery script formats only blank disks', () => {
    const flatcar = JSON.parse(Buffer.from(unsensitive(only(synthFleet({ ...baseProps('flatcar'), dockerVolumeSizeGiB: 20 }).json, 'aws_launch_template').user_data), 'base64').toString());
    expect(flatcar.storage.filesystems).toEqual([{ device: '/dev/xvdb', format: 'ext4', label: 'docker-data', wipeFilesystem: false }]);
    const alpine = Buffer.from(unsensitive(only(synthFleet({ ...baseProps('alpine'), dockerVolumeSizeGiB: 20 }).json, 'aws_launch_template').user_data), 'base64').toString();
    const script = cloudConfigFile(alpine, '/etc/docker-fleet/prepare-data-volume')!;
    expect(script).toContain('already holds a file system that is not labelled $LABEL; leaving it alone');
    expect(script).toContain('refusing to guess');
  });
});

describe('on libvirt', () => {
  function synth(marker: string): any {
    const stack = new TerraformStack(Testing.app(), 'lab');
    new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
    const host = new HostConfig();
    host.addFile({ path: '/etc/marker', content: marker });
    new LibvirtDockerFleet(stack, 'lab', { os: ContainerOs.flatcar(), hostCount: 3, hostConfig: host, retainDataVolumes: true });
    return JSON.parse(Testing.synth(stack));
  }

  test('a HostConfig change keeps every data volume address and name and its prevent_destroy, and replaces the root volumes', () => {
    const [a, b] = [synth('v1'), synth('v2')];
    const volumes = (json: any) => json.resource.libvirt_volume;
    const dataKey = Object.keys(volumes(a)).find((k) => /data/i.test(k))!;
    const rootKey = Object.keys(volumes(a)).find((k) => /root/i.test(k))!;
    expect(dataKey).toBeDefined();
    expect(volumes(b)[dataKey]).toEqual(volumes(a)[dataKey]);
    // a size change is ignored (size is ForceNew in provider 0.8.3: it would recreate the volume blank)
    expect(volumes(a)[dataKey].lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ['size'] });
    expect(JSON.stringify(volumes(b)[rootKey].for_each)).not.toBe(JSON.stringify(volumes(a)[rootKey].for_each));
  });
});
