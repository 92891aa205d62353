/**
 * Real Terraform on a synthesized libvirt stack without the libvirt provider: every resource
 * becomes a `terraform_data` stand-in (Terraform's built-in provider, no download) whose `input`
 * holds the resource's attributes, with the same `for_each`, and the stack's locals and outputs
 * as they are. `terraform plan` then evaluates exactly the expressions the fleet wrote (locals,
 * for_each, replace, csvdecode, sensitive, templates), and `terraform apply` keeps state, so a
 * second plan shows what a change would do to each host.
 *
 * A reference to another resource's attribute (`libvirt_volume.x[each.key].id`) becomes one to
 * its stand-in's id (`terraform_data.libvirt_volume__x[each.key].id`): unknown until applied and
 * stable afterwards, like the real one; in a local's map over a resource's instances
 * (`{ for key, val in libvirt_volume.x: key => val.path }`) each value becomes the stand-in's id. So is a variable (`var.x`), whose value comes from
 * outside the stack. Lifecycle, provider and depends_on arguments are left out (not under test
 * here), and so are outputs that read resources.
 *
 * A stack pinning dmacvicar/libvirt 0.9.7 gets the provider's update rules too, so that a plan
 * says replace, update or nothing where the provider would: its RequiresReplace arguments
 * (`REQUIRES_REPLACE_09`, read from the provider's source at v0.9.7) go into `triggers_replace`,
 * `lifecycle.ignore_changes` entries become `input.<argument>`, and `replace_triggered_by`
 * references point at the stand-ins.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { ToolCheck, findOnPath } from '../helpers/tools';

const run = promisify(execFile);

export function findTerraformBinary(): ToolCheck {
  const p = findOnPath('terraform');
  return p ? { ok: true, path: p } : { ok: false, reason: "'terraform' is not on PATH (need terraform 1.11.x)" };
}

/** RequiresReplace arguments of dmacvicar/libvirt 0.9.7 (framework plan modifiers, internal/provider/*_resource.go at v0.9.7). */
export const REQUIRES_REPLACE_09: Record<string, readonly string[]> = {
  libvirt_domain: ['name', 'type'],
  libvirt_network: ['name'],
  libvirt_pool: ['name', 'type'],
  libvirt_volume: ['name', 'pool'],
  libvirt_cloudinit_disk: ['name', 'user_data', 'meta_data', 'network_config'],
  libvirt_ignition: ['name', 'content'],
};

