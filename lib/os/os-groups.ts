/**
 * What each OS ships as groups, and where, for `addUser({ groups })`.
 * lib/bootconfig/user-groups.ts says what the library does with these facts.
 */
import { IgnitionOsGroups } from '../bootconfig/user-groups';

/**
 * Fedora CoreOS. rpm-ostree moves every group except root and the treefile's
 * `etc-group-members` from /etc/group to /usr/lib/group, read through nss-altfiles
 * (coreos/rpm-ostree rust/src/passwd.rs `migrate_group_except_root`; fedora-coreos-tracker#155).
 * fedora-coreos-config keeps wheel, sudo, systemd-journal and adm in /etc/group
 * (manifests/fedora-coreos-base.yaml `etc-group-members`) and docker since 2019
 * (manifests/fedora-coreos.yaml, "Add the docker group to /etc/group", fedora-coreos-tracker#2,
 * fedora-coreos-config#175). GIDs: manifests/group (the check-groups file); docker's is not in
 * it, so it is allocated when the image is composed (982 in fedora-coreos-config#175).
 * `core` is created by Ignition itself in the same run, from the initramfs base config
 * (overlay.d/05core/usr/lib/dracut/modules.d/40ignition-conf/00-core.ign: groups adm, sudo,
 * systemd-journal, wheel), so it does not exist before Ignition.
 * The altfiles list below is manifests/group (testing-devel, 2024-10) without the /etc members;
 * packages add more groups there at compose time (e.g. zincati, render, kvm: UNCERTAIN which),
 * which is why the boot unit looks groups up on the host instead of trusting this list.
 */
export const FEDORA_COREOS_GROUPS: IgnitionOsGroups = {
  inEtcGroup: { 'root': 0, 'wheel': 10, 'sudo': 16, 'systemd-journal': 190, 'adm': 4, 'docker': undefined },
  onlyInAltfiles: {
    'bin': 1, 'daemon': 2, 'sys': 3, 'tty': 5, 'disk': 6, 'lp': 7, 'mem': 8, 'kmem': 9, 'cdrom': 11, 'mail': 12, 'man': 15,
    'dialout': 18, 'floppy': 19, 'games': 20, 'tape': 33, 'video': 39, 'ftp': 50, 'lock': 54, 'audio': 63, 'nobody': 99,
    'users': 100, 'ssh_keys': 999, 'polkitd': 998, 'etcd': 997, 'dip': 40, 'cgred': 996, 'avahi-autoipd': 170, 'sssd': 993,
    'dockerroot': 986, 'rpcuser': 29, 'nfsnobody': 65534, 'kube': 994, 'chrony': 992, 'tcpdump': 72, 'ceph': 167, 'input': 104,
    'systemd-timesync': 991, 'systemd-network': 990, 'systemd-resolve': 989, 'systemd-bus-proxy': 988, 'cockpit-ws': 987,
  },
  altfilesPath: '/usr/lib/group',
  defaultUserPreexists: false,
};

/**
 * Flatcar Container Linux. Groups live in /usr/share/baselayout/group, read through the
 * `usrfiles` NSS module (flatcar/baselayout baselayout/nsswitch.conf: `group: files usrfiles sss
 * systemd`); the image build appends the groups packages create (acct-group, sysusers) to it and
 * empties /etc/group (flatcar/scripts build_library/build_image_util.sh). Before Ignition's files
 * stage, initrd-setup-root.service runs `flatcar-tmpfiles /sysroot` (flatcar/bootengine
 * dracut/99setup-root/initrd-setup-root; ignition-files.service has
 * `Requires=`/`After=initrd-setup-root.service`), which copies root, core, docker, sudo, wheel and
 * systemd-journal from the baselayout files into /etc/group and /etc/gshadow, and root and core
 * into /etc/passwd (flatcar/baselayout bin/flatcar-tmpfiles `COPY_GROUPS`; systemd-journal since
 * baselayout 738c9e9, 2023-04; newer releases also copy `shadow`, which this list leaves out as it
 * is not on every release). So `core` exists before Ignition, and docker is in /etc/group
 * with GID 233 (baselayout group; the profile pins acct-group/docker to it, flatcar/scripts#958
 * "Make sure that docker group ID is the same as in baselayout").
 * Every other group is only in the altfiles database, e.g. kvm (Flatcar#799).
 * The altfiles list below is flatcar/baselayout share/baselayout/group without the copied groups.
 */
export const FLATCAR_GROUPS: IgnitionOsGroups = {
  inEtcGroup: { 'root': 0, 'core': 500, 'docker': 233, 'sudo': 150, 'wheel': 10, 'systemd-journal': 248 },
  onlyInAltfiles: {
    'bin': 1, 'daemon': 2, 'sys': 3, 'adm': 4, 'tty': 5, 'disk': 6, 'lp': 7, 'mem': 8, 'kmem': 9, 'floppy': 11, 'news': 13,
    'uucp': 14, 'man': 15, 'console': 17, 'audio': 18, 'cdrom': 19, 'tape': 26, 'video': 27, 'input': 28, 'lock': 29,
    'render': 30, 'kvm': 78, 'cdrw': 80, 'usb': 85, 'users': 100, 'netperf': 168, 'messagebus': 201, 'syslog': 202, 'ntp': 203,
    'sshd': 204, 'tcpdump': 215, 'dhcp': 224, 'etcd': 232, 'tlsdate': 234, 'polkitd': 235, 'systemd-journal-remote': 242,
    'systemd-network': 244, 'systemd-resolve': 245, 'systemd-bus-proxy': 246, 'dialout': 249, 'portage': 250, 'tss': 252,
    'sgx': 405, 'utmp': 406, 'nogroup': 65533, 'nobody': 65534,
  },
  altfilesPath: '/usr/share/baselayout/group',
  defaultUserPreexists: true,
};

/**
 * Alpine Linux: musl has no NSS, so /etc/group is the only group database. alpine-baselayout
 * ships it (aports main/alpine-baselayout/group: wheel 10, kvm 34, dialout 20, video 27, ...; no
 * `sudo`: Alpine uses doas), and the docker package's pre-install script adds `docker` as a system
 * group (aports community/docker/docker.pre-install: `addgroup -S docker`). The library adds
 * extra users with busybox from the first-boot commands (lib/bootconfig/openrc-host.ts):
 * `addgroup GROUP` creates a group that does not exist yet and leaves an existing one alone (so
 * `docker` works whether the package's script ran first or not), then `addgroup USER GROUP` adds
 * the user. No group can be missing there, so nothing is refused.
 */
export const ALPINE_GROUP_DATABASE = '/etc/group';
