/**
 * cloud-init, for real: the Alpine `#cloud-config` payload applied by Debian's cloud-init 22.4
 * (`cloud-init --file CFG single --name MODULE`) inside a copy of the cached Debian root in
 * systemd-nspawn, never against this machine's own /. And both Alpine payloads (`#cloud-config`
 * and `#alpine-config`) read by PyYAML, the YAML 1.1 parser cloud-init and tiny-cloud use,
 * which must see exactly what the renderer meant (the `yaml` package reads YAML 1.2).
 */
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { parse as parseYaml } from 'yaml';
import { AlpineBootstrap, ContainerOs } from '../../lib';
import { TOOLS, copyRoot, nspawnRun, rmrf, run, scratch } from '../helpers/effect';
import { CONTAINERS, ENV_FILE_DIR, FILES, HOSTNAME, KEY_OPS, effectHost, expectedEnvFile } from '../helpers/effect-fixtures';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.nspawn, TOOLS.debootstrap, TOOLS.python3];
const VARIANTS: Array<[string, AlpineBootstrap]> = [['#cloud-config (cloud-init)', AlpineBootstrap.CLOUD_INIT], ['#alpine-config (tiny-cloud)', AlpineBootstrap.TINY]];

jest.setTimeout(300_000);

let work: string;
beforeAll(() => { work = scratch('cloud-init'); });
afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

function render(bootstrap: AlpineBootstrap): string {
  return ContainerOs.alpine({ bootstrap }).renderFirstBoot(effectHost({ systemd: false })).content;
}

/** What a write_files entry means: its bytes (gz+b64 decoded) and mode. */
function intendedFiles(doc: any): Map<string, { bytes: Buffer; mode: number }> {
  const out = new Map<string, { bytes: Buffer; mode: number }>();
  for (const f of doc.write_files ?? []) {
    const bytes = f.encoding === 'gz+b64' ? gunzipSync(Buffer.from(f.content, 'base64')) : Buffer.from(f.content, 'utf8');
    out.set(f.path, { bytes, mode: parseInt(f.permissions, 8) });
  }
  return out;
}

/** The document as PyYAML (YAML 1.1, libyaml when present) reads it, as JSON. */
async function pyyaml(text: string): Promise<any> {
  const py = 'import json,sys,yaml\nL=getattr(yaml,"CSafeLoader",yaml.SafeLoader)\nd=yaml.load(sys.stdin.read(),Loader=L)\nprint(json.dumps({"t":{k:type(v).__name__ for k,v in d.items()},"d":d},default=lambda o:"<"+type(o).__name__+">"))\n';
  const r = await run('python3', ['-c', py], { timeoutMs: 30_000, input: text });
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describeWithTools(CHECKS)('Alpine payloads read by YAML 1.1 (PyYAML)', () => {
  beforeEach(() => requireTools(CHECKS));

  test.each(VARIANTS)('%s: every key reads back exactly as the renderer meant it', async (_name, bootstrap) => {
    const text = render(bootstrap);
    const y11 = await pyyaml(text);
    expect(y11.d).toEqual(parseYaml(text));
  });

  test('fails the comparison for a document YAML 1.1 reads differently (the check is real)', async () => {
    const text = 'a: off\nb: 1:20\nc: "off"\n';
    expect((await pyyaml(text)).d).not.toEqual(parseYaml(text));
  });

  test.each(VARIANTS)('%s: the files carry exactly the HostConfig\'s content', async (_name, bootstrap) => {
    const files = intendedFiles((await pyyaml(render(bootstrap))).d);
    for (const f of FILES) expect([f.path, files.get(f.path)?.bytes.toString('utf8'), files.get(f.path)?.mode]).toEqual([f.path, f.content, f.mode]);
    for (const c of CONTAINERS) {
      const want = expectedEnvFile(c);
      if (want) expect(files.get(`${ENV_FILE_DIR}/${c.name}.env`)?.bytes.toString('utf8')).toBe(want);
    }
    expect(files.get('/etc/hostname')?.bytes.toString('utf8')).toBe(`${HOSTNAME}\n`);
  });
});

describeWithTools(CHECKS)('the #cloud-config payload applied by cloud-init in nspawn', () => {
  beforeEach(() => requireTools(CHECKS));

  let applied: Promise<{ root: string; doc: any; outs: Record<string, { code: number | null; out: string }> }> | undefined;
  function apply(): NonNullable<typeof applied> {
    if (!applied) {
      applied = (async () => {
        const text = render(AlpineBootstrap.CLOUD_INIT);
        const root = path.join(work, 'root');
        fs.mkdirSync(root);
        await copyRoot(root);
        fs.writeFileSync(path.join(root, 'var/tmp/effect.cfg'), text);
        // No cloud here: the None data source (cloudinit/sources/DataSourceNone.py) lets
        // `single` run modules from the --file config alone.
        fs.writeFileSync(path.join(root, 'etc/cloud/cloud.cfg.d/99-effect.cfg'), 'datasource_list: [ None ]\n');
        const outs: Record<string, { code: number | null; out: string }> = {};
        for (const mod of ['write_files', 'users_groups', 'ssh', 'runcmd']) {
          const r = await nspawnRun(root, ['cloud-init', '--file', '/var/tmp/effect.cfg', 'single', '--name', mod, '--frequency', 'always'],
            { timeoutMs: 120_000, extra: ['--private-network'] });
          outs[mod] = { code: r.code, out: (r.stdout + r.stderr).slice(-3000) };
        }
        return { root, doc: parseYaml(text), outs };
      })();
    }
    return applied;
  }

  test.each(['write_files', 'users_groups', 'ssh', 'runcmd'])('runs the %s module without an error', async (mod) => {
    const { outs } = await apply();
    expect({ code: outs[mod].code, out: outs[mod].code === 0 ? '' : outs[mod].out }).toEqual({ code: 0, out: '' });
  });

  test('writes every file byte-identical with its mode', async () => {
    const { root, doc } = await apply();
    const files = intendedFiles(doc);
    expect(files.size).toBeGreaterThan(5);
    for (const [p, f] of files) {
      expect([p, fs.readFileSync(path.join(root, p)).equals(f.bytes)]).toEqual([p, true]);
      expect([p, fs.statSync(path.join(root, p)).mode & 0o7777]).toEqual([p, f.mode]);
    }
  });

  test('installs the SSH key for the distribution\'s default user', async () => {
    const { root } = await apply();
    // Debian's cloud.cfg names the default user `debian` (Alpine's names it `alpine`).
    expect(fs.readFileSync(path.join(root, 'home/debian/.ssh/authorized_keys'), 'utf8').split('\n')).toContain(KEY_OPS);
  });

  test('writes the runcmd script with every command verbatim, in order', async () => {
    const { root, doc } = await apply();
    // `single` does not link /var/lib/cloud/instance (the init stage does): one instance dir, the None source's
    const instances = fs.readdirSync(path.join(root, 'var/lib/cloud/instances'));
    expect(instances).toEqual(['iid-datasource-none']);
    const dir = path.join(root, 'var/lib/cloud/instances', instances[0], 'scripts');
    const script = fs.readFileSync(path.join(dir, 'runcmd'), 'utf8');
    expect(script).toBe(`#!/bin/sh\n${doc.runcmd.map((c: string) => `${c}\n`).join('')}`);
  });
});
