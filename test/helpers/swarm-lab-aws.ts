/**
 * AWS around the swarm lab (swarm-lab.ts): the fake account's state as Terraform would leave it
 * for a synthesized stack (apply / destroy of the stack's SSM parameters and secrets), and the
 * Auto Scaling groups (instances, IMDS, the lifecycle hooks the stack declares), so that a
 * synthesized AwsDockerSwarm can be deployed, refreshed, destroyed and deployed again on real
 * Docker engines. Everything here is read from the synthesized JSON: the resource names, the hook
 * names, transitions, heartbeat timeouts and default results.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Lab, LabNode, NodePayload, payloadOf, until } from './swarm-lab';
import { unsensitive } from '../platforms/aws/aws-fixtures';

const enc = (name: string) => name.split('/').join('%2F');

/** The fake account (one account, one region): what the nodes' `aws` calls read and write. */
export class FakeAccount {
  constructor(readonly dir: string) {
    for (const d of ['ssm', 'secrets', 'asg/instances', 'asg/groups', 'lifecycle', 'faults']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  }

  /** `terraform apply` of the stack's state resources: each SSM parameter at version 1 with its value, each secret without a value. */
  apply(doc: any): void {
    for (const r of Object.values<any>(doc.resource?.aws_ssm_parameter ?? {})) {
      const p = path.join(this.dir, 'ssm', enc(r.name));
      if (fs.existsSync(`${p}.latest`)) throw new Error(`terraform apply: ParameterAlreadyExists: ${r.name}`);
      fs.writeFileSync(`${p}.v1`, r.value);
      fs.writeFileSync(`${p}.type`, `${r.type}\n`);
      fs.writeFileSync(`${p}.latest`, '1\n');
    }
    for (const r of Object.values<any>(doc.resource?.aws_secretsmanager_secret ?? {})) {
      const p = path.join(this.dir, 'secrets', enc(r.name));
      if (fs.existsSync(p)) throw new Error(`terraform apply: ResourceExistsException: ${r.name}`);
      fs.mkdirSync(p);
    }
  }

  /** `terraform destroy` of the same (secrets without a recovery window: gone at once). */
  destroy(doc: any): void {
    for (const r of Object.values<any>(doc.resource?.aws_ssm_parameter ?? {})) {
      const p = path.join(this.dir, 'ssm', enc(r.name));
      for (const f of fs.readdirSync(path.join(this.dir, 'ssm')).filter((x) => x.startsWith(`${enc(r.name)}.`))) fs.rmSync(path.join(this.dir, 'ssm', f));
      void p;
    }
    for (const r of Object.values<any>(doc.resource?.aws_secretsmanager_secret ?? {})) {
      fs.rmSync(path.join(this.dir, 'secrets', enc(r.name)), { recursive: true, force: true });
    }
  }

  /** A parameter's value (latest, or one version), or undefined. */
  parameter(name: string, version?: number): string | undefined {
    const p = path.join(this.dir, 'ssm', enc(name));
    if (!fs.existsSync(`${p}.latest`)) return undefined;
    const v = version ?? Number(fs.readFileSync(`${p}.latest`, 'utf8'));
    return fs.existsSync(`${p}.v${v}`) ? fs.readFileSync(`${p}.v${v}`, 'utf8') : undefined;
  }

  /** Every parameter and secret name the account holds. */
  names(): string[] {
    const ssm = fs.readdirSync(path.join(this.dir, 'ssm')).filter((f) => f.endsWith('.latest')).map((f) => f.slice(0, -7).split('%2F').join('/'));
    const secrets = fs.readdirSync(path.join(this.dir, 'secrets')).map((f) => f.split('%2F').join('/'));
    return [...ssm, ...secrets].sort();
  }

  /** The next `count` calls of an operation (by one node) fail with `code`, after the failures already set. */
  fault(service: string, operation: string, count: number, code: string, message: string, node?: string): void {
    fs.appendFileSync(path.join(this.dir, 'faults', `${service}-${operation}${node ? `@${node}` : ''}`), `${code} ${message}\n`.repeat(count));
  }
}

/** A lifecycle hook as the stack declares it. */
export interface Hook {
  readonly name: string;
  readonly heartbeatSeconds: number;
  readonly defaultResult: string;
}

let instanceSeq = 0;

/**
 * One Auto Scaling group of the stack: launches instances (a lab node each) and terminates them
 * with the lifecycle hooks the stack gives the group. Heartbeat timeouts are scaled by
 * `heartbeatScale` (the lab has minutes, not hours).
 */
export class FakeAsg {
  readonly instances = new Map<string, LabNode>();
  readonly name: string;

  constructor(readonly lab: Lab, readonly account: FakeAccount, readonly payload: NodePayload, name: string,
    readonly launchHook?: Hook, readonly terminationHook?: Hook, readonly heartbeatScale = 0.1) {
    this.name = name;
    fs.mkdirSync(path.join(account.dir, 'asg/groups', name), { recursive: true });
  }

