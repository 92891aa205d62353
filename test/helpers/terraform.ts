/**
 * Runs real Terraform (init with a local plugin directory, validate, plan, show -json) on a
 * synthesized cdktf stack. Tool lookup and the missing-tool rule live in tools.ts.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { TerraformStack, Testing } from 'cdktf';
import { ToolCheck, findOnPath } from './tools';

const run = promisify(execFile);

export interface TerraformCheck extends ToolCheck {
  /** The provider plugin directory passed to `terraform init -plugin-dir`. */
  readonly pluginDir?: string;
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

/**
 * Removes the synth output directory of a run (its .terraform holds only symlinks into the
 * plugin directory). Set KEEP_TF_DIRS=1 to keep them for debugging.
 */
export function removeRun(result: TerraformResult | undefined): void {
  if (!result || process.env.KEEP_TF_DIRS === '1') return;
  const outdir = path.resolve(result.dir, '..', '..');
  if (path.basename(outdir).startsWith('cdktf.outdir.')) fs.rmSync(outdir, { recursive: true, force: true });
}
