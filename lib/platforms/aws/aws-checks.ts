/**
 * Input checks of the AWS platform layer. Values that are unresolved cdktf tokens (known only at
 * apply time) are never validated as literals.
 */
import { Token } from 'cdktf';
import { parseCidr } from '../../core/cidr';
import { defaultName, NamedConstruct } from '../../core/default-names';
import { escapeTemplate } from '../../core/terraform-text';
import { requireRecord, requireString } from '../../core/validation';
import { CoreErrors } from '../../core/errors';
import { AwsErrors } from './errors';
import { Architecture } from '../../os/enums';

/** Splits a CIDR list into IPv4 and IPv6 blocks; unresolved elements are taken as IPv4. */
export function splitCidrs(property: string, value: unknown): { ipv4: string[]; ipv6: string[] } {
  if (Token.isUnresolved(value)) return { ipv4: value as string[], ipv6: [] };
  if (!Array.isArray(value)) throw CoreErrors.notAnArray(property, value);
  const ipv4: string[] = [];
  const ipv6: string[] = [];
  value.forEach((c, i) => {
    if (typeof c === 'string' && Token.isUnresolved(c)) {
      ipv4.push(c);
      return;
    }
    const parsed = parseCidr(`${property}[${i}]`, c);
    const list = parsed.ipv6 ? ipv6 : ipv4;
    if (!list.includes(parsed.cidr)) list.push(parsed.cidr);
  });
  return { ipv4, ipv6 };
}

const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

export function requireInstanceType(property: string, value: unknown): string {
  if (typeof value !== 'string') throw AwsErrors.badInstanceType(property, value);
  if (Token.isUnresolved(value)) return value;
  if (!INSTANCE_TYPE.test(value)) throw AwsErrors.badInstanceType(property, value);
  return value;
}

/**
 * The CPU architecture of an instance type, from its name. AWS's naming convention marks
 * Graviton (arm64) types with a `g` among the attribute letters after the generation digit
 * (t4g, m6g, m7gd, c7gn, r8g, x2gd, im4gn, is4gen, g5g, hpc7g); `a1` is the first-generation
 * Arm type, and `mac2*` are Apple-silicon Macs. Everything else is x86_64.
 * UNCERTAIN (rule, not a list): AWS "Amazon EC2 instance type naming conventions" (instance
 * types guide: attribute letter "g – AWS Graviton processors"), aws/aws-graviton-getting-started
 * README's family list (C6g[d], M6g[d], R6g[d], T4g, X2gd, C6gn, I4g, Im4gn, Is4gen, G5g, C7g[d][n],
 * M7g[d], R7g[d], R8g). A future family that breaks the convention would be misclassified.
 */
export function instanceTypeArchitecture(instanceType: string): Architecture {
  const family = instanceType.split('.')[0];
  if (family === 'a1' || family.startsWith('mac2')) return Architecture.ARM64;
  const m = /^[a-z]+\d+([a-z0-9-]*)$/.exec(family);
  if (m && /g/.test(m[1].split('-')[0])) return Architecture.ARM64;
  return Architecture.X86_64;
}

export function requireAwsId(property: string, value: unknown, prefix: string): string {
  if (typeof value !== 'string') throw AwsErrors.badAwsId(property, value, prefix);
  if (Token.isUnresolved(value)) return value;
  if (!new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(value)) throw AwsErrors.badAwsId(property, value, prefix);
  return value;
}

/** A list of AWS ids; an unresolved list or element is passed through. */
export function requireAwsIdList(property: string, value: unknown, prefix: string, what: string, allowEmpty: boolean): string[] {
  if (Token.isUnresolved(value)) return value as string[];
  if (!Array.isArray(value)) throw CoreErrors.notAnArray(property, value);
  if (!allowEmpty && value.length === 0) throw CoreErrors.emptyList(property, value, what);
  return value.map((v, i) => requireAwsId(`${property}[${i}]`, v, prefix));
}

/** A whole number within bounds, or an unresolved number token. */
export function requireIntegerOrToken(property: string, value: unknown, min: number, max?: number): number {
  if (typeof value === 'number' && Token.isUnresolved(value)) return value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    throw CoreErrors.notAnInteger(property, value, min, max);
  }
  return value;
}

