/**
 * Bad input under `cdktf synth` / `cdktn synth`, reported once, as the CLI reports a construct's
 * error annotations.
 *
 * The CLI runs the app as a child process and prints its stderr twice: each chunk as it arrives,
 * and all of it again under "Command output on stderr" when the app exits non-zero
 * (@cdktf/commons `exec` and `shell`, @cdktf/cli-core `synth-stack.ts`; the same in cdktn-cli
 * 0.24). A construct's error annotations are printed once, `ERROR [<construct path>]: <message>`,
 * and fail the synth (@cdktf/cli-core `synth.ts` `printAnnotations`).
 *
 * So when a fleet or swarm constructor throws a FleetConfigError while the CLI synthesizes (it
 * sets CDKTF_OUTDIR and CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS for the app), and nothing
 * catches it, each of its problems becomes an error annotation on the construct that reported
 * it, and the app is synthesized as far as it got: the CLI prints every problem once and fails,
 * and `cdktf deploy` stops there. Anywhere else (jest, a plain `node main.js`, a caught error)
 * the error is thrown as it is.
 */
import { AnnotationMetadataEntryType } from 'cdktf';
import { IConstruct } from 'constructs';
import { FleetConfigError } from '../core/fleet-config-error';

const ARMED = Symbol.for('cdktf-docker-fleet/reported-under-cli-synth');

/** True while the cdktf or cdktn CLI runs this app for `synth` (and `diff`, `deploy`, which synthesize first). */
export function underCliSynth(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CDKTF_OUTDIR !== undefined && env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
}

/**
 * The reporter a construct gives its Problems collector: a FleetConfigError it throws is also
 * reported as error annotations under the CLI, if nothing catches it.
 */
export function reportUnderCliSynth(scope: IConstruct): (error: FleetConfigError) => void {
  return (error) => {
    if (underCliSynth()) reportIfUncaught(scope, error);
  };
}

/** The annotation text of one problem (the CLI prints the construct path before it). */
export function annotationOf(problem: FleetConfigError): string {
  return `${problem.property}: got ${problem.shownValue}; ${problem.allowed}`;
}

function reportIfUncaught(scope: IConstruct, error: FleetConfigError): void {
  const marks = error as unknown as Record<symbol, boolean>;
  if (marks[ARMED]) return; // an inner construct (a swarm's fleet) armed it already
  Object.defineProperty(error, ARMED, { value: true });
  const onUncaught = (thrown: unknown): void => {
    process.off('uncaughtException', onUncaught);
    if (thrown === error && annotate(scope, error)) return; // exit code 0: the CLI fails on the annotations
    // Node's own report of an uncaught exception, which this listener replaced
    process.stderr.write(`${(thrown as Error)?.stack ?? String(thrown)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', onUncaught);
  // Caught after all: the listener goes once the current job is done.
  setImmediate(() => process.off('uncaughtException', onUncaught)).unref();
}

/** Annotates and synthesizes the app; false when that cannot be done (no App at the root). */
function annotate(scope: IConstruct, error: FleetConfigError): boolean {
  const root = scope.node.root as IConstruct & { synth?: () => void };
  if (typeof root.synth !== 'function') return false;
  const byPath = new Map(root.node.findAll().map((c) => [c.node.path, c] as const));
  for (const p of error.problems) {
    const at = (p.constructPath !== undefined ? byPath.get(p.constructPath) : undefined) ?? scope;
    at.node.addMetadata(AnnotationMetadataEntryType.ERROR, annotationOf(p));
  }
  try {
    root.synth();
    return true;
  } catch {
    return false;
  }
}
