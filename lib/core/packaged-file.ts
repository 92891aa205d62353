/**
 * Programs the library writes to hosts (shell scripts, runbook steps) are real files in the
 * package, next to the module that renders them: they can be read, linted and diffed as what
 * they are. package.json `files` ships them (`lib/**\/*.sh`, `lib/**\/*.py`).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const read = new Map<string, string>();

/** The text of `name` in the module directory `dir` (the caller's `__dirname`), read once, on first use. */
export function packagedFile(dir: string, name: string): string {
  const path = join(dir, name);
  let text = read.get(path);
  if (text === undefined) {
    text = readFileSync(path, 'utf8');
    read.set(path, text);
  }
  return text;
}

const PLACEHOLDER = /@([A-Z][A-Z0-9_]*)@/g;

/**
 * `text` with each `@NAME@` replaced by `values[NAME]`. Every placeholder in the text must have a
 * value and every value a placeholder, so a renamed one fails loudly instead of reaching a host.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  const used = new Set<string>();
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in values)) throw new Error(`internal: no value for the placeholder ${whole}`);
    used.add(name);
    return values[name];
  });
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`internal: no placeholder for ${unused.join(', ')}`);
  return out;
}
