/**
 * Offline schema check of synthesized Terraform JSON against the pinned dmacvicar/libvirt provider
 * schemas: 0.8.3 (lib/platforms/libvirt/schema/libvirt-0.8.3-schema.json) and 0.9.7
 * (libvirt-0.9.7-schema.json, the provider's own `terraform providers schema -json`). A document
 * is checked against the schema of the version its `required_providers.libvirt` pins (0.8.3 when
 * it pins none or another one), or the one asked for.
 *
 * There is no libvirt provider binary on the build machines, so `terraform validate` cannot check
 * libvirt stacks. This helper does the part of it that matters for catching construct bugs:
 * every `resource.libvirt_*`, `data.libvirt_*` and `provider.libvirt` body is checked for unknown
 * attribute/block names, missing required attributes, values of the wrong type, block shape and
 * item counts, and user-set computed-only attributes.
 *
 * Rules follow Terraform's JSON configuration syntax, with these choices:
 * - A string containing `${` or `%{` (a template expression) is accepted for any attribute type;
 *   it is never accepted where a block is expected (blocks are not expressions; use `dynamic`).
 * - number attributes also accept numeric strings ("512"), bool attributes "true"/"false":
 *   Terraform converts those. string attributes only accept JSON strings: Terraform would turn
 *   `true` or `5` into "true"/"5", but in a construct library that is almost always a bug.
 * - list/set blocks accept one object (one block) or an array of objects; `single`/`group` blocks
 *   accept an object only; `map` blocks an object of label -> object.
 * - `null` means "not set".
 * - Meta-arguments (`count`, `for_each`, `depends_on`, `lifecycle`, `provider`, `provisioner`,
 *   `connection`; `alias`/`version` for providers) and `//` comment keys are skipped.
 * - `dynamic` blocks are checked: the label must be a block type and `content` is checked against
 *   that block's schema.
 *
 * 0.9.7 has no blocks: every nested thing is a nested attribute (SingleNested: a JSON object;
 * ListNested: a JSON array of objects; Terraform accepts neither for the other). Terraform
 * silently drops unknown keys inside nested attributes, so those are reported like any unknown
 * name. Its literals must be the native type (a JSON number for a number, a boolean for a bool):
 * a schema-correct binding writes no "2048" or "true" strings.
 *
 * Both versions: `lifecycle.ignore_changes` must name arguments of the resource (Terraform refuses
 * unknown ones; a computed-only one is redundant), `lifecycle.replace_triggered_by` must hold plain
 * references to declared resources, and a top-level `import` block must target a libvirt resource
 * the document declares.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The provider versions the library pins, each with a schema. */
export type LibvirtSchemaVersion = '0.8.3' | '0.9.7';
const VERSIONS: readonly LibvirtSchemaVersion[] = ['0.8.3', '0.9.7'];
const DEFAULT_VERSION: LibvirtSchemaVersion = '0.8.3';

const schemaFile = (version: LibvirtSchemaVersion) => path.join(
  __dirname, '..', '..', 'lib', 'platforms', 'libvirt', 'schema', `libvirt-${version}-schema.json`,
);

/** Path of the pinned 0.8.3 schema, relative to this file. */
export const LIBVIRT_SCHEMA_FILE = schemaFile('0.8.3');

const PROVIDER_FQN = 'registry.terraform.io/dmacvicar/libvirt';

type SchemaType = string | [string, unknown];

interface SchemaAttribute {
  type?: SchemaType;
  nested_type?: { nesting_mode: string; attributes: Record<string, SchemaAttribute>; min_items?: number; max_items?: number };
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  deprecated?: boolean;
}

interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, SchemaBlockType>;
}

interface SchemaBlockType {
  nesting_mode: 'single' | 'group' | 'list' | 'set' | 'map';
  block: SchemaBlock;
  min_items?: number;
  max_items?: number;
}

interface ProviderSchema {
  provider: { block: SchemaBlock };
  resource_schemas: Record<string, { block: SchemaBlock }>;
  data_source_schemas: Record<string, { block: SchemaBlock }>;
}

const cachedSchemas = new Map<LibvirtSchemaVersion, ProviderSchema>();

/** The libvirt provider schema of a version from its pinned JSON file (read once). */
export function loadLibvirtSchema(version: LibvirtSchemaVersion = DEFAULT_VERSION): ProviderSchema {
  let schema = cachedSchemas.get(version);
  if (!schema) {
    const file = schemaFile(version);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    schema = doc?.provider_schemas?.[PROVIDER_FQN] as ProviderSchema | undefined;
    if (!schema) throw new Error(`${file} has no provider_schemas["${PROVIDER_FQN}"]`);
    cachedSchemas.set(version, schema);
  }
  return schema;
}

