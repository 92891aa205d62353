/**
 * Reads a synthesized cdktf app (cdktf.out with manifest.json, a stack directory, or one
 * cdk.tf.json) and finds its Docker fleets by their resources: an AWS launch template's user
 * data (base64, gzip, or an Ignition S3 pointer to an aws_s3_object in the same stack), or a
 * libvirt fleet's per-host libvirt_ignition / libvirt_cloudinit_disk (for_each instances, whose
 * payloads are expressions over the stack's locals: terraform-eval.ts evaluates them as
 * Terraform does).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { CliError, oneLine } from './errors';
import { ecsContainersOf } from './ecs-view';
import { fleetTemplate } from './fleet-template';
import { FleetResource, fleetResourcesOf } from './host-impact';
import { ContainerView, HostView, formatOf, hostView, userDataText } from './host-view';
import { EvalError, StackValues, Unknown, Value } from './terraform-eval';
import { fromBase64, literalOf, sha256 } from './util';
import { unescapeTemplate } from '../core/terraform-text';

export type TfJson = { resource?: Record<string, Record<string, Record<string, unknown>>> } & Record<string, unknown>;

export interface Stack {
  readonly name: string;
  readonly json: TfJson;
}

/** One payload as the hosts get it. */
export interface Payload {
  readonly text: string;
  /** how it is delivered, e.g. `base64`, `base64+gzip`, `S3 pointer → s3://…` */
  readonly delivery: string;
  readonly view: HostView;
}

export interface Fleet {
  /** `<stack>/<construct path of the fleet>` */
  readonly id: string;
  readonly stack: string;
  readonly platform: 'aws' | 'libvirt';
  readonly os: string;
  /** AWS: the literal desired capacity, when it is one */
  readonly hostCount?: number;
  /** AWS: one payload under the key `*`; libvirt: one per host name */
  readonly payloads: Record<string, Payload>;
  /** AWS: the launch template's other attributes (a change also makes a new version) */
  readonly launchTemplate?: Record<string, unknown>;
  /** attributes that do not reach the hosts (ASG sizes, …), for "no host change" */
  readonly other: Record<string, unknown>;
  /** AWS with ECS (Bottlerocket): the containers the fleet runs as ECS services, not in the payload */
  readonly ecsContainers?: ContainerView[];
  /** libvirt: the dmacvicar/libvirt version the stack pins (`required_providers.libvirt.version`), when it pins one */
  readonly providerVersion?: string;
  /** every resource of the fleet, per instance (what Terraform will do to the hosts: host-impact.ts) */
  readonly resources?: FleetResource[];
}

/** Loads every stack of `path`. */
export function loadApp(path: string): Stack[] {
  const p = resolve(path);
  if (!existsSync(p)) throw new CliError(`${path}: no such file or directory (run \`cdktf synth\` first, or pass the synth output `
    + `directory)`);
  if (statSync(p).isFile()) return [{ name: basename(dirname(p)), json: readJson(p, path) }];
  const manifest = join(p, 'manifest.json');
  if (existsSync(manifest)) {
    const m = readJson(manifest, join(path, 'manifest.json')) as { stacks?: Record<string, { synthesizedStackPath?: string }> };
    if (!m.stacks || typeof m.stacks !== 'object') throw new CliError(`${join(path, 'manifest.json')}: not a cdktf manifest (no "stacks")`);
    return Object.keys(m.stacks).sort().map((name) => {
      const rel = m.stacks![name].synthesizedStackPath ?? `stacks/${name}/cdk.tf.json`;
      const file = join(p, rel);
      if (!existsSync(file)) throw new CliError(`${join(path, rel)}: missing (the manifest lists stack ${name})`);
      return { name, json: readJson(file, join(path, rel)) };
    });
  }
  if (existsSync(join(p, 'cdk.tf.json'))) return [{ name: basename(p), json: readJson(join(p, 'cdk.tf.json'), join(path, 'cdk.tf.json')) }];
  const stacksDir = join(p, 'stacks');
  if (existsSync(stacksDir) && statSync(stacksDir).isDirectory()) {
    const names = readdirSync(stacksDir).filter((n) => existsSync(join(stacksDir, n, 'cdk.tf.json'))).sort();
    if (names.length) {
      return names.map((name) => ({
        name, json: readJson(join(stacksDir, name, 'cdk.tf.json'), join(path, 'stacks', name, 'cdk.tf.json')),
      }));
    }
  }
  throw new CliError(`${path}: not a synthesized cdktf app (no manifest.json, stacks/*/cdk.tf.json or cdk.tf.json); run \`cdktf synth\` `
    + `and pass its output directory`);
}

