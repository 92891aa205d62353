/**
 * Hostile and careless input: legitimate input that was once refused is accepted, and what broke
 * later is refused at synth time or made harmless.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AwsDockerFleet, AwsImage, ContainerOs, FirstBootFragment, HostConfig, LibvirtDockerFleet, LibvirtProvider, UpdatePolicy } from '../../lib';
import { expectValidLibvirtStack } from '../helpers/libvirt-schema';
import { findTerraform, plannedResources, removeRun, terraformCheck } from '../helpers/terraform';
import { describeWithTools } from '../helpers/tools';
import { awsStack, baseProps } from '../platforms/aws/aws-fixtures';
import { describeWithValidators, validateIgnition } from '../helpers/validators';
import { ED25519_KEY } from '../helpers/fixtures';
import { cloudConfig, ignitionFile } from '../helpers/payloads';

describe('legitimate input is accepted', () => {
  test('a sysctl key with an upper-case interface name renders on every OS', () => {
    const h = new HostConfig({ sysctls: { 'net.ipv4.conf.enX0.rp_filter': '2' } });
    const ign = ContainerOs.flatcar().renderFirstBoot(h).content;
    expect(ignitionFile(ign, '/etc/sysctl.d/90-docker-fleet.conf')).toContain('net.ipv4.conf.enX0.rp_filter = 2\n');
  });

  test('authorized_keys options before a key (from="…", cert-authority) are kept', () => {
    const opts = `from="10.0.0.0/8,192.168.1.1",no-agent-forwarding ${ED25519_KEY}`;
    const h = new HostConfig({ sshAuthorizedKeys: [opts, `cert-authority ${ED25519_KEY}`] });
    const doc = cloudConfig(ContainerOs.alpine().renderFirstBoot(h).content);
    expect(doc.ssh_authorized_keys).toEqual([opts, `cert-authority ${ED25519_KEY}`]);
  });

  test('fails on authorized_keys options before something that is not a key', () => {
    expect(() => new HostConfig({ sshAuthorizedKeys: ['from="10.0.0.0/8" ssh-ed25519 AAAA'] })).toThrow(/sshAuthorizedKeys\[0\]/);
  });

  test("a port '127.0.0.1::8080' (random host port on one address), volume propagation options and env names with '.' are accepted", () => {
    const h = new HostConfig();
    expect(() => h.addContainer({
      name: 'app', image: 'nginx:1.27',
      ports: ['127.0.0.1::8080', '[::1]::53/udp'],
      volumes: ['/srv/a:/a:rshared', '/srv/b:/b:ro,rslave', '/srv/c:/c:private', 'cache:/cache:nocopy'],
      environment: { 'spring.profiles.active': 'prod' },
    })).not.toThrow();
  });

  test("fails on '127.0.0.1::8080:80' and on a port range written backwards", () => {
    const h = new HostConfig();
    expect(() => h.addContainer({ name: 'a', image: 'nginx:1.27', ports: ['127.0.0.1::8080:80'] })).toThrow(/ports\[0\]/);
    expect(() => h.addContainer({ name: 'b', image: 'nginx:1.27', ports: ['127.0.0.1:90-80:90-80'] })).toThrow(/ports\[0\]/);
  });
});

describeWithValidators('Ignition never holds a duplicate entry', () => {
  test("a user named 'core' next to default keys becomes one user with both keys and its groups, and passes ignition-validate", () => {
    const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    h.addUser({ name: 'core', groups: ['docker'], sshAuthorizedKeys: [`cert-authority ${ED25519_KEY}`] });
    const ign = ContainerOs.fedoraCoreOs().renderFirstBoot(h).content;
    expect(JSON.parse(ign).passwd.users).toEqual([{ name: 'core', groups: ['docker'], sshAuthorizedKeys: [ED25519_KEY, `cert-authority ${ED25519_KEY}`] }]);
    expect(validateIgnition([ign])).toEqual([null]);
  });

  test('a user file at a path the library derives (/etc/hostname, daemon.json) wins, once', () => {
    const h = new HostConfig({ hostname: 'web-1', dockerDaemonSettings: { debug: true } });
    h.addFile({ path: '/etc/hostname', content: 'mine\n' });
    h.addFile({ path: '/etc/docker/daemon.json', content: '{}\n' });
    const ign = ContainerOs.flatcar().renderFirstBoot(h).content;
    const paths = JSON.parse(ign).storage.files.map((f: any) => f.path);
    expect(paths.filter((p: string) => p === '/etc/hostname' || p === '/etc/docker/daemon.json')).toHaveLength(2);
    expect(ignitionFile(ign, '/etc/hostname')).toBe('mine\n');
    expect(validateIgnition([ign])).toEqual([null]);
  });

  test('fails on timeZone plus a file at /etc/localtime, naming both', () => {
    const h = new HostConfig({ timeZone: 'Europe/Berlin' });
    expect(() => h.addFile({ path: '/etc/localtime', content: 'x' })).toThrow(/files\[0\]\.path: got "\/etc\/localtime"; cannot be combined with timeZone 'Europe\/Berlin'/);
  });

  test('fails at synth on a fragment that adds a link where the config has a file', () => {
    const h = new HostConfig({ hostname: 'web-1' });
    h.addFirstBootFragment(FirstBootFragment.ignition(JSON.stringify({ storage: { links: [{ path: '/etc/hostname', target: '/run/hostname' }] } })));
    expect(() => ContainerOs.flatcar().renderFirstBoot(h)).toThrow(/storage\.links: got "\/etc\/hostname"; the rendered Ignition config would hold this entry twice/);
  });
});

describe('values known only at apply time where a literal is required, settings checked as written', () => {
  const stack = () => new TerraformStack(new App(), 's');

  test('fails on an ECS cluster known only at apply time', () => {
    const v = new TerraformVariable(stack(), 'cluster', { type: 'string' }).stringValue;
    expect(() => ContainerOs.bottlerocket({ ecsCluster: v })).toThrow(/ecsCluster: got "\$\{TfToken\[/);
  });

  test('fails on rendering a fleetLock policy whose URL is known only at apply time', () => {
    const url = new TerraformVariable(stack(), 'lock', { type: 'string' }).stringValue;
    const policy = UpdatePolicy.fleetLock({ url });
    expect(() => ContainerOs.fedoraCoreOs().renderFirstBoot(new HostConfig(), { updatePolicy: policy }))
      .toThrow(/updatePolicy\.fleetLock\.url: got "\$\{TfToken\[.*must be a literal value/);
  });

  test('fails on daemon settings whose toJSON() writes a TCP socket the object itself does not show', () => {
    const sneaky = { 'log-driver': 'journald', toJSON: () => ({ hosts: ['tcp://0.0.0.0:2375'] }) };
    expect(() => new HostConfig({ dockerDaemonSettings: sneaky })).toThrow(/dockerDaemonSettings\.hosts: got \["tcp:\/\/0\.0\.0\.0:2375"\]/);
  });

  test('daemon settings are written as their JSON says (toJSON applied once, at validation)', () => {
    const h = new HostConfig({ dockerDaemonSettings: { toJSON: () => ({ debug: true }) } as any });
    const ign = ContainerOs.flatcar().renderFirstBoot(h).content;
    expect(JSON.parse(ignitionFile(ign, '/etc/docker/daemon.json')!)).toMatchObject({ debug: true });
  });
});

describe('Terraform template syntax in user strings reaches Terraform literally, AWS names and tags', () => {
  const fleet = (id: string, extra: object) => {
    const stack = new TerraformStack(Testing.app(), 's');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new AwsDockerFleet(stack, id, {
      os: ContainerOs.flatcar(), hostCount: 1, instanceType: 't3.small', vpcId: 'vpc-0123456789abcdef0',
      subnetIds: ['subnet-0123456789abcdef0'], image: AwsImage.pinned('ami-0123456789abcdef0'), ...extra,
    });
    return JSON.parse(Testing.synth(stack));
  };

  test('tag keys and values and keyName with ${…} and %{…} are written escaped ($${, %%{), so Terraform does not evaluate them', () => {
    const out = fleet('web', { tags: { team: '${file("/etc/hostname")}', '%{if true}k%{endif}': 'v' }, keyName: 'ops${var.x}' });
    const lt = Object.values(out.resource.aws_launch_template)[0] as any;
    expect(lt.key_name).toBe('ops$${var.x}');
    expect(lt.tags).toMatchObject({ team: '$${file("/etc/hostname")}', '%%{if true}k%%{endif}': 'v' });
    expect(JSON.stringify(out)).not.toMatch(/[^$]\$\{file|[^%]%\{if/);
  });

  test('behind a target group the group waits 10m for healthy targets (min_elb_capacity = min size) and refreshes roll back; without one it does not wait', () => {
    const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
    const asgOf = (out: any) => Object.values<any>(out.resource.aws_autoscaling_group)[0];
    const lb = asgOf(fleet('web', { targetGroupArns: [tg] }));
    expect(lb).toMatchObject({ health_check_type: 'ELB', health_check_grace_period: 300, wait_for_capacity_timeout: '10m', min_elb_capacity: 1 });
    expect(lb.instance_refresh.preferences.auto_rollback).toBe(true);
    const plain = asgOf(fleet('web', {}));
    expect(plain).toMatchObject({ health_check_type: 'EC2', wait_for_capacity_timeout: '0' });
    expect(plain.min_elb_capacity).toBeUndefined();
    expect(asgOf(fleet('web', { targetGroupArns: [tg], waitForCapacityTimeout: '0' })).min_elb_capacity).toBeUndefined();
    expect(asgOf(fleet('web', { waitForCapacityTimeout: '1h30m' })).wait_for_capacity_timeout).toBe('1h30m');
  });

  test('a 1-character construct id gets a default name whose launch template name_prefix has at least 3 characters', () => {
    const out = fleet('f', {});
    const lt = Object.values(out.resource.aws_launch_template)[0] as any;
    expect(lt.name_prefix.length).toBeGreaterThanOrEqual(3);
    expect(lt.name_prefix).toMatch(/^f-[0-9a-f]{6}-$/);
  });
});

describe('time zones as the host resolves them', () => {
  test('tz database names are accepted as written, aliases from the backward file included', () => {
    for (const tz of ['UTC', 'Etc/UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'US/Eastern', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5']) {
      expect(() => new HostConfig({ timeZone: tz })).not.toThrow();
    }
  });

  test('fails on a time zone in the wrong case, suggesting the right one', () => {
    expect(() => new HostConfig({ timeZone: 'europe/berlin' })).toThrow(/timeZone: got "europe\/berlin"; .*did you mean 'Europe\/Berlin'\?/);
    expect(() => new HostConfig({ timeZone: 'utc' })).toThrow(/did you mean 'UTC'/);
  });
});

describe('libvirt data volumes survive a size change', () => {
  test('the Docker data volumes ignore size changes (ForceNew in provider 0.8.3), with and without retainDataVolumes, and the stack still matches the 0.8.3 schema', () => {
    for (const retainDataVolumes of [false, true]) {
      const stack = new TerraformStack(Testing.app(), 's');
      new LibvirtProvider(stack, 'libvirt', { uri: 'qemu:///system' });
      new LibvirtDockerFleet(stack, 'fleet', { os: ContainerOs.flatcar(), hostCount: 2, dockerVolumeSizeGiB: 50, retainDataVolumes });
      const json = Testing.synth(stack);
      const volumes = Object.entries<any>(JSON.parse(json).resource.libvirt_volume);
      const data = volumes.find(([k]) => k.includes('docker-data'))![1];
      expect(data.lifecycle).toEqual(retainDataVolumes ? { ignore_changes: ['size'], prevent_destroy: true } : { ignore_changes: ['size'] });
      expect(data.size).toBe(50 * 1024 ** 3);
      expectValidLibvirtStack(json);
    }
  });
});

describeWithTools([['terraform', findTerraform()]])('Terraform sees user strings literally and a broken rollout stops, with hashicorp/aws 5.100.0', () => {
  test('terraform plan keeps a tag value ${file(...)} and a keyName %{...} as written, and the group behind a target group waits for healthy hosts and rolls back failed refreshes', async () => {
    const stack = awsStack();
    new AwsDockerFleet(stack, 'fleet', {
      ...baseProps('flatcar'),
      tags: { team: '${file("/etc/hostname")}' },
      keyName: 'ops%{if true}x%{endif}',
      targetGroupArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef'],
    });
    const run = await terraformCheck(findTerraform(), stack, { plan: true });
    try {
      const planned = plannedResources(run.plan);
      const lt = planned.find((r) => r.type === 'aws_launch_template')!.values;
      expect(lt.key_name).toBe('ops%{if true}x%{endif}');
      expect(lt.tags.team).toBe('${file("/etc/hostname")}');
      const asg = planned.find((r) => r.type === 'aws_autoscaling_group')!.values;
      expect(asg.health_check_type).toBe('ELB');
      expect(asg.wait_for_capacity_timeout).toBe('10m');
      expect(asg.instance_refresh[0].preferences[0].auto_rollback).toBe(true);
    } finally {
      removeRun(run);
    }
  });
});
