/**
 * `cdktf-docker-fleet migrate-libvirt`: a stack applied with dmacvicar/libvirt 0.8.3 (its state,
 * test/cli/libvirt-state-083.ts) moved to 0.9.7. Checked as far as this machine allows without
 * the provider: the import blocks and the new stack against the pinned 0.9.7 schema, the re-keyed
 * volumes against the new stack's names and the fleet's update rules, and real Terraform planning
 * the migration on stand-ins (test/cli/terraform-standin.ts).
 */
import { execFileSync } from 'child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import { ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtProvider, LibvirtProvider09 } from '../../lib';
import { StackValues } from '../../lib/cli/terraform-eval';
import { VOLUME_IGNORED_09 } from '../../lib/platforms/libvirt/v09/update-rules-09';
import { ED25519_KEY } from '../helpers/fixtures';
import { checkLibvirtSchema } from '../helpers/libvirt-schema';
import { describeWithTools, requireTools } from '../helpers/tools';
import { runCli, synthApp, tempDir } from './cli-helpers';
import { state083 } from './libvirt-state-083';
import { findTerraformBinary, standIn } from './terraform-standin';

/** The app of a user who moves to 0.9.7: a Flatcar and an Alpine fleet in one stack. */
function build(line: '0.8.3' | '0.9.7', more: { flatcarHosts?: number } = {}) {
  return (app: App) => {
    const lab = new TerraformStack(app, 'lab');
    if (line === '0.8.3') new LibvirtProvider(lab, 'libvirt', { uri: 'qemu:///system' });
    else new LibvirtProvider09(lab, 'libvirt', { uri: 'qemu:///system' });
    const host = new HostConfig({ sshAuthorizedKeys: [ED25519_KEY] });
    host.addContainer({ name: 'web', image: 'nginx:1.27', ports: ['80:80'] });
    new LibvirtDockerFleet(lab, 'flatcar', { os: ContainerOs.flatcar(), hostCount: more.flatcarHosts ?? 3, hostConfig: host, retainDataVolumes: true });
    new LibvirtDockerFleet(lab, 'alpine', { os: ContainerOs.alpine(), hostCount: 2, hostConfig: host, networkCidr: '10.17.4.0/24' });
  };
}

const stackJson = (out: string) => JSON.parse(readFileSync(join(out, 'stacks', 'lab', 'cdk.tf.json'), 'utf8'));

