/**
 * Docker Swarm drain/reactivate with systemd as PID 1 (systemd-nspawn): the swarm's units as a
 * Fedora CoreOS manager gets them, enabled from their [Install] sections, in a copy of the
 * cached Debian root with stand-in docker.service/docker.socket and the stateful fake docker.
 * A probe waits for the swarm to form, then runs `systemctl stop docker.service` and
 * `systemctl start docker.service`: the node must be drained before Docker stopped and be
 * active again after Docker started, by systemd's own ordering.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContainerOs } from '../../lib';
import { swarmAdditions } from '../../lib/swarm/swarm-host';
import { TOOLS, copyRoot, rmrf, run, runOk, scratch } from '../helpers/effect';
import { addOsUsers, writeVendorUnits } from '../helpers/effect-ignition';
import { FAKE_AWS, FAKE_DOCKER, FAKE_IMDS } from '../helpers/swarm-fakes';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.systemctl, TOOLS.nspawn, TOOLS.debootstrap];
jest.setTimeout(420_000);

function write(root: string, p: string, text: string | Buffer, mode = 0o644): void {
  const f = path.join(root, p);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text, { mode });
  fs.chmodSync(f, mode);
}

describeWithTools(CHECKS)('Docker Swarm units under systemd as PID 1 (systemd-nspawn)', () => {
  let work: string;
  beforeAll(() => { work = scratch('swarm-boot'); });
  afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

  test('stopping docker.service drains the manager first; starting it again reactivates the node', async () => {
    requireTools(CHECKS);
    const root = path.join(work, 'root');
    fs.mkdirSync(root);
    await copyRoot(root);
    await addOsUsers(root);
    writeVendorUnits(root, { daemons: true, os: 'fcos' });
    const add = swarmAdditions(ContainerOs.fedoraCoreOs(), { backend: 'ssm', role: 'manager', managerCount: 1, parameterPath: '/docker-swarm/boot', slots: [], workerDownMinutes: 60 });
    for (const f of add.files) write(root, f.path.slice(1), f.contents, f.mode);
    for (const u of add.units) write(root, `etc/systemd/system/${u.name}`, u.contents!);
    write(root, 'usr/bin/docker', FAKE_DOCKER, 0o755);
    write(root, 'usr/local/bin/aws', FAKE_AWS, 0o755);
    write(root, 'usr/local/bin/imds', FAKE_IMDS, 0o755);
    // test hooks for the script, and the fakes' state directories
    write(root, 'etc/systemd/system/docker-swarm.service.d/10-effect.conf', '[Service]\n'
      + 'Environment=SWARM_AWS=/usr/local/bin/aws SWARM_IMDS=/usr/local/bin/imds SWARM_SLEEP=0.5 SWARM_HOSTNAME=ip-10-0-1-7\n'
      + 'Environment=FAKE_SWARM=/var/lib/fake-swarm FAKE_LOCAL=/var/lib/fake-local FAKE_SSM=/var/lib/fake-ssm FAKE_HOST=ip-10-0-1-7 FAKE_INSTANCE=i-0000000000000007 FAKE_IP=10.0.1.7\n');
    fs.mkdirSync(path.join(root, 'var/lib/fake-ssm'), { recursive: true });
    // when Docker itself stops and starts, in the same log as the fake docker's calls
    write(root, 'etc/systemd/system/docker.service.d/10-effect.conf', '[Service]\n'
      + "ExecStartPost=/bin/sh -c 'mkdir -p /var/lib/fake-swarm && echo docker.service started >>/var/lib/fake-swarm/calls'\n"
      + "ExecStopPost=/bin/sh -c 'echo docker.service stopped >>/var/lib/fake-swarm/calls'\n");
    // enable the swarm's units from their [Install] sections (multi-user.target, docker.service, timers.target)
    await runOk('systemctl', [`--root=${root}`, 'enable', 'docker.service', 'docker.socket', 'docker-swarm.service', 'docker-swarm-maintain.timer'], { timeoutMs: 60_000 });
    expect(fs.readlinkSync(path.join(root, 'etc/systemd/system/docker.service.wants/docker-swarm.service'))).toBe('/etc/systemd/system/docker-swarm.service');
    write(root, 'usr/local/sbin/effect-probe', `#!/bin/bash
calls=/var/lib/fake-swarm/calls
wait_for() { for i in $(seq 1 60); do grep -q -- "$1" "$calls" 2>/dev/null && return 0; sleep 0.5; done; return 1; }
wait_for 'node update --label-add\\|swarm join-token -q worker'
sleep 1
systemctl stop docker.service
echo "probe: docker stopped" >>"$calls"
systemctl start docker.service
wait_for 'availability active'
systemctl show docker-swarm.service -p ActiveState,SubState,Result >/var/log/swarm-unit.show
journalctl -b --no-pager -o short-monotonic >/var/log/effect-journal
systemctl poweroff --no-block
`, 0o755);
    write(root, 'etc/systemd/system/effect-probe.service', '[Unit]\nDescription=effect-test probe\nAfter=multi-user.target\n\n[Service]\nType=oneshot\nExecStart=/usr/local/sbin/effect-probe\n');
    fs.mkdirSync(path.join(root, 'etc/systemd/system/multi-user.target.wants'), { recursive: true });
    fs.symlinkSync('/etc/systemd/system/effect-probe.service', path.join(root, 'etc/systemd/system/multi-user.target.wants/effect-probe.service'));
    fs.symlinkSync('/dev/null', path.join(root, 'etc/systemd/system/systemd-firstboot.service'));
    fs.symlinkSync('/dev/null', path.join(root, 'etc/systemd/system/systemd-networkd-wait-online.service'));
    write(root, 'etc/systemd/system.conf.d/effect.conf', '[Manager]\nDefaultTimeoutStopSec=10s\n');

    const b = await run('systemd-nspawn', ['-q', '--register=no', '--keep-unit', '--private-network', '--console=pipe', '-D', root, '--boot'], { timeoutMs: 200_000 });
    const calls = fs.existsSync(path.join(root, 'var/lib/fake-swarm/calls')) ? fs.readFileSync(path.join(root, 'var/lib/fake-swarm/calls'), 'utf8').split('\n').filter((l) => l) : [];
    const context = `boot rc=${b.code} in ${b.ms} ms\n${calls.join('\n')}\n${(b.stdout + b.stderr).slice(-2000)}`;
    const at = (re: RegExp, from = 0) => calls.findIndex((l, i) => i >= from && re.test(l));

    expect({ inits: calls.filter((l) => / swarm init /.test(l)), context }).toEqual({ inits: ['ip-10-0-1-7 swarm init --advertise-addr 10.0.1.7'], context });
    const drained = at(/node update --availability drain/);
    const stopped = at(/^docker\.service stopped/);
    expect({ drained, stopped, context }).toEqual({ drained: expect.any(Number), stopped: expect.any(Number), context });
    expect(drained).toBeGreaterThanOrEqual(0);
    expect(drained).toBeLessThan(stopped);
    const restarted = at(/^docker\.service started/, stopped);
    const active = at(/node update --availability active/, restarted);
    expect({ restarted, active, context }).toEqual({ restarted: expect.any(Number), active: expect.any(Number), context });
    expect(restarted).toBeGreaterThan(stopped);
    expect(active).toBeGreaterThan(restarted);
    // the unit stays active after the join, so a later stop runs its ExecStop again
    expect(fs.readFileSync(path.join(root, 'var/log/swarm-unit.show'), 'utf8')).toContain('ActiveState=active');
  });
});
