/**
 * Raw first-boot fragments: the escape hatch for what the neutral host model cannot say
 * (Typhoon's snippets, aws-cdk's `UserData.custom()`). Each is parsed when created, so a
 * fragment that is not valid JSON, YAML or TOML fails at once, and merged into the rendered
 * payload as its last child layer by `mergeFragment`.
 */
import { CoreErrors } from '../core/errors';
import { BootConfigErrors } from './errors';
import { isUnresolved, requireString } from '../core/validation';
import { FirstBootFormat } from './formats';

/** A piece of first-boot config in the OS's own format, merged over what the library renders. */
export class FirstBootFragment {
  /**
   * An Ignition config fragment (JSON) for Fedora CoreOS and Flatcar, e.g.
   * `'{"storage":{"files":[{"path":"/etc/motd","contents":{"source":"data:,hi"}}]}}'`. Its
   * `ignition.version`, when present, must be the library's spec (3.3.0). Entries with the
   * same key as the library's (files, directories and links by path, units and users by name)
   * replace them; other lists are appended, objects merged.
   */
  public static ignition(json: string): FirstBootFragment {
    const text = requireLiteral('fragment', json);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw BootConfigErrors.badFragment('fragment', text, 'an Ignition JSON object', String((e as Error).message));
    }
    return new FirstBootFragment(FirstBootFormat.IGNITION, text, requireObject(value, text, 'an Ignition JSON object'));
  }

  /**
   * A cloud-config fragment (YAML mapping, without the header line) for Alpine (both its
   * `#alpine-config` and `#cloud-config` images), e.g. `'runcmd:\n  - echo hi\n'`. Lists are
   * appended (`write_files` entries with the same path replace the library's), mappings merged.
   */
  public static cloudConfig(yaml: string): FirstBootFragment {
    const text = requireLiteral('fragment', yaml);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('yaml') as typeof import('yaml');
    let value: unknown;
    try {
      // YAML 1.1, as cloud-init and tiny-cloud read it (PyYAML).
      value = parse(text, { version: '1.1' });
    } catch (e) {
      throw BootConfigErrors.badFragment('fragment', text, 'a cloud-config YAML mapping', String((e as Error).message).split('\n')[0]);
    }
    return new FirstBootFragment(FirstBootFormat.CLOUD_CONFIG, text, requireObject(value, text, 'a cloud-config YAML mapping'));
  }

  /**
   * A Bottlerocket settings fragment (TOML), e.g. `'[settings.motd]\n...'` or
   * `'[settings.kernel]\nlockdown = "integrity"\n'`. Tables are merged, values replace.
   */
  public static bottlerocketSettings(toml: string): FirstBootFragment {
    const text = requireLiteral('fragment', toml);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('smol-toml') as typeof import('smol-toml');
    let value: unknown;
    try {
      value = parse(text);
    } catch (e) {
      throw BootConfigErrors.badFragment('fragment', text, 'Bottlerocket settings as TOML', String((e as Error).message).split('\n')[0]);
    }
    return new FirstBootFragment(FirstBootFormat.BOTTLEROCKET_TOML, text, requireObject(value, text, 'a TOML document'));
  }

  /** The fragment's format: IGNITION, CLOUD_CONFIG (for both Alpine formats) or BOTTLEROCKET_TOML. */
  public readonly format: FirstBootFormat;
  /** The fragment as given. */
  public readonly content: string;
  /** @internal */
  public readonly _value: Record<string, unknown>;

  private constructor(format: FirstBootFormat, content: string, value: Record<string, unknown>) {
    this.format = format;
    this.content = content;
    this._value = value;
  }

  /**
   * True when the fragment can merge into a payload of `format`.
   * @internal
   */
  public _fits(format: FirstBootFormat): boolean {
    // a cloud-config fragment fits both Alpine formats
    if (this.format === FirstBootFormat.CLOUD_CONFIG) return [FirstBootFormat.CLOUD_CONFIG, FirstBootFormat.ALPINE_CONFIG].includes(format);
    return this.format === format;
  }
}

function requireLiteral(property: string, value: unknown): string {
  const s = requireString(property, value);
  if (isUnresolved(s)) throw CoreErrors.unresolvedToken(property, value);
  return s;
}

function requireObject(value: unknown, text: string, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw BootConfigErrors.badFragment('fragment', text, what,
    'the top level must be a mapping/object');
  return value as Record<string, unknown>;
}

/** The key that identifies a list entry, for the lists whose entries replace each other. */
const ENTRY_KEYS: Record<string, string> = {
  'storage.files': 'path', 'storage.directories': 'path', 'storage.links': 'path', 'storage.filesystems': 'device',
  'systemd.units': 'name', 'passwd.users': 'name', 'passwd.groups': 'name', 'write_files': 'path',
};

/**
 * Merges a fragment (child) into a rendered payload's data (parent): objects recursively, lists
 * of keyed entries by key (the child's entry replacing the parent's), other lists appended,
 * scalars replaced. Returns a new value; neither input changes.
 */
export function mergeFragment(parent: Record<string, unknown>, child: Record<string, unknown>, path = ''): Record<string, unknown> {
  const out: Record<string, unknown> = { ...parent };
  for (const [k, v] of Object.entries(child)) {
    const p = path ? `${path}.${k}` : k;
    const old = out[k];
    if (isPlainObject(old) && isPlainObject(v)) {
      out[k] = mergeFragment(old, v, p);
    } else if (Array.isArray(old) && Array.isArray(v)) {
      const key = ENTRY_KEYS[p];
      if (key) {
        const childKeys = new Set(v.map((e) => (isPlainObject(e) ? e[key] : undefined)));
        out[k] = [...old.filter((e) => !(isPlainObject(e) && childKeys.has(e[key]))), ...v];
      } else {
        out[k] = [...old, ...v];
      }
    } else {
      out[k] = v;
    }
  }
  return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date);
}
