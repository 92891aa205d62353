/**
 * What each OS ships as groups (lib/os/os-groups.ts) and what a payload does with a user's
 * groups. Sources are cited next to the facts in lib/os/os-groups.ts.
 */
import { ContainerOs, FirstBootFragment, HostConfig } from '../../lib';
import { ALPINE_GROUP_DATABASE, FEDORA_COREOS_GROUPS, FLATCAR_GROUPS } from '../../lib/os/os-groups';
import { USER_GROUPS_SCRIPT, USER_GROUPS_UNIT } from '../../lib/bootconfig/paths';
import { cloudConfig, ignitionFile, ignitionUnit } from '../helpers/payloads';
import { describeWithValidators, expectValid } from '../helpers/validators';

const IGNITION_OSES: Array<[string, () => ContainerOs]> = [['Fedora CoreOS', () => ContainerOs.fedoraCoreOs()], ['Flatcar', () => ContainerOs.flatcar()]];

function host(groups: string[], core?: string[]): HostConfig {
  const h = new HostConfig({ sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops'] });
  h.addUser({ name: 'deploy', groups });
  if (core) h.addUser({ name: 'core', groups: core });
  return h;
}
const users = (ign: string) => Object.fromEntries(JSON.parse(ign).passwd.users.map((u: any) => [u.name, u.groups ?? []]));
const ensures = (ign: string) => (ignitionFile(ign, USER_GROUPS_SCRIPT) ?? '').split('\n').filter((l) => l.startsWith('ensure '));

describe('the groups each OS ships', () => {
  test('Fedora CoreOS has root, wheel, sudo, systemd-journal, adm and docker in /etc/group, the rest in /usr/lib/group', () => {
    expect(Object.keys(FEDORA_COREOS_GROUPS.inEtcGroup).sort()).toEqual(['adm', 'docker', 'root', 'sudo', 'systemd-journal', 'wheel']);
    expect(FEDORA_COREOS_GROUPS.altfilesPath).toBe('/usr/lib/group');
    expect(FEDORA_COREOS_GROUPS.onlyInAltfiles).toMatchObject({ dialout: 18, video: 39, input: 104 });
    expect(FEDORA_COREOS_GROUPS.inEtcGroup).toMatchObject({ wheel: 10, sudo: 16, 'systemd-journal': 190 });
    // docker's GID is allocated when the image is composed (not in manifests/group)
    expect(FEDORA_COREOS_GROUPS.inEtcGroup.docker).toBeUndefined();
    expect(FEDORA_COREOS_GROUPS.defaultUserPreexists).toBe(false);
  });

  test('Flatcar has root, core, docker, sudo, wheel and systemd-journal in /etc/group (flatcar-tmpfiles), the rest in /usr/share/baselayout/group', () => {
    expect(FLATCAR_GROUPS.inEtcGroup).toEqual({ 'root': 0, 'core': 500, 'docker': 233, 'sudo': 150, 'wheel': 10, 'systemd-journal': 248 });
    expect(FLATCAR_GROUPS.altfilesPath).toBe('/usr/share/baselayout/group');
    expect(FLATCAR_GROUPS.onlyInAltfiles).toMatchObject({ kvm: 78, dialout: 249, adm: 4, render: 30, video: 27 });
    expect(FLATCAR_GROUPS.defaultUserPreexists).toBe(true);
  });

  test('no group is listed both in /etc/group and only in altfiles', () => {
    for (const g of [FEDORA_COREOS_GROUPS, FLATCAR_GROUPS]) {
      expect(Object.keys(g.inEtcGroup).filter((n) => n in g.onlyInAltfiles)).toEqual([]);
    }
  });

  test('Alpine has a single group database, /etc/group (musl has no NSS)', () => {
    expect(ALPINE_GROUP_DATABASE).toBe('/etc/group');
  });
});

describe.each(IGNITION_OSES)('%s', (_name, make) => {
  test('hands docker and wheel to Ignition as they are, with no boot unit', () => {
    const ign = make().renderFirstBoot(host(['docker', 'wheel'])).content;
    expect(users(ign).deploy).toEqual(['docker', 'wheel']);
    expect(ignitionUnit(ign, USER_GROUPS_UNIT)).toBeUndefined();
    expect(ignitionFile(ign, USER_GROUPS_SCRIPT)).toBeUndefined();
    expect(JSON.parse(ign).passwd.groups).toBeUndefined();
  });

  test('leaves an altfiles group and a new group out of Ignition and adds them with the enabled boot unit', () => {
    const alt = make().name === 'Fedora CoreOS' ? 'dialout' : 'kvm';
    const ign = make().renderFirstBoot(host(['docker', alt, 'deployers'])).content;
    expect(users(ign).deploy).toEqual(['docker']);
    expect(ensures(ign)).toEqual([`ensure ${alt} deploy`, 'ensure deployers deploy']);
    expect(ignitionUnit(ign, USER_GROUPS_UNIT)).toMatchObject({ enabled: true });
    // the library never declares a group to Ignition: groupadd would stop the boot on one the OS has
    expect(JSON.parse(ign).passwd.groups).toBeUndefined();
  });

  test('hands a group a raw fragment declares in passwd.groups to Ignition, declared once (by the fragment)', () => {
    const h = host(['docker', 'deployers']);
    h.addFirstBootFragment(FirstBootFragment.ignition(JSON.stringify({ passwd: { groups: [{ name: 'deployers', gid: 2000 }] } })));
    const ign = make().renderFirstBoot(h).content;
    expect(users(ign).deploy).toEqual(['docker', 'deployers']);
    expect(JSON.parse(ign).passwd.groups).toEqual([{ name: 'deployers', gid: 2000 }]);
    expect(ignitionUnit(ign, USER_GROUPS_UNIT)).toBeUndefined();
  });
});

test('Fedora CoreOS hands core\'s /etc groups to Ignition, which creates core in the same run', () => {
  const ign = ContainerOs.fedoraCoreOs().renderFirstBoot(host([], ['docker', 'dialout'])).content;
  expect(users(ign).core).toEqual(['docker']);
  expect(ensures(ign)).toEqual(['ensure dialout core']);
});

test('Flatcar gives every group of core to the boot unit: core exists before Ignition, whose usermod --groups would drop its wheel and systemd-journal', () => {
  const ign = ContainerOs.flatcar().renderFirstBoot(host([], ['docker', 'kvm'])).content;
  expect(users(ign).core).toEqual([]);
  expect(ensures(ign)).toEqual(['ensure docker core', 'ensure kvm core']);
});

test('Alpine creates a group it does not have and adds the user with busybox, for any group', () => {
  const doc = cloudConfig(ContainerOs.alpine().renderFirstBoot(host(['docker', 'deployers'])).content);
  const cmds: string[] = doc.runcmd;
  for (const g of ['docker', 'deployers']) expect(cmds).toContain(`addgroup ${g} 2>/dev/null || true; addgroup deploy ${g}`);
});

describeWithValidators('payloads with the boot unit', () => {
  test.each(IGNITION_OSES)('%s: pass ignition-validate', (_name, make) => {
    expectValid([make().renderFirstBoot(host(['docker', 'kvm', 'dialout', 'deployers'], ['kvm']))]);
  });
});
