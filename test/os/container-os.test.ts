/**
 * The render pipeline of ContainerOs (lib/os/container-os.ts): a HostConfig frozen once a fleet
 * used it, the capability table driving rejections, and renderFirstBoot giving exactly what the
 * fleets deploy.
 */
import { TerraformStack, Testing } from 'cdktf';
import {
  AwsDockerFleet, ContainerOptions, ContainerOs, ContainerSecret, HostConfig, LibvirtDockerFleet, LibvirtImage, LibvirtProvider, OsFeature,
  Platform, UpdatePolicy, UpdatePolicyKind,
} from '../../lib';
import { StackValues } from '../../lib/cli/terraform-eval';
import { ED25519_KEY } from '../helpers/fixtures';
import { awsProps, stack, thrown } from '../helpers/seam';

describe('a HostConfig used by a fleet', () => {
  test('fails on a later change, naming the fleet that already rendered it', () => {
    const host = new HostConfig();
    new AwsDockerFleet(stack(), 'api', { ...awsProps(), hostConfig: host });
    const e = thrown(() => host.addContainer({ name: 'late', image: 'nginx:1.27' }));
    expect(e.code).toBe('HOST_CONFIG_FROZEN');
    expect(e.message).toMatch(/^hostConfig\.addContainer\(\): got "web-prod\/api"; this HostConfig was already used by that fleet/);
  });

  test('may still be used by more fleets, and by a libvirt fleet', () => {
    const host = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    const s = stack();
    new AwsDockerFleet(s, 'a', { ...awsProps(), hostConfig: host });
    new AwsDockerFleet(s, 'b', { ...awsProps(), hostConfig: host });
    new LibvirtDockerFleet(s, 'c', { os: ContainerOs.flatcar(), hostCount: 1, hostConfig: host });
    expect(() => host.addSshAuthorizedKey(ED25519_KEY)).toThrow(/already used by those 3 fleets/);
  });

  test('fails on a later change, naming every fleet that uses it', () => {
    const host = new HostConfig();
    const s = stack();
    new AwsDockerFleet(s, 'a', { ...awsProps(), hostConfig: host });
    new LibvirtDockerFleet(s, 'b', { os: ContainerOs.flatcar(), hostCount: 1, hostConfig: host });
    const e = thrown(() => host.addFile({ path: '/etc/motd', content: 'hi\n' }));
    expect(e.message).toMatch(/^hostConfig\.addFile\(\): got "web-prod\/a, web-prod\/b"; this HostConfig was already used by those 2 fleets/);
  });

  test('a preview with renderFirstBoot does not freeze it', () => {
    const host = new HostConfig();
    ContainerOs.flatcar().renderFirstBoot(host);
    expect(() => host.addFile({ path: '/etc/motd', content: 'hi\n' })).not.toThrow();
  });
});

