/**
 * lib/cli/terraform-eval.ts: the evaluator `explain`, `diff`, the snapshot serializer and the
 * libvirt tests read per-host values with. Unit tests for its subset of Terraform's language,
 * then the same synthesized libvirt stacks through real Terraform (terraform_data stand-ins, no
 * provider download): every per-host attribute the evaluator gives is what Terraform plans.
 */
import { App, Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { ContainerOs, HostConfig, LibvirtDockerFleet, LibvirtDockerSwarm, LibvirtImage, LibvirtProvider, OsFeature } from '../../lib';
import { EvalError, StackValues, Unknown, Value, csvDecode, evaluateJson } from '../../lib/cli/terraform-eval';
import { richHostConfig } from '../helpers/fixtures';
import { perHostPayloadStack } from '../platforms/libvirt/libvirt-fixtures';
import { describeWithTools, requireTools } from '../helpers/tools';
import { UNKNOWN, findTerraformBinary, plannedInputs, standIn } from './terraform-standin';

const known = (v: Value): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Unknown ? UNKNOWN : x)));

describe('the Terraform expression evaluator', () => {
  const locals = {
    'table': 'name,wwn\na,5aa\nb,5bb\n',
    'hosts': '${{ for key, val in csvdecode(local.table): val.name => val }}',
    'first-boot': '{"h":"HOST","w":"WWN","t":"$${kept} %%{kept}"}',
  };
  const sv = new StackValues(locals);

  test('templates: literal text, $${ and %%{ escapes, interpolations, a lone interpolation keeps its type', () => {
    expect(evaluateJson('plain $${x} %%{y}')).toBe('plain ${x} %{y}');
    expect(evaluateJson('${local.n}', { n: 5 })).toBe(5);
    expect(evaluateJson('n=${local.n}', { n: 5 })).toBe('n=5');
    expect(evaluateJson('${"a\\"b\\n\\u00e9"}')).toBe('a"b\né');
    expect(evaluateJson('${"x-${local.n}"}', { n: 'y' })).toBe('x-y');
    expect(evaluateJson({ a: ['${local.n}', true, 1, null] }, { n: 'v' })).toEqual({ a: ['v', true, 1, null] });
  });

  test('locals, csvdecode, for expressions, each, replace and sensitive, as the libvirt fleets write them', () => {
    expect(sv.evaluate('${local.hosts}')).toEqual({ a: { name: 'a', wwn: '5aa' }, b: { name: 'b', wwn: '5bb' } });
    expect(sv.evaluate('${[ for key, val in csvdecode(local.table): val.name]}')).toEqual(['a', 'b']);
    const r = { for_each: '${local.hosts}', name: '${each.key}-x-${each.value.wwn}', content: '${sensitive(replace(replace(local.first-boot, "HOST", each.key), "WWN", each.value.wwn))}' };
    expect(sv.expand(r)).toEqual({
      a: { name: 'a-x-5aa', content: '{"h":"a","w":"5aa","t":"${kept} %{kept}"}' },
      b: { name: 'b-x-5bb', content: '{"h":"b","w":"5bb","t":"${kept} %{kept}"}' },
    });
    expect(sv.expand({ for_each: { a: 'h1' }, n: '${each.key}-root-${each.value}.qcow2' })).toEqual({ a: { n: 'a-root-h1.qcow2' } });
    expect(sv.instances({ for_each: ['x', 'y'] })).toEqual({ x: 'x', y: 'y' });
  });

  test('the literal per-host maps of releases before the host table read the same (diff across versions)', () => {
    const old = {
      for_each: { a: { name: 'a-ignition-1.ign', content: '{"h":"a","t":"$${kept} %%{kept}"}' } },
      name: '${each.value.name}', content: '${sensitive(each.value.content)}',
    };
    expect(sv.expand(old)).toEqual({ a: { name: 'a-ignition-1.ign', content: '{"h":"a","t":"${kept} %{kept}"}' } });
  });

  test('conditionals, ==, !=, contains, lookup, keys, numeric attribute steps', () => {
    const each = { key: 'm1', value: { n: '1' } as Value };
    expect(sv.evaluate('${each.key == "m0" ? "lead" : (contains(["m0", "m1"], each.key) ? "manager" : "worker")}', each)).toBe('manager');
    expect(sv.evaluate('${each.key != "m0"}', each)).toBe(true);
    expect(sv.evaluate('${lookup(local.hosts, "b").wwn}')).toBe('5bb');
    expect(sv.evaluate('${keys(local.hosts)}')).toEqual(['a', 'b']);
    expect(evaluateJson('${local.l.1}', { l: ['x', 'y'] })).toBe('y');
    expect(evaluateJson('${{ for k, v in local.m : v => k if k != "b" }}', { m: { a: '1', b: '2', c: '3' } })).toEqual({ 1: 'a', 3: 'c' });
  });

  test('references to resources, variables and data sources are unknown, naming what they read', () => {
    const v = sv.evaluate('${libvirt_volume.root_1[each.key].id}', { key: 'a', value: {} });
    expect(v).toBeInstanceOf(Unknown);
    expect((v as Unknown).reference).toBe('libvirt_volume.root_1["a"].id');
    expect(sv.evaluate('prefix-${var.x}')).toBeInstanceOf(Unknown);
    expect(String(sv.evaluate('${data.t.n.attr}'))).toBe('(known after apply: data.t.n.attr)');
    expect(sv.evaluate('${{ for key, val in libvirt_domain.h: key => val.x }}')).toBeInstanceOf(Unknown);
  });

  test('csvdecode follows RFC 4180 as Terraform does: quotes, doubled quotes, CRLF, empty lines skipped', () => {
    expect(csvDecode('a,b\r\n"x,1","y ""q"""\n\n3,4')).toEqual([{ a: 'x,1', b: 'y "q"' }, { a: '3', b: '4' }]);
    expect(csvDecode('a,b\n')).toEqual([]);
    expect(() => csvDecode('a,b\n1\n')).toThrow(/line 2 has 1 fields, the header 2/);
    expect(() => csvDecode('')).toThrow(/missing header/);
  });

  test('what it does not know is an error, never a guess', () => {
    expect(() => evaluateJson('${upper("x")}')).toThrow(/function upper\(\) is not one this tool evaluates/);
    expect(() => evaluateJson('%{ if true }x%{ endif }')).toThrow(/template directives/);
    expect(() => evaluateJson('${local.nope}')).toThrow(/local\.nope: no such local value/);
    expect(() => evaluateJson('${each.key}')).toThrow(/each: used outside a for_each resource/);
    expect(() => evaluateJson('${replace("a", "/a/", "b")}')).toThrow(/regular expression/);
    expect(() => evaluateJson('${local.a}', { a: '${local.a}' })).toThrow(/refers to itself/);
    expect(() => evaluateJson('${local.m.x}', { m: { y: 1 } })).toThrow(EvalError);
  });

  test('strings are NFC-normalized, as Terraform\'s are', () => {
    expect(evaluateJson('e\u0301')).toBe('\u00e9');
    expect(evaluateJson('${replace("x", "x", "e\u0301")}')).toBe('\u00e9');
  });
});

