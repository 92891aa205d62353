/**
 * Ignition, applied: Debian's real Ignition engine (stages fetch-offline and files,
 * --platform=file) writes each systemd OS's payload into a scratch root shaped like that OS,
 * then `systemctl --root preset-all` does what first boot does with Ignition's preset file.
 * What landed is compared with the HostConfig inputs (test/helpers/effect-fixtures.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContainerOs } from '../../lib';
import { TOOLS, rmrf, scratch } from '../helpers/effect';
import { IgnitionOs, applyIgnition, presetAll, shapeRoot } from '../helpers/effect-ignition';
import {
  CONTAINERS, DAEMON, DROP_IN, ENV_FILE_DIR, FILES, HOSTNAME, KEY_DEPLOY, KEY_OPS, SYSCTLS, TIME_ZONE, UNIT, effectHost, expectedEnvFile,
} from '../helpers/effect-fixtures';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.ignition, TOOLS.systemctl];
const OSES: Array<[IgnitionOs, () => ContainerOs]> = [['fcos', () => ContainerOs.fedoraCoreOs()], ['flatcar', () => ContainerOs.flatcar()]];

let work: string;
beforeAll(() => { work = scratch('ignition'); });
afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

interface Applied { root: string; relabeled: string[]; config: any }
const applied = new Map<IgnitionOs, Promise<Applied>>();

/** Renders the effect host for an OS and applies it once (shared by that OS's tests). */
function apply(os: IgnitionOs, make: () => ContainerOs): Promise<Applied> {
  if (!applied.has(os)) {
    applied.set(os, (async () => {
      const content = make().renderFirstBoot(effectHost({ systemd: true })).content;
      const root = path.join(work, os, 'root');
      shapeRoot(root);
      const r = await applyIgnition(root, content, path.join(work, os, 'ignition'));
      await presetAll(root);
      return { root, relabeled: r.relabeled, config: JSON.parse(content) };
    })());
  }
  return applied.get(os)!;
}

function stat(root: string, p: string): fs.Stats {
  return fs.lstatSync(path.join(root, p));
}
function read(root: string, p: string): string {
  return fs.readFileSync(path.join(root, p), 'utf8');
}
function mode(root: string, p: string): number {
  return stat(root, p).mode & 0o7777;
}
function passwd(root: string): Record<string, { uid: number; gid: number; home: string }> {
  const out: Record<string, { uid: number; gid: number; home: string }> = {};
  for (const l of read(root, 'etc/passwd').split('\n').filter((x) => x)) {
    const f = l.split(':');
    out[f[0]] = { uid: Number(f[2]), gid: Number(f[3]), home: f[5] };
  }
  return out;
}
function groupMembers(root: string, group: string): string[] {
  const l = read(root, 'etc/group').split('\n').find((x) => x.startsWith(`${group}:`));
  return l ? l.split(':')[3].split(',').filter((x) => x) : [];
}
/** Unit names linked from an /etc/systemd/system/<unit>.<kind>/ directory. */
function links(root: string, dir: string): string[] {
  const d = path.join(root, 'etc/systemd/system', dir);
  return fs.existsSync(d) ? fs.readdirSync(d).sort() : [];
}
/** Every `X.wants/Y` and `X.requires/Y` link in /etc/systemd/system, as "X.wants/Y". */
function allLinks(root: string): string[] {
  const base = path.join(root, 'etc/systemd/system');
  return fs.readdirSync(base).filter((d) => /\.(wants|requires)$/.test(d)).flatMap((d) => fs.readdirSync(path.join(base, d)).map((u) => `${d}/${u}`)).sort();
}

