/**
 * Which EC2 instance families carry NVIDIA GPUs, and the check that an OS image with (or without)
 * NVIDIA drivers gets a fitting instance type. Families from the EC2 accelerated computing pages
 * (https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html, "GPU instances"; checked 2026-12-07):
 * G3/G3s (M60), G4dn (T4), G5 (A10G), G5g (T4G, Graviton), G6 (L4), G6e (L40S), G6f and Gr6/Gr6f
 * (L4), P3/P3dn (V100), P4d/P4de (A100), P5/P5e/P5en (H100/H200), P6-B200, P6-B300, P6e-GB200.
 * Left out: P2 (K80), which the Bottlerocket nvidia variants' drivers no longer drive
 * (https://github.com/bottlerocket-os/bottlerocket/pull/2286: "the NVIDIA Tesla K80 ... is supported
 * through the NVIDIA 470.xx Legacy drivers").
 */
import { AwsErrors } from './errors';

/** Instance families with NVIDIA GPUs the current NVIDIA data-center drivers support. */
export const NVIDIA_GPU_FAMILIES: readonly string[] = [
  'g3', 'g3s', 'g4dn', 'g5', 'g5g', 'g6', 'g6e', 'g6f', 'gr6', 'gr6f',
  'p3', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en', 'p6-b200', 'p6-b300', 'p6e-gb200',
];

/** GPU families whose GPUs are not NVIDIA's: G4ad (AMD Radeon Pro V520). */
export const OTHER_GPU_FAMILIES: readonly string[] = ['g4ad'];

/** The family of an instance type, e.g. `g5` for `g5.xlarge`, `p6-b200` for `p6-b200.48xlarge`. */
export function instanceFamily(instanceType: string): string {
  return instanceType.split('.')[0];
}

/** The GPU an OS image drives, from its AWS traits (`AwsTraits.gpu`). */
export interface GpuDrivers {
  readonly drivers: 'nvidia' | 'none';
  readonly alternative?: string;
}

/**
 * Checks a literal instance type against the GPU drivers of the OS image; returns a warning or
 * undefined, or throws.
 *
 * - NVIDIA drivers on a type without an NVIDIA GPU is an **error**: the ECS agent's GPU support
 *   needs the NVIDIA driver to find a GPU and the agent does not start without one
 *   (https://github.com/aws/amazon-ecs-agent/issues/2424, the same agent and GPU setup as
 *   Bottlerocket's nvidia variants), so no host would ever join the fleet's cluster. A family that
 *   looks like a GPU family (`g…`, `gr…`, `p…`) but is not in the data above only warns: it may be
 *   an NVIDIA family newer than this list, and legitimate input is never refused.
 * - No NVIDIA drivers on an NVIDIA GPU type is a **warning**: the hosts work and run their
 *   containers, but the GPUs they are paid for stay unusable, which is almost always a mistake
 *   (yet legal, e.g. for the instance storage or network of a GPU type).
 */
export function checkGpuDrivers(property: string, instanceType: string, os: string, gpu: GpuDrivers): string | undefined {
  const family = instanceFamily(instanceType);
  const nvidia = NVIDIA_GPU_FAMILIES.includes(family);
  const instead = gpu.alternative === undefined ? '' : `; use ${gpu.alternative}`;
  if (gpu.drivers === 'none') {
    return nvidia ? `${property} ${instanceType} has NVIDIA GPUs, but ${os} has no NVIDIA drivers, so they stay unused${instead}` : undefined;
  }
  if (nvidia) return undefined;
  if (!OTHER_GPU_FAMILIES.includes(family) && /^(g|gr|p)\d/.test(family)) {
    return `${property} ${instanceType} is not in this library's list of NVIDIA GPU instance families (${NVIDIA_GPU_FAMILIES.join(', ')}); `
      + `unless it has an NVIDIA GPU, ${os}'s ECS agent will not start`;
  }
  throw AwsErrors.nvidiaVariantWithoutGpu(property, instanceType, os, gpu.alternative);
}
