/**
 * Reads a `#cloud-config` / `#alpine-config` document (lib/bootconfig/cloud-config.ts writes it)
 * back into a host view.
 */
import { ALPINE_UPGRADE_SCRIPT, APK_REPOSITORIES } from '../../bootconfig/paths';
import { CliError } from '../errors';
import { fromBase64, gunzip, keyInfo } from '../util';
import { RawFile, assemble, fileView, textLines } from './assemble';
import { HostView, PayloadFormat, PolicyView } from './view';

export function fromCloudConfig(text: string, format: PayloadFormat, where: string, osHint?: string): HostView {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('yaml') as typeof import('yaml');
  let doc: Record<string, unknown>;
  try {
    doc = (parse(text.replace(/^#[a-z-]+\n/, '')) ?? {}) as Record<string, unknown>;
  } catch (e) {
    throw new CliError(`${where}: the ${format} YAML cannot be parsed (${(e as Error).message.split('\n')[0]})`);
  }
  const list = (k: string): unknown[] => (Array.isArray(doc[k]) ? (doc[k] as unknown[]) : []);
  const raw: RawFile[] = list('write_files').map((x) => {
    const f = x as { path: string; content?: string; encoding?: string; permissions?: string; owner?: string };
    const what = `${where}: file ${f.path}`;
    let bytes: Buffer;
    const enc = (f.encoding ?? '').toLowerCase();
    if (['gz+b64', 'gzip+base64', 'gz+base64', 'gzip+b64', 'b64', 'base64'].includes(enc)) {
      const b = fromBase64(f.content ?? '');
      if (b === undefined) throw new CliError(`${what}: ${enc} content is not valid base64`);
      bytes = enc.startsWith('gz') ? gunzip(b, what) : b;
    } else if (enc === 'gz' || enc === 'gzip') {
      bytes = gunzip(Buffer.from(f.content ?? '', 'binary'), what);
    } else bytes = Buffer.from(f.content ?? '', 'utf8');
    return { path: f.path, mode: parseInt(f.permissions ?? '0644', 8), owner: f.owner, bytes };
  });
  const files = new Map(raw.map((f) => [f.path, fileView(f)] as const));
  const commands = [...list('bootcmd').map((c) => `bootcmd: ${cmd(c)}`), ...list('runcmd').map((c) => `runcmd: ${cmd(c)}`)];
  const keys = list('ssh_authorized_keys').map((k) => keyInfo(String(k)));
  const tz = commands.map((c) => /ln -sf '?\/usr\/share\/zoneinfo\/([^' ]+)'? \/etc\/localtime/.exec(c)).find((m) => m);
  const repo = files.get(APK_REPOSITORIES)?.text;
  const release = repo ? /alpine\/v(\d+\.\d+)\//.exec(repo)?.[1] : undefined;
  const os = osHint ?? (release ? `Alpine Linux (${release})` : 'a cloud-init OS');
  // the apk upgrade job: a cron line added by runcmd, and its script
  const cron = commands.map((c) => /echo '([^']*apk-upgrade[^']*)' >> \/etc\/crontabs\/root/.exec(c)).find((m) => m);
  const script = files.get(ALPINE_UPGRADE_SCRIPT);
  let policy: PolicyView | undefined;
  if (cron || script) {
    const lines: string[] = [];
    if (cron) {
      const f = cron[1].split(/\s+/);
      lines.push(`crond (root crontab): ${cron[1]}`, `schedule: minute ${f[0]}, hour ${f[1]}, day-of-month ${f[2]}, month ${f[3]}, `
        + `weekday ${f[4]}`);
    } else lines.push('no cron line: the upgrade script is not scheduled');
    if (script) lines.push(`# ${script.path}`, ...textLines(script));
    policy = { agent: 'apk upgrade job (crond)', lines };
  } else policy = { agent: 'none', lines: ['no apk upgrade job: the hosts take no updates'] };
  const dvExtra = commands.map((c) => /echo '(LABEL=\S+ \S+ \S+ [^']*)' >> \/etc\/fstab/.exec(c)).filter((m) => m)
    .map((m) => `fstab: ${m![1]}`);
  const view = assemble({
    os, format, files, units: [], links: [], directories: [], timeZone: tz?.[1],
    users: keys.length ? [{ name: '(default user)', keys }] : [],
    dataVolumeExtra: dvExtra, packages: list('packages').map(String).sort(), commands, settings: [], systemd: false, policy,
  });
  const takenFiles = new Set(script ? [ALPINE_UPGRADE_SCRIPT] : []);
  return { ...view, files: view.files.filter((f) => !takenFiles.has(f.path)) };
}

function cmd(c: unknown): string {
  return Array.isArray(c) ? c.map(String).join(' ') : String(c);
}