// --- the same stacks through real Terraform ---------------------------------------------------

const NAMES = ['a', 'x'.repeat(63), '123', 'true', 'NULL', 'host-with-hyphens'];

function stack(id = 'lab'): TerraformStack {
  const s = new TerraformStack(new App({ outdir: '/tmp/unused-outdir' }), id);
  new LibvirtProvider(s, 'libvirt', { uri: 'qemu:///system' });
  return s;
}

/** Stacks covering every shape a libvirt fleet writes. */
function stacks(): [string, any][] {
  const out: [string, any][] = [];
  for (const [name, os, image] of [
    ['Flatcar', ContainerOs.flatcar(), undefined],
    ['Fedora CoreOS', ContainerOs.fedoraCoreOs(), LibvirtImage.fromPath('/var/lib/libvirt/images/fcos.qcow2')],
    ['Alpine tiny', ContainerOs.alpine(), undefined],
    ['Alpine cloud-init', ContainerOs.alpine({ bootstrap: 'cloudinit' as any }), undefined],
  ] as const) {
    const s = stack();
    const host = richHostConfig({ units: os.canExpress(OsFeature.SYSTEMD_UNITS) });
    host.addFile({ path: '/etc/unicode.txt', content: 'café, cafe\u0301, ${literal} %{literal}\n' });
    new LibvirtDockerFleet(s, 'lab', { os, hostCount: NAMES.length, hostNames: NAMES, hostConfig: host, image });
    out.push([name, JSON.parse(Testing.synth(s))]);
  }
  // a token network CIDR: no address column
  const t = stack();
  const cidr = new TerraformVariable(t, 'cidr', { type: 'string', default: '10.9.0.0/24' });
  new LibvirtDockerFleet(t, 'lab', { os: ContainerOs.alpine(), hostCount: 2, networkCidr: cidr.stringValue });
  out.push(['token CIDR', JSON.parse(Testing.synth(t))]);
  // a swarm: the domains' filesystem override reads each.key
  const w = stack();
  new LibvirtDockerSwarm(w, 'sw', { os: ContainerOs.flatcar(), managerCount: 3, workerCount: 2, hostConfig: new HostConfig() });
  out.push(['swarm', JSON.parse(Testing.synth(w))]);
  // without an exact template (each host rendered alone): local.first-boot is a map by host name
  out.push(['per-host payloads', JSON.parse(Testing.synth(perHostPayloadStack()))]);
  return out;
}

