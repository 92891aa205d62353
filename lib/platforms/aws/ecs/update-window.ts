/**
 * A Bottlerocket fleet's maintenance window made real (README "Maintenance windows that hold"):
 * Bottlerocket hosts never update by themselves, and the stock Bottlerocket ECS updater runs on
 * `rate(12 hours)` whatever the window (bottlerocket-ecs-updater stacks/bottlerocket-ecs-updater.yaml,
 * BottlerocketUpdaterSchedule). Here an SSM maintenance window opens on the policy's days and
 * time and runs the update runbook (update-runbook.ts) for the fleet's hosts one at a
 * time; the first host that fails stops the roll.
 *
 * SSM facts used (SSM user guide, awsdocs/aws-systems-manager-user-guide doc_source at
 * dd495cca5833730e93837f1b3b66e8290a9bde2f, and the botocore ssm model):
 * - reference-cron-and-rate-expressions.md: maintenance windows take 6-field cron expressions
 *   such as `cron(15 10 ? * MON-FRI *)`, one of day-of-month/day-of-week being `?`.
 * - CreateMaintenanceWindow (botocore): Duration 1-24 hours, Cutoff 0-23 hours "before the end of
 *   the maintenance window that Systems Manager stops scheduling new tasks", ScheduleTimezone in
 *   IANA form ("UTC"); sysman-maintenance-create-mw.md: no task starts after the end minus the cutoff.
 * - RegisterTaskWithMaintenanceWindow (botocore): MaxConcurrency "targets this task can be run for,
 *   in parallel", MaxErrors "errors allowed before this task stops being scheduled"
 *   (sysman-maintenance-assign-tasks.md: with 3 it stops "when the fourth error is received", so
 *   0 stops at the first); CutoffBehavior CANCEL_TASK: for Automation "any task invocations that
 *   are already running continue, but no new task invocations are started".
 * - mw-cli-register-tasks-parameters.md: `{{TARGET_ID}}` is the instance ID for INSTANCE targets
 *   and may be passed to Automation tasks.
 * - sysman-maintenance-perm-console.md: a maintenance window's service role needs
 *   ssm:StartAutomationExecution and ssm:GetAutomationExecution for Automation tasks, and
 *   iam:PassRole with iam:PassedToService ssm.amazonaws.com; automation-setup-iam.md: the
 *   Automation role trusts ssm.amazonaws.com. One role serves both.
 * UNCERTAIN (not found in the sources): that with max_concurrency 1 the window starts the next
 * host's Automation only when the previous execution has ended (the docs' need for
 * ssm:GetAutomationExecution suggests it follows each one), and that an execution still running
 * at the SSM window's end is left to finish.
 */
import { Construct } from 'constructs';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SsmDocument } from '@cdktf/provider-aws/lib/ssm-document';
import { SsmMaintenanceWindow } from '@cdktf/provider-aws/lib/ssm-maintenance-window';
import { SsmMaintenanceWindowTarget } from '@cdktf/provider-aws/lib/ssm-maintenance-window-target';
import { SsmMaintenanceWindowTask } from '@cdktf/provider-aws/lib/ssm-maintenance-window-task';
import { TerraformStack } from 'cdktf';
import { claimName, defaultName } from '../../../core/default-names';
import { CoreErrors } from '../../../core/errors';
import { AwsErrors } from '../errors';
import { EcsErrors } from './errors';
import { isUnresolved } from '../../../core/validation';
import { PolicyWindow, SHORT_DAY, hhmm } from '../../../os/update-policy';
import { accountOf, regionOf, tagsOrNone } from '../aws-scope';
import { GATE_MINUTES, RUNBOOK_TIMING, runbookDocument, runbookParameters, runbookYaml } from './update-runbook';

export interface BottlerocketUpdateWindowProps {
  /** fleet name, literal, [A-Za-z0-9-]{2,32}: used in resource names and descriptions */
  readonly fleet: string;
  /** days (opening days), startMinute (minutes after 00:00 UTC), durationMinutes */
  readonly window: PolicyWindow;
  /** the ECS cluster the hosts join (may be a Terraform token) */
  readonly clusterName: string;
  /** its ARN (a token when the fleet creates the cluster) */
  readonly clusterArn: string;
  /** the fleet's DAEMON ECS service names (literal strings), possibly empty */
  readonly serviceNames: string[];
  /** an instance tag only this fleet's hosts carry */
  readonly targetTag: { readonly key: string; readonly value: string };
  /** the partition token (see partitionOf in aws-scope.ts) */
  readonly partition: () => string;
  readonly tags?: Record<string, string>;
}

