/**
 * The Bottlerocket update window: the schedule plan, the SSM and IAM resources, the
 * runbook's Python steps run against botocore's real ECS/SSM models
 * (test/helpers/bottlerocket_runbook_steps_test.py), its shell scripts through shellcheck, and the
 * resources through `terraform validate` with the real provider.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { thrownCode } from '../../../helpers/error-codes';
import { FleetConfigError } from '../../../../lib/core/fleet-config-error';
import { PolicyWindow, UpdatePolicy, Weekday } from '../../../../lib/os/update-policy';
import { partitionOf } from '../../../../lib/platforms/aws/aws-scope';
import { runbookHandlers } from '../../../../lib/platforms/aws/ecs/runbook-steps';
import { APPLY_SCRIPT, CHECK_SCRIPT, REBOOT_SCRIPT } from '../../../../lib/platforms/aws/ecs/update-runbook';
import {
  BottlerocketUpdateWindowProps, RUNBOOK_SERVICE_ACTIONS, bottlerocketUpdateWindowFor, planUpdateWindow,
} from '../../../../lib/platforms/aws/ecs/update-window';
import { TerraformResult, findTerraform, plannedResources, removeRun, terraformCheck } from '../../../helpers/terraform';
import { IN_CI, ToolCheck, describeWithTools, findTool, requireTools } from '../../../helpers/tools';
import { awsStack } from '../aws-fixtures';

const { parse: parseYaml } = require('yaml') as typeof import('yaml');

function windowOf(days: Weekday[], startTime: string, durationMinutes: number): PolicyWindow {
  let window: PolicyWindow | undefined;
  UpdatePolicy.maintenanceWindow({ days, startTime, durationMinutes })._match({
    immediate: () => undefined, fleetLock: () => undefined, disabled: () => undefined,
    maintenanceWindow: (w) => (window = w),
  });
  return window!;
}

const MON_THU_0230_90 = windowOf([Weekday.THURSDAY, Weekday.MONDAY], '02:30', 90);
const CLUSTER = 'web-cluster';
const SERVICES = ['web-nginx', 'web-whoami'];
const TAG = { key: 'cdktf-docker-fleet:fleet', value: 'web' };

function build(overrides: Partial<BottlerocketUpdateWindowProps> = {}, name = 'update-window') {
  const stack = awsStack(undefined, name);
  const fleet = new Construct(stack, 'web');
  const resources = bottlerocketUpdateWindowFor(fleet, {
    fleet: 'web',
    window: MON_THU_0230_90,
    clusterName: CLUSTER,
    clusterArn: `arn:aws:ecs:us-east-1:123456789012:cluster/${CLUSTER}`,
    serviceNames: SERVICES,
    targetTag: TAG,
    partition: partitionOf(fleet),
    tags: { team: 'platform' },
    ...overrides,
  });
  return { stack, resources };
}

function synthesized(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

function only(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
}

/** The role's policy; quotes inside Terraform interpolations (`split(":", …)`) are escaped to read it as JSON. */
function policyOf(json: any): any {
  const text: string = only(json, 'aws_iam_role_policy').policy;
  return JSON.parse(text.replace(/\$\{[^}]*\}/g, (t) => t.replace(/"/g, '\\"')));
}

function statement(policy: any, sid: string): any {
  const s = policy.Statement.find((x: any) => x.Sid === sid);
  expect(s).toBeDefined();
  return s;
}

describe('planUpdateWindow', () => {
  test('MON,THU 02:30 UTC for 90 minutes runs as cron(30 2 ? * MON,THU *) for 2 whole hours, with a warning saying what runs', () => {
    const plan = planUpdateWindow(MON_THU_0230_90);
    expect(plan).toMatchObject({ schedule: 'cron(30 2 ? * MON,THU *)', scheduleTimezone: 'UTC', durationHours: 2, cutoffHours: 0 });
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toContain('SSM window of 2 h (until 04:30 UTC');
    expect(plan.warnings[0]).toContain('starts a host only until 03:40 UTC and reboots it before 04:00 UTC');
  });

  test('a window of whole hours has no warning', () => {
    expect(planUpdateWindow(windowOf([Weekday.SUNDAY], '03:00', 120)))
      .toEqual({ schedule: 'cron(0 3 ? * SUN *)', scheduleTimezone: 'UTC', durationHours: 2, cutoffHours: 0, warnings: [] });
  });

  test('a window that crosses midnight opens on its own days and says so in the warning', () => {
    const plan = planUpdateWindow(windowOf([Weekday.SATURDAY, Weekday.SUNDAY], '23:45', 75));
    expect(plan.schedule).toBe('cron(45 23 ? * SAT,SUN *)');
    expect(plan.durationHours).toBe(2);
    expect(plan.warnings[0]).toContain('starts a host only until 00:40 UTC and reboots it before 01:00 UTC');
  });

  test('the cutoff never stops SSM before the last minute a host may start, and is below the duration', () => {
    for (let minutes = 30; minutes <= 1440; minutes++) {
      const { durationHours, cutoffHours } = planUpdateWindow({ days: [Weekday.MONDAY], startMinute: 0, durationMinutes: minutes });
      expect(durationHours).toBe(Math.ceil(minutes / 60));
      expect(durationHours).toBeLessThanOrEqual(24);
      expect(cutoffHours).toBeGreaterThanOrEqual(0);
      expect(cutoffHours).toBeLessThan(durationHours);
      // SSM schedules hosts until (duration - cutoff) h; a host may start until minutes - 20
      expect((durationHours - cutoffHours) * 60).toBeGreaterThanOrEqual(minutes - 20);
      // and one more hour of cutoff would stop SSM too early (unless it is already the largest allowed)
      if (cutoffHours < durationHours - 1) expect((durationHours - cutoffHours - 1) * 60).toBeLessThan(minutes - 20);
    }
    expect(planUpdateWindow({ days: [Weekday.MONDAY], startMinute: 0, durationMinutes: 61 }).cutoffHours).toBe(1);
  });

  test('fails for a window shorter than 30 minutes, naming the property', () => {
    let error: unknown;
    try {
      planUpdateWindow(windowOf([Weekday.MONDAY], '02:00', 29));
    } catch (e) {
      error = e;
    }
    expect(FleetConfigError.isFleetConfigError(error)).toBe(true);
    expect((error as FleetConfigError).code).toBe('BOTTLEROCKET_WINDOW_TOO_SHORT');
    expect((error as FleetConfigError).message).toMatch(/^updatePolicy\.maintenanceWindow\.durationMinutes: got 29; .*at least 30 minutes/);
    expect(() => planUpdateWindow(windowOf([Weekday.MONDAY], '02:00', 30))).not.toThrow();
  });
});

describe('bottlerocketUpdateWindowFor', () => {
  const { stack } = build();
  const json = synthesized(stack);

  test('the window task updates one host at a time, stops at the first failed host and starts none after the cutoff', () => {
    const task = only(json, 'aws_ssm_maintenance_window_task');
    expect(task).toMatchObject({
      task_type: 'AUTOMATION', max_concurrency: '1', max_errors: '0', cutoff_behavior: 'CANCEL_TASK', priority: 1,
      task_arn: expect.stringMatching(/^\$\{aws_ssm_document\.\S+\.name\}$/),
      service_role_arn: expect.stringMatching(/^\$\{aws_iam_role\.\S+\.arn\}$/),
      targets: [{ key: 'WindowTargetIds', values: [expect.stringMatching(/^\$\{aws_ssm_maintenance_window_target\.\S+\.id\}$/)] }],
    });
    const params = task.task_invocation_parameters.automation_parameters;
    expect(params.document_version).toBe('$LATEST');
    expect(params.parameter).toEqual([
      { name: 'InstanceId', values: ['{{TARGET_ID}}'] },
      { name: 'AutomationAssumeRole', values: [task.service_role_arn] },
      // the fleet's own values: the runbook is the stack's, shared by its fleets
      { name: 'Cluster', values: [CLUSTER] },
      { name: 'WindowDays', values: ['MONDAY,THURSDAY'] },
      { name: 'WindowStartMinute', values: ['150'] },
      { name: 'WindowMinutes', values: ['90'] },
      { name: 'ServiceNames', values: ['web-nginx,web-whoami'] },
    ]);
  });

  test('the maintenance window opens on the policy\'s days and time in UTC for whole hours', () => {
    expect(only(json, 'aws_ssm_maintenance_window')).toMatchObject({
      name: 'web-bottlerocket-updates', schedule: 'cron(30 2 ? * MON,THU *)', schedule_timezone: 'UTC', duration: 2, cutoff: 0,
      enabled: true, allow_unassociated_targets: false, tags: { team: 'platform' },
    });
  });

  test('the window targets exactly the instances with the fleet\'s tag', () => {
    expect(only(json, 'aws_ssm_maintenance_window_target')).toMatchObject({
      resource_type: 'INSTANCE', targets: [{ key: 'tag:cdktf-docker-fleet:fleet', values: ['web'] }],
    });
  });

  test('the runbook is a YAML Automation document under the 64 KB document limit that reads the cluster, window and services from its parameters', () => {
    const doc = only(json, 'aws_ssm_document');
    expect(doc).toMatchObject({ name: expect.stringMatching(/^docker-fleet-bottlerocket-update-[0-9a-f]{6}$/), document_type: 'Automation', document_format: 'YAML' });
    expect(Buffer.byteLength(doc.content)).toBeLessThan(64 * 1024);
    const runbook = parseYaml(doc.content);
    expect(runbook.schemaVersion).toBe('0.3');
    expect(runbook.assumeRole).toBe('{{AutomationAssumeRole}}');
    const steps = runbook.mainSteps;
    expect(steps.map((s: any) => s.name)).toEqual(['WindowGate', 'IsWindowOpen', 'CheckForUpdate', 'IsUpdateNeeded', 'StartDrain',
      'IsDraining', 'WaitForDrain', 'StartApply', 'WaitForApply', 'RequestReboot', 'WaitForReboot', 'Rejoin', 'WaitForServices',
      'Done', 'Reactivate']);
    const scripts = steps.filter((s: any) => s.action === 'aws:executeScript');
    expect(scripts.map((s: any) => s.inputs.Handler).sort()).toEqual(runbookHandlers().sort());
    for (const s of scripts.filter((x: any) => 'Cluster' in x.inputs.InputPayload)) expect(s.inputs.InputPayload.Cluster).toBe('{{Cluster}}');
    expect(steps.find((s: any) => s.name === 'WaitForServices').inputs.InputPayload.ServiceNames).toBe('{{ServiceNames}}');
    expect(steps.find((s: any) => s.name === 'WindowGate').inputs.InputPayload)
      .toEqual({ WindowDays: '{{WindowDays}}', WindowStartMinute: '{{WindowStartMinute}}', WindowMinutes: '{{WindowMinutes}}', MinimumMinutesLeft: 20 });
    // every parameter a fleet's task passes is declared, and so is every one the steps read
    const declared = Object.keys(runbook.parameters).sort();
    const task = only(json, 'aws_ssm_maintenance_window_task');
    for (const p of task.task_invocation_parameters.automation_parameters.parameter) expect(declared).toContain(p.name);
    const read = new Set([...doc.content.matchAll(/\{\{\s*([A-Za-z]+)\s*\}\}/g)].map((m: RegExpMatchArray) => m[1]));
    expect([...read].sort()).toEqual(declared);
    expect(doc.content).not.toContain('web');
    // every step after DRAINING puts the host back to ACTIVE when it fails
    for (const name of ['WaitForDrain', 'StartApply', 'WaitForApply', 'RequestReboot', 'WaitForReboot', 'Rejoin']) {
      expect(steps.find((s: any) => s.name === name)).toMatchObject({ onFailure: 'step:Reactivate', onCancel: 'step:Reactivate' });
    }
  });

  test('the runbook holds no Terraform template sequence, so Terraform passes it through unchanged', () => {
    const content: string = only(json, 'aws_ssm_document').content;
    expect(content).not.toMatch(/\$\{|%\{/);
  });

  test('the role is assumed by SSM only', () => {
    expect(JSON.parse(only(json, 'aws_iam_role').assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  test('the role sends commands only through AWS-RunShellScript and only to instances carrying the fleet\'s tag', () => {
    const policy = policyOf(json);
    const sends = policy.Statement.filter((s: any) => [s.Action].flat().includes('ssm:SendCommand'));
    expect(sends).toHaveLength(2);
    expect(statement(policy, 'RunShellScriptDocument').Resource)
      .toMatch(/^arn:\$\{data\.aws_partition\.\S+\.partition\}:ssm:\$\{data\.aws_region\.\S+\.name\}::document\/AWS-RunShellScript$/);
    const onHosts = statement(policy, 'RunOnFleetHostsOnly');
    expect(onHosts.Resource).toMatch(/:ec2:\$\{data\.aws_region\.\S+\.name\}:\$\{element\(split\(":", aws_iam_role\.\S+\.arn\), 4\)\}:instance\/\*$/);
    expect(onHosts.Condition).toEqual({ StringEquals: { 'ssm:resourceTag/cdktf-docker-fleet:fleet': 'web' } });
  });

  test('the role\'s ECS access is this cluster\'s only', () => {
    const policy = policyOf(json);
    const arn = `arn:aws:ecs:us-east-1:123456789012:cluster/${CLUSTER}`;
    expect(statement(policy, 'FindHostsInCluster')).toMatchObject({ Action: 'ecs:ListContainerInstances', Resource: arn });
    expect(statement(policy, 'DrainAndRejoinHosts')).toMatchObject({ Resource: '*', Condition: { ArnEquals: { 'ecs:cluster': arn } } });
    const ecsStatements = policy.Statement.filter((s: any) => [s.Action].flat().some((a: string) => a.startsWith('ecs:')));
    expect(ecsStatements.map((s: any) => s.Sid).sort()).toEqual(['DrainAndRejoinHosts', 'FindHostsInCluster']);
  });

  test('the role starts only this runbook and passes only itself, only to SSM', () => {
    const policy = policyOf(json);
    expect(statement(policy, 'StartThisRunbook').Resource).toMatch(/:automation-definition\/docker-fleet-bottlerocket-update-[0-9a-f]{6}:\*$/);
    expect(statement(policy, 'StartThisRunbook').Resource).toContain(`/${only(json, 'aws_ssm_document').name}:*`);
    expect(statement(policy, 'PassThisRoleToSsm')).toMatchObject({
      Action: 'iam:PassRole', Resource: expect.stringMatching(/^\$\{aws_iam_role\.\S+\.arn\}$/),
      Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
    });
    const actions = policy.Statement.flatMap((s: any) => [s.Action].flat());
    expect(actions.every((a: string) => !a.includes('*'))).toBe(true);
    for (const a of RUNBOOK_SERVICE_ACTIONS) expect(actions).toContain(a);
  });

  test('the fleets of one stack share one runbook, each window passing its own values; another stack\'s runbook has another name', () => {
    const stack = awsStack(undefined, 'two-fleets');
    const names: string[] = [];
    for (const [fleet, days] of [['web', [Weekday.MONDAY]], ['api', [Weekday.FRIDAY]]] as const) {
      const scope = new Construct(stack, fleet);
      bottlerocketUpdateWindowFor(scope, {
        fleet, window: windowOf([...days], '03:00', 120), clusterName: `${fleet}-cluster`,
        clusterArn: `arn:aws:ecs:us-east-1:123456789012:cluster/${fleet}-cluster`, serviceNames: [], targetTag: { key: TAG.key, value: fleet },
        partition: partitionOf(scope),
      });
      names.push(fleet);
    }
    const out = synthesized(stack);
    const doc = only(out, 'aws_ssm_document');
    const tasks = Object.values<any>(out.resource.aws_ssm_maintenance_window_task);
    expect(tasks).toHaveLength(2);
    const docRef = expect.stringMatching(/^\$\{aws_ssm_document\.\S+\.name\}$/);
    const param = (task: any, name: string) => task.task_invocation_parameters.automation_parameters.parameter.find((p: any) => p.name === name)?.values;
    names.forEach((fleet, i) => {
      const task = tasks.find((t) => t.name === `${fleet}-update-hosts`);
      expect(task.task_arn).toEqual(docRef);
      // the latest version: a change to the runbook reaches every fleet's window
      expect(task.task_invocation_parameters.automation_parameters.document_version).toBe('$LATEST');
      expect(param(task, 'Cluster')).toEqual([`${fleet}-cluster`]);
      expect(param(task, 'WindowDays')).toEqual([i === 0 ? 'MONDAY' : 'FRIDAY']);
      expect(param(task, 'ServiceNames')).toBeUndefined();
    });
    expect(tasks[0].task_arn).toBe(tasks[1].task_arn);
    expect(doc.name).not.toBe(only(json, 'aws_ssm_document').name);
  });

  test('a cluster created in the same stack reaches the window task as a Terraform reference', () => {
    const stack = awsStack(undefined, 'with-cluster');
    const fleet = new Construct(stack, 'web');
    const cluster = new EcsCluster(fleet, 'Cluster', { name: 'web' });
    bottlerocketUpdateWindowFor(fleet, {
      fleet: 'web', window: MON_THU_0230_90, clusterName: cluster.name, clusterArn: cluster.arn, serviceNames: [],
      targetTag: TAG, partition: partitionOf(fleet),
    });
    const out = synthesized(stack);
    const content: string = only(out, 'aws_ssm_document').content;
    expect(content).not.toMatch(/\$\{/);
    const params = only(out, 'aws_ssm_maintenance_window_task').task_invocation_parameters.automation_parameters.parameter;
    expect(params.find((p: any) => p.name === 'Cluster').values).toEqual([expect.stringMatching(/^\$\{aws_ecs_cluster\.\S+\.name\}$/)]);
    expect(statement(policyOf(out), 'FindHostsInCluster').Resource).toMatch(/^\$\{aws_ecs_cluster\.\S+\.arn\}$/);
  });

  test('fails for a DAEMON service name that is a token', () => {
    const stack = awsStack(undefined, 'token-service');
    const fleet = new Construct(stack, 'web');
    const cluster = new EcsCluster(fleet, 'Cluster', { name: 'web' });
    expect(() => bottlerocketUpdateWindowFor(fleet, {
      fleet: 'web', window: MON_THU_0230_90, clusterName: CLUSTER, clusterArn: cluster.arn, serviceNames: [cluster.name],
      targetTag: TAG, partition: partitionOf(fleet),
    })).toThrow(/^serviceNames\[0\]: got .*must be a literal value/);
  });

  test('fails for a DAEMON service name ECS would refuse', () => {
    const stack = awsStack(undefined, 'bad-service');
    const fleet = new Construct(stack, 'web');
    expect(thrownCode(() => bottlerocketUpdateWindowFor(fleet, {
      fleet: 'web', window: MON_THU_0230_90, clusterName: CLUSTER, clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/web',
      serviceNames: ['web.app'], targetTag: TAG, partition: partitionOf(fleet),
    }))).toBe('BAD_ECS_SERVICE_NAME');
  });

  test('fails for a target tag key an SSM maintenance window cannot select by', () => {
    expect(() => build({ targetTag: { key: 'fleet+name', value: 'web' } }, 'bad-tag'))
      .toThrow(/^targetTag\.key: got "fleet\+name"; an SSM maintenance window selects instances by a tag key/);
  });

  test('fails for a fleet name that cannot prefix resource names', () => {
    expect(() => build({ fleet: 'web fleet' }, 'bad-fleet')).toThrow(/^fleet: got "web fleet"; expected a literal name of 2-32/);
  });
});

/** /usr/bin/python3 with Debian's python3-boto3 and python3-botocore. */
function findBotocore(): ToolCheck {
  const r = spawnSync('/usr/bin/python3', ['-c', 'import boto3, botocore.stub; print(botocore.__version__)'], { encoding: 'utf8' });
  return r.status === 0 ? { ok: true, path: '/usr/bin/python3' }
    : { ok: false, reason: `/usr/bin/python3 cannot import boto3/botocore (Debian: apt-get install -y python3-botocore python3-boto3): ${(r.stderr || r.error?.message || '').trim()}` };
}

const PYTHON = [['python3 with boto3/botocore', findBotocore()]] as const;

describeWithTools(PYTHON)('the runbook\'s Python steps against botocore\'s ECS and SSM models', () => {
  test('every step script passes its scenarios, the runbook\'s wiring holds, and the role grants exactly the calls the scripts make', () => {
    requireTools(PYTHON);
    const { stack } = build({}, 'python-fixture');
    const json = synthesized(stack);
    const dir = mkdtempSync(join(tmpdir(), 'rb-runbook-'));
    try {
      const fixture = join(dir, 'fixture.json');
      writeFileSync(fixture, JSON.stringify({
        document: parseYaml(only(json, 'aws_ssm_document').content),
        policy: policyOf(json),
        serviceActions: RUNBOOK_SERVICE_ACTIONS,
        cluster: CLUSTER,
        serviceNames: SERVICES,
        // what the window task passes besides InstanceId and the role: the runbook's fleet values
        parameters: Object.fromEntries(only(json, 'aws_ssm_maintenance_window_task').task_invocation_parameters.automation_parameters.parameter
          .filter((p: any) => !['InstanceId', 'AutomationAssumeRole'].includes(p.name)).map((p: any) => [p.name, p.values[0]])),
      }));
      // KEEP_RUNBOOK_FIXTURE=<file> keeps a copy to run the Python tests on their own while debugging.
      if (process.env.KEEP_RUNBOOK_FIXTURE) writeFileSync(process.env.KEEP_RUNBOOK_FIXTURE, readFileSync(fixture));
      const started = Date.now();
      const r = spawnSync('/usr/bin/python3', [join(__dirname, '../../../helpers/bottlerocket_runbook_steps_test.py'), fixture],
        { encoding: 'utf8', timeout: 120_000 });
      const report = `${r.stdout}${r.stderr}`;
      const ran = /Ran (\d+) tests? in ([\d.]+)s/.exec(report);
      // eslint-disable-next-line no-console
      console.log(`[bottlerocket-runbook] python: ${ran ? `${ran[1]} tests in ${ran[2]} s` : 'no summary'} (${Date.now() - started} ms with startup)`);
      if (r.status !== 0) throw new Error(`python runbook tests failed (exit ${r.status}):\n${report}`);
      expect(report).toMatch(/\nOK\s*$/);
      expect(Number(ran?.[1])).toBeGreaterThanOrEqual(30);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const SHELLCHECK = [['shellcheck', findTool('shellcheck')]] as const;

describeWithTools(SHELLCHECK)('the runbook\'s shell scripts', () => {
  test.each([['check', CHECK_SCRIPT], ['apply', APPLY_SCRIPT], ['reboot', REBOOT_SCRIPT]])('the %s script passes shellcheck as POSIX sh', (_name, lines) => {
    requireTools(SHELLCHECK);
    const r = spawnSync(SHELLCHECK[0][1].path!, ['--shell=sh', '--severity=style', '-'], { input: `${lines.join('\n')}\n`, encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
  });

  test('the scripts the runbook sends are exactly these', () => {
    const { stack } = build({}, 'scripts');
    const steps = parseYaml(only(synthesized(stack), 'aws_ssm_document').content).mainSteps;
    const sent = steps.filter((s: any) => s.inputs?.InputPayload?.Commands).map((s: any) => [s.name, s.inputs.InputPayload.Commands]);
    expect(sent).toEqual([
      ['CheckForUpdate', [...CHECK_SCRIPT]], ['StartApply', [...APPLY_SCRIPT]], ['RequestReboot', [...REBOOT_SCRIPT]], ['WaitForReboot', [...CHECK_SCRIPT]],
    ]);
  });
});

const tf = findTerraform();
const TERRAFORM = [['terraform', tf]] as const;

describeWithTools(TERRAFORM)('the update window through terraform with the real provider', () => {
  let literal: TerraformResult | undefined;
  let created: TerraformResult | undefined;
  afterAll(() => {
    removeRun(literal);
    removeRun(created);
  });

  test('a window for an existing cluster passes terraform validate and plans its schedule and task', async () => {
    requireTools(TERRAFORM);
    const { stack } = build({}, 'tf-literal');
    literal = await terraformCheck(tf, stack, { plan: true });
    expect(literal.validate.valid).toBe(true);
    const planned = plannedResources(literal.plan);
    const window = planned.find((r) => r.type === 'aws_ssm_maintenance_window')!;
    expect(window.values).toMatchObject({ schedule: 'cron(30 2 ? * MON,THU *)', schedule_timezone: 'UTC', duration: 2, cutoff: 0 });
    const doc = planned.find((r) => r.type === 'aws_ssm_document')!;
    expect(parseYaml(doc.values.content).mainSteps).toHaveLength(15);
    expect(planned.filter((r) => r.mode === 'managed').map((r) => r.type).sort()).toEqual([
      'aws_iam_role', 'aws_iam_role_policy', 'aws_ssm_document', 'aws_ssm_maintenance_window',
      'aws_ssm_maintenance_window_target', 'aws_ssm_maintenance_window_task',
    ]);
  });

  test('a window for a cluster created in the same stack passes terraform validate', async () => {
    requireTools(TERRAFORM);
    const stack = awsStack(undefined, 'tf-created');
    const fleet = new Construct(stack, 'web');
    const cluster = new EcsCluster(fleet, 'Cluster', { name: 'web' });
    bottlerocketUpdateWindowFor(fleet, {
      fleet: 'web', window: windowOf([Weekday.SUNDAY], '03:00', 120), clusterName: cluster.name, clusterArn: cluster.arn,
      serviceNames: ['web-nginx'], targetTag: TAG, partition: partitionOf(fleet),
    });
    created = await terraformCheck(tf, stack, { plan: false });
    expect(created.validate).toMatchObject({ valid: true, error_count: 0 });
  });
});

if (!IN_CI && !findBotocore().ok) {
  // eslint-disable-next-line no-console
  console.warn('bottlerocket-update-window: python3-boto3/botocore missing, the runbook step tests are skipped (under CI=true they fail)');
}