/** Every resource's attributes as the evaluator gives them: `<type>.<name>` → instance key ('' without for_each) → attributes. */
function evaluated(doc: any): Record<string, Record<string, unknown>> {
  const sv = new StackValues(doc.locals ?? {});
  const out: Record<string, Record<string, unknown>> = {};
  for (const [type, rs] of Object.entries<any>(doc.resource)) {
    for (const [name, r] of Object.entries<any>(rs)) {
      const drop = (a: Record<string, unknown>) => Object.fromEntries(Object.entries(a).filter(([k]) => !['//', 'lifecycle', 'provider', 'depends_on'].includes(k)));
      if (r.for_each === undefined) out[`${type}.${name}`] = { '': known(sv.evaluate(drop(r))) };
      else out[`${type}.${name}`] = Object.fromEntries(Object.entries(sv.expand(r) as Record<string, Record<string, Value>>).map(([k, a]) => [k, known(drop(a) as Value)]));
    }
  }
  return out;
}

const tf = findTerraformBinary();
describeWithTools([['terraform', tf]])('the evaluator against real Terraform (terraform_data stand-ins)', () => {
  test('every instance of every resource of every libvirt shape: what the evaluator gives is what Terraform plans, host names output too', async () => {
    requireTools([['terraform', tf]]);
    for (const [name, doc] of stacks()) {
      const s = await standIn(tf, doc);
      try {
        const plan = await s.plan();
        const ours = evaluated(doc);
        expect([name, plannedInputs(plan)]).toEqual([name, ours]);
        expect(Object.values(ours).some((r) => Object.keys(r).length > 1)).toBe(true);
        for (const [k, o] of Object.entries<any>(plan.planned_values.outputs ?? {})) {
          expect([name, k, o.value]).toEqual([name, k, known(new StackValues(doc.locals ?? {}).evaluate(doc.output[k].value))]);
        }
        // the payloads are sensitive in the plan
        for (const rc of plan.resource_changes.filter((r: any) => /^libvirt_(ignition|cloudinit_disk)__/.test(r.name))) {
          expect(rc.change.after_sensitive.input[rc.name.startsWith('libvirt_ignition') ? 'content' : 'user_data']).toBe(true);
        }
      } finally {
        s.remove();
      }
    }
  });
});
