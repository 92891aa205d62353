/**
 * A libvirt fleet's hosts read from one decoded payload. The fleet writes one payload template
 * and each host's payload is that template with its own name and values put in
 * (lib/platforms/libvirt/libvirt-fleet-resources.ts), so a 1000-host fleet is one payload to
 * decode, not 1000.
 *
 * The payload expression is evaluated once with markers for `each.key` and every `each.value`
 * column; each host's payload is that text with the markers replaced by the host's values. A
 * host's text is still evaluated as Terraform would and compared with the filled template, so a
 * host whose payload is not exactly the template filled in is read on its own. Its view (the
 * decoded payload) is the template's view with the markers replaced, and the size and hash of
 * every file whose text changed recomputed: decoding commutes with that replacement when the
 * values are inert in the payload's syntax (Ignition JSON strings and percent-encoded data URLs:
 * letters, digits and `._:-`), which the first host's own decode confirms.
 */
import { isDeepStrictEqual } from 'util';
import { HostView, formatOf, hostView } from './host-view';
import { StackValues, Value } from './terraform-eval';
import { sha256 } from './util';

/** Values that read the same inside a JSON string and a data URL, whatever surrounds them. */
const INERT = /^[A-Za-z0-9._:-]*$/;
const KEY_MARK = 'zq9eachkey9qz';
const valueMark = (i: number) => `zq9eachvalue${i}9qz`;

/** A fleet's payloads from one template: `text(host)` as Terraform evaluates it, `view(host)` decoded. */
export interface FleetTemplate {
  /** the host's payload and its view, or undefined when the host must be read on its own */
  host(key: string): { readonly text: string; readonly view: HostView } | undefined;
}

/**
 * The template of `expression` over `instances` (instance key → `each.value`), or undefined
 * when the fleet's payloads are to be read host by host (see the file comment).
 */
export function fleetTemplate(values: StackValues, expression: unknown, instances: Record<string, Value>, where: string):
FleetTemplate | undefined {
  const keys = Object.keys(instances).sort();
  if (keys.length < 2) return undefined;
  const columns = rowColumns(instances[keys[0]]);
  if (columns === undefined || !keys.every((k) => INERT.test(k) && sameRow(instances[k], columns))) return undefined;
  const markedRow = Object.fromEntries(columns.map((c, i) => [c, valueMark(i)]));
  // a payload that is not one template (a map of payloads by host name) has no value for the marker key
  let template: Value;
  try {
    template = values.evaluate(expression, { key: KEY_MARK, value: markedRow });
  } catch {
    return undefined;
  }
  if (typeof template !== 'string' || formatOf(template) !== 'ignition') return undefined;
  const marks = new RegExp(`${KEY_MARK}|zq9eachvalue(\\d+)9qz`, 'g');
  const filler = (key: string) => {
    const row = instances[key] as Record<string, string>;
    return (s: string) => s.replace(marks, (_m, i: string | undefined) => (i === undefined ? key : row[columns[Number(i)]]));
  };
  const hasMark = (s: string) => s.includes('zq9each');
  let view: HostView;
  try {
    view = hostView(template, `${where} host ${keys[0]}`);
  } catch {
    return undefined;
  }
  const textOf = (key: string) => values.evaluate(expression, { key, value: instances[key] });
  // the first host's own decode confirms that decoding commutes with filling in its values
  const first = textOf(keys[0]);
  if (typeof first !== 'string' || first !== filler(keys[0])(template)
    || !isDeepStrictEqual(hostView(first, `${where} host ${keys[0]}`), instantiate(view, filler(keys[0]), hasMark))) return undefined;
  return {
    host: (key) => {
      const text = textOf(key);
      const fill = filler(key);
      if (typeof text !== 'string' || text !== fill(template)) return undefined;
      return { text, view: instantiate(view, fill, hasMark) as HostView };
    },
  };
}

/** The column names of a host-table row (an object of strings), or undefined. */
function rowColumns(row: Value): string[] | undefined {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return undefined;
  return Object.keys(row).sort();
}

function sameRow(row: Value, columns: string[]): boolean {
  const c = rowColumns(row);
  return c !== undefined && c.length === columns.length && c.every((k, i) => k === columns[i]
    && typeof (row as Record<string, Value>)[k] === 'string' && INERT.test((row as Record<string, string>)[k]));
}

/** A view with the markers filled in; a file whose text changed gets its new size and hash. */
function instantiate(v: unknown, fill: (s: string) => string, hasMark: (s: string) => boolean): unknown {
  if (typeof v === 'string') return hasMark(v) ? fill(v) : v;
  if (Array.isArray(v)) return v.map((x) => instantiate(x, fill, hasMark));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[hasMark(k) ? fill(k) : k] = instantiate(x, fill, hasMark);
  const file = v as { sha256?: unknown; text?: unknown };
  if (typeof file.sha256 === 'string' && typeof file.text === 'string' && out.text !== file.text) {
    const bytes = Buffer.from(out.text as string, 'utf8');
    out.size = bytes.length;
    out.sha256 = sha256(bytes);
  }
  return out;
}