describe('the capability table', () => {
  const oses = [ContainerOs.fedoraCoreOs(), ContainerOs.flatcar(), ContainerOs.alpine(), ContainerOs.bottlerocket()];
  /** One HostConfig per feature, using only that feature (plus a container where the feature is about containers). */
  const host = (add: (h: HostConfig) => void) => () => {
    const h = new HostConfig();
    add(h);
    return h;
  };
  const nginx = (o: Partial<ContainerOptions> = {}) =>
    host((h) => h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', ...o }));
  const uses: Record<OsFeature, () => HostConfig> = {
    [OsFeature.FILES]: host((h) => h.addFile({ path: '/etc/x', content: 'x' })),
    [OsFeature.SYSTEMD_UNITS]: host((h) => h.addSystemdUnit({ name: 'a.service', contents: '[Service]\nExecStart=/bin/true\n' })),
    [OsFeature.USERS]: host((h) => h.addUser({ name: 'deploy' })),
    [OsFeature.SSH_KEYS]: () => new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] }),
    [OsFeature.CONTAINERS]: nginx(),
    [OsFeature.CONTAINER_PORTS]: nginx({ ports: ['80:80'] }),
    [OsFeature.CONTAINER_ENVIRONMENT]: nginx({ environment: { A: '1' } }),
    [OsFeature.CONTAINER_VOLUMES]: nginx({ volumes: ['/srv:/srv'] }),
    [OsFeature.CONTAINER_COMMAND]: nginx({ command: ['nginx'] }),
    [OsFeature.SYSCTLS]: () => new HostConfig({ sysctls: { 'vm.max_map_count': '262144' } }),
    [OsFeature.TIME_ZONE]: () => new HostConfig({ timeZone: 'Europe/Berlin' }),
    [OsFeature.DOCKER_DAEMON_SETTINGS]: () => new HostConfig({ dockerDaemonSettings: { debug: true } }),
    [OsFeature.DATA_VOLUME]: () => new HostConfig({ dockerDataVolume: {} }),
    [OsFeature.CONTAINER_SECRETS]: nginx({ secrets: { A: ContainerSecret.fromSsmParameter('/a') } }),
  };

  test.each(oses.flatMap((os) => Object.values(OsFeature).map((f) => [os.displayName, f, os] as const)))(
    '%s: renders %s exactly when its row says it can', (_n, feature, os) => {
      const render = () => os.renderFirstBoot(uses[feature]());
      if (os.canExpress(feature)) {
        expect(render).not.toThrow();
      } else {
        const e = thrown(render);
        expect(e.code).toBe('UNSUPPORTED_FEATURE');
        expect(e.message).toContain(`${os.displayName} cannot express this; `);
      }
    });

  test.each(oses.flatMap((os) => Object.values(UpdatePolicyKind).map((k) => [os.displayName, k, os] as const)))(
    '%s: accepts %s policies exactly when its row says so', (_n, kind, os) => {
      const policy = { 'immediate': UpdatePolicy.immediate(), 'maintenance-window': UpdatePolicy.defaultWindow(),
        'fleet-lock': UpdatePolicy.fleetLock({ url: 'https://lock.example.com' }), 'disabled': UpdatePolicy.disabled() }[kind];
      const render = () => os.renderFirstBoot(new HostConfig(), { updatePolicy: policy });
      if (os.supportsPolicy(kind)) expect(render).not.toThrow();
      else expect(thrown(render).code).toBe('UNSUPPORTED_POLICY');
    });

  test('an OS without a platform record fails with the one generic platform error', () => {
    const e = thrown(() => ContainerOs.bottlerocket().renderFirstBoot(new HostConfig(), { platform: Platform.LIBVIRT }));
    expect(e.code).toBe('UNSUPPORTED_PLATFORM');
    expect(ContainerOs.bottlerocket().platforms).toEqual([Platform.AWS]);
  });
});

describe('renderFirstBoot is what the fleets deploy', () => {
  const { baseProps, synthFleet, userDataOf } = require('../platforms/aws/aws-fixtures');
  test.each(['fcos', 'flatcar', 'alpine'])('AWS %s with a data volume: the preview with dockerDataVolume equals the user data', (kind) => {
    const os = { fcos: ContainerOs.fedoraCoreOs(), flatcar: ContainerOs.flatcar(), alpine: ContainerOs.alpine() }[kind as 'fcos']!;
    const host = () => new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    const { json } = synthFleet({ ...baseProps(kind), os, hostConfig: host(), dockerVolumeSizeGiB: 30 });
    expect(userDataOf(json).toString('utf8')).toBe(os.renderFirstBoot(host(), { dockerDataVolume: true }).content);
    expect(os.renderFirstBoot(host()).content).not.toBe(os.renderFirstBoot(host(), { dockerDataVolume: true }).content);
  });

  test.each([
    ['Flatcar', () => ContainerOs.flatcar(), undefined],
    ['Fedora CoreOS', () => ContainerOs.fedoraCoreOs(), LibvirtImage.fromPath('/var/lib/libvirt/images/fcos.qcow2')],
    ['Alpine', () => ContainerOs.alpine(), undefined],
  ])('libvirt %s: the preview for a host name equals that host\'s payload', (_n, os, image) => {
    const s = new TerraformStack(Testing.app(), 'lab');
    new LibvirtProvider(s, 'libvirt', { uri: 'qemu:///system' });
    const host = () => new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    new LibvirtDockerFleet(s, 'lab', { os: os(), hostCount: 2, hostConfig: host(), image });
    const doc = JSON.parse(Testing.synth(s));
    const media = Object.values<any>(doc.resource.libvirt_ignition ?? doc.resource.libvirt_cloudinit_disk)[0];
    const per = new StackValues(doc.locals).expand(media) as Record<string, any>;
    expect(Object.keys(per)).toEqual(['lab-0', 'lab-1']);
    for (const name of ['lab-0', 'lab-1']) {
      const deployed = per[name].content ?? per[name].user_data;
      expect(deployed).toBe(os().renderFirstBoot(host(), { platform: Platform.LIBVIRT, hostname: name }).content);
    }
  });
});
