/**
 * `cdktf-docker-fleet init`: a new TypeScript app with one fleet, written into an empty directory,
 * that installs, synthesizes, tests and plans as it is. The versions are the ones this package is
 * tested with (the README's Installation lines); the framework's names (cdktf or cdktn) follow the
 * package that runs the command, so the cdktn package writes a cdktn app.
 */
import { randomUUID } from 'crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { basename, join, resolve } from 'path';
import { CliError } from './errors';

/** What differs between the cdktf and the cdktn line of an app. */
export interface FrameworkLine {
  /** the library's package name */
  readonly library: string;
  /** the framework's core package (`cdktf` or `cdktn`), also its module name */
  readonly core: string;
  /** the AWS provider bindings' package */
  readonly providerAws: string;
  /** the CLI's command */
  readonly cli: string;
  /** runtime dependencies, exact versions */
  readonly dependencies: Record<string, string>;
  /** dev dependencies, exact versions */
  readonly devDependencies: Record<string, string>;
  /** the Node.js versions the line runs on (npm warns at install on an older one, naming this) */
  readonly node: string;
}

// Versions that resolve together (no ERESOLVE) and are the ones the consumer tests install; the
// README's Installation lines name the same (a test compares them).
const LINES: Record<'cdktf' | 'cdktn', FrameworkLine> = {
  cdktf: {
    library: 'cdktf-docker-fleet', core: 'cdktf', providerAws: '@cdktf/provider-aws', cli: 'cdktf',
    dependencies: { 'cdktf': '0.21.0', 'constructs': '10.4.2', '@cdktf/provider-aws': '20.1.0' },
    devDependencies: {
      'cdktf-cli': '0.21.0', 'typescript': '5.8.3', 'jest': '29.7.0', 'ts-jest': '29.4.5', '@types/jest': '29.5.14', '@types/node': '20.17.10',
    },
    node: '>=22',
  },
  cdktn: {
    library: 'cdktn-docker-fleet', core: 'cdktn', providerAws: '@cdktn/provider-aws', cli: 'cdktn',
    dependencies: { 'cdktn': '0.24.0', 'constructs': '10.7.2', '@cdktn/provider-aws': '25.7.0' },
    devDependencies: {
      'cdktn-cli': '0.24.0', 'typescript': '5.8.3', 'jest': '29.7.0', 'ts-jest': '29.4.5', '@types/jest': '29.5.14', '@types/node': '22.20.5',
    },
    // cdktn-cli 0.24 needs 22.19 (on Node 20 it fails with "markAsUncloneable is not a function")
    node: '>=22.19.0',
  },
};

/** The line of the package this file is part of (its package.json's name). */
export function ownLine(): { line: FrameworkLine; version: string } {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { name: string; version: string };
  return { line: pkg.name.startsWith('cdktn-') ? LINES.cdktn : LINES.cdktf, version: pkg.version };
}

/** The line named `name`. */
export function frameworkLine(name: 'cdktf' | 'cdktn'): FrameworkLine {
  return LINES[name];
}

/** Where the fleet runs and on which OS. */
export interface InitOptions {
  readonly platform: 'aws' | 'libvirt';
  readonly os: 'flatcar' | 'fcos' | 'alpine' | 'bottlerocket';
  /** the dependency spec of the library in package.json (default: `^<its version>`) */
  readonly librarySpec?: string;
}

const OS_EXPRESSION: Record<InitOptions['os'], string> = {
  flatcar: "ContainerOs.flatcar({ channel: 'stable' })",
  fcos: "ContainerOs.fedoraCoreOs({ stream: 'stable' })",
  alpine: 'ContainerOs.alpine()',
  bottlerocket: 'ContainerOs.bottlerocket()',
};

/** The skeleton's files, by name. */
export function skeletonFiles(appName: string, line: FrameworkLine, librarySpec: string, o: InitOptions): Record<string, string> {
  const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;
  const aws = o.platform === 'aws';
  return {
    'package.json': json({
      name: appName,
      version: '0.1.0',
      private: true,
      scripts: { 'build': 'tsc', 'synth': `${line.cli} synth`, 'test': 'jest', 'plan:offline': 'node plan-offline.js' },
      dependencies: { [line.library]: librarySpec, ...line.dependencies },
      devDependencies: line.devDependencies,
      engines: { node: line.node },
    }),
    'cdktf.json': json({
      language: 'typescript',
      app: 'npx tsc && node dist/main.js',
      projectId: randomUUID(),
      sendCrashReports: 'false',
      terraformProviders: [],
      terraformModules: [],
      context: {},
    }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022', module: 'commonjs', lib: ['es2022'], strict: true, noImplicitReturns: true, noUnusedLocals: true,
        skipLibCheck: false, types: ['node', 'jest'], rootDir: '.', outDir: 'dist',
      },
      include: ['*.ts'],
    }),
    'jest.config.js': jestConfig(line),
    'setup.js': setupJs(line),
    '.gitignore': 'node_modules/\ndist/\ncdktf.out/\n.terraform/\n',
    'main.ts': mainTs(line),
    'stacks.ts': aws ? awsStacksTs(line, o) : libvirtStacksTs(line, o),
    'main.test.ts': aws ? awsTestTs(line) : libvirtTestTs(line),
    'plan-offline.js': planOfflineJs(line),
  };
}

