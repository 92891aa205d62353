/**
 * `explain` and `diff`: the text (and JSON) the commands print, from the fleets of one or two
 * synthesized apps.
 */
import { CliError } from './errors';
import { Fleet, Payload, Stack, findFleets, loadApp } from './fleets';
import { awsHostImpact, libvirtHostImpact, rulesFor } from './host-impact';
import { ContainerView } from './host-view';
import { payloadTextChange } from './raw-payload-parts';
import { Item, containerItem, itemsOf, viewJson } from './render';
import { summaryRows, summaryTable } from './summary';
import { updateWindowLines } from './update-windows';
import { unifiedDiff } from './util';

function hostsWord(n: number): string {
  return `${n} host${n === 1 ? '' : 's'}`;
}

function platformLine(f: Fleet): string {
  if (f.platform === 'aws') {
    return `platform: AWS (launch template + auto scaling group), `
      + `${f.hostCount === undefined ? 'host count set at apply time' : hostsWord(f.hostCount)}`;
  }
  const hosts = Object.keys(f.payloads);
  // the provider version only where it is not the 0.8.3 line the output always described
  const provider = f.providerVersion && f.providerVersion !== '0.8.3' ? ` (dmacvicar/libvirt ${f.providerVersion})` : '';
  return `platform: libvirt${provider}, ${hostsWord(hosts.length)}: ${hosts.join(', ')} (one payload each)`;
}

function deliveryKind(p: Payload): string {
  return p.delivery.replace(/\s*\(.*\)$/, '');
}

function loadFleets(dir: string, allowEmpty: boolean): Fleet[] {
  return loadFleetsAndStacks(dir, allowEmpty).fleets;
}

function loadFleetsAndStacks(dir: string, allowEmpty: boolean): { fleets: Fleet[]; stacks: Stack[] } {
  const stacks = loadApp(dir);
  const fleets = findFleets(stacks);
  if (!fleets.length && !allowEmpty) {
    throw new CliError(`${dir}: no Docker fleets found (no aws_launch_template with user_data, libvirt_ignition or `
      + `libvirt_cloudinit_disk)`);
  }
  return { fleets, stacks };
}

function indent(lines: string[], by = '  '): string[] {
  return lines.map((l) => (l === '' ? l : `${by}${l}`));
}

/** The per-host items of a libvirt fleet: those the same on every host, and those that differ. */
function splitCommon(payloads: Record<string, Payload>, full: boolean):
{ common: Item[]; differing: { key: string; perHost: [string, string[] | undefined][] }[] } {
  const hosts = Object.keys(payloads);
  const per = hosts.map((h) => new Map(itemsOf(payloads[h].view, full).map((i) => [i.key, i.lines] as const)));
  const keys: string[] = [];
  for (const m of per) for (const k of m.keys()) if (!keys.includes(k)) keys.push(k);
  const common: Item[] = [];
  const differing: { key: string; perHost: [string, string[] | undefined][] }[] = [];
  for (const key of keys) {
    const vals = per.map((m) => m.get(key));
    const first = JSON.stringify(vals[0]);
    if (vals[0] !== undefined && vals.every((v) => JSON.stringify(v) === first)) common.push({ key, lines: vals[0] });
    else differing.push({ key, perHost: hosts.map((h, i) => [h, vals[i]]) });
  }
  return { common, differing };
}

/** What moving a libvirt fleet to another provider version does to the hosts both synths have. */
function providerMove(a: Fleet, b: Fleet, kept: string[]): string {
  const from = a.providerVersion ?? 'unpinned';
  const to = b.providerVersion ?? 'unpinned';
  const hosts = kept.length ? ` ${kept.join(', ')}` : ' none';
  return `effect: moves to dmacvicar/libvirt ${to} (from ${from}): the state must be moved first (cdktf-docker-fleet migrate-libvirt; `
    + `README "libvirt provider 0.9"); each host's domain is then redefined and restarts once (hosts:${hosts}); `
    + 'payloads, root and Docker data volumes stay';
}

