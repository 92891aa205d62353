/**
 * Property test (fast-check, fixed seed): hostile strings in every user field that reaches an
 * Alpine payload. Each payload is loaded the way the host loads it (YAML 1.1: PyYAML's SafeLoader
 * and libyaml, one python process for all payloads) and must yield exactly the data a YAML 1.2
 * parser reads, with the user's value verbatim where it belongs; every payload still passes
 * `cloud-init schema`. A value is refused only when it holds a character a single-line field cannot
 * carry.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gunzipSync } from 'zlib';
import fc from 'fast-check';
import { parse } from 'yaml';
import { ContainerOs, FirstBootPayload, HostConfig, UpdatePolicy } from '../../lib';
import { FleetConfigError } from '../../lib/core/fleet-config-error';
import { shQuote } from '../../lib/bootconfig/container-run';
import { ED25519_KEY } from '../helpers/fixtures';
import { describeWithValidators, validateCloudConfig } from '../helpers/validators';

const CASES = 200;
const SEED = 20261127;

/** What YAML 1.1 and 1.2 read differently, or what libyaml refuses, and ordinary text around it. */
const SPECIAL = [
  '\u2028', '\u2029', '\u0085', '\u0080', '\u009b', '\u009f', '\ufffe', '\uffff', '\ufeff', '\u00a0', '\t', '\n', '\r', '\v', '\f', '\u0000', '\u001b', '\u007f',
  'off', 'Off', 'yes', 'no', 'on', 'y', 'n', '~', 'null', 'true', '1:20', '=', '<<', '1_000', '0o17', '0644', '0x1F', '1e3', '.inf', '.nan', '2001-12-14',
  '&a ', '*a', '!!str ', '!!binary ', '%YAML', '@', '`', '#', ' #', '- ', '? ', ': ', ':', '"', "'", '\\', '\\u2028', '{', '}', '[', ']', ',', '|', '>', '---', '...',
  ' ', '  ', 'bootcmd: [reboot]', '${x}', 'é', '😀', '\ud83d', '\udca9', 'ab', 'X',
];
const hostile = (maxLength: number) => fc.oneof(
  fc.array(fc.constantFrom(...SPECIAL), { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength }),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', maxLength: 10 })).map((t) => t.join('')),
  fc.constantFrom(...SPECIAL),
);

/** What a single-line field refuses: line separators, other control characters, lone surrogates. */
// eslint-disable-next-line no-control-regex
const REFUSED_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Env values: no line breaks at all (Docker env files); command arguments: no \n or NUL. */
const REFUSED_ENV = (v: string) => /[\r\n\0\u0085\u2028\u2029]/.test(v) || LONE.test(v);
const REFUSED_ARG = (v: string) => /[\n\0\u0085\u2028\u2029]/.test(v) || LONE.test(v);

interface FieldClass {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<string>;
  /** the HostConfig holding the value (throws FleetConfigError when refused) */
  readonly build: (v: string) => HostConfig;
  /** values that must be refused */
  readonly refused: (v: string) => boolean;
  /** the value, verbatim where it belongs in the loaded document; null when it is */
  readonly check: (doc: any, v: string) => string | null;
}

function fileText(doc: any, path: string): string | undefined {
  const f = (doc.write_files ?? []).find((x: any) => x.path === path);
  if (!f) return undefined;
  return f.encoding === 'gz+b64' ? gunzipSync(Buffer.from(f.content, 'base64')).toString('utf8') : f.content;
}
function fileBytes(doc: any, path: string): Buffer | undefined {
  const f = (doc.write_files ?? []).find((x: any) => x.path === path);
  if (!f) return undefined;
  return f.encoding === 'gz+b64' ? gunzipSync(Buffer.from(f.content, 'base64')) : Buffer.from(f.content, 'utf8');
}
const expectIn = (what: string, hay: string | undefined, needle: string) => (hay !== undefined && hay.includes(needle) ? null : `${what} lacks ${JSON.stringify(needle)}: ${JSON.stringify(hay)?.slice(0, 300)}`);
const container = (extra: object) => ({ name: 'app', image: 'nginx:1.27', ...extra });

