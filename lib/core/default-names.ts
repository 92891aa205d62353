/**
 * Default names that are unique per stack and construct path, and the app-wide check that no two
 * constructs resolve to the same name.
 *
 * A name made only from the construct id (`swarm`) is the same in every stack that uses that id,
 * and a name cut to a length limit is the same for every id that shares its first characters
 * (`production-docker-swarm-eu` / `-us`). Names that live outside Terraform's view of one stack
 * (an SSM parameter path, a secret, a directory on a hypervisor) then collide between stacks
 * deployed to one account. `defaultName` keeps the readable id and adds a short hash of the
 * construct's full path (stack id included), within the name's limit: readable, unique per
 * stack and path, and the same on every synth.
 *
 * `claimName` records each name a construct resolved (default or given) on the app's root, per
 * kind of name, and refuses a second construct with the same one, naming both construct paths.
 * No cdktf import: any construct (its `node.path` and `node.root`) will do.
 */
import { createHash } from 'crypto';
import { CoreErrors } from './errors';
import { isUnresolved } from './validation';

/** What the helpers read of a construct (constructs' `Construct` has it). */
export interface NamedConstruct {
  readonly node: { readonly id: string; readonly path: string; readonly root: object };
}

/** How a default name is made. */
export interface DefaultNameOptions {
  /** the longest name the target allows */
  readonly maxLength: number;
  /** the readable part, before it is cleaned and cut (default: the construct id) */
  readonly readable?: string;
  /** hex characters of the path hash (default 6: 16.7 million values) */
  readonly hashLength?: number;
  /** characters kept from the readable part; the others become `-` (default letters, digits, `-`) */
  readonly keep?: RegExp;
  /** used when nothing readable is left (default `x`) */
  readonly fallback?: string;
}

/** The hash part of a default name: the first `length` hex digits of SHA-256 of the construct path. */
export function pathHash(path: string, length = 6): string {
  return createHash('sha256').update(path).digest('hex').slice(0, length);
}

/**
 * `<readable>-<hash>`: the readable part (the construct id unless given) with characters outside
 * `keep` turned into `-`, runs of `-` and leading/trailing ones removed, cut so that the whole
 * name fits `maxLength`; then `-` and the hash of the construct's path. E.g. id `swarm` in stack
 * `prod` → `swarm-1d2e3f`; the same id in stack `staging` gets another hash.
 */
export function defaultName(scope: NamedConstruct, opts: DefaultNameOptions): string {
  const hashLength = opts.hashLength ?? 6;
  const room = opts.maxLength - hashLength - 1;
  if (room < 1) throw new Error(`internal: a default name of at most ${opts.maxLength} characters has no room for a ${hashLength}-digit hash`);
  const keep = opts.keep ?? /[A-Za-z0-9-]/;
  const cleaned = Array.from(opts.readable ?? scope.node.id).map((c) => (keep.test(c) ? c : '-')).join('')
    .replace(/-+/g, '-').replace(/^-|-$/g, '');
  const readable = cleaned.slice(0, room).replace(/-$/, '') || (opts.fallback ?? 'x').slice(0, room);
  return `${readable}-${pathHash(scope.node.path, hashLength)}`;
}

const CLAIMS = new WeakMap<object, Map<string, Map<string, string>>>();

/**
 * Records that the construct uses `name` as a `kind` (e.g. 'SSM parameter path'), app-wide, and
 * throws when another construct of the same app already uses it (a FleetConfigError naming
 * `property`, the name, the kind and the other construct's path). A construct may claim the same
 * name again (synth runs twice in some tests). Names known only at apply time are not checked.
 */
export function claimName(scope: NamedConstruct, kind: string, name: string, property: string): void {
  if (isUnresolved(name)) return;
  let kinds = CLAIMS.get(scope.node.root);
  if (!kinds) CLAIMS.set(scope.node.root, (kinds = new Map()));
  let names = kinds.get(kind);
  if (!names) kinds.set(kind, (names = new Map()));
  const other = names.get(name);
  if (other !== undefined && other !== scope.node.path) throw CoreErrors.duplicateName(property, name, kind, other);
  names.set(name, scope.node.path);
}
