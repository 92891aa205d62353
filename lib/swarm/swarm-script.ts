/**
 * The Docker Swarm node script (internal): one POSIX sh program, swarm-node.sh, written to every swarm host,
 * with the subcommands the units/services of `swarm-host.ts` run:
 *
 * - `join`: at boot, until the node is in the swarm. The first manager to win the election runs
 *   `docker swarm init --advertise-addr <its primary address>` and publishes the join tokens;
 *   every other node waits for them and joins. Then `maintain` once.
 * - `maintain` (managers, every few minutes): removes Down managers that were replaced (more
 *   managers than wanted, or a Down node with this node's own host name) and workers Down for
 *   longer than a limit; claims an update slot and installs that slot's update settings; on AWS
 *   publishes its address for joiners.
 * - `drain` (before Docker stops) and `activate` (after it started). Only managers may update a
 *   node (the Swarm API's node update is manager-only), so a worker leaves the swarm instead and
 *   joins again at start; its old node entry is then Down and managers remove it.
 *
 * Two hand-over backends, decided by the platform:
 * - `ssm` (AWS): election by `aws ssm put-parameter` without `--overwrite` on `<path>/leader`
 *   (only one create succeeds; SSM PutParameter fails with ParameterAlreadyExists for the rest);
 *   tokens as SecureString parameters under the same path; addresses from IMDSv2.
 * - `share` (libvirt): the first manager by name leads; tokens are files in a host directory the
 *   domains mount over virtio-9p (read-write for the leader only, read-only for the others).
 *
 * Nothing secret is in the script or its config: the tokens exist only in Swarm, in the
 * parameter store or share, and in the nodes' memory.
 *
 * Test hooks (environment, never set on hosts): SWARM_ENV_FILE, SWARM_DOCKER, SWARM_AWS,
 * SWARM_IMDS, SWARM_STATE_DIR, SWARM_ROOT, SWARM_HOSTNAME, SWARM_SLEEP, SWARM_MOUNT=none, SWARM_SHARE_DIR.
 */

import { SWARM_ENV, SWARM_SCRIPT } from '../bootconfig/paths';
import { fillPlaceholders, packagedFile } from '../core/packaged-file';

// Where the script lives on every OS: /etc, like the library's other scripts (on Fedora CoreOS
// /opt is a symlink into /var, and /usr is read-only on Fedora CoreOS and Flatcar).
export { SWARM_ENV, SWARM_SCRIPT };

/** Node label holding a manager's update slot. */
export const SLOT_LABEL = 'docker-swarm.update-slot';

/** The node script (swarm-node.sh, with its settings file and node label filled in). */
export function swarmScript(): string {
  return fillPlaceholders(packagedFile(__dirname, 'swarm-node.sh'), { SWARM_ENV, SLOT_LABEL });
}
