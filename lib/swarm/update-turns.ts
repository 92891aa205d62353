/**
 * The managers' turns: each manager gets its own update window (a slot), so two managers never
 * reboot at once and the swarm keeps its Raft quorum, and the update settings each slot differs in.
 */
import { FileModel, HostModel, emptyHostModel } from '../bootconfig/model';
import { ContainerOs } from '../os/container-os';
import { Platform } from '../os/enums';
import { UpdatePolicy, WEEKDAYS, Weekday, hhmm } from '../os/update-policy';
import { SwarmErrors } from './errors';

/** The Raft-safe manager counts (3 and 5 tolerate 1 and 2 failures; 7 is allowed by Docker but slow to converge). */
export const MANAGER_COUNTS = [1, 3, 5];

/** Minutes left free between two managers' update windows, for the reboot and the rejoin. */
export const WINDOW_GAP_MINUTES = 10;
/** The shortest update window a manager may get. */
export const MIN_SLOT_MINUTES = 10;

/**
 * The managers' update policies, one per slot, none overlapping (see README "Swarm" → Reboots):
 * - a maintenance window of D minutes on days X is cut into N consecutive slots of D/N minutes;
 *   manager k may start its reboot in the first D/N − 10 minutes of slot k (the 10 minutes
 *   left are for the reboot and the rejoin before slot k+1 opens);
 * - `immediate` becomes N daily windows spread over the day (00:00 UTC + k·24h/N);
 * - `disabled` and `fleetLock` stay as they are (nothing reboots / the lock serialises);
 * - one manager keeps the user's policy.
 */
export function managerPolicies(policy: UpdatePolicy, n: number): UpdatePolicy[] {
  if (n <= 1) return [policy];
  const same = () => Array.from({ length: n }, () => policy);
  const spread = (days: readonly Weekday[], start: number, total: number) => {
    const slot = Math.floor(total / n);
    if (slot - WINDOW_GAP_MINUTES < MIN_SLOT_MINUTES) {
      throw SwarmErrors.swarmUpdateWindowTooShort('updatePolicy', policy.toString(), n, n * (MIN_SLOT_MINUTES + WINDOW_GAP_MINUTES));
    }
    return Array.from({ length: n }, (_, k) => {
      const at = start + k * slot;
      const shift = Math.floor(at / 1440);
      return UpdatePolicy.maintenanceWindow({
        days: days.map((d) => WEEKDAYS[(WEEKDAYS.indexOf(d) + shift) % 7]),
        startTime: hhmm(at % 1440),
        durationMinutes: slot - WINDOW_GAP_MINUTES,
      });
    });
  };
  return policy._match<UpdatePolicy[]>({
    disabled: same,
    fleetLock: same,
    immediate: () => spread(WEEKDAYS, 0, 1440),
    maintenanceWindow: (w) => spread(w.days, w.startMinute, w.durationMinutes),
  });
}

/**
 * The update settings each slot differs in: the OS layer's files rendered for each slot's
 * policy, keeping those whose contents differ between slots (Zincati's strategy file, Flatcar's
 * update.conf, Alpine's upgrade script). Empty when all slots are the same.
 */
export function slotFiles(os: ContainerOs, platform: Platform, policies: readonly UpdatePolicy[]): FileModel[][] {
  if (policies.length <= 1) return [];
  const layers = policies.map((policy) =>
    os._definition.osLayer({ platform, policy, displayName: os.displayName, warnings: [] }, emptyHostModel() as HostModel).files);
  const differs = (path: string) => {
    const texts = layers.map((fs) => fs.find((f) => f.path === path)?.contents.toString('base64'));
    return texts.some((t) => t !== texts[0]);
  };
  const paths = layers[0].map((f) => f.path).filter(differs);
  if (paths.length === 0) return [];
  return layers.map((fs) => fs.filter((f) => paths.includes(f.path)));
}
