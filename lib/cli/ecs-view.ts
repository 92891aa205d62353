/**
 * The ECS side of a Bottlerocket fleet, read back from a synthesized stack: each
 * `aws_ecs_task_definition` the fleet created, with its DAEMON service, as a container the way
 * `explain` shows the other OSes' containers (their units and init scripts). These containers
 * are not in the first-boot payload, so `diff` reports their changes as new task-definition
 * revisions, which ECS rolls onto the running hosts without replacing them.
 */
import { CliError } from './errors';
import { ContainerView } from './host-view';
import { literalOf } from './util';
import { unescapeTemplate } from '../core/terraform-text';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

interface ContainerDefinition {
  name?: string;
  image?: string;
  command?: string[];
  environment?: Array<{ name: string; value: string }>;
  secrets?: Array<{ name: string; valueFrom: string }>;
  portMappings?: Array<{ containerPort: number; hostPort?: number; protocol?: string }>;
  mountPoints?: Array<{ sourceVolume: string; containerPath: string; readOnly?: boolean }>;
  memoryReservation?: number;
  logConfiguration?: { logDriver?: string; options?: Record<string, string> };
}

/** The ECS containers of the fleet at `fleetPath` (task definitions whose construct parent it is). */
export function ecsContainersOf(res: Resources, fleetPath: string, where: string,
  pathOf: (r: Record<string, unknown>, key: string) => string): ContainerView[] {
  const services = Object.values(res.aws_ecs_service ?? {});
  const out: ContainerView[] = [];
  for (const [key, td] of Object.entries(res.aws_ecs_task_definition ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (pathOf(td, key) !== fleetPath || typeof td.container_definitions !== 'string') continue;
    let defs: ContainerDefinition[];
    try {
      defs = JSON.parse(unescapeTemplate(literalOf(td.container_definitions))) as ContainerDefinition[];
    } catch (e) {
      throw new CliError(`${where}: aws_ecs_task_definition.${key}.container_definitions is not JSON (${(e as Error).message})`);
    }
    const volumes = new Map<string, string>();
    for (const v of (Array.isArray(td.volume) ? td.volume : []) as Array<Record<string, unknown>>) {
      const source = typeof v.host_path === 'string' ? unescapeTemplate(v.host_path) : v.docker_volume_configuration ? String(v.name) : '';
      volumes.set(String(v.name), source);
    }
    const service = services.find((s) => typeof s.task_definition === 'string' && s.task_definition.includes(
      `aws_ecs_task_definition.${key}.`));
    const family = String(td.family ?? key);
    for (const d of defs) {
      const prefix = d.logConfiguration?.options?.['awslogs-stream-prefix'] || undefined;
      const options = [
        d.memoryReservation !== undefined ? `memory reservation ${d.memoryReservation} MiB` : '',
        d.logConfiguration?.logDriver
          ? `logs: ${d.logConfiguration.logDriver}${prefix === undefined ? '' : ` (stream prefix ${prefix})`}` : '',
      ].filter(Boolean);
      out.push({
        name: String(d.name ?? family),
        image: String(d.image ?? ''),
        ports: (d.portMappings ?? []).map((p) => `${p.hostPort ? `${p.hostPort}:` : ''}${p.containerPort}/${p.protocol ?? 'tcp'}`),
        environment: Object.fromEntries((d.environment ?? []).map((e) => [e.name, e.value])),
        volumes: (d.mountPoints ?? []).map((m) =>
          `${volumes.get(m.sourceVolume) || `(anonymous ${m.sourceVolume})`}:${m.containerPath}${m.readOnly ? ':ro' : ''}`),
        command: d.command ?? [],
        secrets: (d.secrets ?? []).map((s) => `${s.name} ← ${s.valueFrom} (fetched by the ECS agent)`),
        options,
        source: `ECS ${service?.scheduling_strategy === 'DAEMON' ? 'DAEMON ' : ''}service ${String(service?.name ?? '(none)')}, task `
          + `definition ${family}`,
      });
    }
  }
  return out;
}