const REF = /\b(libvirt_[a-z0-9_]+)\.([A-Za-z0-9_-]+)(\[[^\]]*\])?(?:\.[A-Za-z0-9_]+|\[[0-9]+\])*/g;
/** A map over a whole resource's instances, `for key, val in libvirt_x.y: key => val.attr` (lib/platforms/libvirt/sibling-refs.ts). */
const FOR_REF = /\bin (libvirt_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\s*:\s*([A-Za-z_]+)\s*=>\s*([A-Za-z_]+)\.[A-Za-z0-9_]+/g;
const VAR = /\bvar\.([A-Za-z0-9_-]+)/g;
const SKIP = new Set(['//', 'for_each', 'lifecycle', 'provider', 'depends_on', 'count']);

function rewrite(v: unknown): unknown {
  if (typeof v === 'string') {
    // only inside interpolations: payload text stays as it is
    return v.replace(/\$\{(?:[^{}"]|"(?:[^"\\]|\\.)*"|\{[^{}]*\})*\}/g, (expr) => expr
      .replace(new RegExp(`${FOR_REF.source}|${REF.source}`, 'g'), (_m, ft, fn, k, val, type, name, idx) => (ft !== undefined
        ? `in terraform_data.${ft}__${fn}: ${k} => ${val}.id` : `terraform_data.${type}__${name}${idx ?? ''}.id`))
      .replace(VAR, (_m, name) => `terraform_data.variable__${name}.id`));
  }
  if (Array.isArray(v)) return v.map(rewrite);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]));
  return v;
}

/** `type.name[key]` of a `replace_triggered_by` entry as the address of its stand-in. */
function standInAddress(ref: string): string {
  return ref.replace(/^([a-z0-9_]+)\.([A-Za-z0-9_-]+)/, (_m, type, name) => `terraform_data.${type}__${name}`);
}

/** The provider's update rules for a 0.9.7 stand-in (see the file comment). */
function rules09(type: string, r: any, input: Record<string, unknown>): Record<string, unknown> {
  const replaceOn = (REQUIRES_REPLACE_09[type] ?? []).filter((k) => k in input);
  const ignore: string[] = Array.isArray(r.lifecycle?.ignore_changes) ? r.lifecycle.ignore_changes : [];
  const triggers: string[] = r.lifecycle?.replace_triggered_by ?? [];
  const lifecycle = {
    ...(ignore.length ? { ignore_changes: ignore.map((a) => `input.${a}`) } : {}),
    ...(triggers.length ? { replace_triggered_by: triggers.map(standInAddress) } : {}),
    ...(r.lifecycle?.prevent_destroy ? { prevent_destroy: true } : {}),
  };
  return {
    ...(replaceOn.length ? { triggers_replace: Object.fromEntries(replaceOn.map((k) => [k, input[k]])) } : {}),
    ...(Object.keys(lifecycle).length ? { lifecycle } : {}),
  };
}

/** How a stand-in is made. */
export interface StandInOptions {
  /** follow dmacvicar/libvirt 0.9.7's update rules (default: when the stack pins 0.9.7) */
  readonly providerRules?: boolean;
}

/** The stand-in configuration of a synthesized stack (see the file comment). */
export function standInConfig(doc: any, options: StandInOptions = {}): any {
  const data: Record<string, unknown> = {};
  const libvirt09 = options.providerRules ?? doc.terraform?.required_providers?.libvirt?.version === '0.9.7';
  for (const [type, rs] of Object.entries<any>(doc.resource ?? {})) {
    for (const [name, r] of Object.entries<any>(rs)) {
      const input: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (!SKIP.has(k)) input[k] = rewrite(v);
      data[`${type}__${name}`] = {
        ...(r.for_each !== undefined ? { for_each: rewrite(r.for_each) } : {}), input,
        ...(libvirt09 ? rules09(type, r, input) : {}),
      };
    }
  }
  // variables come from outside the stack: unknown here too (a stand-in's id), as the evaluator has them
  for (const name of Object.keys(doc.variable ?? {})) data[`variable__${name}`] = { input: name };
  // outputs that read resources (e.g. the domains' addresses) are left out
  const outputs = Object.fromEntries(Object.entries<any>(doc.output ?? {}).filter(([, o]) => !JSON.stringify(o.value).includes('libvirt_')));
  return {
    ...(doc.locals ? { locals: rewrite(doc.locals) } : {}),
    ...(Object.keys(outputs).length ? { output: outputs } : {}),
    resource: { terraform_data: data },
  };
}

export interface StandIn {
  readonly dir: string;
  /** Writes the stand-in of `doc` over the previous one. */
  write(doc: any): void;
  /** `terraform plan` + `show -json` of what is written now. */
  plan(): Promise<any>;
  /** `terraform apply` of what is written now (state kept in the directory). */
  apply(): Promise<void>;
  remove(): void;
}

/** A working directory for stand-ins of one stack, initialized (offline: only the built-in provider). */
export async function standIn(tf: ToolCheck, doc: any, options: StandInOptions = {}): Promise<StandIn> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-standin-'));
  const rc = path.join(dir, 'terraformrc');
  fs.writeFileSync(rc, '');
  const env: NodeJS.ProcessEnv = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: rc };
  for (const k of Object.keys(env)) if (k.startsWith('TF_VAR_') || k.startsWith('TF_CLI_ARGS') || k === 'TF_DATA_DIR' || k === 'TF_WORKSPACE') delete env[k];
  const terraform = async (args: string[]) => {
    try {
      return (await run(tf.path!, args, { cwd: dir, env, maxBuffer: 512 * 1024 * 1024 })).stdout;
    } catch (e: any) {
      throw new Error(`terraform ${args.join(' ')} failed in ${dir}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    }
  };
  const s: StandIn = {
    dir,
    write: (d) => fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(standInConfig(d, options), undefined, 1)),
    plan: async () => {
      await terraform(['plan', '-input=false', '-lock=false', '-no-color', '-out=plan.bin']);
      return JSON.parse(await terraform(['show', '-json', '-no-color', 'plan.bin']));
    },
    apply: async () => {
      await terraform(['apply', '-input=false', '-lock=false', '-no-color', '-auto-approve']);
    },
    remove: () => {
      if (process.env.KEEP_TF_DIRS !== '1') fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  s.write(doc);
  await terraform(['init', '-input=false', '-no-color', '-backend=false']);
  return s;
}

/** What a plan shows per instance of a stand-in: `<type>.<name>` → instance key → input values, with unknowns as `(known after apply)`. */
export function plannedInputs(plan: any): Record<string, Record<string, any>> {
  const out: Record<string, Record<string, any>> = {};
  for (const rc of plan.resource_changes ?? []) {
    if (rc.type !== 'terraform_data' || rc.change.actions.includes('delete') && !rc.change.actions.includes('create')) continue;
    const [type, ...rest] = String(rc.name).split('__');
    if (type === 'variable') continue;
    const res = `${type}.${rest.join('__')}`;
    const merged = mergeUnknown(rc.change.after?.input, rc.change.after_unknown?.input);
    (out[res] ??= {})[rc.index === undefined ? '' : String(rc.index)] = merged;
  }
  return out;
}

export const UNKNOWN = '(known after apply)';

function mergeUnknown(value: any, unknown: any): any {
  if (unknown === true) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v, i) => mergeUnknown(v, Array.isArray(unknown) ? unknown[i] : undefined));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, any> = {};
    const keys = new Set([...Object.keys(value), ...Object.keys(unknown && typeof unknown === 'object' ? unknown : {})]);
    for (const k of keys) out[k] = mergeUnknown(value[k], unknown?.[k]);
    return out;
  }
  if (value === undefined && unknown && typeof unknown === 'object') return mergeUnknown(Array.isArray(unknown) ? [] : {}, unknown);
  return value;
}

/** Which instances a plan creates, updates, replaces or deletes, by `<type>.<name>[key]`. */
export function plannedActions(plan: any): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rc of plan.resource_changes ?? []) {
    if (rc.type !== 'terraform_data') continue;
    const [type, ...rest] = String(rc.name).split('__');
    out[`${type}.${rest.join('__')}${rc.index === undefined ? '' : `[${JSON.stringify(rc.index)}]`}`] = rc.change.actions.join('+');
  }
  return out;
}
