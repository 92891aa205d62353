/**
 * `cdktf-docker-fleet explain` run as a child process against apps synthesized into temporary
 * directories: every OS's payload format, S3 pointers, gzip, libvirt per-host payloads, --json.
 */
import { createHash } from 'crypto';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import {
  AlpineBootstrap, AwsDockerFleet, AwsImage, ContainerOs, ContainerSecret, FedoraCoreOsStream, FlatcarChannel, HostConfig, LibvirtDockerFleet, LibvirtProvider,
  UpdatePolicy, Weekday,
} from '../../lib';
import { ED25519_KEY, richHostConfig } from '../helpers/fixtures';
import { noise } from '../platforms/aws/aws-fixtures';
import { NETWORK, awsStack, runCli, synthApp, tempDir } from './cli-helpers';

const ED25519_FP = 'SHA256:SXN/yQnBh3yyRuECu3vcvijtHiO+okPWakKVQMB7RFY'; // ssh-keygen -l of ED25519_KEY
const RSA_FP = 'SHA256:lgp02oHm0xb8K5TNexvbSH1qVpV8NzuzvxTVOZJySW0'; // ssh-keygen -l of RSA_KEY
const LONG = 'a long line of configuration text that goes on\n'.repeat(120);
const AMI = AwsImage.pinned('ami-0123456789abcdef0');

function rich(o: Parameters<typeof richHostConfig>[0] = {}): HostConfig {
  const h = richHostConfig(o);
  if (o.files !== false) h.addFile({ path: '/etc/app/long.conf', content: LONG });
  return h;
}

function buildAll(app: App): void {
  const aws = awsStack(app, 'aws');
  new AwsDockerFleet(aws, 'flatcar', {
    os: ContainerOs.flatcar({ channel: FlatcarChannel.BETA }), hostCount: 3, instanceType: 't3.small', image: AMI, ...NETWORK,
    hostConfig: rich(), dockerVolumeSizeGiB: 20,
    updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:00', durationMinutes: 120 }),
  });
  new AwsDockerFleet(aws, 'fcos', {
    os: ContainerOs.fedoraCoreOs({ stream: FedoraCoreOsStream.STABLE }), hostCount: 2, instanceType: 't3.small', image: AMI, ...NETWORK,
    hostConfig: rich(), updatePolicy: UpdatePolicy.fleetLock({ url: 'https://fleetlock.example.com' }),
  });
  new AwsDockerFleet(aws, 'alpine', {
    os: ContainerOs.alpine({ release: '3.24', bootstrap: AlpineBootstrap.TINY }), hostCount: 1, instanceType: 't3.small', image: AMI, ...NETWORK,
    hostConfig: rich({ units: false }),
  });
  new AwsDockerFleet(aws, 'bottlerocket', {
    os: ContainerOs.bottlerocket({ ecsCluster: 'prod', hostContainers: [{ name: 'agent', source: 'public.ecr.aws/org/agent:1.2' }] }), hostCount: 4, instanceType: 't3.small', image: AMI, ...NETWORK,
    hostConfig: rich({ units: false, files: false, daemon: false, timeZone: false, containerExtras: false, qualifiedImages: true }),
  });
  const big = awsStack(app, 'big');
  const s3Host = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
  s3Host.addFile({ path: '/etc/app/noise.txt', content: noise(24000) });
  new AwsDockerFleet(big, 'pointer', {
    os: ContainerOs.flatcar(), hostCount: 2, instanceType: 't3.small', image: AMI, ...NETWORK, hostConfig: s3Host, userDataBucket: 'my-config-bucket',
  });
  const gzHost = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
  gzHost.addFile({ path: '/etc/app/noise.txt', content: noise(17000) });
  new AwsDockerFleet(big, 'gzipped', { os: ContainerOs.alpine(), hostCount: 2, instanceType: 't3.small', image: AMI, ...NETWORK, hostConfig: gzHost });
  const lab = new TerraformStack(app, 'lab');
  new LibvirtProvider(lab, 'libvirt', { uri: 'qemu:///system' });
  new LibvirtDockerFleet(lab, 'flatcar', { os: ContainerOs.flatcar(), hostCount: 3, hostConfig: rich() });
  new LibvirtDockerFleet(lab, 'alpine', { os: ContainerOs.alpine(), hostCount: 2, hostConfig: rich({ units: false }), hostNames: ['red', 'blue'], networkCidr: '10.17.4.0/24' });
}

