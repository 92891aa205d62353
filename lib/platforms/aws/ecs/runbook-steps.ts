/**
 * The Python code of the Bottlerocket update runbook's `aws:executeScript` steps (boto3, run by
 * SSM Automation with the runbook's assume role), in runbook_steps.py next to this file.
 * test/helpers/bottlerocket_runbook_steps_test.py runs every step's script, as it stands in the
 * synthesized document, against botocore's real ECS and SSM models.
 *
 * Each handler is one step; `stepScript(handler)` gives the handler plus exactly the helpers it
 * reaches, because an SSM document holds at most 64 KB (botocore ssm model, MaxDocumentSizeExceeded:
 * "The size limit of a document is 64 KB") and every step carries its own script.
 *
 * What the code relies on, with its source:
 * - `apiclient update check` prints the update status as JSON on stdout (apiclient main.rs `check`),
 *   with `update_state` one of Idle, Available, Staged, Ready, `chosen_update.version`,
 *   `active_partition.image.version` and `staging_partition.image.version` (thar-be-updates
 *   status.rs `UpdateStatus`, `UpdateState`, `StagedImage`). Available means an update can be
 *   applied, Ready that one is applied and waits for a reboot, Idle that there is none
 *   (apiclient update.rs `required`); the stock ECS updater treats Staged as an error and reads
 *   the same fields (bottlerocket-ecs-updater updater/aws.go `updateInstance`, `checkOutput`).
 * - A host's update is verified by the version it boots, as the stock updater does (aws.go
 *   `verifyUpdate`); a new boot is told by the kernel's boot ID, which is per boot, not per
 *   container (Linux drivers/char/random.c, /proc/sys/kernel/random/boot_id).
 * - SendCommand/GetCommandInvocation: statuses Pending, InProgress, Delayed (still running),
 *   Success, and the errors InvocationDoesNotExist (right after SendCommand) and InvalidInstanceId
 *   (agent not connected, e.g. while the host reboots) are botocore ssm model facts; the stock
 *   updater polls GetCommandInvocation the same way (aws.go `sendCommand`, `getCommandResult`).
 * - `ec2InstanceId == i-…` is the cluster query language filter of ListContainerInstances (ECS
 *   developer guide, cluster-query-language.md); without a status filter it lists every state
 *   but INACTIVE (ecs model, ListContainerInstances.status).
 * - Draining: service tasks are stopped and replaced elsewhere, standalone tasks are not
 *   ("Any standalone tasks in the PENDING or RUNNING state are unaffected"), and draining is
 *   complete when every task on the instance is STOPPED, checked with ListTasks + DescribeTasks
 *   (ECS developer guide, container-instance-draining.md). Service tasks carry
 *   `startedBy = ecs-svc/…`; the stock updater skips hosts with other tasks (aws.go `eligible`).
 * - DAEMON services: "If a container instance transitions to a DRAINING status, the daemon tasks
 *   on it are stopped", and they are placed again on ACTIVE instances (ECS developer guide,
 *   ecs_services.md, Daemon).
 * - A step's script runs at most 600 seconds (SSM user guide, automation-action-executeScript.md):
 *   waits longer than one attempt fail with "tries again" and the step's maxAttempts repeats
 *   them until a deadline an earlier step fixed (automation-actions.md, maxAttempts).
 */

import { packagedFile } from '../../../core/packaged-file';

/** The handlers' module, runbook_steps.py: helpers first, then one handler per step (Python 3.8+, for the python3.11 runtime). */
export function runbookPython(): string {
  return packagedFile(__dirname, 'runbook_steps.py');
}

interface Chunk {
  readonly name: string;
  readonly code: string;
}

/** The module as its import header and its top-level definitions (`def name(` or `NAME = `), in order. */
function chunks(): { header: string; defs: Chunk[] } {
  const parts = runbookPython().split(/\n\n\n(?=def |[A-Z_]+ = )/);
  const defs = parts.slice(1).map((code) => ({
    name: /^(?:def )?([A-Za-z_][A-Za-z0-9_]*)/.exec(code)![1], code: code.replace(/\n+$/, ''),
  }));
  return { header: parts[0].replace(/\n+$/, ''), defs };
}

/** The names of the module's handlers (its public functions, one per step). */
export function runbookHandlers(): string[] {
  return chunks().defs.filter((d) => /^[a-z]/.test(d.name) && d.code.startsWith('def ')).map((d) => d.name);
}

/**
 * The script of one step: the import header, the handler, and every helper it reaches, in the
 * module's order (a name counts as reached when it appears as a word in reached code).
 */
export function stepScript(handler: string): string {
  const { header, defs } = chunks();
  const byName = new Map(defs.map((d) => [d.name, d]));
  if (!byName.has(handler) || !/^[a-z]/.test(handler)) throw new Error(`no runbook handler '${handler}'`);
  const reached = new Set<string>([handler]);
  const queue = [handler];
  while (queue.length) {
    const code = byName.get(queue.shift()!)!.code;
    for (const d of defs) {
      if (!reached.has(d.name) && new RegExp(`\\b${d.name}\\b`).test(code)) {
        reached.add(d.name);
        queue.push(d.name);
      }
    }
  }
  return [header, ...defs.filter((d) => reached.has(d.name)).map((d) => d.code)].join('\n\n\n') + '\n';
}
