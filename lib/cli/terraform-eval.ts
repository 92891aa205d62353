/**
 * Evaluates the Terraform expressions of a synthesized stack that are known before apply: the
 * part of Terraform's language the fleets write (JSON-syntax templates, `local.*`, `each.*`,
 * for expressions, conditionals, and the functions `replace`, `csvdecode`, `sensitive`, …).
 * A libvirt fleet's per-host values (names, first-boot payloads) are such expressions over
 * its locals (lib/platforms/libvirt/libvirt-fleet-resources.ts), and `explain`, `diff`, the
 * snapshot serializer and the tests read them through `StackValues`.
 *
 * A reference to a resource, a data source, a variable or a module is known only after apply
 * (or from outside the JSON): it evaluates to an `Unknown` naming it. Anything else outside
 * this subset is an `EvalError`, never a guess. Strings are NFC-normalized, as Terraform's are.
 * test/cli/terraform-eval.test.ts runs real Terraform on the same expressions.
 */

/** A value known only at apply time (or from outside the stack): what it refers to. */
export class Unknown {
  constructor(public readonly reference: string) {}
  public toString(): string {
    return `(known after apply: ${this.reference})`;
  }
}

export type Value = string | number | boolean | null | Unknown | Value[] | { [key: string]: Value };

export class EvalError extends Error {}

/** What names resolve to: the stack's locals, and `each` inside a `for_each` resource. */
interface EvalScope {
  readonly locals: Record<string, unknown>;
  readonly each?: { readonly key: string; readonly value: Value };
}

type Vars = ReadonlyMap<string, Value>;

/**
 * The values of one stack: evaluates its expressions, with its `locals` evaluated once.
 * `each` is bound for one instance of a `for_each` resource.
 */
export class StackValues {
  private readonly cache = newCache();
  constructor(private readonly locals: Record<string, unknown>) {}

  /** A Terraform JSON value (strings are templates; objects and arrays are walked). */
  evaluate(value: unknown, each?: { readonly key: string; readonly value: Value }): Value {
    return new Evaluator({ locals: this.locals, each }, this.cache).json(value, new Map());
  }

  /** A resource's `for_each` (a map, or a set of strings) as instance key → `each.value`. */
  instances(resource: Record<string, unknown>): Record<string, Value> | Unknown {
    const v = this.evaluate(resource.for_each);
    if (v instanceof Unknown) return v;
    if (Array.isArray(v)) {
      const out: Record<string, Value> = {};
      for (const k of v) {
        if (typeof k !== 'string') throw new EvalError(`for_each: a set must hold strings, got ${describe(k)}`);
        out[k] = k;
      }
      return out;
    }
    if (v === null || typeof v !== 'object') throw new EvalError(`for_each: expected a map or a set of strings, got ${describe(v)}`);
    return v;
  }

  /**
   * Every instance of a `for_each` resource with its attributes evaluated (instance key →
   * attribute → value; `for_each` itself left out), or the Unknown its `for_each` is.
   */
  expand(resource: Record<string, unknown>): Record<string, Record<string, Value>> | Unknown {
    const inst = this.instances(resource);
    if (inst instanceof Unknown) return inst;
    const out: Record<string, Record<string, Value>> = {};
    for (const key of Object.keys(inst).sort()) {
      const attrs: Record<string, Value> = {};
      for (const [name, raw] of Object.entries(resource)) {
        if (name === 'for_each' || name === '//') continue;
        // lifecycle arguments are static names, not expressions
        attrs[name] = name === 'lifecycle' ? raw as Value : this.evaluate(raw, { key, value: inst[key] });
      }
      out[key] = attrs;
    }
    return out;
  }
}

/** One Terraform JSON value evaluated on its own (see StackValues). */
export function evaluateJson(value: unknown, locals: Record<string, unknown> = {}): Value {
  return new StackValues(locals).evaluate(value);
}

