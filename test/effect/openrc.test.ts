/**
 * OpenRC, for real: the init scripts the Alpine renderer writes, run by Debian's OpenRC 0.45.2
 * (`openrc-run`, `supervise-daemon`: the same code Alpine ships) inside systemd-nspawn, with
 * /bin/sh as dash and as busybox ash (Alpine's shell), and a fake docker recording its argv.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AlpineBootstrap, ContainerOs } from '../../lib';
import { FAKE_DOCKER, TOOLS, copyRoot, dockerCalls, fakeDaemon, nspawnRun, rmrf, scratch } from '../helpers/effect';
import { CONTAINERS, ENV_FILE_DIR, effectHost, expectedEnvFile, expectedRunArgv } from '../helpers/effect-fixtures';
import { cloudConfig, cloudConfigFile } from '../helpers/payloads';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.nspawn, TOOLS.debootstrap];
const SHELLS: Array<[string, string]> = [['dash', 'dash'], ['busybox ash', '/bin/busybox']];

jest.setTimeout(300_000);

let work: string;
beforeAll(() => { work = scratch('openrc'); });
afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

/** A stand-in for Alpine's docker service: supervises the fake dockerd. */
const DOCKER_INIT = `#!/sbin/openrc-run
description="fake docker daemon (effect test)"
supervisor=supervise-daemon
command=/usr/bin/dockerd
`;

/** Starts the docker service and each container service, waits for the `docker run` calls, stops them. */
function driver(services: string[]): string {
  return `#!/bin/bash
set -u
# OpenRC's state dir (RC_SVCDIR), which its own boot (init.sh, sysinit) would create.
mkdir -p /run/openrc/{started,starting,stopping,inactive,wasinactive,failed,hotplugged,daemons,options,exclusive,scheduled,init.d,tmp}
echo default >/run/openrc/softlevel
rc=0
/etc/init.d/docker start || rc=1
for s in ${services.join(' ')}; do /etc/init.d/$s start || rc=1; done
for i in $(seq 1 60); do
  n=$(grep -c '^\\["run"' /var/log/fake-docker.argv 2>/dev/null)
  [ "\${n:-0}" -ge ${services.length} ] && break
  sleep 1
done
for s in ${services.join(' ')}; do /etc/init.d/$s status >>/var/log/effect-status 2>&1; /etc/init.d/$s stop || rc=1; done
/etc/init.d/docker stop || rc=1
exit $rc
`;
}

const results = new Map<string, Promise<{ root: string; code: number | null; out: string }>>();

function runWith(shellName: string, shell: string): Promise<{ root: string; code: number | null; out: string }> {
  if (!results.has(shellName)) {
    results.set(shellName, (async () => {
      const doc = ContainerOs.alpine({ bootstrap: AlpineBootstrap.CLOUD_INIT }).renderFirstBoot(effectHost({ systemd: false })).content;
      const root = path.join(work, shellName.replace(/\W/g, '-'));
      fs.mkdirSync(root);
      await copyRoot(root);
      const services = CONTAINERS.map((c) => `container-${c.name}`);
      // the files cloud-init would write for the containers: init scripts and env files
      for (const s of services) fs.writeFileSync(path.join(root, 'etc/init.d', s), cloudConfigFile(doc, `/etc/init.d/${s}`)!, { mode: 0o755 });
      fs.mkdirSync(path.join(root, ENV_FILE_DIR.slice(1)), { recursive: true });
      for (const c of CONTAINERS) {
        const env = cloudConfigFile(doc, `${ENV_FILE_DIR}/${c.name}.env`);
        if (env !== undefined) fs.writeFileSync(path.join(root, ENV_FILE_DIR.slice(1), `${c.name}.env`), env, { mode: 0o600 });
      }
      fs.writeFileSync(path.join(root, 'etc/init.d/docker'), DOCKER_INIT, { mode: 0o755 });
      fs.writeFileSync(path.join(root, 'usr/bin/docker'), FAKE_DOCKER, { mode: 0o755 });
      fs.writeFileSync(path.join(root, 'usr/bin/dockerd'), fakeDaemon('dockerd'), { mode: 0o755 });
      fs.writeFileSync(path.join(root, 'usr/local/sbin/effect-openrc'), driver(services), { mode: 0o755 });
      // /bin/sh is what openrc-run and the wrappers run under
      fs.rmSync(path.join(root, 'bin/sh'));
      fs.symlinkSync(shell, path.join(root, 'bin/sh'));
      const r = await nspawnRun(root, ['/usr/local/sbin/effect-openrc'], { timeoutMs: 150_000, extra: ['--private-network'] });
      return { root, code: r.code, out: r.stdout + r.stderr };
    })());
  }
  return results.get(shellName)!;
}

describeWithTools(CHECKS)('OpenRC init scripts run by openrc-run and supervise-daemon', () => {
  beforeEach(() => requireTools(CHECKS));

  test('the Alpine payload has one init script per container and its env files hold exactly the intended values', () => {
    const doc = ContainerOs.alpine({ bootstrap: AlpineBootstrap.CLOUD_INIT }).renderFirstBoot(effectHost({ systemd: false })).content;
    const y = cloudConfig(doc);
    for (const c of CONTAINERS) {
      expect(cloudConfigFile(doc, `/etc/init.d/container-${c.name}`)).toMatch(/^#!\/sbin\/openrc-run\n/);
      expect(cloudConfigFile(doc, `${ENV_FILE_DIR}/${c.name}.env`)).toBe(expectedEnvFile(c));
      expect(y.runcmd).toEqual(expect.arrayContaining([`rc-update add container-${c.name} default`]));
    }
  });

  describe.each(SHELLS)('with /bin/sh as %s', (name, shell) => {
    test('starts and stops every service cleanly', async () => {
      const r = await runWith(name, shell);
      expect({ code: r.code, out: r.code === 0 ? '' : r.out.slice(-4000) }).toEqual({ code: 0, out: '' });
      const status = fs.readFileSync(path.join(r.root, 'var/log/effect-status'), 'utf8');
      expect(status.match(/started/g)?.length).toBe(CONTAINERS.length);
    });

    test('runs each container with exactly the intended docker run argv (bug 1: no re-splitting)', async () => {
      const r = await runWith(name, shell);
      const runs = dockerCalls(r.root).filter((a) => a[0] === 'run');
      for (const c of CONTAINERS) expect(runs.filter((a) => a[3] === c.name)).toEqual([expectedRunArgv(c)]);
    });

    test('removes a stale container and retries a failing first pull before running', async () => {
      const r = await runWith(name, shell);
      const calls = dockerCalls(r.root).map((a) => a.join(' '));
      for (const c of CONTAINERS) {
        const rm = calls.indexOf(`rm --force ${c.name}`);
        const pulls = calls.map((a, i) => [a, i] as const).filter(([a]) => a === `pull ${c.image}`).map(([, i]) => i);
        const runAt = calls.findIndex((a) => a.startsWith(`run --rm --name ${c.name} `));
        expect(rm).toBeGreaterThanOrEqual(0);
        expect(pulls.length).toBeGreaterThanOrEqual(2);
        expect(runAt).toBeGreaterThan(pulls[1]);
        expect(rm).toBeLessThan(pulls[0]);
      }
    });
  });
});
