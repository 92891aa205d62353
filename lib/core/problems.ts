/**
 * Reporting every problem of a construct at once: each check runs, a failed one is recorded, and
 * the construct throws one FleetConfigError listing them all, each with its construct path.
 */
import { FleetConfigError } from './fleet-config-error';

const REPORTED_BY = Symbol('reported by');

/**
 * Collects the problems of one construct so they are reported together: each `check` runs a
 * validation and returns its result, or the fallback when it failed; `throwIfAny` then throws
 * one FleetConfigError listing every problem, each prefixed with the construct path.
 * Errors that are not FleetConfigErrors are not caught.
 */
export class Problems {
  private readonly found: FleetConfigError[] = [];

  /**
   * @param path the construct path each problem is reported with
   * @param report told of the error `throwIfAny` is about to throw (a construct reports it under
   *   the cdktf CLI as error annotations too)
   */
  constructor(private readonly path: string, private readonly report?: (error: FleetConfigError) => void) {}

  /**
   * Runs a construct's checks with a collector for `path` and throws every problem they found
   * together (the plan step of each fleet and swarm).
   */
  public static collect<T>(path: string, checks: (problems: Problems) => T, report?: (error: FleetConfigError) => void): T {
    const problems = new Problems(path, report);
    const out = problems.run(() => checks(problems));
    problems.throwIfAny();
    return out;
  }

  /** Runs `fn`; on a FleetConfigError records it and returns `fallback`. */
  public check<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (e) {
      if (!FleetConfigError.isFleetConfigError(e)) throw e;
      // Already this collector's report (from a nested `run`): pass it on as it is.
      if ((e as unknown as Record<symbol, unknown>)[REPORTED_BY] === this) throw e;
      for (const p of (e as FleetConfigError).problems) this.found.push(p._at(this.path));
      return fallback;
    }
  }

  /**
   * An optional prop, its default stated once: `fallback` when `value` is unset, else
   * `check(property, value)`. A failed check is recorded and gives `fallback` too, so the
   * construct's other checks still run.
   */
  public optional<T>(property: string, value: unknown, fallback: T, check: (property: string, value: unknown) => T): T {
    if (value === undefined) return fallback;
    return this.check(() => check(property, value), fallback);
  }

  /** True when no problem was recorded yet. */
  public get ok(): boolean {
    return this.found.length === 0;
  }

  /** Throws every recorded problem as one error (the first problem's code and property). */
  public throwIfAny(): void {
    if (this.found.length === 0) return;
    const [first, ...rest] = this.found;
    const report = new FleetConfigError(first.property, first._value, first.allowed, first.code, first.constructPath, rest);
    Object.defineProperty(report, REPORTED_BY, { value: this });
    this.report?.(report);
    throw report;
  }

  /**
   * Runs `fn`, which must succeed for the construct to go on: when it throws a FleetConfigError,
   * every problem found so far is thrown with it, each with this construct's path.
   */
  public run<T>(fn: () => T): T {
    const before = this.found.length;
    const out = this.check(fn, undefined as unknown as T);
    if (this.found.length > before) this.throwIfAny();
    return out;
  }
}