function describe(v: Value): string {
  if (v instanceof Unknown) return String(v);
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

// ASCII text is already NFC: only other text pays for normalize()
// eslint-disable-next-line no-control-regex
const nfc = (s: string) => (/^[\u0000-\u007f]*$/.test(s) ? s : s.normalize('NFC'));

/** Evaluation state shared by the evaluators of one stack: locals evaluated so far and under way, templates parsed so far. */
interface EvalCache {
  readonly values: Map<string, Value>;
  readonly evaluating: Set<string>;
  /** each distinct template text parsed once (a fleet's hosts share theirs) */
  readonly parsed: Map<string, Part[]>;
}

const newCache = (): EvalCache => ({ values: new Map(), evaluating: new Set(), parsed: new Map() });

class Evaluator {
  /** local values evaluated so far (shared by the evaluators of one call), and those under way */
  constructor(private readonly scope: EvalScope, private readonly cache: EvalCache = newCache()) {}

  json(value: unknown, vars: Vars): Value {
    if (typeof value === 'string') return this.template(value, vars);
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
    if (Array.isArray(value)) return value.map((v) => this.json(v, vars));
    if (typeof value === 'object') {
      const out: { [k: string]: Value } = {};
      for (const [k, v] of Object.entries(value as object)) if (k !== '//') out[k] = this.json(v, vars);
      return out;
    }
    throw new EvalError(`cannot evaluate ${typeof value}`);
  }

  local(name: string): Value {
    const { values, evaluating } = this.cache;
    if (values.has(name)) return values.get(name)!;
    if (!Object.prototype.hasOwnProperty.call(this.scope.locals, name)) throw new EvalError(`local.${name}: no such local value in the `
      + `stack`);
    if (evaluating.has(name)) throw new EvalError(`local.${name}: refers to itself`);
    evaluating.add(name);
    // locals see neither `each` nor the caller's variables
    const v = new Evaluator({ locals: this.scope.locals }, this.cache).json(this.scope.locals[name], new Map());
    evaluating.delete(name);
    values.set(name, v);
    return v;
  }

  /** A JSON string: a template (literal text, `${ expr }`, `$${` and `%%{` escapes). */
  template(text: string, vars: Vars): Value {
    let parts = this.cache.parsed.get(text);
    if (parts === undefined) {
      const p = new Parser(text, 0);
      parts = p.templateParts(undefined);
      if (p.pos !== text.length) throw new EvalError(`unexpected text at ${p.pos} in ${JSON.stringify(clip(text))}`);
      this.cache.parsed.set(text, parts);
    }
    return this.joinParts(parts, vars);
  }

  joinParts(parts: Part[], vars: Vars): Value {
    // a template that is one interpolation and nothing else gives the value itself, not a string
    if (parts.length === 1 && typeof parts[0] !== 'string') return this.expr(parts[0], vars);
    let out = '';
    let unknown: Unknown | undefined;
    for (const part of parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const v = this.expr(part, vars);
      if (v instanceof Unknown) unknown ??= v;
      else out += stringOf(v);
    }
    return unknown ?? nfc(out);
  }

  expr(e: Expr, vars: Vars): Value {
    switch (e.kind) {
      case 'literal': return e.value;
      case 'template': return this.joinParts(e.parts, vars);
      case 'tuple': return e.items.map((i) => this.expr(i, vars));
      case 'object': {
        const out: { [k: string]: Value } = {};
        for (const [k, v] of e.items) {
          const key = k.kind === 'name' ? k.name : this.expr(k, vars);
          if (key instanceof Unknown) return key;
          out[stringOf(key)] = this.expr(v, vars);
        }
        return out;
      }
      case 'name': return vars.has(e.name) ? vars.get(e.name)! : this.resolveRoot(e.name, [], vars);
      case 'attr':
      case 'index': {
        const chain = flatten(e);
        if (chain.root.kind === 'name' && !vars.has(chain.root.name)) return this.resolveRoot(chain.root.name, chain.steps, vars);
        const base = this.expr(e.base, vars);
        const key = e.kind === 'attr' ? e.name : this.expr(e.key, vars);
        const text = e.kind === 'attr' ? `.${e.name}` : `[${key instanceof Unknown ? key.reference : JSON.stringify(key)}]`;
        if (base instanceof Unknown) return new Unknown(`${base.reference}${text}`);
        if (key instanceof Unknown) return key;
        return index(base, key, text);
      }
      case 'not': {
        const v = this.expr(e.operand, vars);
        return v instanceof Unknown ? v : !truth(v);
      }
      case 'binary': return this.binary(e, vars);
      case 'conditional': {
        const c = this.expr(e.condition, vars);
        if (c instanceof Unknown) return c;
        return truth(c) ? this.expr(e.then, vars) : this.expr(e.else, vars);
      }
      case 'call': return this.call(e, vars);
      case 'for': return this.forExpr(e, vars);
    }
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>, vars: Vars): Value {
    const a = this.expr(e.left, vars);
    if (e.op === '&&' || e.op === '||') {
      if (a instanceof Unknown) return a;
      if (e.op === '&&' && !truth(a)) return false;
      if (e.op === '||' && truth(a)) return true;
      const b = this.expr(e.right, vars);
      return b instanceof Unknown ? b : truth(b);
    }
    const b = this.expr(e.right, vars);
    if (a instanceof Unknown) return a;
    if (b instanceof Unknown) return b;
    const same = JSON.stringify(a) === JSON.stringify(b);
    return e.op === '==' ? same : !same;
  }

  private forExpr(e: Extract<Expr, { kind: 'for' }>, vars: Vars): Value {
    const coll = this.expr(e.collection, vars);
    if (coll instanceof Unknown) return coll;
    let pairs: [Value, Value][];
    if (Array.isArray(coll)) pairs = coll.map((v, i) => [i, v]);
    else if (coll !== null && typeof coll === 'object') {
      pairs = Object.keys(coll).sort().map((k) => [k, (coll as Record<string, Value>)[k]]);
    }
    else throw new EvalError(`for: cannot iterate ${describe(coll)}`);
    const list: Value[] = [];
    const map: { [k: string]: Value } = {};
    for (const [k, v] of pairs) {
      const inner = new Map(vars);
      if (e.keyVar !== undefined) inner.set(e.keyVar, k);
      inner.set(e.valueVar, v);
      if (e.condition) {
        const c = this.expr(e.condition, inner);
        if (c instanceof Unknown) return c;
        if (!truth(c)) continue;
      }
      const value = this.expr(e.value, inner);
      if (e.key === undefined) {
        list.push(value);
        continue;
      }
      const key = this.expr(e.key, inner);
      if (key instanceof Unknown) return key;
      const ks = stringOf(key);
      if (Object.prototype.hasOwnProperty.call(map, ks)) throw new EvalError(`for: duplicate object key ${JSON.stringify(ks)}`);
      map[ks] = value;
    }
    return e.key === undefined ? list : map;
  }

  private call(e: Extract<Expr, { kind: 'call' }>, vars: Vars): Value {
    const args = e.args.map((a) => this.expr(a, vars));
    const unknown = args.find((a) => a instanceof Unknown);
    if (unknown) return unknown;
    const fn = FUNCTIONS[e.name];
    if (!fn) throw new EvalError(`function ${e.name}() is not one this tool evaluates`);
    return fn(args);
  }

  /** Resolves `root.a.b[...]` chains whose root is a Terraform global (local, each, resources…). */
  resolveRoot(name: string, steps: Step[], vars: Vars): Value {
    const rest = (from: number, base: Value, text: string): Value => {
      let v = base;
      let t = text;
      for (const s of steps.slice(from)) {
        const key = s.kind === 'attr' ? s.name : this.expr(s.key, vars);
        if (key instanceof Unknown) return key;
        t += s.kind === 'attr' ? `.${s.name}` : `[${JSON.stringify(key)}]`;
        if (v instanceof Unknown) v = new Unknown(t);
        else v = index(v, key, t);
      }
      return v;
    };
    const first = steps[0];
    if (name === 'local') {
      if (!first || first.kind !== 'attr') throw new EvalError('local: expected local.<name>');
      return rest(1, this.local(first.name), `local.${first.name}`);
    }
    if (name === 'each') {
      if (!this.scope.each) throw new EvalError('each: used outside a for_each resource');
      if (!first || first.kind !== 'attr' || (first.name !== 'key' && first.name !== 'value')) throw new EvalError(
        'each: expected each.key or each.value');
      return rest(1, first.name === 'key' ? this.scope.each.key : this.scope.each.value, `each.${first.name}`);
    }
    // var.x, data.t.n, module.m, path.*, terraform.*, self, count, or a resource type.name
    let t = name;
    for (const s of steps) {
      const key = s.kind === 'attr' ? s.name : this.expr(s.key, vars);
      t += s.kind === 'attr' ? `.${s.name}` : `[${key instanceof Unknown ? key.reference : JSON.stringify(key)}]`;
    }
    return new Unknown(t);
  }
}

/** `a.b[c].d` as its root expression and the steps after it. */
function flatten(e: Expr): { root: Expr; steps: Step[] } {
  const steps: Step[] = [];
  let cur = e;
  while (cur.kind === 'attr' || cur.kind === 'index') {
    steps.unshift(cur.kind === 'attr' ? { kind: 'attr', name: cur.name } : { kind: 'index', key: cur.key });
    cur = cur.base;
  }
  return { root: cur, steps };
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

function truth(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new EvalError(`expected a bool, got ${describe(v)}`);
}

function stringOf(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new EvalError(`expected a string, got ${describe(v)}`);
}

function index(base: Value, key: Value, where: string): Value {
  if (Array.isArray(base)) {
    const i = typeof key === 'number' ? key : Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= base.length) throw new EvalError(`${where}: no element ${JSON.stringify(key)} in a list of `
      + `${base.length}`);
    return base[i];
  }
  if (base !== null && typeof base === 'object' && !(base instanceof Unknown)) {
    const k = stringOf(key);
    if (!Object.prototype.hasOwnProperty.call(base, k)) throw new EvalError(`${where}: no key ${JSON.stringify(k)}`);
    return (base as Record<string, Value>)[k];
  }
  throw new EvalError(`${where}: cannot index ${describe(base)}`);
}

function str(args: Value[], i: number, fn: string): string {
  const v = args[i];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new EvalError(`${fn}(): argument ${i + 1} must be a string, got ${describe(v)}`);
}

function arity(fn: string, args: Value[], n: number): void {
  if (args.length !== n) throw new EvalError(`${fn}(): expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
}

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  // the value is what the provider receives; plans only hide it
  sensitive: (a) => (arity('sensitive', a, 1), a[0]),
  nonsensitive: (a) => (arity('nonsensitive', a, 1), a[0]),
  replace: (a) => {
    arity('replace', a, 3);
    const [s, sub, rep] = [str(a, 0, 'replace'), str(a, 1, 'replace'), str(a, 2, 'replace')];
    if (sub.length > 1 && sub.startsWith('/') && sub.endsWith('/')) throw new EvalError('replace(): a regular expression substring is not '
      + 'one this tool evaluates');
    if (sub === '') throw new EvalError('replace(): an empty substring is not one this tool evaluates');
    return nfc(s.split(sub).join(rep));
  },
  csvdecode: (a) => (arity('csvdecode', a, 1), csvDecode(str(a, 0, 'csvdecode'))),
  jsondecode: (a) => {
    arity('jsondecode', a, 1);
    try {
      return JSON.parse(str(a, 0, 'jsondecode')) as Value;
    } catch (e) {
      throw new EvalError(`jsondecode(): ${(e as Error).message}`);
    }
  },
  lookup: (a) => {
    if (a.length !== 2 && a.length !== 3) throw new EvalError(`lookup(): expected 2 or 3 arguments, got ${a.length}`);
    const m = a[0];
    const k = str(a, 1, 'lookup');
    if (m !== null && typeof m === 'object' && !Array.isArray(m) && Object.prototype.hasOwnProperty.call(m, k)) {
      return (m as Record<string, Value>)[k];
    }
    if (a.length === 3) return a[2];
    throw new EvalError(`lookup(): no key ${JSON.stringify(k)}`);
  },
  contains: (a) => {
    arity('contains', a, 2);
    if (!Array.isArray(a[0])) throw new EvalError('contains(): argument 1 must be a list');
    return a[0].some((x) => JSON.stringify(x) === JSON.stringify(a[1]));
  },
  keys: (a) => {
    arity('keys', a, 1);
    if (a[0] === null || typeof a[0] !== 'object' || Array.isArray(a[0])) throw new EvalError('keys(): argument must be a map');
    return Object.keys(a[0]).sort();
  },
  tolist: (a) => (arity('tolist', a, 1), a[0]),
  toset: (a) => {
    arity('toset', a, 1);
    if (!Array.isArray(a[0])) throw new EvalError('toset(): argument must be a list');
    const seen = new Map<string, Value>();
    for (const v of a[0]) seen.set(JSON.stringify(v), v);
    return [...seen.values()].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  },
};

/** Terraform's csvdecode (Go encoding/csv, RFC 4180): a header row, then one object per row. */
export function csvDecode(text: string): Value {
  const records: string[][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new EvalError('csvdecode(): a quoted field is not closed');
          if (text[i] === '"') {
            if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
            i++;
            break;
          }
          field += text[i++];
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') throw new EvalError('csvdecode(): extraneous text after a '
          + 'quoted field');
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          if (text[i] === '"') throw new EvalError('csvdecode(): a bare " in a field');
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === ',') { i++; continue; }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      break;
    }
    // Go's reader skips empty lines
    if (!(record.length === 1 && record[0] === '')) records.push(record);
  }
  if (records.length === 0) throw new EvalError('csvdecode(): missing header line');
  const [header, ...rows] = records;
  return rows.map((r, k) => {
    if (r.length !== header.length) throw new EvalError(`csvdecode(): line ${k + 2} has ${r.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, nfc(r[j])]));
  });
}

