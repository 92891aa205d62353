/**
 * Roots shaped like Fedora CoreOS and Flatcar as their groups stand when Ignition's files stage
 * runs, for test/effect/ignition-groups.test.ts. The group lines are copied from the OSes'
 * sources (independently of lib/os/os-groups.ts, so the test does not check the library against
 * itself):
 *
 * - Fedora CoreOS: rpm-ostree moves every group except root and the treefile's
 *   `etc-group-members` to /usr/lib/group (rpm-ostree passwd.rs `migrate_group_except_root`);
 *   fedora-coreos-config keeps wheel, sudo, systemd-journal, adm (manifests/fedora-coreos-base.yaml)
 *   and docker (manifests/fedora-coreos.yaml, tracker#2) in /etc/group. GIDs: manifests/group;
 *   docker's is allocated at compose time (982 in fedora-coreos-config#175's output). /etc/gshadow
 *   holds every group (fedora-coreos-tracker#256). `core` is created by Ignition itself from the
 *   initramfs base config 00-core.ign (overlay.d/05core/.../40ignition-conf).
 * - Flatcar: initrd-setup-root runs `flatcar-tmpfiles /sysroot` before ignition-files.service
 *   (flatcar/bootengine dracut/99setup-root/initrd-setup-root, dracut/30ignition/ignition-files.service),
 *   which copies root, core, docker, sudo, wheel and systemd-journal from
 *   /usr/share/baselayout/{group,gshadow} into /etc (flatcar/baselayout bin/flatcar-tmpfiles
 *   COPY_GROUPS); every other group stays in /usr/share/baselayout/group (flatcar/baselayout
 *   share/baselayout/group), read through NSS only.
 *
 * The Debian root has no altfiles/usrfiles NSS module, so only the files matter here: useradd
 * reads /etc/group, the unit reads the altfiles database as a file. Debian's own groups stay,
 * except those whose name or GID an OS line takes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { copyRoot } from './effect';
import { IgnitionOs } from './effect-ignition';

export interface GroupShape {
  /** /etc/group lines when Ignition runs */
  readonly etcGroup: readonly string[];
  /** the altfiles database: path and lines */
  readonly altfilesPath: string;
  readonly altfilesGroup: readonly string[];
  /** /etc/gshadow lines */
  readonly etcGshadow: readonly string[];
  /** /etc/passwd and /etc/shadow lines the OS has before Ignition (beyond Debian's) */
  readonly etcPasswd: readonly string[];
  readonly etcShadow: readonly string[];
  /** Ignition base configs the OS's initramfs carries (IGNITION_SYSTEM_CONFIG_DIR) */
  readonly baseConfigs: Readonly<Record<string, string>>;
}

// fedora-coreos-config manifests/group (testing-devel, 2024-10), without root and the /etc members.
const FCOS_USR_LIB_GROUP = [
  'bin:x:1:', 'daemon:x:2:', 'sys:x:3:', 'tty:x:5:', 'disk:x:6:', 'lp:x:7:', 'mem:x:8:', 'kmem:x:9:', 'cdrom:x:11:',
  'mail:x:12:', 'man:x:15:', 'dialout:x:18:', 'floppy:x:19:', 'games:x:20:', 'tape:x:33:', 'video:x:39:', 'ftp:x:50:',
  'lock:x:54:', 'audio:x:63:', 'nobody:x:99:', 'users:x:100:', 'ssh_keys:x:999:', 'polkitd:x:998:', 'etcd:x:997:',
  'dip:x:40:', 'cgred:x:996:', 'avahi-autoipd:x:170:', 'sssd:x:993:', 'dockerroot:x:986:', 'rpcuser:x:29:',
  'nfsnobody:x:65534:', 'kube:x:994:', 'chrony:x:992:', 'tcpdump:x:72:', 'ceph:x:167:', 'input:x:104:',
  'systemd-timesync:x:991:', 'systemd-network:x:990:', 'systemd-resolve:x:989:', 'systemd-bus-proxy:x:988:', 'cockpit-ws:x:987:',
];
const FCOS_ETC_GROUP = ['root:x:0:', 'wheel:x:10:', 'sudo:x:16:', 'systemd-journal:x:190:', 'adm:x:4:', 'docker:x:982:'];
// overlay.d/05core/usr/lib/dracut/modules.d/40ignition-conf/00-core.ign
const FCOS_CORE_IGN = JSON.stringify({
  ignition: { version: '3.0.0' },
  passwd: { users: [{ name: 'core', gecos: 'CoreOS Admin', groups: ['adm', 'sudo', 'systemd-journal', 'wheel'] }] },
});

