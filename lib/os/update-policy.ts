import { CoreErrors } from '../core/errors';
import { OsErrors } from './errors';
import { requireArray, requireHttpUrl, requireInteger, requireOneOf, requireTimeOfDay } from '../core/validation';

/** Days of the week for maintenance windows. */
export enum Weekday {
  /** Monday. */
  MONDAY = 'MONDAY',
  /** Tuesday. */
  TUESDAY = 'TUESDAY',
  /** Wednesday. */
  WEDNESDAY = 'WEDNESDAY',
  /** Thursday. */
  THURSDAY = 'THURSDAY',
  /** Friday. */
  FRIDAY = 'FRIDAY',
  /** Saturday. */
  SATURDAY = 'SATURDAY',
  /** Sunday. */
  SUNDAY = 'SUNDAY',
}

/** A validated maintenance window: days in week order, start in minutes after midnight UTC. @internal */
export interface PolicyWindow {
  readonly days: readonly Weekday[];
  readonly startMinute: number;
  readonly durationMinutes: number;
}

/**
 * One handler per kind of update policy: `UpdatePolicy._match` calls the one that fits, and the
 * compiler makes every OS handle every kind (a new kind cannot render silently wrong).
 * @internal
 */
export interface PolicyCases<T> {
  immediate(): T;
  maintenanceWindow(window: PolicyWindow): T;
  fleetLock(url: string): T;
  disabled(): T;
}

/** Three-letter day names, as Zincati (updates-strategy.md) and locksmithd (README) spell them. */
export const SHORT_DAY: Readonly<Record<Weekday, string>> = {
  MONDAY: 'Mon', TUESDAY: 'Tue', WEDNESDAY: 'Wed', THURSDAY: 'Thu', FRIDAY: 'Fri', SATURDAY: 'Sat', SUNDAY: 'Sun',
};

export const WEEKDAYS: readonly Weekday[] = [
  Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY,
];

/** When hosts may reboot into an update. Times are UTC. */
export interface MaintenanceWindowOptions {
  /** Days on which the window opens, e.g. `[Weekday.SATURDAY]`. */
  readonly days: Weekday[];
  /** Start of the window, 24-hour `HH:MM` in UTC, e.g. `'02:30'`. */
  readonly startTime: string;
  /** Length of the window in minutes (1 to 1440). */
  readonly durationMinutes: number;
}

/** Options for fleet-wide reboot coordination through a FleetLock server. */
export interface FleetLockOptions {
  /** Base URL of the FleetLock server, e.g. `https://fleetlock.example.com`. */
  readonly url: string;
}

/** The kinds of update policy, as the OS renderers see them. */
export enum UpdatePolicyKind {
  /** Apply and reboot as soon as an update is there. */
  IMMEDIATE = 'immediate',
  /** Apply, but reboot only inside a weekly window. */
  MAINTENANCE_WINDOW = 'maintenance-window',
  /** Reboot only while holding a lock from a FleetLock server. */
  FLEET_LOCK = 'fleet-lock',
  /** Never update automatically. */
  DISABLED = 'disabled',
}

/**
 * How hosts take OS updates. Each OS renders it into its own mechanism (Zincati on Fedora
 * CoreOS, update_engine + locksmithd on Flatcar, a cron job on Alpine, settings.updates on
 * Bottlerocket) or rejects it with an error that names the alternatives.
 */
export class UpdatePolicy {
  /** Update and reboot as soon as a new release is out. Hosts may reboot at any time. */
  public static immediate(): UpdatePolicy {
    return new UpdatePolicy(UpdatePolicyKind.IMMEDIATE);
  }