const RESOURCE_META_ARGS = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);
const DATA_META_ARGS = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider']);
const PROVIDER_META_ARGS = new Set(['alias', 'version']);
const NO_META_ARGS = new Set<string>();

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string Terraform evaluates as a template expression (its type is only known at plan time). */
function isExpression(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const unescaped = v.replace(/\$\$\{/g, '').replace(/%%\{/g, '');
  return unescaped.includes('${') || unescaped.includes('%{');
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') {
    const s = JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}..."` : s;
  }
  return String(v);
}

function typeName(t: SchemaType): string {
  if (typeof t === 'string') return t;
  const [kind, arg] = t;
  if (kind === 'object') return `object({${Object.keys(arg as object).join(', ')}})`;
  if (kind === 'tuple') return `tuple([${(arg as SchemaType[]).map(typeName).join(', ')}])`;
  return `${kind}(${typeName(arg as SchemaType)})`;
}

function key(p: string, name: string): string {
  return p ? `${p}.${name}` : name;
}

class Checker {
  public readonly problems: string[] = [];

  /** @param strict literals must be of the native type (0.9.7), not a string Terraform converts */
  constructor(private readonly strict: boolean) {}

  private add(p: string, msg: string) {
    this.problems.push(`${p}: ${msg}`);
  }

  /** Checks a value against a Terraform type constraint. */
  public checkType(p: string, t: SchemaType, v: unknown): void {
    if (v === null || v === undefined) return; // null: unset / null element
    if (isExpression(v)) return;
    if (typeof t === 'string') {
      switch (t) {
        case 'string':
          if (typeof v !== 'string') this.add(p, `expected string, got ${describe(v)}`);
          return;
        case 'number':
          if (typeof v === 'number') {
            if (!Number.isFinite(v)) this.add(p, `expected number, got ${describe(v)}`);
          } else if (this.strict || typeof v !== 'string' || !/^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) {
            this.add(p, `expected number, got ${describe(v)}`);
          }
          return;
        case 'bool':
          if (typeof v !== 'boolean' && (this.strict || (v !== 'true' && v !== 'false'))) this.add(p, `expected bool, got ${describe(v)}`);
          return;
        case 'dynamic':
          return;
        default:
          this.add(p, `schema has an unsupported type ${JSON.stringify(t)}`);
          return;
      }
    }
    const [kind, arg] = t;
    switch (kind) {
      case 'list':
      case 'set':
        if (!Array.isArray(v)) {
          this.add(p, `expected ${typeName(t)}, got ${describe(v)}`);
          return;
        }
        v.forEach((el, i) => this.checkType(`${p}[${i}]`, arg as SchemaType, el));
        return;
      case 'map':
        if (!isPlainObject(v)) {
          this.add(p, `expected ${typeName(t)}, got ${describe(v)}`);
          return;
        }
        for (const [k, el] of Object.entries(v)) this.checkType(`${p}["${k}"]`, arg as SchemaType, el);
        return;
      case 'object': {
        if (!isPlainObject(v)) {
          this.add(p, `expected ${typeName(t)}, got ${describe(v)}`);
          return;
        }
        const attrs = arg as Record<string, SchemaType>;
        for (const [k, el] of Object.entries(v)) {
          if (!(k in attrs)) this.add(key(p, k), `unknown object attribute (expected one of: ${Object.keys(attrs).join(', ')})`);
          else this.checkType(key(p, k), attrs[k], el);
        }
        for (const k of Object.keys(attrs)) {
          if (!(k in v)) this.add(key(p, k), 'missing object attribute');
        }
        return;
      }
      case 'tuple': {
        const elems = arg as SchemaType[];
        if (!Array.isArray(v) || v.length !== elems.length) {
          this.add(p, `expected ${typeName(t)}, got ${describe(v)}`);
          return;
        }
        v.forEach((el, i) => this.checkType(`${p}[${i}]`, elems[i], el));
        return;
      }
      default:
        this.add(p, `schema has an unsupported type ${JSON.stringify(t)}`);
    }
  }

