/**
 * The messages of the OS catalog: channels, what an OS cannot express, update policies,
 * platforms an OS does not run on, fragments of another format.
 */
import { defineErrors, problem } from '../core/define-errors';

/** The messages of the OS catalog. */
export const OsErrors = defineErrors({
  unknownChannel: (os: string, p: string, v: unknown, allowed: readonly string[]) =>
    // p names the kind of channel: 'stream', 'channel', 'release' or 'variant'
    problem(p, v, `${os} has the ${p}s ${allowed.map((a) => `'${a}'`).join(', ')}`),
  unsupportedPolicy: (os: string, v: unknown, alternatives: string) =>
    problem('updatePolicy', v, `${os} does not support this update policy; use ${alternatives}`),
  unsupportedPlatform: (os: string, v: unknown, alternative: string) =>
    problem('platform', v, `${os} is not available on this platform; ${alternative}`),
  compressedImage: (os: string, v: unknown, hint: string) =>
    problem('image', v, `${os} publishes this image compressed, and libvirt cannot use a compressed image by URL; ${hint}`),
  fragmentFormat: (os: string, v: unknown, allowed: string, factory: string) =>
    problem('hostConfig.fragments', v, `${os} reads ${allowed}; give a fragment of that format (FirstBootFragment.${factory}(...))`),
  badWeekday: (p: string, v: unknown) =>
    problem(p, v, "expected Weekday values: 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'"),
});
