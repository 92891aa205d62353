/**
 * OpenRC and Docker, for real: Alpine's payload (the cloud-init bootstrap) applied by the real
 * cloud-init (write_files, runcmd, scripts_user) inside a copy of the cached Debian root with
 * OpenRC 0.45.2 and docker.io, /bin/sh being busybox ash (Alpine's shell). runcmd runs the
 * payload's own `rc-update`/`rc-service` commands; docker is an OpenRC service shaped like
 * Alpine's (supervise-daemon running dockerd), so the rendered daemon.json reaches a real
 * dockerd, and the containers run under supervise-daemon from the payload's init scripts.
 * Expectations come from the HostConfig the test wrote, never from the payload.
 *
 * What stands in for Alpine here, and why: `apk add docker` cannot run in a Debian root
 * (docker.io is preinstalled instead); Alpine's sysfs, cgroups, networking, syslog and crond
 * services are small stand-ins (their work is done by systemd-nspawn, busybox syslogd and
 * busybox crond).
 */
import * as fs from 'fs';
import * as path from 'path';
import { AlpineBootstrap, ContainerOs } from '../../lib';
import { TOOLS, nspawnRun, rmrf, scratch } from '../helpers/effect';
import { ALPINE_DAEMON, CONTAINERS, ENV_FILE_DIR, effectHost, expectedEnvFile } from '../helpers/effect-fixtures';
import { copyDockerRoot, dockerLayer, inspected, probeFile, writeDockerProbe } from '../helpers/real-docker';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.nspawn, TOOLS.debootstrap];
const WEB = CONTAINERS.find((c) => (c.ports ?? []).length > 0 && (c.volumes ?? []).length > 0)!;
const HTTP_PORT = WEB.ports![0].split(':')[0];
const [RO_SOURCE, RO_TARGET, RO_MODE] = WEB.volumes![0].split(':');

jest.setTimeout(600_000);

let work: string;
beforeAll(() => { work = scratch('openrc'); });
afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

/**
 * Alpine's docker service (aports community/docker/docker.initd): supervise-daemon runs
 * dockerd with $DOCKER_OPTS, stops it with TERM/60/KILL/10, and needs sysfs, cgroups and net.
 * Its log_proxy output logger is not in Debian; supervise-daemon writes the log file itself.
 */
const ALPINE_DOCKER_INIT = `#!/sbin/openrc-run
supervisor=supervise-daemon
name="Docker Daemon"
command="\${DOCKERD_BINARY:-/usr/sbin/dockerd}"
command_args="\${DOCKER_OPTS}"
supervise_daemon_args="--stdout /var/log/docker.log --stderr /var/log/docker.log"
rc_ulimit="\${DOCKER_ULIMIT:--c unlimited -n 1048576 -u unlimited}"
retry="\${DOCKER_RETRY:-TERM/60/KILL/10}"

depend() {
\tneed sysfs cgroups net
\tafter firewall
}
`;
/** Alpine's boot services the docker service needs; systemd-nspawn already did their work. */
const STAND_INS: Record<string, string> = {
  sysfs: '#!/sbin/openrc-run\ndescription="sysfs (mounted by systemd-nspawn)"\nstart() { return 0; }\n',
  cgroups: '#!/sbin/openrc-run\ndescription="cgroups (mounted by systemd-nspawn)"\nstart() { return 0; }\n',
  networking: '#!/sbin/openrc-run\ndescription="loopback (brought up by systemd-nspawn)"\ndepend() { provide net; }\nstart() { return 0; }\n',
  crond: '#!/sbin/openrc-run\ndescription="busybox crond, as on Alpine"\nsupervisor=supervise-daemon\ncommand=/bin/busybox\ncommand_args="crond -f"\n',
};

/**
 * Runs inside the root: OpenRC's state directory (its own boot would create it), Alpine's
 * syslog (busybox syslogd, for the syslog log driver), the real cloud-init's modules on the
 * payload, then the probe (containers running, inspect, HTTP, restart, stop), then `need docker`
 * both ways: stopping docker stops the containers first, starting a container starts docker.
 */
