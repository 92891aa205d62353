/**
 * Runs a small cdktf app as its own Node process, the way `cdktf synth` runs a user's app, with
 * the library loaded from its TypeScript sources (transpiled on require, as ts-jest does), so the
 * process sees the library exactly as the tests do and no `npm run build` is needed.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const repo = join(__dirname, '..', '..');

/** Transpiled files, keyed by their path and text, shared by the apps of a test run (transpiling the library takes seconds). */
const CACHE = join(tmpdir(), 'fleet-app-ts-cache');

/**
 * Loads `.ts` files by transpiling them (CommonJS), like ts-jest with isolatedModules, and prefers
 * them to a `.js` file of the same name (a jsii build's output next to the sources may be stale).
 * TypeScript itself is loaded only when a file is not in the cache.
 */
const PRELOAD = `
const { createHash } = require('crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('fs');
const { join } = require('path');
const cache = ${JSON.stringify(CACHE)};
let ts;
const js = require.extensions['.js'];
delete require.extensions['.js'];
require.extensions['.ts'] = (m, file) => {
  const source = readFileSync(file, 'utf8');
  const cached = join(cache, createHash('sha256').update(file).update('\\0').update(source).digest('hex') + '.js');
  let out;
  try { out = readFileSync(cached, 'utf8'); } catch {
    ts = ts || require(${JSON.stringify(require.resolve('typescript'))});
    out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 }, fileName: file }).outputText;
    mkdirSync(cache, { recursive: true });
    const tmp = cached + '.' + process.pid;
    writeFileSync(tmp, out);
    renameSync(tmp, cached);
  }
  m._compile(out, file);
};
require.extensions['.js'] = js;
`;

export interface AppRun {
  readonly dir: string;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The command that runs the app in its directory (cdktf.json's `app`). */
export const APP_COMMAND = 'node -r ./preload.js main.js';

/**
 * A new directory with `main.js` (which may `require(LIB)` for the library and `require('cdktf')`
 * with NODE_PATH set as `appEnv` sets it) and the loader APP_COMMAND needs.
 */
export function writeApp(main: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-app-'));
  writeFileSync(join(dir, 'preload.js'), PRELOAD);
  writeFileSync(join(dir, 'main.js'), `const LIB = ${JSON.stringify(join(repo, 'lib', 'index.ts'))};\n${main}`);
  return dir;
}

/** This process's environment without the CLI's CDKTF_* variables, plus `env` and the repository's modules. */
export function appEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CDKTF_')));
  return { ...clean, NODE_PATH: join(repo, 'node_modules'), ...env };
}

/** Writes the app (see writeApp) and runs it with `env` added to this process's environment. */
export function runApp(main: string, env: Record<string, string> = {}): AppRun {
  const dir = writeApp(main);
  const r = spawnSync(process.execPath, ['-r', './preload.js', 'main.js'], { cwd: dir, encoding: 'utf8', timeout: 120000, env: appEnv(env) });
  return { dir, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `node -e <code>` in `dir` (an app written by `init`, say) with TypeScript files loaded as
 * APP_COMMAND loads them, and `pkg` resolving to the library's sources (a module in `dir`'s
 * node_modules that re-exports lib/index.ts), everything else from the repository's modules.
 */
export function runInApp(dir: string, pkg: string, code: string, env: Record<string, string> = {}): AppRun {
  writeFileSync(join(dir, 'preload.js'), PRELOAD);
  const shim = join(dir, 'node_modules', pkg);
  mkdirSync(join(shim, 'lib', 'cli'), { recursive: true });
  writeFileSync(join(shim, 'index.js'), `module.exports = require(${JSON.stringify(join(repo, 'lib', 'index.ts'))});\n`);
  writeFileSync(join(shim, 'lib', 'cli', 'snapshot-serializer.js'),
    `module.exports = require(${JSON.stringify(join(repo, 'lib', 'cli', 'snapshot-serializer.ts'))});\n`);
  const r = spawnSync(process.execPath, ['-r', './preload.js', '-e', code], { cwd: dir, encoding: 'utf8', timeout: 120000, env: appEnv(env) });
  return { dir, code: r.status, stdout: r.stdout, stderr: r.stderr };
}
