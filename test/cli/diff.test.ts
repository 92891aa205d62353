/**
 * `cdktf-docker-fleet diff OLD NEW` run as a child process against pairs of apps synthesized
 * into temporary directories: what changes on the hosts, what each change does to the fleet,
 * and the exit codes pipelines gate on (0 nothing on the hosts, 1 hosts change).
 */
import { App, TerraformStack } from 'cdktf';
import { AwsDockerFleet, AwsImage, ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtProvider, UpdatePolicy, Weekday } from '../../lib';
import { ED25519_KEY } from '../helpers/fixtures';
import { NETWORK, awsStack, runCli, synthApp } from './cli-helpers';

interface Variant {
  readonly image?: string;
  readonly hostCount?: number;
  readonly config?: string;
  readonly labHosts?: number;
  readonly labSysctl?: string;
  readonly labCidr?: string;
  readonly policyDay?: Weekday;
  readonly extraFleet?: boolean;
}

function host(v: Variant, image = v.image ?? 'nginx:1.27'): HostConfig {
  const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY], sysctls: { 'net.core.somaxconn': v.labSysctl ?? '4096' } });
  h.addFile({ path: '/etc/app/app.conf', content: v.config ?? 'listen: 8080\nlog: info\nworkers: 4\n' });
  h.addContainer({ name: 'web', image, ports: ['80:80'], environment: { MODE: 'prod' } });
  return h;
}

function build(v: Variant = {}): (app: App) => void {
  return (app) => {
    const aws = awsStack(app, 'aws');
    new AwsDockerFleet(aws, 'web', {
      os: ContainerOs.flatcar(), hostCount: v.hostCount ?? 3, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK,
      hostConfig: host(v), updatePolicy: UpdatePolicy.maintenanceWindow({ days: [v.policyDay ?? Weekday.SATURDAY], startTime: '22:00', durationMinutes: 120 }),
    });
    if (v.extraFleet) {
      new AwsDockerFleet(aws, 'extra', { os: ContainerOs.alpine(), hostCount: 2, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK, hostConfig: host({}) });
    }
    const lab = new TerraformStack(app, 'lab');
    new LibvirtProvider(lab, 'libvirt', { uri: 'qemu:///system' });
    new LibvirtDockerFleet(lab, 'lab', { os: ContainerOs.flatcar(), hostCount: v.labHosts ?? 2, hostConfig: host({ labSysctl: v.labSysctl }, 'nginx:1.27'), networkCidr: v.labCidr });
  };
}