describeWithTools(CHECKS)('Ignition applied by the real engine', () => {
  beforeEach(() => requireTools(CHECKS));

  describe.each(OSES)('%s', (os, make) => {
    test('writes every file the HostConfig adds with its exact content, mode and owner', async () => {
      const { root } = await apply(os, make);
      const users = passwd(root);
      for (const f of FILES) {
        expect(read(root, f.path)).toBe(f.content);
        expect(mode(root, f.path)).toBe(f.mode);
        expect(stat(root, f.path).uid).toBe(f.owner ? users[f.owner].uid : 0);
      }
    });

    test('writes each container\'s env file root-only with exactly the intended values', async () => {
      const { root } = await apply(os, make);
      for (const c of CONTAINERS) {
        const want = expectedEnvFile(c);
        const p = `${ENV_FILE_DIR}/${c.name}.env`;
        if (want === undefined) { expect(fs.existsSync(path.join(root, p))).toBe(false); continue; }
        expect(read(root, p)).toBe(want);
        expect(mode(root, p)).toBe(0o600);
        expect(stat(root, p).uid).toBe(0);
      }
    });

    test('writes the host name, sysctls, Docker daemon settings and the time zone link', async () => {
      const { root } = await apply(os, make);
      expect(read(root, 'etc/hostname')).toBe(`${HOSTNAME}\n`);
      expect(read(root, 'etc/sysctl.d/90-docker-fleet.conf')).toBe(Object.keys(SYSCTLS).sort().map((k) => `${k} = ${(SYSCTLS as any)[k]}\n`).join(''));
      expect(JSON.parse(read(root, 'etc/docker/daemon.json'))).toMatchObject(DAEMON);
      expect(stat(root, 'etc/localtime').isSymbolicLink()).toBe(true);
      expect(fs.readlinkSync(path.join(root, 'etc/localtime'))).toBe(`../usr/share/zoneinfo/${TIME_ZONE}`);
    });

    test('gives core and the extra user their SSH keys with safe modes, and the extra user its groups', async () => {
      const { root } = await apply(os, make);
      const users = passwd(root);
      expect(users.core.uid).toBe(500);
      for (const [user, key] of [['core', KEY_OPS], ['deploy', KEY_DEPLOY]]) {
        const home = users[user].home.slice(1);
        const keys = `${home}/.ssh/authorized_keys.d/ignition`;
        expect(read(root, keys).split('\n').filter((l) => l)).toEqual([key]);
        expect(mode(root, keys)).toBe(0o600);
        expect(mode(root, `${home}/.ssh`)).toBe(0o700);
        expect(stat(root, keys).uid).toBe(users[user].uid);
      }
      expect(groupMembers(root, 'docker')).toContain('deploy');
    });

    test('installs the user\'s unit and drop-in, enables docker, the containers and the unit through first-boot presets', async () => {
      const { root } = await apply(os, make);
      expect(read(root, `etc/systemd/system/${UNIT.name}`)).toBe(UNIT.contents);
      expect(read(root, `etc/systemd/system/${DROP_IN.unit}.d/${DROP_IN.name}`)).toBe(DROP_IN.contents);
      const wanted = links(root, 'multi-user.target.wants');
      expect(wanted).toEqual(expect.arrayContaining(['docker.service', UNIT.name, ...CONTAINERS.map((c) => `container-${c.name}.service`)]));
      for (const c of CONTAINERS) expect(fs.existsSync(path.join(root, `etc/systemd/system/container-${c.name}.service`))).toBe(true);
      // the `disable *` vendor preset really applies: containerd was not enabled by anyone
      expect(wanted).not.toContain('containerd.service');
    });

    test('installs the data volume\'s script and units, linked to Docker only with Wants= (bug 4)', async () => {
      const { root } = await apply(os, make);
      expect(mode(root, 'etc/docker-fleet/prepare-data-volume')).toBe(0o755);
      expect(read(root, 'etc/docker-fleet/prepare-data-volume')).toMatch(/^#!\/bin\/sh\n/);
      for (const target of ['docker.service', 'containerd.service']) {
        expect(links(root, `${target}.wants`)).toEqual(expect.arrayContaining(['docker-fleet-data-volume.service', 'var-lib-docker.mount']));
      }
      expect(allLinks(root).filter((l) => l.includes('.requires/'))).toEqual([]);
    });

    test('applies every file and link of the payload byte for byte', async () => {
      const { root, config } = await apply(os, make);
      for (const f of config.storage.files) {
        const src: string = f.contents.source;
        const [meta, data] = [src.slice(5, src.indexOf(',')), src.slice(src.indexOf(',') + 1)];
        let bytes = meta.endsWith(';base64') ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(data), 'utf8');
        if (f.contents.compression === 'gzip') bytes = require('zlib').gunzipSync(bytes);
        expect(fs.readFileSync(path.join(root, f.path)).equals(bytes)).toBe(true);
        expect(mode(root, f.path)).toBe(f.mode);
      }
      for (const l of config.storage.links ?? []) expect(fs.readlinkSync(path.join(root, l.path))).toBe(l.target);
    });
  });

  test('fcos: writes the Zincati update strategy for the default maintenance window', async () => {
    const { root } = await apply('fcos', OSES[0][1]);
    const toml = read(root, 'etc/zincati/config.d/55-updates-strategy.toml');
    expect(toml).toMatch(/^strategy = "periodic"$/m);
    expect(toml).toMatch(/^days = \[ "Sun" \]$/m);
    expect(toml).toMatch(/^start_time = "03:00"$/m);
    expect(toml).toMatch(/^length_minutes = 120$/m);
  });

  test('flatcar: writes update.conf and the locksmithd window for the default maintenance window', async () => {
    const { root } = await apply('flatcar', OSES[1][1]);
    const conf = read(root, 'etc/flatcar/update.conf');
    expect(conf).toMatch(/^REBOOT_STRATEGY=reboot$/m);
    expect(conf).toMatch(/^LOCKSMITHD_REBOOT_WINDOW_START="Sun 03:00"$/m);
    expect(conf).toMatch(/^LOCKSMITHD_REBOOT_WINDOW_LENGTH=2h$/m);
  });

  test('fcos: hands every path it wrote to SELinux relabelling', async () => {
    const { root, relabeled } = await apply('fcos', OSES[0][1]);
    const rel = new Set(relabeled.map((p) => p.slice(root.length)));
    const users = passwd(root);
    const want = [
      ...FILES.map((f) => f.path), '/etc/hostname', '/etc/localtime', '/etc/docker/daemon.json', '/etc/sysctl.d/90-docker-fleet.conf',
      '/etc/zincati/config.d/55-updates-strategy.toml', '/etc/docker-fleet/prepare-data-volume',
      ...CONTAINERS.filter((c) => expectedEnvFile(c)).map((c) => `${ENV_FILE_DIR}/${c.name}.env`),
      `/etc/systemd/system/${UNIT.name}`, `/etc/systemd/system/${DROP_IN.unit}.d/${DROP_IN.name}`,
      ...CONTAINERS.map((c) => `/etc/systemd/system/container-${c.name}.service`),
      '/etc/systemd/system/var-lib-docker.mount', '/etc/systemd/system-preset/20-ignition.preset',
      '/etc/passwd', '/etc/group', '/etc/shadow', users.deploy.home,
    ];
    // a path counts when it or a directory above it is relabelled (setfiles recurses)
    const covered = (p: string) => p.split('/').some((_, i, parts) => rel.has(parts.slice(0, i + 1).join('/')) && i > 0);
    expect(want.filter((p) => !covered(p))).toEqual([]);
    expect(rel.has('/home/core/.ssh') || rel.has('/home/core')).toBe(true);
  });
});
