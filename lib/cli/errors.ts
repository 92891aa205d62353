/**
 * The CLI's one kind of expected failure: bad input. `main` prints its message as one line on
 * stderr and exits with code 2; anything else is a bug, reported the same way.
 */
export class CliError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** The message of anything thrown, on one line. */
export function oneLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.replace(/\s*\n\s*/g, ' ').trim();
}