function readJson(file: string, shown: string): TfJson {
  let j: unknown;
  try {
    j = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError(`${shown}: not valid JSON (${oneLine(e)})`);
  }
  if (j === null || typeof j !== 'object' || Array.isArray(j)) throw new CliError(`${shown}: not a Terraform JSON document`);
  return j as TfJson;
}

function constructPath(r: Record<string, unknown>, fallback: string): string {
  const p = (r['//'] as { metadata?: { path?: string } } | undefined)?.metadata?.path;
  return typeof p === 'string' ? p : fallback;
}

function parentPath(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(0, i);
}

function withoutMeta(r: Record<string, unknown>, drop: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(r).sort()) if (k !== '//' && !drop.includes(k)) out[k] = r[k];
  return out;
}

/** The fleets of every stack (a stack without fleets contributes none). */
export function findFleets(stacks: Stack[]): Fleet[] {
  return stacks.flatMap((s) => fleetsOf(s));
}

/** Decodes the bytes of a launch template's user data to the payload text. */
export function decodeUserData(expression: string, json: TfJson, where: string): { text: string; delivery: string } {
  const userData = literalOf(expression);
  const bytes = fromBase64(userData);
  if (bytes === undefined) {
    if (userData.includes('${')) throw new CliError(`${where}: user_data is a Terraform expression (${userData.slice(0, 60)}), not a `
      + `literal payload`);
    throw new CliError(`${where}: user_data is not base64`);
  }
  const { text, gzip } = userDataText(bytes, where);
  const delivery = gzip ? 'base64+gzip' : 'base64';
  const pointer = ignitionPointer(text);
  if (pointer === undefined) return { text, delivery: `${delivery} (${bytes.length} bytes)` };
  // follow the pointer to the S3 object in the same stack
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(pointer);
  const objects = Object.values(json.resource?.aws_s3_object ?? {});
  const inBucket = (o: Record<string, unknown>, bucket: string) =>
    o.bucket === bucket || typeof o.bucket !== 'string' || String(o.bucket).includes('${');
  const hit = m ? objects.find((o) => o.key === m[2] && inBucket(o, m[1])) : undefined;
  if (!hit) throw new CliError(`${where}: the user data is an Ignition pointer to ${pointer}, and no aws_s3_object in the stack holds it`);
  let content: Buffer | undefined;
  if (typeof hit.content_base64 === 'string') content = fromBase64(literalOf(hit.content_base64));
  else if (typeof hit.content === 'string') content = Buffer.from(unescapeTemplate(literalOf(hit.content)), 'utf8');
  if (content === undefined) throw new CliError(`${where}: the aws_s3_object for ${pointer} has no literal content_base64/content`);
  const inner = userDataText(content, `${where} (${pointer})`);
  return { text: inner.text, delivery: `S3 pointer → ${pointer} (${content.length} bytes)` };
}

function ignitionPointer(text: string): string | undefined {
  if (formatOf(text) !== 'ignition') return undefined;
  const j = JSON.parse(text) as { ignition?: { config?: { replace?: { source?: string } } } };
  return j.ignition?.config?.replace?.source;
}

function osFromDescription(d: unknown): string | undefined {
  if (typeof d !== 'string') return undefined;
  const m = /^(.*) Docker hosts of fleet /.exec(d);
  return m ? m[1] : undefined;
}

