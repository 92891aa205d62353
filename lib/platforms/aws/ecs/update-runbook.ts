/**
 * The SSM Automation runbook that updates ONE Bottlerocket ECS host inside the fleet's window:
 * check, drain, apply, reboot, rejoin. The maintenance window (update-window.ts) runs
 * it for each host in turn. Pure: returns the document as an object and as YAML text.
 *
 * The sequence follows the stock Bottlerocket ECS updater (bottlerocket-os/bottlerocket-ecs-updater
 * updater/main.go and aws.go): `apiclient update check` over Run Command; skip a host without an
 * update; skip a host with tasks no service started; set its container instance DRAINING and wait
 * for its tasks to stop; `apiclient update apply` (only when the state is Available; Ready is
 * already applied); `apiclient reboot`; wait for the host; set the container instance ACTIVE;
 * verify the booted version. It differs where the stock updater races or guesses:
 * - the reboot is requested so that the command returns before the host goes down (below), and
 *   the host counts as back when it answers with a new boot ID, not after a fixed sleep;
 * - ACTIVE is set only once the rebooted host's ECS agent is connected, and the host counts as
 *   done only when each of the fleet's DAEMON services runs a task on it again;
 * - every step after DRAINING that fails puts the host back to ACTIVE (as the updater does after
 *   a failed update) and the run still ends Failed, so the window's max_errors stops the roll;
 * - nothing starts that could not reboot before the window ends (WindowGate, StartDrain).
 *
 * Automation facts used (SSM user guide, awsdocs/aws-systems-manager-user-guide doc_source at
 * dd495cca5833730e93837f1b3b66e8290a9bde2f):
 * - automation-action-executeScript.md: Runtime/Handler/Script/InputPayload, outputs as
 *   `$.Payload.<key>`, at most 600 seconds per step, the assume role for the script's API calls;
 *   Script is "not supported for JSON runbooks", hence YAML.
 * - automation-action-branch.md: Choices with BooleanEquals, Default.
 * - automation-actions.md: maxAttempts, timeoutSeconds, onFailure `step:<name>`, onCancel, isEnd,
 *   isCritical (default true: a failed step makes the automation Failed even if a later step
 *   succeeds, automation-branch-condition.md Example 3).
 * - automation-branch-condition.md: "the system verifies that the runbook doesn't create an
 *   infinite loop", so waits repeat by maxAttempts, never by a branch back.
 * - automation-action-sleep.md: `Duration` in ISO 8601.
 * - documents-schemas-features.md: AWS-RunShellScript takes `commands` (StringList) and
 *   `executionTimeout` (String, seconds).
 * - python3.11 as an executeScript Runtime: UNCERTAIN from AWS's own page (the stored copy lists up
 *   to python3.8); cdklabs/cdk-ssm-documents (AWS's CDK library for SSM documents) maps
 *   'python3.11' in ExecuteScriptStep's ScriptLanguage.
 */
import { PolicyWindow } from '../../../os/update-policy';
import { stepScript } from './runbook-steps';

/**
 * The check a host runs: its boot ID, then `apiclient update check`. `apiclient` runs from the
 * control container, where the SSM agent and so AWS-RunShellScript run (bottlerocket README
 * "Control container", "Update API": "you can run it from the control or admin containers").
 * The agent runs the commands with `sh -c` (amazon-ssm-agent agent/plugins/runscript/runshellscript.go),
 * so the scripts are POSIX sh; the control container's own helpers call `apiclient` the same way
 * (bottlerocket-control-container enable-admin-container).
 */
export const CHECK_SCRIPT: readonly string[] = [
  'set -eu',
  'echo "boot_id=$(cat /proc/sys/kernel/random/boot_id)"',
  'apiclient update check',
];

/**
 * Downloads and writes the chosen update to the other partition set and marks it for the next
 * boot (apiclient README "Update mode"); apiclient waits for it, at most 600 s for the download
 * and 5 s for the activation (apiclient update.rs `apply`, WaitPolicy 500 ms x 1200 and 100 ms x 50).
 */
export const APPLY_SCRIPT: readonly string[] = [
  'set -eu',
  'apiclient update apply',
];

