/**
 * A jest snapshot serializer for synthesized stacks: first-boot payloads appear decoded instead
 * of as one base64 line, so a snapshot diff shows what changes on the hosts. One line in
 * jest.config.js:
 *
 *   snapshotSerializers: ['cdktf-docker-fleet/lib/cli/snapshot-serializer'],
 *
 * It applies to `Testing.synth(stack)` strings and to their parsed objects. Replaced:
 * aws_launch_template `user_data` (base64, gzip, or an Ignition S3 pointer, then also the
 * aws_s3_object's `content_base64`), libvirt_ignition `content` and libvirt_cloudinit_disk
 * `user_data`. Each becomes `{ decoded: <how>, payload: … }` where Ignition file contents are
 * their text (or size and sha256 when binary), cloud-config `gz+b64` files their text, and
 * Bottlerocket TOML its settings with the admin container's user data decoded. A libvirt
 * fleet's per-host expression becomes `{ decoded, hosts: { <host>: … } }`, each host's payload
 * as Terraform computes it (terraform-eval.ts), and the payload template it reads from the
 * stack's locals becomes a pointer there with the template's hash.
 */
import { CliError } from './errors';
import { decodeUserData, evaluating } from './fleets';
import { formatOf } from './host-view';
import { StackValues, Unknown } from './terraform-eval';
import { decodeDataUrl, fromBase64, gunzip, isText, literalOf, sha256 } from './util';
import { unescapeTemplate } from '../core/terraform-text';

type Json = Record<string, unknown>;

const MARK = 'decoded';

function looksLikeStack(v: Json): boolean {
  const r = v.resource as Record<string, unknown> | undefined;
  return r !== undefined && r !== null && typeof r === 'object'
    && (r.aws_launch_template !== undefined || r.libvirt_ignition !== undefined || r.libvirt_cloudinit_disk !== undefined);
}

function hasEncoded(v: Json): boolean {
  const r = v.resource as Record<string, Record<string, Json>>;
  const plain = (x: unknown) => typeof x === 'string';
  for (const lt of Object.values(r.aws_launch_template ?? {})) if (plain(lt.user_data)) return true;
  for (const [type, attr] of LIBVIRT) {
    for (const x of Object.values(r[type] ?? {})) {
      const entries = payloadEntries(x, attr);
      if (entries.length) {
        if (entries.some((h) => plain(h[attr]))) return true;
        continue;
      }
      // per host an expression, or one literal payload (a decoded stack has objects there)
      if (plain(x[attr]) && (x.for_each !== undefined || !literalOf(String(x[attr])).startsWith('${'))) return true;
    }
  }
  return false;
}

const LIBVIRT = [['libvirt_ignition', 'content'], ['libvirt_cloudinit_disk', 'user_data']] as const;

/** The entries of a literal for_each map that hold the payload attribute (releases before the host table). */
function payloadEntries(x: Json, attr: string): Json[] {
  const each = x.for_each;
  return isObject(each) ? Object.values(each).filter((h): h is Json => isObject(h) && attr in h) : [];
}

/** jest: does this serializer handle `val`? */
export function test(val: unknown): boolean {
  if (typeof val === 'string') {
    if (val.length < 64 || !val.startsWith('{') || !val.includes('"resource"')) return false;
    try {
      const j = JSON.parse(val) as Json;
      return looksLikeStack(j) && hasEncoded(j);
    } catch {
      return false;
    }
  }
  return val !== null && typeof val === 'object' && !Array.isArray(val) && looksLikeStack(val as Json) && hasEncoded(val as Json);
}

/** jest: prints `val` with its payloads decoded. */
/** A literal Terraform string, shown as the payload it holds. */
function terraformString(raw: string): Record<string | symbol, unknown> {
  return { [MARK]: 'terraform string', payload: readable(unescapeTemplate(literalOf(raw))) };
}

export function serialize(val: unknown, config: unknown, indentation: string, depth: number, refs: unknown,
  printer: (...a: unknown[]) => string): string {
  const stack = (typeof val === 'string' ? JSON.parse(val) : val) as Json;
  return printer(decodeStack(stack), config, indentation, depth, refs);
}

