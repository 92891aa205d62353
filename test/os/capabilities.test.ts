import {
  AlpineBootstrap, ContainerOs, FedoraCoreOsStream, FirstBootFormat, FlatcarChannel, OsFeature, Platform, UpdatePolicy, Weekday,
} from '../../lib';
import { richHostConfig } from '../helpers/fixtures';
import { cloudConfig, ignitionFile, ignitionUnit } from '../helpers/payloads';
import { describeWithValidators, validatePayloads } from '../helpers/validators';
import { parse } from 'smol-toml';

const policies: Record<string, UpdatePolicy> = {
  immediate: UpdatePolicy.immediate(),
  window: UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:30', durationMinutes: 60 }),
  fleetLock: UpdatePolicy.fleetLock({ url: 'https://fleetlock.example.com' }),
  disabled: UpdatePolicy.disabled(),
};

interface Case { os: ContainerOs; policy: string; platform: Platform }

const oses: ContainerOs[] = [
  ...Object.values(FedoraCoreOsStream).map((stream) => ContainerOs.fedoraCoreOs({ stream })),
  ...Object.values(FlatcarChannel).map((channel) => ContainerOs.flatcar({ channel })),
  ...ContainerOs.ALPINE_RELEASES.flatMap((release) => Object.values(AlpineBootstrap).map((bootstrap) => ContainerOs.alpine({ release, bootstrap }))),
  ...['aws-ecs-2', 'aws-ecs-3'].map((variant) => ContainerOs.bottlerocket({ variant })),
];

/** What each OS supports, from its capability table; everything else must throw naming the OS, the option and the alternatives. */
function supported(c: Case): boolean {
  return c.os.platforms.includes(c.platform) && c.os.supportsPolicy(policies[c.policy].kind);
}

/** The richest HostConfig the OS can express, from its capability table. */
function hostFor(os: ContainerOs) {
  return richHostConfig({
    units: os.canExpress(OsFeature.SYSTEMD_UNITS),
    files: os.canExpress(OsFeature.FILES),
    daemon: os.canExpress(OsFeature.DOCKER_DAEMON_SETTINGS),
    timeZone: os.canExpress(OsFeature.TIME_ZONE),
    containerExtras: os.canExpress(OsFeature.CONTAINER_PORTS),
    qualifiedImages: !os.canExpress(OsFeature.CONTAINER_PORTS),
  });
}

const cases: Case[] = oses.flatMap((os) => Object.keys(policies).flatMap((policy) => [Platform.AWS, Platform.LIBVIRT].map((platform) => ({ os, policy, platform }))));
const good = cases.filter(supported);
const bad = cases.filter((c) => !supported(c));

/** The OS's own update settings, as they appear in the payload. */
function updateSettingsIn(c: Case, content: string): unknown {
  switch (c.os.name) {
    case 'Fedora CoreOS': return ignitionFile(content, '/etc/zincati/config.d/55-updates-strategy.toml');
    case 'Flatcar Container Linux': return ignitionFile(content, '/etc/flatcar/update.conf');
    case 'Alpine Linux': return cloudConfig(content).runcmd.filter((l: string) => l.includes('crontabs')).join('\n') || 'no job';
    default: return (parse(content) as any).settings.updates ?? 'no updates table';
  }
}

describeWithValidators('every supported OS × channel × update policy × platform', () => {
  const rendered = good.map((c) => c.os.renderFirstBoot(hostFor(c.os), { updatePolicy: policies[c.policy], platform: c.platform, hostname: 'host-0' }));

  test(`all ${good.length} rich payloads pass their real validator`, () => {
    const errors = validatePayloads(rendered)
      .map((e, i) => (e ? `${good[i].os.displayName} ${good[i].policy} ${good[i].platform}: ${e}` : null))
      .filter(Boolean);
    expect(errors).toEqual([]);
  });

  test('each payload has the format its OS declares, and carries the update settings for its policy', () => {
    const seen: Record<string, Set<string>> = {};
    good.forEach((c, i) => {
      expect(rendered[i].format).toBe(c.os.firstBootFormat);
      const s = JSON.stringify(updateSettingsIn(c, rendered[i].content));
      expect(s).toBeDefined();
      (seen[c.os.displayName] ??= new Set()).add(`${c.policy}=${s}`);
    });
    // Different policies must render differently on every OS (settings are really applied).
    for (const [os, set] of Object.entries(seen)) {
      const byPolicy = [...set].map((x) => x.split('=').slice(1).join('='));
      expect({ os, distinct: new Set(byPolicy).size }).toEqual({ os, distinct: byPolicy.length });
    }
  });

  test('Ignition OSes enable docker.service and run each container as a restarting unit', () => {
    good.forEach((c, i) => {
      if (rendered[i].format !== FirstBootFormat.IGNITION) return;
      expect(ignitionUnit(rendered[i].content, 'docker.service').enabled).toBe(true);
      const web = ignitionUnit(rendered[i].content, 'container-web.service');
      expect(web.enabled).toBe(true);
      expect(web.contents).toContain('Restart=always');
      expect(web.contents).toContain('ExecStartPre=/bin/sh -c');
    });
  });

  test('Alpine installs Docker from the community repository and starts it at boot', () => {
    good.forEach((c, i) => {
      if (c.os.name !== 'Alpine Linux') return;
      const doc = cloudConfig(rendered[i].content);
      expect(doc.packages).toContain('docker');
      expect(doc.runcmd).toEqual(expect.arrayContaining(['rc-update add docker default', 'rc-update add container-web default']));
    });
  });
});

describe('every unsupported combination', () => {
  test.each(bad.map((c) => [c.os.displayName, c.policy, c.platform, c] as const))('fails for %s with %s on %s, naming the OS and the alternatives', (_n, _p, _pl, c) => {
    expect(() => c.os.renderFirstBoot(hostFor(c.os), { updatePolicy: policies[c.policy], platform: c.platform }))
      .toThrow(new RegExp(`${c.os.displayName.replace(/[()]/g, '\\$&')} (does not support this update policy|is not available on this platform); use `));
  });
});
