/**
 * Container secrets at boot, for real (issue 16). Fedora CoreOS and Flatcar: the payload applied
 * by Ignition, booted with systemd as PID 1 in systemd-nspawn; Alpine: its init scripts run by
 * openrc-run and supervise-daemon. In each root a fake AWS CLI (reached, on the systemd OSes,
 * through a fake `docker run` of the pinned CLI image) returns values that break quoting, a fake
 * IMDS `curl` returns the region, and a fake docker records every argv. Shown: the value arrives
 * in the container's env file (mode 0600, root, tmpfs), never on any command line (Alpine's
 * services and the fetcher run under busybox ash, its /bin/sh); a secret that
 * cannot be fetched keeps its container down, says why, and is retried; a failed first fetch
 * is retried and the container then starts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AlpineBootstrap, ContainerOs, ContainerSecret, HostConfig } from '../../lib';
import { AWS_CLI_IMAGE, SECRET_FETCHER } from '../../lib/bootconfig/secret-fetch';
import { FAKE_DOCKER, TOOLS, copyRoot, dockerCalls, fakeDaemon, nspawnRun, rmrf, run, scratch } from '../helpers/effect';
import { IgnitionOs, addOsUsers, applyIgnition, unitProps, writeVendorUnits } from '../helpers/effect-ignition';
import { cloudConfigFile } from '../helpers/payloads';
import { describeWithTools, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.ignition, TOOLS.nspawn, TOOLS.debootstrap];
const SSM_OK = '/prod/db/password';
const SSM_MISSING = '/prod/missing';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-AbCdEf';
/** What the fake stores return: quotes, `$`, `%`, a backslash, runs of spaces, `;`, a glob. */
const DB_PASSWORD = 'pa ss\'"$HOME %n \\back  ;*';
const API_KEY = 'k 1 $(id) `id`';
const SECRET_STRING = JSON.stringify({ key: API_KEY, other: 2 });
const VALUES = [DB_PASSWORD, API_KEY, SECRET_STRING];
const SECRETS_FILE = '/run/docker-fleet/secrets/app.env';
const BOOT_TIMEOUT_MS = 240_000;

jest.setTimeout(480_000);

function secretsHost(): HostConfig {
  const h = new HostConfig();
  h.addContainer({
    name: 'app', image: 'ghcr.io/org/app:1.4', environment: { PLAIN: 'x' },
    secrets: { DB_PASSWORD: ContainerSecret.fromSsmParameter(SSM_OK), API_KEY: ContainerSecret.fromSecretsManager(SECRET_ARN, { jsonKey: 'key' }) },
  });
  h.addContainer({ name: 'down', image: 'ghcr.io/org/down:1', secrets: { TOKEN: ContainerSecret.fromSsmParameter(SSM_MISSING) } });
  return h;
}

const EXPECTED_APP_RUN = ['run', '--rm', '--name', 'app', '--env-file', '/etc/docker-fleet/containers/app.env', '--env-file', SECRETS_FILE, 'ghcr.io/org/app:1.4'];

const key = (id: string) => id.replace(/[^A-Za-z0-9]/g, '_');

/**
 * A fake `aws`: records its argv, answers get-parameter / get-secret-value from /etc/fake-aws,
 * fails the first call for an id with a `.failfirst` marker, and fails like the real CLI
 * (exit 254, message on stderr) for ids it does not hold.
 */
const FAKE_AWS = `#!/bin/bash
printf '%s\\n' "$*" >>/var/log/fake-aws.argv
id=''; prev=''
for a in "$@"; do case $prev in --name|--secret-id) id=$a ;; esac; prev=$a; done
k=$(printf %s "$id" | tr -c 'A-Za-z0-9' _)
n=$(cat "/var/log/fake-aws.count.$k" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" >"/var/log/fake-aws.count.$k"
if [ ! -f "/etc/fake-aws/$k" ]; then
  echo "An error occurred (ParameterNotFound) when calling the GetParameter operation: (fake) $id" >&2; exit 254
fi
if [ -f "/etc/fake-aws/$k.failfirst" ] && [ "$n" -eq 1 ]; then
  echo "An error occurred (AccessDeniedException): (fake) first call for $id fails on purpose" >&2; exit 254
fi
cat "/etc/fake-aws/$k"; echo
`;

/** A fake IMDSv2 for curl: a token, then the region. */
const FAKE_CURL = `#!/bin/sh
printf '%s\\n' "$*" >>/var/log/fake-curl.argv
case "$*" in *api/token*) echo FAKE-IMDS-TOKEN ;; *placement/region*) echo eu-west-1 ;; *) exit 7 ;; esac
`;

