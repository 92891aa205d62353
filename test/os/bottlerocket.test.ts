import { ContainerOs, HostConfig } from '../../lib';
import { ED25519_KEY } from '../helpers/fixtures';

const br = ContainerOs.bottlerocket({ ecsCluster: 'web' });

describe('Bottlerocket settings', () => {
  test('renders keys, host containers, sysctls, the ECS cluster and updates as exact TOML', () => {
    const host = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY], sysctls: { 'vm.max_map_count': '262144' } });
    host.addContainer({ name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27' });
    const userData = Buffer.from(JSON.stringify({ ssh: { 'authorized-keys': [ED25519_KEY] } })).toString('base64');
    expect(br.renderFirstBoot(host).content).toBe(`[settings]
[settings.ecs]
cluster = "web"

[settings.host-containers]
[settings.host-containers.admin]
enabled = true
user-data = "${userData}"

[settings.host-containers.web]
enabled = true
source = "public.ecr.aws/nginx/nginx:1.27"
superpowered = false

[settings.kernel]
[settings.kernel.sysctl]
"vm.max_map_count" = "262144"

[settings.updates]
ignore-waves = false
version-lock = "latest"
`);
  });

  test.each([
    ['a file', (h: HostConfig) => h.addFile({ path: '/etc/x', content: 'x' }), /hostConfig.files\[0\].path: got "\/etc\/x"; Bottlerocket \(aws-ecs-2\) cannot express this/],
    ['a systemd unit', (h: HostConfig) => h.addSystemdUnit({ name: 'x.service', contents: '[Service]\n' }), /hostConfig.units\[0\].name: got "x.service".*host container/],
    ['a user', (h: HostConfig) => h.addUser({ name: 'deploy' }), /hostConfig.users\[0\].name: got "deploy"/],
    ['container ports', (h: HostConfig) => h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', ports: ['80:80'] }), /hostConfig.containers\[0\].ports: got \["80:80"\].*host network/],
    ['container environment', (h: HostConfig) => h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', environment: { A: 'b' } }), /containers\[0\].environment/],
    ['container volumes', (h: HostConfig) => h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', volumes: ['/a:/b'] }), /containers\[0\].volumes/],
    ['a container command', (h: HostConfig) => h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', command: ['x'] }), /containers\[0\].command/],
    ['a short image name', (h: HostConfig) => h.addContainer({ name: 'web', image: 'nginx:1.27' }), /containers\[0\].image: got "nginx:1.27".*'docker.io\/library\/nginx:1.27'/],
    ['a container named admin', (h: HostConfig) => h.addContainer({ name: 'admin', image: 'docker.io/library/nginx:1.27' }), /containers\[0\].name: got "admin"/],
  ])('fails on %s', (_what, add, msg) => {
    const h = new HostConfig();
    add(h);
    expect(() => br.renderFirstBoot(h)).toThrow(msg);
  });

  test('fails on Docker daemon settings and a time zone', () => {
    expect(() => br.renderFirstBoot(new HostConfig({ dockerDaemonSettings: { debug: true } }))).toThrow(/hostConfig.dockerDaemonSettings.*ECS agent/);
    expect(() => br.renderFirstBoot(new HostConfig({ timeZone: 'Europe/Berlin' }))).toThrow(/hostConfig.timeZone: got "Europe\/Berlin"/);
  });
});
