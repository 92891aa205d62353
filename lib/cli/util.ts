/** Small helpers of the CLI: hashes, SSH key fingerprints, payload decoding, a line diff. */
import { createHash } from 'crypto';
import { gunzipSync } from 'zlib';
import { CliError } from './errors';

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function isGzip(b: Buffer): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

export function gunzip(b: Buffer, what: string): Buffer {
  try {
    return gunzipSync(b);
  } catch (e) {
    throw new CliError(`${what}: gzip data cannot be decompressed (${(e as Error).message})`);
  }
}

/** True for valid UTF-8 without control characters other than tab, newline and CR. */
export function isText(b: Buffer): boolean {
  const s = b.toString('utf8');
  // eslint-disable-next-line no-control-regex
  return Buffer.from(s, 'utf8').equals(b) && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (whole string), or undefined. */
export function fromBase64(s: string): Buffer | undefined {
  const t = s.replace(/\s+/g, '');
  if (t.length === 0 || t.length % 4 !== 0 || !BASE64.test(t)) return undefined;
  return Buffer.from(t, 'base64');
}

/**
 * The literal inside `${sensitive("...")}` (how a fleet hides its payload from plans), or the
 * string as it is. The inner string has HCL escapes, which for these payloads are JSON's.
 */
export function literalOf(s: string): string {
  const m = /^\$\{\s*sensitive\(\s*("(?:[^"\\]|\\.)*")\s*\)\s*\}$/s.exec(s);
  if (!m) return s;
  try {
    return JSON.parse(m[1]) as string;
  } catch {
    return s;
  }
}

/** The bytes of an RFC 2397 data URL (`data:,…` percent-encoded, or `;base64,`). */
export function decodeDataUrl(url: string, what: string): Buffer {
  const m = /^data:([^,]*),(.*)$/s.exec(url);
  if (!m) throw new CliError(`${what}: not a data URL: ${url.slice(0, 40)}`);
  if (/;base64$/i.test(m[1])) {
    const b = fromBase64(m[2]);
    if (b === undefined) throw new CliError(`${what}: the data URL's base64 is invalid`);
    return b;
  }
  // Text between escapes is taken whole (UTF-8, which for ASCII is one byte a character), escapes
  // runs as hex: one Buffer per run, not one per character.
  const s = m[2];
  if (/%(?![0-9a-fA-F]{2})/.test(s)) throw new CliError(`${what}: the data URL's percent-encoding is invalid`);
  if (!s.includes('%')) return Buffer.from(s, 'utf8');
  const chunks: Buffer[] = [];
  let last = 0;
  for (const run of s.matchAll(/(?:%[0-9a-fA-F]{2})+/g)) {
    if (run.index! > last) chunks.push(Buffer.from(s.slice(last, run.index), 'utf8'));
    chunks.push(Buffer.from(run[0].replace(/%/g, ''), 'hex'));
    last = run.index! + run[0].length;
  }
  if (last < s.length) chunks.push(Buffer.from(s.slice(last), 'utf8'));
  return Buffer.concat(chunks);
}

/** `ssh-keygen -l` style facts of an authorized_keys line: bits, SHA256 fingerprint, comment, type. */
export interface KeyInfo {
  readonly type: string;
  readonly bits?: number;
  readonly fingerprint: string;
  readonly comment: string;
}

export function keyInfo(line: string): KeyInfo {
  const parts = line.trim().split(/\s+/);
  // options may precede the key type (authorized_keys(5)); find the base64 blob after a type
  const i = parts.findIndex((p, k) => k + 1 < parts.length && /^(ssh-|ecdsa-|sk-)/.test(p) && fromBase64(parts[k + 1]) !== undefined);
  if (i < 0) return { type: 'unknown', fingerprint: `(not an SSH public key: ${sha256(Buffer.from(line)).slice(0, 16)})`, comment: '' };
  const blob = fromBase64(parts[i + 1])!;
  const fp = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
  const type = parts[i];
  return { type: keyTypeName(type), bits: keyBits(type, blob), fingerprint: fp, comment: parts.slice(i + 2).join(' ') };
}

function keyTypeName(t: string): string {
  if (t === 'ssh-ed25519') return 'ED25519';
  if (t === 'ssh-rsa') return 'RSA';
  if (t.startsWith('ecdsa-')) return 'ECDSA';
  if (t.startsWith('sk-ssh-ed25519')) return 'ED25519-SK';
  if (t.startsWith('sk-ecdsa')) return 'ECDSA-SK';
  if (t === 'ssh-dss') return 'DSA';
  return t;
}

function keyBits(t: string, blob: Buffer): number | undefined {
  if (t.includes('ed25519')) return 256;
  const m = /nistp(\d+)/.exec(t);
  if (m) return Number(m[1]);
  if (t === 'ssh-rsa') {
    try {
      let o = 0;
      const next = () => {
        const n = blob.readUInt32BE(o);
        const v = blob.subarray(o + 4, o + 4 + n);
        o += 4 + n;
        return v;
      };
      next();
      next();
      let n = next();
      while (n.length > 0 && n[0] === 0) n = n.subarray(1);
      return n.length === 0 ? 0 : (n.length - 1) * 8 + (32 - Math.clz32(n[0]));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function describeKey(k: KeyInfo): string {
  return `${k.bits ?? '?'} ${k.fingerprint}${k.comment ? ` ${k.comment}` : ''} (${k.type})`;
}

/**
 * A unified diff of two line lists (LCS), hunks with `context` lines around changes, no file
 * headers. Empty when equal.
 */
export function unifiedDiff(a: readonly string[], b: readonly string[], context = 3): string[] {
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) {
    // too big for the table: show it as removed and added
    return [`@@ -1,${n} +1,${m} @@`, ...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)];
  }
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  }
  type Op = { kind: ' ' | '-' | '+'; text: string; ai: number; bi: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i], ai: i, bi: j }); i++; j++;
    } else if (i < n && (j >= m || dp[i + 1][j] >= dp[i][j + 1])) {
      ops.push({ kind: '-', text: a[i], ai: i, bi: j }); i++;
    } else {
      ops.push({ kind: '+', text: b[j], ai: i, bi: j }); j++;
    }
  }
  const out: string[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === ' ') { k++; continue; }
    let start = Math.max(0, k - context);
    let end = k;
    // extend the hunk while changes are within 2*context of each other
    for (;;) {
      while (end < ops.length && ops[end].kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) { end = next; continue; }
      break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aStart = hunk[0].ai;
    const bStart = hunk[0].bi;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.text}`);
    k = stop;
    start = stop;
  }
  return out;
}

/** Text as lines, without the empty string after a final newline. */
export function linesOf(text: string): string[] {
  const l = text.split('\n');
  if (l.length > 1 && l[l.length - 1] === '') l.pop();
  return l;
}
