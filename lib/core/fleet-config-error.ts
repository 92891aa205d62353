/**
 * The error the library throws for bad input, and its public front. Each layer states its own
 * messages (its `errors.ts`, made with `defineErrors`); this is the type they all build.
 */

const MARKER = Symbol.for('cdktf-docker-fleet/FleetConfigError');
/** The key Node's `util.inspect` looks up for a custom rendering (nodejs.org/api/util.html#utilinspectcustom). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

const PROBLEMS = Symbol('problems');
const RECEIVED = Symbol('value received');

function hidden(target: object, key: string | symbol, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: false, configurable: true });
}

/** This package's lib/ directory (this file is lib/core/fleet-config-error.js). */
const LIBRARY_DIR = __dirname.replace(/[\\/]core$/, '');

/** The `at …` lines of a V8 stack that are neither this library's nor Node's own. */
function callerFrames(stack: string | undefined): string[] {
  return (stack ?? '').split('\n').filter((l) => /^\s+at /.test(l) && !l.includes(LIBRARY_DIR) && !/\(?node:/.test(l));
}

/**
 * The error thrown for bad input, at synth time, before anything is written.
 *
 * Its message reads `<construct path>: <property>: got <value>; <what is allowed>` (the path
 * only when a construct reported it); `code` is a stable identifier for programs and tests
 * (e.g. `NOT_AN_INTEGER`, `UNSUPPORTED_POLICY`), `property` the path of the offending prop
 * (e.g. `hostConfig.files[2].mode`). When one construct has several problems, all of them are
 * reported together: `problems` lists each one and the message has one line per problem.
 */
export class FleetConfigError extends Error {
  /** True for errors of this library, also across copies of it loaded twice. */
  public static isFleetConfigError(x: unknown): x is FleetConfigError {
    return x !== null && typeof x === 'object' && MARKER in x;
  }

  // The fields are set with `hidden` (not enumerable): Node prints an uncaught error's stack
  // followed by its own enumerable fields, and those would repeat every problem with its stack.
  /** Stable identifier of the kind of problem, e.g. `NOT_AN_INTEGER`. */
  public readonly code!: string;
  /** Path of the offending property, e.g. `hostConfig.files[2].mode`. */
  public readonly property!: string;
  /** The value received, as shown in the message. */
  public readonly shownValue!: string;
  /** What is allowed instead. */
  public readonly allowed!: string;
  /**
   * Construct path of the fleet (or other construct) that reported the problem.
   * @default - none: the problem was found outside a construct (e.g. in `HostConfig`)
   */
  public readonly constructPath?: string;

  constructor(property: string, value: unknown, allowed: string, code = 'BAD_INPUT', constructPath?: string,
    more: FleetConfigError[] = []) {
    const line = `${constructPath ? `${constructPath}: ` : ''}${property}: got ${show(value)}; ${allowed}`;
    super(more.length ? [line, ...more.map((m) => m.message)].join('\n') : line);
    Object.defineProperty(this, MARKER, { value: true });
    hidden(this, 'name', 'FleetConfigError');
    hidden(this, 'code', code);
    hidden(this, 'property', property);
    hidden(this, 'shownValue', show(value));
    hidden(this, 'allowed', allowed);
    hidden(this, 'constructPath', constructPath);
    hidden(this, RECEIVED, value);
    hidden(this, PROBLEMS, [this, ...more]);
    // The stack keeps the caller's frames only: the library's own (its checks) say nothing the
    // message does not, and the first frame left is the line of the app that made the construct.
    hidden(this, 'stack', [`${this.name} [${code}]: ${this.message}`, ...callerFrames(this.stack)].join('\n'));
  }

  /** Every problem of the construct, this one first (a list of one for a single problem). */
  public get problems(): FleetConfigError[] {
    return (this as unknown as Record<symbol, FleetConfigError[]>)[PROBLEMS];
  }

  /** @internal */
  public get _value(): unknown {
    return (this as unknown as Record<symbol, unknown>)[RECEIVED];
  }

  /**
   * What `util.inspect` (console.error, a REPL) prints for this error: the code and the message,
   * one line per problem, with the caller's frames.
   * @internal
   */
  public [INSPECT](): string {
    return this.stack ?? `${this.name} [${this.code}]: ${this.message}`;
  }

  /** The value received. */
  public get value(): any {
    return this._value;
  }

  /**
   * The same problem, reported by the construct at `path` (kept when already set).
   * @internal
   */
  public _at(path: string): FleetConfigError {
    if (this.constructPath !== undefined || !path) return this;
    return new FleetConfigError(this.property, this._value, this.allowed, this.code, path);
  }
}

/**
 * Recognises the errors this library throws for bad input (a jsii-friendly front of the
 * internal `FleetConfigError` class, which extends `Error`). Each carries a stable `code`
 * (e.g. `NOT_AN_INTEGER`), the `property`, and the construct path when a construct reported it;
 * its message reads `<construct path>: <property>: got <value>; <what is allowed>`.
 *
 * @example
 * try { app.synth(); } catch (e) { if (FleetConfigErrors.isFleetConfigError(e)) console.error(FleetConfigErrors.codeOf(e)); }
 */
export class FleetConfigErrors {
  /** True when `error` is a bad-input error of this library (also across two copies of it). */
  public static isFleetConfigError(error: any): boolean {
    return FleetConfigError.isFleetConfigError(error);
  }

  /**
   * The stable code of a bad-input error, e.g. `NOT_AN_INTEGER`.
   * @returns undefined for any other error
   */
  public static codeOf(error: any): string | undefined {
    return FleetConfigError.isFleetConfigError(error) ? error.code : undefined;
  }

  /**
   * The codes of every problem in a bad-input error (a construct reports all its problems at once).
   * @returns an empty list for any other error
   */
  public static codesOf(error: any): string[] {
    return FleetConfigError.isFleetConfigError(error) ? error.problems.map((p) => p.code) : [];
  }

  /**
   * The property a bad-input error is about, e.g. `hostConfig.files[2].mode`.
   * @returns undefined for any other error
   */
  public static propertyOf(error: any): string | undefined {
    return FleetConfigError.isFleetConfigError(error) ? error.property : undefined;
  }

  /**
   * The path of the construct that reported a bad-input error, e.g. `web-prod/api`.
   * @returns undefined for any other error, or one found outside a construct
   */
  public static constructPathOf(error: any): string | undefined {
    return FleetConfigError.isFleetConfigError(error) ? error.constructPath : undefined;
  }

  private constructor() {}
}

/** Renders a received value for a message: strings quoted, long values cut, objects as JSON. */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = JSON.stringify(value);
  } else if (value === undefined) {
    text = 'undefined';
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    text = String(value);
  } else if (typeof value === 'function') {
    text = 'a function';
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  // Invisible characters and line separators are shown as escapes, so the message shows them.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
