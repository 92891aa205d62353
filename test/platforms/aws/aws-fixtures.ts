/** Shared stacks and host configs for the AwsDockerFleet tests. */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AwsDockerFleet, AwsDockerFleetProps, AwsImage, ContainerOs, HostConfig } from '../../../lib';

export type OsKind = 'fcos' | 'flatcar' | 'alpine' | 'bottlerocket';
export const OS_KINDS: OsKind[] = ['fcos', 'flatcar', 'alpine', 'bottlerocket'];

export const OS_LABEL: Record<OsKind, string> = {
  fcos: 'Fedora CoreOS', flatcar: 'Flatcar', alpine: 'Alpine', bottlerocket: 'Bottlerocket',
};

export function osOf(kind: OsKind): ContainerOs {
  switch (kind) {
    case 'fcos': return ContainerOs.fedoraCoreOs();
    case 'flatcar': return ContainerOs.flatcar();
    case 'alpine': return ContainerOs.alpine();
    case 'bottlerocket': return ContainerOs.bottlerocket();
  }
}

export const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKBunUBgAyKha6U6Hmuj/wlEBWhfpTlxciaPbg7ZIrWG ops@example';
export const PINNED_AMI = 'ami-0123456789abcdef0';
export const VPC = 'vpc-0123456789abcdef0';
export const SUBNETS = ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'];

/** A host config every OS can express: a key, a sysctl and a container (plus a file where the OS has files). */
export function hostFor(kind: OsKind, extra: { fileContent?: string; marker?: string } = {}): HostConfig {
  const host = new HostConfig({ sshAuthorizedKeys: [SSH_KEY], sysctls: { 'vm.max_map_count': '262144' } });
  host.addContainer({ name: 'web', image: 'docker.io/library/nginx:1.27', ports: ['80:80'] });
  if (kind !== 'bottlerocket') {
    host.addFile({ path: '/etc/app/motd', content: `managed by cdktf-docker-fleet ${extra.marker ?? ''}\n` });
    if (extra.fileContent !== undefined) host.addFile({ path: '/etc/app/large.txt', content: extra.fileContent });
  }
  return host;
}

// One outdir for all test apps of a process (Testing.app() would create a temp dir per app).
let sharedOutdir: string | undefined;

/** A stack with a fake-credential AWS provider (plans offline with pinned AMIs). */
export function awsStack(app?: App, name = 'fleet-stack'): TerraformStack {
  sharedOutdir ??= mkdtempSync(join(tmpdir(), 'aws-fleet-test.'));
  const stack = new TerraformStack(app ?? Testing.app({ outdir: sharedOutdir }), name);
  new AwsProvider(stack, 'aws', {
    region: 'us-east-1',
    accessKey: 'test',
    secretKey: 'test',
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: 'true',
    skipRegionValidation: true,
  });
  return stack;
}

export function baseProps(kind: OsKind): AwsDockerFleetProps {
  return {
    os: osOf(kind),
    hostCount: 3,
    instanceType: 't3.small',
    vpcId: VPC,
    subnetIds: SUBNETS,
    hostConfig: hostFor(kind),
    image: AwsImage.pinned(PINNED_AMI),
  };
}

/** The default name of the fleet `web` in the stack `fleet-stack` (synthFleet's): the id and a hash of the construct path. */
export const WEB_FLEET = 'web-ebf56b';

/** Synthesizes one fleet and returns the stack JSON (parsed) and the construct. */
export function synthFleet(props: AwsDockerFleetProps, stackName = 'fleet-stack'): { stack: TerraformStack; fleet: AwsDockerFleet; json: any; text: string } {
  const stack = awsStack(undefined, stackName);
  const fleet = new AwsDockerFleet(stack, 'web', props);
  const text = Testing.synth(stack);
  return { stack, fleet, json: JSON.parse(text), text };
}

/** The only resource of a type in a synthesized stack. */
export function only(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

export function userDataOf(json: any): Buffer {
  return Buffer.from(unsensitive(only(json, 'aws_launch_template').user_data), 'base64');
}

/** The literal inside `${sensitive("…")}` (user data and the S3 config are marked sensitive). */
export function unsensitive(value: string): string {
  const m = /^\$\{sensitive\("([A-Za-z0-9+/=]*)"\)\}$/.exec(value);
  if (!m) throw new Error(`expected \${sensitive("<base64>")}, got ${value.slice(0, 60)}`);
  return m[1];
}

/** Deterministic pseudo-random text from the base64 alphabet (gzip cannot shrink it much). */
export function noise(bytes: number, seed = 1): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < bytes; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out += (i + 1) % 77 === 0 ? '\n' : alphabet[x >>> 26];
  }
  return out;
}

export function warningsOf(fleet: AwsDockerFleet): string[] {
  return fleet.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
}