const DRIVER = `#!/bin/bash
set -u
mkdir -p /run/openrc/{started,starting,stopping,inactive,wasinactive,failed,hotplugged,daemons,options,exclusive,scheduled,init.d,tmp}
echo default >/run/openrc/softlevel
/bin/busybox syslogd -O /var/log/messages
out=/var/log/effect
mkdir -p "$out"
for m in write_files runcmd; do
  cloud-init --file /var/tmp/effect.cfg single --name "$m" --frequency always >"$out/cloud-init-$m.log" 2>&1
  echo "rc=$?" >>"$out/cloud-init-$m.log"
done
# The final stage's scripts_user module runs what runcmd wrote: each executable file of the
# instance's scripts directory (cloudinit/config/cc_scripts_user.py, subp.runparts). Its
# \`single\` mode finds no current instance here (the None source is not linked as one), so the
# same thing is done by hand, with the same exit status rule (any failure fails).
rc=0
for s in /var/lib/cloud/instances/iid-datasource-none/scripts/*; do
  [ -x "$s" ] || continue
  "$s" >>"$out/cloud-init-scripts_user.log" 2>&1 || rc=$?
done
echo "rc=$rc" >>"$out/cloud-init-scripts_user.log"
/usr/local/sbin/effect-probe
rc-service docker stop >"$out/docker-stop.log" 2>&1
echo "rc=$?" >>"$out/docker-stop.log"
docker_up() { [ -S /run/docker.sock ] && docker version >/dev/null 2>&1; }
docker_up && echo up >"$out/docker-after-stop" || echo down >"$out/docker-after-stop"
rc-service container-${WEB.name} start >"$out/need-docker.log" 2>&1
echo "rc=$?" >>"$out/need-docker.log"
for _ in $(seq 1 60); do [ "$(docker inspect --format '{{.State.Running}}' ${WEB.name} 2>/dev/null)" = true ] && break; sleep 1; done
docker inspect --format '{{.State.Running}}' ${WEB.name} >"$out/need-docker-running" 2>&1
rc-service container-${WEB.name} stop >/dev/null 2>&1
rc-service docker stop >/dev/null 2>&1
cp /var/log/messages "$out/messages" 2>/dev/null
cp /var/log/docker.log "$out/docker.log" 2>/dev/null
exit 0
`;

let result: Promise<{ root: string; code: number | null; out: string; ms: number }> | undefined;

function boot(): NonNullable<typeof result> {
  if (!result) {
    result = (async () => {
      const doc = ContainerOs.alpine({ bootstrap: AlpineBootstrap.CLOUD_INIT }).renderFirstBoot(effectHost({ systemd: false })).content;
      const root = path.join(work, 'alpine');
      fs.mkdirSync(root);
      await copyDockerRoot(root);
      fs.writeFileSync(path.join(root, 'var/tmp/effect.cfg'), doc);
      // No cloud here: the None data source (cloudinit/sources/DataSourceNone.py) lets
      // `single` run modules from the --file config alone.
      fs.writeFileSync(path.join(root, 'etc/cloud/cloud.cfg.d/99-effect.cfg'), 'datasource_list: [ None ]\n');
      // Debian's own init scripts are not Alpine's (hwclock.sh needs Debian's mountdevsubfs):
      // the root's /etc/init.d holds what an Alpine host has for this test, nothing else.
      for (const f of fs.readdirSync(path.join(root, 'etc/init.d'))) fs.rmSync(path.join(root, 'etc/init.d', f));
      fs.writeFileSync(path.join(root, 'etc/init.d/docker'), ALPINE_DOCKER_INIT, { mode: 0o755 });
      for (const [name, text] of Object.entries(STAND_INS)) fs.writeFileSync(path.join(root, 'etc/init.d', name), text, { mode: 0o755 });
      fs.mkdirSync(path.join(root, 'etc/crontabs'), { recursive: true });
      fs.writeFileSync(path.join(root, 'etc/crontabs/root'), '');
      // the effect image, imported under the containers' image names once dockerd answers
      fs.copyFileSync(dockerLayer().image, path.join(root, 'var/lib/effect-image.tar'));
      const load = ['docker import --change \'ENTRYPOINT ["/entrypoint.sh"]\' /var/lib/effect-image.tar effect/image:1 >/dev/null',
        ...CONTAINERS.map((c) => `docker tag effect/image:1 '${c.image}'`)].join('\n');
      // Alpine's docker service is started by runcmd; the images must be there before the
      // containers' services pull: a start_post of the docker service (stand-in for a registry).
      fs.appendFileSync(path.join(root, 'etc/init.d/docker'), `\nstart_post() {\n\tfor _ in $(seq 1 60); do docker version >/dev/null 2>&1 && break; sleep 1; done\n\tdocker image inspect effect/image:1 >/dev/null 2>&1 || {\n${load}\n\t}\n}\n`);
      writeDockerProbe(root, {
        EFFECT_INIT: 'openrc',
        EFFECT_CONTAINERS: CONTAINERS.map((c) => c.name).join(' '),
        EFFECT_HTTP: HTTP_PORT,
        EFFECT_RO: `${WEB.name}:${RO_TARGET}`,
        EFFECT_RESTART: WEB.name,
        EFFECT_STOP: CONTAINERS.map((c) => c.name).join(' '),
      });
      fs.writeFileSync(path.join(root, 'usr/local/sbin/effect-openrc'), DRIVER, { mode: 0o755 });
      // Alpine's /bin/sh is busybox ash: openrc-run, the init scripts and the wrappers run under it
      fs.rmSync(path.join(root, 'bin/sh'));
      fs.symlinkSync('/bin/busybox', path.join(root, 'bin/sh'));
      const r = await nspawnRun(root, ['/usr/local/sbin/effect-openrc'], {
        timeoutMs: 400_000, extra: ['--private-network', '--system-call-filter=@keyring bpf'], env: { SYSTEMD_NSPAWN_UNIFIED_HIERARCHY: '1' },
      });
      return { root, code: r.code, out: (r.stdout + r.stderr).slice(-4000), ms: r.ms };
    })();
  }
  return result;
}

