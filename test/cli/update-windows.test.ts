/**
 * `explain` says when each fleet's hosts update and in which order, for every OS: the reboot
 * window or schedule in the payload, the SSM maintenance window a Bottlerocket fleet creates, and
 * how a change of the fleet reaches its hosts.
 */
import { App, TerraformStack } from 'cdktf';
import { AwsDockerFleet, AwsImage, ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtProvider09, UpdatePolicy, Weekday } from '../../lib';
import { ED25519_KEY } from '../helpers/fixtures';
import { NETWORK, awsStack, runCli, synthApp } from './cli-helpers';

const WINDOW = UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:00', durationMinutes: 120 });

function build(app: App): void {
  const aws = awsStack(app, 'aws');
  const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
  h.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'] });
  const fleet = (id: string, os: ContainerOs, updatePolicy: UpdatePolicy) => new AwsDockerFleet(aws, id, {
    os, hostCount: 3, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK, hostConfig: h, updatePolicy,
  });
  fleet('flatcar', ContainerOs.flatcar(), WINDOW);
  fleet('fcos', ContainerOs.fedoraCoreOs(), WINDOW);
  fleet('lock', ContainerOs.fedoraCoreOs(), UpdatePolicy.fleetLock({ url: 'https://fleetlock.example.com' }));
  fleet('alpine', ContainerOs.alpine(), WINDOW);
  fleet('br', ContainerOs.bottlerocket(), WINDOW);
  const lab = new TerraformStack(app, 'lab');
  new LibvirtProvider09(lab, 'libvirt', { uri: 'qemu:///system' });
  new LibvirtDockerFleet(lab, 'lab', { os: ContainerOs.flatcar(), hostCount: 2, hostConfig: h, updatePolicy: WINDOW });
}

function windowOf(stdout: string, fleet: string): string {
  const start = stdout.indexOf(`== ${fleet} ==`);
  const from = stdout.indexOf('update window and rollout\n', start);
  const end = stdout.indexOf('\n== ', start + 1);
  if (start < 0 || from < 0 || (end >= 0 && from > end)) throw new Error(`no update window for ${fleet} in:\n${stdout}`);
  const lines = stdout.slice(from).split('\n').slice(1);
  return lines.slice(0, lines.findIndex((l) => !l.startsWith('  '))).join('\n');
}

describe('cdktf-docker-fleet explain: update windows and rollout order', () => {
  let out: string;
  let text: string;
  beforeAll(() => {
    out = synthApp(build);
    const r = runCli(['explain', out]);
    expect(r).toEqual(expect.objectContaining({ code: 0, stderr: '' }));
    text = r.stdout;
  });

  test('shows the Bottlerocket fleet\'s SSM maintenance window and that it updates one host at a time', () => {
    expect(windowOf(text, 'aws/br')).toBe([
      '  OS updates: SSM maintenance window br-e1d993-bottlerocket-updates: cron(0 22 ? * SAT *) UTC, 2 h (cutoff 0 h)',
      '  order: one host at a time (the update runbook drains, updates and reboots each), stopping at the first host that fails',
      '  fleet change: a new launch template: Rolling instance refresh, in batches that keep 90 % of the hosts in service (10 %, at least one host, at a time), rolled back when it fails',
      '  fleet change: ECS service br-e1d993-web: a new task definition stops and starts its tasks with minimum healthy 50 %',
    ].join('\n'));
  });

  test('shows the reboot window of Flatcar and Fedora CoreOS, and that their hosts are not coordinated', () => {
    expect(windowOf(text, 'aws/flatcar')).toContain('  OS updates: update_engine; REBOOT_STRATEGY=reboot; reboot window Sat 22:00 for 2h\n'
      + '  order: each host on its own after it staged an update, inside the window; hosts are not coordinated');
    expect(windowOf(text, 'aws/fcos')).toContain('  OS updates: Zincati, periodic: Sat at 22:00 UTC for 120 minutes\n'
      + '  order: each host on its own, inside the window; hosts are not coordinated');
  });

  test('shows a FleetLock server as what orders the reboots', () => {
    expect(windowOf(text, 'aws/lock')).toContain('  OS updates: Zincati, fleet_lock at https://fleetlock.example.com\n'
      + '  order: each host asks the FleetLock server before it reboots');
  });

  test('shows Alpine\'s apk upgrade schedule', () => {
    expect(windowOf(text, 'aws/alpine')).toMatch(/^ {2}OS updates: apk upgrade from root's crontab, schedule: minute \S+, hour \S+/);
  });

  test('says libvirt hosts of a changed fleet are replaced by Terraform up to 10 at once, not in a roll', () => {
    expect(windowOf(text, 'lab/lab')).toContain('  fleet change: a new payload: Terraform replaces each changed host\'s root volume and domain, up to 10 at once');
  });

  test('explain --json carries the same lines per fleet', () => {
    const j = JSON.parse(runCli(['explain', out, '--json']).stdout) as { fleets: { fleet: string; updateWindowAndRollout: string[] }[] };
    expect(j.fleets.find((f) => f.fleet === 'aws/br')?.updateWindowAndRollout[0]).toMatch(/^OS updates: SSM maintenance window br-e1d993-bottlerocket-updates: /);
  });
});
