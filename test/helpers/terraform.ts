/**
 * Runs real Terraform (init with a local plugin directory, validate, plan, show -json) on a
 * synthesized cdktf stack, and finds the upstream validators for first-boot payloads.
 *
 * Missing tools: under CI=true the tests fail with a clear message; elsewhere they are skipped
 * with a loud warning (shared/DESIGN.md "Tests").
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { TerraformStack, Testing } from 'cdktf';

const run = promisify(execFile);

export const IN_CI = process.env.CI === 'true';

export interface ToolCheck {
  readonly ok: boolean;
  /** Absolute path of the tool, when found. */
  readonly path?: string;
  /** Why it is not usable. */
  readonly reason?: string;
}

export interface TerraformCheck extends ToolCheck {
  /** The provider plugin directory passed to `terraform init -plugin-dir`. */
  readonly pluginDir?: string;
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
 * terraform on PATH plus a provider plugin directory: env TF_PLUGIN_DIR, else /opt/tf-plugins
 * when it exists (the project machines' mirror of hashicorp/aws 5.100.0).
 */
export function findTerraform(): TerraformCheck {
  const tf = findOnPath('terraform');
  if (!tf) return { ok: false, reason: "'terraform' is not on PATH (need terraform 1.11.x)" };
  const pluginDir = process.env.TF_PLUGIN_DIR ?? (fs.existsSync('/opt/tf-plugins') ? '/opt/tf-plugins' : undefined);
  if (!pluginDir) return { ok: false, path: tf, reason: 'no provider plugin directory: set TF_PLUGIN_DIR (a filesystem mirror holding hashicorp/aws 5.100.0) or create /opt/tf-plugins' };
  if (!fs.existsSync(pluginDir)) return { ok: false, path: tf, reason: `TF_PLUGIN_DIR=${pluginDir} does not exist` };
  return { ok: true, path: tf, pluginDir };
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

export interface TerraformResult {
  /** Directory holding cdk.tf.json and the .terraform state. */
  readonly dir: string;
  /** Output of `terraform validate -json`. */
  readonly validate: any;
  /** Output of `terraform show -json plan.bin`, when planned. */
  readonly plan?: any;
}

let cliConfig: string | undefined;

function terraformEnv(): NodeJS.ProcessEnv {
  if (!cliConfig) {
    // An empty CLI config, so no user ~/.terraformrc (mirrors, credentials, plugin caches) leaks in.
    cliConfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tf-cli.')), 'terraformrc');
    fs.writeFileSync(cliConfig, '');
  }
  const env: NodeJS.ProcessEnv = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: cliConfig };
  delete env.TF_PLUGIN_CACHE_DIR;
  delete env.TF_DATA_DIR;
  delete env.TF_WORKSPACE;
  for (const k of Object.keys(env)) if (k.startsWith('TF_VAR_') || k.startsWith('TF_CLI_ARGS')) delete env[k];
  return env;
}

async function terraform(tf: TerraformCheck, dir: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tf.path!, args, { cwd: dir, env: terraformEnv(), maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (e: any) {
    throw new Error(`terraform ${args.join(' ')} failed in ${dir} (exit ${e.code}):\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/** Writes the stack's Terraform JSON to a temporary directory and returns that directory. */
export function writeStack(stack: TerraformStack): string {
  const outdir = Testing.fullSynth(stack);
  const dir = path.join(outdir, 'stacks', stack.node.id);
  if (!fs.existsSync(path.join(dir, 'cdk.tf.json'))) throw new Error(`no cdk.tf.json in ${dir}`);
  return dir;
}

/**
 * terraform init (offline, from the plugin directory) + validate, and optionally plan + show.
 * Validation errors throw with Terraform's diagnostics.
 */
export async function terraformCheck(tf: TerraformCheck, stack: TerraformStack, opts: { plan: boolean }): Promise<TerraformResult> {
  const dir = writeStack(stack);
  await terraform(tf, dir, ['init', '-input=false', '-no-color', `-plugin-dir=${tf.pluginDir}`]);
  let validateOut: string;
  try {
    validateOut = await terraform(tf, dir, ['validate', '-json', '-no-color']);
  } catch (e: any) {
    // validate -json exits 1 on errors but still prints JSON on stdout.
    throw new Error(`terraform validate failed:\n${String(e.message)}`);
  }
  const validate = JSON.parse(validateOut);
  if (!validate.valid) throw new Error(`terraform validate: ${JSON.stringify(validate.diagnostics, undefined, 2)}`);
  if (!opts.plan) return { dir, validate };
  await terraform(tf, dir, ['plan', '-input=false', '-lock=false', '-no-color', '-out=plan.bin']);
  const plan = JSON.parse(await terraform(tf, dir, ['show', '-json', '-no-color', 'plan.bin']));
  return { dir, validate, plan };
}

/** Resources of a plan's root module and children, with their planned values. */
export function plannedResources(plan: any): Array<{ address: string; type: string; mode: string; values: any }> {
  const out: Array<{ address: string; type: string; mode: string; values: any }> = [];
  const walk = (m: any) => {
    for (const r of m?.resources ?? []) out.push({ address: r.address, type: r.type, mode: r.mode, values: r.values });
    for (const c of m?.child_modules ?? []) walk(c);
  };
  walk(plan?.planned_values?.root_module);
  return out;
}

/** Number of planned managed resources per action (e.g. `{ create: 7 }`). */
export function planActionCounts(plan: any): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rc of plan?.resource_changes ?? []) {
    if (rc.mode !== 'managed') continue;
    const key = rc.change.actions.join('+');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Runs a validator program on a file; returns exit code and output, never throws for exit != 0. */
export function runValidator(program: string, args: string[]): { code: number; output: string } {
  try {
    const out = execFileSync(program, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, output: out };
  } catch (e: any) {
    return { code: typeof e.status === 'number' ? e.status : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/**
 * Removes the synth output directory of a run (its .terraform holds only symlinks into the
 * plugin directory). Set KEEP_TF_DIRS=1 to keep them for debugging.
 */
export function removeRun(result: TerraformResult | undefined): void {
  if (!result || process.env.KEEP_TF_DIRS === '1') return;
  const outdir = path.resolve(result.dir, '..', '..');
  if (path.basename(outdir).startsWith('cdktf.outdir.')) fs.rmSync(outdir, { recursive: true, force: true });
}

/** Writes text to a new temporary file and returns its path (remove it with removeTempFile). */
export function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-payload.')), name);
  fs.writeFileSync(file, content);
  return file;
}

export function removeTempFile(file: string): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