/** Seconds between the reboot request's answer and `apiclient reboot`. */
export const REBOOT_DELAY_SECONDS = 10;

/**
 * Requests the reboot so that the command itself finishes first. `apiclient reboot` makes the API
 * server run `systemctl reboot` (apiserver server/mod.rs `reboot`), which takes the control
 * container and its SSM agent down, and the stock updater notes that "occasionally instance goes
 * into reboot before reporting command output" (aws.go). So the reboot runs detached after a
 * delay: the agent kills a command's process group only on timeout or cancel, not when the
 * script exits (amazon-ssm-agent agent/executers/executers.go `ExecuteCommand`, executers_unix.go
 * `killProcess`), and it waits for the script's output pipes, which the detached reboot does not
 * hold (all three redirected). The agent also keeps its state across reboots
 * (bottlerocket-control-container Dockerfile links /var/lib/amazon/ssm to the container's persistent
 * storage), so a command cut by the reboot could be picked up again after it; this one has ended.
 * The control container is Amazon Linux 2 with `sh` being bash (same Dockerfile), so `sleep` is there.
 */
export const REBOOT_SCRIPT: readonly string[] = [
  'set -eu',
  `( sleep ${REBOOT_DELAY_SECONDS} && apiclient reboot ) </dev/null >/dev/null 2>&1 &`,
  `echo "rebooting in ${REBOOT_DELAY_SECONDS} seconds"`,
];

/** The runbook's timings (seconds). Budgets are generous upper bounds, not expected durations. */
export const RUNBOOK_TIMING = {
  /** between polls (the stock updater's waiterDelay, aws.go) */
  poll: 15,
  /** one wait attempt; a probe (60 s) plus a poll still ends before the step's 600 s limit */
  attempt: 480,
  /** the executeScript limit, used as every script step's timeoutSeconds */
  stepTimeout: 600,
  /** `apiclient update check` (apiclient waits at most 10 s for the refresh, update.rs `check`) */
  check: 120,
  /** `apiclient update apply` (at most 605 s of its own waits, see APPLY_SCRIPT) */
  apply: 720,
  /** the reboot request and each post-reboot probe */
  shortCommand: 60,
  /** draining (the stock updater waits 100 x 15 s; ECS stops service tasks only after their replacements are healthy) */
  drain: 1200,
  /** reboot until the ECS agent is connected again (the stock updater: 15 s + EC2 status-ok waiter, 40 x 15 s) */
  rejoin: 900,
  /** ACTIVE until each DAEMON service runs a task on the host */
  services: 600,
  /** what must be left of the window after draining: apply, its delivery, the reboot request */
  reserve: 900,
  /** the least draining time worth starting a host for */
  minDrain: 300,
} as const;

/** Minutes of the window a host's update needs to start: reserve + minimal drain (20). */
export const GATE_MINUTES = (RUNBOOK_TIMING.reserve + RUNBOOK_TIMING.minDrain) / 60;

export interface RunbookInputs {
  readonly window: PolicyWindow;
  /** ECS cluster name or ARN (may be a token) */
  readonly cluster: string;
  /** the fleet's DAEMON service names (literal) */
  readonly serviceNames: readonly string[];
}

const WAIT = (total: number) => ({
  timeoutSeconds: RUNBOOK_TIMING.stepTimeout, maxAttempts: Math.ceil(total / RUNBOOK_TIMING.attempt) + 1,
});
const TIMING = { AttemptSeconds: RUNBOOK_TIMING.attempt, PollSeconds: RUNBOOK_TIMING.poll };
const INSTANCE = { InstanceId: '{{InstanceId}}' };
/** Steps after DRAINING: on failure or cancel, put the host back to ACTIVE. */
const RECOVER = { onFailure: 'step:Reactivate', onCancel: 'step:Reactivate' };

type Output = { Name: string; Selector: string; Type: 'String' | 'Integer' | 'Boolean' };
const out = (type: Output['Type'], ...names: string[]): Output[] => names.map((n) => ({ Name: n, Selector: `$.Payload.${n}`, Type: type }));

