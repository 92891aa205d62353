/**
 * The OS × platform seam (issue 11): errors with codes and construct paths, every problem of a
 * construct at once, a HostConfig frozen once a fleet used it, raw first-boot fragments merged
 * last and still valid, the capability table driving rejections, one render per libvirt fleet
 * (each host's payload, as Terraform computes it from the fleet's template, is its own render).
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import {
  ContainerSecret, AwsDockerFleet, AwsImage, ContainerOs, FirstBootFormat, FirstBootFragment, FleetConfigErrors, HostConfig, LibvirtDockerFleet,
  LibvirtImage, LibvirtProvider, OsFeature, Platform, UpdatePolicy, UpdatePolicyKind,
} from '../../lib';
import { StackValues } from '../../lib/cli/terraform-eval';
import { FleetConfigError } from '../../lib/core/fleet-config-error';
import { codeOf } from '../../lib/core/define-errors';
import { findTerraformBinary, plannedInputs, standIn } from '../cli/terraform-standin';
import { ED25519_KEY, richHostConfig } from '../helpers/fixtures';
import { describeWithTools, requireTools } from '../helpers/tools';
import { describeWithValidators, expectValid } from '../helpers/validators';

const awsProps = () => ({
  os: ContainerOs.flatcar(), hostCount: 2, instanceType: 't3.small', vpcId: 'vpc-0123456789abcdef0',
  subnetIds: ['subnet-0123456789abcdef0'], image: AwsImage.pinned('ami-0123456789abcdef0'),
});

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'web-prod');
  new AwsProvider(s, 'aws', { region: 'us-east-1' });
  new LibvirtProvider(s, 'libvirt', { uri: 'qemu:///system' });
  return s;
}

function thrown(fn: () => unknown): FleetConfigError {
  try {
    fn();
  } catch (e) {
    if (FleetConfigErrors.isFleetConfigError(e)) return e as FleetConfigError;
    throw e;
  }
  throw new Error('expected a FleetConfigError, nothing was thrown');
}

describe('errors that say where', () => {
  test('every error builder has a stable code derived from its name', () => {
    expect(codeOf('notAnInteger')).toBe('NOT_AN_INTEGER');
    expect(codeOf('badTargetGroupArn')).toBe('BAD_TARGET_GROUP_ARN');
    expect(thrown(() => UpdatePolicy.fleetLock({ url: 'ftp://x' })).code).toBe('BAD_URL');
  });

  test('a fleet names itself: the second of three fleets is named in its error', () => {
    const s = stack();
    new AwsDockerFleet(s, 'api', awsProps());
    const e = thrown(() => new AwsDockerFleet(s, 'worker', { ...awsProps(), hostCount: -1 }));
    expect(e.constructPath).toBe('web-prod/worker');
    expect(e.message).toBe('web-prod/worker: hostCount: got -1; expected a whole number from 0 to 2147483647');
    expect(FleetConfigErrors.codeOf(e)).toBe('NOT_AN_INTEGER');
  });

  test('reports every problem of a fleet together, one line each', () => {
    const e = thrown(() => new AwsDockerFleet(stack(), 'api', {
      ...awsProps(), hostCount: -1, vpcId: 'default', instanceType: 't3small', metadataHopLimit: 0,
    }));
    expect(FleetConfigErrors.codesOf(e)).toEqual(['NOT_AN_INTEGER', 'BAD_INSTANCE_TYPE', 'BAD_AWS_ID', 'NOT_AN_INTEGER']);
    expect(e.problems.map((p) => p.property)).toEqual(['hostCount', 'instanceType', 'vpcId', 'metadataHopLimit']);
    const lines = e.message.split('\n');
    expect(lines).toHaveLength(4);
    lines.forEach((l) => expect(l.startsWith('web-prod/api: ')).toBe(true));
  });

  test('a libvirt fleet reports all its problems too', () => {
    const e = thrown(() => new LibvirtDockerFleet(stack(), 'lab', { os: ContainerOs.flatcar(), hostCount: 2, vcpus: 0, memoryMiB: 1, diskSizeGiB: -3 }));
    expect(FleetConfigErrors.codesOf(e)).toEqual(['MEMORY_BELOW_MINIMUM', 'NOT_AN_INTEGER', 'NOT_AN_INTEGER']);
    expect(e.problems.map((p) => p.constructPath)).toEqual(['web-prod/lab', 'web-prod/lab', 'web-prod/lab']);
  });

  test('errors outside a construct have no path, and other errors are not taken for ours', () => {
    const e = thrown(() => new HostConfig({ timeZone: 'Mars/Olympus' }));
    expect(FleetConfigErrors.constructPathOf(e)).toBeUndefined();
    expect(FleetConfigErrors.isFleetConfigError(new Error('x'))).toBe(false);
    expect(FleetConfigErrors.codeOf(new Error('x'))).toBeUndefined();
    expect(FleetConfigErrors.codesOf('nope')).toEqual([]);
  });
});

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
    expect(() => host.addSshAuthorizedKey(ED25519_KEY)).toThrow(/already used by that fleet/);
  });

  test('a preview with renderFirstBoot does not freeze it', () => {
    const host = new HostConfig();
    ContainerOs.flatcar().renderFirstBoot(host);
    expect(() => host.addFile({ path: '/etc/motd', content: 'hi\n' })).not.toThrow();
  });
});

describe('raw first-boot fragments', () => {
  const ign = FirstBootFragment.ignition(JSON.stringify({
    storage: { files: [{ path: '/etc/motd', mode: 420, contents: { source: 'data:,from%20a%20fragment%0A' } }] },
    systemd: { units: [{ name: 'docker.service', dropins: [{ name: '99-raw.conf', contents: '[Service]\nLimitNOFILE=4096\n' }] }] },
  }));

  test('an Ignition fragment is merged as the last child: its entries replace the library\'s of the same key', () => {
    const host = new HostConfig();
    host.addFile({ path: '/etc/motd', content: 'from the model\n' });
    host.addFirstBootFragment(ign);
    const cfg = JSON.parse(ContainerOs.fedoraCoreOs().renderFirstBoot(host).content);
    const motd = cfg.storage.files.filter((f: any) => f.path === '/etc/motd');
    expect(motd).toEqual([{ path: '/etc/motd', mode: 420, contents: { source: 'data:,from%20a%20fragment%0A' } }]);
    expect(cfg.systemd.units.filter((u: any) => u.name === 'docker.service')).toHaveLength(1);
    expect(cfg.systemd.units.find((u: any) => u.name === 'docker.service').dropins[0].name).toBe('99-raw.conf');
  });

  test('a cloud-config fragment merges into both Alpine formats; lists are appended', () => {
    const host = new HostConfig();
    host.addFirstBootFragment(FirstBootFragment.cloudConfig('runcmd:\n  - echo from-fragment\nntp:\n  enabled: true\n'));
    for (const os of [ContainerOs.alpine(), ContainerOs.alpine({ bootstrap: 'cloudinit' as any })]) {
      const doc = parseYaml(os.renderFirstBoot(host).content);
      expect(doc.runcmd[doc.runcmd.length - 1]).toBe('echo from-fragment');
      expect(doc.runcmd).toContain('rc-update add docker default');
      expect(doc.ntp).toEqual({ enabled: true });
    }
  });

  test('a Bottlerocket settings fragment is merged into the TOML', () => {
    const host = new HostConfig();
    host.addFirstBootFragment(FirstBootFragment.bottlerocketSettings('[settings.kernel]\nlockdown = "integrity"\n'));
    const toml = parseToml(ContainerOs.bottlerocket().renderFirstBoot(host).content) as any;
    expect(toml.settings.kernel.lockdown).toBe('integrity');
    expect(toml.settings.updates['version-lock']).toBe('latest');
  });

  test('fails for a fragment of another format, naming the format the OS reads', () => {
    const host = new HostConfig();
    host.addFirstBootFragment(FirstBootFragment.cloudConfig('runcmd: [ls]\n'));
    const e = thrown(() => ContainerOs.flatcar().renderFirstBoot(host));
    expect(e.code).toBe('FRAGMENT_FORMAT');
    expect(e.message).toMatch(/Flatcar Container Linux \(stable\) reads Ignition; give a fragment of that format \(FirstBootFragment\.ignition/);
  });

  test('fails for fragments that do not parse, or are not a mapping, or name another Ignition spec', () => {
    expect(thrown(() => FirstBootFragment.ignition('{not json')).code).toBe('BAD_FRAGMENT');
    expect(thrown(() => FirstBootFragment.cloudConfig('- a list\n')).code).toBe('BAD_FRAGMENT');
    expect(thrown(() => FirstBootFragment.bottlerocketSettings('[[[')).code).toBe('BAD_FRAGMENT');
    const host = new HostConfig();
    host.addFirstBootFragment(FirstBootFragment.ignition('{"ignition":{"version":"3.4.0"}}'));
    expect(thrown(() => ContainerOs.flatcar().renderFirstBoot(host)).message).toMatch(/an Ignition fragment of spec 3\.3\.0/);
  });

  describeWithValidators('merged payloads', () => {
    test('still pass the real validators', () => {
      const h1 = new HostConfig();
      h1.addFirstBootFragment(ign);
      const h2 = new HostConfig();
      h2.addFirstBootFragment(FirstBootFragment.cloudConfig('runcmd:\n  - echo hi\n'));
      expectValid([
        ContainerOs.flatcar().renderFirstBoot(h1), ContainerOs.fedoraCoreOs().renderFirstBoot(h1),
        ContainerOs.alpine().renderFirstBoot(h2),
      ]);
    });
  });
});

describe('the capability table', () => {
  const oses = [ContainerOs.fedoraCoreOs(), ContainerOs.flatcar(), ContainerOs.alpine(), ContainerOs.bottlerocket()];
  /** One HostConfig per feature, using only that feature (plus a container where the feature is about containers). */
  const uses: Record<OsFeature, () => HostConfig> = {
    [OsFeature.FILES]: () => { const h = new HostConfig(); h.addFile({ path: '/etc/x', content: 'x' }); return h; },
    [OsFeature.SYSTEMD_UNITS]: () => { const h = new HostConfig(); h.addSystemdUnit({ name: 'a.service', contents: '[Service]\nExecStart=/bin/true\n' }); return h; },
    [OsFeature.USERS]: () => { const h = new HostConfig(); h.addUser({ name: 'deploy' }); return h; },
    [OsFeature.SSH_KEYS]: () => new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] }),
    [OsFeature.CONTAINERS]: () => { const h = new HostConfig(); h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27' }); return h; },
    [OsFeature.CONTAINER_PORTS]: () => { const h = new HostConfig(); h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', ports: ['80:80'] }); return h; },
    [OsFeature.CONTAINER_ENVIRONMENT]: () => { const h = new HostConfig(); h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', environment: { A: '1' } }); return h; },
    [OsFeature.CONTAINER_VOLUMES]: () => { const h = new HostConfig(); h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', volumes: ['/srv:/srv'] }); return h; },
    [OsFeature.CONTAINER_COMMAND]: () => { const h = new HostConfig(); h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', command: ['nginx'] }); return h; },
    [OsFeature.SYSCTLS]: () => new HostConfig({ sysctls: { 'vm.max_map_count': '262144' } }),
    [OsFeature.TIME_ZONE]: () => new HostConfig({ timeZone: 'Europe/Berlin' }),
    [OsFeature.DOCKER_DAEMON_SETTINGS]: () => new HostConfig({ dockerDaemonSettings: { debug: true } }),
    [OsFeature.DATA_VOLUME]: () => new HostConfig({ dockerDataVolume: {} }),
    [OsFeature.CONTAINER_SECRETS]: () => { const h = new HostConfig(); h.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', secrets: { A: ContainerSecret.fromSsmParameter('/a') } }); return h; },
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

describe('libvirt payloads rendered once per fleet', () => {
  const names = ['a', 'x'.repeat(63), '123', 'true', 'NULL', 'host-with-hyphens'];
  const cases = [
    ['Flatcar', () => ContainerOs.flatcar(), undefined],
    ['Fedora CoreOS', () => ContainerOs.fedoraCoreOs(), LibvirtImage.fromPath('/var/lib/libvirt/images/fcos.qcow2')],
    ['Alpine tiny', () => ContainerOs.alpine(), undefined],
    ['Alpine cloud-init', () => ContainerOs.alpine({ bootstrap: 'cloudinit' as any }), undefined],
  ] as const;

  /** A fleet of `names` and, per host, the payload rendering that host alone gives (with its data disk's WWN). */
  function fleet(os: () => ContainerOs, image: LibvirtImage | undefined): { doc: any; attr: string; alone: (name: string, wwn: string) => string } {
    const s = new TerraformStack(new App({ outdir: '/tmp/unused-outdir' }), 'lab');
    new LibvirtProvider(s, 'libvirt', { uri: 'qemu:///system' });
    const host = richHostConfig({ units: os().canExpress(OsFeature.SYSTEMD_UNITS) });
    new LibvirtDockerFleet(s, 'lab', { os: os(), hostCount: names.length, hostNames: names, hostConfig: host, image });
    const doc = JSON.parse(Testing.synth(s));
    const alone = (name: string, wwn: string) => os()._render(host._toModel(), host._fragments(), Platform.LIBVIRT, undefined, {
      defaults: {
        ...new HostConfig()._toModel(),
        dockerDataVolume: {
          device: os()._traits(Platform.LIBVIRT).dataVolume.kind === 'by-disk-id' ? `/dev/disk/by-id/wwn-0x${wwn}` : undefined,
          label: 'docker-data', fileSystem: 'ext4', mountPoint: '/var/lib/docker',
        },
      },
      overrides: { ...new HostConfig()._toModel(), hostname: name },
    }).content;
    return { doc, attr: doc.resource.libvirt_ignition ? 'content' : 'user_data', alone };
  }

  test.each(cases)('%s: each host receives exactly what rendering it alone gives', (_n, os, image) => {
    const { doc, attr, alone } = fleet(os, image);
    // the payloads are Terraform expressions over the fleet's template (lib/cli/terraform-eval.ts
    // evaluates them as Terraform does; the test below runs Terraform itself)
    const values = new StackValues(doc.locals);
    const entries = values.expand(Object.values<any>(doc.resource.libvirt_ignition ?? doc.resource.libvirt_cloudinit_disk)[0]) as Record<string, any>;
    const domains = values.expand(Object.values<any>(doc.resource.libvirt_domain)[0]) as Record<string, any>;
    expect(Object.keys(entries).sort()).toEqual([...names].sort());
    for (const name of names) {
      const wwn = domains[name].disk[1].wwn;
      expect(wwn).toMatch(/^5[0-9a-f]{15}$/);
      expect(entries[name][attr]).toBe(alone(name, wwn));
    }
    expect(os().firstBootFormat).not.toBe(FirstBootFormat.BOTTLEROCKET_TOML);
  });

  const terraform = findTerraformBinary();
  describeWithTools([['terraform', terraform]])('through real Terraform', () => {
    test.each(cases)('%s: the payload Terraform computes for each host is exactly what rendering it alone gives', async (_n, os, image) => {
      requireTools([['terraform', terraform]]);
      const { doc, attr, alone } = fleet(os, image);
      const s = await standIn(terraform, doc);
      try {
        const planned = plannedInputs(await s.plan());
        const media = Object.entries(planned).find(([k]) => /^libvirt_(ignition|cloudinit_disk)\./.test(k))![1];
        const domains = Object.entries(planned).find(([k]) => k.startsWith('libvirt_domain.'))![1];
        expect(Object.keys(media).sort()).toEqual([...names].sort());
        for (const name of names) expect(media[name][attr]).toBe(alone(name, domains[name].disk[1].wwn));
      } finally {
        s.remove();
      }
    });
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
    const per = new StackValues(doc.locals).expand(Object.values<any>(doc.resource.libvirt_ignition ?? doc.resource.libvirt_cloudinit_disk)[0]) as Record<string, any>;
    expect(Object.keys(per)).toEqual(['lab-0', 'lab-1']);
    for (const name of ['lab-0', 'lab-1']) {
      const deployed = per[name].content ?? per[name].user_data;
      expect(deployed).toBe(os().renderFirstBoot(host(), { platform: Platform.LIBVIRT, hostname: name }).content);
    }
  });
});