// --- parsing --------------------------------------------------------------------------------

type Part = string | Expr;
type Step = { kind: 'attr'; name: string } | { kind: 'index'; key: Expr };
type Expr =
  | { kind: 'literal'; value: Value }
  | { kind: 'template'; parts: Part[] }
  | { kind: 'tuple'; items: Expr[] }
  | { kind: 'object'; items: [Expr, Expr][] }
  | { kind: 'name'; name: string }
  | { kind: 'attr'; base: Expr; name: string }
  | { kind: 'index'; base: Expr; key: Expr }
  | { kind: 'not'; operand: Expr }
  | { kind: 'binary'; op: '==' | '!=' | '&&' | '||'; left: Expr; right: Expr }
  | { kind: 'conditional'; condition: Expr; then: Expr; else: Expr }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; key?: Expr; value: Expr; condition?: Expr };

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

class Parser {
  constructor(private readonly text: string, public pos: number) {}

  /** Template text up to `end` (a closing quote) or the end of the text. */
  templateParts(end: '"' | undefined): Part[] {
    const parts: Part[] = [];
    let lit = '';
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (end !== undefined && c === end) break;
      if ((c === '$' || c === '%') && t[this.pos + 1] === c && t[this.pos + 2] === '{') {
        lit += `${c}{`;
        this.pos += 3;
        continue;
      }
      if (c === '%' && t[this.pos + 1] === '{') throw new EvalError(`template directives (%{ … }) are not ones this tool evaluates: `
        + `${JSON.stringify(clip(t.slice(this.pos)))}`);
      if (c === '$' && t[this.pos + 1] === '{') {
        if (lit) parts.push(nfc(lit));
        lit = '';
        this.pos += 2;
        if (t[this.pos] === '~') throw new EvalError('template strip markers (${~) are not ones this tool evaluates');
        const e = this.expression();
        this.skip();
        if (t[this.pos] === '~') throw new EvalError('template strip markers (~}) are not ones this tool evaluates');
        this.expect('}');
        parts.push(e);
        continue;
      }
      if (end !== undefined && c === '\\') {
        lit += this.escape();
        continue;
      }
      lit += c;
      this.pos++;
    }
    if (lit || parts.length === 0) parts.push(nfc(lit));
    return parts;
  }

  private escape(): string {
    const t = this.text;
    const c = t[this.pos + 1];
    this.pos += 2;
    const simple: Record<string, string> = { 'n': '\n', 'r': '\r', 't': '\t', '"': '"', '\\': '\\' };
    if (c in simple) return simple[c];
    if (c === 'u' || c === 'U') {
      const len = c === 'u' ? 4 : 8;
      const hex = t.slice(this.pos, this.pos + len);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) throw new EvalError(`bad \\${c} escape`);
      this.pos += len;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    throw new EvalError(`bad escape \\${c}`);
  }

  private skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private peek(s: string): boolean {
    this.skip();
    return this.text.startsWith(s, this.pos);
  }

  private accept(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }

  private expect(s: string): void {
    if (!this.accept(s)) throw new EvalError(`expected "${s}" at ${this.pos} in `
      + `${JSON.stringify(clip(this.text.slice(Math.max(0, this.pos - 20))))}`);
  }

  private ident(): string | undefined {
    this.skip();
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private keyword(word: string): boolean {
    const save = this.pos;
    if (this.ident() === word) return true;
    this.pos = save;
    return false;
  }

  expression(): Expr {
    const condition = this.or();
    if (this.peek('?')) {
      this.pos++;
      const then = this.expression();
      this.expect(':');
      return { kind: 'conditional', condition, then, else: this.expression() };
    }
    return condition;
  }

  private or(): Expr {
    let left = this.and();
    while (this.accept('||')) left = { kind: 'binary', op: '||', left, right: this.and() };
    return left;
  }

  private and(): Expr {
    let left = this.equality();
    while (this.accept('&&')) left = { kind: 'binary', op: '&&', left, right: this.equality() };
    return left;
  }

  private equality(): Expr {
    const left = this.unary();
    if (this.accept('==')) return { kind: 'binary', op: '==', left, right: this.unary() };
    if (this.accept('!=')) return { kind: 'binary', op: '!=', left, right: this.unary() };
    return left;
  }

  private unary(): Expr {
    if (this.peek('!') && !this.peek('!=')) {
      this.pos++;
      return { kind: 'not', operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(base: Expr): Expr {
    let e = base;
    for (;;) {
      if (this.peek('.') && !this.peek('...')) {
        this.pos++;
        this.skip();
        NUMBER.lastIndex = this.pos;
        const num = /[0-9]/.test(this.text[this.pos] ?? '') ? NUMBER.exec(this.text) : null;
        if (num) {
          this.pos += num[0].length;
          e = { kind: 'index', base: e, key: { kind: 'literal', value: Number(num[0]) } };
          continue;
        }
        const name = this.ident();
        if (name === undefined) throw new EvalError(`expected an attribute name at ${this.pos}`);
        e = { kind: 'attr', base: e, name };
        continue;
      }
      if (this.peek('[')) {
        this.pos++;
        if (this.peek('*')) throw new EvalError('splat expressions ([*]) are not ones this tool evaluates');
        const key = this.expression();
        this.expect(']');
        e = { kind: 'index', base: e, key };
        continue;
      }
      return e;
    }
  }

  private primary(): Expr {
    this.skip();
    const t = this.text;
    const c = t[this.pos];
    if (c === '"') {
      this.pos++;
      const parts = this.templateParts('"');
      if (t[this.pos] !== '"') throw new EvalError('a quoted string is not closed');
      this.pos++;
      return parts.length === 1 && typeof parts[0] === 'string' ? { kind: 'literal', value: parts[0] } : { kind: 'template', parts };
    }
    if (c === '(') {
      this.pos++;
      const e = this.expression();
      this.expect(')');
      return e;
    }
    if (c === '[') {
      this.pos++;
      if (this.keyword('for')) return this.forRest(']');
      const items: Expr[] = [];
      while (!this.accept(']')) {
        items.push(this.expression());
        if (!this.accept(',')) { this.expect(']'); break; }
      }
      return { kind: 'tuple', items };
    }
    if (c === '{') {
      this.pos++;
      if (this.keyword('for')) return this.forRest('}');
      const items: [Expr, Expr][] = [];
      while (!this.accept('}')) {
        const save = this.pos;
        const name = this.ident();
        let key: Expr;
        if (name !== undefined && (this.peek('=') && !this.peek('==') || this.peek(':'))) key = { kind: 'name', name };
        else {
          this.pos = save;
          key = this.expression();
        }
        if (!this.accept('=') && !this.accept(':')) throw new EvalError(`expected "=" or ":" in an object at ${this.pos}`);
        items.push([key, this.expression()]);
        if (!this.accept(',')) { this.expect('}'); break; }
      }
      return { kind: 'object', items };
    }
    if (c === '-' || /[0-9]/.test(c ?? '')) {
      const neg = c === '-';
      if (neg) this.pos++;
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(t);
      if (!m) throw new EvalError(`expected a number at ${this.pos}`);
      this.pos += m[0].length;
      return { kind: 'literal', value: (neg ? -1 : 1) * Number(m[0]) };
    }
    const name = this.ident();
    if (name === undefined) throw new EvalError(`unexpected ${JSON.stringify(c ?? 'end of text')} at ${this.pos} in `
      + `${JSON.stringify(clip(t))}`);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    if (this.peek('(')) {
      this.pos++;
      const args: Expr[] = [];
      while (!this.accept(')')) {
        args.push(this.expression());
        if (this.accept('...')) throw new EvalError('argument expansion (...) is not one this tool evaluates');
        if (!this.accept(',')) { this.expect(')'); break; }
      }
      return { kind: 'call', name, args };
    }
    return { kind: 'name', name };
  }

  private forRest(close: ']' | '}'): Expr {
    const first = this.ident();
    if (first === undefined) throw new EvalError('for: expected a variable name');
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.accept(',')) {
      keyVar = first;
      const v = this.ident();
      if (v === undefined) throw new EvalError('for: expected a second variable name');
      valueVar = v;
    }
    if (!this.keyword('in')) throw new EvalError('for: expected "in"');
    const collection = this.expression();
    this.expect(':');
    let key: Expr | undefined;
    let value = this.expression();
    if (close === '}') {
      this.expect('=>');
      key = value;
      value = this.expression();
      if (this.accept('...')) throw new EvalError('for: grouping (...) is not one this tool evaluates');
    }
    const condition = this.keyword('if') ? this.expression() : undefined;
    this.expect(close);
    return { kind: 'for', keyVar, valueVar, collection, key, value, condition };
  }
}