  /** Checks one block body (the object of a resource, a provider config, or a nested block). */
  public checkBody(p: string, block: SchemaBlock, body: unknown, metaArgs: Set<string>): void {
    if (!isPlainObject(body)) {
      this.add(p, `expected a block (an object), got ${describe(body)}`);
      return;
    }
    const attrs = block.attributes ?? {};
    const blocks = block.block_types ?? {};
    for (const [name, value] of Object.entries(body)) {
      const at = key(p, name);
      if (name === '//' || metaArgs.has(name)) continue;
      if (name === 'dynamic') {
        this.checkDynamic(at, blocks, value);
        continue;
      }
      if (name in attrs) {
        this.checkAttribute(at, attrs[name], value);
      } else if (name in blocks) {
        this.checkBlockType(at, blocks[name], value);
      } else {
        this.add(at, 'unknown attribute or block');
      }
    }
    for (const [name, a] of Object.entries(attrs)) {
      if (a.required && (body[name] === undefined || body[name] === null)) {
        this.add(key(p, name), 'missing required attribute');
      }
    }
    for (const [name, bt] of Object.entries(blocks)) {
      const min = bt.min_items ?? 0;
      if (min > 0 && body[name] === undefined && !(isPlainObject(body.dynamic) && name in body.dynamic)) {
        this.add(key(p, name), `missing required block (at least ${min})`);
      }
    }
  }

  private checkAttribute(p: string, a: SchemaAttribute, value: unknown): void {
    if (a.computed && !a.optional && !a.required) {
      this.add(p, 'computed-only attribute cannot be set');
      return;
    }
    if (a.nested_type) {
      this.checkNestedType(p, a.nested_type, value);
      return;
    }
    if (a.type !== undefined) this.checkType(p, a.type, value);
  }

  /** Protocol-6 nested attributes (every nested thing of 0.9.7; none in 0.8.3). */
  private checkNestedType(p: string, nt: NonNullable<SchemaAttribute['nested_type']>, value: unknown): void {
    if (value === null || value === undefined || isExpression(value)) return;
    const block: SchemaBlock = { attributes: nt.attributes ?? {} };
    if (nt.nesting_mode === 'single') {
      if (!isPlainObject(value)) this.add(p, `expected an object (a single nested attribute), got ${describe(value)}`);
      else this.checkBody(p, block, value, NO_META_ARGS);
    } else if (nt.nesting_mode === 'map') {
      if (!isPlainObject(value)) this.add(p, `expected a map of objects, got ${describe(value)}`);
      else for (const [k, el] of Object.entries(value)) this.checkBody(`${p}["${k}"]`, block, el, NO_META_ARGS);
    } else if (!Array.isArray(value)) {
      this.add(p, `expected an array of objects (a list nested attribute), got ${describe(value)}`);
    } else {
      value.forEach((el, i) => this.checkBody(`${p}[${i}]`, block, el, NO_META_ARGS));
      this.checkCount(p, value.length, nt.min_items, nt.max_items);
    }
  }

  private checkCount(p: string, n: number, min: number | undefined, max: number | undefined) {
    if (max !== undefined && max > 0 && n > max) this.add(p, `too many blocks: ${n} given, at most ${max} allowed`);
    if (min !== undefined && min > 0 && n < min) this.add(p, `too few blocks: ${n} given, at least ${min} required`);
  }

  private checkBlockType(p: string, bt: SchemaBlockType, value: unknown): void {
    if (value === null) return; // JSON null: no block
    switch (bt.nesting_mode) {
      case 'single':
      case 'group':
        if (!isPlainObject(value)) {
          this.add(p, `expected a single block (an object), got ${describe(value)}`);
          return;
        }
        this.checkBody(p, bt.block, value, NO_META_ARGS);
        return;
      case 'map':
        if (!isPlainObject(value)) {
          this.add(p, `expected blocks keyed by label (an object), got ${describe(value)}`);
          return;
        }
        for (const [label, el] of Object.entries(value)) this.checkBody(`${p}["${label}"]`, bt.block, el, NO_META_ARGS);
        return;
      case 'list':
      case 'set':
        if (isPlainObject(value)) {
          this.checkBody(p, bt.block, value, NO_META_ARGS);
          this.checkCount(p, 1, bt.min_items, bt.max_items);
        } else if (Array.isArray(value)) {
          value.forEach((el, i) => this.checkBody(`${p}[${i}]`, bt.block, el, NO_META_ARGS));
          this.checkCount(p, value.length, bt.min_items, bt.max_items);
        } else {
          this.add(p, `expected a block (an object) or an array of blocks, got ${describe(value)}`);
        }
        return;
      default:
        this.add(p, `schema has an unsupported nesting mode ${JSON.stringify(bt.nesting_mode)}`);
    }
  }

