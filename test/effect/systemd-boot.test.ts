/**
 * systemd, for real: each systemd OS's payload applied by Ignition into a copy of the cached
 * Debian root, checked with `systemd-analyze verify --root`, then booted once with systemd as
 * PID 1 in systemd-nspawn (first boot: presets applied), with a fake docker that records its
 * argv and fake dockerd/containerd. There is no data disk in the container (nspawn has no udev
 * and the script skips loop devices), so each boot is also the "no data disk" boot (bug 4).
 * Both boots run at once; each is bounded by a timeout and never registered with machined.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContainerOs } from '../../lib';
import { TOOLS, copyRoot, dockerCalls, rmrf, run, runOk, scratch } from '../helpers/effect';
import { IgnitionOs, PROBED_UNITS, addOsUsers, applyIgnition, unitProps, writeProbe, writeVendorUnits } from '../helpers/effect-ignition';
import { CONTAINERS, DROP_IN, ENV_FILE_DIR, UNIT, effectHost, expectedEnvFile, expectedRunArgv } from '../helpers/effect-fixtures';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.ignition, TOOLS.systemctl, TOOLS.systemdAnalyze, TOOLS.nspawn, TOOLS.debootstrap];
const OSES: Array<[IgnitionOs, () => ContainerOs]> = [['fcos', () => ContainerOs.fedoraCoreOs()], ['flatcar', () => ContainerOs.flatcar()]];
const CONTAINER_UNITS = CONTAINERS.map((c) => `container-${c.name}.service`);
const BOOT_TIMEOUT_MS = 200_000;

jest.setTimeout(420_000);

let work: string;
beforeAll(() => { work = scratch('boot'); });
afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

interface Booted { root: string; verify: string; boot: { code: number | null; ms: number; out: string } }
let booted: Promise<Record<string, Booted>> | undefined;

async function prepareAndBoot(os: IgnitionOs, make: () => ContainerOs): Promise<Booted> {
  const root = path.join(work, os);
  fs.mkdirSync(root);
  await copyRoot(root);
  await addOsUsers(root);
  writeVendorUnits(root, { daemons: true, os });
  await applyIgnition(root, make().renderFirstBoot(effectHost({ systemd: true })).content, path.join(work, `${os}-ignition`));
  // every unit the payload wrote, verified inside the root it will run in
  const written = fs.readdirSync(path.join(root, 'etc/systemd/system')).filter((u) => /\.(service|mount)$/.test(u)).map((u) => `/etc/systemd/system/${u}`);
  const v = await run('systemd-analyze', ['verify', `--root=${root}`, '--man=no', ...written], { timeoutMs: 60_000 });
  const verify = `rc=${v.code}\n${v.stdout}${v.stderr}`;
  writeProbe(root, [...PROBED_UNITS, ...CONTAINER_UNITS, UNIT.name], CONTAINERS.length);
  // Debian's interactive first-boot wizard; FCOS and Flatcar do not run it (no console here).
  fs.symlinkSync('/dev/null', path.join(root, 'etc/systemd/system/systemd-firstboot.service'));
  // The container has only loopback (--private-network): Debian's networkd wait-online would
  // hold network-online.target for its 120 s timeout; a real host has a network.
  fs.symlinkSync('/dev/null', path.join(root, 'etc/systemd/system/systemd-networkd-wait-online.service'));
  // Bound the power-off too: a unit that ignores SIGTERM must not hold the test for 90 s.
  fs.mkdirSync(path.join(root, 'etc/systemd/system.conf.d'), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc/systemd/system.conf.d/effect.conf'), '[Manager]\nDefaultTimeoutStopSec=10s\n');
  // first boot: systemd applies the presets (Ignition's 20-ignition.preset) as FCOS/Flatcar do
  fs.writeFileSync(path.join(root, 'etc/machine-id'), 'uninitialized\n');
  const b = await run('systemd-nspawn', ['-q', '--register=no', '--keep-unit', '--private-network', '--console=pipe', '-D', root, '--boot'],
    { timeoutMs: BOOT_TIMEOUT_MS });
  return { root, verify, boot: { code: b.code, ms: b.ms, out: (b.stdout + b.stderr).slice(-4000) } };
}

function boots(): Promise<Record<string, Booted>> {
  if (!booted) {
    booted = Promise.all(OSES.map(([os, make]) => prepareAndBoot(os, make))).then((all) => Object.fromEntries(OSES.map(([os], i) => [os, all[i]])));
  }
  return booted;
}

const mono = (p: Record<string, string>, k: string) => Number(p[k]);

describeWithTools(CHECKS)('a real boot with systemd as PID 1 (systemd-nspawn)', () => {
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
      console.log(`${os}: boot took ${b.boot.ms} ms`);
    });

    test('starts docker.service, containerd and every container unit, and no unit fails', async () => {
      const { root } = (await boots())[os];
      for (const u of ['docker.service', 'containerd.service', ...CONTAINER_UNITS]) expect([u, unitProps(root, u).ActiveState]).toEqual([u, 'active']);
      expect(fs.readFileSync(path.join(root, 'var/log/effect/failed'), 'utf8')).toBe('');
      expect(fs.readFileSync(path.join(root, 'var/log/fake-daemons'), 'utf8')).toMatch(/ dockerd -H fd:\/\/\n/);
    });

    test('runs each container with exactly the intended docker run argv', async () => {
      const { root } = (await boots())[os];
      const runs = dockerCalls(root).filter((a) => a[0] === 'run');
      expect(runs).toEqual(expect.arrayContaining(CONTAINERS.map(expectedRunArgv)));
      for (const c of CONTAINERS) expect(runs.filter((a) => a[3] === c.name)).toEqual([expectedRunArgv(c)]);
    });

    test('leaves env files holding exactly the intended values', async () => {
      const { root } = (await boots())[os];
      for (const c of CONTAINERS) {
        const want = expectedEnvFile(c);
        if (want) expect(fs.readFileSync(path.join(root, ENV_FILE_DIR, `${c.name}.env`), 'utf8')).toBe(want);
      }
    });

    test('retries a failing first pull and runs the container only after the retry succeeded', async () => {
      const { root } = (await boots())[os];
      for (const c of CONTAINERS) {
        const calls = dockerCalls(root).map((a) => a.join(' '));
        const pulls = calls.map((a, i) => [a, i] as const).filter(([a]) => a === `pull ${c.image}`).map(([, i]) => i);
        const runAt = calls.findIndex((a) => a.startsWith(`run --rm --name ${c.name} `));
        expect(pulls.length).toBeGreaterThanOrEqual(2);
        expect(runAt).toBeGreaterThan(pulls[1]);
      }
      expect(fs.readFileSync(path.join(root, 'var/log/effect/journal'), 'utf8')).toContain('fake docker: first pull fails on purpose');
    });

    test('starts containers after docker and after the data volume units, as ordered', async () => {
      const { root } = (await boots())[os];
      const docker = unitProps(root, 'docker.service');
      const prepare = unitProps(root, 'docker-fleet-data-volume.service');
      for (const u of CONTAINER_UNITS) {
        const p = unitProps(root, u);
        expect(p.After.split(' ')).toEqual(expect.arrayContaining(['docker.service', 'var-lib-docker.mount']));
        expect(mono(p, 'InactiveExitTimestampMonotonic')).toBeGreaterThanOrEqual(mono(docker, 'ActiveEnterTimestampMonotonic'));
        expect(mono(p, 'InactiveExitTimestampMonotonic')).toBeGreaterThanOrEqual(mono(prepare, 'ActiveEnterTimestampMonotonic'));
      }
      expect(mono(docker, 'InactiveExitTimestampMonotonic')).toBeGreaterThanOrEqual(mono(prepare, 'ActiveEnterTimestampMonotonic'));
    });

    test('without a data disk keeps Docker on the root disk with a warning in the journal, and fails nothing (bug 4)', async () => {
      const { root } = (await boots())[os];
      expect(unitProps(root, 'docker-fleet-data-volume.service')).toMatchObject({ ActiveState: 'active', Result: 'success' });
      expect(unitProps(root, 'var-lib-docker.mount')).toMatchObject({ ActiveState: 'inactive', ConditionResult: 'no' });
      expect(unitProps(root, 'docker.service').ActiveState).toBe('active');
      expect(fs.readFileSync(path.join(root, 'var/log/effect/journal'), 'utf8')).toMatch(/WARNING: no blank data disk appeared after 60 s; Docker stays on the root disk/);
    });

    test('applies the user\'s drop-in to docker.service and runs the user\'s own unit', async () => {
      const { root } = (await boots())[os];
      expect(unitProps(root, 'docker.service').Environment).toContain('EFFECT_DROPIN=1');
      expect(unitProps(root, UNIT.name)).toMatchObject({ Result: 'success' });
      expect(fs.readFileSync(path.join(root, 'var/log/effect/journal'), 'utf8')).toMatch(/hello\n/);
      expect(DROP_IN.unit).toBe('docker.service');
    });
  });
});
