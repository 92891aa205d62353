/**
 * What Terraform will do to a fleet's hosts between two synths, read from the fleet's resources
 * rather than its payloads: which resources (per instance, i.e. per host) are replaced or updated,
 * by the provider's replace-forcing arguments (replace-forcing-attributes.ts), `lifecycle`
 * (`ignore_changes`, `replace_triggered_by`) and references to replaced resources; and on AWS,
 * the capacity (hosts launched or terminated) and the update window of a Bottlerocket fleet.
 *
 * Terraform facts used (developer.hashicorp.com/terraform/language/meta-arguments/lifecycle):
 * `ignore_changes` leaves those arguments out of the plan; `replace_triggered_by` replaces the
 * resource when a referenced resource (instance) has any planned change; and an argument that
 * reads an attribute of a replaced resource is "known after apply", i.e. changes.
 */
import { AWS_REPLACE_FORCING, EVERY_ARGUMENT, LIBVIRT_0_8_3, LIBVIRT_0_9_7, ProviderRules, REPLACEMENT_ON_HOSTS, libvirtRules } from './replace-forcing-attributes';
import { EvalError, StackValues, Unknown, Value } from './terraform-eval';

/** One resource instance of a fleet: `type.key`, or `type.key[instance]` for a for_each instance. */
export interface FleetResource {
  readonly type: string;
  readonly key: string;
  readonly instance?: string;
  /** the arguments as written (for references and lifecycle) */
  readonly raw: Record<string, unknown>;
  /** the arguments evaluated for this instance (what cannot be known shows what it reads) */
  readonly values: Record<string, unknown>;
}

/** Arguments that are Terraform's, not the resource's. */
const META = new Set(['//', 'for_each', 'count', 'lifecycle', 'depends_on', 'provider', 'connection', 'provisioner']);

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/**
 * The resources of the fleet at `fleetPath` (construct path under it), each for_each instance on
 * its own, evaluated with the stack's values when `values` is given.
 */
export function fleetResourcesOf(res: Resources, fleetPath: string, pathOf: (r: Record<string, unknown>, key: string) => string,
  values?: StackValues, payloadOf?: (instance: string) => string | undefined): FleetResource[] {
  const out: FleetResource[] = [];
  for (const type of Object.keys(res).sort()) {
    for (const key of Object.keys(res[type]).sort()) {
      const r = res[type][key];
      if (!pathOf(r, key).startsWith(`${fleetPath}/`)) continue;
      const raw = Object.fromEntries(Object.entries(r).filter(([k]) => k !== '//'));
      // the payload itself is read once, by the fleet: here it stands as its digest
      const payloadArg = payloadOf ? PAYLOAD_ARGUMENT[type] : undefined;
      const written = payloadArg ? Object.fromEntries(Object.entries(raw).filter(([k]) => k !== payloadArg)) : raw;
      const instances = values ? tryEvaluate(() => (r.for_each !== undefined ? values.expand(written) : { '': values.evaluate(written) as
        Record<string, Value> })) : undefined;
      if (instances === undefined || instances instanceof Unknown) {
        out.push({ type, key, raw, values: plain(raw) as Record<string, unknown> });
        continue;
      }
      for (const [instance, v] of Object.entries(instances)) {
        const payload = payloadArg ? { [payloadArg]: payloadOf!(instance) ?? null } : {};
        out.push({
          type, key, instance: r.for_each !== undefined ? instance : undefined, raw,
          values: { ...plain(v) as Record<string, unknown>, ...payload },
        });
      }
    }
  }
  return out;
}

/** The argument that holds a fleet's first-boot payload, per resource type. */
const PAYLOAD_ARGUMENT: Readonly<Record<string, string>> = { libvirt_ignition: 'content', libvirt_cloudinit_disk: 'user_data' };

function tryEvaluate<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof EvalError) return undefined;
    throw e;
  }
}

function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Unknown ? String(x) : x)));
}

function address(r: { type: string; key: string; instance?: string }): string {
  return `${r.type}.${r.key}${r.instance === undefined ? '' : `[${r.instance}]`}`;
}

