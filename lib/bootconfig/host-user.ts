import { Errors } from '../core/errors';
import { requireArray, requireSshPublicKey, requireString } from '../core/validation';
import { UserModel } from './model';

/** An extra login user. */
export interface HostUserOptions {
  /** User name, e.g. `deploy`. */
  readonly name: string;
  /**
   * Supplementary groups, e.g. `['docker']` to use the Docker socket (which is root-equivalent).
   * @default - none
   */
  readonly groups?: string[];
  /**
   * SSH public keys that may log in as this user.
   * @default - none (the user cannot log in over SSH)
   */
  readonly sshAuthorizedKeys?: string[];
}

const USER = /^[a-z_][a-z0-9_-]{0,31}$/;

export function validateUserName(property: string, value: unknown): string {
  const s = requireString(property, value, { allowEmpty: true });
  if (!USER.test(s)) throw Errors.badUserName(property, value);
  return s;
}

export function toUserModel(o: HostUserOptions, origin: string): UserModel {
  if (o === null || typeof o !== 'object') throw Errors.notAnObject(origin, o);
  const name = validateUserName(`${origin}.name`, o.name);
  const groups = o.groups === undefined ? [] : requireArray(`${origin}.groups`, o.groups).map((g, i) => validateUserName(`${origin}.groups[${i}]`, g));
  const keys = o.sshAuthorizedKeys === undefined ? [] : requireArray(`${origin}.sshAuthorizedKeys`, o.sshAuthorizedKeys)
    .map((k, i) => requireSshPublicKey(`${origin}.sshAuthorizedKeys[${i}]`, k));
  return { name, groups, sshAuthorizedKeys: keys, origin };
}
