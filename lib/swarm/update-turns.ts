/**
 * The update turns of a swarm's nodes: each manager gets a turn of its own, so two managers never
 * reboot at once and the swarm keeps its Raft quorum, and the workers get turns after the
 * managers' (up to MAX_WORKER_TURNS; with more workers several share one), so they do not all
 * reboot at once nor with a manager; and the update settings each turn differs in.
 */
import { FileModel, HostModel, emptyHostModel } from '../bootconfig/model';
import { ContainerOs } from '../os/container-os';
import { Platform } from '../os/enums';
import { UpdatePolicy, WEEKDAYS, Weekday, hhmm } from '../os/update-policy';
import { SwarmErrors } from './errors';

/** The Raft-safe manager counts (3 and 5 tolerate 1 and 2 failures; 7 is allowed by Docker but slow to converge). */
export const MANAGER_COUNTS = [1, 3, 5];

/** Minutes left free between two turns' update windows, for the reboot and the rejoin. */
export const WINDOW_GAP_MINUTES = 10;
/** The shortest update window a turn may get. */
export const MIN_SLOT_MINUTES = 10;
/** The most turns the workers are spread over (a worker count known only at apply time gets this many). */
export const MAX_WORKER_TURNS = 6;

/** The update policy of each turn: the managers' (one each) and the workers'. */
export interface SwarmTurns {
  readonly managers: UpdatePolicy[];
  readonly workers: UpdatePolicy[];
}

const TURN_MINUTES = MIN_SLOT_MINUTES + WINDOW_GAP_MINUTES;

/** The minutes a policy's turns are cut from, or undefined when it has no window to cut (disabled, fleetLock). */
function windowMinutes(policy: UpdatePolicy): number | undefined {
  return policy._match<number | undefined>({
    disabled: () => undefined, fleetLock: () => undefined, immediate: () => 1440, maintenanceWindow: (w) => w.durationMinutes,
  });
}

/**
 * How many turns the workers get: one per worker up to MAX_WORKER_TURNS (a count known only at
 * apply time: MAX_WORKER_TURNS), no more than the window holds after the managers' turns, and
 * none without workers or without a window to cut (disabled and fleetLock stay as they are).
 */
export function workerTurnCount(policy: UpdatePolicy, managerCount: number, workerCount: number | undefined): number {
  const minutes = windowMinutes(policy);
  if (workerCount === 0 || minutes === undefined) return 0;
  const fits = Math.floor(minutes / TURN_MINUTES) - managerCount;
  return Math.max(1, Math.min(workerCount ?? MAX_WORKER_TURNS, MAX_WORKER_TURNS, fits));
}

/**
 * The turns' policies (see README "Swarm" → Reboots): a maintenance window of D minutes on days X
 * is cut into N + W consecutive turns of D/(N + W) minutes, the managers' first; a node may start
 * its reboot in the first D/(N + W) − 10 minutes of its turn (the 10 minutes left are for the
 * reboot and the rejoin before the next turn opens). `immediate` becomes N + W daily windows
 * spread over the day; `disabled` and `fleetLock` stay as they are (nothing reboots / the lock
 * serialises); one manager without workers keeps the user's policy.
 */
export function updateTurns(policy: UpdatePolicy, managerCount: number, workerTurns: number): SwarmTurns {
  const total = managerCount + workerTurns;
  if (total <= 1) return { managers: [policy], workers: [] };
  const split = (turns: UpdatePolicy[]) => ({ managers: turns.slice(0, managerCount), workers: turns.slice(managerCount) });
  const same = () => split(Array.from({ length: total }, () => policy));
  const spread = (days: readonly Weekday[], start: number, minutes: number) => {
    const slot = Math.floor(minutes / total);
    if (slot - WINDOW_GAP_MINUTES < MIN_SLOT_MINUTES) {
      throw SwarmErrors.swarmUpdateWindowTooShort('updatePolicy', policy.toString(), managerCount, workerTurns, total * TURN_MINUTES);
    }
    return split(Array.from({ length: total }, (_, k) => {
      const at = start + k * slot;
      const shift = Math.floor(at / 1440);
      return UpdatePolicy.maintenanceWindow({
        days: days.map((d) => WEEKDAYS[(WEEKDAYS.indexOf(d) + shift) % 7]),
        startTime: hhmm(at % 1440),
        durationMinutes: slot - WINDOW_GAP_MINUTES,
      });
    }));
  };
  return policy._match<SwarmTurns>({
    disabled: same,
    fleetLock: same,
    immediate: () => spread(WEEKDAYS, 0, 1440),
    maintenanceWindow: (w) => spread(w.days, w.startMinute, w.durationMinutes),
  });
}

/**
 * The update settings each turn differs in, by turn (the managers' turns, then the workers'): the
 * OS layer's files rendered for each turn's policy, keeping those whose contents differ between
 * turns (Zincati's strategy file, Flatcar's update.conf, Alpine's upgrade script). Empty when all
 * turns are the same.
 */
export function turnFiles(os: ContainerOs, platform: Platform, policies: readonly UpdatePolicy[]): FileModel[][] {
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
