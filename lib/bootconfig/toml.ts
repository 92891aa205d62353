import { stringify } from 'smol-toml';
import { sortKeys } from '../core/fingerprint';

/** TOML text of a plain object with sorted keys (smol-toml), so output is byte-stable. */
export function renderToml(value: Record<string, unknown>): string {
  const text = stringify(sortKeys(value) as Record<string, unknown>);
  return text.endsWith('\n') ? text : `${text}\n`;
}
