/**
 * Errors that say where (lib/core/problems.ts, fleet-config-error.ts, define-errors.ts): codes
 * derived from the builders' names, the construct path of the fleet that reported a problem, and
 * every problem of a construct reported at once, and how Node prints such an error.
 */
import { join } from 'path';
import { inspect } from 'util';
import { AwsDockerFleet, ContainerOs, FleetConfigErrors, HostConfig, LibvirtDockerFleet, UpdatePolicy } from '../../lib';
import { codeOf } from '../../lib/core/define-errors';
import { awsProps, stack, thrown } from '../helpers/seam';

describe('errors that say where', () => {
  test('every error builder has a stable code derived from its name', () => {
    expect(codeOf('notAnInteger')).toBe('NOT_AN_INTEGER');
    expect(codeOf('badTargetGroupArn')).toBe('BAD_TARGET_GROUP_ARN');
    expect(thrown(() => UpdatePolicy.fleetLock({ url: 'ftp://x' })).code).toBe('BAD_URL');
  });

  test('a fleet names itself: the second of three fleets is named in its error', () => {
    const s = stack();
    new AwsDockerFleet(s, 'api', awsProps());
    const e = thrown(() => new AwsDockerFleet(s, 'worker', { ...awsProps(), hostCount: -1 }));
    expect(e.constructPath).toBe('web-prod/worker');
    expect(e.message).toBe('web-prod/worker: hostCount: got -1; expected a whole number from 0 to 2147483647');
    expect(FleetConfigErrors.codeOf(e)).toBe('NOT_AN_INTEGER');
  });

  test('reports every problem of a fleet together, one line each', () => {
    const e = thrown(() => new AwsDockerFleet(stack(), 'api', {
      ...awsProps(), hostCount: -1, vpcId: 'default', instanceType: 't3small', metadataHopLimit: 0,
    }));
    expect(FleetConfigErrors.codesOf(e)).toEqual(['NOT_AN_INTEGER', 'BAD_INSTANCE_TYPE', 'BAD_AWS_ID', 'NOT_AN_INTEGER']);
    expect(e.problems.map((p) => p.property)).toEqual(['hostCount', 'instanceType', 'vpcId', 'metadataHopLimit']);
    const lines = e.message.split('\n');
    expect(lines).toHaveLength(4);
    lines.forEach((l) => expect(l.startsWith('web-prod/api: ')).toBe(true));
  });

  test('a libvirt fleet reports all its problems too', () => {
    const e = thrown(() => new LibvirtDockerFleet(stack(), 'lab', {
      os: ContainerOs.flatcar(), hostCount: 2, vcpus: 0, memoryMiB: 1, diskSizeGiB: -3,
    }));
    expect(FleetConfigErrors.codesOf(e)).toEqual(['MEMORY_BELOW_MINIMUM', 'NOT_AN_INTEGER', 'NOT_AN_INTEGER']);
    expect(e.problems.map((p) => p.constructPath)).toEqual(['web-prod/lab', 'web-prod/lab', 'web-prod/lab']);
  });

  test('errors outside a construct have no path, and other errors are not taken for ours', () => {
    const e = thrown(() => new HostConfig({ timeZone: 'Mars/Olympus' }));
    expect(FleetConfigErrors.constructPathOf(e)).toBeUndefined();
    expect(FleetConfigErrors.isFleetConfigError(new Error('x'))).toBe(false);
    expect(FleetConfigErrors.codeOf(new Error('x'))).toBeUndefined();
    expect(FleetConfigErrors.codesOf('nope')).toEqual([]);
  });

  test('prints as its code and message: no enumerable fields, no problems repeated, no frames of the library', () => {
    const e = thrown(() => new AwsDockerFleet(stack(), 'api', { ...awsProps(), hostCount: -1, vpcId: 'default' }));
    expect(Object.keys(e)).toEqual([]);
    const shown = inspect(e);
    expect(shown.split('\n').slice(0, 2)).toEqual([
      'FleetConfigError [NOT_AN_INTEGER]: web-prod/api: hostCount: got -1; expected a whole number from 0 to 2147483647',
      'web-prod/api: vpcId: got "default"; expected an id like \'vpc-0123456789abcdef0\' (\'vpc-\' and 8 or 17 lower-case hex digits)',
    ]);
    expect(shown.split('\n').slice(2).every((l) => /^ {4}at /.test(l) && !l.includes(join('lib', 'core')))).toBe(true);
    expect(shown).toContain(__filename);
    // the fields are still there for programs
    expect([e.code, e.property, e.shownValue, e.constructPath, e.problems.length, e.value]).toEqual(['NOT_AN_INTEGER', 'hostCount', '-1', 'web-prod/api', 2, -1]);
  });
});