function script(name: string, handler: string, inputPayload: Record<string, unknown>, outputs: Output[],
  extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    action: 'aws:executeScript',
    timeoutSeconds: RUNBOOK_TIMING.stepTimeout,
    ...extra,
    inputs: { Runtime: 'python3.11', Handler: handler, Script: stepScript(handler), InputPayload: inputPayload },
    outputs: outputs.length ? outputs : undefined,
  };
}

function branch(name: string, variable: string, next: string): Record<string, unknown> {
  return {
    name,
    action: 'aws:branch',
    inputs: { Choices: [{ NextStep: next, Variable: `{{${variable}}}`, BooleanEquals: true }], Default: 'Done' },
  };
}

/**
 * The fleet's values, as the runbook's parameters (`name`, `values`) its maintenance window task
 * passes: one runbook serves every fleet of a stack, and a change to it reaches every fleet's
 * window (the tasks run its `$LATEST` version).
 */
export function runbookParameters(inputs: RunbookInputs): { name: string; values: string[] }[] {
  return [
    { name: 'Cluster', values: [inputs.cluster] },
    { name: 'WindowDays', values: [inputs.window.days.join(',')] },
    { name: 'WindowStartMinute', values: [String(inputs.window.startMinute)] },
    { name: 'WindowMinutes', values: [String(inputs.window.durationMinutes)] },
    // no service: the parameter's default, empty (UNCERTAIN: that SSM takes '' as a String
    // parameter's default; automation-doc-syntax-examples show non-empty defaults only)
    ...(inputs.serviceNames.length ? [{ name: 'ServiceNames', values: [inputs.serviceNames.join(',')] }] : []),
  ];
}

/**
 * The runbook (schemaVersion 0.3) as an object; `runbookYaml` writes it. It holds nothing of a
 * fleet: the fleet's cluster, window and services are parameters (`runbookParameters`).
 */