describe('cdktf-docker-fleet migrate-libvirt', () => {
  let oldDoc: any;
  let newOut: string;
  let newDoc: any;
  let statePath: string;
  let run: ReturnType<typeof runCli>;
  let migrated: any;
  let imports: { to: string; id: string }[];

  beforeAll(() => {
    oldDoc = stackJson(synthApp(build('0.8.3')));
    newOut = synthApp(build('0.9.7'));
    newDoc = stackJson(newOut);
    statePath = join(tempDir('lab-state-'), 'lab-0.8.3.tfstate');
    writeFileSync(statePath, JSON.stringify(state083(oldDoc), null, 2));
    run = runCli(['migrate-libvirt', statePath, join(newOut, 'stacks', 'lab')]);
    migrated = JSON.parse(readFileSync(join(newOut, 'stacks', 'lab', 'libvirt-0.9-migration.tfstate'), 'utf8'));
    imports = JSON.parse(readFileSync(join(newOut, 'stacks', 'lab', 'libvirt-0.9-imports.tf.json'), 'utf8')).import;
  });

  const oldState = () => state083(oldDoc);
  const byType = (st: any, type: string) => st.resources.filter((r: any) => r.type === type);
  const instanceIds = (st: any, type: string) => byType(st, type).flatMap((r: any) => r.instances.map((i: any) => [`${type}.${r.name}${i.index_key === undefined ? '' : `["${i.index_key}"]`}`, i.attributes.id]));

  test('imports every domain, network and pool by the UUID 0.8.3 gave it, and says what it kept', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('lab/alpine: import 2 domain(s), 1 network(s), 1 pool(s) by UUID; keep 5 volume(s) (2 Docker data) and 2 first-boot volume(s) in the state');
    expect(run.stdout).toContain('lab/flatcar: import 3 domain(s), 1 network(s), 1 pool(s) by UUID; keep 7 volume(s) (3 Docker data) and 3 first-boot volume(s) in the state');
    expect(run.stdout).toMatch(/terraform -chdir=\S+ init -upgrade[\s\S]*state push libvirt-0\.9-migration\.tfstate[\s\S]*plan[\s\S]*apply/);
    const expected = ['libvirt_domain', 'libvirt_network', 'libvirt_pool'].flatMap((t) => instanceIds(oldState(), t)).map(([to, id]) => ({ to, id }));
    expect(imports).toHaveLength(9);
    expect([...imports].sort((a, b) => (a.to < b.to ? -1 : 1))).toEqual(expected.sort((a, b) => (a.to < b.to ? -1 : 1)));
    for (const i of imports) expect(i.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('leaves no domain, network, pool, Ignition or cloud-init resource of 0.8.3 in the state, with the same lineage and the next serial', () => {
    expect(migrated.lineage).toBe(oldState().lineage);
    expect(migrated.serial).toBe(oldState().serial + 1);
    expect([...new Set(migrated.resources.map((r: any) => r.type))]).toEqual(['libvirt_volume']);
    expect(statSync(join(newOut, 'stacks', 'lab', 'libvirt-0.9-migration.tfstate')).mode & 0o777).toBe(0o600);
  });

  test('keeps every volume at its key, re-keyed as 0.9.7 reads it, and moves each Ignition and cloud-init volume into the fleet\'s upload volume', () => {
    const volumes = Object.fromEntries(byType(migrated, 'libvirt_volume').flatMap((r: any) => r.instances.map((i: any) => [`${r.name}[${i.index_key ?? ''}]`, i])));
    for (const [addr, id] of instanceIds(oldState(), 'libvirt_volume')) {
      const [, name, key] = /^libvirt_volume\.([^[]+)(?:\["(.*)"\])?$/.exec(addr)!;
      const v = volumes[`${name}[${key ?? ''}]`];
      expect(v.attributes).toEqual({ id, key: id, path: id, name: expect.any(String), pool: expect.any(String) });
      expect(v.schema_version).toBe(0);
    }
    for (const [type, target] of [['libvirt_ignition', '_ignition-volume_'], ['libvirt_cloudinit_disk', '_cloudinit-volume_']]) {
      const old = byType(oldState(), type).flatMap((r: any) => r.instances);
      const next = byType(migrated, 'libvirt_volume').filter((r: any) => r.name.includes(target)).flatMap((r: any) => r.instances);
      expect(next.map((i: any) => [i.index_key, i.attributes.name, i.attributes.key])).toEqual(old.map((i: any) => [i.index_key, i.attributes.name, i.attributes.id.split(';')[0]]));
    }
  });

  test('plans no change for any kept volume: the new stack gives each the same name and pool, and ignores the rest', () => {
    const values = new StackValues(newDoc.locals);
    let dataVolumes = 0;
    for (const r of byType(migrated, 'libvirt_volume')) {
      const body = newDoc.resource.libvirt_volume[r.name];
      expect(body.lifecycle.ignore_changes).toEqual(VOLUME_IGNORED_09);
      const planned: Record<string, any> = body.for_each === undefined ? { '': values.evaluate({ name: body.name }) } : values.expand(body) as any;
      for (const inst of r.instances) {
        // name and pool are RequiresReplace: equal, or the volume would be replaced
        expect(planned[inst.index_key ?? ''].name).toBe(inst.attributes.name);
        if (r.name.includes('_docker-data_')) dataVolumes++;
      }
    }
    expect(dataVolumes).toBe(5);
    // the pool the volumes name is the fleet's (a reference to its libvirt_pool, which is imported with its name)
    for (const r of byType(migrated, 'libvirt_volume')) expect(['flatcar', 'alpine']).toContain(r.instances[0].attributes.pool);
  });

  test('the import blocks and the new stack pass the pinned 0.9.7 schema check together', () => {
    expect(checkLibvirtSchema({ ...newDoc, import: imports })).toEqual([]);
  });

  test('diff says the hosts move to 0.9.7 with their payloads unchanged, nothing re-provisioned', () => {
    const r = runCli(['diff', synthApp(build('0.8.3')), newOut]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('== lab/flatcar ==\neffect: moves to dmacvicar/libvirt 0.9.7 (from 0.8.3): the state must be moved first (cdktf-docker-fleet migrate-libvirt; '
      + 'README "libvirt provider 0.9"); each host\'s domain is then redefined and restarts once (hosts: flatcar-0, flatcar-1, flatcar-2); payloads, root and Docker data volumes stay\n');
    expect(r.stdout).not.toContain('re-provisions');
  });

  test('fails for a stack synthesized for 0.8.3 again, and writes nothing', () => {
    const again = synthApp(build('0.8.3'));
    const r = runCli(['migrate-libvirt', statePath, join(again, 'stacks', 'lab')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the stack pins dmacvicar\/libvirt 0\.8\.3; synthesize it for 0\.9\.7 first \(LibvirtProvider09 instead of LibvirtProvider\)/);
  });

  test('fails when a host of the state is not in the new stack', () => {
    const fewer = synthApp(build('0.9.7', { flatcarHosts: 2 }));
    const r = runCli(['migrate-libvirt', statePath, join(fewer, 'stacks', 'lab')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\["flatcar-2"\] is not in the new stack; migrate with the same fleets and hosts as in the state, then change them/);
  });

  test('fails when the new stack would give a Docker data volume another name', () => {
    const st = state083(oldDoc);
    const data = st.resources.find((r: any) => r.type === 'libvirt_volume' && r.name.includes('_docker-data_'));
    data.instances[0].attributes.name = 'renamed-docker.qcow2';
    const path = join(tempDir('lab-state-'), 'renamed.tfstate');
    writeFileSync(path, JSON.stringify(st));
    const r = runCli(['migrate-libvirt', path, join(newOut, 'stacks', 'lab')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the Docker data volume "renamed-docker\.qcow2", and the new stack names it "alpine-0-docker\.qcow2": it would be replaced, blank; nothing was written/);
  });

  test('fails for a state migrated already, and for a file that is not a state', () => {
    const again = runCli(['migrate-libvirt', join(newOut, 'stacks', 'lab', 'libvirt-0.9-migration.tfstate'), join(newOut, 'stacks', 'lab')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has 0\.9 attributes \(a volume key\): this state is migrated already/);
    const bogus = join(tempDir(), 'x.tfstate');
    writeFileSync(bogus, '{"version": 3}');
    expect(runCli(['migrate-libvirt', bogus, join(newOut, 'stacks', 'lab')]).stderr).toMatch(/not a Terraform state of format version 4/);
  });
});

const terraform = findTerraformBinary();
describeWithTools([['terraform', terraform]])('the migration planned by real Terraform (stand-ins)', () => {
  test('terraform state push takes the migrated state over the 0.8.3 one (same lineage, next serial), without the provider', () => {
    requireTools([['terraform', terraform]]);
    const oldDoc = stackJson(synthApp(build('0.8.3')));
    const newOut = synthApp(build('0.9.7'));
    const dir = tempDir('tf-push-');
    try {
      writeFileSync(join(dir, 'old.tfstate'), JSON.stringify(state083(oldDoc)));
      expect(runCli(['migrate-libvirt', join(dir, 'old.tfstate'), join(newOut, 'stacks', 'lab')]).code).toBe(0);
      writeFileSync(join(dir, 'main.tf.json'), '{}');
      const env = { ...process.env, TF_CLI_CONFIG_FILE: join(dir, 'none'), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
      const tf = (...args: string[]) => execFileSync(terraform.path!, args, { cwd: dir, env, encoding: 'utf8' });
      tf('init', '-input=false', '-no-color');
      tf('state', 'push', 'old.tfstate');
      tf('state', 'push', join(newOut, 'stacks', 'lab', 'libvirt-0.9-migration.tfstate'));
      const list = tf('state', 'list').trim().split('\n');
      expect(list.every((a) => a.startsWith('libvirt_volume.'))).toBe(true);
      expect(list.filter((a) => a.includes('_docker-data_'))).toHaveLength(5);
      expect(list).toHaveLength(5 + 7 + 2 + 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('imports every domain, network, pool and volume of the 0.8.3 hosts, creates only the local first-boot files and the settings, and destroys nothing', async () => {
    requireTools([['terraform', terraform]]);
    const oldDoc = stackJson(synthApp(build('0.8.3')));
    const newOut = synthApp(build('0.9.7'));
    const newDoc = stackJson(newOut);
    const statePath = join(tempDir('lab-state-'), 'lab.tfstate');
    writeFileSync(statePath, JSON.stringify(state083(oldDoc)));
    expect(runCli(['migrate-libvirt', statePath, join(newOut, 'stacks', 'lab')]).code).toBe(0);
    const dir = join(newOut, 'stacks', 'lab');
    const imports: { to: string; id: string }[] = JSON.parse(readFileSync(join(dir, 'libvirt-0.9-imports.tf.json'), 'utf8')).import;
    const kept = JSON.parse(readFileSync(join(dir, 'libvirt-0.9-migration.tfstate'), 'utf8')).resources
      .flatMap((r: any) => r.instances.map((i: any) => ({ to: `${r.type}.${r.name}${i.index_key === undefined ? '' : `["${i.index_key}"]`}`, id: i.attributes.id })));
    // Stand-ins cannot hold a provider's state, so what the state keeps is imported too: the plan
    // then shows whether every kept or imported address is one the new stack declares. (Plain
    // stand-ins: the provider's RequiresReplace would compare with a stand-in's empty import.)
    const toStandIn = (a: string) => a.replace(/^([a-z0-9_]+)\.([A-Za-z0-9_-]+)/, (_m, t, n) => `terraform_data.${t}__${n}`);
    const s = await standIn(terraform, newDoc, { providerRules: false });
    try {
      const config = JSON.parse(readFileSync(join(s.dir, 'main.tf.json'), 'utf8'));
      writeFileSync(join(s.dir, 'main.tf.json'), JSON.stringify({ ...config, import: [...imports, ...kept].map((i) => ({ to: toStandIn(i.to), id: i.id })) }));
      const plan = await s.plan();
      const changes = (plan.resource_changes ?? []).map((rc: any) => ({
        address: String(rc.address).replace(/^terraform_data\.([a-z0-9_]+)__/, '$1.').replace(/_[0-9A-F]{8}(\[|$)/, '$1'),
        importing: rc.change.importing !== undefined,
        actions: rc.change.actions.join('+'),
      }));
      const imported = changes.filter((c: any) => c.importing).map((c: any) => c.address);
      const created = changes.filter((c: any) => !c.importing && c.actions === 'create').map((c: any) => c.address).sort();
      expect(imported).toHaveLength(imports.length + kept.length);
      expect(changes.filter((c: any) => c.actions.includes('delete'))).toEqual([]);
      // only what 0.9.7 adds: the local first-boot files (written again) and the fleets' settings
      expect(created).toEqual([
        'libvirt_cloudinit_disk.alpine_cloudinit["alpine-0"]', 'libvirt_cloudinit_disk.alpine_cloudinit["alpine-1"]',
        'libvirt_ignition.flatcar_ignition["flatcar-0"]', 'libvirt_ignition.flatcar_ignition["flatcar-1"]', 'libvirt_ignition.flatcar_ignition["flatcar-2"]',
        'terraform_data.alpine_network-settings', 'terraform_data.alpine_root-settings',
        'terraform_data.flatcar_network-settings', 'terraform_data.flatcar_root-settings',
      ].map((a) => a.replace(/^terraform_data\.terraform_data__/, 'terraform_data.')));
    } finally {
      s.remove();
    }
  });
});
