/**
 * The Alpine release branches this library supports, as data: the point release whose cloud
 * images the libvirt default uses, how that branch's cloud images are named, and until when each
 * of its repositories gets fixes. Checked on 2026-12-07 against these sources:
 *
 * - Support policy: https://wiki.alpinelinux.org/wiki/Repositories (`main` about two years;
 *   `community`, where Docker lives, "supported until the next stable release") and
 *   https://alpinelinux.org/releases/ (end of support: v3.22 2027-05-01, v3.23 2027-11-01; v3.21
 *   ended 2026-11-01). So `communitySupportEnds` is the next branch's release date.
 * - Release dates: the docker-library/official-images history of `library/alpine` (3.22.0 added
 *   2025-05-30, 69f9932355; 3.23.0 2025-12-03, 1f53339c85; 3.24.0 2026-06-09, 8b15290651);
 *   3.25.0 was built on 2026-12-03 (https://dl-cdn.alpinelinux.org/alpine/v3.25/releases/).
 * - Point releases: `alpine-minirootfs-3.22.6`, `-3.23.6`, `-3.24.2` in the official images
 *   rebuilt on 2026-09-17 (docker-library/repo-info `repos/alpine`).
 * - Cloud image names: from 3.24.2 on, `alpine-<release>-<arch>-<bootstrap>-r<rev>.qcow2` under
 *   https://dl-cdn.alpinelinux.org/alpine/v3.24/releases/cloud/ (no cloud prefix, no firmware),
 *   e.g. `alpine-3.24.2-x86_64-tiny-r0.qcow2`; earlier branches keep
 *   `nocloud_alpine-<release>-<arch>-<firmware>-<bootstrap>-r<rev>.qcow2` and AMI names with the
 *   firmware (e.g. `alpine-3.23.6-x86_64-uefi-cloudinit-r0`). UNCERTAIN: 3.25's names (taken to
 *   follow 3.24.2's), the AMI names of the new scheme (both schemes are searched), and whether a
 *   new-scheme image boots with BIOS firmware (libvirt's default).
 * - `estimated` dates are not read from alpinelinux.org: v3.24's end (2028-06-01) is from a copy of
 *   https://alpinelinux.org/releases.json in a public project's test fixture (2026-10); v3.25's
 *   follows earlier branches (the 1st of the month about two years on, the earlier of the two
 *   candidates); the newest branch's `community` ends when the next branch is released, which
 *   comes every May/June and November/December.
 */

/**
 * How a branch's cloud images are named: `with-firmware` as
 * `nocloud_alpine-3.23.6-x86_64-bios-tiny-r0.qcow2` (AMI `alpine-3.23.6-x86_64-bios-tiny-r0`),
 * `unified` as `alpine-3.24.2-x86_64-tiny-r0.qcow2` (one image for every cloud).
 */
export type AlpineImageNaming = 'with-firmware' | 'unified';

/** One release branch. Dates are `YYYY-MM-DD` (UTC). */
export interface AlpineRelease {
  /** The branch, e.g. `3.25`. */
  readonly branch: string;
  /** The point release whose cloud image the libvirt default downloads. */
  readonly pointRelease: string;
  readonly imageNaming: AlpineImageNaming;
  /** The branch's x.y.0 release. */
  readonly released: string;
  /** The last day `main` (kernel, OpenSSL, apk ...) gets security fixes. */
  readonly mainSupportEnds: string;
  /** The day `community` (Docker, containerd, runc) stops getting fixes: the next branch's release. */
  readonly communitySupportEnds: string;
  /** Which of the dates are estimates (see the file comment). */
  readonly estimated: ReadonlyArray<'mainSupportEnds' | 'communitySupportEnds'>;
}