export function runbookDocument(): Record<string, unknown> {
  const t = RUNBOOK_TIMING;
  const cluster = { Cluster: '{{Cluster}}' };
  const steps = [
    script('WindowGate', 'window_gate', {
      WindowDays: '{{WindowDays}}',
      WindowStartMinute: '{{WindowStartMinute}}',
      WindowMinutes: '{{WindowMinutes}}',
      MinimumMinutesLeft: GATE_MINUTES,
    }, [...out('Boolean', 'Open'), ...out('Integer', 'WindowEnd'), ...out('String', 'Message')]),
    branch('IsWindowOpen', 'WindowGate.Open', 'CheckForUpdate'),
    script('CheckForUpdate', 'check_update', { ...INSTANCE, Commands: [...CHECK_SCRIPT], CommandSeconds: t.check, ...TIMING },
      [...out('Boolean', 'NeedsUpdate'), ...out('String', 'UpdateState', 'ActiveVersion', 'TargetVersion', 'BootId', 'Message')]),
    branch('IsUpdateNeeded', 'CheckForUpdate.NeedsUpdate', 'StartDrain'),
    script('StartDrain', 'start_drain', {
      ...INSTANCE, ...cluster, DrainSeconds: t.drain, WindowEnd: '{{WindowGate.WindowEnd}}', ReserveSeconds: t.reserve,
    }, [...out('Boolean', 'Drain'), ...out('String', 'ContainerInstanceArn', 'Message'), ...out('Integer', 'DrainDeadline')], RECOVER),
    branch('IsDraining', 'StartDrain.Drain', 'WaitForDrain'),
    script('WaitForDrain', 'wait_for_drain', {
      ...cluster, ContainerInstanceArn: '{{StartDrain.ContainerInstanceArn}}', DrainDeadline: '{{StartDrain.DrainDeadline}}', ...TIMING,
    }, [], { ...WAIT(t.drain), ...RECOVER }),
    script('StartApply', 'start_apply', {
      ...INSTANCE, UpdateState: '{{CheckForUpdate.UpdateState}}', Commands: [...APPLY_SCRIPT], CommandSeconds: t.apply,
    }, [...out('String', 'CommandId'), ...out('Integer', 'ApplyDeadline')], RECOVER),
    script('WaitForApply', 'wait_for_apply', {
      ...INSTANCE, CommandId: '{{StartApply.CommandId}}', ApplyDeadline: '{{StartApply.ApplyDeadline}}',
      TargetVersion: '{{CheckForUpdate.TargetVersion}}', ...TIMING,
    }, [], { ...WAIT(t.apply + 60), ...RECOVER }),
    script('RequestReboot', 'request_reboot', {
      ...INSTANCE, Commands: [...REBOOT_SCRIPT], CommandSeconds: t.shortCommand, RejoinSeconds: t.rejoin, ...TIMING,
    }, out('Integer', 'RebootDeadline'), RECOVER),
    script('WaitForReboot', 'wait_for_reboot', {
      ...INSTANCE, Commands: [...CHECK_SCRIPT], CommandSeconds: t.shortCommand, BootId: '{{CheckForUpdate.BootId}}',
      TargetVersion: '{{CheckForUpdate.TargetVersion}}', RebootDeadline: '{{RequestReboot.RebootDeadline}}', ...TIMING,
    }, out('String', 'ActiveVersion'), { ...WAIT(t.rejoin), ...RECOVER }),
    script('Rejoin', 'rejoin', {
      ...INSTANCE, ...cluster, RebootDeadline: '{{RequestReboot.RebootDeadline}}', ServicesSeconds: t.services, ...TIMING,
    }, [...out('String', 'ContainerInstanceArn'), ...out('Integer', 'ServicesDeadline')], { ...WAIT(t.rejoin), ...RECOVER }),
    script('WaitForServices', 'wait_for_services', {
      ...cluster, ContainerInstanceArn: '{{Rejoin.ContainerInstanceArn}}', ServiceNames: '{{ServiceNames}}',
      ServicesDeadline: '{{Rejoin.ServicesDeadline}}', ...TIMING,
    }, out('String', 'Running'), { ...WAIT(t.services), isEnd: true }),
    { name: 'Done', action: 'aws:sleep', inputs: { Duration: 'PT1S' }, isEnd: true },
    script('Reactivate', 'reactivate', { ...INSTANCE, ...cluster }, out('String', 'Reactivated'), { isEnd: true }),
  ];
  return {
    schemaVersion: '0.3',
    description: 'Updates one Bottlerocket host of a Docker fleet inside its maintenance window: '
      + 'apiclient update check, drain its ECS container instance, apiclient update apply, reboot, '
      + 'set it ACTIVE again once its ECS agent is back, wait for the fleet\'s DAEMON services on it.',
    assumeRole: '{{AutomationAssumeRole}}',
    parameters: {
      InstanceId: {
        type: 'String', description: 'The EC2 instance ID of the host (the maintenance window passes its TARGET_ID).',
        allowedPattern: '^i-[0-9a-f]{8,17}$',
      },
      AutomationAssumeRole: { type: 'String', description: 'The role the runbook runs with.' },
      Cluster: { type: 'String', description: 'The ECS cluster (name or ARN) the fleet\'s hosts join.' },
      WindowDays: {
        type: 'String', description: 'The days the fleet\'s window opens, e.g. MONDAY,THURSDAY.',
        allowedPattern: '^(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(,(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY))*$',
      },
      // Integers as text: the scripts read them with int(), whichever type SSM passes
      WindowStartMinute: { type: 'String', description: 'When the window opens: minutes after 00:00 UTC.', allowedPattern: '^[0-9]{1,4}$' },
      WindowMinutes: { type: 'String', description: 'How long the window lasts, in minutes.', allowedPattern: '^[0-9]{1,4}$' },
      ServiceNames: {
        type: 'String', default: '', description: 'The fleet\'s DAEMON ECS services, comma-separated; each must run on the host again.',
        allowedPattern: '^[A-Za-z0-9_,-]*$',
      },
    },
    mainSteps: steps.map(dropUndefined),
  };
}

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * The runbook as YAML: block literals for the scripts, no line folding (a folded line could split
 * a Terraform token), and the yaml library quoting whatever needs it.
 */
export function runbookYaml(doc: Record<string, unknown>): string {
  const { stringify } = require('yaml') as typeof import('yaml');
  return stringify(doc, { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
}