  /** `"dynamic": { "<block type>": { "for_each": ..., "iterator"?: ..., "labels"?: ..., "content": {...} } }` */
  private checkDynamic(p: string, blocks: Record<string, SchemaBlockType>, value: unknown): void {
    if (!isPlainObject(value)) {
      this.add(p, `expected an object of dynamic blocks, got ${describe(value)}`);
      return;
    }
    for (const [name, specs] of Object.entries(value)) {
      const at = key(p, name);
      if (!(name in blocks)) {
        this.add(at, 'unknown block type for dynamic block');
        continue;
      }
      const list = Array.isArray(specs) ? specs : [specs];
      list.forEach((spec, i) => {
        const sp = Array.isArray(specs) ? `${at}[${i}]` : at;
        if (!isPlainObject(spec)) {
          this.add(sp, `expected a dynamic block (an object), got ${describe(spec)}`);
          return;
        }
        for (const k of Object.keys(spec)) {
          if (!['for_each', 'iterator', 'labels', 'content', '//'].includes(k)) this.add(key(sp, k), 'unknown dynamic block argument');
        }
        if (spec.for_each === undefined) this.add(key(sp, 'for_each'), 'missing required dynamic block argument');
        if (spec.content === undefined) this.add(key(sp, 'content'), 'missing required dynamic block argument');
        else this.checkBody(key(sp, 'content'), blocks[name].block, spec.content, NO_META_ARGS);
      });
    }
  }
}

function forEachLabelled(
  p: string,
  entries: unknown,
  checker: Checker,
  fn: (at: string, body: unknown) => void,
): void {
  if (!isPlainObject(entries)) {
    checker.problems.push(`${p}: expected an object keyed by name, got ${describe(entries)}`);
    return;
  }
  for (const [name, body] of Object.entries(entries)) {
    if (Array.isArray(body)) body.forEach((b, i) => fn(`${p}.${name}[${i}]`, b));
    else fn(`${p}.${name}`, body);
  }
}

/** What `checkLibvirtSchema` checks against. */
export interface LibvirtSchemaCheckOptions {
  /**
   * The provider version whose schema applies.
   * @default - the version the document's `required_providers.libvirt` pins, when it is
   * dmacvicar/libvirt at a version with a pinned schema; otherwise 0.8.3
   */
  readonly version?: LibvirtSchemaVersion;
}

