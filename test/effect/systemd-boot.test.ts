/**
 * systemd and Docker, for real: each systemd OS's payload applied by Ignition into a copy of the
 * cached Debian root with docker.io, checked with `systemd-analyze verify --root`, then booted
 * once with systemd as PID 1 in systemd-nspawn (first boot: presets applied). docker.service is
 * the OS's own unit shape around Debian's real dockerd, so the rendered daemon.json, drop-ins and
 * OPTIONS reach a real daemon; the containers run from an offline image tagged with their image
 * names. A probe asks dockerd and systemd what happened. Every expectation comes from the
 * HostConfig the test wrote (test/helpers/effect-fixtures.ts), never from the rendered payload.
 * There is no data disk in the container, so each boot is also the "no data disk" boot.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContainerOs } from '../../lib';
import { TOOLS, rmrf, run, scratch } from '../helpers/effect';
import { PROBED_UNITS, addOsUsers, applyIgnition, unitProps } from '../helpers/effect-ignition';
import { CONTAINERS, DAEMON, DROP_IN, ENV_FILE_DIR, UNIT, effectHost, expectedEnvFile } from '../helpers/effect-fixtures';
import { DockerOs, bootWithDocker, copyDockerRoot, inspected, probeFile, writeDockerProbe, writeImageLoader, writeOsDockerUnits } from '../helpers/real-docker';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.ignition, TOOLS.systemctl, TOOLS.systemdAnalyze, TOOLS.nspawn, TOOLS.debootstrap];
const OSES: Array<[DockerOs, () => ContainerOs]> = [['fcos', () => ContainerOs.fedoraCoreOs()], ['flatcar', () => ContainerOs.flatcar()]];
const CONTAINER_UNITS = CONTAINERS.map((c) => `container-${c.name}.service`);
const BOOT_TIMEOUT_MS = 300_000;
/** The container whose published port, read-only volume and restart are checked. */
const WEB = CONTAINERS.find((c) => (c.ports ?? []).length > 0 && (c.volumes ?? []).length > 0)!;
const HTTP_PORT = WEB.ports![0].split(':')[0];
const [RO_SOURCE, RO_TARGET, RO_MODE] = WEB.volumes![0].split(':');

jest.setTimeout(600_000);

let work: string;
beforeAll(() => { work = scratch('boot'); });
afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

interface Booted { root: string; verify: string; boot: { code: number | null; ms: number; out: string } }
let booted: Promise<Record<string, Booted>> | undefined;

