/**
 * Effect layer for Docker Swarm: the real node script (lib/bootconfig/swarm-script.ts), as the
 * hosts receive it, run by POSIX shells (dash and busybox ash) against
 * - a fake `docker` that keeps the swarm's state (nodes, roles, tokens, labels) in a directory
 *   shared by all "hosts" and each host's local engine state in its own directory, and
 * - a fake `aws` whose parameter store is a directory (put-parameter without --overwrite fails
 *   on an existing name, as SSM's ParameterAlreadyExists does), and a fake IMDS.
 * Several hosts boot at the same time, as an Auto Scaling group launches them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContainerOs, UpdatePolicy, Weekday } from '../../lib';
import { SWARM_ENV, SWARM_SCRIPT } from '../../lib/swarm/swarm-script';
import { managerPolicies, slotFiles } from '../../lib/swarm/update-turns';
import { SwarmNodeSettings, swarmAdditions } from '../../lib/swarm/swarm-host';
import { Platform } from '../../lib/os/enums';
import { rmrf, run, scratch } from '../helpers/effect';
import { describeWithTools, findTool, toolFor } from '../helpers/tools';
import { FAKE_AWS, FAKE_DOCKER, FAKE_IMDS } from '../helpers/swarm-fakes';

const tools = [['flock', findTool('flock')], ['bash', findTool('bash')]] as const;
const maybe = describeWithTools(tools);

interface World {
  readonly dir: string;
  readonly swarm: string;
  readonly ssm: string;
  readonly bin: string;
}

function world(prefix: string): World {
  const dir = scratch(prefix);
  const w = { dir, swarm: path.join(dir, 'swarm'), ssm: path.join(dir, 'ssm'), bin: path.join(dir, 'bin') };
  for (const d of [w.swarm, w.ssm, w.bin]) fs.mkdirSync(d, { recursive: true });
  for (const [name, text] of [['docker', FAKE_DOCKER], ['aws', FAKE_AWS], ['imds', FAKE_IMDS]]) {
    fs.writeFileSync(path.join(w.bin, name), text, { mode: 0o755 });
  }
  return w;
}

/** Writes the script and one env file as the hosts get them; returns the env file's path. */
function install(w: World, os: ContainerOs, settings: SwarmNodeSettings, tag: string): { script: string; env: string } {
  const add = swarmAdditions(os, settings);
  const script = path.join(w.dir, 'docker-swarm-node');
  fs.writeFileSync(script, add.files.find((f) => f.path === SWARM_SCRIPT)!.contents, { mode: 0o755 });
  const env = path.join(w.dir, `swarm-${tag}.env`);
  let text = add.files.find((f) => f.path === SWARM_ENV)!.contents.toString('utf8');
  // slot files as the host has them, under a test root
  const slotRoot = path.join(w.dir, `slots-${tag}`);
  for (const f of add.files.filter((x) => x.path.startsWith('/etc/docker-swarm/update-slots/'))) {
    const p = path.join(slotRoot, f.path.replace('/etc/docker-swarm/update-slots/', ''));
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, f.contents);
  }
  text = text.replace(/^SWARM_SLOT_DIR=.*$/m, `SWARM_SLOT_DIR='${slotRoot}'`).replace(/^SWARM_UPDATE_RELOAD=.*$/m, "SWARM_UPDATE_RELOAD=''");
  fs.writeFileSync(env, text);
  return { script, env };
}

interface Host {
  readonly name: string;
  readonly instance?: string;
  readonly ip?: string;
  readonly share?: string;
}

function hostEnv(w: World, env: string, h: Host): NodeJS.ProcessEnv {
  const local = path.join(w.dir, 'hosts', h.instance ?? h.name);
  const root = path.join(local, 'root');
  fs.mkdirSync(root, { recursive: true });
  return {
    PATH: `${w.bin}:/usr/bin:/bin`,
    SWARM_ENV_FILE: env,
    SWARM_DOCKER: path.join(w.bin, 'docker'),
    SWARM_AWS: path.join(w.bin, 'aws'),
    SWARM_IMDS: path.join(w.bin, 'imds'),
    SWARM_STATE_DIR: path.join(local, 'state'),
    SWARM_ROOT: root,
    SWARM_HOSTNAME: h.name,
    SWARM_SLEEP: '0.2',
    SWARM_MOUNT: 'none',
    ...(h.share ? { SWARM_SHARE_DIR: h.share } : { SWARM_SHARE_DIR: path.join(w.dir, 'no-share') }),
    FAKE_SWARM: w.swarm,
    FAKE_LOCAL: local,
    FAKE_SSM: w.ssm,
    FAKE_HOST: h.name,
    FAKE_INSTANCE: h.instance ?? '',
    FAKE_IP: h.ip ?? '',
  };
}