/** docker: a run of the pinned CLI image becomes the fake aws (argv recorded); anything else the fake docker. */
const DOCKER_WRAPPER = `#!/bin/bash
if [ "$1" = run ]; then
  for ((i = 2; i <= $#; i++)); do
    if [ "\${!i}" = '${AWS_CLI_IMAGE}' ]; then
      printf '%s\\n' "$*" >>/var/log/fake-cli-runs
      exec /usr/local/bin/aws "\${@:i+1}"
    fi
  done
fi
exec /usr/bin/docker.fake "$@"
`;

/** After `run --name app` and two failed fetches of the missing secret: the evidence, from inside. */
function collectScript(after: string): string {
  return `
out=/var/log/effect
mkdir -p "$out"
for i in $(seq 1 150); do
  n=$(cat /var/log/fake-aws.count.${key(SSM_MISSING)} 2>/dev/null || echo 0)
  if grep -q '^\\["run","--rm","--name","app"' /var/log/fake-docker.argv 2>/dev/null && [ "$n" -ge 2 ]; then break; fi
  sleep 1
done
stat -c '%a %u %g' ${SECRETS_FILE} >"$out/secrets-file.stat" 2>&1
stat -c '%a' /run/docker-fleet /run/docker-fleet/secrets >"$out/secrets-dirs.stat" 2>&1
stat -f -c '%T' /run/docker-fleet/secrets >"$out/secrets-fs" 2>&1
cp ${SECRETS_FILE} "$out/app.env.copy" 2>>"$out/errors"
ls -A /run/docker-fleet/secrets >"$out/secrets.ls" 2>&1
cat /proc/[0-9]*/cmdline 2>/dev/null | tr '\\0' ' ' >"$out/cmdlines"
${after}
`;
}

function writeFile(root: string, p: string, text: string, mode = 0o755): void {
  const f = path.join(root, p);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text, { mode });
  fs.chmodSync(f, mode);
}

/** The fake stores, jq (copied from the host: same Debian release), fake IMDS curl. */
function writeFakes(root: string, awsPath: string): void {
  writeFile(root, awsPath, FAKE_AWS);
  writeFile(root, 'usr/bin/curl', FAKE_CURL);
  writeFile(root, `etc/fake-aws/${key(SSM_OK)}`, DB_PASSWORD, 0o600);
  writeFile(root, `etc/fake-aws/${key(SSM_OK)}.failfirst`, '', 0o600);
  writeFile(root, `etc/fake-aws/${key(SECRET_ARN)}`, SECRET_STRING, 0o600);
  for (const f of ['usr/bin/jq', 'usr/lib/x86_64-linux-gnu/libjq.so.1', 'usr/lib/x86_64-linux-gnu/libonig.so.5']) {
    fs.copyFileSync(fs.realpathSync(`/${f}`), path.join(root, f));
    fs.chmodSync(path.join(root, f), 0o755);
  }
}

function read(root: string, p: string): string {
  const f = path.join(root, p);
  return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '';
}

let work: string;
beforeAll(() => { work = scratch('secrets'); });
afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

interface Outcome { root: string; code: number | null; out: string }

const boots = new Map<string, Promise<Outcome>>();

function bootSystemd(os: IgnitionOs): Promise<Outcome> {
  if (!boots.has(os)) {
    boots.set(os, (async () => {
      const root = path.join(work, os);
      fs.mkdirSync(root);
      await copyRoot(root);
      await addOsUsers(root);
      writeVendorUnits(root, { daemons: true });
      const payload = (os === 'fcos' ? ContainerOs.fedoraCoreOs() : ContainerOs.flatcar()).renderFirstBoot(secretsHost()).content;
      await applyIgnition(root, payload, path.join(work, `${os}-ignition`));
      fs.renameSync(path.join(root, 'usr/bin/docker'), path.join(root, 'usr/bin/docker.fake'));
      writeFile(root, 'usr/bin/docker', DOCKER_WRAPPER);
      writeFakes(root, 'usr/local/bin/aws');
      writeFile(root, 'usr/local/sbin/effect-probe', `#!/bin/bash\n${collectScript(`
for u in container-app.service container-down.service; do systemctl show "$u" -p ActiveState,SubState,Result,NRestarts >"$out/$u.show"; done
journalctl -b --no-pager -o cat >"$out/journal"
systemctl poweroff --no-block`)}`);
      writeFile(root, 'etc/systemd/system/effect-probe.service', '[Unit]\nDescription=effect-test probe\nAfter=multi-user.target\n\n[Service]\nType=oneshot\nExecStart=/usr/local/sbin/effect-probe\n', 0o644);
      fs.mkdirSync(path.join(root, 'etc/systemd/system/multi-user.target.wants'), { recursive: true });
      fs.symlinkSync('/etc/systemd/system/effect-probe.service', path.join(root, 'etc/systemd/system/multi-user.target.wants/effect-probe.service'));
      fs.symlinkSync('/dev/null', path.join(root, 'etc/systemd/system/systemd-firstboot.service'));
      fs.symlinkSync('/dev/null', path.join(root, 'etc/systemd/system/systemd-networkd-wait-online.service'));
      fs.mkdirSync(path.join(root, 'etc/systemd/system.conf.d'), { recursive: true });
      fs.writeFileSync(path.join(root, 'etc/systemd/system.conf.d/effect.conf'), '[Manager]\nDefaultTimeoutStopSec=10s\n');
      fs.writeFileSync(path.join(root, 'etc/machine-id'), 'uninitialized\n');
      const b = await run('systemd-nspawn', ['-q', '--register=no', '--keep-unit', '--private-network', '--console=pipe', '-D', root, '--boot'],
        { timeoutMs: BOOT_TIMEOUT_MS });
      // eslint-disable-next-line no-console
      console.log(`secrets ${os}: boot took ${b.ms} ms`);
      return { root, code: b.code, out: (b.stdout + b.stderr).slice(-4000) };
    })());
  }
  return boots.get(os)!;
}

