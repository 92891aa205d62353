/**
 * How a layer states its error messages: `defineErrors({ badPort: (p, v) => problem(p, v, 'expected ...') })`
 * gives builders that return a FleetConfigError stamped with a stable code derived from the
 * builder's name (`badPort` → `BAD_PORT`). The codes are public (programs and tests match on
 * them), so a builder keeps its name; each name is used by one layer only.
 */
import { FleetConfigError } from './fleet-config-error';

/** What a message says: the property, the value received and what is allowed. */
export interface Problem {
  readonly property: string;
  readonly value: unknown;
  readonly allowed: string;
}

/** A message: `<property>: got <value>; <allowed>`. */
export function problem(property: string, value: unknown, allowed: string): Problem {
  return { property, value, allowed };
}

/** `badPort` → `BAD_PORT`: each builder's stable error code, derived from its name. */
export function codeOf(builder: string): string {
  return builder.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** A layer's builders: each makes the FleetConfigError of one kind of problem. */
export type ErrorBuilders<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => Problem ? (...args: A) => FleetConfigError : never
};

/** Turns a layer's messages into builders that stamp each error with its builder's code (see `codeOf`). */
export function defineErrors<T extends Record<string, (...args: any[]) => Problem>>(messages: T): ErrorBuilders<T> {
  return Object.fromEntries(Object.entries(messages).map(([name, message]) => [name, (...args: unknown[]) => {
    const p = message(...args);
    return new FleetConfigError(p.property, p.value, p.allowed, codeOf(name));
  }])) as unknown as ErrorBuilders<T>;
}