const log = (root: string, name: string) => probeFile(root, name) ?? '';

describeWithTools(CHECKS)('OpenRC with a real dockerd: Alpine\'s payload applied by cloud-init, services run by OpenRC', () => {
  beforeEach(() => requireTools(CHECKS));

  test('cloud-init applies write_files and runcmd, and runs the runcmd script, without an error', async () => {
    const { root, code, out, ms } = await boot();
    expect({ code, out: code === 0 ? '' : out }).toEqual({ code: 0, out: '' });
    for (const m of ['write_files', 'runcmd', 'scripts_user']) expect([m, log(root, `cloud-init-${m}.log`)]).toEqual([m, expect.stringMatching(/rc=0\n$/)]);
    // eslint-disable-next-line no-console
    console.log(`openrc with a real dockerd took ${ms} ms; probe times:\n${log(root, 'times')}`);
  });

  test('a real dockerd starts under supervise-daemon with the user\'s log driver (syslog)', async () => {
    const { root } = await boot();
    const info = JSON.parse(log(root, 'docker-info.json') || '{}');
    expect({ driver: info.LoggingDriver, dockerLog: info.LoggingDriver ? '' : log(root, 'docker.log').slice(-2000) })
      .toEqual({ driver: ALPINE_DAEMON['log-driver'], dockerLog: '' });
  });

  test('runs each container with exactly the image, command and environment the HostConfig gave', async () => {
    const { root } = await boot();
    for (const c of CONTAINERS) {
      const i = inspected(root, c.name);
      expect({ name: c.name, image: i.Config.Image, cmd: i.Config.Cmd ?? [] }).toEqual({ name: c.name, image: c.image, cmd: c.command ?? [] });
      expect(i.Config.Env).toEqual(expect.arrayContaining(Object.entries(c.environment ?? {}).map(([k, v]) => `${k}=${v}`)));
    }
  });

  test('leaves env files holding exactly the intended values, readable by root only', async () => {
    const { root } = await boot();
    for (const c of CONTAINERS) {
      const want = expectedEnvFile(c);
      if (!want) continue;
      const f = path.join(root, ENV_FILE_DIR, `${c.name}.env`);
      expect([fs.readFileSync(f, 'utf8'), fs.statSync(f).mode & 0o777]).toEqual([want, 0o600]);
    }
  });

  test('publishes the port, mounts the volume read-only, and sends the container\'s output to syslog', async () => {
    const { root } = await boot();
    const reply = log(root, `http-${HTTP_PORT}`);
    expect({ rc: log(root, `http-${HTTP_PORT}.rc`), status: reply.split('\r\n')[0], body: reply.split('\r\n\r\n')[1] })
      .toEqual({ rc: '0\n', status: expect.stringMatching(/^HTTP\/1\.[01] 200 OK$/), body: 'ok\n' });
    const m = inspected(root, WEB.name).Mounts.find((x: any) => x.Destination === RO_TARGET);
    expect({ source: m.Source, rw: m.RW }).toEqual({ source: RO_SOURCE, rw: RO_MODE !== 'ro' });
    expect(log(root, `ro-${WEB.name}`)).toMatch(/Read-only file system[\s\S]*rc=1/);
    expect(log(root, 'messages')).toContain(`started with ${WEB.command!.length} arguments`);
  });

  test('supervise-daemon runs a container again after `docker kill`', async () => {
    const { root } = await boot();
    const r = Object.fromEntries(log(root, `restart-${WEB.name}`).trim().split('\n').map((l) => l.split('=')));
    expect(r.after).toMatch(/^[0-9a-f]{64}$/);
    expect(r.after).not.toBe(r.before);
  });

  test('rc-service stop stops the container: none is left running or stopped', async () => {
    const { root } = await boot();
    for (const c of CONTAINERS) {
      expect([c.name, log(root, `stop-${c.name}.out`)]).toEqual([c.name, expect.stringMatching(/rc=0\n$/)]);
      expect([c.name, log(root, `after-stop-${c.name}`)]).toEqual([c.name, '']);
    }
  });

  test('need docker: stopping docker stops it, and starting a container service starts docker first', async () => {
    const { root } = await boot();
    expect(log(root, 'docker-stop.log')).toMatch(/rc=0\n$/);
    expect(log(root, 'docker-after-stop')).toBe('down\n');
    expect(log(root, 'need-docker.log')).toMatch(/rc=0\n$/);
    expect(log(root, 'need-docker-running')).toBe('true\n');
  });
});
