/**
 * `cdktf-docker-fleet diff` on changes that reach the hosts through the fleet's resources rather
 * than its payloads: capacity (hosts terminated or launched), libvirt arguments that force the
 * provider to replace a domain (or, on 0.9.7, to restart it), and a Bottlerocket fleet's update
 * window. Each says what Terraform does to which hosts, and exits 1.
 */
import { App, TerraformStack } from 'cdktf';
import {
  AwsDockerFleet, AwsImage, ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtProvider, LibvirtProvider09, UpdatePolicy, Weekday,
} from '../../lib';
import { ED25519_KEY } from '../helpers/fixtures';
import { NETWORK, awsStack, runCli, synthApp } from './cli-helpers';

interface Variant {
  readonly hostCount?: number;
  readonly name?: string;
  readonly memoryMiB?: number;
  readonly autostart?: boolean;
  readonly windowDay?: Weekday;
}

function hostConfig(): HostConfig {
  const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
  h.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'] });
  return h;
}

function build(v: Variant = {}): (app: App) => void {
  return (app) => {
    const aws = awsStack(app, 'aws');
    new AwsDockerFleet(aws, 'web', {
      os: ContainerOs.flatcar(), hostCount: v.hostCount ?? 3, name: v.name, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'),
      ...NETWORK, hostConfig: hostConfig(),
    });
    new AwsDockerFleet(aws, 'br', {
      os: ContainerOs.bottlerocket(), hostCount: 2, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK,
      hostConfig: hostConfig(),
      updatePolicy: UpdatePolicy.maintenanceWindow({ days: [v.windowDay ?? Weekday.SATURDAY], startTime: '22:00', durationMinutes: 120 }),
    });
    const lab = new TerraformStack(app, 'lab');
    new LibvirtProvider(lab, 'libvirt', { uri: 'qemu:///system' });
    new LibvirtDockerFleet(lab, 'lab', { os: ContainerOs.flatcar(), hostCount: 2, hostConfig: hostConfig(), memoryMiB: v.memoryMiB, autostart: v.autostart });
    const lab9 = new TerraformStack(app, 'lab9');
    new LibvirtProvider09(lab9, 'libvirt', { uri: 'qemu:///system' });
    new LibvirtDockerFleet(lab9, 'lab', { os: ContainerOs.alpine(), hostCount: 2, hostConfig: hostConfig(), memoryMiB: v.memoryMiB });
  };
}

/** The lines of one fleet's block in diff's text. */
function block(stdout: string, fleet: string): string {
  const start = stdout.indexOf(`== ${fleet} ==`);
  if (start < 0) return '';
  const end = stdout.indexOf('\n== ', start + 1);
  return stdout.slice(start, end < 0 ? undefined : end + 1);
}

/** Variants that change different fleets share one synth (each test reads only its fleet's block). */
const MEMORY_HOSTS_WINDOW: Variant = { memoryMiB: 4096, hostCount: 5, windowDay: Weekday.SUNDAY };

describe('cdktf-docker-fleet diff: what Terraform does to the hosts besides their payloads', () => {
  let base: string;
  const synths = new Map<string, string>();
  const synth = (v: Variant) => synths.get(JSON.stringify(v)) ?? synths.set(JSON.stringify(v), synthApp(build(v))).get(JSON.stringify(v))!;
  beforeAll(() => {
    base = synthApp(build());
  });

  test('exits 1 and says every host is terminated when hostCount goes from 3 to 0', () => {
    const r = runCli(['diff', base, synthApp(build({ hostCount: 0 }))]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^1 of 4 fleets change on the hosts/);
    expect(block(r.stdout, 'aws/web')).toBe([
      '== aws/web ==',
      'effect: terminates 3 hosts (desired capacity 3 → 0: every host)',
      '~ auto scaling group.desired_capacity: 3 → 0',
      '~ auto scaling group.min_size: 3 → 0',
      '~ auto scaling group.max_size: 3 → 0',
      '',
    ].join('\n'));
    expect(r.stdout).not.toContain('no host change');
  });

  test('exits 1 and says every host goes with the auto scaling group when its name prefix changes (ForceNew in hashicorp/aws)', () => {
    const r = runCli(['diff', base, synthApp(build({ name: 'web-renamed' }))]);
    expect(r.code).toBe(1);
    const web = block(r.stdout, 'aws/web');
    expect(web).toContain('effect: Terraform replaces the auto scaling group (name_prefix forces replacement in hashicorp/aws): every host is '
      + 'terminated with the old group, then the new group launches new ones\n');
    expect(web).toMatch(/^~ auto scaling group\.name_prefix: "[^"]+" → "web-renamed-[^"]*" \(forces replacement\)$/m);
  });

  test('exits 1 and says which hosts are launched when hostCount grows', () => {
    const r = runCli(['diff', base, synth(MEMORY_HOSTS_WINDOW)]);
    expect(r.code).toBe(1);
    expect(block(r.stdout, 'aws/web')).toContain('effect: launches 2 hosts (desired capacity 3 → 5)\n');
  });

  test('exits 1 and says each domain is destroyed and created again when the libvirt 0.8.3 memory changes (ForceNew)', () => {
    const r = runCli(['diff', base, synth(MEMORY_HOSTS_WINDOW)]);
    expect(r.code).toBe(1);
    const lab = block(r.stdout, 'lab/lab');
    expect(lab).toMatch(/^effect: Terraform replaces libvirt_domain\.lab_host_[0-9A-F]+ of host lab-0, lab-1 \(dmacvicar\/libvirt 0\.8\.3\): each domain is destroyed and defined again: the host is shut off and boots from its volumes$/m);
    expect(lab).toContain('    memory: 2048 → 4096 (forces replacement)\n');
    expect(lab).not.toContain('no host change');
  });

  test('exits 1 and says each domain restarts when the libvirt 0.9.7 memory changes (updated in place by stopping it)', () => {
    const r = runCli(['diff', base, synth(MEMORY_HOSTS_WINDOW)]);
    const lab9 = block(r.stdout, 'lab9/lab');
    expect(lab9).toMatch(/^effect: Terraform updates libvirt_domain\.lab_host_[0-9A-F]+ of host lab-0, lab-1 \(dmacvicar\/libvirt 0\.9\.7\): stopped, redefined and started again: the host restarts$/m);
    expect(lab9).toContain('    memory: 2048 → 4096\n');
  });

  test('exits 0, says "no host change" and names the argument when a libvirt 0.8.3 domain is only updated in place (autostart)', () => {
    const r = runCli(['diff', base, synth({ autostart: false })]);
    expect(r.code).toBe(0);
    const lab = block(r.stdout, 'lab/lab');
    expect(lab).toMatch(/^no host change\n {2}\(not on the hosts\) Terraform updates libvirt_domain\.lab_host_[0-9A-F]+ of host lab-0, lab-1 \(dmacvicar\/libvirt 0\.8\.3\): updated in place while it runs/m);
    expect(lab).toContain('autostart: true → false');
  });

  test('exits 1 and shows the new schedule when the Bottlerocket fleet\'s update window moves', () => {
    const r = runCli(['diff', base, synth(MEMORY_HOSTS_WINDOW)]);
    expect(r.code).toBe(1);
    const br = block(r.stdout, 'aws/br');
    expect(br).toContain('effect: the hosts\' update window changes (the SSM maintenance window that updates them one at a time)\n');
    expect(br).toMatch(/^ {4}schedule: "cron\(0 22 \? \* SAT \*\)" → "cron\(0 22 \? \* SUN \*\)"$/m);
  });
});
