/**
 * explain's summary (lib/cli/summary.ts): the update window each OS's payload states, read back
 * from the line the library writes above its update settings, in every policy an OS takes.
 */
import { ContainerOs, HostConfig, UpdatePolicy, Weekday } from '../../lib';
import { hostView } from '../../lib/cli/host-view';
import { describePolicy, summaryRows } from '../../lib/cli/summary';

const WINDOW = UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:00', durationMinutes: 90 });
const DAILY = UpdatePolicy.maintenanceWindow({
  days: [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY],
  startTime: '03:00', durationMinutes: 60,
});

describe('the summary\'s update window', () => {
  test('describes each policy in UTC, as the policy\'s own text reads', () => {
    expect(describePolicy(WINDOW.toString())).toBe('Sat 22:00, 90 min');
    expect(describePolicy(DAILY.toString())).toBe('daily 03:00, 1 h');
    expect(describePolicy(UpdatePolicy.fleetLock({ url: 'https://lock.example.com' }).toString())).toBe('FleetLock (https://lock.example.com)');
    expect(describePolicy(UpdatePolicy.immediate().toString())).toBe('immediate');
    expect(describePolicy(UpdatePolicy.disabled().toString())).toBe('disabled');
  });

  test.each([
    ['Fedora CoreOS', ContainerOs.fedoraCoreOs(), [WINDOW, UpdatePolicy.immediate(), UpdatePolicy.disabled(), UpdatePolicy.fleetLock({ url: 'https://lock.example.com' })]],
    ['Flatcar', ContainerOs.flatcar(), [DAILY, UpdatePolicy.immediate(), UpdatePolicy.disabled()]],
    ['Alpine', ContainerOs.alpine(), [WINDOW, UpdatePolicy.immediate()]],
  ])('finds the policy in every %s payload', (_name, os, policies) => {
    for (const policy of policies) {
      const view = hostView(os.renderFirstBoot(new HostConfig(), { updatePolicy: policy }).content, 'test');
      const [row] = summaryRows([{
        id: 's/f', stack: 's', platform: 'aws', os: os.displayName, hostCount: 1, other: {},
        payloads: { '*': { text: '', delivery: 'base64 (100 bytes)', view } },
      }], []);
      expect({ policy: policy.toString(), updates: row.updates }).toEqual({ policy: policy.toString(), updates: describePolicy(policy.toString()) });
    }
  });

  test('an Alpine fleet without an upgrade job takes no updates', () => {
    const view = hostView(ContainerOs.alpine().renderFirstBoot(new HostConfig(), { updatePolicy: UpdatePolicy.disabled() }).content, 'test');
    const [row] = summaryRows([{ id: 's/f', stack: 's', platform: 'aws', os: 'Alpine', other: {}, payloads: { '*': { text: '', delivery: 'base64 (1 bytes)', view } } }], []);
    expect([row.updates, row.hosts, row.containers]).toEqual(['none', 'at apply', '-']);
  });
});