const DOCKER_INIT = '#!/sbin/openrc-run\ndescription="fake docker daemon (effect test)"\nsupervisor=supervise-daemon\ncommand=/usr/bin/dockerd\n';

function runOpenRc(): Promise<Outcome> {
  if (!boots.has('alpine')) {
    boots.set('alpine', (async () => {
      const doc = ContainerOs.alpine({ bootstrap: AlpineBootstrap.CLOUD_INIT }).renderFirstBoot(secretsHost()).content;
      const root = path.join(work, 'alpine');
      fs.mkdirSync(root);
      await copyRoot(root);
      // the files cloud-init would write: init scripts, the plain env file, the fetcher
      for (const s of ['container-app', 'container-down']) writeFile(root, `etc/init.d/${s}`, cloudConfigFile(doc, `/etc/init.d/${s}`)!);
      writeFile(root, 'etc/docker-fleet/containers/app.env', cloudConfigFile(doc, '/etc/docker-fleet/containers/app.env')!, 0o600);
      writeFile(root, SECRET_FETCHER.slice(1), cloudConfigFile(doc, SECRET_FETCHER)!, 0o700);
      writeFile(root, 'etc/init.d/docker', DOCKER_INIT);
      writeFile(root, 'usr/bin/docker', FAKE_DOCKER);
      writeFile(root, 'usr/bin/dockerd', fakeDaemon('dockerd'));
      // Alpine: the packaged CLI at /usr/bin/aws; busybox syslog stands in as a logger that records
      writeFakes(root, 'usr/bin/aws');
      writeFile(root, 'usr/bin/logger', '#!/bin/sh\nprintf \'%s\\n\' "$*" >>/var/log/fake-syslog\n');
      writeFile(root, 'usr/local/sbin/effect-openrc', `#!/bin/bash
set -u
mkdir -p /run/openrc/{started,starting,stopping,inactive,wasinactive,failed,hotplugged,daemons,options,exclusive,scheduled,init.d,tmp}
echo default >/run/openrc/softlevel
rc=0
/etc/init.d/docker start || rc=1
for s in container-app container-down; do /etc/init.d/$s start || rc=1; done
${collectScript('')}
for s in container-app container-down; do /etc/init.d/$s status >>"$out/status" 2>&1; /etc/init.d/$s stop || rc=1; done
/etc/init.d/docker stop || rc=1
exit $rc
`);
      // /bin/sh is busybox ash, as on Alpine: openrc-run, the wrapper and the fetcher run under it
      fs.rmSync(path.join(root, 'bin/sh'));
      fs.symlinkSync('/bin/busybox', path.join(root, 'bin/sh'));
      const r = await nspawnRun(root, ['/usr/local/sbin/effect-openrc'], { timeoutMs: BOOT_TIMEOUT_MS, extra: ['--private-network'] });
      return { root, code: r.code, out: (r.stdout + r.stderr).slice(-4000) };
    })());
  }
  return boots.get('alpine')!;
}

const CASES: Array<[string, () => Promise<Outcome>]> = [['fcos', () => bootSystemd('fcos')], ['flatcar', () => bootSystemd('flatcar')], ['alpine', runOpenRc]];