/** What `planUpdateWindow` decides. */
export interface UpdateWindowPlan {
  /** the maintenance window's schedule, e.g. `cron(30 2 ? * MON,THU *)` */
  readonly schedule: string;
  readonly scheduleTimezone: string;
  /** whole hours, the window's minutes rounded up */
  readonly durationHours: number;
  /** hours before the SSM window's end after which no further host is started */
  readonly cutoffHours: number;
  readonly warnings: string[];
}

/** The shortest window a Bottlerocket fleet accepts (minutes): room for one host to start (GATE_MINUTES) and drain. */
export const MIN_BOTTLEROCKET_WINDOW_MINUTES = 30;

/**
 * Pure: the SSM schedule for the window, and what the user should know about it.
 *
 * The SSM window opens on the policy's days at its start time (UTC) and lasts the policy's minutes
 * rounded up to whole hours, the unit SSM takes. The runbook's first step starts a host only while
 * at least GATE_MINUTES (20) of the policy's own window remain, so no host's update starts after
 * the window, and each host's drain must end early enough to apply and reboot before it closes.
 * The cutoff then only stops SSM from starting runbooks that would end at that first step: it is
 * the largest whole number of hours that still leaves SSM scheduling hosts until the last minute
 * a host may start (durationMinutes - GATE_MINUTES), and below the duration (Cutoff < Duration).
 */
export function planUpdateWindow(window: PolicyWindow): UpdateWindowPlan {
  if (window.durationMinutes < MIN_BOTTLEROCKET_WINDOW_MINUTES) {
    throw EcsErrors.bottlerocketWindowTooShort('updatePolicy.maintenanceWindow.durationMinutes', window.durationMinutes,
      MIN_BOTTLEROCKET_WINDOW_MINUTES);
  }
  const days = window.days.map((d) => SHORT_DAY[d].toUpperCase()).join(',');
  const schedule = `cron(${window.startMinute % 60} ${Math.floor(window.startMinute / 60)} ? * ${days} *)`;
  const durationHours = Math.ceil(window.durationMinutes / 60);
  const lastStart = window.durationMinutes - GATE_MINUTES;
  const cutoffHours = Math.min(durationHours - 1, Math.floor((durationHours * 60 - lastStart) / 60));
  const warnings: string[] = [];
  if (window.durationMinutes % 60 !== 0) {
    const end = (window.startMinute + window.durationMinutes) % 1440;
    const ssmEnd = (window.startMinute + durationHours * 60) % 1440;
    warnings.push(`SSM maintenance windows last whole hours, so the Bottlerocket window ${days} ${hhmm(window.startMinute)} UTC `
      + `+${window.durationMinutes}m runs as an SSM window of ${durationHours} h (until ${hhmm(ssmEnd)} UTC, cutoff ${cutoffHours} h); `
      + `the update runbook still starts a host only until ${hhmm((end - GATE_MINUTES + 1440) % 1440)} UTC and reboots it before `
      + `${hhmm(end)} UTC, and a host that is rebooting at ${hhmm(end)} finishes rejoining its ECS cluster after it `
      + `(at most ${(RUNBOOK_TIMING.rejoin + RUNBOOK_TIMING.services) / 60} minutes)`);
  }
  return { schedule, scheduleTimezone: 'UTC', durationHours, cutoffHours, warnings };
}

/**
 * What the maintenance window and the Automation service do themselves, besides the runbook's
 * scripts (sysman-maintenance-perm-console.md): start this runbook, follow its executions, pass
 * the role. The scripts' own actions are in the policy by name; the test derives them from the
 * scripts' boto3 calls and checks that the policy grants exactly those plus these.
 */
export const RUNBOOK_SERVICE_ACTIONS: readonly string[] = ['ssm:StartAutomationExecution', 'ssm:GetAutomationExecution', 'iam:PassRole'];