/** `jest.config.js` of the skeleton (the README's Testing section shows the cdktf one). */
export function jestConfig(line: FrameworkLine): string {
  return `/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/cdktf.out/'],
  setupFilesAfterEnv: ['<rootDir>/setup.js'],
  // snapshots show each fleet's first-boot payload decoded, not as base64
  snapshotSerializers: ['${line.library}/lib/cli/snapshot-serializer'],
};
`;
}

/** `setup.js` of the skeleton. */
export function setupJs(line: FrameworkLine): string {
  return `const { Testing } = require('${line.core}');
Testing.setupJest(); // toHaveResourceWithProperties, toHaveProvider, ... for expect()
`;
}

function mainTs(line: FrameworkLine): string {
  return `// The app: synthesized by \`npx ${line.cli} synth\`. The stacks live in stacks.ts, so tests import them
// without synthesizing this app.
import { App } from '${line.core}';
import { FleetStack } from './stacks';

const app = new App();
// FLEET_OFFLINE=1 (npm run plan:offline): fake AWS credentials and a pinned image, to plan offline
new FleetStack(app, 'fleet', { offline: process.env.FLEET_OFFLINE === '1' });
app.synth();
`;
}

function awsStacksTs(line: FrameworkLine, o: InitOptions): string {
  return `import { TerraformStack } from '${line.core}';
import { Construct } from 'constructs';
import { AwsProvider } from '${line.providerAws}/lib/provider';
import { AwsDockerFleet, AwsImage, ContainerOs, HostConfig, UpdatePolicy, Weekday } from '${line.library}';

/** Where the fleet runs: replace these with your region, VPC and subnets. */
const REGION = 'eu-central-1';
const VPC_ID = 'vpc-0123456789abcdef0';
const SUBNET_IDS = ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'];

export interface FleetStackProps {
  /** fake credentials and a pinned image: \`terraform plan\` runs without AWS (default false) */
  readonly offline?: boolean;
}

/** Two Docker hosts on AWS, an nginx container on each. */
export class FleetStack extends TerraformStack {
  public readonly fleet: AwsDockerFleet;

  constructor(scope: Construct, id: string, props: FleetStackProps = {}) {
    super(scope, id);
    new AwsProvider(this, 'aws', props.offline ? {
      region: REGION, accessKey: 'test', secretKey: 'test', skipCredentialsValidation: true,
      skipRequestingAccountId: true, skipMetadataApiCheck: 'true', skipRegionValidation: true,
    } : { region: REGION });
    const host = new HostConfig();
    // host.addSshAuthorizedKey('ssh-ed25519 AAAA... you@example');
    host.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', ports: ['80:80'] });
    this.fleet = new AwsDockerFleet(this, 'web', {
      os: ${OS_EXPRESSION[o.os]},
      hostCount: 2,
      instanceType: 't3.small',
      vpcId: VPC_ID,
      subnetIds: SUBNET_IDS,
      hostConfig: host,
      // the newest image of the OS, read at plan time; offline a fixed (made-up) AMI id
      image: props.offline ? AwsImage.pinned('ami-0123456789abcdef0') : undefined,
      updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:00', durationMinutes: 120 }),
      ingressPorts: [80],
    });
  }
}
`;
}

function libvirtStacksTs(line: FrameworkLine, o: InitOptions): string {
  return `import { TerraformStack } from '${line.core}';
import { Construct } from 'constructs';
import { ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtProvider09, UpdatePolicy, Weekday } from '${line.library}';

export interface FleetStackProps {
  /** unused on libvirt: the provider needs no credentials (default false) */
  readonly offline?: boolean;
}

/** Two Docker hosts on the local libvirtd, an nginx container on each. */
export class FleetStack extends TerraformStack {
  public readonly fleet: LibvirtDockerFleet;

  constructor(scope: Construct, id: string, _props: FleetStackProps = {}) {
    super(scope, id);
    new LibvirtProvider09(this, 'libvirt', { uri: 'qemu:///system' });
    const host = new HostConfig();
    // host.addSshAuthorizedKey('ssh-ed25519 AAAA... you@example');
    host.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', ports: ['80:80'] });
    this.fleet = new LibvirtDockerFleet(this, 'lab', {
      os: ${OS_EXPRESSION[o.os]},
      hostCount: 2,
      memoryMiB: 1024,
      hostConfig: host,
      updatePolicy: UpdatePolicy.maintenanceWindow({ days: [Weekday.SATURDAY], startTime: '22:00', durationMinutes: 120 }),
    });
  }
}
`;
}

