import { CoreErrors } from '../core/errors';
import { BootConfigErrors } from './errors';
import { requireBoolean, requireString } from '../core/validation';
import { DropInModel, UnitModel } from './model';

/** A systemd unit installed on first boot (Fedora CoreOS and Flatcar). */
export interface SystemdUnitOptions {
  /** Unit file name with its suffix, e.g. `app.service` or `backup.timer`. */
  readonly name: string;
  /**
   * The unit file text (`content`, as in `addFile`).
   * @default - no unit file is written (use with `mask` or to only enable/disable a unit the OS ships)
   */
  readonly content?: string;
  /**
   * The unit file text.
   * @deprecated use `content` (the same name as in `addFile`); `contents` stays as its alias.
   * @default - see `content`
   */
  readonly contents?: string;
  /**
   * Whether the unit is enabled (started at boot through its [Install] section).
   * @default - enabled when `content` has an [Install] section, otherwise left as the OS has it
   */
  readonly enabled?: boolean;
  /**
   * Mask the unit (link it to /dev/null) so nothing can start it.
   * @default false
   */
  readonly mask?: boolean;
}

/** A drop-in that changes a unit without replacing it: `/etc/systemd/system/<unit>.d/<name>`. */
export interface SystemdDropInOptions {
  /** The unit to change, e.g. `docker.service`. */
  readonly unit: string;
  /** Drop-in file name ending in `.conf`, e.g. `10-limits.conf`. */
  readonly name: string;
  /**
   * The drop-in text, e.g. `[Service]\nLimitNOFILE=1048576\n` (`content`, as in `addFile`).
   * Required (or its deprecated alias `contents`).
   * @default - none: one of `content` and `contents` must be given
   */
  readonly content?: string;
  /**
   * The drop-in text.
   * @deprecated use `content` (the same name as in `addFile`); `contents` stays as its alias.
   * @default - see `content`
   */
  readonly contents?: string;
}

/**
 * The text given as `content` or as its deprecated alias `contents` (not both), checked as a
 * literal string; undefined when neither is given.
 */
function contentOf(o: { content?: unknown; contents?: unknown }, origin: string): string | undefined {
  if (o.content !== undefined && o.contents !== undefined) {
    throw CoreErrors.conflictingProps(`${origin}.contents`, o.contents, `${origin}.content`, '`contents` is the old name of `content`; give one');
  }
  const [name, value] = o.contents !== undefined ? ['contents', o.contents] : ['content', o.content];
  return value === undefined ? undefined : requireString(`${origin}.${name}`, value, { literal: true });
}

// systemd.unit(5): unit names are up to 255 chars of [A-Za-z0-9:_.\\-] plus one '@' for templates.
const UNIT = /^[A-Za-z0-9:_.\\-]+(@[A-Za-z0-9:_.\\-]*)?\.(service|socket|device|mount|automount|swap|target|path|timer|slice|scope)$/;

export function validateUnitName(property: string, value: unknown): string {
  const s = requireString(property, value, { allowEmpty: true });
  if (s.length === 0 || s.length > 255 || !UNIT.test(s)) throw BootConfigErrors.badUnitName(property, value);
  return s;
}

export function toUnitModel(o: SystemdUnitOptions, origin: string): UnitModel {
  if (o === null || typeof o !== 'object') throw CoreErrors.notAnObject(origin, o);
  const name = validateUnitName(`${origin}.name`, o.name);
  const contents = contentOf(o, origin);
  const mask = o.mask === undefined ? false : requireBoolean(`${origin}.mask`, o.mask);
  let enabled = o.enabled === undefined ? undefined : requireBoolean(`${origin}.enabled`, o.enabled);
  if (contents === undefined && !mask && enabled === undefined) throw BootConfigErrors.emptyUnit(`${origin}.content`, o.content);
  if (enabled === undefined && contents !== undefined && /^\[Install\]/m.test(contents)) enabled = true;
  return { name, contents, enabled, mask, dropIns: [], origin };
}

export function toDropInModel(o: SystemdDropInOptions, origin: string): { unit: string; dropIn: DropInModel } {
  if (o === null || typeof o !== 'object') throw CoreErrors.notAnObject(origin, o);
  const unit = validateUnitName(`${origin}.unit`, o.unit);
  const name = requireString(`${origin}.name`, o.name, { allowEmpty: true });
  if (!/^[A-Za-z0-9_.@-]+\.conf$/.test(name)) throw BootConfigErrors.badDropInName(`${origin}.name`, o.name);
  const contents = contentOf(o, origin) ?? requireString(`${origin}.content`, o.content, { literal: true });
  return { unit, dropIn: { name, contents } };
}