/** The resources of a Bottlerocket fleet's update window. */
export interface BottlerocketUpdateWindow {
  readonly maintenanceWindow: SsmMaintenanceWindow;
  readonly target: SsmMaintenanceWindowTarget;
  readonly task: SsmMaintenanceWindowTask;
  readonly document: SsmDocument;
  readonly role: IamRole;
  readonly policy: IamRolePolicy;
  readonly plan: UpdateWindowPlan;
}

export function bottlerocketUpdateWindowFor(scope: Construct, props: BottlerocketUpdateWindowProps): BottlerocketUpdateWindow {
  const { fleet, targetTag, partition } = props;
  if (typeof fleet !== 'string' || isUnresolved(fleet) || !/^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/.test(fleet)) {
    throw AwsErrors.badFleetName('fleet', fleet);
  }
  props.serviceNames.forEach((name, i) => {
    if (typeof name !== 'string' || isUnresolved(name)) throw CoreErrors.literalRequired(`serviceNames[${i}]`, name,
      'the update runbook names each service it waits for');
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw EcsErrors.badEcsServiceName(`serviceNames[${i}]`, name);
  });
  for (const [k, v] of Object.entries({ 'targetTag.key': targetTag.key, 'targetTag.value': targetTag.value })) {
    if (typeof v !== 'string' || isUnresolved(v) || v.length === 0) {
      throw CoreErrors.literalRequired(k, v, 'the maintenance window target and the role\'s ssm:SendCommand condition are written from it');
    }
  }
  // A window target's Key is at most 163 characters of letters, spaces, digits and _.:/=-@ (botocore
  // ssm model, Target.Key), and it is `tag:<key>`.
  if (!/^[\p{L}\p{Z}\p{N}_.:/=@-]{1,159}$/u.test(targetTag.key)) {
    throw AwsErrors.badTag('targetTag.key', targetTag.key, 'an SSM maintenance window selects instances by a tag key of 1-159 letters, '
      + 'spaces, digits and _.:/=-@');
  }
  const plan = planUpdateWindow(props.window);
  const tags = tagsOrNone(props.tags);
  const region = regionOf(scope);
  const at = new Construct(scope, 'BottlerocketUpdates');

  const document = stackRunbook(scope);
  const documentName = document.nameInput!;

  const role = new IamRole(at, 'Role', {
    namePrefix: `${fleet}-upd-`,
    description: `Updates the Bottlerocket hosts of Docker fleet "${fleet}" in its maintenance window (SSM maintenance window and `
      + `Automation)`,
    // UNCERTAIN: 'ssm.amazonaws.com' is the principal in every partition (not checked for aws-cn).
    // No aws:SourceAccount condition: the account is known only from this role's own ARN.
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
    tags,
  });
  const account = accountOf(role);
  const arn = (service: string, resource: string, acct: string = account) => `arn:${partition()}:${service}:${region}:${acct}:${resource}`;
  const policy = new IamRolePolicy(at, 'Policy', {
    role: role.id,
    name: 'bottlerocket-update-window',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        // The stock updater's task role scopes ECS the same way (stacks/bottlerocket-ecs-updater.yaml,
        // TaskRole): ListContainerInstances on the cluster, the per-instance and per-task calls on
        // "*" with the ecs:cluster condition.
        { Sid: 'FindHostsInCluster', Effect: 'Allow', Action: 'ecs:ListContainerInstances', Resource: props.clusterArn },
        {
          Sid: 'DrainAndRejoinHosts', Effect: 'Allow',
          Action: ['ecs:DescribeContainerInstances', 'ecs:UpdateContainerInstancesState', 'ecs:ListTasks', 'ecs:DescribeTasks'],
          Resource: '*', Condition: { ArnEquals: { 'ecs:cluster': props.clusterArn } },
        },
        // SendCommand is authorized on the document and on each instance: the AWS-owned document's
        // ARN has no account, and the instances are those tagged as this fleet's hosts
        // (run-command-setting-up.md, ssm:resourceTag/<key> on arn:…:ec2:…:instance/*).
        {
          Sid: 'RunShellScriptDocument', Effect: 'Allow', Action: 'ssm:SendCommand',
          Resource: arn('ssm', 'document/AWS-RunShellScript', ''),
        },
        {
          Sid: 'RunOnFleetHostsOnly', Effect: 'Allow', Action: 'ssm:SendCommand', Resource: arn('ec2', 'instance/*'),
          Condition: { StringEquals: { [`ssm:resourceTag/${targetTag.key}`]: targetTag.value } },
        },
        // UNCERTAIN: GetCommandInvocation has no resource-level permissions (run-command-setting-up.md
        // grants the read calls on "*").
        { Sid: 'ReadCommandResults', Effect: 'Allow', Action: 'ssm:GetCommandInvocation', Resource: '*' },
        { Sid: 'StartThisRunbook', Effect: 'Allow', Action: 'ssm:StartAutomationExecution', Resource: arn('ssm',
          `automation-definition/${documentName}:*`) },
        {
          Sid: 'FollowRunbookExecutions', Effect: 'Allow', Action: 'ssm:GetAutomationExecution',
          Resource: arn('ssm', 'automation-execution/*'),
        },
        {
          Sid: 'PassThisRoleToSsm', Effect: 'Allow', Action: 'iam:PassRole', Resource: role.arn,
          Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
        },
      ],
    }),
  });

  const maintenanceWindow = new SsmMaintenanceWindow(at, 'Window', {
    name: `${fleet}-bottlerocket-updates`,
    description: `Bottlerocket OS updates of Docker fleet "${fleet}", one host at a time`,
    schedule: plan.schedule,
    scheduleTimezone: plan.scheduleTimezone,
    duration: plan.durationHours,
    cutoff: plan.cutoffHours,
    allowUnassociatedTargets: false,
    enabled: true,
    tags,
  });
  const target = new SsmMaintenanceWindowTarget(at, 'Hosts', {
    windowId: maintenanceWindow.id,
    name: `${fleet}-hosts`,
    description: `The hosts of Docker fleet "${fleet}"`,
    resourceType: 'INSTANCE',
    targets: [{ key: `tag:${targetTag.key}`, values: [targetTag.value] }],
  });
  const task = new SsmMaintenanceWindowTask(at, 'UpdateHosts', {
    windowId: maintenanceWindow.id,
    name: `${fleet}-update-hosts`,
    description: 'Runs the update runbook for one host after the other; the first failed host stops the roll',
    taskType: 'AUTOMATION',
    taskArn: document.name,
    serviceRoleArn: role.arn,
    priority: 1,
    maxConcurrency: '1',
    maxErrors: '0',
    cutoffBehavior: 'CANCEL_TASK',
    targets: [{ key: 'WindowTargetIds', values: [target.id] }],
    taskInvocationParameters: {
      automationParameters: {
        documentVersion: '$LATEST',
        parameter: [
          { name: 'InstanceId', values: ['{{TARGET_ID}}'] },
          { name: 'AutomationAssumeRole', values: [role.arn] },
          ...runbookParameters({ window: props.window, cluster: props.clusterName, serviceNames: props.serviceNames }),
        ],
      },
    },
    // The role must be able to start the runbook before the window first opens.
    dependsOn: [policy],
  });
  return { maintenanceWindow, target, task, document, role, policy, plan };
}

