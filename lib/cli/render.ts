/**
 * A HostView as review items (one per user, file, unit, container, …), each a title and its
 * detail lines. `explain` prints them; `diff` compares them by key.
 */
import { ContainerView, HostView } from './host-view';
import { describeKey, linesOf, sha256 } from './util';

export interface Item {
  /** stable identity, e.g. `file /etc/app.conf` */
  readonly key: string;
  readonly lines: string[];
}

/** Text contents up to this size are shown in full by `explain`; longer ones are summarized. */
const SHOW_MAX_BYTES = 2048;
const SHOW_MAX_LINES = 40;

function content(text: string | undefined, size: number, hash: string, full: boolean): string[] {
  if (text === undefined) return [`content: binary, ${size} bytes, sha256 ${hash}`];
  const lines = linesOf(text);
  if (size === 0) return ['content: (empty)'];
  if (!full && (size > SHOW_MAX_BYTES || lines.length > SHOW_MAX_LINES)) return [`content: text, ${lines.length} lines, ${size} bytes, `
    + `sha256 ${hash} (long: not shown)`];
  return ['content:', ...lines.map((l) => `  | ${l}`), ...(text.endsWith('\n') ? [] : ['  (no newline at end)'])];
}

/** A container as a review item: image, ports, env, secrets, volumes, command, where it is defined. */
export function containerItem(c: ContainerView): Item {
  const env = Object.keys(c.environment);
  const ecs = c.source.startsWith('ECS ');
  return {
    key: `container ${c.name}`,
    lines: [
      `image: ${c.image}`,
      ...(c.ports.length ? [`ports: ${c.ports.join(', ')}`] : []),
      ...(env.length ? ['env:', ...env.map((k) => `  ${k}=${c.environment[k]}`)] : []),
      ...(c.secrets.length
        ? [ecs ? 'secrets (names only):' : 'secrets (fetched by the host at each start; names only):', ...c.secrets.map((x) => `  ${x}`)]
        : []),
      ...(c.volumes.length ? [`volumes: ${c.volumes.join(', ')}`] : []),
      ...(c.command.length ? [`command: ${JSON.stringify(c.command)}`] : []),
      ...(c.options.length ? [`options: ${c.options.join(ecs ? ', ' : ' ')}`] : []),
      `defined by: ${c.source}`,
    ],
  };
}

/** The review items of a host. `full`: every text content in full (for diffs). */
export function itemsOf(v: HostView, full = false): Item[] {
  const items: Item[] = [];
  if (v.hostname !== undefined) items.push({ key: 'hostname', lines: [v.hostname] });
  items.push({
    key: 'update policy',
    lines: v.updatePolicy ? [`agent: ${v.updatePolicy.agent}`, ...v.updatePolicy.lines] : ['(none in the payload: the OS image defaults)'],
  });
  for (const u of v.users) {
    items.push({ key: `user ${u.name}`, lines: u.keys.length ? u.keys.map((k) => `key ${describeKey(k)}`) : ['no SSH keys'] });
  }
  for (const c of v.containers) items.push(containerItem(c));
  for (const f of v.files) {
    const about = `mode ${f.mode}${f.owner ? `, owner ${f.owner}` : ''}, ${f.size} bytes`;
    items.push({ key: `file ${f.path}`, lines: [about, ...content(f.text, f.size, f.sha256, full)] });
  }
  for (const d of v.directories) items.push({ key: `directory ${d.path}`, lines: [`mode ${d.mode}`] });
  for (const l of v.links) items.push({ key: `link ${l.path}`, lines: [`→ ${l.target}`] });
  for (const u of v.units) {
    const flags = [u.enabled === true ? 'enabled' : u.enabled === false ? 'disabled' : '', u.mask ? 'masked' : ''].filter(Boolean);
    const lines = [flags.length ? flags.join(', ') : 'state: as the image has it'];
    if (u.contents !== undefined) {
      const size = Buffer.byteLength(u.contents);
      lines.push(...content(u.contents, size, sha256(Buffer.from(u.contents)), full).map((l) => l.replace(/^content/, 'unit file')));
    }
    for (const d of u.dropIns) lines.push(`drop-in ${d.name}:`, ...linesOf(d.contents).map((l) => `  | ${l}`));
    items.push({ key: `unit ${u.name}`, lines });
  }
  if (v.dataVolume) items.push({ key: 'data volume', lines: v.dataVolume.lines });
  const sys = Object.keys(v.sysctls).sort();
  if (sys.length) items.push({ key: 'sysctls', lines: sys.map((k) => `${k} = ${v.sysctls[k]}`) });
  if (v.timeZone !== undefined) items.push({ key: 'time zone', lines: [v.timeZone] });
  if (v.packages.length) items.push({ key: 'packages', lines: [v.packages.join(' ')] });
  if (v.commands.length) items.push({ key: 'first-boot commands', lines: v.commands });
  if (v.settings.length) items.push({ key: 'settings', lines: v.settings });
  if (v.rawParts?.length) items.push({ key: 'payload parts shown raw (not read by this CLI)', lines: v.rawParts });
  return items;
}

/** The JSON form of a host view (`--json`): the same facts as the text. */
export function viewJson(v: HostView, full = false): Record<string, unknown> {
  const fileJson = (f: HostView['files'][number]) => {
    const long = f.text !== undefined && !full && (f.size > SHOW_MAX_BYTES || linesOf(f.text).length > SHOW_MAX_LINES);
    return {
      path: f.path, mode: f.mode, owner: f.owner, size: f.size, sha256: f.sha256,
      content: f.text !== undefined && !long ? f.text : undefined,
      summary: f.text === undefined ? 'binary' : long ? 'long text: not shown' : undefined,
    };
  };
  return {
    os: v.os,
    format: v.format,
    hostname: v.hostname,
    updatePolicy: v.updatePolicy ?? null,
    users: v.users.map((u) => ({
      name: u.name, keys: u.keys.map((k) => ({ type: k.type, bits: k.bits, fingerprint: k.fingerprint, comment: k.comment })),
    })),
    containers: v.containers,
    files: v.files.map(fileJson),
    directories: v.directories,
    links: v.links,
    units: v.units,
    dataVolume: v.dataVolume?.lines ?? null,
    sysctls: v.sysctls,
    timeZone: v.timeZone ?? null,
    packages: v.packages,
    commands: v.commands,
    settings: v.settings,
    rawParts: v.rawParts ?? [],
  };
}
