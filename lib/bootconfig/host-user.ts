import { CoreErrors } from '../core/errors';
import { BootConfigErrors } from './errors';
import { requireArray, requireSshPublicKey, requireString } from '../core/validation';
import { UserModel } from './model';

/** An extra login user. */
export interface HostUserOptions {
  /** User name, e.g. `deploy`. */
  readonly name: string;
  /**
   * Supplementary groups, e.g. `['docker']` to use the Docker socket (which is root-equivalent).
   * Any group name works on every OS: one the OS ships is used with the OS's GID, any other is
   * created on the host at first boot. On Fedora CoreOS and Flatcar, Ignition adds the user to
   * the groups the OS keeps in /etc/group (docker, wheel, sudo, ...); a oneshot unit adds it to
   * the others before logins open (the OS's altfiles groups such as kvm or dialout, and new ones).
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
  if (!USER.test(s)) throw BootConfigErrors.badUserName(property, value);
  return s;
}

export function toUserModel(o: HostUserOptions, origin: string): UserModel {
  if (o === null || typeof o !== 'object') throw CoreErrors.notAnObject(origin, o);
  const name = validateUserName(`${origin}.name`, o.name);
  const groups = o.groups === undefined ? []
    : requireArray(`${origin}.groups`, o.groups).map((g, i) => validateUserName(`${origin}.groups[${i}]`, g));
  groups.forEach((g, i) => {
    // The user's own group is its primary group: listed again it changes nothing (and Ignition's
    // useradd would look for it before creating it), so it is a mistake to report.
    if (g === name) throw BootConfigErrors.groupIsUsersOwn(`${origin}.groups[${i}]`, g, name);
    const first = groups.indexOf(g);
    if (first < i) throw BootConfigErrors.duplicateUserGroup(`${origin}.groups[${i}]`, g, `${origin}.groups[${first}]`);
  });
  const keys = o.sshAuthorizedKeys === undefined ? [] : requireArray(`${origin}.sshAuthorizedKeys`, o.sshAuthorizedKeys)
    .map((k, i) => requireSshPublicKey(`${origin}.sshAuthorizedKeys[${i}]`, k));
  return { name, groups, sshAuthorizedKeys: keys, origin };
}