/** The construct id of a stack's update runbook, a child of the stack. */
const RUNBOOK_ID = 'DockerFleetBottlerocketRunbook';

/**
 * The update runbook of the stack `scope` is in, created with its first Bottlerocket fleet and
 * shared by the others: it holds nothing of a fleet (the fleets' windows pass their values as
 * parameters), so one document of ~42 KiB serves them all. Its name is unique per stack (a hash of
 * the stack's path, core/default-names.ts), at most 128 characters of letters, digits, `_`, `-`
 * and `.` (botocore ssm model, CreateDocumentRequest.Name). Not tagged with a fleet's tags: it
 * belongs to no fleet (the provider's default_tags still apply).
 */
function stackRunbook(scope: Construct): SsmDocument {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(RUNBOOK_ID);
  if (existing instanceof SsmDocument) return existing;
  const name = defaultName({ node: { id: RUNBOOK_ID, path: `${stack.node.path}/${RUNBOOK_ID}`, root: stack.node.root } },
    { maxLength: 128, readable: 'docker-fleet-bottlerocket-update' });
  const document = new SsmDocument(stack, RUNBOOK_ID, {
    name,
    documentType: 'Automation',
    documentFormat: 'YAML',
    content: runbookYaml(runbookDocument()),
  });
  claimName(document, 'SSM document name', name, 'name');
  return document;
}
