import { thrownCode } from '../helpers/error-codes';
import { parse } from 'smol-toml';
import { ContainerOs, FedoraCoreOsStream, FlatcarChannel, Platform, UpdatePolicy, Weekday } from '../../lib';
import { FleetConfigError } from '../../lib/core/fleet-config-error';
import { richHostConfig } from '../helpers/fixtures';
import { cloudConfig, cloudConfigFile, ignitionFile } from '../helpers/payloads';

const saturday = UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:30', durationMinutes: 90 });
const weekend = UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY, Weekday.SATURDAY], startTime: '02:00', durationMinutes: 60 });
const daily = UpdatePolicy.maintenanceWindow({
  days: [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY],
  startTime: '04:00', durationMinutes: 30,
});
const lock = UpdatePolicy.fleetLock({ url: 'https://fleetlock.example.com' });
const plainHost = () => richHostConfig({ units: false, timeZone: false });

describe('Fedora CoreOS renders Zincati settings', () => {
  const fcos = ContainerOs.fedoraCoreOs({ stream: FedoraCoreOsStream.TESTING });
  const zincati = (policy: UpdatePolicy) => ignitionFile(fcos.renderFirstBoot(plainHost(), { updatePolicy: policy }).content, '/etc/zincati/config.d/55-updates-strategy.toml');

  test('immediate', () => {
    expect(zincati(UpdatePolicy.immediate())).toBe('# Managed by cdktf-docker-fleet: update policy immediate\n[updates]\nstrategy = "immediate"\n');
  });
  test('a maintenance window becomes a periodic strategy in UTC', () => {
    expect(zincati(weekend)).toBe('# Managed by cdktf-docker-fleet: update policy maintenance-window SATURDAY,SUNDAY 02:00 +60m\n'
      + '[updates]\nstrategy = "periodic"\n\n[updates.periodic]\ntime_zone = "UTC"\n\n[[updates.periodic.window]]\ndays = [ "Sat", "Sun" ]\nlength_minutes = 60\nstart_time = "02:00"\n');
  });
  test('fleetLock becomes a fleet_lock strategy with its base_url', () => {
    expect(parse(zincati(lock)!)).toEqual({ updates: { strategy: 'fleet_lock', fleet_lock: { base_url: 'https://fleetlock.example.com' } } });
  });
  test('disabled turns Zincati off and warns', () => {
    const p = fcos.renderFirstBoot(plainHost(), { updatePolicy: UpdatePolicy.disabled() });
    expect(parse(ignitionFile(p.content, '/etc/zincati/config.d/55-updates-strategy.toml')!)).toEqual({ updates: { enabled: false } });
    expect(p.warnings.join()).toContain('disabled');
  });
  test('the default is a weekly Sunday window', () => {
    expect(parse(zincati(undefined as any)!)).toEqual({
      updates: { strategy: 'periodic', periodic: { time_zone: 'UTC', window: [{ days: ['Sun'], start_time: '03:00', length_minutes: 120 }] } },
    });
  });
});

describe('Flatcar renders update.conf', () => {
  const conf = (channel: FlatcarChannel, policy: UpdatePolicy) =>
    ignitionFile(ContainerOs.flatcar({ channel }).renderFirstBoot(plainHost(), { updatePolicy: policy }).content, '/etc/flatcar/update.conf');

  test('immediate reboots as soon as an update is staged', () => {
    expect(conf(FlatcarChannel.BETA, UpdatePolicy.immediate())).toBe('# Managed by cdktf-docker-fleet: update policy immediate\nGROUP=beta\nREBOOT_STRATEGY=reboot\n');
  });
  test('a one-day window becomes a locksmithd window with a weekday', () => {
    expect(conf(FlatcarChannel.STABLE, saturday)).toBe('# Managed by cdktf-docker-fleet: update policy maintenance-window SATURDAY 22:30 +90m\n'
      + 'GROUP=stable\nREBOOT_STRATEGY=reboot\nLOCKSMITHD_REBOOT_WINDOW_START="Sat 22:30"\nLOCKSMITHD_REBOOT_WINDOW_LENGTH=1h30m\n');
  });
  test('an every-day window becomes a daily locksmithd window', () => {
    expect(conf(FlatcarChannel.LTS, daily)).toContain('GROUP=lts\nREBOOT_STRATEGY=reboot\nLOCKSMITHD_REBOOT_WINDOW_START="04:00"\nLOCKSMITHD_REBOOT_WINDOW_LENGTH=30m\n');
  });
  test('disabled sets SERVER=disabled', () => {
    expect(conf(FlatcarChannel.ALPHA, UpdatePolicy.disabled())).toContain('GROUP=alpha\nSERVER=disabled\nREBOOT_STRATEGY=off\n');
  });
  test('fails for fleetLock, naming locksmithd and the alternatives', () => {
    expect(() => conf(FlatcarChannel.STABLE, lock)).toThrow(/updatePolicy: got "fleet-lock https:\/\/fleetlock.example.com"; Flatcar Container Linux \(stable\) does not support.*maintenanceWindow.*fedoraCoreOs/);
  });
  test('fails for a window on two weekdays, which locksmithd cannot express', () => {
    expect(() => conf(FlatcarChannel.STABLE, weekend)).toThrow(/one weekday or on every day/);
  });
});

