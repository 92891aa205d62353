/**
 * What the tests of the OS × platform seam share: one stack with both providers, the props of a
 * small AWS fleet, and the FleetConfigError a call throws.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { AwsImage, ContainerOs, FleetConfigErrors, LibvirtProvider } from '../../lib';
import { FleetConfigError } from '../../lib/core/fleet-config-error';

/** A small AWS fleet with a pinned image. */
export const awsProps = () => ({
  os: ContainerOs.flatcar(), hostCount: 2, instanceType: 't3.small', vpcId: 'vpc-0123456789abcdef0',
  subnetIds: ['subnet-0123456789abcdef0'], image: AwsImage.pinned('ami-0123456789abcdef0'),
});

/** A stack `web-prod` with an AWS and a libvirt provider. */
export function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'web-prod');
  new AwsProvider(s, 'aws', { region: 'us-east-1' });
  new LibvirtProvider(s, 'libvirt', { uri: 'qemu:///system' });
  return s;
}

/** The FleetConfigError `fn` throws (any other error is thrown on; none fails the test). */
export function thrown(fn: () => unknown): FleetConfigError {
  try {
    fn();
  } catch (e) {
    if (FleetConfigErrors.isFleetConfigError(e)) return e as FleetConfigError;
    throw e;
  }
  throw new Error('expected a FleetConfigError, nothing was thrown');
}
