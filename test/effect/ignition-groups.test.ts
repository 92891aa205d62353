/**
 * Groups of extra users, for real (issue 13 item 9): each Ignition OS's payload for a user in
 * docker, wheel, sudo, a group the OS ships only in its NSS altfiles database (FCOS: dialout in
 * /usr/lib/group, fedora-coreos-tracker#1955; Flatcar: kvm in /usr/share/baselayout/group,
 * Flatcar#799) and a group no OS ships, applied by Debian's real Ignition into a copy of the
 * cached Debian root whose group databases look like the OS's when Ignition runs
 * (test/helpers/effect-groups.ts), then booted once with systemd as PID 1 (systemd-nspawn).
 *
 * systemd-sysusers is masked in the boot: on the real OSes it finds the altfiles groups through
 * NSS and leaves /etc/group alone, but the Debian root has no altfiles module, so it would
 * create them itself with its own GIDs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContainerOs, HostConfig } from '../../lib';
import { TOOLS, rmrf, run, runOk, scratch } from '../helpers/effect';
import { IgnitionOs, applyIgnition, shapeRoot, unitProps, writeProbe, writeVendorUnits } from '../helpers/effect-ignition';
import { KEY_DEPLOY, KEY_OPS } from '../helpers/effect-fixtures';
import { GroupEntry, SHAPES, readGroups, shapeGroupRoot } from '../helpers/effect-groups';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.ignition, TOOLS.systemctl, TOOLS.systemdAnalyze, TOOLS.nspawn, TOOLS.debootstrap];
const OSES: Array<[IgnitionOs, () => ContainerOs]> = [['fcos', () => ContainerOs.fedoraCoreOs()], ['flatcar', () => ContainerOs.flatcar()]];
/** the group each OS ships only in altfiles, and the GID it has there */
const ALT: Record<IgnitionOs, { group: string; gid: number }> = { fcos: { group: 'dialout', gid: 18 }, flatcar: { group: 'kvm', gid: 78 } };
/** GIDs of the groups each OS has in /etc/group when Ignition runs (the shapes' lines) */
const ETC: Record<IgnitionOs, Record<string, number>> = {
  fcos: { docker: 982, wheel: 10, sudo: 16 },
  flatcar: { docker: 233, wheel: 10, sudo: 150 },
};
const NEW_GROUP = 'deployers';
const UNIT = 'docker-fleet-user-groups.service';
const SCRIPT = '/etc/docker-fleet/user-groups';
const BOOT_TIMEOUT_MS = 200_000;

jest.setTimeout(420_000);

let work: string;
beforeAll(() => { work = scratch('groups'); });
afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

function groupsHost(os: IgnitionOs): HostConfig {
  const h = new HostConfig({ sshAuthorizedKeys: [KEY_OPS] });
  h.addUser({ name: 'deploy', groups: ['docker', 'wheel', 'sudo', ALT[os].group, NEW_GROUP], sshAuthorizedKeys: [KEY_DEPLOY] });
  h.addUser({ name: 'core', groups: [ALT[os].group] });
  return h;
}

interface Prepared {
  root: string;
  /** Ignition's failure, if it failed */
  ignitionError?: string;
  /** /etc/group right after Ignition, before the boot */
  afterIgnition: Record<string, GroupEntry>;
  boot: { code: number | null; ms: number; out: string };
}

async function prepareAndBoot(os: IgnitionOs, make: () => ContainerOs): Promise<Prepared> {
  const root = path.join(work, os, 'root');
  const ign = path.join(work, os, 'ignition');
  // Ignition reads base configs from <IGNITION_SYSTEM_CONFIG_DIR>/base.d (applyIgnition sets it to <ign>/base.d)
  await shapeGroupRoot(root, os, path.join(ign, 'base.d', 'base.d'));
  writeVendorUnits(root, { daemons: true, os });
  let ignitionError: string | undefined;
  const t0 = Date.now();
  try {
    await applyIgnition(root, make().renderFirstBoot(groupsHost(os)).content, ign);
  } catch (e) {
    ignitionError = (e as Error).message;
  }
  // eslint-disable-next-line no-console
  console.log(`${os}: Ignition took ${Date.now() - t0} ms`);
  const afterIgnition = readGroups(path.join(root, 'etc/group'));
  if (ignitionError) return { root, ignitionError, afterIgnition, boot: { code: null, ms: 0, out: '' } };
  writeProbe(root, [UNIT, 'systemd-user-sessions.service'], 0);
  for (const u of ['systemd-firstboot.service', 'systemd-networkd-wait-online.service', 'systemd-sysusers.service']) {
    fs.symlinkSync('/dev/null', path.join(root, 'etc/systemd/system', u));
  }
  fs.mkdirSync(path.join(root, 'etc/systemd/system.conf.d'), { recursive: true });
  fs.writeFileSync(path.join(root, 'etc/systemd/system.conf.d/effect.conf'), '[Manager]\nDefaultTimeoutStopSec=10s\n');
  // first boot: systemd applies Ignition's preset file, as FCOS and Flatcar do
  fs.writeFileSync(path.join(root, 'etc/machine-id'), 'uninitialized\n');
  const b = await run('systemd-nspawn', ['-q', '--register=no', '--keep-unit', '--private-network', '--console=pipe', '-D', root, '--boot'],
    { timeoutMs: BOOT_TIMEOUT_MS });
  return { root, afterIgnition, boot: { code: b.code, ms: b.ms, out: (b.stdout + b.stderr).slice(-4000) } };
}

