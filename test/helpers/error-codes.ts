import { FleetConfigErrors } from '../../lib';

/** The FleetConfigError code `fn` throws (tests assert codes, not message wording), or undefined when it throws none. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return FleetConfigErrors.codeOf(e);
  }
  return undefined;
}