describe('Alpine renders a cron job and pinned repositories', () => {
  const render = (policy: UpdatePolicy, release = '3.22') => ContainerOs.alpine({ release }).renderFirstBoot(plainHost(), { updatePolicy: policy });

  test('pins /etc/apk/repositories to the release branch', () => {
    expect(cloudConfigFile(render(saturday).content, '/etc/apk/repositories')).toBe('# Managed by cdktf-docker-fleet: pinned to the 3.22 branch\n'
      + 'https://dl-cdn.alpinelinux.org/alpine/v3.22/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.22/community\n');
  });
  test('a window becomes a job every 10 minutes whose script checks the UTC window itself, and a reboot only while inside it', () => {
    const doc = render(weekend).content;
    expect(cloudConfig(doc).runcmd).toEqual(expect.arrayContaining([
      "grep -q 'docker-fleet' /etc/crontabs/root || echo '*/10 * * * * /etc/docker-fleet/apk-upgrade # docker-fleet' >> /etc/crontabs/root",
      'rc-update add crond default',
    ]));
    // Saturday and Sunday 02:00 as minutes after Monday 00:00, 60 minutes long (run by test/os/alpine.test.ts)
    const script = cloudConfigFile(doc, '/etc/docker-fleet/apk-upgrade')!;
    expect(script).toContain(`for s in ${5 * 1440 + 120} ${6 * 1440 + 120}; do`);
    expect(script).toContain('-lt 60 ]');
  });
  test('immediate runs hourly and reboots at once', () => {
    const doc = render(UpdatePolicy.immediate()).content;
    expect(cloudConfig(doc).runcmd.join('\n')).toContain("'17 * * * * /etc/docker-fleet/apk-upgrade # docker-fleet'");
    expect(cloudConfigFile(doc, '/etc/docker-fleet/apk-upgrade')).not.toContain('-lt ');
  });
  test('disabled installs no job', () => {
    const p = render(UpdatePolicy.disabled());
    expect(cloudConfigFile(p.content, '/etc/docker-fleet/apk-upgrade')).toBeUndefined();
    expect(p.content).not.toContain('crontabs');
    expect(p.warnings.join()).toContain('disabled');
  });
  test('fails for fleetLock, naming the alternatives', () => {
    expect(() => render(lock)).toThrow(/Alpine Linux \(3.22\) does not support this update policy; use UpdatePolicy.maintenanceWindow\(\) or immediate\(\)/);
  });
});

describe('Bottlerocket renders settings.updates', () => {
  const host = () => richHostConfig({ units: false, files: false, daemon: false, timeZone: false, qualifiedImages: true, containerExtras: false });
  const settings = (policy: UpdatePolicy) => parse(ContainerOs.bottlerocket().renderFirstBoot(host(), { updatePolicy: policy }).content) as any;

  test('fails on immediate: the hosts never update themselves, so nothing would apply it', () => {
    expect(thrownCode(() => settings(UpdatePolicy.immediate()))).toBe('UNSUPPORTED_POLICY');
  });
  test('a window keeps the wave schedule in the settings (the AWS fleet applies updates in the window)', () => {
    const p = ContainerOs.bottlerocket().renderFirstBoot(host(), { updatePolicy: saturday });
    expect((parse(p.content) as any).settings.updates).toEqual({ 'version-lock': 'latest', 'ignore-waves': false });
    expect(p.warnings.join()).not.toContain('updater');
  });
  test('disabled writes no update settings', () => {
    expect(settings(UpdatePolicy.disabled()).settings.updates).toBeUndefined();
  });
  test('fails for fleetLock', () => {
    expect(() => settings(lock)).toThrow(FleetConfigError);
  });
  test('fails on libvirt, naming the OSes that run there', () => {
    expect(() => ContainerOs.bottlerocket().renderFirstBoot(host(), { platform: Platform.LIBVIRT })).toThrow(/platform: got "libvirt"; Bottlerocket \(aws-ecs-2\) is not available on this platform; use Platform.AWS/);
  });
});

describe('UpdatePolicy', () => {
  test.each([
    [{ days: [], startTime: '02:00', durationMinutes: 60 }, 'maintenanceWindow.days'],
    [{ days: ['FUNDAY'], startTime: '02:00', durationMinutes: 60 }, 'maintenanceWindow.days[0]'],
    [{ days: [Weekday.MONDAY], startTime: '24:00', durationMinutes: 60 }, 'maintenanceWindow.startTime'],
    [{ days: [Weekday.MONDAY], startTime: '2:00', durationMinutes: 60 }, 'maintenanceWindow.startTime'],
    [{ days: [Weekday.MONDAY], startTime: '02:00', durationMinutes: 0 }, 'maintenanceWindow.durationMinutes'],
    [{ days: [Weekday.MONDAY], startTime: '02:00', durationMinutes: 1441 }, 'maintenanceWindow.durationMinutes'],
  ])('fails on window %p naming %s', (opts, property) => {
    expect(() => UpdatePolicy.maintenanceWindow(opts as any)).toThrow(new RegExp(`^${property.replace(/[[\]]/g, '\\$&')}: got`));
  });
  test('accepts weekday names as strings from JavaScript callers', () => {
    expect(UpdatePolicy.maintenanceWindow({ days: ['saturday' as any], startTime: '01:00', durationMinutes: 5 }).toString()).toBe('maintenance-window SATURDAY 01:00 +5m');
  });
  test('fails on a fleet-lock URL that is not http(s)', () => {
    expect(() => UpdatePolicy.fleetLock({ url: 'ftp://x' })).toThrow(/fleetLock.url: got "ftp:\/\/x"/);
  });
  test('fails on something that is not an UpdatePolicy', () => {
    expect(() => ContainerOs.flatcar().renderFirstBoot(plainHost(), { updatePolicy: 'immediate' as any })).toThrow(/updatePolicy: got "immediate"; allowed values: 'UpdatePolicy.immediate\(\)'/);
  });
});
