import { createHash } from 'crypto';

/**
 * A short, stable hash of a rendered payload. Platforms use it to key what must be replaced
 * when the first-boot config changes (aws-cdk's `embedFingerprint` idea): same input, same
 * fingerprint, on every machine.
 */
export function fingerprintOf(content: string | Buffer, length = 12): string {
  return createHash('sha256').update(content).digest('hex').slice(0, length);
}

/** JSON with object keys sorted at every depth: byte-stable output for the same value. */
export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), undefined, indent);
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}