  private lifecycle(id: string, hook: Hook): string {
    const d = path.join(this.account.dir, 'lifecycle', this.name, id, hook.name);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, 'deadline'), `${Math.floor(Date.now() / 1000 + hook.heartbeatSeconds * this.heartbeatScale)}\n`);
    fs.writeFileSync(path.join(d, 'state'), 'waiting\n');
    return d;
  }

  /** The result of an instance's lifecycle action: CONTINUE/ABANDON from the node, or `timeout: <default>` once its heartbeat ran out. */
  async actionResult(id: string, hook: Hook, timeoutMs: number): Promise<string> {
    const d = path.join(this.account.dir, 'lifecycle', this.name, id, hook.name);
    return until(`${id}'s ${hook.name} lifecycle action`, timeoutMs, async () => {
      const state = fs.readFileSync(path.join(d, 'state'), 'utf8').trim();
      if (state !== 'waiting') return state;
      if (Date.now() / 1000 >= Number(fs.readFileSync(path.join(d, 'deadline'), 'utf8'))) return `timeout: ${hook.defaultResult}`;
      return undefined;
    });
  }

  private setState(id: string, state: string): void {
    fs.writeFileSync(path.join(this.account.dir, 'asg/groups', this.name, id), state);
  }

  /** Launches an instance: Pending:Wait while a launch hook holds it, then InService. Returns once the node booted. */
  async launch(opts: { dockerDelayMs?: number; env?: Record<string, string>; beforeBoot?: (name: string) => void } = {}): Promise<LabNode> {
    const ip = this.lab.address();
    const name = `ip-${ip.split('.').join('-')}`;
    opts.beforeBoot?.(name);
    const id = `i-0${(++instanceSeq).toString(16).padStart(16, '0')}`;
    fs.writeFileSync(path.join(this.account.dir, 'asg/instances', id), `${this.name}\n`);
    this.setState(id, this.launchHook ? 'Pending:Wait' : 'InService');
    if (this.launchHook) this.lifecycle(id, this.launchHook);
    const node = await this.lab.node({
      name, ip, payload: this.payload, dockerDelayMs: opts.dockerDelayMs,
      imds: { 'instance-id': id, 'local-ipv4': ip, 'placement/region': 'us-east-1', 'autoscaling/target-lifecycle-state': 'InService' },
    }, opts.env);
    this.instances.set(id, node);
    return node;
  }

  /** Waits for the launch hook of an instance (when the group has one); InService after CONTINUE. */
  async launched(node: LabNode, timeoutMs: number): Promise<string> {
    const id = this.idOf(node);
    if (!this.launchHook) return 'no hook';
    const r = await this.actionResult(id, this.launchHook, timeoutMs);
    if (r === 'CONTINUE' || r === 'timeout: CONTINUE') this.setState(id, 'InService');
    return r;
  }

  idOf(node: LabNode): string {
    const e = [...this.instances].find(([, n]) => n === node);
    if (!e) throw new Error(`${node.name} is not an instance of ${this.name}`);
    return e[0];
  }

  /**
   * Terminates an instance as Auto Scaling does: with a termination hook, the instance's target
   * lifecycle state becomes Terminated and the group waits for the action (or its heartbeat);
   * then the instance is gone. Returns the action's result.
   */
  async terminate(node: LabNode, timeoutMs: number): Promise<string> {
    const id = this.idOf(node);
    let result = 'no hook';
    this.setState(id, 'Terminating');
    if (this.terminationHook) {
      this.lifecycle(id, this.terminationHook);
      fs.writeFileSync(path.join(node.dir, 'imds', 'autoscaling/target-lifecycle-state'), 'Terminated');
      result = await this.actionResult(id, this.terminationHook, timeoutMs);
    }
    await node.kill();
    this.instances.delete(id);
    fs.rmSync(path.join(this.account.dir, 'asg/groups', this.name, id), { force: true });
    fs.rmSync(path.join(this.account.dir, 'asg/instances', id), { force: true });
    return result;
  }
}

/** A synthesized AwsDockerSwarm's groups: payloads, group names and hooks, read from the stack's JSON. */
export interface SwarmGroups {
  readonly managers: { payload: NodePayload; name: string; launchHook?: Hook; terminationHook?: Hook };
  readonly workers?: { payload: NodePayload; name: string };
}

export function swarmGroups(doc: any): SwarmGroups {
  const asgs = Object.entries<any>(doc.resource.aws_autoscaling_group);
  const lts = doc.resource.aws_launch_template;
  const group = (part: string) => {
    const entry = asgs.find(([k]) => k.includes(`_${part}_`));
    if (!entry) return undefined;
    const [key, asg] = entry;
    const ltKey = /aws_launch_template\.([^.]+)\./.exec(JSON.stringify(asg.launch_template))![1];
    const payload = payloadOf(Buffer.from(unsensitive(lts[ltKey].user_data), 'base64'));
    const hook = (h: any): Hook => ({ name: h.name, heartbeatSeconds: h.heartbeat_timeout, defaultResult: h.default_result });
    const initial = (asg.initial_lifecycle_hook ?? []) as any[];
    const own = Object.values<any>(doc.resource.aws_autoscaling_lifecycle_hook ?? {})
      .filter((h) => h.autoscaling_group_name === `\${aws_autoscaling_group.${key}.name}`);
    const hooks = [...initial, ...own];
    const of = (transition: string) => {
      const h = hooks.find((x) => x.lifecycle_transition === transition);
      return h ? hook(h) : undefined;
    };
    return {
      payload, name: `${asg.name_prefix}fake`,
      launchHook: of('autoscaling:EC2_INSTANCE_LAUNCHING'), terminationHook: of('autoscaling:EC2_INSTANCE_TERMINATING'),
    };
  };
  return { managers: group('managers')!, workers: group('workers') };
}
