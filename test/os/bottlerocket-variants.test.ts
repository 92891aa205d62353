/** The Bottlerocket ECS variants as data (lib/os/bottlerocket-variants.ts). */
import { Architecture, ContainerOs, HostConfig } from '../../lib';
import { BOTTLEROCKET_VARIANT_DATA, gpuCounterpart, supportedAlternative } from '../../lib/os/bottlerocket-variants';

describe('Bottlerocket ECS variants', () => {
  test('are the aws-ecs-2, -3 and -4 families with their nvidia and fips flavors', () => {
    expect(ContainerOs.BOTTLEROCKET_VARIANTS).toEqual([
      'aws-ecs-2', 'aws-ecs-2-nvidia', 'aws-ecs-2-fips', 'aws-ecs-2-nvidia-fips',
      'aws-ecs-3', 'aws-ecs-3-nvidia', 'aws-ecs-3-fips', 'aws-ecs-3-nvidia-fips',
      'aws-ecs-4', 'aws-ecs-4-nvidia',
    ]);
  });

  test.each(ContainerOs.BOTTLEROCKET_VARIANTS.flatMap((variant) => [Architecture.X86_64, Architecture.ARM64].map((arch) => [variant, arch] as const)))(
    'finds %s on %s through its SSM public parameter', (variant, arch) => {
      expect(ContainerOs.bottlerocket({ variant }).awsImage(arch).ssmParameter).toBe(`/aws/service/bottlerocket/${variant}/${arch}/latest/image_id`);
    });

  test('renders the same settings for every variant (the flavors differ in the image, not in user data)', () => {
    const render = (variant: string) => ContainerOs.bottlerocket({ variant }).renderFirstBoot(new HostConfig()).content;
    for (const variant of ContainerOs.BOTTLEROCKET_VARIANTS) expect(render(variant)).toBe(render('aws-ecs-2'));
  });

  test('warns that aws-ecs-4 is experimental and names the supported variant of the same flavor', () => {
    expect(ContainerOs.bottlerocket({ variant: 'aws-ecs-4-nvidia' }).renderFirstBoot(new HostConfig()).warnings.join('\n'))
      .toContain('Bottlerocket (aws-ecs-4-nvidia): aws-ecs-4-nvidia is an experimental variant (https://github.com/bottlerocket-os/bottlerocket/pull/4840): '
        + 'it may change or be withdrawn without notice; use aws-ecs-3-nvidia for production');
    expect(ContainerOs.bottlerocket({ variant: 'aws-ecs-3' }).renderFirstBoot(new HostConfig()).warnings.join('\n')).not.toContain('experimental');
  });

  test('pairs each variant with its GPU counterpart of the same family and FIPS flavor', () => {
    const pairs = Object.fromEntries(BOTTLEROCKET_VARIANT_DATA.map((v) => [v.name, gpuCounterpart(v)?.name]));
    expect(pairs).toEqual({
      'aws-ecs-2': 'aws-ecs-2-nvidia', 'aws-ecs-2-nvidia': 'aws-ecs-2', 'aws-ecs-2-fips': 'aws-ecs-2-nvidia-fips', 'aws-ecs-2-nvidia-fips': 'aws-ecs-2-fips',
      'aws-ecs-3': 'aws-ecs-3-nvidia', 'aws-ecs-3-nvidia': 'aws-ecs-3', 'aws-ecs-3-fips': 'aws-ecs-3-nvidia-fips', 'aws-ecs-3-nvidia-fips': 'aws-ecs-3-fips',
      'aws-ecs-4': 'aws-ecs-4-nvidia', 'aws-ecs-4-nvidia': 'aws-ecs-4',
    });
    expect(BOTTLEROCKET_VARIANT_DATA.filter((v) => v.status === 'supported').every((v) => supportedAlternative(v)?.status === 'supported')).toBe(true);
  });

  test('fails for a Kubernetes variant, which has no Docker engine, listing the ECS variants', () => {
    expect(() => ContainerOs.bottlerocket({ variant: 'aws-k8s-1.35-nvidia' })).toThrow(/variant: got "aws-k8s-1.35-nvidia"; Bottlerocket has the variants 'aws-ecs-2', 'aws-ecs-2-nvidia',.*'aws-ecs-4-nvidia'/);
  });
});
