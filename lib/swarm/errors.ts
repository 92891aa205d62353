/**
 * The messages of Docker Swarm: manager counts, OSes that cannot form a swarm, update windows too
 * short for the managers' turns, live-restore (which swarm mode refuses), the parameter path.
 */
import { defineErrors, problem } from '../core/define-errors';

/** The messages of the swarm constructs. */
export const SwarmErrors = defineErrors({
  badManagerCount: (p: string, v: unknown) =>
    problem(p, v, 'expected 1, 3 or 5 managers: Raft needs a majority of managers to agree, so an even count tolerates no more failures '
      + 'than the odd count below it (3 and 5 tolerate 1 and 2 lost managers), and more than 5 slows every write; add capacity with '
      + 'workers'),
  swarmLiteralRequired: (p: string, v: unknown) =>
    problem(p, v, 'must be a literal number: the swarm sizes its quorum and update slots from it at synth time'),
  swarmUnsupportedOs: (p: string, v: unknown, why: string) =>
    problem(p, v, why),
  swarmUpdateWindowTooShort: (p: string, v: unknown, managers: number, workerTurns: number, needed: number) =>
    problem(p, v, `the ${managers} managers get one turn each inside the window${workerTurns > 0 ? `, and the workers ${workerTurns} more `
      + `after them` : ''}, at least 20 minutes apiece (10 to start a reboot, 10 to reboot and rejoin), so the window must last at least `
      + `${needed} minutes; lengthen it or use fewer managers`),
  swarmLiveRestore: (p: string, v: unknown) =>
    problem(p, v, 'a swarm node needs live-restore off: dockerd refuses `docker swarm init` and `join` with it on ("--live-restore '
      + 'daemon configuration is incompatible with swarm mode"); remove the key (the swarm turns it off) or set it to false'),
  badSwarmName: (p: string, v: unknown) =>
    problem(p, v, 'expected a literal name of 1-23 letters, digits and hyphens, starting with a letter or digit: it names the fleets '
      + "'<name>-managers' and '<name>-workers', whose names are at most 32 characters"),
  badSwarmParameterPath: (p: string, v: unknown) =>
    problem(p, v, "expected an SSM parameter path like '/docker-swarm/prod': a leading slash, 1-15 levels of [A-Za-z0-9_.-], no trailing "
      + "slash, not starting with /aws or /ssm"),
});