/** Leaf paths of a value (`disk[1].wwn`), with their JSON. */
function leaves(v: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (Array.isArray(v)) {
    if (!v.length) out.set(prefix, '[]');
    v.forEach((x, i) => leaves(x, `${prefix}[${i}]`, out));
  } else if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v as object);
    if (!keys.length) out.set(prefix, '{}');
    for (const k of keys) leaves((v as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, JSON.stringify(v));
  return out;
}

/** The argument (dotted path without list indices) a leaf path belongs to. */
function argumentOf(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

function covered(path: string, by: readonly string[]): boolean {
  const arg = argumentOf(path);
  return by.some((p) => arg === p || arg.startsWith(`${p}.`));
}

interface Change { readonly path: string; readonly from?: string; readonly to?: string }

function changesOf(a: FleetResource, b: FleetResource): Change[] {
  const ignored = ((b.raw.lifecycle as { ignore_changes?: unknown } | undefined)?.ignore_changes);
  const ignore = Array.isArray(ignored) ? ignored.map(String) : ignored === 'all' ? ['*'] : [];
  const strip = (r: FleetResource) => Object.fromEntries(Object.entries(r.values).filter(([k]) => !META.has(k)));
  const x = leaves(strip(a), '', new Map());
  const y = leaves(strip(b), '', new Map());
  const out: Change[] = [];
  for (const p of [...new Set([...x.keys(), ...y.keys()])].sort()) {
    if (x.get(p) === y.get(p) || ignore.includes('*') || covered(p, ignore)) continue;
    out.push({ path: p, from: x.get(p), to: y.get(p) });
  }
  return out;
}

/** The addresses of resources an expression names: `type.key` and, with `[each.key]`, that instance. */
function referencesIn(text: string, instance: string | undefined): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b((?:libvirt|aws|terraform)_[a-z0-9_]+)\.([A-Za-z0-9_-]+)(\[each\.key\])?/g)) {
    out.push(m[3] && instance !== undefined ? `${m[1]}.${m[2]}[${instance}]` : `${m[1]}.${m[2]}`);
  }
  return out;
}

export type Action = 'replace' | 'update';

export interface PlannedAction {
  readonly resource: FleetResource;
  readonly action: Action;
  /** why: the arguments that change, and what forces a replacement */
  readonly reasons: string[];
}

/**
 * What Terraform plans for the resources both synths have: replace or update, per instance.
 * Resources only one synth has are left to the caller (hosts created or destroyed).
 */
export function plannedActions(before: FleetResource[], after: FleetResource[], rules: ProviderRules): PlannedAction[] {
  const old = new Map(before.map((r) => [address(r), r] as const));
  const both = after.filter((r) => old.has(address(r)));
  const direct = new Map(both.map((r) => [address(r), changesOf(old.get(address(r))!, r)] as const));
  const actions = new Map<string, PlannedAction>();
  const replaced = (ref: string) => [...actions.values()].some((p) => p.action === 'replace'
    && (address(p.resource) === ref || `${p.resource.type}.${p.resource.key}` === ref));
  const changed = (ref: string) => [...actions.values()].some((p) => address(p.resource) === ref || `${p.resource.type}.${p.resource.key}` === ref);
  for (let round = 0; round <= both.length; round++) {
    let moved = false;
    for (const r of both) {
      const a = address(r);
      if (actions.get(a)?.action === 'replace') continue;
      const forcing = rules.replaceForcing[r.type] ?? [];
      const reasons: string[] = [];
      let replace = false;
      for (const c of direct.get(a)!) {
        const forced = forcing === EVERY_ARGUMENT || covered(c.path, forcing);
        replace ||= forced;
        reasons.push(`${c.path}: ${c.from ?? '(unset)'} → ${c.to ?? '(unset)'}${forced ? ' (forces replacement)' : ''}`);
      }
      for (const [arg, v] of Object.entries(r.raw)) {
        if (META.has(arg)) continue;
        const gone = referencesIn(JSON.stringify(v), r.instance).find(replaced);
        if (!gone) continue;
        const forced = forcing === EVERY_ARGUMENT || covered(arg, forcing);
        replace ||= forced;
        reasons.push(`${arg}: known after apply (${gone.replace(/\[[^\]]*\]$/, '')} is replaced)${forced ? ' (forces replacement)' : ''}`);
      }
      const triggers = (r.raw.lifecycle as { replace_triggered_by?: unknown } | undefined)?.replace_triggered_by;
      for (const t of Array.isArray(triggers) ? triggers.map(String) : []) {
        const ref = referencesIn(t, r.instance)[0];
        if (ref && changed(ref)) {
          replace = true;
          reasons.push(`replace_triggered_by ${ref} (it changes)`);
        }
      }
      if (!reasons.length) continue;
      const next: PlannedAction = { resource: r, action: replace ? 'replace' : 'update', reasons };
      if (JSON.stringify(actions.get(a)?.reasons) !== JSON.stringify(reasons) || actions.get(a)?.action !== next.action) {
        actions.set(a, next);
        moved = true;
      }
    }
    if (!moved) break;
  }
  return [...actions.values()];
}

