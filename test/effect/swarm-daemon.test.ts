/**
 * A swarm host's Docker settings, judged by a real dockerd: an AwsDockerSwarm is synthesized for
 * each OS, the managers' user data decoded, and the daemon.json, node script and settings it
 * carries are put where the host has them. A real dockerd (Debian's docker.io) starts with that
 * daemon.json in its own network and mount namespaces, and `docker swarm init` asks it whether
 * these settings allow swarm mode (dockerd refuses it with live-restore on). The node script's
 * own work (formation, joins, replacements, reboots) is judged by real engines in
 * swarm-scenarios.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { Testing } from 'cdktf';
import { AwsDockerSwarm, AwsImage, ContainerOs, HostConfig } from '../../lib';
import { SWARM_ENV, SWARM_SCRIPT } from '../../lib/swarm/swarm-script';
import { TOOLS, rmrf, run, scratch } from '../helpers/effect';
import { cloudConfigFile, ignitionFile } from '../helpers/payloads';
import { FAKE_AWS, FAKE_IMDS } from '../helpers/swarm-fakes';
import { PINNED_AMI, SUBNETS, VPC, awsStack, unsensitive } from '../platforms/aws/aws-fixtures';
import { describeWithTools, findTool, requireTools } from '../helpers/tools';

const CHECKS = [TOOLS.root, TOOLS.unshare, ['dockerd', findTool('dockerd')] as const, ['ip', findTool('ip')] as const];
const OSES: Array<[string, () => ContainerOs]> = [
  ['fcos', () => ContainerOs.fedoraCoreOs()], ['flatcar', () => ContainerOs.flatcar()], ['alpine', () => ContainerOs.alpine()],
];
const ADDRESS = '10.99.0.7';

jest.setTimeout(300_000);

let work: string;
beforeAll(() => { work = scratch('swarm-daemon'); });
afterAll(() => { if (!process.env.EFFECT_KEEP) rmrf(work); });

/** The managers' first-boot document of a synthesized swarm, and one file of it. */
function managerPayload(kind: string, make: () => ContainerOs): { file: (p: string) => string } {
  const stack = awsStack(undefined, `swarm-daemon-${kind}`);
  new AwsDockerSwarm(stack, 'lab', {
    os: make(), managerCount: 1, instanceType: 't3.small', vpcId: VPC, subnetIds: SUBNETS,
    image: AwsImage.pinned(PINNED_AMI), hostConfig: new HostConfig(),
  });
  const doc = JSON.parse(Testing.synth(stack));
  const [, lt] = Object.entries<any>(doc.resource.aws_launch_template).find(([k]) => k.includes('managers'))!;
  const raw = Buffer.from(unsensitive(lt.user_data), 'base64');
  const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
  const file = (p: string) => {
    const f = text.startsWith('{') ? ignitionFile(text, p) : cloudConfigFile(text, p);
    if (f === undefined) throw new Error(`the ${kind} managers' payload has no ${p}`);
    return f;
  };
  return { file };
}

/**
 * Inside `unshare --net --mount`: an interface with the host's address, a real dockerd
 * with the payload's daemon.json, the node script's `join`, then what dockerd says.
 */
const DRIVER = `#!/bin/bash
set -u
W=$1
ip link set lo up
# the host's network interface (this kernel has no dummy driver: one end of a veth pair)
ip link add eth0 type veth peer name eth0-peer && ip addr add ${ADDRESS}/24 dev eth0 && ip link set eth0-peer up && ip link set eth0 up
mount -t tmpfs tmpfs /run
mkdir -p /run/docker
dockerd --config-file "$W/daemon.json" --data-root "$W/docker" --exec-root /run/docker --pidfile /run/docker.pid \\
  -H "unix://$W/docker.sock" >"$W/dockerd.log" 2>&1 &
export DOCKER_HOST="unix://$W/docker.sock"
for _ in $(seq 1 60); do docker version >/dev/null 2>&1 && break; sleep 0.5; done
docker info --format '{{.LiveRestoreEnabled}}' >"$W/live-restore" 2>&1
docker swarm init --advertise-addr ${ADDRESS} >"$W/join.log" 2>&1
echo "rc=$?" >>"$W/join.log"
docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.NodeAddr}}' >"$W/swarm" 2>&1
docker swarm leave --force >/dev/null 2>&1
kill %1; wait
`;

