/**
 * `explain` and `diff` on fleets synthesized for dmacvicar/libvirt 0.9.7: the payloads are read
 * from their 0.9.7 places (libvirt_ignition `content` and libvirt_cloudinit_disk `user_data`,
 * local files uploaded into the pool) the same way as on 0.8.3.
 */
import { App, TerraformStack } from 'cdktf';
import { ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtProvider09 } from '../../lib';
import { ED25519_KEY } from '../helpers/fixtures';
import { runCli, synthApp } from './cli-helpers';

function build(v: { motd?: string; hosts?: number } = {}) {
  return (app: App) => {
    const lab = new TerraformStack(app, 'lab');
    new LibvirtProvider09(lab, 'libvirt', { uri: 'qemu:///system' });
    const host = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    host.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'] });
    if (v.motd) host.addFile({ path: '/etc/motd', content: v.motd });
    new LibvirtDockerFleet(lab, 'flatcar', { os: ContainerOs.flatcar(), hostCount: v.hosts ?? 3, hostConfig: host });
    new LibvirtDockerFleet(lab, 'alpine', { os: ContainerOs.alpine(), hostCount: 2, hostConfig: host, networkCidr: '10.17.4.0/24' });
  };
}

describe('the CLI on dmacvicar/libvirt 0.9.7 fleets', () => {
  let base: string;
  beforeAll(() => {
    base = synthApp(build());
  });

  test('explain shows each 0.9.7 fleet\'s per-host payloads once, with the provider version', () => {
    const r = runCli(['explain', base]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('platform: libvirt (dmacvicar/libvirt 0.9.7), 3 hosts: flatcar-0, flatcar-1, flatcar-2 (one payload each)');
    expect(r.stdout).toContain('platform: libvirt (dmacvicar/libvirt 0.9.7), 2 hosts: alpine-0, alpine-1 (one payload each)');
    expect(r.stdout).toMatch(/OS: Flatcar Container Linux \(stable\); payload: ignition; delivery: libvirt_ignition/);
    expect(r.stdout).toMatch(/OS: Alpine Linux \([0-9.]+\); payload: alpine-config; delivery: libvirt_cloudinit_disk/);
    expect(r.stdout).toContain('differs between hosts:\n  hostname\n    flatcar-0: flatcar-0\n');
    expect(r.stdout.match(/^container web$/gm)).toHaveLength(2);
  });

  test('explain --json names the provider version of each libvirt fleet', () => {
    const j = JSON.parse(runCli(['explain', base, '--json']).stdout);
    expect(j.fleets.map((f: any) => [f.fleet, f.providerVersion, f.hosts.length])).toEqual([['lab/flatcar', '0.9.7', 3], ['lab/alpine', '0.9.7', 2]]);
  });

  test('diff says a HostConfig change re-provisions every host and a new host creates only that one', () => {
    const changed = runCli(['diff', base, synthApp(build({ motd: 'hello\n' }))]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('== lab/flatcar ==\neffect: re-provisions host flatcar-0, flatcar-1, flatcar-2 (new first-boot payload → new root volume and domain; Docker data volumes are kept)\n');
    const more = runCli(['diff', base, synthApp(build({ hosts: 4 }))]);
    expect(more.stdout).toContain('== lab/flatcar ==\neffect: creates host flatcar-3\n');
    expect(more.stdout).not.toContain('re-provisions');
  });

  test('diff of two synths of the same 0.9.7 app says there is no host change', () => {
    const r = runCli(['diff', base, synthApp(build())]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^no host change in 2 fleets/);
  });
});