function awsTestTs(line: FrameworkLine): string {
  return `import '${line.core}/lib/testing/adapters/jest'; // the matchers' types (setup.js registers them)
import { Testing } from '${line.core}';
import { AutoscalingGroup } from '${line.providerAws}/lib/autoscaling-group';
import { FleetStack } from './stacks';

test('two hosts in a rolling Auto Scaling group, as the snapshot shows them', () => {
  const synth = Testing.synth(new FleetStack(Testing.app(), 'fleet', { offline: true }));
  expect(synth).toHaveResourceWithProperties(AutoscalingGroup, { desired_capacity: 2 });
  expect(synth).toMatchSnapshot(); // synthesis is deterministic; payloads shown decoded
});
`;
}

function libvirtTestTs(line: FrameworkLine): string {
  return `import '${line.core}/lib/testing/adapters/jest'; // the matchers' types (setup.js registers them)
import { Testing } from '${line.core}';
import { FleetStack } from './stacks';

test('two hosts on libvirt, as the snapshot shows them', () => {
  const synth = Testing.synth(new FleetStack(Testing.app(), 'fleet'));
  expect(Object.keys(JSON.parse(synth).resource.libvirt_domain)).toHaveLength(1); // one resource, a host per key
  expect(synth).toMatchSnapshot(); // synthesis is deterministic; payloads shown decoded
});
`;
}

function planOfflineJs(line: FrameworkLine): string {
  return `// npm run plan:offline [-- STACK]: \`${line.cli} diff\` without cloud credentials (FLEET_OFFLINE=1: fake
// credentials, a pinned image). With TF_PLUGIN_DIR set to a provider mirror (\`terraform providers
// mirror DIR\` on a machine with access), the providers come from it and nothing is downloaded.
const { execFileSync } = require('child_process');
const { existsSync, mkdtempSync, readdirSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

const env = { ...process.env, FLEET_OFFLINE: '1', CHECKPOINT_DISABLE: '1' };
const mirror = process.env.TF_PLUGIN_DIR;
if (mirror) {
  const hosts = existsSync(mirror) ? readdirSync(mirror) : [];
  const providers = hosts.flatMap((h) => readdirSync(join(mirror, h)).flatMap((ns) => readdirSync(join(mirror, h, ns)).map((p) => \`\${h}/\${ns}/\${p}\`)));
  if (!providers.length) throw new Error(\`TF_PLUGIN_DIR=\${mirror} holds no providers\`);
  const list = JSON.stringify(providers);
  const config = join(mkdtempSync(join(tmpdir(), 'plan-offline-')), 'offline.tfrc');
  writeFileSync(config, \`provider_installation {\\n  filesystem_mirror {\\n    path    = \${JSON.stringify(mirror)}\\n    include = \${list}\\n  }\\n  direct {\\n    exclude = \${list}\\n  }\\n}\\n\`);
  env.TF_CLI_CONFIG_FILE = config;
}
execFileSync('npx', ['${line.cli}', 'diff', '--skip-provider-lock', '--no-color', ...process.argv.slice(2)], { stdio: 'inherit', env });
`;
}

/** `init [DIR] [--platform aws|libvirt] [--os flatcar|fcos|alpine|bottlerocket] [--library SPEC]`: the lines it printed. */
export function initApp(dir: string, o: InitOptions): string {
  if (!['aws', 'libvirt'].includes(o.platform)) throw new CliError(`init: --platform ${o.platform}: expected aws or libvirt`);
  if (!(o.os in OS_EXPRESSION)) throw new CliError(`init: --os ${o.os}: expected one of ${Object.keys(OS_EXPRESSION).join(', ')}`);
  if (o.os === 'bottlerocket' && o.platform === 'libvirt') throw new CliError('init: Bottlerocket runs on AWS only (--platform aws)');
  const target = resolve(dir);
  if (existsSync(target)) {
    const entries = readdirSync(target);
    if (entries.length) {
      throw new CliError(`init: ${dir} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', ...' : ''}): `
        + 'init writes a new app into an empty or new directory only');
    }
  }
  const { line, version } = ownLine();
  const name = basename(target).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'fleet-app';
  const files = skeletonFiles(name, line, o.librarySpec ?? `^${version}`, o);
  mkdirSync(target, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(target, f), text);
  return [
    `wrote a ${line.cli} app with ${o.platform === 'aws' ? 'an AWS' : 'a libvirt'} fleet (${o.os}) to ${dir}: ${Object.keys(files).join(', ')}`,
    'next:',
    ...(dir === '.' ? [] : [`  cd ${dir}`]),
    `  npm install && npx ${line.cli} synth && npm test`,
    `  npx ${line.library} explain          # what the hosts receive`,
    '  TF_PLUGIN_DIR=/opt/tf-plugins npm run plan:offline   # plan without credentials (mirror optional)',
    '',
  ].join('\n');
}
