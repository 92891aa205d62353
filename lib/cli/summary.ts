/**
 * `explain`'s summary: one row per fleet (platform, OS and channel, hosts, update window in UTC,
 * containers and ports, payload size against its limit), read from the same fleets as the detail.
 */
import { Fleet, Stack } from './fleets';
import { ContainerView } from './host-view';

/** EC2's limit on user data, in bytes (before base64). */
const USER_DATA_LIMIT = 16384;

/** One fleet's row. */
export interface SummaryRow {
  readonly fleet: string;
  readonly platform: string;
  readonly os: string;
  readonly hosts: string;
  /** the update window in UTC, or the policy when it has none */
  readonly updates: string;
  readonly containers: string;
  readonly payload: string;
}

const COLUMNS: [keyof SummaryRow, string][] = [
  ['fleet', 'fleet'], ['platform', 'platform'], ['os', 'OS (channel)'], ['hosts', 'hosts'], ['updates', 'updates (UTC)'],
  ['containers', 'containers (ports)'], ['payload', 'payload / limit'],
];

const DAY: Record<string, string> = {
  MONDAY: 'Mon', TUESDAY: 'Tue', WEDNESDAY: 'Wed', THURSDAY: 'Thu', FRIDAY: 'Fri', SATURDAY: 'Sat', SUNDAY: 'Sun',
};
const CRON_DAY: Record<string, string> = { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' };

/** The line the library writes above each update configuration: `# Managed by cdktf-docker-fleet: update policy <policy>`. */
const POLICY_HEADER = /Managed by cdktf-docker-fleet: update policy (.+?)\s*$/;

function minutes(m: number): string {
  return m % 60 === 0 ? `${m / 60} h` : `${m} min`;
}

function days(list: string[]): string {
  return list.length === 7 ? 'daily' : list.join(',');
}

/** `maintenance-window SATURDAY,SUNDAY 22:00 +120m` → `Sat,Sun 22:00, 2 h`; other policies by name. */
export function describePolicy(policy: string): string {
  const w = /^maintenance-window (\S+) (\d\d:\d\d) \+(\d+)m$/.exec(policy);
  if (w) return `${days(w[1].split(',').map((d) => DAY[d] ?? d))} ${w[2]}, ${minutes(Number(w[3]))}`;
  const lock = /^fleet-lock (\S+)$/.exec(policy);
  if (lock) return `FleetLock (${lock[1]})`;
  return policy;
}

/** An SSM maintenance window's `cron(M H ? * DAYS *)` and duration in hours → `Sun 03:00, 2 h`. */
function describeSsmWindow(schedule: unknown, duration: unknown): string | undefined {
  const m = typeof schedule === 'string' ? /^cron\((\d+) (\d+) \? \* (\S+) \*\)$/.exec(schedule) : null;
  if (!m) return undefined;
  const d = m[3] === '*' ? 'daily' : days(m[3].split(',').map((x) => CRON_DAY[x] ?? x));
  const hours = typeof duration === 'number' ? `, ${minutes(duration * 60)}` : '';
  return `${d} ${m[2].padStart(2, '0')}:${m[1].padStart(2, '0')}${hours} (SSM window)`;
}

/** The policies a payload states, in order: its own, then any a swarm manager may switch to (its turns). */
function statedPolicies(f: Fleet): string[] {
  const view = Object.values(f.payloads)[0].view;
  const texts = [...(view.updatePolicy?.lines ?? []), ...view.files.flatMap((x) => (x.text ?? '').split('\n'))];
  const found = texts.map((l) => POLICY_HEADER.exec(l)?.[1]).filter((p): p is string => p !== undefined);
  return [...new Set(found)];
}

function updatesOf(f: Fleet, stacks: Stack[]): string {
  const policies = statedPolicies(f);
  if (policies.length > 1) {
    // a swarm's managers: one turn each, the same days and length
    const w = policies.map((p) => /^maintenance-window (\S+) (\d\d:\d\d) \+(\d+)m$/.exec(p));
    const same = w.every((m) => m && m[1] === w[0]![1] && m[3] === w[0]![3]);
    if (same) {
      return `${days(w[0]![1].split(',').map((d) => DAY[d] ?? d))} ${w.map((m) => m![2]).join(', ')}; ${minutes(Number(w[0]![3]))} each `
        + `(${policies.length} turns)`;
    }
    return `${policies.length} turns: ${policies.map(describePolicy).join('; ')}`;
  }
  if (policies.length === 1) return describePolicy(policies[0]);
  // Bottlerocket: the fleet's SSM maintenance window, not the payload, holds the window
  const json = stacks.find((s) => s.name === f.stack)?.json;
  const windows = Object.values(json?.resource?.aws_ssm_maintenance_window ?? {})
    .filter((w) => String((w['//'] as { metadata?: { path?: string } } | undefined)?.metadata?.path ?? '').startsWith(`${f.id}/`));
  const ssm = windows.map((w) => describeSsmWindow(w.schedule, w.duration)).find((x) => x !== undefined);
  if (ssm) return ssm;
  const agent = Object.values(f.payloads)[0].view.updatePolicy;
  if (!agent || agent.agent === 'none') return 'none';
  if (agent.lines.some((l) => /version-lock/.test(l))) return 'immediate (an updater applies them)';
  return agent.agent;
}

function containersOf(f: Fleet): string {
  const list: ContainerView[] = [...Object.values(f.payloads)[0].view.containers, ...(f.ecsContainers ?? [])];
  if (!list.length) return '-';
  return list.map((c) => (c.ports.length ? `${c.name} (${c.ports.join(', ')})` : c.name)).join(', ');
}

function kib(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function payloadOf(f: Fleet): string {
  const p = Object.values(f.payloads)[0];
  if (f.platform === 'libvirt') return `${kib(Buffer.byteLength(p.text))} (no size limit)`;
  const bytes = Number(/\((\d+) bytes\)$/.exec(p.delivery)?.[1] ?? NaN);
  if (p.delivery.startsWith('S3 pointer')) return `${kib(bytes)} in S3 (user data: a pointer)`;
  const share = Math.round((bytes / USER_DATA_LIMIT) * 100);
  return `${kib(bytes)}${p.delivery.startsWith('base64+gzip') ? ' gzipped' : ''} / 16 KiB (${share} %)`;
}

function hostsOf(f: Fleet): string {
  if (f.platform === 'libvirt') return String(Object.keys(f.payloads).length);
  return f.hostCount === undefined ? 'at apply' : String(f.hostCount);
}

/** The summary row of each fleet. */
export function summaryRows(fleets: Fleet[], stacks: Stack[]): SummaryRow[] {
  return fleets.map((f) => ({
    fleet: f.id,
    platform: f.platform === 'aws' ? 'AWS' : `libvirt${f.providerVersion ? ` ${f.providerVersion}` : ''}`,
    os: f.os,
    hosts: hostsOf(f),
    updates: updatesOf(f, stacks),
    containers: containersOf(f),
    payload: payloadOf(f),
  }));
}

/** The rows as a text table with a header, columns padded to their widest cell. */
export function summaryTable(rows: SummaryRow[]): string[] {
  const cells = [COLUMNS.map(([, title]) => title), ...rows.map((r) => COLUMNS.map(([k]) => r[k]))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]))).join('  ');
  return [line(cells[0]), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)];
}