async function join(kind: string, make: () => ContainerOs): Promise<{ dir: string; swarm: string; join: string; liveRestore: string; dockerd: string }> {
  const dir = path.join(work, kind);
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const payload = managerPayload(kind, make);
  fs.writeFileSync(path.join(dir, 'daemon.json'), payload.file('/etc/docker/daemon.json'));
  fs.writeFileSync(path.join(dir, 'docker-swarm-node'), payload.file(SWARM_SCRIPT), { mode: 0o755 });
  // The settings as the host has them, with this test's slot directory and no OS update service.
  const env = payload.file(SWARM_ENV).replace(/^SWARM_SLOT_DIR=.*$/m, `SWARM_SLOT_DIR='${dir}/slots'`).replace(/^SWARM_UPDATE_RELOAD=.*$/m, "SWARM_UPDATE_RELOAD=''");
  fs.writeFileSync(path.join(dir, 'swarm.env'), env);
  fs.writeFileSync(path.join(bin, 'aws'), FAKE_AWS, { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'imds'), FAKE_IMDS, { mode: 0o755 });
  fs.mkdirSync(path.join(dir, 'ssm'));
  fs.writeFileSync(path.join(dir, 'driver'), DRIVER, { mode: 0o755 });
  const r = await run('unshare', ['--net', '--mount', '--propagation', 'private', '--fork', 'bash', path.join(dir, 'driver'), dir], {
    timeoutMs: 120_000,
    env: {
      PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin`,
      SWARM_ENV_FILE: path.join(dir, 'swarm.env'),
      SWARM_AWS: path.join(bin, 'aws'),
      SWARM_IMDS: path.join(bin, 'imds'),
      SWARM_STATE_DIR: path.join(dir, 'state'),
      SWARM_ROOT: path.join(dir, 'root'),
      SWARM_HOSTNAME: 'ip-10-99-0-7',
      SWARM_SLEEP: '0.2',
      SWARM_MOUNT: 'none',
      FAKE_SSM: path.join(dir, 'ssm'),
      FAKE_HOST: 'ip-10-99-0-7',
      FAKE_INSTANCE: 'i-0123456789abcdef0',
      FAKE_IP: ADDRESS,
    },
  });
  const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), 'utf8') : `(no ${f}; driver exited ${r.code}: ${r.stderr})`);
  return { dir, swarm: read('swarm'), join: read('join.log'), liveRestore: read('live-restore'), dockerd: read('dockerd.log') };
}

const joined = new Map<string, ReturnType<typeof join>>();
const joinOnce = (kind: string, make: () => ContainerOs) => {
  if (!joined.has(kind)) joined.set(kind, join(kind, make));
  return joined.get(kind)!;
};

describeWithTools(CHECKS)('a swarm manager\'s Docker settings, applied by a real dockerd', () => {
  beforeEach(() => requireTools(CHECKS));

  describe.each(OSES)('%s', (kind, make) => {
    test('the daemon starts from the swarm host\'s daemon.json with live-restore off', async () => {
      const r = await joinOnce(kind, make);
      expect({ liveRestore: r.liveRestore, log: r.liveRestore === 'false\n' ? '' : r.dockerd.slice(-2000) }).toEqual({ liveRestore: 'false\n', log: '' });
    });

    test('dockerd accepts swarm mode with these settings: swarm init makes the node an active manager at its own address', async () => {
      const r = await joinOnce(kind, make);
      expect({ swarm: r.swarm, join: r.swarm.startsWith('active') ? '' : r.join.slice(-3000) }).toEqual({ swarm: `active true ${ADDRESS}\n`, join: '' });
    });
  });
});