let prepared: Promise<Record<string, Prepared>> | undefined;
function all(): Promise<Record<string, Prepared>> {
  if (!prepared) {
    prepared = Promise.all(OSES.map(([os, make]) => prepareAndBoot(os, make))).then((ps) => Object.fromEntries(OSES.map(([os], i) => [os, ps[i]])));
  }
  return prepared;
}

const groups = (root: string) => readGroups(path.join(root, 'etc/group'));
const members = (db: Record<string, GroupEntry>, user: string) => Object.keys(db).filter((g) => db[g].members.includes(user)).sort();

describeWithTools(CHECKS)('groups of extra users, applied by the real Ignition and a real boot', () => {
  beforeEach(() => requireTools(CHECKS));

  describe.each(OSES)('%s', (os) => {
    test('fails: Ignition alone stops when a user\'s group is only in the altfiles database (the upstream limit the library routes around)', async () => {
      // the shaped /etc/group in a minimal root, and a config that hands the altfiles group to useradd
      const root = path.join(work, os, 'control');
      shapeRoot(root);
      fs.writeFileSync(path.join(root, 'etc/group'), `${SHAPES[os].etcGroup.join('\n')}\n`);
      fs.writeFileSync(path.join(root, 'etc/gshadow'), `${SHAPES[os].etcGroup.map((l) => `${l.split(':')[0]}:!::`).join('\n')}\n`, { mode: 0 });
      const config = JSON.stringify({ ignition: { version: '3.3.0' }, passwd: { users: [{ name: 'deploy', groups: [ALT[os].group] }] } });
      await expect(applyIgnition(root, config, path.join(work, os, 'control-ignition'))).rejects.toThrow(new RegExp(`useradd: group '${ALT[os].group}' does not exist`));
    });

    test('Ignition applies the payload and exits 0', async () => {
      const p = (await all())[os];
      expect(p.ignitionError).toBeUndefined();
    });

    test('Ignition itself puts deploy in docker, wheel and sudo, the groups the OS has in /etc/group, with their GIDs', async () => {
      const { afterIgnition } = (await all())[os];
      for (const [g, gid] of Object.entries(ETC[os])) {
        expect([g, afterIgnition[g]?.gid, afterIgnition[g]?.members.includes('deploy')]).toEqual([g, gid, true]);
      }
      // nothing else was declared to Ignition: the altfiles group is not in /etc/group yet
      expect(afterIgnition[ALT[os].group]).toBeUndefined();
    });

    test('boots to the probe and powers off within the time limit', async () => {
      const { boot } = (await all())[os];
      expect({ code: boot.code, out: boot.code === 0 ? '' : boot.out }).toEqual({ code: 0, out: '' });
      // eslint-disable-next-line no-console
      console.log(`${os}: boot took ${boot.ms} ms`);
    });

    test('after the first boot deploy and core are in the altfiles group, copied into /etc/group once with the OS\'s GID', async () => {
      const { root } = (await all())[os];
      const db = groups(root);
      expect(db[ALT[os].group].gid).toBe(ALT[os].gid);
      expect([...db[ALT[os].group].members].sort()).toEqual(['core', 'deploy']);
      expect(fs.readFileSync(path.join(root, 'etc/gshadow'), 'utf8').split('\n').filter((l) => l.startsWith(`${ALT[os].group}:`))).toHaveLength(1);
    });

    test('creates the group no OS ships, once, with a GID of its own, and puts deploy in it', async () => {
      const { root } = (await all())[os];
      const db = groups(root);
      expect(db[NEW_GROUP].members).toEqual(['deploy']);
      expect(db[NEW_GROUP].gid).toBeGreaterThanOrEqual(1000);
      expect(Object.values(db).filter((g) => g.gid === db[NEW_GROUP].gid)).toHaveLength(1);
    });

    test('deploy ends in exactly the groups asked for, and core keeps the groups the OS gave it', async () => {
      const { root } = (await all())[os];
      const db = groups(root);
      expect(members(db, 'deploy')).toEqual([...Object.keys(ETC[os]), ALT[os].group, NEW_GROUP].sort());
      const own = os === 'fcos' ? ['adm', 'sudo', 'systemd-journal', 'wheel'] : ['docker', 'systemd-journal', 'wheel'];
      expect(members(db, 'core')).toEqual([...own, ALT[os].group].sort());
    });

    test('the unit succeeds, and before logins open (systemd-user-sessions)', async () => {
      const { root } = (await all())[os];
      const u = unitProps(root, UNIT);
      expect(u).toMatchObject({ ActiveState: 'active', Result: 'success' });
      const sessions = unitProps(root, 'systemd-user-sessions.service');
      expect(Number(sessions.InactiveExitTimestampMonotonic)).toBeGreaterThanOrEqual(Number(u.ActiveEnterTimestampMonotonic));
      expect(fs.readFileSync(path.join(root, 'var/log/effect/failed'), 'utf8')).toBe('');
    });

    test('the unit passes systemd-analyze verify in the root it boots', async () => {
      const { root } = (await all())[os];
      const v = await run('systemd-analyze', ['verify', `--root=${root}`, '--man=no', `/etc/systemd/system/${UNIT}`], { timeoutMs: 60_000 });
      expect(`rc=${v.code}\n${v.stdout}${v.stderr}`).toBe('rc=0\n');
    });

    test('running it again (every boot) changes nothing', async () => {
      const { root } = (await all())[os];
      const before = ['group', 'gshadow'].map((f) => fs.readFileSync(path.join(root, 'etc', f), 'utf8'));
      await runOk('chroot', [root, SCRIPT], { timeoutMs: 30_000 });
      expect(['group', 'gshadow'].map((f) => fs.readFileSync(path.join(root, 'etc', f), 'utf8'))).toEqual(before);
    });
  });
});
