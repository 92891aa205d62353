/**
 * The Bottlerocket variants with a Docker engine, the ECS variants, as data. Checked on
 * 2026-12-07 against:
 * - bottlerocket-os/bottlerocket `variants/` (develop): `aws-ecs-2`, `aws-ecs-3` and `aws-ecs-4`,
 *   the first two with `-nvidia`, `-fips` and `-nvidia-fips` flavors, `aws-ecs-4` with `-nvidia`
 *   only; each `variants/<name>/Cargo.toml` names its kernel and packages (`kernel-6.1`,
 *   `kernel-6.12`, `kernel-6.18`; nvidia flavors add `ecs-gpu-init`, `nvidia-container-toolkit-ecs`
 *   and the NVIDIA kernel modules; fips flavors set the `fips` image feature).
 * - `aws-ecs-4` was added as "experimental" (https://github.com/bottlerocket-os/bottlerocket/pull/4840,
 *   merged 2026-05-14).
 * - Architectures: no ECS variant sets `supported-arches` in its Cargo.toml, and buildsys builds a
 *   variant without it for x86_64 and aarch64 (bottlerocket-os/twoliter buildsys manifest docs);
 *   the Amazon ECS developer guide lists SSM parameters of `aws-ecs-2-nvidia` for x86_64 and
 *   arm64 (ecs-bottlerocket-retrieve-ami). UNCERTAIN: published fips AMIs on arm64 for ecs-3/4.
 * - Flavors: "nvidia: adds support for NVIDIA GPUs; fips: adds support for FIPS 140-3 workloads"
 *   (bottlerocket-project-website content/en/os/1.57.x/concepts/variants).
 */

/** One ECS variant. */
export interface BottlerocketVariant {
  /** The variant name, as in the SSM parameter path, e.g. `aws-ecs-3-nvidia`. */
  readonly name: string;
  /** The variant family, e.g. `aws-ecs-3`. */
  readonly family: string;
  /** The kernel line it ships. */
  readonly kernel: string;
  /** True for the NVIDIA flavor: NVIDIA drivers and the ECS agent's GPU support. */
  readonly nvidia: boolean;
  /** True for the FIPS flavor (FIPS 140-3 validated cryptography). */
  readonly fips: boolean;
  /** `experimental` variants may change or go away without notice. */
  readonly status: 'supported' | 'experimental';
}

const family = (base: string, kernel: string, flavors: ReadonlyArray<[boolean, boolean]>, status: BottlerocketVariant['status']): BottlerocketVariant[] =>
  flavors.map(([nvidia, fips]) => ({ name: [base, nvidia ? 'nvidia' : '', fips ? 'fips' : ''].filter(Boolean).join('-'), family: base, kernel, nvidia, fips, status }));

const ALL_FLAVORS: ReadonlyArray<[boolean, boolean]> = [[false, false], [true, false], [false, true], [true, true]];

/** Every ECS variant, oldest family first. */
export const BOTTLEROCKET_VARIANT_DATA: readonly BottlerocketVariant[] = [
  ...family('aws-ecs-2', '6.1', ALL_FLAVORS, 'supported'),
  ...family('aws-ecs-3', '6.12', ALL_FLAVORS, 'supported'),
  ...family('aws-ecs-4', '6.18', [[false, false], [true, false]], 'experimental'),
];

/** The variant the factory picks by default: the oldest supported family, the one Amazon ECS's guide documents first. */
export const BOTTLEROCKET_DEFAULT_VARIANT = 'aws-ecs-2';

/** The record of a known variant (the caller has validated the name). */
export function bottlerocketVariant(name: string): BottlerocketVariant {
  const v = BOTTLEROCKET_VARIANT_DATA.find((x) => x.name === name);
  if (v === undefined) throw new Error(`no Bottlerocket variant data for ${name}`);
  return v;
}

/** The same family and FIPS flavor with or without NVIDIA support, where it exists. */
export function gpuCounterpart(v: BottlerocketVariant): BottlerocketVariant | undefined {
  return BOTTLEROCKET_VARIANT_DATA.find((x) => x.family === v.family && x.fips === v.fips && x.nvidia !== v.nvidia);
}

/** The newest supported variant with the same flavors, for a variant to move to. */
export function supportedAlternative(v: BottlerocketVariant): BottlerocketVariant | undefined {
  return [...BOTTLEROCKET_VARIANT_DATA].reverse().find((x) => x.status === 'supported' && x.nvidia === v.nvidia && x.fips === v.fips);
}

/** The README's variant table (header and one row per variant), from this data. */
export function bottlerocketVariantRows(): string[] {
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  return [
    '| variant | kernel | NVIDIA drivers (GPU types) | FIPS 140-3 | status |',
    '|---|---|---|---|---|',
    ...BOTTLEROCKET_VARIANT_DATA.map((v) => `| \`${v.name}\` | ${v.kernel} | ${yesNo(v.nvidia)} | ${yesNo(v.fips)} | ${v.status} |`),
  ];
}