/**
 * `explain`: a summary table of the fleets, then every fleet's payload as a reviewer reads it;
 * `summaryOnly`: the table alone.
 */
export function explainText(dir: string, summaryOnly = false): string {
  const { fleets, stacks } = loadFleetsAndStacks(dir, false);
  const out: string[] = [`${fleets.length} fleet${fleets.length === 1 ? '' : 's'} in ${dir}`, '',
    ...summaryTable(summaryRows(fleets, stacks))];
  if (summaryOnly) return `${out.join('\n')}\n`;
  for (const f of fleets) {
    const payloads = Object.values(f.payloads);
    out.push('', `== ${f.id} ==`, platformLine(f));
    const first = payloads[0];
    out.push(`OS: ${f.os}; payload: ${first.view.format}; delivery: ${f.platform === 'aws' ? first.delivery : deliveryKind(first)}`);
    out.push('update window and rollout', ...indent(updateWindowLines(f)));
    if (f.platform === 'aws') {
      for (const i of itemsOf(first.view)) out.push(i.key, ...indent(i.lines));
      if (f.ecsContainers) {
        out.push('ECS daemon services (one task on each host; in ECS task definitions, not in the payload):');
        for (const i of f.ecsContainers.map(containerItem)) out.push(i.key, ...indent(i.lines));
      }
      continue;
    }
    const { common, differing } = splitCommon(f.payloads, false);
    if (payloads.length > 1) out.push(`(the same on ${payloads.length === 2 ? 'both' : `all ${payloads.length}`} hosts, except what is `
      + `listed under "differs between hosts")`);
    for (const i of common) out.push(i.key, ...indent(i.lines));
    if (differing.length) {
      out.push('differs between hosts:');
      for (const d of differing) {
        out.push(`  ${d.key}`);
        for (const [h, lines] of d.perHost) {
          if (lines === undefined) out.push(`    ${h}: (none)`);
          else if (lines.length === 1) out.push(`    ${h}: ${lines[0]}`);
          else out.push(`    ${h}:`, ...indent(lines, '      '));
        }
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** `explain --json`. */
export function explainJson(dir: string): string {
  const { fleets, stacks } = loadFleetsAndStacks(dir, false);
  const summaries = summaryRows(fleets, stacks);
  const json = fleets.map((f, i) => {
    const { fleet: _id, ...summary } = summaries[i];
    const base = { fleet: f.id, stack: f.stack, platform: f.platform, os: f.os, summary, updateWindowAndRollout: updateWindowLines(f) };
    if (f.platform === 'aws') {
      const p = f.payloads['*'];
      return {
        ...base, hostCount: f.hostCount ?? null, delivery: p.delivery, payload: viewJson(p.view),
        ...(f.ecsContainers ? { ecsContainers: f.ecsContainers } : {}),
      };
    }
    const hosts = Object.keys(f.payloads);
    const { differing } = splitCommon(f.payloads, false);
    return {
      ...base,
      ...(f.providerVersion ? { providerVersion: f.providerVersion } : {}),
      hosts,
      delivery: deliveryKind(f.payloads[hosts[0]]),
      payload: viewJson(f.payloads[hosts[0]].view),
      differsBetweenHosts: differing.map((d) => ({ item: d.key, hosts: Object.fromEntries(d.perHost.map(([h, l]) => [h, l ?? null])) })),
    };
  });
  return `${JSON.stringify({ fleets: json }, null, 2)}\n`;
}

/** The changed items between two hosts' payloads, as lines (empty: no change). */
function itemChanges(a: Payload, b: Payload): string[] {
  const ai = new Map(itemsOf(a.view, true).map((i) => [i.key, i.lines] as const));
  const bi = new Map(itemsOf(b.view, true).map((i) => [i.key, i.lines] as const));
  const out: string[] = [];
  if (deliveryKind(a) !== deliveryKind(b)) out.push(`~ delivery: ${deliveryKind(a)} → ${deliveryKind(b)}`);
  if (a.view.os !== b.view.os || a.view.format !== b.view.format) out.push(`~ OS: ${a.view.os} (${a.view.format}) → ${b.view.os} `
    + `(${b.view.format})`);
  for (const [k, lines] of ai) {
    const nl = bi.get(k);
    if (nl === undefined) out.push(`- ${k}`, ...indent(lines.map((l) => `-${l}`), '    '));
    else if (JSON.stringify(nl) !== JSON.stringify(lines)) out.push(`~ ${k}`, ...indent(unifiedDiff(lines, nl), '    '));
  }
  for (const [k, lines] of bi) if (!ai.has(k)) out.push(`+ ${k}`, ...indent(lines.map((l) => `+${l}`), '    '));
  if (!out.length && a.text !== b.text) out.push(...payloadTextChange(a.text, b.text, b.view.format, unifiedDiff));
  return out;
}

function attrChanges(label: string, a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  for (const k of keys) {
    const x = JSON.stringify(a?.[k]);
    const y = JSON.stringify(b?.[k]);
    if (x !== y) out.push(`${label}.${k}: ${x ?? '(unset)'} → ${y ?? '(unset)'}`);
  }
  return out;
}

/** What changes in a fleet's ECS containers, and which containers it touches. */
function ecsChanges(a: ContainerView[], b: ContainerView[]): { lines: string[]; names: string[] } {
  const ai = new Map(a.map((c) => [c.name, containerItem(c)] as const));
  const bi = new Map(b.map((c) => [c.name, containerItem(c)] as const));
  const lines: string[] = [];
  const names: string[] = [];
  for (const [name, item] of ai) {
    const n = bi.get(name);
    if (n === undefined) {
      lines.push(`- ECS ${item.key}`, ...indent(item.lines.map((l) => `-${l}`), '    '));
      names.push(name);
    } else if (JSON.stringify(n.lines) !== JSON.stringify(item.lines)) {
      lines.push(`~ ECS ${item.key}`, ...indent(unifiedDiff(item.lines, n.lines), '    '));
      names.push(name);
    }
  }
  for (const [name, item] of bi) {
    if (!ai.has(name)) {
      lines.push(`+ ECS ${item.key}`, ...indent(item.lines.map((l) => `+${l}`), '    '));
      names.push(name);
    }
  }
  return { lines, names };
}

export interface DiffResult {
  readonly text: string;
  /** true when something changes on the hosts */
  readonly hostChange: boolean;
}

/** `diff OLD NEW`: per fleet, what changes on the hosts and what that does to the fleet. */
export function diffApps(oldDir: string, newDir: string): DiffResult {
  const before = loadFleets(oldDir, true);
  const after = loadFleets(newDir, true);
  if (!before.length && !after.length) throw new CliError(`${oldDir}, ${newDir}: no Docker fleets found in either app`);
  const ids = [...new Set([...before.map((f) => f.id), ...after.map((f) => f.id)])].sort();
  const out: string[] = [];
  let hostChange = false;
  let changedFleets = 0;
  for (const id of ids) {
    const a = before.find((f) => f.id === id);
    const b = after.find((f) => f.id === id);
    if (!a && b) {
      hostChange = true; changedFleets++;
      const n = b.platform === 'aws' ? (b.hostCount === undefined ? 'its hosts' : hostsWord(b.hostCount)) :
        `host ${Object.keys(b.payloads).join(', ')}`;
      out.push('', `== ${id} ==`, `new fleet (${b.os}) → creates ${n}`);
      continue;
    }
    if (a && !b) {
      hostChange = true; changedFleets++;
      const n = a.platform === 'aws' ? (a.hostCount === undefined ? 'its hosts' : hostsWord(a.hostCount)) :
        `host ${Object.keys(a.payloads).join(', ')}`;
      out.push('', `== ${id} ==`, `fleet removed (${a.os}) → destroys ${n}`);
      continue;
    }
    if (!a || !b) continue;
    if (a.platform === 'aws' && b.platform === 'aws') {
      const changes = itemChanges(a.payloads['*'], b.payloads['*']);
      const lt = attrChanges('launch template', a.launchTemplate, b.launchTemplate);
      const ecs = ecsChanges(a.ecsContainers ?? [], b.ecsContainers ?? []);
      const impact = awsHostImpact(a.other, b.other, a.resources ?? [], b.resources ?? []);
      if (changes.length || lt.length || ecs.lines.length || impact.onHosts) {
        hostChange = true; changedFleets++;
        const n = b.hostCount === undefined ? 'all hosts (desired capacity is set at apply time)' : hostsWord(b.hostCount);
        out.push('', `== ${id} ==`);
        if (changes.length || lt.length) out.push(`effect: new launch-template version → rolling instance refresh of ${n}`);
        if (ecs.lines.length) out.push(`effect: ECS replaces the task of ${ecs.names.join(', ')} on each host (a new task-definition `
          + `revision or service; the hosts stay)`);
        out.push(...impact.effects, ...changes, ...lt.map((l) => `~ ${l}`), ...ecs.lines, ...impact.details);
      } else {
        const other = attrChanges('auto scaling group', a.other, b.other);
        if (other.length) out.push('', `== ${id} ==`, 'no host change', ...indent(other.map((l) => `(not on the hosts) ${l}`)));
      }
      continue;
    }
    if (a.platform === 'libvirt' && b.platform === 'libvirt') {
      const hosts = [...new Set([...Object.keys(a.payloads), ...Object.keys(b.payloads)])].sort();
      const added = hosts.filter((h) => !a.payloads[h]);
      const removed = hosts.filter((h) => !b.payloads[h]);
      const groups = new Map<string, string[]>();
      for (const h of hosts) {
        if (!a.payloads[h] || !b.payloads[h]) continue;
        const ch = itemChanges(a.payloads[h], b.payloads[h]);
        if (!ch.length) continue;
        const k = ch.join('\n');
        groups.set(k, [...(groups.get(k) ?? []), h]);
      }
      const reprovisioned = [...groups.values()].flat().sort();
      const provider = a.providerVersion !== b.providerVersion ? providerMove(a, b, hosts.filter((h) => a.payloads[h] && b.payloads[h])) : undefined;
      const impact = provider ? undefined : libvirtHostImpact(a.resources ?? [], b.resources ?? [],
        rulesFor(b.providerVersion, b.resources ?? []), [...added, ...removed], reprovisioned);
      if (reprovisioned.length || added.length || removed.length || provider || impact?.onHosts) {
        hostChange = true; changedFleets++;
        out.push('', `== ${id} ==`);
        if (provider) out.push(provider);
        if (reprovisioned.length) out.push(`effect: re-provisions host ${reprovisioned.join(', ')} (new first-boot payload → new root `
          + `volume and domain; Docker data volumes are kept)`);
        if (added.length) out.push(`effect: creates host ${added.join(', ')}`);
        if (removed.length) out.push(`effect: destroys host ${removed.join(', ')}`);
        for (const [k, hs] of groups) out.push(groups.size === 1 && hs.length === reprovisioned.length && hs.length > 1 ?
          `on each of ${hs.join(', ')}:` : `on ${hs.join(', ')}:`, ...indent(k.split('\n')));
        if (impact) out.push(...impact.effects, ...impact.details);
      } else if (impact?.effects.length) {
        out.push('', `== ${id} ==`, 'no host change', ...indent(impact.effects.map((e) => `(not on the hosts) ${e.replace(/^effect: /, '')}`)),
          ...indent(impact.details));
      } else {
        const other = attrChanges('libvirt', a.other, b.other);
        if (other.length) out.push('', `== ${id} ==`, 'no host change', '  (not on the hosts) libvirt domain attributes changed');
      }
      continue;
    }
    hostChange = true; changedFleets++;
    out.push('', `== ${id} ==`, `platform changed: ${a.platform} → ${b.platform} (every host is replaced)`);
  }
  const head = hostChange
    ? `${changedFleets} of ${ids.length} fleet${ids.length === 1 ? '' : 's'} change on the hosts (${oldDir} → ${newDir})`
    : `no host change in ${ids.length} fleet${ids.length === 1 ? '' : 's'} (${oldDir} → ${newDir})`;
  return { text: `${[head, ...out].join('\n')}\n`, hostChange };
}
