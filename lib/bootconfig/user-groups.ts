/**
 * Groups of users on the Ignition OSes (`addUser({ groups })`): which memberships Ignition itself can
 * create, and a boot unit for the rest.
 *
 * Ignition creates users with `useradd --root /sysroot --groups a,b` and modifies existing ones
 * with `usermod --root /sysroot --groups a,b`, without `--append` (coreos/ignition
 * internal/exec/util/passwd.go `EnsureUser`). useradd only accepts groups in the target's
 * /etc/group ("useradd: group 'kvm' does not exist", Flatcar#799, ignition#1593,
 * fedora-coreos-tracker#1955), while Fedora CoreOS and Flatcar keep most of their groups in an
 * NSS altfiles database instead (/usr/lib/group, /usr/share/baselayout/group). Declaring such a
 * group in `passwd.groups` does not help: groupadd sees it through NSS and stops ("groupadd:
 * group 'dialout' already exists", fedora-coreos-tracker#1955; Flatcar#799). Either failure stops
 * the first boot in the initramfs.
 *
 * So only groups the OS has in /etc/group when Ignition runs go to Ignition; every other
 * membership is made by a oneshot unit at boot, as Ignition's maintainers document
 * (coreos/butane#411: "a ConditionFirstBoot=true systemd unit which does something like
 * `grep ^render: /usr/lib/group >> /etc/group && usermod -G render -a core`"; ignition#1596).
 * The unit copies a group the OS ships from its altfiles database (same GID) and creates any
 * other missing group; it decides on the host, from the real files, so a group the library does
 * not know about never stops a boot.
 * Internal: not part of the jsii API.
 */
import { FileModel, UnitModel, textFile } from './model';
import { USER_GROUPS_SCRIPT, USER_GROUPS_UNIT } from './paths';

/** Where an Ignition OS keeps its groups when Ignition's files stage runs (per OS: lib/os/os-groups.ts). */
export interface IgnitionOsGroups {
  /**
   * Groups in the target's /etc/group on every supported release when Ignition's files stage
   * runs, which useradd therefore accepts: name → GID (undefined when the OS allocates it at build).
   */
  readonly inEtcGroup: Readonly<Record<string, number | undefined>>;
  /** Groups the OS ships only in its altfiles database: name → GID (what the boot unit copies). */
  readonly onlyInAltfiles: Readonly<Record<string, number>>;
  /** That database's path on the booted host. */
  readonly altfilesPath: string;
  /**
   * Whether the default user exists before Ignition runs: then Ignition modifies it with
   * `usermod --groups`, which replaces its supplementary groups, so its groups go to the unit.
   */
  readonly defaultUserPreexists: boolean;
}

/** One membership the boot unit makes. */
export interface BootMembership {
  readonly user: string;
  readonly group: string;
}

/**
 * Splits a user's groups into those Ignition can take (`now`) and those the boot unit adds.
 * `declared`: groups raw fragments declare in `passwd.groups`; Ignition creates groups before
 * users (ignition internal/exec/stages/files/passwd.go `createPasswd`), so useradd accepts them.
 */
export function splitGroups(user: string, groups: readonly string[], os: IgnitionOsGroups,
  opts: { isDefaultUser: boolean; declared: ReadonlySet<string> }): { now: string[]; atBoot: BootMembership[] } {
  const now: string[] = [];
  const atBoot: BootMembership[] = [];
  const viaIgnition = !(opts.isDefaultUser && os.defaultUserPreexists);
  for (const g of groups) {
    // own keys only: `in` would also find Object.prototype's members (a group named `constructor`)
    if (viaIgnition && (Object.prototype.hasOwnProperty.call(os.inEtcGroup, g) || opts.declared.has(g))) now.push(g);
    else atBoot.push({ user, group: g });
  }
  return { now, atBoot };
}

/**
 * The unit's script (POSIX sh). For each membership: a group missing from /etc/group is copied
 * from the altfiles database with its GID (members left out: usermod adds them) and given an
 * /etc/gshadow line when that file exists, or created with groupadd when the OS does not ship
 * it; then `usermod -a -G` adds the user (a no-op when it is already a member). So it can run at
 * every boot: once done it changes nothing, and a boot that failed half-way is finished later.
 */
export function renderUserGroupsScript(memberships: readonly BootMembership[], altfilesPath: string): string {
  return `#!/bin/sh
# Managed by cdktf-docker-fleet: adds users to the groups Ignition could not add them to (not in
# /etc/group when Ignition ran). A group this OS ships only in its altfiles database ($ALTFILES)
# is copied from there with its GID; any other missing group is created. Runs at every boot and
# changes nothing once done.
set -eu
ALTFILES=${altfilesPath}
ensure() {
  group=$1 user=$2
  if ! grep -q "^$group:" /etc/group; then
    gid=$(grep "^$group:" "$ALTFILES" 2>/dev/null | head -n 1 | cut -d: -f3)
    if [ -n "$gid" ]; then
      echo "$group:x:$gid:" >> /etc/group
      if [ -f /etc/gshadow ] && ! grep -q "^$group:" /etc/gshadow; then echo "$group:!::" >> /etc/gshadow; fi
      echo "docker-fleet: copied group $group (GID $gid) from $ALTFILES into /etc/group"
    else
      groupadd "$group"
      echo "docker-fleet: created group $group"
    fi
  fi
  usermod -a -G "$group" "$user"
}
${memberships.map((m) => `ensure ${m.group} ${m.user}`).join('\n')}
`;
}

/**
 * The oneshot that runs the script at every boot: after systemd-sysusers (which may add groups
 * to /etc/group itself) and before logins open (systemd-user-sessions.service removes
 * /run/nologin), so a user's first session already has its groups. It runs the script through
 * /bin/sh, so systemd executes the shell (a system binary) rather than a file under /etc, whose
 * SELinux label on Fedora CoreOS (etc_t) is not meant to be executed (UNCERTAIN whether the
 * policy would refuse it; this way the question does not arise).
 */
export function userGroupsUnit(): UnitModel {
  const contents = [
    '[Unit]',
    'Description=Add users to the groups Ignition could not add them to (cdktf-docker-fleet)',
    'After=systemd-sysusers.service',
    'Before=systemd-user-sessions.service',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `ExecStart=/bin/sh ${USER_GROUPS_SCRIPT}`,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
  return { name: USER_GROUPS_UNIT, contents, enabled: true, dropIns: [], origin: 'users[].groups' };
}

export function userGroupsScriptFile(memberships: readonly BootMembership[], altfilesPath: string): FileModel {
  return textFile(USER_GROUPS_SCRIPT, renderUserGroupsScript(memberships, altfilesPath), 0o755, 'users[].groups');
}