async function prepareAndBoot(os: DockerOs, make: () => ContainerOs): Promise<Booted> {
  const root = path.join(work, os);
  fs.mkdirSync(root);
  await copyDockerRoot(root);
  await addOsUsers(root);
  writeOsDockerUnits(root, os);
  await applyIgnition(root, make().renderFirstBoot(effectHost({ systemd: true })).content, path.join(work, `${os}-ignition`));
  // every unit the payload wrote, verified inside the root it will run in
  const written = fs.readdirSync(path.join(root, 'etc/systemd/system')).filter((u) => /\.(service|mount)$/.test(u)).map((u) => `/etc/systemd/system/${u}`);
  const v = await run('systemd-analyze', ['verify', `--root=${root}`, '--man=no', ...written], { timeoutMs: 60_000 });
  const verify = `rc=${v.code}\n${v.stdout}${v.stderr}`;
  writeImageLoader(root, CONTAINERS.map((c) => c.image));
  writeDockerProbe(root, {
    EFFECT_CONTAINERS: CONTAINERS.map((c) => c.name).join(' '),
    EFFECT_HTTP: HTTP_PORT,
    EFFECT_RO: `${WEB.name}:${RO_TARGET}`,
    EFFECT_RESTART: WEB.name,
    EFFECT_STOP: CONTAINERS.map((c) => c.name).join(' '),
    EFFECT_UNITS: [...PROBED_UNITS, ...CONTAINER_UNITS, UNIT.name].join(' '),
  });
  // No data disk can appear in a container: the data-volume script's test hook shortens its wait.
  fs.mkdirSync(path.join(root, 'etc/systemd/system/docker-fleet-data-volume.service.d'), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc/systemd/system/docker-fleet-data-volume.service.d/90-effect.conf'), '[Service]\nEnvironment=DATA_DISK_WAIT_SECONDS=3\n');
  // Debian's interactive first-boot wizard; FCOS and Flatcar do not run it (no console here).
  fs.symlinkSync('/dev/null', path.join(root, 'etc/systemd/system/systemd-firstboot.service'));
  // The container has only loopback (--private-network): Debian's networkd wait-online would
  // hold network-online.target for its 120 s timeout; a real host has a network.
  fs.symlinkSync('/dev/null', path.join(root, 'etc/systemd/system/systemd-networkd-wait-online.service'));
  // Bound the power-off too: a unit that ignores SIGTERM must not hold the test for 90 s.
  fs.mkdirSync(path.join(root, 'etc/systemd/system.conf.d'), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc/systemd/system.conf.d/effect.conf'), '[Manager]\nDefaultTimeoutStopSec=30s\n');
  // first boot: systemd applies the presets (Ignition's 20-ignition.preset) as FCOS/Flatcar do
  fs.writeFileSync(path.join(root, 'etc/machine-id'), 'uninitialized\n');
  const b = await bootWithDocker(root, BOOT_TIMEOUT_MS);
  return { root, verify, boot: { code: b.code, ms: b.ms, out: (b.stdout + b.stderr).slice(-4000) } };
}

function boots(): Promise<Record<string, Booted>> {
  if (!booted) {
    booted = Promise.all(OSES.map(([os, make]) => prepareAndBoot(os, make))).then((all) => Object.fromEntries(OSES.map(([os], i) => [os, all[i]])));
  }
  return booted;
}

const mono = (p: Record<string, string>, k: string) => Number(p[k]);
const journal = (root: string) => probeFile(root, 'journal') ?? '';

describeWithTools(CHECKS)('a real boot with systemd as PID 1 and a real dockerd (systemd-nspawn)', () => {
  beforeEach(() => requireTools(CHECKS));

  test('fails systemd-analyze verify on a unit whose binary is missing (the check is real)', async () => {
    const root = path.join(work, 'control');
    fs.mkdirSync(path.join(root, 'etc/systemd/system'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/systemd/system/bad.service'), '[Service]\nExecStart=/usr/bin/not-there\n');
    const r = await run('systemd-analyze', ['verify', `--root=${root}`, '--man=no', '/etc/systemd/system/bad.service'], { timeoutMs: 60_000 });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not-there/);
  });

  describe.each(OSES)('%s', (os) => {
    test('every unit the payload writes passes systemd-analyze verify in the root it boots', async () => {
      const b = (await boots())[os];
      expect(b.verify).toBe('rc=0\n');
    });

    test('boots to the probe and powers off within the time limit', async () => {
      const b = (await boots())[os];
      expect({ code: b.boot.code, out: b.boot.code === 0 ? '' : b.boot.out }).toEqual({ code: 0, out: '' });
      // eslint-disable-next-line no-console
      console.log(`${os}: boot with a real dockerd took ${b.boot.ms} ms; probe times:\n${probeFile(b.root, 'times')}`);
    });

    test('a real dockerd starts from the OS\'s docker.service with the user\'s daemon settings, and no unit fails', async () => {
      const { root } = (await boots())[os];
      for (const u of ['docker.service', 'docker.socket']) expect([u, unitProps(root, u).ActiveState]).toEqual([u, 'active']);
      expect(probeFile(root, 'failed')).toBe('');
      const info = JSON.parse(probeFile(root, 'docker-info.json')!);
      expect(info.LoggingDriver).toBe(DAEMON['log-driver']);
    });

    test('runs each container with exactly the image, command and environment the HostConfig gave', async () => {
      const { root } = (await boots())[os];
      for (const c of CONTAINERS) {
        const i = inspected(root, c.name);
        expect({ name: c.name, image: i.Config.Image, cmd: i.Config.Cmd ?? [] }).toEqual({ name: c.name, image: c.image, cmd: c.command ?? [] });
        const want = Object.entries(c.environment ?? {}).map(([k, v]) => `${k}=${v}`);
        expect(i.Config.Env).toEqual(expect.arrayContaining(want));
      }
    });

    test('leaves env files holding exactly the intended values', async () => {
      const { root } = (await boots())[os];
      for (const c of CONTAINERS) {
        const want = expectedEnvFile(c);
        if (want) expect(fs.readFileSync(path.join(root, ENV_FILE_DIR, `${c.name}.env`), 'utf8')).toBe(want);
      }
    });

    test('publishes the container\'s port, and a request to it is answered by the container', async () => {
      const { root } = (await boots())[os];
      const [host, container] = WEB.ports![0].split(':');
      expect(inspected(root, WEB.name).HostConfig.PortBindings).toEqual({ [`${container}/tcp`]: [{ HostIp: '', HostPort: host }] });
      const reply = probeFile(root, `http-${HTTP_PORT}`) ?? '';
      expect({ rc: probeFile(root, `http-${HTTP_PORT}.rc`), status: reply.split('\r\n')[0], body: reply.split('\r\n\r\n')[1] })
        .toEqual({ rc: '0\n', status: expect.stringMatching(/^HTTP\/1\.[01] 200 OK$/), body: 'ok\n' });
    });

    test('mounts the bind volume with its mode, and the kernel refuses a write to a read-only one', async () => {
      const { root } = (await boots())[os];
      const m = inspected(root, WEB.name).Mounts.find((x: any) => x.Destination === RO_TARGET);
      expect({ type: m.Type, source: m.Source, rw: m.RW }).toEqual({ type: 'bind', source: RO_SOURCE, rw: RO_MODE !== 'ro' });
      expect(probeFile(root, `ro-${WEB.name}`)).toMatch(/Read-only file system[\s\S]*rc=1/);
    });

    test('logs through the user\'s log driver: the container\'s output is in the journal under its name', async () => {
      const { root } = (await boots())[os];
      expect(inspected(root, WEB.name).HostConfig.LogConfig.Type).toBe(DAEMON['log-driver']);
      expect(probeFile(root, `journal-${WEB.name}`)).toContain(`started with ${WEB.command!.length} arguments`);
    });

    test('applies the user\'s default ulimits to every container', async () => {
      const { root } = (await boots())[os];
      const { Soft, Hard } = DAEMON['default-ulimits'].nofile;
      for (const c of CONTAINERS) {
        const line = (probeFile(root, `limits-${c.name}`) ?? '').split('\n').find((l) => l.startsWith('Max open files'));
        expect([c.name, line?.split(/\s{2,}/).slice(1, 3)]).toEqual([c.name, [String(Soft), String(Hard)]]);
      }
    });

    test('runs a container again after `docker kill`', async () => {
      const { root } = (await boots())[os];
      const r = Object.fromEntries(probeFile(root, `restart-${WEB.name}`)!.trim().split('\n').map((l) => l.split('=')));
      expect(r.after).toMatch(/^[0-9a-f]{64}$/);
      expect(r.after).not.toBe(r.before);
    });

    test('stops cleanly: the container units end inactive, not failed, and no container is left behind', async () => {
      const { root } = (await boots())[os];
      for (const c of CONTAINERS) {
        expect([c.name, unitProps(root, `container-${c.name}.service`)]).toEqual([c.name, expect.objectContaining({ ActiveState: 'inactive', Result: 'success' })]);
        expect([c.name, probeFile(root, `after-stop-${c.name}`)]).toEqual([c.name, '']);
      }
    });

    test('starts containers after docker and after the data volume units, as ordered', async () => {
      const { root } = (await boots())[os];
      const docker = unitProps(root, 'docker.service');
      const prepare = unitProps(root, 'docker-fleet-data-volume.service');
      for (const u of CONTAINER_UNITS) {
        const p = unitProps(root, u);
        expect(p.After.split(' ')).toEqual(expect.arrayContaining(['docker.service', 'var-lib-docker.mount']));
      }
      expect(mono(docker, 'InactiveExitTimestampMonotonic')).toBeGreaterThanOrEqual(mono(prepare, 'ActiveEnterTimestampMonotonic'));
    });

    test('without a data disk keeps Docker on the root disk with a warning in the journal, and fails nothing', async () => {
      const { root } = (await boots())[os];
      expect(unitProps(root, 'docker-fleet-data-volume.service')).toMatchObject({ ActiveState: 'active', Result: 'success' });
      expect(unitProps(root, 'var-lib-docker.mount')).toMatchObject({ ActiveState: 'inactive', ConditionResult: 'no' });
      expect(journal(root)).toMatch(/WARNING: no blank data disk appeared after 3 s; Docker stays on the root disk/);
    });

    test('applies the user\'s drop-in to docker.service and runs the user\'s own unit', async () => {
      const { root } = (await boots())[os];
      expect(unitProps(root, DROP_IN.unit).Environment).toContain('EFFECT_DROPIN=1');
      expect(unitProps(root, UNIT.name)).toMatchObject({ Result: 'success' });
      expect(journal(root)).toMatch(/hello\n/);
    });
  });
});
