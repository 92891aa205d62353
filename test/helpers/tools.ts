/**
 * Finding the external tools tests need. Missing tools: under CI=true the tests fail with a clear
 * message; elsewhere they are skipped with a loud warning (README "Quick start").
 */
import * as fs from 'fs';
import * as path from 'path';

export const IN_CI = process.env.CI === 'true';

export interface ToolCheck {
  readonly ok: boolean;
  /** Absolute path of the tool, when found. */
  readonly path?: string;
  /** Why it is not usable. */
  readonly reason?: string;
}

/** Looks a program up on PATH (no shell). */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function findTool(name: string): ToolCheck {
  const p = findOnPath(name);
  return p ? { ok: true, path: p } : { ok: false, reason: `'${name}' is not on PATH (Debian: apt-get install -y ${name === 'ignition-validate' ? 'ignition' : name})` };
}

/**
 * `describe` when the tools are there; under CI=true also `describe` (each test then fails
 * through `requireTools`); otherwise `describe.skip` with a loud warning.
 */
export function describeWithTools(checks: ReadonlyArray<readonly [string, ToolCheck]>): jest.Describe {
  const missing = checks.filter(([, c]) => !c.ok);
  if (missing.length === 0 || IN_CI) return describe;
  // eslint-disable-next-line no-console
  console.warn(`\n!!!!!!!!!!\n!! SKIPPING Terraform/validator tests: ${missing.map(([n, c]) => `${n}: ${c.reason}`).join('; ')}\n!! (under CI=true this is a failure)\n!!!!!!!!!!\n`);
  return describe.skip;
}

/** Throws (fails the test) when a tool is missing; call at the start of each test. */
export function requireTools(checks: ReadonlyArray<readonly [string, ToolCheck]>): void {
  const missing = checks.filter(([, c]) => !c.ok);
  if (missing.length > 0) {
    throw new Error(`Required tools are missing under CI=true: ${missing.map(([n, c]) => `${n}: ${c.reason}`).join('; ')}`);
  }
}

/**
 * The path of a tool one test needs: under CI=true a missing tool fails the test; elsewhere it
 * warns loudly and returns undefined (the caller then ends the test early).
 */
export function toolFor(test: string, name: string): string | undefined {
  const t = findTool(name);
  if (t.ok) return t.path;
  if (IN_CI) throw new Error(`${test}: ${t.reason} (a missing tool fails under CI=true)`);
  // eslint-disable-next-line no-console
  console.warn(`\n!! SKIPPING ${test}: ${t.reason} (under CI=true this is a failure)\n`);
  return undefined;
}
