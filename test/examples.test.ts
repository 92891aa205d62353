/**
 * The example fleets as a user meets them: every stack synthesizes deterministically and matches
 * its snapshot, every libvirt stack passes the pinned schema of its provider (0.9.7; and 0.8.3,
 * where the libvirt examples synthesize byte for byte what they did before 0.9.7 was supported),
 * and every AWS stack passes terraform validate and plan against the real AWS provider (pinned
 * AMIs, fake credentials).
 */
import { App, Testing } from 'cdktf';
import { LibvirtProviderVersion } from '../lib';
import { LIBVIRT_EXAMPLES, OFFLINE as offline, allExamples } from '../examples/fleets';
import { expectValidLibvirtStack } from './helpers/libvirt-schema';
import { findTerraform, planActionCounts, removeRun, terraformCheck } from './helpers/terraform';
import { describeWithTools, requireTools } from './helpers/tools';

describe('the example fleets', () => {
  test('every example synthesizes the same JSON twice and matches its snapshot', () => {
    const first = allExamples(Testing.app()).map((s) => [s.node.id, Testing.synth(s)] as const);
    const second = allExamples(Testing.app()).map((s) => Testing.synth(s));
    first.forEach(([id, json], i) => {
      expect({ id, json }).toEqual({ id, json: second[i] });
      expect(json).toMatchSnapshot(id);
    });
  });

  test('every libvirt example is synthesized for dmacvicar/libvirt 0.9.7 and passes its pinned schema', () => {
    const libvirt = allExamples(Testing.app()).filter((s) => s.node.id.startsWith('libvirt-'));
    expect(libvirt.length).toBe(3);
    for (const s of libvirt) {
      const json = Testing.synth(s);
      expect(JSON.parse(json).terraform.required_providers.libvirt.version).toBe('0.9.7');
      expectValidLibvirtStack(json, { version: '0.9.7' });
    }
  });

  test('on provider 0.8.3 (LibvirtProvider) every libvirt example passes the 0.8.3 schema and matches its 0.8.3 snapshot', () => {
    for (const [id, example] of Object.entries(LIBVIRT_EXAMPLES)) {
      const json = Testing.synth(example(Testing.app(), LibvirtProviderVersion.V0_8_3));
      expectValidLibvirtStack(json, { version: '0.8.3' });
      expect(json).toMatchSnapshot(`${id} on 0.8.3`);
    }
  });
});

const tf = findTerraform();
const tools = [['terraform', tf]] as const;

describeWithTools(tools)('the AWS example fleets through terraform', () => {
  const stacks = () => allExamples(new App({ outdir: Testing.app().outdir }), offline).filter((s) => s.node.id.startsWith('aws-'));

  test('each AWS example passes terraform validate and plan', async () => {
    requireTools(tools);
    const counts: Record<string, Record<string, number>> = {};
    for (const stack of stacks()) {
      const r = await terraformCheck(tf, stack, { plan: true });
      counts[stack.node.id] = planActionCounts(r.plan);
      removeRun(r);
    }
    // eslint-disable-next-line no-console
    console.log(`planned actions per example: ${JSON.stringify(counts)}`);
    expect(Object.keys(counts)).toHaveLength(6);
    for (const c of Object.values(counts)) expect(c.create).toBeGreaterThanOrEqual(5);
  });

  test('each AWS example with AwsImage.latest() passes terraform validate', async () => {
    requireTools(tools);
    const latest = allExamples(new App({ outdir: Testing.app().outdir }), { awsProvider: offline.awsProvider }).filter((s) => s.node.id.startsWith('aws-'));
    for (const stack of latest) removeRun(await terraformCheck(tf, stack, { plan: false }));
  });
});
