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

/** The error `fn` throws; fails the test when it throws none. */
export function thrown(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