function fleetsOf(stack: Stack): Fleet[] {
  const res = stack.json.resource ?? {};
  const out: Fleet[] = [];
  const asgs = Object.values(res.aws_autoscaling_group ?? {});
  for (const [key, lt] of Object.entries(res.aws_launch_template ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (typeof lt.user_data !== 'string') continue;
    const path = parentPath(constructPath(lt, key));
    const where = `${stack.name}: ${path} (aws_launch_template.${key}.user_data)`;
    const os = osFromDescription(lt.description);
    const { text, delivery } = decodeUserData(lt.user_data, stack.json, where);
    const view = hostView(text, where, os);
    const asg = asgs.find((a) => JSON.stringify(a.launch_template ?? a.mixed_instances_policy ?? '').includes(
      `aws_launch_template.${key}.`));
    const desired = asg?.desired_capacity;
    const ecs = ecsContainersOf(res, path, where, (r, k) => parentPath(constructPath(r, k)));
    out.push({
      id: fleetId(stack.name, path), stack: stack.name, platform: 'aws', os: os ?? view.os,
      hostCount: typeof desired === 'number' ? desired : undefined,
      payloads: { '*': { text, delivery, view } },
      launchTemplate: withoutMeta(lt, ['user_data']),
      other: asg ? withoutMeta(asg) : {},
      ecsContainers: ecs.length ? ecs : undefined,
      resources: fleetResourcesOf(res, path, constructPath),
    });
  }
  const libvirt: [string, string][] = [['libvirt_ignition', 'content'], ['libvirt_cloudinit_disk', 'user_data']];
  const values = new StackValues(localsOf(stack.json));
  for (const [type, attr] of libvirt) {
    for (const [key, r] of Object.entries(res[type] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = parentPath(constructPath(r, key));
      const where = `${stack.name}: ${path} (${type}.${key})`;
      const payloads: Record<string, Payload> = {};
      const add = (host: string, v: Value, view?: HostView) => {
        if (v instanceof Unknown) throw new CliError(`${where}: ${attr} of host ${host} is not known before apply (it reads `
          + `${v.reference})`);
        if (typeof v !== 'string') throw new CliError(`${where}: ${attr} of host ${host} is not a string`);
        const delivery = `${type} (${Buffer.byteLength(v)} bytes, sha256 ${sha256(Buffer.from(v)).slice(0, 12)})`;
        payloads[host] = { text: v, delivery, view: view ?? hostView(v, `${where} host ${host}`) };
      };
      const evaluated = evaluating(where, () => {
        // per host: the for_each instances (a literal map, or the fleet's locals: libvirt-fleet-resources.ts)
        if (r.for_each !== undefined) {
          const each = values.instances(r);
          if (each instanceof Unknown) return false;
          // the hosts' payloads decoded once, from the fleet's template, where they are that template (fleet-template.ts)
          const template = fleetTemplate(values, r[attr], each, where);
          for (const host of Object.keys(each).sort()) {
            const read = template?.host(host);
            if (read) add(host, read.text, read.view);
            else add(host, values.evaluate(r[attr], { key: host, value: each[host] }));
          }
          return true;
        }
        const v = values.evaluate(r[attr]);
        if (typeof v !== 'string') return false;
        const name = values.evaluate(r.name);
        add(typeof name === 'string' ? name : key, v);
        return true;
      });
      if (!evaluated) continue;
      const first = Object.values(payloads)[0];
      // the domains as Terraform plans them per host (MAC, address, disks), for "not on the hosts" changes;
      // evaluated when read (`diff` reads them, `explain` does not)
      const domains = () => Object.values(res.libvirt_domain ?? {}).filter((d) => parentPath(constructPath(d, '')) === path)
        .map((d) => evaluatedOr(() => plain(d.for_each !== undefined ? values.expand(d) : values.evaluate(withoutMeta(d))),
          withoutMeta(d)));
      out.push({
        id: fleetId(stack.name, path), stack: stack.name, platform: 'libvirt', os: first?.view.os ?? '?',
        payloads, other: onFirstRead('domains', domains), providerVersion: libvirtVersionOf(stack.json),
        resources: fleetResourcesOf(res, path, constructPath, values, (host) => payloads[host]?.delivery),
      });
    }
  }
  return out;
}

/** The dmacvicar/libvirt version a stack pins, when it pins one. */
export function libvirtVersionOf(json: TfJson): string | undefined {
  const rp = (json.terraform as { required_providers?: Record<string, { version?: unknown }> } | undefined)?.required_providers;
  const v = rp?.libvirt?.version;
  return typeof v === 'string' ? v.replace(/^=\s*/, '') : undefined;
}

function localsOf(json: TfJson): Record<string, unknown> {
  const l = json.locals;
  return l !== null && typeof l === 'object' && !Array.isArray(l) ? l as Record<string, unknown> : {};
}

/** Runs an evaluation; the evaluator's errors become the CLI's, naming where (the serializer uses it too). */
export function evaluating<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EvalError) throw new CliError(`${where}: ${e.message}`);
    throw e;
  }
}

/** `{ [name]: compute() }`, computed when first read (an enumerable getter, so JSON and comparisons see the value). */
function onFirstRead(name: string, compute: () => unknown): Record<string, unknown> {
  let value: unknown;
  let done = false;
  return Object.defineProperty({}, name, {
    enumerable: true,
    get: () => {
      if (!done) [value, done] = [compute(), true];
      return value;
    },
  });
}

function evaluatedOr(f: () => unknown, fallback: unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof EvalError) return fallback;
    throw e;
  }
}

/** A value with its unknowns as text (what they read). */
function plain(v: Value | Record<string, unknown> | Unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Unknown ? String(x) : x)));
}

/** The fleet's construct path (it starts with the stack's id), or `<stack>/<path>` when it does not. */
function fleetId(stack: string, path: string): string {
  return path.startsWith(`${stack}/`) ? path : `${stack}/${path}`;
}