describe('cdktf-docker-fleet diff', () => {
  let base: string;
  beforeAll(() => {
    base = synthApp(build());
  });

  test('exits 0 and says there is no host change between two synths of the same app', () => {
    const r = runCli(['diff', base, synthApp(build())]);
    expect(r).toEqual({ code: 0, stderr: '', stdout: expect.stringMatching(/^no host change in 2 fleets \(/) });
  });

  test('exits 1 and says "rolling instance refresh" of the ASG\'s hosts when a container image changes, showing only that change', () => {
    const r = runCli(['diff', base, synthApp(build({ image: 'nginx:1.28' }))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(1).join('\n')).toBe([
      '',
      '== aws/web ==',
      'effect: new launch-template version → rolling instance refresh of 3 hosts',
      '~ container web',
      '    @@ -1,4 +1,4 @@',
      '    -image: nginx:1.27',
      '    +image: nginx:1.28',
      '     ports: 80:80',
      '     env:',
      '       MODE=prod',
      '',
    ].join('\n'));
    expect(r.stdout.split('\n')[0]).toMatch(/^1 of 2 fleets change on the hosts \(.* → .*\)$/);
  });

  test('shows a unified diff of a changed file\'s text', () => {
    const r = runCli(['diff', base, synthApp(build({ config: 'listen: 8080\nlog: debug\nworkers: 4\n' }))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain([
      '~ file /etc/app/app.conf',
      '    @@ -1,5 +1,5 @@',
      '    -mode 0644, 34 bytes',
      '    +mode 0644, 35 bytes',
      '     content:',
      '       | listen: 8080',
      '    -  | log: info',
      '    +  | log: debug',
      '       | workers: 4',
    ].join('\n'));
  });

  test('shows a changed update policy as the OS reads it', () => {
    const r = runCli(['diff', base, synthApp(build({ policyDay: Weekday.SUNDAY }))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('~ update policy');
    expect(r.stdout).toContain('    -LOCKSMITHD_REBOOT_WINDOW_START="Sat 22:00"\n    +LOCKSMITHD_REBOOT_WINDOW_START="Sun 22:00"\n');
  });

  test('exits 1 and says "re-provisions host" for the libvirt hosts whose payload changed', () => {
    const r = runCli(['diff', base, synthApp(build({ labSysctl: '8192' }))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('== lab/lab ==\neffect: re-provisions host lab-0, lab-1 (new first-boot payload → new root volume and domain; Docker data volumes are kept)\n'
      + 'on each of lab-0, lab-1:\n  ~ sysctls\n      @@ -1,1 +1,1 @@\n      -net.core.somaxconn = 4096\n      +net.core.somaxconn = 8192\n');
  });

  test('says which libvirt hosts are created and destroyed, and re-provisions none of the others', () => {
    const three = synthApp(build({ labHosts: 3 }));
    const up = runCli(['diff', base, three]);
    expect(up.code).toBe(1);
    expect(up.stdout).toContain('== lab/lab ==\neffect: creates host lab-2\n');
    expect(up.stdout).not.toContain('re-provisions');
    expect(runCli(['diff', three, base]).stdout).toContain('== lab/lab ==\neffect: destroys host lab-2\n');
  });

  test('exits 1 and says the network is replaced, not the hosts\' payloads, when the addresses move (a new network CIDR forces a new libvirt_network)', () => {
    const r = runCli(['diff', base, synthApp(build({ labCidr: '10.44.0.0/24' }))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^effect: Terraform replaces libvirt_network\.lab_network_[0-9A-F]+ \(dmacvicar\/libvirt 0\.8\.3\): the hosts' network is destroyed and created again$/m);
    expect(r.stdout).toContain('    addresses[0]: "10.17.3.0/24" → "10.44.0.0/24" (forces replacement)\n');
    expect(r.stdout).not.toContain('re-provisions');
  });

  test('exits 1 and says which hosts the ASG launches when only its size moved', () => {
    const r = runCli(['diff', base, synthApp(build({ hostCount: 5 }))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('== aws/web ==\neffect: launches 2 hosts (desired capacity 3 → 5)\n~ auto scaling group.desired_capacity: 3 → 5\n');
  });

  test('reports a new fleet and a removed one with the hosts they create or destroy', () => {
    const more = synthApp(build({ extraFleet: true }));
    const added = runCli(['diff', base, more]);
    expect(added.code).toBe(1);
    expect(added.stdout).toContain('== aws/extra ==\nnew fleet (Alpine Linux (3.25)) → creates 2 hosts\n');
    expect(runCli(['diff', more, base]).stdout).toContain('== aws/extra ==\nfleet removed (Alpine Linux (3.25)) → destroys 2 hosts\n');
  });
});

describe('cdktf-docker-fleet diff on a Bottlerocket ECS fleet', () => {
  function ecsApp(image: string, extra = false): (app: App) => void {
    return (app) => {
      const aws = awsStack(app, 'aws');
      const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
      h.addContainer({ name: 'web', image, ports: ['80:80'], environment: { MODE: 'prod' } });
      if (extra) h.addContainer({ name: 'exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', ports: ['9100:9100'] });
      new AwsDockerFleet(aws, 'ecs', {
        os: ContainerOs.bottlerocket(), hostCount: 3, instanceType: 't3.small', image: AwsImage.pinned('ami-0123456789abcdef0'), ...NETWORK, hostConfig: h,
      });
    };
  }

  test('says ECS replaces the container\'s task on each host, not a rolling instance refresh, when its image changes', () => {
    const r = runCli(['diff', synthApp(ecsApp('nginx:1.27')), synthApp(ecsApp('nginx:1.28'))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('effect: ECS replaces the task of web on each host (a new task-definition revision or service; the hosts stay)');
    expect(r.stdout).toContain('~ ECS container web\n');
    expect(r.stdout).toContain('-image: nginx:1.27');
    expect(r.stdout).toContain('+image: nginx:1.28');
    expect(r.stdout).not.toContain('rolling instance refresh');
  });

  test('shows a new ECS container as added', () => {
    const r = runCli(['diff', synthApp(ecsApp('nginx:1.27')), synthApp(ecsApp('nginx:1.27', true))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('+ ECS container exporter');
    expect(r.stdout).not.toContain('rolling instance refresh');
  });
});
