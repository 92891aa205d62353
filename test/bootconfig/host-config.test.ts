import { ContainerOs, HostConfig } from '../../lib';
import { FleetConfigError } from '../../lib/core/fleet-config-error';
import { ED25519_KEY, richHostConfig } from '../helpers/fixtures';

/** Expects a FleetConfigError whose message names the property and shows the bad value. */
function expectError(fn: () => unknown, property: string, value: string) {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FleetConfigError);
  const msg = (error as Error).message;
  expect(msg).toContain(property);
  expect(msg).toContain(value);
  return msg;
}

describe('HostConfig', () => {
  test('collects keys, files, units, containers and settings into a validated model', () => {
    const m = richHostConfig()._toModel();
    expect(m.sshAuthorizedKeys).toHaveLength(2);
    expect(m.files.map((f) => f.path)).toEqual(['/etc/app/config.yaml', '/etc/app/large.txt', '/opt/app/blob.bin']);
    expect(m.units.map((u) => u.name)).toEqual(['hello.service', 'docker.service']);
    expect(m.units[0].enabled).toBe(true);
    expect(m.containers.map((c) => c.name)).toEqual(['web', 'metrics']);
    expect(m.sysctls).toEqual({ 'net.ipv4.ip_forward': '1', 'vm.max_map_count': '262144' });
  });

  test('adding the same key twice keeps one copy', () => {
    const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    h.addSshAuthorizedKey(ED25519_KEY);
    expect(h._toModel().sshAuthorizedKeys).toEqual([ED25519_KEY]);
  });

  test('rendering the same HostConfig twice gives identical bytes for every OS', () => {
    for (const os of [ContainerOs.fedoraCoreOs(), ContainerOs.flatcar()]) {
      expect(os.renderFirstBoot(richHostConfig()).content).toBe(os.renderFirstBoot(richHostConfig()).content);
    }
    const alpine = ContainerOs.alpine();
    expect(alpine.renderFirstBoot(richHostConfig({ units: false })).content).toBe(alpine.renderFirstBoot(richHostConfig({ units: false })).content);
    const br = ContainerOs.bottlerocket();
    const plain = () => richHostConfig({ units: false, files: false, daemon: false, timeZone: false, qualifiedImages: true, containerExtras: false });
    expect(br.renderFirstBoot(plain()).content).toBe(br.renderFirstBoot(plain()).content);
  });

  test('fails on a relative file path', () => {
    expectError(() => new HostConfig().addFile({ path: 'etc/app.conf', content: 'x' }), 'files[0].path', '"etc/app.conf"');
  });

  test('fails on a path with .. segments', () => {
    expectError(() => new HostConfig().addFile({ path: '/etc/../shadow', content: 'x' }), 'files[0].path', '"/etc/../shadow"');
  });

  test('fails on a duplicate file path and names the first use', () => {
    const h = new HostConfig();
    h.addFile({ path: '/etc/a', content: 'x' });
    const msg = expectError(() => h.addFile({ path: '/etc/a', content: 'y' }), 'files[1].path', '"/etc/a"');
    expect(msg).toContain('files[0]');
  });

  test.each([[-1], [0o10000], [1.5], ['0644']])('fails on mode %p', (mode) => {
    expectError(() => new HostConfig().addFile({ path: '/etc/a', content: 'x', mode: mode as any }), 'files[0].mode', JSON.stringify(mode));
  });

  test('fails on an owner that is not user or user:group', () => {
    expectError(() => new HostConfig().addFile({ path: '/etc/a', owner: 'Root User' }), 'files[0].owner', '"Root User"');
  });

  test('fails on an empty unit name', () => {
    expectError(() => new HostConfig().addSystemdUnit({ name: '', contents: '[Service]\n' }), 'units[0].name', '""');
  });

  test('fails on a unit name without a unit suffix', () => {
    expectError(() => new HostConfig().addSystemdUnit({ name: 'app', contents: '[Service]\n' }), 'units[0].name', '"app"');
  });

  test('units and drop-ins take their text as content, like files, and as the deprecated contents', () => {
    const h = new HostConfig();
    h.addSystemdUnit({ name: 'a.service', content: '[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n' });
    h.addSystemdUnit({ name: 'b.service', contents: '[Service]\nExecStart=/bin/true\n' });
    h.addSystemdDropIn({ unit: 'docker.service', name: '10-a.conf', content: '[Service]\nLimitNOFILE=1024\n' });
    h.addSystemdDropIn({ unit: 'containerd.service', name: '10-b.conf', contents: '[Service]\n' });
    const m = h._toModel();
    expect(m.units.slice(0, 2).map((u) => [u.name, u.contents, u.enabled])).toEqual([
      ['a.service', '[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n', true],
      ['b.service', '[Service]\nExecStart=/bin/true\n', undefined],
    ]);
    expect(m.units.flatMap((u) => u.dropIns.map((d) => [u.name, d.name, d.contents]))).toEqual([
      ['docker.service', '10-a.conf', '[Service]\nLimitNOFILE=1024\n'], ['containerd.service', '10-b.conf', '[Service]\n'],
    ]);
  });

  test('fails on a unit given both content and contents', () => {
    expectError(() => new HostConfig().addSystemdUnit({ name: 'a.service', content: 'x', contents: 'y' }), 'units[0].contents', '"y"');
  });

  test('fails on a drop-in without content', () => {
    expectError(() => new HostConfig().addSystemdDropIn({ unit: 'docker.service', name: '10-a.conf' }), 'dropIns[0].content', 'undefined');
  });

  test('fails on a unit with neither content nor mask', () => {
    expectError(() => new HostConfig().addSystemdUnit({ name: 'app.service' }), 'units[0].content', 'undefined');
  });

  test('fails on a drop-in whose name does not end in .conf', () => {
    expectError(() => new HostConfig().addSystemdDropIn({ unit: 'docker.service', name: '10-limits', contents: 'x' }), 'dropIns[0].name', '"10-limits"');
  });

  test.each(['-web', 'web app', '', 'a'.repeat(64), 'wëb'])('fails on container name %p', (name) => {
    expectError(() => new HostConfig().addContainer({ name, image: 'nginx:1.27' }), 'containers[0].name', JSON.stringify(name));
  });

  test('fails on a duplicate container name', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'web', image: 'nginx:1.27' });
    expectError(() => h.addContainer({ name: 'web', image: 'nginx:1.26' }), 'containers[1].name', '"web"');
  });

  test.each(['Nginx:1.27', 'nginx 1.27', '', 'nginx:', 'ghcr.io/org/app@sha256:abc'])('fails on image %p', (image) => {
    expectError(() => new HostConfig().addContainer({ name: 'web', image }), 'containers[0].image', JSON.stringify(image));
  });

  test.each(['0:80', '80:70000', 'http', '80:80/icmp', '999.1.1.1:80:80', '90-80:90-80'])('fails on port %p', (port) => {
    expectError(() => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', ports: [port] }), 'containers[0].ports[0]', JSON.stringify(port));
  });

  test('accepts the port forms Docker accepts', () => {
    const h = new HostConfig();
    h.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80', '8080:80', '127.0.0.1:53:53/udp', '[::1]:80:80', '8000-8010:8000-8010'] });
    expect(h._toModel().containers[0].ports).toHaveLength(5);
  });

  test.each(['./relative:/data', '/data:relative', '/a:/b:rx', '/a:/b:ro:extra'])('fails on volume %p', (vol) => {
    expectError(() => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', volumes: [vol] }), 'containers[0].volumes[0]', JSON.stringify(vol));
  });

  test('fails on an environment name that is not a shell identifier', () => {
    expectError(() => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', environment: { '1BAD': 'x' } }), 'containers[0].environment', '"1BAD"');
  });

  test('fails on an environment value with a newline', () => {
    expectError(() => new HostConfig().addContainer({ name: 'web', image: 'nginx:1.27', environment: { A: 'x\ny' } }), 'containers[0].environment.A', '"x\\ny"');
  });

  test.each([
    'ssh-ed25519',
    'ssh-ed25519 not-base64!!',
    'ecdsa-sha2-nistp256 AAAAC3NzaC1lZDI1NTE5AAAAIKBunUBgAyKha6U6Hmuj/wlEBWhfpTlxciaPbg7ZIrWG',
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKBunUBgAyKha6U6Hmuj/wlEBWhfpTlxciaPbg7ZIrWG\nssh-rsa AAAA',
  ])('fails on SSH key %p', (key) => {
    expectError(() => new HostConfig({ sshAuthorizedKeys: [key] }), 'sshAuthorizedKeys[0]', JSON.stringify(key).slice(0, 20));
  });

  test('fails on a sysctl key with spaces', () => {
    expectError(() => new HostConfig({ sysctls: { 'vm max': '1' } }), 'sysctls', '"vm max"');
  });

  test('fails on a sysctl value that is not a string', () => {
    expectError(() => new HostConfig({ sysctls: { 'vm.max_map_count': 262144 as any } }), 'sysctls.vm.max_map_count', '262144');
  });

  test('fails on an unknown time zone', () => {
    expectError(() => new HostConfig({ timeZone: 'Mars/Olympus' }), 'timeZone', '"Mars/Olympus"');
  });

  test('fails on a Docker TCP socket in daemon settings', () => {
    expectError(() => new HostConfig({ dockerDaemonSettings: { hosts: ['tcp://0.0.0.0:2375'] } }), 'dockerDaemonSettings.hosts', 'tcp://0.0.0.0:2375');
  });

  test('fails on a value known only at apply time in file contents', () => {
    expectError(() => new HostConfig().addFile({ path: '/etc/a', content: 'id=${TfToken[TOKEN.12]}' }), 'files[0].content', 'TfToken');
  });

  test('fails on a non-array sshAuthorizedKeys from a JavaScript caller', () => {
    expectError(() => new HostConfig({ sshAuthorizedKeys: ED25519_KEY as any }), 'sshAuthorizedKeys', 'ssh-ed25519');
  });
});
