/**
 * Props a fleet does not know (a typo from plain JavaScript, or `as any`) are refused with the
 * nearest known name; the lists of known props are the props interfaces' members.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import { FleetConfigErrors, LibvirtDockerFleet, LibvirtProvider09 } from '../../lib';
import { AWS_FLEET_PROPS } from '../../lib/platforms/aws/aws-fleet-plan';
import { LIBVIRT_FLEET_PROPS } from '../../lib/platforms/libvirt/libvirt-fleet-plan';
import { AwsDockerFleet } from '../../lib';
import { awsStack, baseProps } from '../platforms/aws/aws-fixtures';
import { nearestName } from '../../lib/core/unknown-props';
import { thrown } from '../helpers/error-codes';


function members(file: string): string[] {
  return [...readFileSync(join(__dirname, '../../lib', file), 'utf8').matchAll(/^ {2}readonly ([a-zA-Z]+)\??:/gm)].map((m) => m[1]).sort();
}

describe('unknown props', () => {
  test('fails on a misspelt AwsDockerFleet prop, suggesting the nearest known one', () => {
    const e = thrown(() => new AwsDockerFleet(awsStack(), 'web', { ...baseProps('fcos'), ingresPorts: [80] } as any));
    expect(FleetConfigErrors.codeOf(e)).toBe('UNKNOWN_PROP');
    expect(e.message).toMatch(/^fleet-stack\/web: ingresPorts: got \[80\]; not a known property \(a typo\?\): did you mean 'ingressPorts'\?/);
  });

  test('fails on a misspelt LibvirtDockerFleet prop', () => {
    const stack = new TerraformStack(new App({ outdir: '/tmp/unused-outdir' }), 'lab');
    new LibvirtProvider09(stack, 'libvirt', { uri: 'qemu:///system' });
    const e = thrown(() => new LibvirtDockerFleet(stack, 'lab', { os: baseProps('flatcar').os, hostCount: 1, memoryMib: 4096 } as any));
    expect(FleetConfigErrors.codeOf(e)).toBe('UNKNOWN_PROP');
    expect(e.message).toContain("did you mean 'memoryMiB'?");
  });

  test('accepts a known prop passed as undefined (as jsii passes optional ones)', () => {
    expect(() => new AwsDockerFleet(awsStack(), 'web', { ...baseProps('fcos'), keyName: undefined })).not.toThrow();
  });

  test('the known props are exactly the props interfaces\' members', () => {
    // AwsDockerFleetProps extends AwsHostGroupProps (the members a swarm shares)
    expect([...AWS_FLEET_PROPS].sort())
      .toEqual([...members('platforms/aws/aws-host-group-props.ts'), ...members('platforms/aws/aws-docker-fleet-props.ts')].sort());
    expect([...LIBVIRT_FLEET_PROPS].sort()).toEqual(members('platforms/libvirt/libvirt-docker-fleet-props.ts'));
  });

  test('the nearest name ignores case', () => {
    expect(nearestName('HOSTCOUNT', AWS_FLEET_PROPS)).toBe('hostCount');
  });
});
