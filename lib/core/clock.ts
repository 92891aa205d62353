/**
 * The library's one clock. It is read only to warn about support dates that have passed (e.g. an
 * Alpine branch whose community repository, where Docker lives, is no longer maintained), never
 * for anything written into the synthesized Terraform: the same app synthesizes the same JSON on
 * any day. Tests replace `clock.now` to pin the date.
 */
export const clock = {
  /** The current time. */
  now: (): Date => new Date(),
};

/** Today's date in UTC as `YYYY-MM-DD`, comparable as a string with the support dates. */
export function today(): string {
  return clock.now().toISOString().slice(0, 10);
}
