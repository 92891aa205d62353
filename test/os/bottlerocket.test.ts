import { ContainerOs, HostConfig } from '../../lib';
import { ED25519_KEY } from '../helpers/fixtures';
import { thrownCode } from '../helpers/error-codes';

const br = ContainerOs.bottlerocket({
  ecsCluster: 'web',
  hostContainers: [{ name: 'node-agent', source: 'public.ecr.aws/org/agent:1.2' }],
});


describe('Bottlerocket settings', () => {
  test('renders keys, host containers, sysctls, the ECS cluster and updates as exact TOML', () => {
    const host = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY], sysctls: { 'vm.max_map_count': '262144' } });
    const userData = Buffer.from(JSON.stringify({ ssh: { 'authorized-keys': [ED25519_KEY] } })).toString('base64');
    expect(br.renderFirstBoot(host).content).toBe(`[settings]
[settings.ecs]
cluster = "web"

[settings.host-containers]
[settings.host-containers.admin]
enabled = true
user-data = "${userData}"

[settings.host-containers.node-agent]
enabled = true
source = "public.ecr.aws/org/agent:1.2"
superpowered = false

[settings.kernel]
[settings.kernel.sysctl]
"vm.max_map_count" = "262144"

[settings.updates]
ignore-waves = false
version-lock = "latest"
`);
  });

  test('leaves HostConfig containers out of the payload and says that the fleet runs them as ECS daemon services', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'], environment: { A: 'b' }, volumes: ['html:/usr/share/nginx/html'], command: ['nginx'] });
    const p = ContainerOs.bottlerocket().renderFirstBoot(h);
    expect(p.content).not.toContain('nginx');
    expect(p.warnings.join('\n')).toContain('the containers (web) are not in this payload: AwsDockerFleet runs them as ECS daemon services');
  });

  test('warns about a superpowered host container', () => {
    const os = ContainerOs.bottlerocket({ hostContainers: [{ name: 'agent', source: 'public.ecr.aws/org/agent:1.2', superpowered: true }] });
    const p = os.renderFirstBoot(new HostConfig());
    expect(p.content).toContain('superpowered = true');
    expect(p.warnings.join('\n')).toContain("host container 'agent' is superpowered");
  });

  test.each([
    ['a file', (h: HostConfig) => h.addFile({ path: '/etc/x', content: 'x' }), /hostConfig.files\[0\].path: got "\/etc\/x"; Bottlerocket \(aws-ecs-2\) cannot express this/],
    ['a systemd unit', (h: HostConfig) => h.addSystemdUnit({ name: 'x.service', contents: '[Service]\n' }), /hostConfig.units\[0\].name: got "x.service".*hostContainers/],
    ['a user', (h: HostConfig) => h.addUser({ name: 'deploy' }), /hostConfig.users\[0\].name: got "deploy"/],
  ])('fails on %s', (_what, add, msg) => {
    const h = new HostConfig();
    add(h);
    expect(() => br.renderFirstBoot(h)).toThrow(msg);
  });

  test.each([
    ['a short image name', [{ name: 'agent', source: 'nginx:1.27' }], 'BAD_HOST_CONTAINER', /hostContainers\[0\].source: got "nginx:1.27".*'docker.io\/library\/nginx:1.27'/],
    ['a host container named admin', [{ name: 'admin', source: 'docker.io/library/nginx:1.27' }], 'BAD_HOST_CONTAINER', /hostContainers\[0\].name: got "admin"/],
    ['an upper-case host container name', [{ name: 'Agent', source: 'docker.io/library/nginx:1.27' }], 'BAD_HOST_CONTAINER', /lower-case/],
    ['two host containers with one name', [{ name: 'a', source: 'docker.io/x/y:1' }, { name: 'a', source: 'docker.io/x/y:1' }], 'BAD_HOST_CONTAINER', /hostContainers\[1\].name/],
    ['a superpowered flag that is not a boolean', [{ name: 'a', source: 'docker.io/x/y:1', superpowered: 'yes' }], 'NOT_ABOOLEAN', /superpowered/],
  ])('fails on %s', (_what, hostContainers, code, msg) => {
    const make = () => ContainerOs.bottlerocket({ hostContainers: hostContainers as any });
    expect(thrownCode(make)).toBe(code);
    expect(make).toThrow(msg);
  });

  test('fails on an ECS cluster name ECS refuses', () => {
    expect(thrownCode(() => ContainerOs.bottlerocket({ ecsCluster: 'prod cluster' }))).toBe('BAD_ECS_CLUSTER_NAME');
  });

  test('fails on Docker daemon settings and a time zone', () => {
    expect(() => br.renderFirstBoot(new HostConfig({ dockerDaemonSettings: { debug: true } }))).toThrow(/hostConfig.dockerDaemonSettings.*ECS agent/);
    expect(() => br.renderFirstBoot(new HostConfig({ timeZone: 'Europe/Berlin' }))).toThrow(/hostConfig.timeZone: got "Europe\/Berlin"/);
  });
});