/** What `diff` says about one fleet: effect lines, detail lines, and whether the hosts see it. */
export interface HostImpact {
  readonly effects: string[];
  readonly details: string[];
  readonly onHosts: boolean;
}

/** The rules for a libvirt fleet: its pinned version, else by the domain's shape (0.9 nests `devices`). */
export function rulesFor(version: string | undefined, resources: FleetResource[]): ProviderRules {
  return libvirtRules(version)
    ?? (resources.some((r) => r.type === 'libvirt_domain' && r.raw.devices !== undefined) ? LIBVIRT_0_9_7 : LIBVIRT_0_8_3);
}

/**
 * A libvirt fleet's resource changes as `diff` reports them, grouped by resource and reason, with
 * the hosts (instances) each touches. `skipHosts`: hosts created or destroyed (reported apart);
 * `quietHosts`: hosts whose new payload is shown already (their resources' effects are named, the
 * reasons not).
 */
export function libvirtHostImpact(before: FleetResource[], after: FleetResource[], rules: ProviderRules, skipHosts: string[],
  quietHosts: string[] = []): HostImpact {
  const planned = plannedActions(before, after, rules).filter((p) => p.resource.instance === undefined
    || !skipHosts.includes(p.resource.instance));
  // effects by resource and action, details by resource and reasons (hosts whose changes read alike)
  const group = (key: (p: PlannedAction) => string) => {
    const groups = new Map<string, { p: PlannedAction; hosts: string[] }>();
    for (const p of planned) {
      const entry = groups.get(key(p)) ?? { p, hosts: [] };
      if (p.resource.instance !== undefined) entry.hosts.push(p.resource.instance);
      groups.set(key(p), entry);
    }
    return [...groups.values()];
  };
  const named = (p: PlannedAction, hosts: string[]) => `${p.resource.type}.${p.resource.key}${hosts.length ? ` of host ${hosts.join(', ')}` : ''}`;
  const effects: string[] = [];
  const details: string[] = [];
  let onHosts = false;
  for (const { p, hosts } of group((x) => `${x.resource.type}.${x.resource.key}\n${x.action}`)) {
    if (p.action === 'replace') {
      const means = REPLACEMENT_ON_HOSTS[p.resource.type];
      onHosts ||= means !== undefined;
      effects.push(`effect: Terraform replaces ${named(p, hosts)} (${rules.provider})${means ? `: ${means}` : ''}`);
    } else {
      const u = rules.update[p.resource.type];
      onHosts ||= u?.onHosts ?? false;
      effects.push(`effect: Terraform updates ${named(p, hosts)} (${rules.provider}): ${u?.text ?? 'in place'}`);
    }
  }
  for (const { p, hosts } of group((x) => `${x.resource.type}.${x.resource.key}\n${x.reasons.join('\n')}`)) {
    if (hosts.length && hosts.every((h) => quietHosts.includes(h))) continue;
    details.push(`~ ${named(p, hosts)}`, ...p.reasons.map((r) => `    ${r}`));
  }
  if (details.length) details.unshift(`(replace-forcing arguments: ${rules.source})`);
  return { effects, details, onHosts };
}

