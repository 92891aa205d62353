/**
 * When a fleet's hosts update and in which order, for `explain`: the OS's own updates (the
 * window or schedule in the payload, or the SSM maintenance window a Bottlerocket fleet creates)
 * and how a change of the fleet itself reaches its hosts (instance refresh, ECS deployments,
 * Terraform replacing libvirt hosts).
 *
 * Upstream behaviour relied on:
 * - Flatcar locksmithd (github.com/flatcar/locksmith README): REBOOT_STRATEGY `reboot` reboots
 *   after an update, inside LOCKSMITHD_REBOOT_WINDOW_* when set; `etcd-lock` takes a lock in etcd
 *   first; `off` never reboots. Hosts do not coordinate otherwise.
 * - Fedora CoreOS Zincati (github.com/coreos/zincati docs/usage/updates-strategy.md): `immediate`
 *   reboots when an update is staged, `periodic` only inside its windows, `fleet_lock` asks the
 *   FleetLock server at base_url before each reboot (the server sets how many hosts at a time).
 * - SSM maintenance window tasks (AWS RegisterTaskWithMaintenanceWindow): MaxConcurrency targets
 *   in parallel, MaxErrors errors before the task stops being scheduled.
 * - EC2 Auto Scaling instance refresh (docs.aws.amazon.com/autoscaling/ec2/userguide/
 *   instance-refresh-overview.html): instances are replaced in batches that keep
 *   MinHealthyPercentage of the group in service; the Terraform AWS provider starts one when the
 *   group's launch template (version) changes (registry.terraform.io aws_autoscaling_group,
 *   instance_refresh).
 * - ECS service deployments (docs.aws.amazon.com/AmazonECS/latest/developerguide/
 *   deployment-type-ecs.html): minimumHealthyPercent and maximumPercent bound the tasks stopped
 *   and started at once; for DAEMON services the default minimum is 0 (all at once).
 * - Terraform applies up to 10 resource operations at once (`terraform apply -parallelism`,
 *   developer.hashicorp.com/terraform/cli/commands/apply).
 */
import { Fleet } from './fleets';

function setting(lines: readonly string[], name: string): string | undefined {
  const m = lines.map((l) => new RegExp(`^\\s*${name}\\s*=\\s*(.*?)\\s*$`).exec(l)).find((x) => x);
  return m ? m[1].replace(/^"(.*)"$/, '$1') : undefined;
}

/** The OS's own updates, from the payload's update policy. */
function osUpdates(f: Fleet): string[] {
  const policy = Object.values(f.payloads)[0]?.view.updatePolicy;
  const lines = policy?.lines ?? [];
  const agent = policy?.agent ?? '';
  if (agent.startsWith('update_engine')) {
    const strategy = setting(lines, 'REBOOT_STRATEGY') ?? '(the image default)';
    const start = setting(lines, 'LOCKSMITHD_REBOOT_WINDOW_START');
    const length = setting(lines, 'LOCKSMITHD_REBOOT_WINDOW_LENGTH');
    const window = start ? `reboot window ${start} for ${length ?? '?'}` : 'no reboot window';
    const order = strategy === 'off' ? 'hosts never reboot for an update by themselves'
      : strategy === 'etcd-lock' ? 'one host at a time (locksmithd takes an etcd lock before each reboot)'
        : `each host on its own after it staged an update${start ? ', inside the window' : ''}; hosts are not coordinated (all may reboot `
          + 'in the same window)';
    return [`OS updates: update_engine${setting(lines, 'SERVER') === 'disabled' ? ' (disabled: SERVER=disabled)' : ''}; `
      + `REBOOT_STRATEGY=${strategy}; ${window}`, `order: ${order}`];
  }
  if (agent.startsWith('Zincati')) {
    const strategy = setting(lines, 'strategy') ?? '(the image default: immediate)';
    if (strategy === 'periodic') {
      return [`OS updates: Zincati, periodic: ${setting(lines, 'days')?.replace(/[[\]"\s]/g, '').replace(/,/g, ', ') ?? '?'} at ${setting(lines, 'start_time') ?? '?'} UTC for `
        + `${setting(lines, 'length_minutes') ?? '?'} minutes`, 'order: each host on its own, inside the window; hosts are not coordinated'];
    }
    if (strategy === 'fleet_lock') {
      return [`OS updates: Zincati, fleet_lock at ${setting(lines, 'base_url') ?? '?'}`,
        'order: each host asks the FleetLock server before it reboots (the server decides how many at a time)'];
    }
    return [`OS updates: Zincati, ${strategy}`, 'order: each host reboots as soon as it staged an update; hosts are not coordinated'];
  }
  if (agent.startsWith('apk upgrade')) {
    const cron = lines.find((l) => l.startsWith('schedule: '));
    return [`OS updates: apk upgrade from root's crontab${cron ? `, ${cron}` : ''}`,
      'order: every host at the same time, each on its own (a reboot only when the kernel changed)'];
  }
  if (agent === 'none') return ['OS updates: none (no apk upgrade job)'];
  if (f.os.startsWith('Bottlerocket')) return [];
  return [`OS updates: ${agent || 'the OS image\'s defaults (no policy in the payload)'}`];
}