// flatcar/baselayout share/baselayout/group
const FLATCAR_BASELAYOUT_GROUP = [
  'root:x:0:root', 'bin:x:1:root,bin,daemon', 'daemon:x:2:root,bin,daemon', 'sys:x:3:root,bin,adm', 'adm:x:4:root,adm,daemon',
  'tty:x:5:', 'disk:x:6:root,adm', 'lp:x:7:lp', 'mem:x:8:', 'kmem:x:9:', 'wheel:x:10:root,core', 'floppy:x:11:root',
  'news:x:13:news', 'uucp:x:14:uucp', 'man:x:15:man', 'console:x:17:', 'audio:x:18:', 'cdrom:x:19:', 'tape:x:26:root',
  'video:x:27:root', 'input:x:28:', 'lock:x:29:', 'render:x:30:', 'kvm:x:78:', 'cdrw:x:80:', 'usb:x:85:', 'users:x:100:',
  'sudo:x:150:', 'netperf:x:168:', 'messagebus:x:201:', 'syslog:x:202:', 'ntp:x:203:', 'sshd:x:204:', 'tcpdump:x:215:',
  'dhcp:x:224:', 'etcd:x:232:', 'docker:x:233:core', 'tlsdate:x:234:', 'polkitd:x:235:', 'systemd-journal-remote:x:242:',
  'systemd-network:x:244:', 'systemd-resolve:x:245:', 'systemd-bus-proxy:x:246:', 'systemd-journal:x:248:core',
  'dialout:x:249:', 'portage:x:250:core', 'tss:x:252:', 'sgx:x:405:', 'utmp:x:406:', 'core:x:500:', 'nogroup:x:65533:', 'nobody:x:65534:',
];
const FLATCAR_COPIED = ['root', 'core', 'docker', 'sudo', 'wheel', 'systemd-journal'];

const name = (line: string) => line.split(':')[0];
const gid = (line: string) => line.split(':')[2];

export const SHAPES: Record<IgnitionOs, GroupShape> = {
  fcos: {
    etcGroup: FCOS_ETC_GROUP,
    altfilesPath: '/usr/lib/group',
    altfilesGroup: FCOS_USR_LIB_GROUP,
    etcGshadow: [...FCOS_ETC_GROUP, ...FCOS_USR_LIB_GROUP].map((l) => `${name(l)}:!::`),
    etcPasswd: [],
    etcShadow: [],
    baseConfigs: { '00-core.ign': FCOS_CORE_IGN },
  },
  flatcar: {
    etcGroup: FLATCAR_BASELAYOUT_GROUP.filter((l) => FLATCAR_COPIED.includes(name(l))),
    altfilesPath: '/usr/share/baselayout/group',
    altfilesGroup: FLATCAR_BASELAYOUT_GROUP,
    // the baselayout Makefile's gshadow: name:*::members
    etcGshadow: FLATCAR_BASELAYOUT_GROUP.filter((l) => FLATCAR_COPIED.includes(name(l))).map((l) => `${name(l)}:*::${l.split(':')[3]}`),
    etcPasswd: ['core:x:500:500:Flatcar Admin:/home/core:/bin/bash'],
    etcShadow: ['core:*:15887:0:::::'],
    baseConfigs: {},
  },
};

/** Debian's lines for a database, minus the names (and GIDs) the OS's lines take or that must be absent. */
function merge(debian: string, os: readonly string[], absent: readonly string[], byGid: boolean): string {
  const names = new Set([...os.map(name), ...absent]);
  const gids = new Set(os.map(gid));
  const keep = debian.split('\n').filter((l) => l && !names.has(name(l)) && !(byGid && gids.has(gid(l))));
  return `${[...os, ...keep].join('\n')}\n`;
}

/**
 * A copy of the cached Debian root whose passwd/group databases look like the OS's when
 * Ignition runs, with the OS's altfiles group database, and the base configs written to
 * `baseDir` (the directory applyIgnition passes as IGNITION_SYSTEM_CONFIG_DIR).
 */
export async function shapeGroupRoot(root: string, os: IgnitionOs, baseDir: string): Promise<void> {
  const s = SHAPES[os];
  fs.mkdirSync(root, { recursive: true });
  await copyRoot(root);
  const etc = (p: string) => path.join(root, 'etc', p);
  // every group the OS keeps only in altfiles must be absent from /etc (Debian has e.g. dialout)
  const altOnly = s.altfilesGroup.map(name).filter((n) => !s.etcGroup.map(name).includes(n));
  fs.writeFileSync(etc('group'), merge(fs.readFileSync(etc('group'), 'utf8'), s.etcGroup, altOnly, true));
  fs.writeFileSync(etc('gshadow'), merge(fs.readFileSync(etc('gshadow'), 'utf8'), s.etcGshadow, altOnly, false), { mode: 0o640 });
  fs.writeFileSync(etc('passwd'), merge(fs.readFileSync(etc('passwd'), 'utf8'), s.etcPasswd, [], false));
  fs.writeFileSync(etc('shadow'), merge(fs.readFileSync(etc('shadow'), 'utf8'), s.etcShadow, [], false), { mode: 0o640 });
  const alt = path.join(root, s.altfilesPath);
  fs.mkdirSync(path.dirname(alt), { recursive: true });
  fs.writeFileSync(alt, `${s.altfilesGroup.join('\n')}\n`);
  if (s.etcPasswd.some((l) => name(l) === 'core')) {
    fs.mkdirSync(path.join(root, 'home/core'), { recursive: true });
    fs.chownSync(path.join(root, 'home/core'), 500, 500);
  }
  fs.mkdirSync(baseDir, { recursive: true });
  for (const [f, text] of Object.entries(s.baseConfigs)) fs.writeFileSync(path.join(baseDir, f), text);
}

export interface GroupEntry { readonly gid: number; readonly members: readonly string[] }

/** A group database file as name → GID and members; throws on a name listed twice. */
export function readGroups(file: string): Record<string, GroupEntry> {
  const out: Record<string, GroupEntry> = {};
  for (const l of fs.readFileSync(file, 'utf8').split('\n').filter((x) => x)) {
    const f = l.split(':');
    if (out[f[0]]) throw new Error(`${file}: group ${f[0]} is listed twice`);
    out[f[0]] = { gid: Number(f[2]), members: f[3] ? f[3].split(',') : [] };
  }
  return out;
}
