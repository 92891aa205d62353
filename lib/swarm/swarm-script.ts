/**
 * The Docker Swarm node script (internal): one POSIX sh program, swarm-node.sh, written to every
 * swarm host. Its `run` is a state machine the host's service manager keeps running (systemd's
 * docker-swarm.service, OpenRC's supervise-daemon): every turn it waits for dockerd to answer and
 * reads the node's LocalNodeState again, then
 *
 * - inactive: a manager that won the election (AWS) or the planned leader (libvirt) of a swarm
 *   that has not published its tokens runs `docker swarm init --advertise-addr <its primary
 *   address>`; every other node joins through the next manager of the published list;
 * - pending (a join that timed out, still going on in the background): after a while leaves it,
 *   so the next turn tries another manager;
 * - active: undoes its own drain, completes the launch lifecycle hook until Auto Scaling took it,
 *   and every few minutes does the upkeep (managers: remove replaced managers and nodes that
 *   left, take an update turn, publish the tokens and the managers' addresses) or takes its
 *   update turn (workers);
 * - and, on AWS, when IMDS says the instance is being terminated: a manager demotes itself, the
 *   node leaves, and the termination hook is completed.
 *
 * `drain` runs before Docker stops: a manager drains itself (undone at the next start); a worker
 * keeps its node, so its ID and labels survive reboots.
 *
 * Two hand-over backends, decided by the platform:
 * - `ssm` (AWS): Terraform creates the election parameter `<path>/leader` (version 1); the
 *   managers write their instance ids with --overwrite and version 2, the first write, names the
 *   leader. Tokens go to two Secrets Manager secrets Terraform created without a value; the
 *   managers' addresses to `<path>/manager-addresses`; addresses and instance ids from IMDSv2.
 * - `share` (libvirt): the first manager by name leads; tokens are files in a host directory the
 *   domains mount over virtio-9p (read-write for the leader only, read-only for the others).
 *
 * Nothing secret is in the script or its config, nor on any command line: the tokens exist only in
 * Swarm, in the secrets or the share, and in the nodes' memory and pipes (a join is the Engine
 * API's POST /swarm/join with the token on curl's stdin; a token is written with
 * `--secret-string file:///dev/stdin`).
 *
 * Test hooks (environment, never set on hosts): SWARM_ENV_FILE, SWARM_DOCKER, SWARM_AWS,
 * SWARM_IMDS, SWARM_STATE_DIR, SWARM_ROOT, SWARM_HOSTNAME, SWARM_SLEEP, SWARM_PENDING_SECONDS,
 * SWARM_MAINTAIN_SECONDS, SWARM_DRAIN_WAIT, SWARM_MOUNT=none, SWARM_SHARE_DIR.
 */

import { SWARM_ENV, SWARM_SCRIPT } from '../bootconfig/paths';
import { fillPlaceholders, packagedFile } from '../core/packaged-file';

// Where the script lives on every OS: /etc, like the library's other scripts (on Fedora CoreOS
// /opt is a symlink into /var, and /usr is read-only on Fedora CoreOS and Flatcar).
export { SWARM_ENV, SWARM_SCRIPT };

/** Node label holding a manager's update turn. */
export const SLOT_LABEL = 'docker-swarm.update-slot';

/** The node script (swarm-node.sh, with its settings file and node label filled in). */
export function swarmScript(): string {
  return fillPlaceholders(packagedFile(__dirname, 'swarm-node.sh'), { SWARM_ENV, SLOT_LABEL });
}