/** A Bottlerocket fleet's SSM maintenance window, from the fleet's resources. */
function ssmWindow(f: Fleet): string[] {
  const window = f.resources?.find((r) => r.type === 'aws_ssm_maintenance_window')?.values;
  const task = f.resources?.find((r) => r.type === 'aws_ssm_maintenance_window_task')?.values;
  if (!f.os.startsWith('Bottlerocket')) return [];
  if (!window) return ['OS updates: no maintenance window: the hosts do not update by themselves'];
  return [
    `OS updates: SSM maintenance window ${String(window.name)}: ${String(window.schedule)} ${String(window.schedule_timezone ?? 'UTC')}, `
      + `${String(window.duration)} h (cutoff ${String(window.cutoff)} h)${window.enabled === false ? ', disabled' : ''}`,
    `order: ${task?.max_concurrency === '1' ? 'one host at a time' : `${String(task?.max_concurrency ?? '?')} hosts at a time`} (the update `
      + `runbook drains, updates and reboots each), ${task?.max_errors === '0' ? 'stopping at the first host that fails'
      : `stopping after ${String(task?.max_errors ?? '?')} failed hosts`}`,
  ];
}

/** How a change of the fleet (a new payload, launch template, task definition) reaches the hosts. */
function fleetChanges(f: Fleet): string[] {
  if (f.platform === 'libvirt') {
    return ['a new payload: Terraform replaces each changed host\'s root volume and domain, up to 10 at once (terraform apply '
      + '-parallelism), not one after the other'];
  }
  const refresh = f.other.instance_refresh as { strategy?: string; preferences?: { min_healthy_percentage?: number; auto_rollback?: boolean } }
    | undefined;
  const out: string[] = [];
  if (refresh) {
    const healthy = refresh.preferences?.min_healthy_percentage;
    out.push(`a new launch template: ${refresh.strategy ?? 'Rolling'} instance refresh, in batches that keep ${healthy ?? 90} % of the hosts `
      + `in service (${100 - (healthy ?? 90)} %, at least one host, at a time)${refresh.preferences?.auto_rollback ? ', rolled back when it '
      + 'fails' : ''}`);
  } else out.push('a new launch template: no instance refresh; only hosts launched later get it');
  for (const s of (f.resources ?? []).filter((r) => r.type === 'aws_ecs_service')) {
    const v = s.values;
    const min = v.deployment_minimum_healthy_percent;
    const max = v.deployment_maximum_percent;
    const daemon = v.scheduling_strategy === 'DAEMON';
    out.push(`ECS service ${String(v.name)}: a new task definition stops and starts its tasks with ${min === undefined ? `the default minimum `
      + `healthy percent (${daemon ? '0: every host at once' : '100'})` : `minimum healthy ${String(min)} %`}`
      + `${max === undefined ? '' : `, maximum ${String(max)} %`}`);
  }
  return out;
}

/** The `update window and rollout` lines of a fleet. */
export function updateWindowLines(f: Fleet): string[] {
  return [...osUpdates(f), ...ssmWindow(f), ...fleetChanges(f).map((l) => `fleet change: ${l}`)];
}
