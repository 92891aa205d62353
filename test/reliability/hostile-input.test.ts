/**
 * Hostile and careless input (issue 17, review-2026-11.md §C): legitimate input that was refused
 * (C16) is accepted, and what broke later is refused at synth time or made harmless.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AwsDockerFleet, AwsImage, ContainerOs, FirstBootFragment, HostConfig, UpdatePolicy } from '../../lib';
import { describeWithValidators, validateIgnition } from '../helpers/validators';
import { ED25519_KEY } from '../helpers/fixtures';
import { cloudConfig, ignitionFile } from '../helpers/payloads';

describe('legitimate input is accepted (C16)', () => {
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

describeWithValidators('Ignition never holds a duplicate entry (C12)', () => {
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

describe('values known only at apply time where a literal is required (C9), settings checked as written (C8)', () => {
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

describe('Terraform template syntax in user strings reaches Terraform literally (C14), AWS names and tags (C17)', () => {
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

  test('a 1-character construct id gets a default name whose launch template name_prefix has at least 3 characters', () => {
    const out = fleet('f', {});
    const lt = Object.values(out.resource.aws_launch_template)[0] as any;
    expect(lt.name_prefix.length).toBeGreaterThanOrEqual(3);
    expect(lt.name_prefix).toBe('f-fleet-');
  });
});
