import { CoreErrors } from '../core/errors';
import { BootConfigErrors } from './errors';
import { isUnresolved, requireAbsolutePath, requireString } from '../core/validation';
import { FileModel } from './model';

/** A file written on first boot. */
export interface HostFileOptions {
  /** Absolute path of the file on the host, e.g. `/etc/app/config.yaml`. */
  readonly path: string;
  /**
   * Text contents (UTF-8).
   * @default - empty file, unless `contentBase64` is given
   */
  readonly content?: string;
  /**
   * Binary contents, base64-encoded. Use instead of `content` for non-text files.
   * @default - `content` is used
   */
  readonly contentBase64?: string;
  /**
   * File mode as a number, e.g. `0o644` or `0o600`.
   * @default 0o644
   */
  readonly mode?: number;
  /**
   * Owner as `user` or `user:group`. The user must exist when the file is written
   * (root, the OS's default user, or one added with `addUser`).
   * @default root:root
   */
  readonly owner?: string;
}

const NAME = /^[a-z_][a-z0-9_-]{0,31}$/;

export function validateOwner(property: string, value: unknown): { user?: string; group?: string } {
  if (value === undefined) return {};
  const s = requireString(property, value);
  const parts = s.split(':');
  if (parts.length > 2 || !parts.every((p) => NAME.test(p))) throw BootConfigErrors.badOwner(property, value);
  return { user: parts[0], group: parts[1] };
}

export function validateMode(property: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0o7777) throw BootConfigErrors.badMode(property, value);
  return value;
}

export function toFileModel(o: HostFileOptions, origin: string): FileModel {
  if (o === null || typeof o !== 'object') throw CoreErrors.notAnObject(origin, o);
  const path = requireAbsolutePath(`${origin}.path`, o.path);
  let contents: Buffer;
  if (o.content !== undefined && o.contentBase64 !== undefined) {
    throw CoreErrors.unsupportedFeature('HostConfig', `${origin}.contentBase64`, '(both set)', 'give either content or contentBase64, not '
      + 'both');
  }
  if (o.contentBase64 !== undefined) {
    const b = requireString(`${origin}.contentBase64`, o.contentBase64, { allowEmpty: true });
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b) || b.length % 4 !== 0) {
      throw CoreErrors.notOneOf(`${origin}.contentBase64`, o.contentBase64, ['standard base64 (A-Z a-z 0-9 + /, = padding)']);
    }
    contents = Buffer.from(b, 'base64');
  } else {
    const c = o.content === undefined ? '' : requireString(`${origin}.content`, o.content, { allowEmpty: true });
    if (isUnresolved(c)) throw CoreErrors.unresolvedToken(`${origin}.content`, c);
    contents = Buffer.from(c, 'utf8');
  }
  const mode = validateMode(`${origin}.mode`, o.mode, 0o644);
  const owner = validateOwner(`${origin}.owner`, o.owner);
  return { path, contents, mode, ...owner, origin };
}

