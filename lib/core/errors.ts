/**
 * The messages of the shared checks (lib/core/validation.ts, cidr.ts) and of problems every layer
 * can meet: a value of the wrong shape, a token where a literal is needed, props that conflict.
 * Each message names the property, shows the bad value and says what is allowed.
 */
import { defineErrors, problem } from './define-errors';

/** The messages of the shared checks. */
export const CoreErrors = defineErrors({
  notAString: (p: string, v: unknown) => problem(p, v, 'expected a string'),
  emptyString: (p: string, v: unknown) => problem(p, v, 'expected a non-empty string'),
  notAnArray: (p: string, v: unknown) => problem(p, v, 'expected an array'),
  notAnObject: (p: string, v: unknown) => problem(p, v, 'expected an object of string keys'),
  notABoolean: (p: string, v: unknown) => problem(p, v, 'expected true or false'),
  notAnInteger: (p: string, v: unknown, min: number, max?: number) =>
    problem(p, v, max === undefined
      ? `expected a whole number >= ${min}`
      : `expected a whole number from ${min} to ${max}`),
  notOneOf: (p: string, v: unknown, allowed: readonly string[]) =>
    problem(p, v, `allowed values: ${allowed.map((a) => `'${a}'`).join(', ')}`),
  unresolvedToken: (p: string, v: unknown) =>
    problem(p, v, 'this value is rendered into the first-boot payload at synth time, so it must be a literal, not a value known only at '
      + 'apply time'),
  controlCharacters: (p: string, v: unknown) =>
    problem(p, v, 'must be a single line without control characters'),
  lineSeparatorCharacters: (p: string, v: unknown) =>
    problem(p, v, 'must be a single line: U+0085, U+2028 and U+2029 are line breaks for YAML 1.1 parsers (cloud-init, tiny-cloud) and '
      + 'would split it; remove them'),
  invalidUnicode: (p: string, v: unknown) =>
    problem(p, v, 'must be valid Unicode: it holds a lone UTF-16 surrogate, which has no UTF-8 encoding'),
  relativePath: (p: string, v: unknown) =>
    problem(p, v, "expected an absolute path (starting with '/'), without '..' segments, '//' or a trailing '/'"),
  badSshKey: (p: string, v: unknown) =>
    problem(p, v, "expected one OpenSSH public key line such as 'ssh-ed25519 AAAAC3Nza... comment', optionally after authorized_keys "
      + "options such as 'from=\"10.0.0.0/8\",no-pty' (types: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521, "
      + "sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com)"),
  badHostname: (p: string, v: unknown) =>
    problem(p, v, 'expected a host name of DNS labels (letters, digits, hyphens; each label 1-63 characters, at most 253 in all)'),
  badTime: (p: string, v: unknown) =>
    problem(p, v, "expected a 24-hour UTC time 'HH:MM' from '00:00' to '23:59'"),
  badUrl: (p: string, v: unknown) =>
    problem(p, v, "expected an http:// or https:// URL (e.g. 'https://fleetlock.example.com')"),
  badCidr: (p: string, v: unknown, hint?: string) =>
    problem(p, v, `expected an IPv4 or IPv6 CIDR block in network form, e.g. '203.0.113.0/24' or `
      + `'2001:db8::/32'${hint ? `; ${hint}` : ''}`),
  literalRequired: (p: string, v: unknown, why: string) =>
    problem(p, v, `must be a literal value, not a token known only at apply time: ${why}`),
  conflictingProps: (p: string, v: unknown, other: string, why: string) =>
    problem(p, v, `cannot be combined with ${other}: ${why}`),
  emptyList: (p: string, v: unknown, what: string) =>
    problem(p, v, `expected at least one ${what}`),
  unsupportedFeature: (os: string, p: string, v: unknown, alternative: string) =>
    problem(p, v, `${os} cannot express this; ${alternative}`),
  unknownProp: (p: string, v: unknown, nearest: string, known: readonly string[]) =>
    problem(p, v, `not a known property (a typo?): did you mean '${nearest}'? Known: ${known.join(', ')}`),
  duplicateName: (p: string, v: unknown, kind: string, other: string) =>
    problem(p, v, `the construct '${other}' in this app already uses this ${kind}, and two constructs that share one overwrite each `
      + `other's state once deployed to one account; pass a different ${p} to one of them (the defaults are unique per stack and `
      + `construct path)`),
});