export function isLiteralNumber(value: number): boolean {
  return !Token.isUnresolved(value);
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function requireBucketName(property: string, value: unknown): string {
  if (typeof value !== 'string' || Token.isUnresolved(value) || !BUCKET.test(value) || value.includes('..')) {
    throw AwsErrors.badBucketName(property, value);
  }
  return value;
}

/** An array, or an unresolved list token. */
export function requireArrayOrToken(property: string, value: unknown): number[] {
  if (Token.isUnresolved(value)) return value as number[];
  if (!Array.isArray(value)) throw CoreErrors.notAnArray(property, value);
  return value;
}

const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]+\/[0-9a-f]+$/;

/** ELB target group ARNs (an unresolved list or element passes). */
export function requireArnList(property: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (Token.isUnresolved(value)) return value as string[];
  if (!Array.isArray(value)) throw CoreErrors.notAnArray(property, value);
  return value.map((v, i) => {
    if (typeof v === 'string' && (Token.isUnresolved(v) || TARGET_GROUP_ARN.test(v))) return v;
    throw AwsErrors.badTargetGroupArn(`${property}[${i}]`, v);
  });
}

/** A KMS key ARN (a token passes). */
export function requireKmsKeyArn(property: string, value: unknown): string {
  const s = requireString(property, value);
  if (Token.isUnresolved(s)) return s;
  if (!/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/.test(s)) throw AwsErrors.badKmsKeyArn(property, value);
  return s;
}

/** `0.0.0.0/0` or `::/0`. */
export function isWorldCidr(c: string): boolean {
  return c === '0.0.0.0/0' || c === '::/0';
}

/** True when the CIDR lists open to the whole internet. */
export function isWorld(c: { ipv4: string[]; ipv6: string[] }): boolean {
  return [...c.ipv4, ...c.ipv6].some((x) => typeof x === 'string' && isWorldCidr(x));
}

/**
 * The fleet's `name` prop, or a default unique per stack and construct path: the construct id
 * and a hash of the path (`web-1d2e3f`), at most 32 characters, so that fleets with one id in two
 * stacks (staging and prod in one account) get distinct ECS clusters, log groups and task families.
 */
export function fleetName(value: unknown, scope: NamedConstruct): string {
  if (value === undefined) return defaultName(scope, { maxLength: 32, fallback: 'docker-fleet' });
  const s = requireString('name', value);
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/.test(s)) throw AwsErrors.badFleetName('name', value);
  return s;
}

/** A Terraform duration as wait_for_capacity_timeout takes it (Go time.ParseDuration): '10m', '1h30m', '0'. */
export function requireDuration(property: string, value: unknown): string {
  const s = requireString(property, value);
  if (Token.isUnresolved(s)) return s;
  if (!/^(0|(?=\d)(\d+h)?(\d+m)?(\d+s)?)$/.test(s)) throw AwsErrors.badDuration(property, value);
  return s;
}

/** AWS: at most 50 tags per resource, the fleet adds Name; keys up to 128, values up to 256 characters. */
const MAX_USER_TAGS = 49;

/** The user's `tags`, checked against the EC2 tag rules and escaped for Terraform. */
export function tagsOf(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  const r = requireRecord('tags', value);
  const out: Record<string, string> = {};
  const keys = Object.keys(r).sort();
  if (keys.length > MAX_USER_TAGS) throw AwsErrors.badTag('tags', `${keys.length} tags`, `AWS allows 50 tags per resource and the fleet `
    + `adds Name, so at most ${MAX_USER_TAGS}`);
  for (const k of keys) {
    if (k === 'Name') throw AwsErrors.reservedTag('tags.Name', r[k]);
    if (/^aws:/i.test(k)) throw AwsErrors.badTag(`tags.${k}`, k, "tag keys starting with 'aws:' are reserved for AWS and refused by the "
      + "API");
    if (k.length === 0 || k.length > 128) throw AwsErrors.badTag(`tags.${k}`, k, 'tag keys have 1-128 characters');
    const v = requireString(`tags.${k}`, r[k], { allowEmpty: true });
    if (!Token.isUnresolved(v) && v.length > 256) throw AwsErrors.badTag(`tags.${k}`, v, 'tag values have at most 256 characters');
    out[escapeTemplate(k)] = escapeTemplate(v);
  }
  return out;
}
