/**
 * The messages of Bottlerocket on ECS: what a task definition cannot express, log retention,
 * the update window and its services.
 */
import { defineErrors, problem } from '../../../core/define-errors';

/** The messages of Bottlerocket on ECS. */
export const EcsErrors = defineErrors({
  ecsCannotExpress: (os: string, p: string, v: unknown, alternative: string) =>
    problem(p, v, `${os} runs containers as ECS tasks, whose definitions cannot express this; ${alternative}`),
  badLogRetention: (p: string, v: unknown, allowed: readonly number[]) =>
    problem(p, v, `expected one of CloudWatch Logs' retention periods in days (${allowed.join(', ')}), or 0 to keep logs forever`),
  bottlerocketWindowTooShort: (p: string, v: unknown, min: number) =>
    problem(p, v, `a Bottlerocket fleet's window must last at least ${min} minutes: the update runbook starts a host only while 20 `
      + `minutes of the window remain (at most 15 to apply the update and request the reboot after at least 5 of draining), so a `
      + `shorter window would never update a host; lengthen it, or use UpdatePolicy.immediate() or UpdatePolicy.disabled()`),
  badEcsServiceName: (p: string, v: unknown) =>
    problem(p, v, 'expected an ECS service name of 1-255 letters, digits, hyphens and underscores'),
});
