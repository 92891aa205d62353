import { ContainerModel } from './model';
import { containerEnvFile, containerSecretsFile } from './paths';

/**
 * Seconds a container gets between SIGTERM and SIGKILL when its supervisor stops it
 * (`docker stop --time`; Docker's own default is 10).
 */
export const STOP_GRACE_SECONDS = 10;

/** Docker env-file text: `KEY=value` lines, taken literally by `docker run --env-file`. */
export function renderEnvFile(c: ContainerModel): string {
  return Object.keys(c.environment).sort().map((k) => `${k}=${c.environment[k]}\n`).join('');
}

/** The `docker run` arguments (after `docker`) for a container managed by a supervisor. */
export function dockerRunArgs(c: ContainerModel): string[] {
  const args = ['run', '--rm', '--name', c.name];
  if (Object.keys(c.environment).length) args.push('--env-file', containerEnvFile(c.name));
  if (c.secrets.length) args.push('--env-file', containerSecretsFile(c.name));
  for (const p of c.ports) args.push('--publish', p);
  for (const v of c.volumes) args.push('--volume', v);
  if (c.memoryReservationMiB !== undefined) args.push(`--memory-reservation=${c.memoryReservationMiB}m`);
  args.push(c.image, ...c.command);
  return args;
}

/** One argument quoted for a POSIX shell (single quotes; a quote becomes '\''). */
export function shQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * One argument quoted for a systemd Exec line (systemd.service(5) "Command lines"): double
 * quotes with C escapes, '%' doubled (specifiers) and '$' doubled (variable expansion).
 */
export function systemdQuote(arg: string): string {
  const escaped = arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%').replace(/\$/g, '$$$$')
    .replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return /^[A-Za-z0-9_@+=:,./-]+$/.test(arg) ? arg : `"${escaped}"`;
}

/**
 * A shell loop that pulls the image, retrying with growing pauses while the network and
 * registry come up (about 10 minutes in all), and fails after that so the supervisor retries.
 * An image already on the host is refreshed when the registry answers and used as it is when not.
 */
export function pullWithRetries(docker: string, image: string): string {
  const img = shQuote(image);
  return `if ${docker} image inspect ${img} >/dev/null 2>&1; then ${docker} pull ${img} || true; exit 0; fi; `
    + `for i in 1 2 3 4 5 6 7 8 9 10 11 12; do ${docker} pull ${img} && exit 0; sleep $((i * 10)); done; exit 1`;
}
