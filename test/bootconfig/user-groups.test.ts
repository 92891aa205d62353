/**
 * Groups of users on the Ignition OSes (lib/bootconfig/user-groups.ts): which memberships go to Ignition and
 * which to the boot unit, the unit's script, and the refused inputs. What happens on a host:
 * test/effect/ignition-groups.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { FleetConfigErrors, HostConfig } from '../../lib';
import { IgnitionOsGroups, renderUserGroupsScript, splitGroups, userGroupsUnit } from '../../lib/bootconfig/user-groups';
import { toolFor } from '../helpers/tools';
import { thrownCode } from '../helpers/error-codes';

const OS: IgnitionOsGroups = {
  inEtcGroup: { docker: 233, wheel: 10 },
  onlyInAltfiles: { kvm: 78 },
  altfilesPath: '/usr/share/baselayout/group',
  defaultUserPreexists: true,
};
const none = new Set<string>();


describe('splitting a user\'s groups', () => {
  test('gives Ignition the groups the OS has in /etc/group and the unit every other one, in order', () => {
    expect(splitGroups('deploy', ['docker', 'kvm', 'wheel', 'deployers'], OS, { isDefaultUser: false, declared: none })).toEqual({
      now: ['docker', 'wheel'],
      atBoot: [{ user: 'deploy', group: 'kvm' }, { user: 'deploy', group: 'deployers' }],
    });
  });

  test('gives the unit all of the default user\'s groups when it exists before Ignition, whose usermod --groups would replace its groups', () => {
    expect(splitGroups('core', ['docker', 'kvm'], OS, { isDefaultUser: true, declared: none })).toEqual({
      now: [],
      atBoot: [{ user: 'core', group: 'docker' }, { user: 'core', group: 'kvm' }],
    });
  });

  test('gives Ignition the default user\'s /etc groups when Ignition creates that user itself', () => {
    const fcosLike = { ...OS, defaultUserPreexists: false };
    expect(splitGroups('core', ['docker', 'kvm'], fcosLike, { isDefaultUser: true, declared: none }).now).toEqual(['docker']);
  });

  test('gives Ignition a group a raw fragment declares in passwd.groups, which Ignition creates before users', () => {
    expect(splitGroups('deploy', ['deployers'], OS, { isDefaultUser: false, declared: new Set(['deployers']) })).toEqual({ now: ['deployers'], atBoot: [] });
  });
});

describe('the boot unit', () => {
  test('runs the script once per boot before logins open and after systemd-sysusers, and is enabled', () => {
    const u = userGroupsUnit();
    expect(u.enabled).toBe(true);
    expect(u.contents).toMatch(/^Type=oneshot$/m);
    expect(u.contents).toMatch(/^Before=systemd-user-sessions\.service$/m);
    expect(u.contents).toMatch(/^After=systemd-sysusers\.service$/m);
    expect(u.contents).toMatch(/^ExecStart=\/bin\/sh \/etc\/docker-fleet\/user-groups$/m);
    expect(u.contents).toMatch(/^WantedBy=multi-user\.target$/m);
  });

  test('its script makes each membership in order, reading the OS\'s altfiles database', () => {
    const s = renderUserGroupsScript([{ user: 'core', group: 'kvm' }, { user: 'deploy', group: 'deployers' }], '/usr/lib/group');
    expect(s).toMatch(/^ALTFILES=\/usr\/lib\/group$/m);
    expect(s.split('\n').filter((l) => l.startsWith('ensure '))).toEqual(['ensure kvm core', 'ensure deployers deploy']);
  });

  test('its script passes shellcheck as POSIX sh', () => {
    const sc = toolFor('shellcheck of the user-groups script', 'shellcheck');
    if (!sc) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grp-sc-'));
    try {
      const f = path.join(dir, 'user-groups');
      fs.writeFileSync(f, renderUserGroupsScript([{ user: 'deploy', group: 'kvm' }], '/usr/share/baselayout/group'));
      const r = spawnSync(sc, ['-s', 'sh', '-S', 'warning', f], { encoding: 'utf8' });
      expect(r.stdout).toBe('');
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('its script copies a group from the altfiles file with its GID, creates an unknown one, and changes nothing the second time', () => {
    // The script in a sandbox: /etc paths rewritten to a directory, groupadd/usermod as fakes
    // that edit the same files like shadow's tools do.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grp-run-'));
    try {
      const etc = path.join(dir, 'etc');
      fs.mkdirSync(etc);
      fs.writeFileSync(path.join(etc, 'group'), 'root:x:0:\ndocker:x:233:core\n');
      fs.writeFileSync(path.join(etc, 'gshadow'), 'root:*::\ndocker:*::core\n');
      fs.writeFileSync(path.join(dir, 'altfiles'), 'kvm:x:78:\nportage:x:250:core\n');
      const bin = path.join(dir, 'bin');
      fs.mkdirSync(bin);
      fs.writeFileSync(path.join(bin, 'groupadd'), `#!/bin/sh\necho "$1:x:1000:" >> '${etc}/group'\necho "$1:!::" >> '${etc}/gshadow'\n`, { mode: 0o755 });
      // usermod -a -G GROUP USER: append USER to GROUP's member list unless it is there
      fs.writeFileSync(path.join(bin, 'usermod'), `#!/bin/sh\nawk -F: -v OFS=: -v g="$3" -v u="$4" '$1==g { n=split($4,m,","); f=0; for(i=1;i<=n;i++) if(m[i]==u) f=1; if(!f) $4=($4==""?u:$4","u) } 1' '${etc}/group' > '${etc}/group.new' && mv '${etc}/group.new' '${etc}/group'\n`, { mode: 0o755 });
      const script = renderUserGroupsScript([{ user: 'deploy', group: 'kvm' }, { user: 'deploy', group: 'docker' }, { user: 'deploy', group: 'deployers' }], path.join(dir, 'altfiles'))
        .replace(/\/etc\/(g?shadow|group)/g, (m) => path.join(dir, m));
      fs.writeFileSync(path.join(dir, 'script'), script, { mode: 0o755 });
      const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
      const first = spawnSync('/bin/sh', [path.join(dir, 'script')], { encoding: 'utf8', env });
      expect(first.status).toBe(0);
      expect(fs.readFileSync(path.join(etc, 'group'), 'utf8')).toBe('root:x:0:\ndocker:x:233:core,deploy\nkvm:x:78:deploy\ndeployers:x:1000:deploy\n');
      expect(fs.readFileSync(path.join(etc, 'gshadow'), 'utf8')).toBe('root:*::\ndocker:*::core\nkvm:!::\ndeployers:!::\n');
      expect(first.stdout).toContain(`copied group kvm (GID 78) from ${path.join(dir, 'altfiles')}`);
      const before = fs.readFileSync(path.join(etc, 'group'), 'utf8');
      const second = spawnSync('/bin/sh', [path.join(dir, 'script')], { encoding: 'utf8', env });
      expect([second.status, second.stdout]).toEqual([0, '']);
      expect(fs.readFileSync(path.join(etc, 'group'), 'utf8')).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('addUser groups', () => {
  test('fails on the user\'s own name, its primary group already (useradd would look for it before creating it)', () => {
    expect(thrownCode(() => new HostConfig().addUser({ name: 'deploy', groups: ['docker', 'deploy'] }))).toBe('GROUP_IS_USERS_OWN');
  });

  test('fails on a group listed twice', () => {
    expect(thrownCode(() => new HostConfig().addUser({ name: 'deploy', groups: ['docker', 'kvm', 'docker'] }))).toBe('DUPLICATE_USER_GROUP');
  });

  test('names the offending entry in the error', () => {
    try {
      new HostConfig().addUser({ name: 'deploy', groups: ['docker', 'docker'] });
    } catch (e) {
      expect(FleetConfigErrors.propertyOf(e)).toBe('users[0].groups[1]');
    }
    expect.assertions(1);
  });
});
