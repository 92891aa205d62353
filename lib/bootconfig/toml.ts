import { sortKeys } from '../core/fingerprint';

/** TOML text of a plain object with sorted keys (smol-toml), so output is byte-stable. */
export function renderToml(value: Record<string, unknown>): string {
  // Loaded on first use: apps without TOML payloads never load the TOML library.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stringify } = require('smol-toml') as typeof import('smol-toml');
  const text = stringify(sortKeys(value) as Record<string, unknown>);
  return text.endsWith('\n') ? text : `${text}\n`;
}
