/**
 * Validation helpers shared by every layer. No cdktf imports: token detection looks for the
 * encoded forms cdktf uses for unresolved values (`${TfToken[...]}` strings, the sentinel
 * number range for number tokens, and `#{TfToken[...]}` list markers), which is how values
 * known only at apply time reach code that runs at synth time.
 */
import { CoreErrors } from './errors';

const TOKEN_STRING = /\$\{TfToken\[|#\{TfToken\[/;

/**
 * True when `value` contains an unresolved cdktf token. Platform code may use cdktf's own
 * `Token.isUnresolved`; the OS and boot-config layers use this so they stay free of cdktf.
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return TOKEN_STRING.test(value);
  // cdktf encodes number tokens as doubles around -1.8881545897087626e+289.
  if (typeof value === 'number') return value <= -1e288 && value > -1e290;
  if (Array.isArray(value)) return value.some(isUnresolved);
  return false;
}

export function requireString(property: string, value: unknown, opts: { allowEmpty?: boolean; literal?: boolean } = {}): string {
  if (typeof value !== 'string') throw CoreErrors.notAString(property, value);
  if (!opts.allowEmpty && value.trim().length === 0) throw CoreErrors.emptyString(property, value);
  if (opts.literal && isUnresolved(value)) throw CoreErrors.unresolvedToken(property, value);
  return value;
}

/** U+0085 (NEL), U+2028 and U+2029: line breaks for YAML 1.1 parsers (cloud-init, tiny-cloud) and some editors. */
export const LINE_SEPARATORS = /[\u0085\u2028\u2029]/;
/** A UTF-16 surrogate without its pair: no UTF-8 encoding, no YAML or JSON parser reads it back. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses what cannot sit in one line of text: U+0085/U+2028/U+2029 (line separators) and lone
 * surrogates. For fields that allow other control characters (env values, command arguments).
 */
export function requireOneLineText(property: string, value: string): string {
  if (LINE_SEPARATORS.test(value)) throw CoreErrors.lineSeparatorCharacters(property, value);
  if (LONE_SURROGATE.test(value)) throw CoreErrors.invalidUnicode(property, value);
  return value;
}

export function requireSingleLine(property: string, value: unknown): string {
  const s = requireString(property, value);
  requireOneLineText(property, s);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(s)) throw CoreErrors.controlCharacters(property, value);
  return s;
}

export function requireInteger(property: string, value: unknown, min: number, max?: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    throw CoreErrors.notAnInteger(property, value, min, max);
  }
  return value;
}

export function requireBoolean(property: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw CoreErrors.notABoolean(property, value);
  return value;
}

export function requireArray(property: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw CoreErrors.notAnArray(property, value);
  return value;
}

export function requireRecord(property: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw CoreErrors.notAnObject(property, value);
  return value as Record<string, unknown>;
}

/** Accepts an enum member (string-valued) or its string form, in any case, from JavaScript callers. */
export function requireOneOf<T extends string>(property: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string') {
    const hit = allowed.find((a) => a === value || a.toLowerCase() === value.toLowerCase());
    if (hit) return hit;
  }
  throw CoreErrors.notOneOf(property, value, allowed);
}

/** Absolute, normalised POSIX path: '/a/b', no '..', '.', '//' or trailing '/'. */
export function requireAbsolutePath(property: string, value: unknown): string {
  const s = requireSingleLine(property, value);
  if (!s.startsWith('/') || s === '/' || s.endsWith('/') || s.includes('//')
      || s.split('/').some((seg) => seg === '..' || seg === '.')) {
    throw CoreErrors.relativePath(property, value);
  }
  return s;
}

const SSH_KEY_TYPES = new Set([
  'ssh-ed25519', 'ssh-rsa', 'ssh-dss', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com',
]);

/**
 * An OpenSSH public key line: `<type> <base64 blob> [comment]`. The blob is checked to be
 * base64 whose first field repeats the key type (the wire format of RFC 4253 §6.6).
 */
export function requireSshPublicKey(property: string, value: unknown): string {
  const s = requireSingleLine(property, value).trim();
  // authorized_keys options before the key (sshd(8) AUTHORIZED_KEYS FILE FORMAT), e.g.
  // `from="10.0.0.0/8",no-agent-forwarding ssh-ed25519 AAAA…` or `cert-authority ssh-ed25519 AAAA…`:
  // comma-separated names, each optionally `="…"` with `\"` for a quote inside.
  const opts = /^[A-Za-z][A-Za-z0-9-]*(?:="(?:[^"\\]|\\.)*")?(?:,[A-Za-z][A-Za-z0-9-]*(?:="(?:[^"\\]|\\.)*")?)*\s+/.exec(s);
  const keyPart = opts && !SSH_KEY_TYPES.has(s.split(/\s+/)[0]) ? s.slice(opts[0].length) : s;
  const [type, blob] = keyPart.split(/\s+/);
  if (!SSH_KEY_TYPES.has(type) || !blob || !/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) throw CoreErrors.badSshKey(property, value);
  const raw = Buffer.from(blob, 'base64');
  if (raw.length < 4) throw CoreErrors.badSshKey(property, value);
  const len = raw.readUInt32BE(0);
  if (len !== type.length || raw.subarray(4, 4 + len).toString('latin1') !== type) throw CoreErrors.badSshKey(property, value);
  return s;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' (24-hour) → minutes after midnight. */
export function requireTimeOfDay(property: string, value: unknown): number {
  if (typeof value !== 'string' || !HHMM.test(value)) throw CoreErrors.badTime(property, value);
  const [h, m] = value.split(':').map(Number);
  return h * 60 + m;
}

export function requireHttpUrl(property: string, value: unknown): string {
  const s = requireSingleLine(property, value);
  if (isUnresolved(s)) return s;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw CoreErrors.badUrl(property, value);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw CoreErrors.badUrl(property, value);
  return s;
}

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export function requireHostname(property: string, value: unknown): string {
  const s = requireSingleLine(property, value);
  if (s.length > 253 || !s.split('.').every((l) => LABEL.test(l))) throw CoreErrors.badHostname(property, value);
  return s;
}
