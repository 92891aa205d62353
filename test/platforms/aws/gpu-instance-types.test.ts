/** The GPU check of AwsDockerFleet (lib/platforms/aws/gpu-instance-types.ts). */
import { TerraformVariable } from 'cdktf';
import { Architecture, AwsDockerFleet, AwsDockerFleetProps, ContainerOs } from '../../../lib';
import { thrownCode } from '../../helpers/error-codes';
import { awsStack, baseProps, synthFleet, warningsOf } from './aws-fixtures';

const fleet = (variant: string, instanceType: string, extra: Partial<AwsDockerFleetProps> = {}) =>
  synthFleet({ ...baseProps('bottlerocket'), os: ContainerOs.bottlerocket({ variant }), instanceType, ...extra });
const gpuWarnings = (variant: string, instanceType: string, extra: Partial<AwsDockerFleetProps> = {}) =>
  warningsOf(fleet(variant, instanceType, extra).fleet).filter((w) => /GPU|NVIDIA/.test(w));

describe('GPU instance types and Bottlerocket variants', () => {
  test.each([
    ['aws-ecs-2-nvidia', 'g4dn.xlarge'], ['aws-ecs-3-nvidia', 'g6e.2xlarge'], ['aws-ecs-3-nvidia-fips', 'p5.48xlarge'],
    ['aws-ecs-4-nvidia', 'p6-b200.48xlarge'], ['aws-ecs-2', 'm7i.large'], ['aws-ecs-3-fips', 'c7i.large'],
  ])('accepts %s on %s without a GPU warning', (variant, type) => {
    expect(gpuWarnings(variant, type)).toEqual([]);
  });

  test('accepts an nvidia variant on g5g, the Graviton GPU type', () => {
    expect(gpuWarnings('aws-ecs-2-nvidia', 'g5g.xlarge', { architecture: Architecture.ARM64 })).toEqual([]);
  });

  test.each([['aws-ecs-2-nvidia', 't3.small'], ['aws-ecs-3-nvidia-fips', 'm7g.large'], ['aws-ecs-4-nvidia', 'g4ad.xlarge'], ['aws-ecs-3-nvidia', 'inf2.xlarge']])(
    'fails for %s on %s, which has no NVIDIA GPU, naming the variant without NVIDIA drivers', (variant, type) => {
      const arch = type.startsWith('m7g') ? { architecture: Architecture.ARM64 } : {};
      expect(thrownCode(() => fleet(variant, type, arch))).toBe('NVIDIA_VARIANT_WITHOUT_GPU');
    });

  test('says why an nvidia variant cannot run on a type without a GPU and what to use instead', () => {
    expect(() => fleet('aws-ecs-3-nvidia', 't3.small')).toThrow("web: instanceType: got \"t3.small\"; Bottlerocket (aws-ecs-3-nvidia) needs an instance type with an NVIDIA GPU "
      + '(e.g. g4dn, g5, g6, p5; g5g on arm64): its ECS agent does not start without one, so no host would join the cluster; '
      + "pick a GPU type or use ContainerOs.bottlerocket({ variant: 'aws-ecs-3' })");
  });

  test('warns when a GPU type gets a variant without NVIDIA drivers, naming the nvidia variant', () => {
    expect(gpuWarnings('aws-ecs-3-fips', 'g5.xlarge')).toEqual([
      "instanceType g5.xlarge has NVIDIA GPUs, but Bottlerocket (aws-ecs-3-fips) has no NVIDIA drivers, so they stay unused; use ContainerOs.bottlerocket({ variant: 'aws-ecs-3-nvidia-fips' })",
    ]);
  });

  test('only warns for an nvidia variant on a GPU-like family the data does not know yet', () => {
    expect(gpuWarnings('aws-ecs-3-nvidia', 'g9x.xlarge')).toEqual([expect.stringMatching(/^instanceType g9x\.xlarge is not in this library's list of NVIDIA GPU instance families \(g3, .*\); unless it has an NVIDIA GPU, Bottlerocket \(aws-ecs-3-nvidia\)'s ECS agent will not start$/)]);
  });

  test('does not check an instance type given as a token', () => {
    const stack = awsStack();
    const type = new TerraformVariable(stack, 'type', { type: 'string' }).stringValue;
    expect(() => new AwsDockerFleet(stack, 'web', { ...baseProps('bottlerocket'), os: ContainerOs.bottlerocket({ variant: 'aws-ecs-3-nvidia' }), instanceType: type })).not.toThrow();
  });

  test('leaves other OSes alone on GPU types: they can load drivers themselves', () => {
    expect(warningsOf(synthFleet({ ...baseProps('flatcar'), instanceType: 'g5.xlarge' }).fleet).filter((w) => /GPU/.test(w))).toEqual([]);
  });
});