/** The version a document pins for dmacvicar/libvirt, when it is one with a schema. */
export function pinnedLibvirtVersion(doc: unknown): LibvirtSchemaVersion | undefined {
  const terraform = isPlainObject(doc) && isPlainObject(doc.terraform) ? doc.terraform : undefined;
  const req = terraform && isPlainObject(terraform.required_providers) ? terraform.required_providers.libvirt : undefined;
  if (!isPlainObject(req)) return undefined;
  const source = String(req.source ?? '').toLowerCase().replace(/^registry\.terraform\.io\//, '');
  const exact = typeof req.version === 'string' ? req.version.trim().match(/^=?\s*(\d+\.\d+\.\d+)$/) : null;
  return source === 'dmacvicar/libvirt' && exact && VERSIONS.includes(exact[1] as LibvirtSchemaVersion) ? exact[1] as LibvirtSchemaVersion : undefined;
}

/** The schema of an attribute path inside a resource (`a.b.c` or `a["b"]`), or a reason it has none. */
function attributeAt(block: SchemaBlock, reference: string): SchemaAttribute | SchemaBlockType | string {
  const segments = reference.replace(/\[("[^"]*"|\d+)\]/g, '').split('.');
  let attrs = block.attributes ?? {};
  let blocks = block.block_types ?? {};
  let found: SchemaAttribute | SchemaBlockType | undefined;
  for (const seg of segments) {
    if (seg in attrs) {
      found = attrs[seg];
      const nested = (found as SchemaAttribute).nested_type;
      attrs = nested?.attributes ?? {};
      blocks = {};
    } else if (seg in blocks) {
      found = blocks[seg];
      attrs = (found as SchemaBlockType).block.attributes ?? {};
      blocks = (found as SchemaBlockType).block.block_types ?? {};
    } else {
      return `no argument "${seg}"`;
    }
  }
  return found ?? 'empty reference';
}

/**
 * `lifecycle.replace_triggered_by`: Terraform parses each JSON string as an HCL expression, so an
 * entry is a plain reference (`type.name`, `type.name[each.key]`, `type.name.attr`), never a
 * `${...}` template (terraform 1.11: "Invalid character"), to a resource the document declares.
 */
function checkReplaceTriggeredBy(checker: Checker, at: string, lifecycle: Record<string, unknown>, resources: Record<string, unknown>): void {
  const triggers = lifecycle.replace_triggered_by;
  if (triggers === undefined) return;
  if (!Array.isArray(triggers)) {
    checker.problems.push(`${at}.lifecycle.replace_triggered_by: expected a list of resource references, got ${describe(triggers)}`);
    return;
  }
  triggers.forEach((ref, i) => {
    const p = `${at}.lifecycle.replace_triggered_by[${i}]`;
    const m = typeof ref === 'string' ? ref.match(/^([a-z0-9_]+)\.([A-Za-z0-9_-]+)(\[[^\]]+\])?(\.[a-z0-9_.]+)?$/) : null;
    if (!m) {
      checker.problems.push(`${p}: expected a plain resource reference such as "type.name[each.key]" (no \${...}), got ${describe(ref)}`);
      return;
    }
    const declared = resources[m[1]];
    if (!isPlainObject(declared) || !(m[2] in declared)) checker.problems.push(`${p}: ${m[1]}.${m[2]} is not declared in this document`);
  });
}

/** `lifecycle.ignore_changes`: each entry an argument of the resource (Terraform rejects others). */
function checkLifecycle(checker: Checker, at: string, block: SchemaBlock, body: unknown, resources: Record<string, unknown>): void {
  if (!isPlainObject(body) || !isPlainObject(body.lifecycle)) return;
  checkReplaceTriggeredBy(checker, at, body.lifecycle, resources);
  const ignore = body.lifecycle.ignore_changes;
  if (ignore === undefined || ignore === 'all') return;
  if (!Array.isArray(ignore)) {
    checker.problems.push(`${at}.lifecycle.ignore_changes: expected a list of argument names or "all", got ${describe(ignore)}`);
    return;
  }
  ignore.forEach((ref, i) => {
    const p = `${at}.lifecycle.ignore_changes[${i}]`;
    if (typeof ref !== 'string') {
      checker.problems.push(`${p}: expected an argument name, got ${describe(ref)}`);
      return;
    }
    const found = attributeAt(block, ref);
    if (typeof found === 'string') checker.problems.push(`${p}: ${JSON.stringify(ref)} is not an argument of this resource (${found})`);
    else if ('computed' in found && found.computed && !found.optional && !found.required) {
      checker.problems.push(`${p}: ${JSON.stringify(ref)} is computed-only (ignoring its changes is redundant)`);
    }
  });
}

/** Top-level `import` blocks (Terraform 1.5+): each `to` a libvirt resource of the document, with an `id`. */
function checkImports(checker: Checker, doc: Record<string, unknown>): void {
  const imports = doc.import;
  if (imports === undefined) return;
  const list = Array.isArray(imports) ? imports : [imports];
  const resources = isPlainObject(doc.resource) ? doc.resource : {};
  list.forEach((imp, i) => {
    const p = `import[${i}]`;
    if (!isPlainObject(imp)) {
      checker.problems.push(`${p}: expected an import block (an object), got ${describe(imp)}`);
      return;
    }
    const to = typeof imp.to === 'string' ? imp.to.match(/^(libvirt_[a-z0-9_]+)\.([A-Za-z0-9_-]+)(\[.*\])?$/) : null;
    if (!to) {
      if (typeof imp.to !== 'string' || imp.to.startsWith('libvirt_')) checker.problems.push(`${p}.to: expected a libvirt resource address, got ${describe(imp.to ?? null)}`);
      return;
    }
    const types = resources[to[1]];
    if (!isPlainObject(types) || !(to[2] in types)) checker.problems.push(`${p}.to: ${to[1]}.${to[2]} is not declared in this document`);
    if (typeof imp.id !== 'string' || imp.id === '') checker.problems.push(`${p}.id: expected the id to import, got ${describe(imp.id ?? null)}`);
  });
}

/**
 * Checks the libvirt parts of a synthesized Terraform JSON document (e.g. `Testing.synth(stack)` or
 * a `cdk.tf.json`) against a pinned libvirt schema (see `LibvirtSchemaCheckOptions`).
 *
 * @returns human-readable problems sorted by path, each starting with its path, e.g.
 *   `resource.libvirt_domain.web_host.disk[1].volume_id: expected string, got true`; empty means OK.
 */
export function checkLibvirtSchema(synthesizedJson: string | object, options: LibvirtSchemaCheckOptions = {}): string[] {
  const doc: unknown = typeof synthesizedJson === 'string' ? JSON.parse(synthesizedJson) : synthesizedJson;
  if (!isPlainObject(doc)) return [`(root): expected a Terraform JSON object, got ${describe(doc)}`];
  const version = options.version ?? pinnedLibvirtVersion(doc) ?? DEFAULT_VERSION;
  const checker = new Checker(version !== '0.8.3');
  const schema = loadLibvirtSchema(version);

  for (const [section, schemas, metaArgs, what] of [
    ['resource', schema.resource_schemas, RESOURCE_META_ARGS, 'resource type'],
    ['data', schema.data_source_schemas, DATA_META_ARGS, 'data source'],
  ] as const) {
    const types = doc[section];
    if (types === undefined) continue;
    if (!isPlainObject(types)) {
      checker.problems.push(`${section}: expected an object, got ${describe(types)}`);
      continue;
    }
    for (const [type, instances] of Object.entries(types)) {
      if (!type.startsWith('libvirt_')) continue;
      const tp = `${section}.${type}`;
      const s = schemas[type];
      if (!s) {
        checker.problems.push(`${tp}: unknown ${what} in dmacvicar/libvirt ${version}`);
        continue;
      }
      forEachLabelled(tp, instances, checker, (at, body) => {
        checker.checkBody(at, s.block, body, metaArgs);
        checkLifecycle(checker, at, s.block, body, isPlainObject(doc.resource) ? doc.resource : {});
      });
    }
  }
  checkImports(checker, doc);

  const providers = isPlainObject(doc.provider) ? doc.provider : undefined;
  if (providers && providers.libvirt !== undefined) {
    const cfgs = providers.libvirt;
    if (Array.isArray(cfgs)) {
      cfgs.forEach((c, i) => checker.checkBody(`provider.libvirt[${i}]`, schema.provider.block, c, PROVIDER_META_ARGS));
    } else {
      checker.checkBody('provider.libvirt', schema.provider.block, cfgs, PROVIDER_META_ARGS);
    }
  }

  // The schema is one version's of dmacvicar/libvirt: a different source would make Terraform
  // install another provider (e.g. hashicorp/libvirt), an exact other version another schema.
  const terraform = isPlainObject(doc.terraform) ? doc.terraform : undefined;
  const rp = terraform && isPlainObject(terraform.required_providers) ? terraform.required_providers : undefined;
  if (rp && rp.libvirt !== undefined) {
    const req = rp.libvirt;
    if (!isPlainObject(req)) {
      checker.problems.push(`terraform.required_providers.libvirt: expected an object with source and version, got ${describe(req)}`);
    } else {
      const source = String(req.source ?? '').toLowerCase().replace(/^registry\.terraform\.io\//, '');
      if (source !== 'dmacvicar/libvirt') {
        checker.problems.push(`terraform.required_providers.libvirt.source: expected "dmacvicar/libvirt", got ${describe(req.source ?? null)}`);
      }
      const pinned = typeof req.version === 'string' ? req.version.trim() : undefined;
      const exact = pinned?.match(/^=?\s*(\d+\.\d+\.\d+)$/);
      if (exact && exact[1] !== version) {
        checker.problems.push(`terraform.required_providers.libvirt.version: the schema is for ${version}, got ${describe(pinned)}`);
      }
    }
  }

  // sorted by path, so the result does not depend on the key order of the document
  return [...checker.problems].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Asserts that {@link checkLibvirtSchema} finds no problem; otherwise throws an error listing them
 * all (fails the calling jest test with the list as its message).
 */
export function expectValidLibvirtStack(synthesizedJson: string | object, options: LibvirtSchemaCheckOptions = {}): void {
  const problems = checkLibvirtSchema(synthesizedJson, options);
  if (problems.length > 0) {
    const doc = typeof synthesizedJson === 'string' ? JSON.parse(synthesizedJson) : synthesizedJson;
    const version = options.version ?? pinnedLibvirtVersion(doc) ?? DEFAULT_VERSION;
    throw new Error(
      `libvirt schema check (dmacvicar/libvirt ${version}) found ${problems.length} problem(s):\n` +
      problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}