describeWithTools(CHECKS)('container secrets fetched at boot', () => {
  beforeAll(() => {
    if (CHECKS.every(([, c]) => c.ok)) for (const [, start] of CASES) void start();
  });
  beforeEach(() => requireTools(CHECKS));

  describe.each(CASES)('%s', (os, start) => {
    test('boots (or runs the services) to the end', async () => {
      const r = await start();
      expect({ code: r.code, out: r.code === 0 ? '' : r.out }).toEqual({ code: 0, out: '' });
    });

    test('the container runs with the fetched values in a root-only env file on tmpfs', async () => {
      const { root } = await start();
      expect(read(root, 'var/log/effect/app.env.copy')).toBe(`API_KEY=${API_KEY}\nDB_PASSWORD=${DB_PASSWORD}\n`);
      expect(read(root, 'var/log/effect/secrets-file.stat')).toBe('600 0 0\n');
      expect(read(root, 'var/log/effect/secrets-dirs.stat')).toBe('700\n700\n');
      expect(read(root, 'var/log/effect/secrets-fs')).toBe('tmpfs\n');
      const runs = dockerCalls(root).filter((a) => a[0] === 'run' && a[3] === 'app');
      expect(runs[0]).toEqual(EXPECTED_APP_RUN);
    });

    test('no value is on any command line: docker, the CLI, curl, or any process while running', async () => {
      const { root } = await start();
      const argvs = [JSON.stringify(dockerCalls(root)), read(root, 'var/log/fake-aws.argv'), read(root, 'var/log/fake-cli-runs'),
        read(root, 'var/log/fake-curl.argv'), read(root, 'var/log/effect/cmdlines')];
      expect(argvs[1]).toContain(SSM_OK);
      expect(argvs[4]).toContain('sleep');
      for (const a of argvs) for (const v of VALUES) expect(a).not.toContain(v);
    });

    test('asks the right region: the instance\'s (IMDSv2) for SSM, the ARN\'s for Secrets Manager', async () => {
      const { root } = await start();
      const calls = read(root, 'var/log/fake-aws.argv').split('\n');
      expect(calls).toContain(`--region eu-west-1 ssm get-parameter --with-decryption --name ${SSM_OK} --query Parameter.Value --output text`);
      expect(calls).toContain(`--region us-east-1 secretsmanager get-secret-value --secret-id ${SECRET_ARN} --query SecretString --output text`);
      expect(read(root, 'var/log/fake-curl.argv')).toMatch(/-X PUT -H X-aws-ec2-metadata-token-ttl-seconds: 60 http:\/\/169\.254\.169\.254\/latest\/api\/token/);
    });

    if (os !== 'alpine') {
      test('runs the pinned CLI image with host networking and no container log', async () => {
        const { root } = await start();
        const cli = read(root, 'var/log/fake-cli-runs').split('\n').filter((l) => l);
        expect(cli.length).toBeGreaterThanOrEqual(4);
        for (const l of cli) expect(l.startsWith(`run --rm --network host --log-driver none ${AWS_CLI_IMAGE} --region `)).toBe(true);
      });
    }

    test('a failed first fetch is retried, and the container starts only after it succeeded', async () => {
      const { root } = await start();
      expect(read(root, `var/log/fake-aws.count.${key(SSM_OK)}`)).toBe('2\n');
      expect(dockerCalls(root).filter((a) => a[0] === 'run' && a[3] === 'app')).toHaveLength(1);
    });

    test('a secret that cannot be fetched keeps its container down, says why, and is retried', async () => {
      const { root } = await start();
      expect(Number(read(root, `var/log/fake-aws.count.${key(SSM_MISSING)}`))).toBeGreaterThanOrEqual(2);
      expect(dockerCalls(root).filter((a) => a[0] === 'run' && a[3] === 'down')).toEqual([]);
      expect(read(root, 'var/log/effect/secrets.ls')).toBe('app.env\n');
      const why = `TOKEN: cannot fetch ssm ${SSM_MISSING} with the instance role (the CLI's error is above); the container stays down and is retried`;
      if (os === 'alpine') {
        expect(read(root, 'var/log/fake-syslog')).toContain(why);
      } else {
        const journal = read(root, 'var/log/effect/journal');
        expect(journal).toContain(why);
        expect(journal).toContain(`An error occurred (ParameterNotFound) when calling the GetParameter operation: (fake) ${SSM_MISSING}`);
        expect(unitProps(root, 'container-app.service')).toMatchObject({ ActiveState: 'active', SubState: 'running' });
        const down = unitProps(root, 'container-down.service');
        expect(['activating', 'failed']).toContain(down.ActiveState);
        expect(Number(down.NRestarts)).toBeGreaterThanOrEqual(1);
      }
    });
  });
});
