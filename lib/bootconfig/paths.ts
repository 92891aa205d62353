/**
 * Every path, unit and service the library writes on a host, in one place: the renderers and
 * the OS files write them, and the CLI (`explain`, `diff`) reads payloads back by them. Files of
 * the library's own live under /etc/docker-fleet (on the root file system, so they are readable
 * before /var is mounted; /usr is read-only on Fedora CoreOS and Flatcar) and /run/docker-fleet
 * (tmpfs, for what must not outlive a boot).
 */

// --- every OS with files ---------------------------------------------------------------------
/** The host name. */
export const HOSTNAME_FILE = '/etc/hostname';
/** The time zone, a link to /usr/share/zoneinfo/<zone>. */
export const LOCALTIME_LINK = '/etc/localtime';
/** Docker's daemon settings. */
export const DAEMON_JSON = '/etc/docker/daemon.json';
/** The kernel parameters (`sysctls`). */
export const SYSCTL_FILE = '/etc/sysctl.d/90-docker-fleet.conf';
/** The script that finds and formats the Docker data disk. */
export const DATA_VOLUME_SCRIPT = '/etc/docker-fleet/prepare-data-volume';
/** The script that fetches a container's secrets before each start (root only). */
export const SECRET_FETCHER = '/etc/docker-fleet/fetch-container-secrets';
/** Where each container's env file lives (mode 0600, root only: env values may be secrets). */
export const CONTAINER_ENV_DIR = '/etc/docker-fleet/containers';
/** Where the fetched secrets of a container live: tmpfs, a root-only directory, rewritten before each start. */
export const SECRETS_DIR = '/run/docker-fleet/secrets';

/** The env file of container `name`. */
export function containerEnvFile(name: string): string {
  return `${CONTAINER_ENV_DIR}/${name}.env`;
}

/** The fetched secrets of container `name`. */
export function containerSecretsFile(name: string): string {
  return `${SECRETS_DIR}/${name}.env`;
}

// --- systemd -----------------------------------------------------------------------------------
/** The unit that runs container `name`. */
export function containerUnitName(name: string): string {
  return `container-${name}.service`;
}
/** The Docker data volume's mount unit: the name systemd derives from /var/lib/docker. */
export const DATA_MOUNT_UNIT = 'var-lib-docker.mount';
/** The oneshot that runs DATA_VOLUME_SCRIPT before the mount. */
export const DATA_VOLUME_UNIT = 'docker-fleet-data-volume.service';
/** The script and the unit that add users to groups Ignition could not add them to. */
export const USER_GROUPS_SCRIPT = '/etc/docker-fleet/user-groups';
export const USER_GROUPS_UNIT = 'docker-fleet-user-groups.service';

// --- OpenRC ------------------------------------------------------------------------------------
/** The OpenRC service that runs container `name`. */
export function openRcServiceName(name: string): string {
  return `container-${name}`;
}
/** The init script of OpenRC service `service`. */
export function initScript(service: string): string {
  return `/etc/init.d/${service}`;
}
/** Where each container's generated `docker run` wrapper lives (tmpfs, rewritten at every start). */
export const OPENRC_WRAPPER_DIR = '/run/docker-fleet';

// --- update agents -------------------------------------------------------------------------------
/** Fedora CoreOS: Zincati's update strategy drop-in (fedora-coreos-docs auto-updates.adoc). */
export const ZINCATI_DROPIN = '/etc/zincati/config.d/55-updates-strategy.toml';
/** Flatcar: update_engine and locksmithd settings (flatcar-website update-conf.md). */
export const FLATCAR_UPDATE_CONF = '/etc/flatcar/update.conf';
/** Flatcar: the drop-in that keeps locksmithd's reboot window in UTC. */
export const LOCKSMITHD_UTC_DROPIN = '10-docker-fleet-utc.conf';
/** Alpine: the script the upgrade cron job runs. */
export const ALPINE_UPGRADE_SCRIPT = '/etc/docker-fleet/apk-upgrade';
/** Alpine: the package repositories, pinned to the release branch. */
export const APK_REPOSITORIES = '/etc/apk/repositories';
/** The services of the OSes' own update agents, which the library configures with drop-ins. */
export const UPDATE_AGENT_UNITS: readonly string[] = ['locksmithd.service', 'update-engine.service', 'zincati.service'];

// --- Fedora CoreOS Docker wiring -------------------------------------------------------------------
/** An environment file read after Fedora's /etc/sysconfig/docker, which stays Fedora's. */
export const DOCKER_OPTIONS_FILE = '/etc/docker-fleet/docker.env';
/** The docker.service drop-in that reads it. */
export const DOCKER_OPTIONS_DROPIN = '10-docker-fleet-options.conf';
/** The oneshot that relabels a data volume the library formatted for SELinux. */
export const SELINUX_RELABEL_UNIT = 'docker-fleet-selinux-relabel.service';

// --- Docker Swarm ------------------------------------------------------------------------------------
/** The swarm node script, its non-secret settings, and the update turns' settings (one directory per turn). */
export const SWARM_SCRIPT = '/etc/docker-swarm/docker-swarm-node';
export const SWARM_ENV = '/etc/docker-swarm/swarm.env';
export const SWARM_SLOT_DIR = '/etc/docker-swarm/update-slots';
/** systemd: the membership unit (runs the node's state machine). */
export const SWARM_JOIN_UNIT = 'docker-swarm.service';
/** OpenRC: the membership service, and the log of the script it runs. */
export const SWARM_OPENRC_SERVICE = 'docker-swarm';
export const SWARM_LOG = '/var/log/docker-swarm.log';
/** libvirt: where the token share is mounted. */
export const SWARM_SHARE_MOUNT = '/run/docker-swarm/share';