/** The capacity of an auto scaling group, from its literal arguments. */
function capacity(asg: Record<string, unknown>): { desired?: number; min?: number; max?: number } {
  const n = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return { desired: n(asg.desired_capacity), min: n(asg.min_size), max: n(asg.max_size) };
}

/**
 * An AWS fleet's host changes besides the payload: hosts launched or terminated by the auto
 * scaling group's capacity (an ASG launches or terminates instances to reach its desired capacity:
 * docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scaling-manually.html), and the
 * hosts' update window (a Bottlerocket fleet's SSM maintenance window, its target, task and runbook).
 */
export function awsHostImpact(asgBefore: Record<string, unknown>, asgAfter: Record<string, unknown>, before: FleetResource[],
  after: FleetResource[]): HostImpact {
  const effects: string[] = [];
  const details: string[] = [];
  const forcing = AWS_REPLACE_FORCING.aws_autoscaling_group.filter((k) => JSON.stringify(asgBefore[k]) !== JSON.stringify(asgAfter[k]));
  if (forcing.length && Object.keys(asgBefore).length && Object.keys(asgAfter).length) {
    const order = (asgAfter.lifecycle as { create_before_destroy?: boolean } | undefined)?.create_before_destroy
      ? 'the new group launches its hosts before the old one and its hosts are destroyed'
      : 'every host is terminated with the old group, then the new group launches new ones';
    effects.push(`effect: Terraform replaces the auto scaling group (${forcing.join(', ')} forces replacement in hashicorp/aws): ${order}`);
    details.push(...forcing.map((k) => `~ auto scaling group.${k}: ${JSON.stringify(asgBefore[k]) ?? '(unset)'} → `
      + `${JSON.stringify(asgAfter[k]) ?? '(unset)'} (forces replacement)`));
  }
  const a = capacity(asgBefore);
  const b = capacity(asgAfter);
  if (a.desired !== undefined && b.desired !== undefined && a.desired !== b.desired) {
    const n = Math.abs(b.desired - a.desired);
    effects.push(b.desired < a.desired
      ? `effect: terminates ${n} host${n === 1 ? '' : 's'} (desired capacity ${a.desired} → ${b.desired}${b.desired === 0 ? ': every host' : ''})`
      : `effect: launches ${n} host${n === 1 ? '' : 's'} (desired capacity ${a.desired} → ${b.desired})`);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    effects.push(`effect: the auto scaling group launches or terminates hosts to stay within min ${b.min ?? '?'}, max ${b.max ?? '?'} `
      + `(was min ${a.min ?? '?'}, max ${a.max ?? '?'}; desired capacity ${b.desired ?? 'set at apply time'})`);
  }
  for (const k of ['desired_capacity', 'min_size', 'max_size']) {
    if (JSON.stringify(asgBefore[k]) !== JSON.stringify(asgAfter[k])) {
      details.push(`~ auto scaling group.${k}: ${JSON.stringify(asgBefore[k]) ?? '(unset)'} → ${JSON.stringify(asgAfter[k]) ?? '(unset)'}`);
    }
  }
  const windowTypes = ['aws_ssm_maintenance_window', 'aws_ssm_maintenance_window_target', 'aws_ssm_maintenance_window_task', 'aws_ssm_document'];
  const pick = (rs: FleetResource[]) => new Map(rs.filter((r) => windowTypes.includes(r.type)).map((r) => [address(r), r] as const));
  const x = pick(before);
  const y = pick(after);
  const window: string[] = [];
  for (const addr of [...new Set([...x.keys(), ...y.keys()])].sort()) {
    const r0 = x.get(addr);
    const r1 = y.get(addr);
    if (!r0 || !r1) {
      window.push(`${r1 ? '+' : '-'} ${addr}`);
      continue;
    }
    const ch = changesOf(r0, r1);
    if (ch.length) window.push(`~ ${addr}`, ...ch.map((c) => `    ${c.path}: ${c.from ?? '(unset)'} → ${c.to ?? '(unset)'}`));
  }
  if (window.length) {
    effects.push('effect: the hosts\' update window changes (the SSM maintenance window that updates them one at a time)');
    details.push(...window);
  }
  return { effects, details, onHosts: effects.length > 0 };
}
