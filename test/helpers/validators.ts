/**
 * The real validators for rendered payloads: Debian's `ignition-validate` (Ignition 2.14),
 * cloud-init 22.4's schema validator, and smol-toml for TOML.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'smol-toml';
import { FirstBootFormat } from '../../lib';
import { describeWithTools, findTool, requireTools } from './tools';

// cloud-init is a Debian (system) python package: its validator runs under the system python.
const SYSTEM_PYTHON = '/usr/bin/python3';

const ignitionValidate = findTool('ignition-validate');
const cloudInit = findTool('cloud-init');

export const VALIDATORS = [['ignition-validate', ignitionValidate], ['cloud-init', cloudInit]] as const;

/**
 * A describe block whose tests need the real validators: skipped with a loud warning when they
 * are missing, and failed (every test, through beforeAll) when they are missing under CI=true.
 */
export function describeWithValidators(name: string, fn: () => void): void {
  describeWithTools(VALIDATORS)(name, () => {
    beforeAll(() => requireTools(VALIDATORS));
    fn();
  });
}

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-validate-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs ignition-validate on each config; returns one error text (or null) per config. */
export function validateIgnition(configs: string[]): (string | null)[] {
  requireTools([VALIDATORS[0]]);
  return withTempDir((dir) => configs.map((c, i) => {
    const f = join(dir, `${i}.ign`);
    writeFileSync(f, c);
    const r = spawnSync(ignitionValidate.path!, [f], { encoding: 'utf8' });
    return r.status === 0 ? null : `${r.stdout}${r.stderr}`.trim() || `exit ${r.status}`;
  }));
}

/**
 * Validates cloud-config documents with cloud-init's schema, all in one process. An
 * `#alpine-config` document is checked as `#cloud-config`: the library emits only keys that
 * tiny-cloud's alpine-config handler shares with cloud-init (CLOUD_CONFIG_KEYS), with the same
 * meaning, and tests assert that separately.
 */
export function validateCloudConfig(docs: string[]): (string | null)[] {
  requireTools([VALIDATORS[1]]);
  return withTempDir((dir) => {
    const files = docs.map((d, i) => {
      const f = join(dir, `${i}.yaml`);
      writeFileSync(f, d.replace(/^#alpine-config\n/, '#cloud-config\n'));
      return f;
    });
    const out = execFileSync(SYSTEM_PYTHON, [join(__dirname, 'cloud_init_schema_batch.py'), ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const results = JSON.parse(out) as Record<string, string | null>;
    return files.map((f) => results[f]);
  });
}

export function validateToml(docs: string[]): (string | null)[] {
  return docs.map((d) => {
    try {
      parse(d);
      return null;
    } catch (e) {
      return String(e);
    }
  });
}

/** Validates payloads of any format with the matching real validator, batching by format. */
export function validatePayloads(payloads: { format: FirstBootFormat; content: string }[]): (string | null)[] {
  const results: (string | null)[] = new Array(payloads.length).fill(null);
  const groups: Record<string, number[]> = {};
  payloads.forEach((p, i) => (groups[p.format] ??= []).push(i));
  for (const [format, idx] of Object.entries(groups)) {
    const contents = idx.map((i) => payloads[i].content);
    const r = format === FirstBootFormat.IGNITION ? validateIgnition(contents)
      : format === FirstBootFormat.BOTTLEROCKET_TOML ? validateToml(contents)
        : validateCloudConfig(contents);
    idx.forEach((i, k) => (results[i] = r[k]));
  }
  return results;
}

/** Expects every payload to pass its validator, printing the failures with their payloads. */
export function expectValid(payloads: { format: FirstBootFormat; content: string }[]): void {
  const errors = validatePayloads(payloads)
    .map((e, i) => (e ? `#${i} (${payloads[i].format}): ${e}\n--- payload ---\n${payloads[i].content.slice(0, 2000)}` : null))
    .filter((e): e is string => e !== null);
  expect(errors).toEqual([]);
}