const CLASSES: FieldClass[] = [
  {
    name: 'file contents (text)',
    arbitrary: hostile(300),
    build: (v) => { const h = new HostConfig(); h.addFile({ path: '/srv/f', content: v }); return h; },
    refused: () => false,
    check: (doc, v) => (fileBytes(doc, '/srv/f')?.equals(Buffer.from(v, 'utf8')) ? null : `/srv/f is ${JSON.stringify(fileText(doc, '/srv/f'))}`),
  },
  {
    name: 'file contents (bytes)',
    arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('base64')),
    build: (v) => { const h = new HostConfig(); h.addFile({ path: '/srv/b', contentBase64: v }); return h; },
    refused: () => false,
    check: (doc, v) => (fileBytes(doc, '/srv/b')?.equals(Buffer.from(v, 'base64')) ? null : '/srv/b differs'),
  },
  {
    name: 'file paths',
    arbitrary: hostile(40).map((s) => `/srv/${s.replace(/\//g, '_')}`),
    build: (v) => { const h = new HostConfig(); h.addFile({ path: v, content: 'x' }); return h; },
    refused: (v) => REFUSED_SINGLE_LINE.test(v) || v.endsWith('/') || /\/\.{1,2}(\/|$)/.test(v),
    check: (doc, v) => (fileText(doc, v) === 'x' ? null : `no file at ${JSON.stringify(v)}`),
  },
  {
    name: 'SSH key comments',
    arbitrary: hostile(60),
    build: (v) => new HostConfig({ sshAuthorizedKeys: [`${ED25519_KEY.split(' ').slice(0, 2).join(' ')} ${v}`] }),
    refused: (v) => REFUSED_SINGLE_LINE.test(v),
    check: (doc, v) => {
      const want = `${ED25519_KEY.split(' ').slice(0, 2).join(' ')} ${v}`.trim();
      return (doc.ssh_authorized_keys ?? []).includes(want) ? null : `keys are ${JSON.stringify(doc.ssh_authorized_keys)}`;
    },
  },
  {
    name: 'sysctl values',
    arbitrary: hostile(60),
    build: (v) => new HostConfig({ sysctls: { 'net.ipv4.conf.enX0.rp_filter': v } }),
    refused: (v) => REFUSED_SINGLE_LINE.test(v) || v.trim().length === 0,
    check: (doc, v) => expectIn('sysctl file', fileText(doc, '/etc/sysctl.d/90-docker-fleet.conf'), `net.ipv4.conf.enX0.rp_filter = ${v}\n`),
  },
  {
    name: 'container environment values',
    arbitrary: hostile(60),
    build: (v) => { const h = new HostConfig(); h.addContainer(container({ environment: { 'APP.MODE': v } })); return h; },
    refused: REFUSED_ENV,
    check: (doc, v) => expectIn('env file', fileText(doc, '/etc/docker-fleet/containers/app.env'), `APP.MODE=${v}\n`),
  },
  {
    name: 'container command arguments',
    arbitrary: hostile(40),
    build: (v) => { const h = new HostConfig(); h.addContainer(container({ command: ['run', v] })); return h; },
    refused: REFUSED_ARG,
    check: (doc, v) => expectIn('init script', fileText(doc, '/etc/init.d/container-app'), shQuote(v)),
  },
];

const alpine = ContainerOs.alpine();
const policy = UpdatePolicy.immediate();

/** Loads each document with PyYAML (SafeLoader and libyaml's CSafeLoader) in one process. */
function loadYaml11(docs: string[]): Array<{ data?: unknown; error?: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-yaml11-'));
  try {
    const files = docs.map((d, i) => {
      const f = join(dir, `${i}.yaml`);
      writeFileSync(f, d);
      return f;
    });
    return JSON.parse(execFileSync('/usr/bin/python3', [join(__dirname, 'yaml11_load_batch.py'), ...files], { encoding: 'utf8', maxBuffer: 256 << 20 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeWithValidators('hostile strings in Alpine payloads read the same for YAML 1.1 and YAML 1.2', () => {
  test.each(CLASSES.map((c) => [c.name, c] as const))(`${CASES} random %s: each payload loads in PyYAML to exactly the intended data, passes cloud-init schema, and only unwritable single-line values are refused`, (_name, cls) => {
    const values = fc.sample(cls.arbitrary, { numRuns: CASES * 3, seed: SEED });
    const problems: string[] = [];
    const accepted: Array<{ v: string; payload: FirstBootPayload }> = [];
    for (const v of values) {
      let host: HostConfig;
      try {
        host = cls.build(v);
      } catch (e) {
        if (!(e instanceof FleetConfigError)) throw e;
        if (!cls.refused(v)) problems.push(`refused ${JSON.stringify(v)}: ${e.message}`);
        continue;
      }
      if (cls.refused(v)) {
        problems.push(`accepted ${JSON.stringify(v)}`);
        continue;
      }
      if (accepted.length < CASES) accepted.push({ v, payload: alpine.renderFirstBoot(host, { updatePolicy: policy, hostname: 'host-0' }) });
    }
    expect(accepted.length).toBe(CASES);
    const loaded = loadYaml11(accepted.map((a) => a.payload.content));
    const schema = validateCloudConfig(accepted.map((a) => a.payload.content));
    accepted.forEach(({ v, payload }, i) => {
      const intended = parse(payload.content.slice(payload.content.indexOf('\n') + 1), { version: '1.2' });
      const l = loaded[i];
      if (l.error) problems.push(`${JSON.stringify(v)}: PyYAML: ${l.error}`);
      else if (JSON.stringify(l.data) !== JSON.stringify(intended)) problems.push(`${JSON.stringify(v)}: PyYAML reads other data than YAML 1.2`);
      else {
        const miss = cls.check(l.data, v);
        if (miss) problems.push(`${JSON.stringify(v)}: ${miss}`);
      }
      if (schema[i]) problems.push(`${JSON.stringify(v)}: cloud-init schema: ${schema[i]}`);
    });
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