/** The lines of one fleet's block in explain's text. */
function block(stdout: string, fleet: string): string {
  const start = stdout.indexOf(`== ${fleet} ==`);
  if (start < 0) throw new Error(`no block for ${fleet} in:\n${stdout}`);
  const end = stdout.indexOf('\n== ', start + 1);
  return stdout.slice(start, end < 0 ? undefined : end);
}

describe('cdktf-docker-fleet explain', () => {
  let out: string;
  let text: string;
  beforeAll(() => {
    out = synthApp(buildAll);
    const r = runCli(['explain', out]);
    expect(r).toEqual(expect.objectContaining({ code: 0, stderr: '' }));
    text = r.stdout;
  });

  test('starts with a summary table: platform, OS and channel, hosts, update window in UTC, containers and ports, payload against its limit', () => {
    const table = text.split('\n\n')[1].split('\n');
    expect(table[0].split(/ {2,}/)).toEqual(['fleet', 'platform', 'OS (channel)', 'hosts', 'updates (UTC)', 'containers (ports)', 'payload / limit']);
    expect(table[1]).toMatch(/^-+( {2}-+){6}$/);
    const rows = Object.fromEntries(table.slice(2).map((l) => { const c = l.split(/ {2,}/); return [c[0], c.slice(1)]; }));
    expect(Object.keys(rows)).toEqual(['aws/alpine', 'aws/bottlerocket', 'aws/fcos', 'aws/flatcar', 'big/gzipped', 'big/pointer', 'lab/flatcar', 'lab/alpine']);
    expect(rows['aws/flatcar'].slice(0, 5)).toEqual(['AWS', 'Flatcar Container Linux (beta)', '3', 'Sat 22:00, 2 h',
      'metrics, web (80:80, 127.0.0.1:8443:443/tcp)']);
    expect(rows['aws/flatcar'][5]).toMatch(/^\d+\.\d KiB \/ 16 KiB \(\d+ %\)$/);
    expect(rows['aws/fcos'][3]).toBe('FleetLock (https://fleetlock.example.com)');
    expect(rows['aws/alpine'][3]).toBe('Sun 03:00, 2 h');
    expect(rows['aws/bottlerocket'].slice(1, 4)).toEqual(['Bottlerocket (aws-ecs-2)', '4', 'Sun 03:00, 2 h (SSM window)']);
    expect(rows['big/pointer'][5]).toMatch(/^\d+\.\d KiB in S3 \(user data: a pointer\)$/);
    expect(rows['big/gzipped'][5]).toMatch(/^\d+\.\d KiB gzipped \/ 16 KiB \(\d+ %\)$/);
    expect(rows['lab/alpine'].slice(0, 3)).toEqual(['libvirt 0.8.3', 'Alpine Linux (3.25)', '2']);
    expect(rows['lab/alpine'][5]).toMatch(/ KiB \(no size limit\)$/);
  });

  test('prints only the summary table with --summary, and the same summary per fleet with --json', () => {
    const r = runCli(['explain', out, '--summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${text.split('\n\n').slice(0, 2).join('\n\n')}\n`);
    const json = JSON.parse(runCli(['explain', out, '--json']).stdout);
    expect(json.fleets[3].summary).toEqual(expect.objectContaining({ platform: 'AWS', hosts: '3', updates: 'Sat 22:00, 2 h' }));
    expect(runCli(['explain', out, '--summary', '--json'])).toEqual(expect.objectContaining({ code: 2, stderr: expect.stringContaining('exclude each other') }));
  });

  test('lists every fleet of every stack with its platform, OS and host count', () => {
    expect(text.split('\n')[0]).toBe(`8 fleets in ${out}`);
    expect(block(text, 'aws/flatcar')).toContain('platform: AWS (launch template + auto scaling group), 3 hosts\nOS: Flatcar Container Linux (beta); payload: ignition; delivery: base64 (');
    expect(block(text, 'aws/bottlerocket')).toContain('4 hosts\nOS: Bottlerocket (aws-ecs-2); payload: bottlerocket-toml');
    expect(block(text, 'lab/flatcar')).toContain('platform: libvirt, 3 hosts: flatcar-0, flatcar-1, flatcar-2 (one payload each)');
  });

  test('explains a Flatcar payload: update.conf as locksmithd reads it, key fingerprints, files, units with drop-ins, containers, data volume, sysctls, time zone', () => {
    const b = block(text, 'aws/flatcar');
    expect(b).toContain('update policy\n  agent: update_engine + locksmithd (Flatcar)\n  # /etc/flatcar/update.conf\n');
    expect(b).toContain('  GROUP=beta\n  REBOOT_STRATEGY=reboot\n  LOCKSMITHD_REBOOT_WINDOW_START="Sat 22:00"\n  LOCKSMITHD_REBOOT_WINDOW_LENGTH=2h\n');
    expect(b).toContain(`user core\n  key 256 ${ED25519_FP} ops@example (ED25519)\n  key 2048 ${RSA_FP} deploy@example (RSA)\n`);
    expect(b).not.toContain('AAAAC3NzaC1lZDI1NTE5');
    expect(b).toContain('file /etc/app/config.yaml\n  mode 0640, 31 bytes\n  content:\n    | listen: 0.0.0.0:8080\n    | log: info\n');
    expect(b).toContain('unit hello.service\n  enabled\n  unit file:\n    | [Unit]\n    | Description=Say hello\n');
    expect(b).toContain('unit docker.service\n  enabled\n  drop-in 10-limits.conf:\n    | [Service]\n    | LimitNOFILE=1048576\n');
    expect(b).toContain([
      'container web', '  image: nginx:1.27', '  ports: 80:80, 127.0.0.1:8443:443/tcp', '  env:', '    NGINX_HOST=example.com', `    QUOTED=it's "quoted" $HOME 100%`,
      '  volumes: /srv/www:/usr/share/nginx/html:ro, cache:/var/cache/nginx', '  command: ["nginx","-g","daemon off;"]', '  defined by: unit container-web.service',
    ].join('\n'));
    expect(b).toContain('container metrics\n  image: prom/node-exporter:v1.8.2\n');
    expect(b).toMatch(/data volume\n(  .*\n)*  mount: LABEL=docker-data on \/var\/lib\/docker \(ext4\)\n/);
    expect(b).toContain('sysctls\n  net.ipv4.ip_forward = 1\n  vm.max_map_count = 262144\n');
    expect(b).toContain('time zone\n  Europe/Berlin\n');
    // the container's unit and env file, update.conf and the sysctl file are shown in their sections only
    expect(b).not.toMatch(/^(unit container-web\.service|file \/etc\/docker-fleet\/containers\/web\.env|file \/etc\/flatcar\/update\.conf|file \/etc\/sysctl\.d\/)/m);
  });

  test('summarizes long and binary file contents with their size and sha256', () => {
    const b = block(text, 'aws/flatcar');
    const longSha = createHash('sha256').update(LONG).digest('hex');
    expect(b).toContain(`file /etc/app/long.conf\n  mode 0644, ${LONG.length} bytes\n  content: text, 120 lines, ${LONG.length} bytes, sha256 ${longSha} (long: not shown)\n`);
    const blob = Buffer.from([0, 1, 2, 255, 254, 10, 13, 0x25]);
    expect(b).toContain(`file /opt/app/blob.bin\n  mode 0600, 8 bytes\n  content: binary, 8 bytes, sha256 ${createHash('sha256').update(blob).digest('hex')}\n`);
  });

  test('explains a Fedora CoreOS payload: the Zincati drop-in as Zincati reads it', () => {
    const b = block(text, 'aws/fcos');
    expect(b).toContain('OS: Fedora CoreOS (stable); payload: ignition');
    expect(b).toContain('update policy\n  agent: Zincati (Fedora CoreOS)\n  # /etc/zincati/config.d/55-updates-strategy.toml\n');
    expect(b).toContain('strategy = "fleet_lock"');
    expect(b).toContain('base_url = "https://fleetlock.example.com"');
    expect(b).toContain('container web\n  image: nginx:1.27\n');
  });

  test('explains an Alpine payload: the apk upgrade cron job, gz+b64 files decoded, containers from their OpenRC services', () => {
    const b = block(text, 'aws/alpine');
    expect(b).toContain('OS: Alpine Linux (3.24); payload: alpine-config');
    expect(b).toMatch(/update policy\n  agent: apk upgrade job \(crond\)\n  crond \(root crontab\): \S+ \S+ \S+ \S+ \S+ \/etc\/docker-fleet\/apk-upgrade # docker-fleet\n  schedule: minute /);
    expect(b).toContain('  # /etc/docker-fleet/apk-upgrade\n  #!/bin/sh\n');
    expect(b).toContain(`user (default user)\n  key 256 ${ED25519_FP} ops@example (ED25519)\n`);
    expect(b).toContain('container web\n  image: nginx:1.27\n  ports: 80:80, 127.0.0.1:8443:443/tcp\n  env:\n    NGINX_HOST=example.com\n');
    expect(b).toContain('  defined by: OpenRC service /etc/init.d/container-web\n');
    // large.txt is written gz+b64 by the renderer; explain shows its text
    expect(b).toContain('file /etc/app/large.txt\n  mode 0644, 1800 bytes\n  content:\n    | The quick brown fox jumps over the lazy dog.\n');
    expect(b).toContain('time zone\n  Europe/Berlin\n');
    expect(b).toContain('sysctls\n  net.ipv4.ip_forward = 1\n  vm.max_map_count = 262144\n');
  });

  test('explains a Bottlerocket payload: settings.updates, host containers, the admin container\'s keys, sysctls and the ECS daemon services', () => {
    const b = block(text, 'aws/bottlerocket');
    expect(b).toContain('update policy\n  agent: Bottlerocket settings.updates');
    expect(b).toMatch(/  updates\.version-lock = "latest"\n/);
    expect(b).toContain(`user admin host container (ec2-user)\n  key 256 ${ED25519_FP} ops@example (ED25519)\n`);
    expect(b).toContain('container metrics\n  image: docker.io/library/prom/node-exporter:v1.8.2\n');
    expect(b).toContain('container agent\n  image: public.ecr.aws/org/agent:1.2\n  defined by: settings.host-containers.agent\n');
    // the HostConfig's containers are ECS daemon services: shown from their task definitions
    expect(b).toContain('ECS daemon services (one task on each host; in ECS task definitions, not in the payload):\n');
    expect(b).toContain('container web\n  image: docker.io/library/nginx:1.27\n  options: memory reservation 128 MiB, logs: awslogs (stream prefix web)\n  defined by: ECS DAEMON service bottlerocket-ed4236-web, task definition bottlerocket-ed4236-web\n');
    expect(b).toContain('sysctls\n  net.ipv4.ip_forward = 1\n  vm.max_map_count = 262144\n');
    expect(b).toContain('  ecs.cluster = "prod"');
  });

  test('follows an Ignition S3 pointer to the aws_s3_object in the same stack', () => {
    const b = block(text, 'big/pointer');
    expect(b).toMatch(/delivery: S3 pointer → s3:\/\/my-config-bucket\/docker-fleet\/pointer-[0-9a-f]{6}\/[0-9a-f]{16}\.ign \(\d+ bytes\)/);
    expect(b).toMatch(/file \/etc\/app\/noise\.txt\n  mode 0644, 24000 bytes\n  content: text, \d+ lines, 24000 bytes, sha256 [0-9a-f]{64} \(long: not shown\)/);
    expect(b).toContain(`key 256 ${ED25519_FP}`);
  });

  test('gunzips an oversize Alpine payload', () => {
    const b = block(text, 'big/gzipped');
    expect(b).toMatch(/delivery: base64\+gzip \(\d+ bytes\)/);
    expect(b).toMatch(/file \/etc\/app\/noise\.txt\n  mode 0644, 17000 bytes\n/);
  });

  test('shows a libvirt fleet\'s per-host Ignition payloads once, with what differs between hosts', () => {
    const b = block(text, 'lab/flatcar');
    expect(b).toContain('(the same on all 3 hosts, except what is listed under "differs between hosts")');
    expect(b.match(/^container web$/gm)).toHaveLength(1);
    expect(b).toContain('differs between hosts:\n  hostname\n    flatcar-0: flatcar-0\n    flatcar-1: flatcar-1\n    flatcar-2: flatcar-2\n');
    expect(b).toMatch(/  data volume\n    flatcar-0:\n/);
  });

  test('shows a libvirt fleet\'s per-host cloud-init payloads once, with what differs between hosts', () => {
    const b = block(text, 'lab/alpine');
    expect(b).toContain('platform: libvirt, 2 hosts: blue, red (one payload each)');
    expect(b).toContain('OS: Alpine Linux (3.25); payload: alpine-config; delivery: libvirt_cloudinit_disk');
    expect(b).toContain('differs between hosts:\n  hostname\n    blue: blue\n    red: red\n');
  });

  test('prints the same facts as JSON with --json', () => {
    const r = runCli(['explain', out, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { fleets: any[] };
    expect(j.fleets.map((f) => f.fleet)).toEqual(['aws/alpine', 'aws/bottlerocket', 'aws/fcos', 'aws/flatcar', 'big/gzipped', 'big/pointer', 'lab/flatcar', 'lab/alpine']);
    const flatcar = j.fleets.find((f) => f.fleet === 'aws/flatcar');
    expect(flatcar).toEqual(expect.objectContaining({ platform: 'aws', os: 'Flatcar Container Linux (beta)', hostCount: 3 }));
    expect(flatcar.payload.users[0].keys[0]).toEqual({ type: 'ED25519', bits: 256, fingerprint: ED25519_FP, comment: 'ops@example' });
    expect(flatcar.payload.containers.find((c: any) => c.name === 'web')).toEqual(expect.objectContaining({
      image: 'nginx:1.27', environment: { NGINX_HOST: 'example.com', QUOTED: `it's "quoted" $HOME 100%` }, command: ['nginx', '-g', 'daemon off;'],
    }));
    expect(flatcar.payload.files.find((f: any) => f.path === '/opt/app/blob.bin')).toEqual(expect.objectContaining({ size: 8, summary: 'binary' }));
    expect(flatcar.payload.sysctls).toEqual({ 'net.ipv4.ip_forward': '1', 'vm.max_map_count': '262144' });
    expect(flatcar.payload.timeZone).toBe('Europe/Berlin');
    const lab = j.fleets.find((f) => f.fleet === 'lab/flatcar');
    expect(lab.hosts).toEqual(['flatcar-0', 'flatcar-1', 'flatcar-2']);
    expect(lab.differsBetweenHosts.find((d: any) => d.item === 'hostname')).toEqual({ item: 'hostname', hosts: { 'flatcar-0': ['flatcar-0'], 'flatcar-1': ['flatcar-1'], 'flatcar-2': ['flatcar-2'] } });
  });

  test('prints the same text twice (deterministic)', () => {
    expect(runCli(['explain', out]).stdout).toBe(text);
  });

  test('reads a single stack directory, a cdk.tf.json file, and cdktf.out in the working directory by default', () => {
    const one = runCli(['explain', join(out, 'stacks', 'big')]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^2 fleets in .*\n\nfleet .*\n-.*\nbig\/gzipped .*\nbig\/pointer .*\n\n== big\/gzipped ==/);
    const file = runCli(['explain', join(out, 'stacks', 'big', 'cdk.tf.json')]);
    expect(file.stdout.split('\n').slice(1)).toEqual(one.stdout.split('\n').slice(1));
    const dflt = runCli(['explain'], join(out, '..'));
    expect(dflt.code).toBe(0);
    expect(dflt.stdout.split('\n').slice(1)).toEqual(text.split('\n').slice(1));
  });

  test('reads a payload marked ${sensitive(...)} and shows container secrets by name, never a value', () => {
    const unit = [
      '[Service]',
      'ExecStartPre=/etc/docker-fleet/fetch-container-secrets /run/docker-fleet/secrets/api.env DB_PASSWORD ssm /prod/db/password - - '
        + 'API_TOKEN secretsmanager arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf =token eu-west-1',
      'ExecStart=/usr/bin/docker run --rm --name api --env-file /etc/docker-fleet/containers/api.env --env-file /run/docker-fleet/secrets/api.env ghcr.io/example/api:2.4.1',
      '',
    ].join('\n');
    const ign = {
      ignition: { version: '3.3.0' },
      storage: { files: [{ path: '/etc/docker-fleet/containers/api.env', mode: 384, contents: { source: 'data:,LOG_LEVEL%3Dinfo%0A' } }] },
      systemd: { units: [{ name: 'container-api.service', enabled: true, contents: unit }] },
    };
    const b64 = Buffer.from(JSON.stringify(ign)).toString('base64');
    const dir = join(tempDir(), 'stack');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({
      resource: {
        aws_launch_template: { lt: { '//': { metadata: { path: 'stack/api/LaunchTemplate' } }, description: 'Fedora CoreOS (stable) Docker hosts of fleet "api"', user_data: `\${sensitive("${b64}")}` } },
        aws_autoscaling_group: { asg: { desired_capacity: 2, launch_template: { id: '${aws_launch_template.lt.id}' } } },
      },
    }));
    const r = runCli(['explain', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain([
      'container api',
      '  image: ghcr.io/example/api:2.4.1',
      '  env:',
      '    LOG_LEVEL=info',
      '  secrets (fetched by the host at each start; names only):',
      '    DB_PASSWORD ← ssm /prod/db/password',
      '    API_TOKEN ← secretsmanager arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf (JSON key token) in eu-west-1',
      '  defined by: unit container-api.service',
    ].join('\n'));
    expect(r.stdout).toContain('platform: AWS (launch template + auto scaling group), 2 hosts\nOS: Fedora CoreOS (stable)');
  });

  test('shows the secrets of a synthesized fleet by name on systemd and OpenRC hosts, never a value', () => {
    const secretHost = () => {
      const h = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
      h.addContainer({
        name: 'api', image: 'ghcr.io/example/api:2.4.1', environment: { LOG_LEVEL: 'info' },
        secrets: { DB_PASSWORD: ContainerSecret.fromSsmParameter('/prod/db/password') },
      });
      return h;
    };
    const out = synthApp((app) => {
      const s = awsStack(app, 'sec');
      for (const [id, os] of [['fcos', ContainerOs.fedoraCoreOs()], ['alpine', ContainerOs.alpine()]] as const) {
        new AwsDockerFleet(s, id, { os, hostCount: 1, instanceType: 't3.small', image: AMI, ...NETWORK, hostConfig: secretHost() });
      }
    });
    const r = runCli(['explain', out]);
    expect(r.code).toBe(0);
    for (const [fleet, source] of [['sec/fcos', 'unit container-api.service'], ['sec/alpine', 'OpenRC service /etc/init.d/container-api']]) {
      expect(block(r.stdout, fleet)).toContain([
        'container api', '  image: ghcr.io/example/api:2.4.1', '  env:', '    LOG_LEVEL=info',
        '  secrets (fetched by the host at each start; names only):', '    DB_PASSWORD ← ssm /prod/db/password', `  defined by: ${source}`,
      ].join('\n'));
    }
  });
});
