/**
 * One HostConfig for the effect layer, with the values that break quoting: quotes, `$`, `%`,
 * backslashes, tabs, runs of spaces, empty strings, `;` and a glob. Expectations are derived from
 * these inputs (what the user asked for), never from the rendered payload.
 */
import { ContainerOptions, HostConfig } from '../../lib';

export const KEY_OPS = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ops@effect';
export const KEY_DEPLOY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFh0Zm9ydGhlZWZmZWN0bGF5ZXJ0ZXN0c29ubHkxMjM0NTY deploy@effect';

export const TRICKY = ['it\'s "quoted"', '$HOME ${PATH} $(id) `id`', '100% %n %% %h', 'back\\slash \\\\ \\n', 'tab\there', 'runs   of  spaces  ', '', 'a; rm -rf / ;', '*', 'daemon off;'];

export const CONTAINERS: ContainerOptions[] = [
  {
    name: 'web',
    image: 'nginx:1.27',
    ports: ['8080:80'],
    volumes: ['/srv/web:/usr/share/nginx/html:ro'],
    environment: {
      PLAIN: 'x', QUOTES: TRICKY[0], DOLLAR: TRICKY[1], PERCENT: TRICKY[2], BACKSLASH: TRICKY[3],
      TAB: TRICKY[4], SPACES: TRICKY[5], EMPTY: TRICKY[6], SEMI: TRICKY[7], GLOB: TRICKY[8],
      // the effect image then runs its server as a PID 1 that ignores SIGTERM, as many images do
      EFFECT_IGNORE_SIGTERM: '1',
    },
    command: ['nginx', '-g', TRICKY[9], ...TRICKY],
  },
  { name: 'worker', image: 'registry.example.com/team/worker:2', command: ['--queue', 'jobs  high', ''] },
];

export const FILES = [
  { path: '/etc/app/app.conf', content: 'listen = 8080\nname = "effect"\n', mode: 0o640, owner: 'core' },
  { path: '/opt/bin/hello', content: '#!/bin/sh\necho hello\n', mode: 0o755 },
];

export const SYSCTLS = { 'vm.max_map_count': '262144', 'net.core.somaxconn': '4096' };
/** Docker settings the user writes: journald where the OS has it (FCOS, Flatcar), syslog on Alpine. */
export const DAEMON = {
  'log-driver': 'journald',
  'default-ulimits': { nofile: { Name: 'nofile', Soft: 2048, Hard: 4096 } },
};
export const ALPINE_DAEMON = { ...DAEMON, 'log-driver': 'syslog' };
export const TIME_ZONE = 'Europe/Berlin';
export const HOSTNAME = 'effect-0';
export const DROP_IN = { unit: 'docker.service', name: '10-effect.conf', contents: '[Service]\nEnvironment=EFFECT_DROPIN=1\n' };
export const UNIT = { name: 'effect-hello.service', contents: '[Unit]\nDescription=effect hello\n\n[Service]\nType=oneshot\nExecStart=/opt/bin/hello\n\n[Install]\nWantedBy=multi-user.target\n' };

/** The effect layer's host: every kind of entry, with the data volume found at boot. */
export function effectHost(opts: { systemd: boolean; dataVolume?: boolean }): HostConfig {
  const host = new HostConfig({
    sshAuthorizedKeys: [KEY_OPS], dockerDaemonSettings: opts.systemd ? DAEMON : ALPINE_DAEMON, sysctls: SYSCTLS, timeZone: TIME_ZONE, hostname: HOSTNAME,
    ...(opts.dataVolume === false ? {} : { dockerDataVolume: {} }),
  });
  for (const f of FILES) host.addFile(f);
  host.addUser({ name: 'deploy', groups: ['docker'], sshAuthorizedKeys: [KEY_DEPLOY] });
  for (const c of CONTAINERS) host.addContainer(c);
  if (opts.systemd) {
    host.addSystemdUnit(UNIT);
    host.addSystemdDropIn(DROP_IN);
  }
  return host;
}

export const ENV_FILE_DIR = '/etc/docker-fleet/containers';

/** What `docker run --env-file` must find: one literal KEY=value line per variable. */
export function expectedEnvFile(c: ContainerOptions): string | undefined {
  const env = c.environment ?? {};
  const keys = Object.keys(env).sort();
  return keys.length ? keys.map((k) => `${k}=${env[k]}\n`).join('') : undefined;
}

/** The argv (after `docker`) the container must run with: exactly what the user asked for. */
export function expectedRunArgv(c: ContainerOptions): string[] {
  return [
    'run', '--rm', '--name', c.name,
    ...(expectedEnvFile(c) ? ['--env-file', `${ENV_FILE_DIR}/${c.name}.env`] : []),
    ...(c.ports ?? []).flatMap((p) => ['--publish', p]),
    ...(c.volumes ?? []).flatMap((v) => ['--volume', v]),
    c.image, ...(c.command ?? []),
  ];
}