/** Supported branches, oldest first (3.21 and older: `main` support ended). */
export const ALPINE_RELEASE_DATA: readonly AlpineRelease[] = [
  { branch: '3.22', pointRelease: '3.22.6', imageNaming: 'with-firmware', released: '2025-05-30', mainSupportEnds: '2027-05-01', communitySupportEnds: '2025-12-03', estimated: [] },
  { branch: '3.23', pointRelease: '3.23.6', imageNaming: 'with-firmware', released: '2025-12-03', mainSupportEnds: '2027-11-01', communitySupportEnds: '2026-06-09', estimated: [] },
  { branch: '3.24', pointRelease: '3.24.2', imageNaming: 'unified', released: '2026-06-09', mainSupportEnds: '2028-06-01', communitySupportEnds: '2026-12-03', estimated: ['mainSupportEnds'] },
  { branch: '3.25', pointRelease: '3.25.0', imageNaming: 'unified', released: '2026-12-03', mainSupportEnds: '2028-11-01', communitySupportEnds: '2027-06-30', estimated: ['mainSupportEnds', 'communitySupportEnds'] },
];

/** The date the release data was last checked against the sources above. */
export const ALPINE_DATA_CHECKED = '2026-12-07';

/** The newest supported branch: the default. */
export const ALPINE_NEWEST = ALPINE_RELEASE_DATA[ALPINE_RELEASE_DATA.length - 1].branch;

/** The record of a supported branch (the caller has validated it). */
export function alpineRelease(branch: string): AlpineRelease {
  const r = ALPINE_RELEASE_DATA.find((x) => x.branch === branch);
  if (r === undefined) throw new Error(`no Alpine release data for ${branch}`);
  return r;
}

/**
 * What a fleet on `release` lacks on `today`: no fixes at all once `main` support ended; no Docker
 * fixes once `community` support ended. Empty while both are supported. The messages name the
 * fixed end dates, never today's, so they change only when a date passes.
 */
export function alpineSupportWarnings(displayName: string, release: AlpineRelease, today: string): string[] {
  const newest = ALPINE_NEWEST === release.branch ? undefined : ALPINE_NEWEST;
  const move = newest === undefined ? 'update cdktf-docker-fleet for a newer branch' : `use release '${newest}'`;
  if (today >= release.mainSupportEnds) {
    return [`${displayName}: Alpine ${release.branch} reached the end of its support on ${release.mainSupportEnds}${release.estimated.includes('mainSupportEnds') ? ' (expected date)' : ''}: `
      + `its hosts get no security fixes at all (https://alpinelinux.org/releases/); ${move}`];
  }
  if (today < release.communitySupportEnds) return [];
  if (release.estimated.includes('communitySupportEnds')) {
    return [`${displayName}: Docker comes from Alpine's community repository, which is supported only until the next stable branch; `
      + `that branch was expected by ${release.communitySupportEnds} (this library's release data is from ${ALPINE_DATA_CHECKED}), so ${release.branch}'s Docker probably gets no fixes any more: `
      + 'check https://alpinelinux.org/releases/ and update cdktf-docker-fleet'];
  }
  return [`${displayName}: Docker comes from Alpine's community repository, which is supported only until the next stable branch: `
    + `${release.branch}'s community repository gets no fixes since ${release.communitySupportEnds}, so its Docker, containerd and runc stay unpatched; ${move}`];
}

/** The README's branch table (header and one row per branch), from this data. */
export function alpineReleaseRows(): string[] {
  const date = (r: AlpineRelease, k: 'mainSupportEnds' | 'communitySupportEnds') => `${r[k]}${r.estimated.includes(k) ? ' (expected)' : ''}`;
  return [
    '| branch | released | `community` (Docker) supported until | `main` supported until | libvirt image |',
    '|---|---|---|---|---|',
    ...ALPINE_RELEASE_DATA.map((r) => `| ${r.branch} | ${r.released} | ${date(r, 'communitySupportEnds')} | ${date(r, 'mainSupportEnds')} | ${r.pointRelease} |`),
  ];
}
