/**
 * Docker Swarm on OpenRC, for real: Alpine's /etc/init.d/docker-swarm run by Debian's OpenRC
 * 0.45.2 (the same openrc-run Alpine ships) in systemd-nspawn, with /bin/sh as busybox ash, a
 * supervised stand-in docker daemon and the stateful fake docker. Stopping the docker service
 * stops docker-swarm first (it `need`s docker), whose stop drains the manager; starting the
 * services again (as the default runlevel does at boot) reactivates it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContainerOs } from '../../lib';
import { swarmAdditions } from '../../lib/swarm/swarm-host';
import { TOOLS, copyRoot, fakeDaemon, nspawnRun, rmrf, scratch } from '../helpers/effect';
import { FAKE_AWS, FAKE_DOCKER, FAKE_IMDS } from '../helpers/swarm-fakes';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.nspawn, TOOLS.debootstrap];
jest.setTimeout(300_000);

const DOCKER_INIT = `#!/sbin/openrc-run
description="fake docker daemon (effect test)"
supervisor=supervise-daemon
command=/usr/bin/dockerd
start_post() { echo "docker service started" >>/var/lib/fake-swarm/calls; }
stop_post() { echo "docker service stopped" >>/var/lib/fake-swarm/calls; }
`;

const ENV = 'SWARM_AWS=/usr/local/bin/aws SWARM_IMDS=/usr/local/bin/imds SWARM_SLEEP=0.5 SWARM_HOSTNAME=ip-10-0-1-8 '
  + 'FAKE_SWARM=/var/lib/fake-swarm FAKE_LOCAL=/var/lib/fake-local FAKE_SSM=/var/lib/fake-ssm FAKE_HOST=ip-10-0-1-8 FAKE_INSTANCE=i-0000000000000008 FAKE_IP=10.0.1.8';

const DRIVER = `#!/bin/bash
set -u
mkdir -p /run/openrc/{started,starting,stopping,inactive,wasinactive,failed,hotplugged,daemons,options,exclusive,scheduled,init.d,tmp}
echo default >/run/openrc/softlevel
mkdir -p /var/lib/fake-swarm /var/lib/fake-ssm
export ${ENV}
calls=/var/lib/fake-swarm/calls
wait_for() { for i in $(seq 1 60); do grep -q -- "$1" "$calls" 2>/dev/null && return 0; sleep 0.5; done; echo "timed out waiting for $1" >&2; return 1; }
/etc/init.d/docker-swarm start
wait_for 'swarm join-token -q worker'
sleep 1
/etc/init.d/docker stop
echo "probe: after docker stop, docker-swarm is $(/etc/init.d/docker-swarm status >/dev/null 2>&1 && echo started || echo stopped)" >>"$calls"
/etc/init.d/docker-swarm start
wait_for 'availability active'
cat /var/log/docker-swarm.log >&2
`;

function write(root: string, p: string, text: string | Buffer, mode = 0o644): void {
  const f = path.join(root, p);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text, { mode });
  fs.chmodSync(f, mode);
}

describeWithTools(CHECKS)('Docker Swarm service under OpenRC (openrc-run in systemd-nspawn)', () => {
  let work: string;
  beforeAll(() => { work = scratch('swarm-openrc'); });
  afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

  test('stopping the docker service drains the manager first; starting the services again reactivates it', async () => {
    requireTools(CHECKS);
    const root = path.join(work, 'root');
    fs.mkdirSync(root);
    await copyRoot(root);
    const add = swarmAdditions(ContainerOs.alpine(), { backend: 'ssm', role: 'manager', managerCount: 1, parameterPath: '/docker-swarm/rc', slots: [], workerDownMinutes: 60 });
    for (const f of add.files) write(root, f.path.slice(1), f.contents, f.mode);
    // openrc-run gives services a clean environment: the test hooks go into the settings file
    fs.appendFileSync(path.join(root, 'etc/docker-swarm/swarm.env'), `export ${ENV}\n`);
    expect(add.packages).toEqual(['aws-cli', 'curl']);
    expect(add.bootCommands).toContain('rc-update add docker-swarm default');
    write(root, 'etc/init.d/docker', DOCKER_INIT, 0o755);
    write(root, 'usr/bin/dockerd', fakeDaemon('dockerd'), 0o755);
    write(root, 'usr/bin/docker', FAKE_DOCKER, 0o755);
    write(root, 'usr/local/bin/aws', FAKE_AWS, 0o755);
    write(root, 'usr/local/bin/imds', FAKE_IMDS, 0o755);
    write(root, 'usr/local/sbin/effect-swarm-openrc', DRIVER, 0o755);
    // Alpine's /bin/sh is busybox ash: openrc-run and the service run under it
    fs.rmSync(path.join(root, 'bin/sh'), { force: true });
    fs.symlinkSync('/bin/busybox', path.join(root, 'bin/sh'));

    const r = await nspawnRun(root, ['/usr/local/sbin/effect-swarm-openrc'], { timeoutMs: 150_000, extra: ['--private-network'] });
    const callsFile = path.join(root, 'var/lib/fake-swarm/calls');
    const calls = fs.existsSync(callsFile) ? fs.readFileSync(callsFile, 'utf8').split('\n').filter((l) => l) : [];
    const context = `rc=${r.code}\n${calls.join('\n')}\n${(r.stdout + r.stderr).slice(-3000)}`;
    const at = (re: RegExp, from = 0) => calls.findIndex((l, i) => i >= from && re.test(l));
    expect({ inits: calls.filter((l) => / swarm init /.test(l)), context }).toEqual({ inits: ['ip-10-0-1-8 swarm init --advertise-addr 10.0.1.8'], context });
    const drained = at(/node update --availability drain/);
    const stopped = at(/^docker service stopped/);
    expect({ order: drained >= 0 && stopped > drained, context }).toEqual({ order: true, context });
    expect(calls[at(/^probe: after docker stop/)]).toBe('probe: after docker stop, docker-swarm is stopped');
    const restarted = at(/^docker service started/, stopped);
    const active = at(/node update --availability active/, restarted);
    expect({ order: restarted > stopped && active > restarted, context }).toEqual({ order: true, context });
    expect(r.code).toBe(0);
  });
});