async function node(shell: string[], w: World, env: string, script: string, h: Host, cmd: string): Promise<string> {
  const r = await run(shell[0], [...shell.slice(1), script, cmd], { env: hostEnv(w, env, h), timeoutMs: 20_000 });
  if (r.code !== 0) throw new Error(`${h.name} ${cmd} exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  return r.stderr;
}

function lines(p: string): string[] {
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8').split('\n').filter((l) => l) : [];
}
function nodes(w: World): Array<{ id: string; host: string; role: string; status: string; availability: string; slot: string }> {
  const dir = path.join(w.swarm, 'nodes');
  return fs.readdirSync(dir).sort().map((id) => {
    const r = (f: string) => fs.readFileSync(path.join(dir, id, f), 'utf8').trim();
    const slot = r('labels').split('\n').find((l) => l.startsWith('docker-swarm.update-slot='))?.split('=')[1] ?? '';
    return { id, host: r('hostname'), role: r('role'), status: r('status'), availability: r('availability'), slot };
  });
}
function dockerStop(w: World, h: Host): void {
  fs.writeFileSync(path.join(w.dir, 'hosts', h.instance ?? h.name, 'stopped'), '');
}

const SHELLS: Array<[string, string[]]> = [['dash', ['/usr/bin/dash']], ['busybox ash', ['/usr/bin/busybox', 'sh']]];
const WINDOW = UpdatePolicy.maintenanceWindow({ days: [Weekday.SUNDAY], startTime: '03:00', durationMinutes: 120 });

maybe('Docker Swarm bootstrap scripts, run for real against a fake docker and a fake parameter store', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(rmrf));

  describe.each(SHELLS)('AWS (SSM backend) under %s', (_label, shell) => {
    const os = ContainerOs.fedoraCoreOs();
    const policies = managerPolicies(WINDOW, 3);
    const base = { backend: 'ssm' as const, managerCount: 3, parameterPath: '/docker-swarm/lab', workerDownMinutes: 60 };
    let w: World;
    let mgr: { script: string; env: string };
    let wrk: { script: string; env: string };
    const M = [1, 2, 3].map((i) => ({ name: `ip-10-0-1-${i}`, instance: `i-000000000000000${i}`, ip: `10.0.1.${i}` }));
    const W1 = { name: 'ip-10-0-2-1', instance: 'i-0000000000000w01', ip: '10.0.2.1' };

    beforeAll(() => {
      w = world('swarm-aws');
      dirs.push(w.dir);
      mgr = install(w, os, { ...base, role: 'manager', lifecycleHook: 'lab-manager-joined', slots: slotFiles(os, Platform.AWS, policies) }, 'manager');
      wrk = install(w, os, { ...base, role: 'worker', slots: [] }, 'worker');
    });

    test('three managers and a worker boot at once: exactly one swarm init, with the primary address; the others join with the published tokens', async () => {
      await Promise.all([
        ...M.map((h) => node(shell, w, mgr.env, mgr.script, h, 'join')),
        node(shell, w, wrk.env, wrk.script, W1, 'join'),
      ]);
      const inits = lines(path.join(w.swarm, 'inits'));
      expect(inits).toHaveLength(1);
      const [leaderHost, advertised] = inits[0].split(' ');
      const leader = M.find((h) => h.name === leaderHost)!;
      expect(advertised).toBe(leader.ip);
      // the election parameter names the leader; the tokens are SecureStrings under the path
      expect(fs.readFileSync(path.join(w.ssm, '.params/docker-swarm/lab/leader'), 'utf8')).toBe(leader.instance);
      const managerToken = fs.readFileSync(path.join(w.swarm, 'manager_token'), 'utf8').trim();
      const workerToken = fs.readFileSync(path.join(w.swarm, 'worker_token'), 'utf8').trim();
      expect(fs.readFileSync(path.join(w.ssm, '.params/docker-swarm/lab/manager-token'), 'utf8')).toBe(managerToken);
      expect(fs.readFileSync(path.join(w.ssm, '.params/docker-swarm/lab/manager-token.type'), 'utf8').trim()).toBe('SecureString');
      expect(fs.readFileSync(path.join(w.ssm, '.params/docker-swarm/lab/worker-token.type'), 'utf8').trim()).toBe('SecureString');
      // followers joined with the published tokens, each advertising its own primary address
      const joins = lines(path.join(w.swarm, 'joins')).map((l) => l.split(' '));
      expect(joins.map((j) => j[0]).sort()).toEqual([...M.filter((h) => h !== leader).map((h) => h.name), W1.name].sort());
      for (const [host, role, token, addr] of joins) {
        expect(token).toBe(role === 'manager' ? managerToken : workerToken);
        expect(role).toBe(host === W1.name ? 'worker' : 'manager');
        expect(addr).toBe([...M, W1].find((h) => h.name === host)!.ip);
      }
      // every parameter the nodes touched is under the swarm's path
      const names = lines(path.join(w.ssm, '.calls')).map((l) => l.split(' ')[3]).filter((n) => n);
      expect(names.every((n) => n.startsWith('/docker-swarm/lab/'))).toBe(true);
      // each manager completed its launch hook once it had joined
      expect(lines(path.join(w.ssm, '.hook')).map((l) => l.split(' ')[3]).sort()).toEqual(M.map((h) => h.instance).sort());
    });

    test('the managers hold three different update slots and installed that slot\'s settings', async () => {
      await Promise.all(M.map((h) => node(shell, w, mgr.env, mgr.script, h, 'maintain')));
      const managers = nodes(w).filter((n) => n.role === 'manager');
      expect(managers.map((n) => n.slot).sort()).toEqual(['0', '1', '2']);
      for (const h of M) {
        const slot = managers.find((n) => n.host === h.name)!.slot;
        const zincati = fs.readFileSync(path.join(w.dir, 'hosts', h.instance, 'root/etc/zincati/config.d/55-updates-strategy.toml'), 'utf8');
        expect(zincati).toContain(`start_time = "${['03:00', '03:40', '04:20'][Number(slot)]}"`);
        expect(zincati).toContain('length_minutes = 30');
      }
    });

    test('stopping Docker drains a manager first, starting it reactivates; a worker leaves and joins again', async () => {
      const m = M[1];
      const id = () => nodes(w).find((n) => n.host === m.name && n.status === 'Ready')!.id;
      const mid = id();
      await node(shell, w, mgr.env, mgr.script, m, 'drain');
      expect(nodes(w).find((n) => n.id === mid)!.availability).toBe('drain');
      await node(shell, w, mgr.env, mgr.script, m, 'join'); // what docker-swarm.service runs when Docker is back
      expect(nodes(w).find((n) => n.id === mid)!.availability).toBe('active');
      expect(lines(path.join(w.swarm, 'availability'))).toEqual([`${mid} drain`, `${mid} active`]);

      const before = nodes(w).find((n) => n.host === W1.name)!;
      await node(shell, w, wrk.env, wrk.script, W1, 'drain');
      expect(nodes(w).find((n) => n.id === before.id)!.status).toBe('Down');
      await node(shell, w, wrk.env, wrk.script, W1, 'join');
      expect(nodes(w).filter((n) => n.host === W1.name && n.status === 'Ready')).toHaveLength(1);
      // a manager's upkeep removes the worker's old entry (its host name is back under a new node)
      await node(shell, w, mgr.env, mgr.script, M[0], 'maintain');
      expect(nodes(w).some((n) => n.id === before.id)).toBe(false);
    });

    test('a replacement manager joins, and the Down manager it replaced leaves the Raft membership', async () => {
      const gone = M[2];
      const goneId = nodes(w).find((n) => n.host === gone.name && n.role === 'manager')!.id;
      // the instance is terminated: its node stays in the list as Down
      fs.writeFileSync(path.join(w.swarm, 'nodes', goneId, 'status'), 'Down\n');
      dockerStop(w, gone);
      const fresh = { name: 'ip-10-0-1-9', instance: 'i-0000000000000009', ip: '10.0.1.9' };
      await node(shell, w, mgr.env, mgr.script, fresh, 'join');
      expect(lines(path.join(w.swarm, 'inits'))).toHaveLength(1);
      expect(lines(path.join(w.swarm, 'demoted'))).toContain(goneId);
      expect(lines(path.join(w.swarm, 'removed'))).toContain(goneId);
      const managers = nodes(w).filter((n) => n.role === 'manager');
      expect(managers.map((n) => n.host).sort()).toEqual([M[0].name, M[1].name, fresh.name].sort());
      // the newcomer took the slot the removed manager held
      expect(managers.map((n) => n.slot).sort()).toEqual(['0', '1', '2']);
    });

    test('a rebooting manager (Down, but not replaced) is not removed', async () => {
      const m = nodes(w).find((n) => n.role === 'manager' && n.host === M[1].name)!;
      fs.writeFileSync(path.join(w.swarm, 'nodes', m.id, 'status'), 'Down\n');
      await node(shell, w, mgr.env, mgr.script, M[0], 'maintain');
      expect(nodes(w).some((n) => n.id === m.id)).toBe(true);
      fs.writeFileSync(path.join(w.swarm, 'nodes', m.id, 'status'), 'Ready\n');
    });
  });

  describe.each(SHELLS)('libvirt (token share) under %s', (_label, shell) => {
    const os = ContainerOs.flatcar();
    const managers = [0, 1, 2].map((i) => ({ name: `lab-m${i}`, address: `10.17.3.${10 + i}` }));
    const workers = [{ name: 'lab-w0', address: '10.17.3.20' }];
    let w: World;
    let inst: { script: string; env: string };
    let share: string;
    const hostOf = (name: string): Host => ({
      name,
      // what each domain mounts: the leader the whole directory, the others their role's subdirectory
      share: name === 'lab-m0' ? share : path.join(share, name.includes('-w') ? 'workers' : 'managers'),
    });

    beforeAll(() => {
      w = world('swarm-libvirt');
      dirs.push(w.dir);
      share = path.join(w.dir, 'share');
      fs.mkdirSync(path.join(share, 'managers'), { recursive: true });
      fs.mkdirSync(path.join(share, 'workers'), { recursive: true });
      inst = install(w, os, { backend: 'share', role: 'auto', managerCount: 3, managers, workers, slots: [], workerDownMinutes: 60 }, 'all');
    });

    test('the first manager by name initialises with its planned address; the others join with the shared tokens', async () => {
      await Promise.all([...managers, ...workers].map((h) => node(shell, w, inst.env, inst.script, hostOf(h.name), 'join')));
      expect(lines(path.join(w.swarm, 'inits'))).toEqual(['lab-m0 10.17.3.10']);
      const joins = lines(path.join(w.swarm, 'joins')).map((l) => l.split(' '));
      expect(joins.map((j) => `${j[0]} ${j[1]} ${j[3]}`).sort()).toEqual(['lab-m1 manager 10.17.3.11', 'lab-m2 manager 10.17.3.12', 'lab-w0 worker 10.17.3.20']);
      // the worker's share holds only the worker token
      expect(fs.readdirSync(path.join(share, 'workers'))).toEqual(['token']);
      expect(fs.readFileSync(path.join(share, 'workers/token'), 'utf8').trim()).toBe(fs.readFileSync(path.join(w.swarm, 'worker_token'), 'utf8').trim());
      expect(fs.statSync(path.join(share, 'managers/token')).mode & 0o777).toBe(0o600);
    });

    test('a re-created first manager joins the existing swarm (no second init) and removes its Down predecessor', async () => {
      const old = nodes(w).find((n) => n.host === 'lab-m0')!;
      fs.writeFileSync(path.join(w.swarm, 'nodes', old.id, 'status'), 'Down\n');
      rmrf(path.join(w.dir, 'hosts', 'lab-m0'));
      await node(shell, w, inst.env, inst.script, hostOf('lab-m0'), 'join');
      expect(lines(path.join(w.swarm, 'inits'))).toHaveLength(1);
      expect(lines(path.join(w.swarm, 'removed'))).toContain(old.id);
      expect(nodes(w).filter((n) => n.host === 'lab-m0').map((n) => n.status)).toEqual(['Ready']);
    });
  });

  test('shellcheck finds nothing in the script', async () => {
    const sc = toolFor('shellcheck of the swarm node script', 'shellcheck');
    if (!sc) return;
    const dir = scratch('swarm-sc');
    dirs.push(dir);
    const add = swarmAdditions(ContainerOs.alpine(), { backend: 'ssm', role: 'manager', managerCount: 1, parameterPath: '/s', slots: [], workerDownMinutes: 60 });
    // the AWS CLI container's output (the tokens) must not reach a log driver such as journald
    expect(add.files.find((f) => f.path === SWARM_SCRIPT)!.contents.toString()).toContain('run --rm --network host --log-driver none');
    const p = path.join(dir, 'script');
    fs.writeFileSync(p, add.files.find((f) => f.path === SWARM_SCRIPT)!.contents);
    const r = await run(sc, ['-s', 'sh', '-e', 'SC1090,SC1091,SC2153,SC3043', p], { timeoutMs: 60_000 });
    expect(r.stdout).toBe('');
  });
});
