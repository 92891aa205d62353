import { gunzipSync } from 'zlib';
import { parse as parseYaml } from 'yaml';

/** The text of a file in an Ignition config (data URLs decoded, gzip undone), or undefined. */
export function ignitionFile(ignition: string, path: string): string | undefined {
  const cfg = JSON.parse(ignition);
  const f = (cfg.storage?.files ?? []).find((x: any) => x.path === path);
  if (!f) return undefined;
  const src: string = f.contents.source;
  const comma = src.indexOf(',');
  const meta = src.slice(5, comma);
  const data = src.slice(comma + 1);
  let bytes = meta.endsWith(';base64') ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(data), 'utf8');
  if (f.contents.compression === 'gzip') bytes = gunzipSync(bytes);
  return bytes.toString('utf8');
}

export function ignitionUnit(ignition: string, name: string): any {
  return (JSON.parse(ignition).systemd?.units ?? []).find((u: any) => u.name === name);
}

/** The text of a write_files entry in a cloud-config document, or undefined. */
export function cloudConfigFile(doc: string, path: string): string | undefined {
  const y = parseYaml(doc);
  const f = (y.write_files ?? []).find((x: any) => x.path === path);
  if (!f) return undefined;
  return f.encoding === 'gz+b64' ? gunzipSync(Buffer.from(f.content, 'base64')).toString('utf8') : f.content;
}

export function cloudConfig(doc: string): any {
  return parseYaml(doc);
}