  /** Update when a release is out, but reboot only inside the given UTC window. */
  public static maintenanceWindow(options: MaintenanceWindowOptions): UpdatePolicy {
    if (options === null || typeof options !== 'object') throw CoreErrors.notAnObject('updatePolicy.maintenanceWindow', options);
    const days = requireArray('maintenanceWindow.days', options.days).map((d, i) => {
      try {
        return requireOneOf(`maintenanceWindow.days[${i}]`, d, WEEKDAYS);
      } catch {
        throw OsErrors.badWeekday(`maintenanceWindow.days[${i}]`, d);
      }
    });
    if (days.length === 0) throw OsErrors.badWeekday('maintenanceWindow.days', options.days);
    const unique = WEEKDAYS.filter((d) => days.includes(d));
    const start = requireTimeOfDay('maintenanceWindow.startTime', options.startTime);
    const duration = requireInteger('maintenanceWindow.durationMinutes', options.durationMinutes, 1, 1440);
    return new UpdatePolicy(UpdatePolicyKind.MAINTENANCE_WINDOW, { days: unique, startMinute: start, durationMinutes: duration });
  }

  /**
   * Reboot only while holding a lock from a FleetLock server (e.g. Typhoon's fleetlock or
   * airlock), so at most N hosts reboot at once. Fedora CoreOS only (Zincati `fleet_lock`).
   */
  public static fleetLock(options: FleetLockOptions): UpdatePolicy {
    if (options === null || typeof options !== 'object') throw CoreErrors.notAnObject('updatePolicy.fleetLock', options);
    return new UpdatePolicy(UpdatePolicyKind.FLEET_LOCK, undefined, requireHttpUrl('fleetLock.url', options.url));
  }

  /** Never update automatically. Security fixes then wait for a new host or a manual update. */
  public static disabled(): UpdatePolicy {
    return new UpdatePolicy(UpdatePolicyKind.DISABLED);
  }

  /**
   * The library default: a weekly window, Sunday 03:00 UTC for 2 hours, so a fleet never
   * reboots by surprise in working hours.
   */
  public static defaultWindow(): UpdatePolicy {
    return UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '03:00', durationMinutes: 120 });
  }

  /** Which kind of policy this is. */
  public readonly kind: UpdatePolicyKind;
  private readonly window?: PolicyWindow;
  private readonly fleetLockUrl?: string;

  private constructor(kind: UpdatePolicyKind, window?: PolicyWindow, fleetLockUrl?: string) {
    this.kind = kind;
    this.window = window;
    this.fleetLockUrl = fleetLockUrl;
  }

  /**
   * Calls the handler for this policy's kind.
   * @internal
   */
  public _match<T>(cases: PolicyCases<T>): T {
    switch (this.kind) {
      case UpdatePolicyKind.IMMEDIATE: return cases.immediate();
      case UpdatePolicyKind.MAINTENANCE_WINDOW: return cases.maintenanceWindow(this.window!);
      case UpdatePolicyKind.FLEET_LOCK: return cases.fleetLock(this.fleetLockUrl!);
      case UpdatePolicyKind.DISABLED: return cases.disabled();
    }
  }

  /** A short description, e.g. `maintenance-window SATURDAY 22:30 +60m`. */
  public toString(): string {
    return this._match({
      immediate: () => this.kind,
      maintenanceWindow: (w) => `${this.kind} ${w.days.join(',')} ${hhmm(w.startMinute)} +${w.durationMinutes}m`,
      fleetLock: (url) => `${this.kind} ${url}`,
      disabled: () => this.kind,
    });
  }
}

/** Minutes after midnight as 'HH:MM'. @internal */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Accepts an UpdatePolicy from TypeScript or JavaScript callers; anything else is a clear error. @internal */
export function requirePolicy(value: unknown): UpdatePolicy {
  if (value instanceof UpdatePolicy) return value;
  throw CoreErrors.notOneOf('updatePolicy', value,
    ['UpdatePolicy.immediate()', 'UpdatePolicy.maintenanceWindow({...})', 'UpdatePolicy.fleetLock({ url })', 'UpdatePolicy.disabled()']);
}
