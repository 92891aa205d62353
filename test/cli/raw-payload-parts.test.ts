/**
 * `explain` and `diff` on payload parts the CLI's readers do not model (Ignition users' groups,
 * `ignition.config.merge`, `kernelArguments`, cloud-config keys beyond the library's, Bottlerocket
 * host-container settings): shown raw, and compared, never called "the same" when they change.
 */
import { App } from 'cdktf';
import { AwsDockerFleet, AwsImage, ContainerOs, FirstBootFragment, HostConfig } from '../../lib';
import { ED25519_KEY } from '../helpers/fixtures';
import { NETWORK, awsStack, runCli, synthApp } from './cli-helpers';

interface Variant {
  readonly groups?: string[];
  readonly ignition?: string;
  readonly cloudConfig?: string;
  readonly bottlerocket?: string;
}

function build(v: Variant = {}): (app: App) => void {
  return (app) => {
    const aws = awsStack(app, 'aws');
    const fleet = (id: string, os: ContainerOs, h: HostConfig) => new AwsDockerFleet(aws, id, {
      os, hostCount: 2, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK, hostConfig: h,
    });
    const fcos = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    fcos.addUser({ name: 'ops', sshAuthorizedKeys: [ED25519_KEY], groups: v.groups ?? ['docker'] });
    if (v.ignition) fcos.addFirstBootFragment(FirstBootFragment.ignition(v.ignition));
    fleet('fcos', ContainerOs.fedoraCoreOs(), fcos);
    const alpine = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    if (v.cloudConfig) alpine.addFirstBootFragment(FirstBootFragment.cloudConfig(v.cloudConfig));
    fleet('alpine', ContainerOs.alpine(), alpine);
    const br = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    if (v.bottlerocket) br.addFirstBootFragment(FirstBootFragment.bottlerocketSettings(v.bottlerocket));
    fleet('br', ContainerOs.bottlerocket(), br);
  };
}

const KARGS = '{"kernelArguments":{"shouldExist":["selinux=0"]}}';
const MERGE = '{"ignition":{"config":{"merge":[{"source":"https://config.example.com/extra.ign"}]}}}';

describe('payload parts the CLI does not model', () => {
  let base: string;
  let fragment: string | undefined;
  const withFragment = () => fragment ??= synthApp(build({ ignition: JSON.stringify({ ...JSON.parse(KARGS), ...JSON.parse(MERGE) }) }));
  beforeAll(() => {
    base = synthApp(build());
  });

  test('explain shows kernelArguments, ignition.config.merge and users\' groups raw', () => {
    const r = runCli(['explain', withFragment()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain([
      'payload parts shown raw (not read by this CLI)',
      '  ignition.config.merge[0].source = "https://config.example.com/extra.ign"',
      '  kernelArguments.shouldExist = ["selinux=0"]',
      '  passwd.users[ops].groups = ["docker"]',
    ].join('\n'));
  });

  test('diff exits 1 and shows a changed Ignition user\'s groups, not "the same"', () => {
    const r = runCli(['diff', base, synthApp(build({ groups: ['docker', 'wheel'] }))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('~ payload parts shown raw (not read by this CLI)\n');
    expect(r.stdout).toContain('    -passwd.users[ops].groups = ["docker"]\n    +passwd.users[ops].groups = ["docker","wheel"]\n');
    expect(r.stdout).not.toContain('the same');
  });

  test('diff exits 1 and shows a new kernel argument and a remote config merged at boot', () => {
    const r = runCli(['diff', base, withFragment()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('    +ignition.config.merge[0].source = "https://config.example.com/extra.ign"\n');
    expect(r.stdout).toContain('    +kernelArguments.shouldExist = ["selinux=0"]\n');
    expect(r.stdout).not.toContain('the same');
  });

  test('diff shows cloud-config keys and Bottlerocket host-container settings the readers do not model', () => {
    const r = runCli(['diff', base, synthApp(build({
      cloudConfig: 'mounts:\n  - [tmpfs, /tmp, tmpfs, "size=64m"]\n',
      bottlerocket: '[settings.host-containers.admin]\nsource = "registry.example.com/admin:9"\n',
    }))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('    +mounts[0] = ["tmpfs","/tmp","tmpfs","size=64m"]\n');
    expect(r.stdout).toContain('    +settings.host-containers.admin.source = "registry.example.com/admin:9"\n');
    expect(r.stdout).not.toContain('the same');
  });
});
