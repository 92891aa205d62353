/**
 * Property test (fast-check): random valid HostConfigs, rendered for every OS, pass the real
 * validators. 200 cases per OS per run; the validator calls are batched (one cloud-init process
 * for all cloud-config documents, one ignition-validate process per config), which keeps the
 * whole file to a few seconds.
 */
import fc from 'fast-check';
import { ContainerOs, FirstBootPayload, HostConfig, UpdatePolicy, Weekday } from '../../lib';
import { ED25519_KEY, RSA_KEY } from '../helpers/fixtures';
import { describeWithValidators, validatePayloads } from '../helpers/validators';

const RUNS = 200;
const seg = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
const path = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => `/srv/${s.join('/')}`);
const text = fc.string({ unit: 'grapheme', maxLength: 300 });
const binary = fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('base64'));
const file = fc.record({
  path,
  body: fc.oneof(text.map((t) => ({ content: t })), binary.map((b) => ({ contentBase64: b }))),
  mode: fc.integer({ min: 0, max: 0o7777 }),
});
const container = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9_.-]{0,20}$/),
  image: fc.constantFrom('nginx:1.27', 'ghcr.io/org/app:v1.2.3', 'docker.io/library/redis:7', 'quay.io/prometheus/node-exporter:v1.8.2'),
  ports: fc.array(fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 })).map(([a, b]) => `${a}:${b}`), { maxLength: 3 }),
  env: fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/), fc.string({ maxLength: 40 }).filter((v) => !/[\r\n\0]/.test(v)), { maxKeys: 4 }),
  command: fc.array(fc.string({ maxLength: 20 }).filter((v) => !/[\n\0]/.test(v)), { maxLength: 4 }),
});
const host = fc.record({
  keys: fc.subarray([ED25519_KEY, RSA_KEY]),
  files: fc.uniqueArray(file, { selector: (f) => f.path, maxLength: 6 }),
  units: fc.uniqueArray(seg, { maxLength: 5 }),
  containers: fc.uniqueArray(container, { selector: (c) => c.name, maxLength: 3 }),
  sysctls: fc.dictionary(fc.stringMatching(/^[a-z]{2,8}\.[a-z_]{2,12}$/), fc.integer({ min: 0, max: 1 << 20 }).map(String), { maxKeys: 4 }),
  daemon: fc.dictionary(fc.stringMatching(/^[a-z][a-z-]{1,15}$/).filter((k) => !['hosts', 'exec-opts', 'selinux-enabled'].includes(k)), fc.oneof(fc.boolean(), fc.integer(), fc.string({ maxLength: 20 })), { maxKeys: 3 }),
  timeZone: fc.constantFrom(undefined, 'UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires'),
  // Duplicates that Ignition refuses at boot unless merged: a user named like the OS's default
  // user next to default keys, and user files at paths the library derives itself.
  defaultUser: fc.option(fc.record({ keys: fc.subarray([ED25519_KEY, RSA_KEY]), groups: fc.subarray(['docker', 'wheel']) }), { nil: undefined }),
  clashes: fc.subarray(['/etc/hostname', '/etc/docker/daemon.json', '/etc/sysctl.d/90-docker-fleet.conf', '/etc/docker-fleet/containers/app.env']),
});

type Spec = typeof host extends fc.Arbitrary<infer T> ? T : never;

function build(s: Spec, opts: { systemd: boolean; bottlerocket: boolean }): HostConfig {
  const h = new HostConfig({
    sshAuthorizedKeys: s.keys,
    sysctls: s.sysctls,
    dockerDaemonSettings: opts.bottlerocket ? undefined : s.daemon,
    timeZone: opts.bottlerocket ? undefined : s.timeZone,
  });
  if (!opts.bottlerocket) s.files.forEach((f) => h.addFile({ path: f.path, mode: f.mode, ...f.body }));
  if (!opts.bottlerocket) s.clashes.forEach((p) => h.addFile({ path: p, content: '{}\n' }));
  if (s.defaultUser && opts.systemd) h.addUser({ name: 'core', sshAuthorizedKeys: s.defaultUser.keys, groups: s.defaultUser.groups });
  if (opts.systemd) {
    s.units.forEach((u) => h.addSystemdUnit({ name: `${u}.service`, contents: `[Unit]\nDescription=${u}\n\n[Service]\nExecStart=/usr/bin/true\n\n[Install]\nWantedBy=multi-user.target\n` }));
  }
  // one host port per host: a second container on a taken host port is an error (published-ports.ts)
  const taken = new Set<string>();
  const free = (ports: string[]) => ports.filter((p) => !taken.has(p.split(':')[0]) && taken.add(p.split(':')[0]));
  s.containers.forEach((c) => h.addContainer(opts.bottlerocket
    ? { name: c.name.replace(/[_.]/g, '-'), image: c.image.includes('/') ? c.image : `docker.io/library/${c.image}` }
    : { name: c.name, image: c.image, ports: free(c.ports), environment: c.env, command: c.command }));
  return h;
}

const policy = UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '03:00', durationMinutes: 60 });
const cases: Array<[string, ContainerOs, { systemd: boolean; bottlerocket: boolean }]> = [
  ['Fedora CoreOS', ContainerOs.fedoraCoreOs(), { systemd: true, bottlerocket: false }],
  ['Flatcar', ContainerOs.flatcar(), { systemd: true, bottlerocket: false }],
  ['Alpine', ContainerOs.alpine(), { systemd: false, bottlerocket: false }],
  ['Bottlerocket', ContainerOs.bottlerocket(), { systemd: false, bottlerocket: true }],
];

describeWithValidators('random valid HostConfigs through the real validators', () => {
  test.each(cases)(`${RUNS} random hosts rendered for %s all pass the validator`, (_name, os, opts) => {
    const specs = fc.sample(host, { numRuns: RUNS, seed: 20261126 });
    const payloads: FirstBootPayload[] = specs.map((s) => os.renderFirstBoot(build(s, opts), { updatePolicy: policy, hostname: 'host-0' }));
    const failures = validatePayloads(payloads)
      .map((e, i) => (e ? `case ${i}: ${e}\n${JSON.stringify(specs[i]).slice(0, 500)}` : null))
      .filter(Boolean);
    expect(failures).toEqual([]);
    expect(payloads).toHaveLength(RUNS);
    if (opts.systemd) {
      // ignition-validate refuses duplicates; say it here too, per kind, so a miss names itself.
      const dupes = payloads.map((p, i) => {
        const c = JSON.parse(p.content);
        const paths = ['files', 'directories', 'links'].flatMap((k) => (c.storage?.[k] ?? []).map((e: any) => e.path));
        const users = (c.passwd?.users ?? []).map((u: any) => u.name);
        const units = (c.systemd?.units ?? []).map((u: any) => u.name);
        return [paths, users, units].some((l) => new Set(l).size !== l.length) ? `case ${i}: duplicate entries` : null;
      }).filter(Boolean);
      expect(dupes).toEqual([]);
    }
  });
});
