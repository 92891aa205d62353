/**
 * Alpine's upgrade script, run for real by dash and by busybox sh (Alpine's own shell) with a
 * fake clock (FLEET_NOW) and fake apk/uname/logger/reboot: windows are UTC, each window upgrades
 * once, and a reboot happens only while the window is still open.
 */
import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { UpdatePolicy, Weekday } from '../../lib';
import { upgradeScript } from '../../lib/os/alpine';
import { describeWithTools, findTool, requireTools } from '../helpers/tools';

const SHELLS = [['dash', findTool('dash')], ['busybox', findTool('busybox')]] as const;
// Saturday 22:30 UTC for 90 minutes: crosses midnight into Sunday.
const WINDOW = { days: [Weekday.SATURDAY], startMinute: 22 * 60 + 30, durationMinutes: 90 };
/** 2026-11-28 is a Saturday. */
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function run(shell: readonly [string, { path?: string }], script: string, now: number, state: string, kernelReplaced = false): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'apk-upgrade.'));
  try {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const log = join(dir, 'log');
    const fake = (name: string, body: string) => { writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`); chmodSync(join(bin, name), 0o755); };
    fake('apk', `echo "apk $*" >> ${log}`);
    mkdirSync(join(dir, 'modules', '6.12.1-0-virt'), { recursive: true });
    fake('uname', kernelReplaced ? 'echo 6.12.0-0-virt' : 'echo 6.12.1-0-virt');
    fake('logger', `echo "logger $*" >> ${log}`);
    fake('reboot', `echo reboot >> ${log}`);
    writeFileSync(join(dir, 'script'), script);
    const args = shell[0] === 'busybox' ? [shell[1].path!, ['sh', join(dir, 'script')]] as const : [shell[1].path!, [join(dir, 'script')]] as const;
    const r = spawnSync(args[0], [...args[1]], { env: { PATH: `${bin}:/usr/bin:/bin`, FLEET_NOW: String(now), FLEET_STATE_DIR: state, FLEET_MODULES_DIR: join(dir, 'modules') }, encoding: 'utf8' });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    try {
      return readFileSync(log, 'utf8').trim().split('\n');
    } catch {
      return [];
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeWithTools(SHELLS)('the Alpine upgrade script', () => {
  beforeAll(() => requireTools(SHELLS));
  const windowed = upgradeScript('test', WINDOW);
  const immediate = upgradeScript('test', undefined);

  describe.each(SHELLS)('under %s', (_name, tool) => {
    const shell = [_name, tool] as const;
    let state: string;
    beforeEach(() => { state = mkdtempSync(join(tmpdir(), 'apk-state.')); });
    afterEach(() => rmSync(state, { recursive: true, force: true }));

    test('does nothing outside the window', () => {
      expect(run(shell, windowed, at('2026-11-28T22:29:00Z'), state)).toEqual([]);
      expect(run(shell, windowed, at('2026-11-29T00:00:00Z'), state)).toEqual([]);
      expect(run(shell, windowed, at('2026-11-27T22:45:00Z'), state)).toEqual([]);
    });

    test('upgrades once inside the window, also after midnight, and not again in the same window', () => {
      expect(run(shell, windowed, at('2026-11-28T22:30:00Z'), state)).toEqual(['apk update -q', 'apk upgrade -q']);
      expect(run(shell, windowed, at('2026-11-28T23:50:00Z'), state)).toEqual([]);
      expect(run(shell, windowed, at('2026-12-05T23:59:00Z'), state)).toEqual(['apk update -q', 'apk upgrade -q']);
    });

    test('reboots for a replaced kernel only while the window is open', () => {
      expect(run(shell, windowed, at('2026-11-28T23:40:00Z'), state, true)).toEqual(['apk update -q', 'apk upgrade -q', 'logger -t docker-fleet kernel updated; rebooting', 'reboot']);
    });

    test('immediate upgrades at every run and reboots at once for a replaced kernel', () => {
      expect(run(shell, immediate, at('2026-11-25T10:00:00Z'), state, true)).toEqual(['apk update -q', 'apk upgrade -q', 'logger -t docker-fleet kernel updated; rebooting', 'reboot']);
      expect(run(shell, immediate, at('2026-11-25T10:00:00Z'), state)).toEqual(['apk update -q', 'apk upgrade -q']);
    });
  });

  test('the script a policy renders is the one tested here', () => {
    expect(UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:30', durationMinutes: 90 }).toString()).toBe('maintenance-window SATURDAY 22:30 +90m');
  });
});
