/**
 * A first-boot payload (Ignition JSON, `#cloud-config`/`#alpine-config` YAML, Bottlerocket TOML)
 * read back into what a reviewer wants to see: the update policy as the OS applies it, users
 * with key fingerprints, files, units, containers (from the units/init scripts and env files the
 * library writes), data volume, sysctls, time zone. Files and units the library generates for a
 * container, the policy, sysctls, the time zone or the data volume are shown there, not twice.
 * One reader per format, in readers/.
 */
import { CliError } from './errors';
import { fromBottlerocket } from './readers/bottlerocket-settings';
import { fromCloudConfig } from './readers/cloud-config';
import { fromIgnition } from './readers/ignition';
import { HostView, PayloadFormat } from './readers/view';
import { rawPayloadParts } from './raw-payload-parts';
import { gunzip, isGzip, isText } from './util';

export type { ContainerView, DataVolumeView, FileView, HostView, PayloadFormat, PolicyView, UnitView } from './readers/view';

/** The payload's format from its text. */
export function formatOf(text: string): PayloadFormat | undefined {
  const t = text.trimStart();
  if (t.startsWith('#cloud-config')) return 'cloud-config';
  if (t.startsWith('#alpine-config')) return 'alpine-config';
  if (t.startsWith('{')) {
    try {
      const j = JSON.parse(t) as Record<string, unknown>;
      if (j && typeof j === 'object' && j.ignition !== undefined) return 'ignition';
    } catch {
      return undefined;
    }
    return undefined;
  }
  if (/^\[settings[.\]]/m.test(t)) return 'bottlerocket-toml';
  return undefined;
}

/** Reads a payload into a HostView; `osHint` names the OS where the deployment says it. */
export function hostView(text: string, where: string, osHint?: string): HostView {
  const view = modelledView(text, where, osHint);
  return { ...view, rawParts: rawPayloadParts(text, view.format) };
}

function modelledView(text: string, where: string, osHint?: string): HostView {
  const format = formatOf(text);
  if (format === 'ignition') return fromIgnition(text, where, osHint);
  if (format === 'cloud-config' || format === 'alpine-config') return fromCloudConfig(text, format, where, osHint);
  if (format === 'bottlerocket-toml') return fromBottlerocket(text, where, osHint);
  throw new CliError(`${where}: the payload is neither Ignition JSON, #cloud-config/#alpine-config nor Bottlerocket TOML (starts with `
    + `${JSON.stringify(text.slice(0, 24))})`);
}

/** Decodes user data bytes: gzip when gzip, then text. */
export function userDataText(bytes: Buffer, where: string): { text: string; gzip: boolean } {
  const gz = isGzip(bytes);
  const b = gz ? gunzip(bytes, where) : bytes;
  if (!isText(b)) throw new CliError(`${where}: the user data is neither text nor gzip-compressed text`);
  return { text: b.toString('utf8'), gzip: gz };
}
