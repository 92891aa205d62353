/**
 * Props a construct does not know. TypeScript refuses them at compile time, but jsii libraries are
 * also used from plain JavaScript (and through `as any`), where a typo such as `ingresPorts` would
 * otherwise be ignored silently and the fleet built without it. Refused with the nearest known
 * name as a suggestion.
 */
import { CoreErrors } from './errors';

/** Levenshtein distance (insertions, deletions, substitutions), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[y.length];
}

/** The known name nearest to `name` (the first of equally near ones, in `known`'s order). */
export function nearestName(name: string, known: readonly string[]): string {
  let best = known[0];
  for (const k of known) if (distance(name, k) < distance(name, best)) best = k;
  return best;
}

/**
 * Throws for the first own key of `props` (sorted) that is not in `known`, naming it (under
 * `prefix`, e.g. `containers[0].`) and the nearest known name. Keys whose value is undefined are
 * ignored, as jsii passes optional props that way.
 */
export function rejectUnknownProps(props: object, known: readonly string[], prefix = ''): void {
  const knownSet = new Set(known);
  for (const key of Object.keys(props).sort()) {
    if (knownSet.has(key) || (props as Record<string, unknown>)[key] === undefined) continue;
    throw CoreErrors.unknownProp(`${prefix}${key}`, (props as Record<string, unknown>)[key], nearestName(key, known), known);
  }
}