/** A copy of a synthesized stack with its first-boot payloads decoded (see the file comment). */
export function decodeStack(stack: Json): Json {
  const copy = JSON.parse(JSON.stringify(stack)) as Json;
  const r = copy.resource as Record<string, Record<string, Json>>;
  const pointed = new Set<string>();
  for (const [key, lt] of Object.entries(r.aws_launch_template ?? {})) {
    if (typeof lt.user_data !== 'string') continue;
    lt.user_data = attempt(() => {
      const d = decodeUserData(lt.user_data as string, stack as never, `aws_launch_template.${key}.user_data`);
      const m = /^S3 pointer → s3:\/\/[^/]+\/(\S+)/.exec(d.delivery);
      if (m) pointed.add(m[1]);
      const raw = fromBase64(literalOf(lt.user_data as string))!;
      const pointer = m ? { pointer: readable(gunzipIf(raw).toString('utf8')) } : {};
      return { [MARK]: d.delivery.replace(/\s*\(\d+ bytes\)$/, ''), ...pointer, payload: readable(d.text) };
    }, lt.user_data);
  }
  for (const obj of Object.values(r.aws_s3_object ?? {})) {
    if (typeof obj.content_base64 !== 'string' || !pointed.has(String(obj.key))) continue;
    obj.content_base64 = attempt(() => ({
      [MARK]: 'base64', payload: readable(gunzipIf(fromBase64(literalOf(obj.content_base64 as string))!).toString('utf8')),
    }), obj.content_base64);
  }
  const values = new StackValues(isObject(stack.locals) ? stack.locals : {});
  const locals = isObject(copy.locals) ? copy.locals : {};
  for (const [type, attr] of LIBVIRT) {
    for (const [key, x] of Object.entries(r[type] ?? {})) {
      const raw = x[attr];
      const each = x.for_each;
      const entries = payloadEntries(x, attr);
      if (entries.length) {
        // a literal for_each map holding each host's payload (releases before the host table)
        for (const h of entries) {
          if (typeof h[attr] === 'string') h[attr] = attempt(() => terraformString(h[attr] as string), h[attr]);
        }
        continue;
      }
      if (typeof raw !== 'string') continue;
      if (each === undefined) {
        if (!literalOf(raw).startsWith('${')) x[attr] = attempt(() => terraformString(raw), raw);
        continue;
      }
      // an expression per host (the fleet's payload template filled in by Terraform): each host's
      // payload as Terraform computes it, and the locals it reads decoded where they are
      x[attr] = attempt(() => {
        const inst = evaluating(`${type}.${key}.for_each`, () => values.instances(x));
        if (inst instanceof Unknown) throw new CliError(`for_each is not known before apply (${inst.reference})`);
        const hosts: Json = {};
        for (const host of Object.keys(inst).sort()) {
          const v = evaluating(`${type}.${key}.${attr}`, () => values.evaluate(raw, { key: host, value: inst[host] }));
          if (typeof v !== 'string') throw new CliError(`${attr} of host ${host} is ${v instanceof Unknown ? String(v) : 'not a string'}`);
          hosts[host] = readable(v);
        }
        return { [MARK]: `terraform expression, per host: ${raw}`, hosts };
      }, raw);
      // the payload template (or payloads) it reads: shown decoded per host above, so here its hash
      for (const m of raw.matchAll(/\blocal\.([A-Za-z0-9_-]+)/g)) {
        const l = locals[m[1]];
        const payloads = typeof l === 'string' ? [l] : isObject(l) ? Object.values(l) : [];
        if (payloads.length && payloads.every((p) => typeof p === 'string' && formatOf(unescapeTemplate(p)) !== undefined)) {
          locals[m[1]] = { [MARK]: `first-boot payload${typeof l === 'string' ? ' template' : 's'} of ${type}.${key}, shown there per `
            + `host`, sha256: sha256(Buffer.from(JSON.stringify(l))).slice(0, 16) };
        }
      }
    }
  }
  return copy;
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function attempt(f: () => unknown, fallback: unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof CliError) return { [MARK]: `cannot be decoded: ${e.message}`, raw: fallback };
    throw e;
  }
}

function gunzipIf(b: Buffer): Buffer {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b ? gunzip(b, 'payload') : b;
}

function contentOf(bytes: Buffer): unknown {
  return isText(bytes) ? bytes.toString('utf8') : `(binary, ${bytes.length} bytes, sha256 ${sha256(bytes)})`;
}

/** The payload as a structure whose strings are readable text. */
function readable(text: string): unknown {
  const format = formatOf(text);
  if (format === 'ignition') {
    const cfg = JSON.parse(text) as { storage?: { files?: { path: string; contents?: { source?: string; compression?: string } }[] } };
    for (const f of cfg.storage?.files ?? []) {
      if (!f.contents?.source) continue;
      let b = decodeDataUrl(f.contents.source, `file ${f.path}`);
      if (f.contents.compression === 'gzip') b = gunzip(b, `file ${f.path}`);
      (f as Json).contents = { text: contentOf(b), ...(f.contents.compression ? { compression: f.contents.compression } : {}) };
    }
    return cfg;
  }
  if (format === 'cloud-config' || format === 'alpine-config') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('yaml') as typeof import('yaml');
    const header = text.slice(0, text.indexOf('\n'));
    const doc = (parse(text.slice(header.length + 1)) ?? {}) as Json;
    for (const f of (Array.isArray(doc.write_files) ? doc.write_files : []) as Json[]) {
      if (typeof f.encoding === 'string' && /^(gz\+b64|gzip\+base64|b64|base64)$/.test(f.encoding) && typeof f.content === 'string') {
        const b = fromBase64(f.content);
        if (b === undefined) continue;
        f.content = contentOf(f.encoding.startsWith('gz') ? gunzip(b, String(f.path)) : b);
        f.encoding = `${f.encoding} (decoded)`;
      }
    }
    return { header, ...doc };
  }
  if (format === 'bottlerocket-toml') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('smol-toml') as typeof import('smol-toml');
    const doc = JSON.parse(JSON.stringify(parse(text))) as { settings?: { 'host-containers'?: Record<string, Json> } };
    for (const c of Object.values(doc.settings?.['host-containers'] ?? {})) {
      const b = typeof c['user-data'] === 'string' ? fromBase64(c['user-data']) : undefined;
      if (b && isText(b)) {
        try {
          c['user-data'] = JSON.parse(b.toString('utf8'));
        } catch {
          c['user-data'] = b.toString('utf8');
        }
      }
    }
    return doc;
  }
  return text;
}
