/**
 * Docker daemon settings (daemon.json) as one merge layer of the host model: key by key, the
 * child winning, except where Docker ties keys together.
 *
 * `log-opts` belong to `log-driver`: dockerd checks every option against the driver it is for
 * and refuses to start on one the driver does not take ("unknown log opt 'max-file' for syslog
 * log driver": moby daemon/logger/factory.go ValidateLogOpts, and each driver's ValidateLogOpt).
 * So a child that picks another driver without giving options keeps only the parent's options
 * the new driver takes.
 */

/**
 * The options each built-in driver takes that a parent layer may set, from each driver's
 * ValidateLogOpt in moby daemon/logger (jsonfilelog/jsonfilelog.go, local/config.go).
 * A driver missing here takes none of them.
 */
const LOG_OPTS_BY_DRIVER: Readonly<Record<string, readonly string[]>> = {
  'json-file': ['max-size', 'max-file', 'compress', 'labels', 'labels-regex', 'env', 'env-regex', 'tag'],
  'local': ['max-size', 'max-file', 'compress'],
};

type Settings = Readonly<Record<string, unknown>>;

/** Merges the child's daemon settings over the parent's (the library's merge rule, for daemon.json). */
export function mergeDaemonSettings(parent: Settings, child: Settings): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...parent, ...child };
  const driverChanged = child['log-driver'] !== undefined && child['log-driver'] !== parent['log-driver'];
  const inherited = parent['log-opts'];
  if (driverChanged && child['log-opts'] === undefined && isRecord(inherited)) {
    const takes = LOG_OPTS_BY_DRIVER[String(child['log-driver'])] ?? [];
    const kept = Object.fromEntries(Object.entries(inherited).filter(([k]) => takes.includes(k)));
    if (Object.keys(kept).length) merged['log-opts'] = kept;
    else delete merged['log-opts'];
  }
  return merged;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
