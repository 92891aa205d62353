/**
 * Every example, by the name of its folder. Each folder is a cdktf app of its own
 * (`cd examples/<name> && npx cdktf synth`); the root app (`app.ts`) synthesizes them all, and
 * the tests synthesize the same functions.
 */
import { App, TerraformStack } from 'cdktf';
import { awsAlpineEdge } from './aws-alpine-edge/fleet';
import { awsBottlerocketEcs } from './aws-bottlerocket-ecs/fleet';
import { awsFcosFleetLock } from './aws-fcos-fleetlock/fleet';
import { awsFlatcarWeb } from './aws-flatcar-web/fleet';
import { awsMixedOs } from './aws-mixed-os/fleet';
import { libvirtAlpineLab } from './libvirt-alpine-lab/fleet';
import { libvirtFcosLab } from './libvirt-fcos-lab/fleet';
import { libvirtFlatcarLab } from './libvirt-flatcar-lab/fleet';
import { swarmAws } from './aws-swarm/fleet';
import { ExampleOptions } from './shared';
import { LibvirtProviderVersion } from '../lib';

export { type ExampleOptions, OFFLINE } from './shared';

export const EXAMPLES: Record<string, (app: App, o?: ExampleOptions) => TerraformStack> = {
  'aws-flatcar-web': awsFlatcarWeb,
  'aws-fcos-fleetlock': awsFcosFleetLock,
  'aws-alpine-edge': awsAlpineEdge,
  'aws-bottlerocket-ecs': awsBottlerocketEcs,
  'aws-mixed-os': awsMixedOs,
  'libvirt-flatcar-lab': (app) => libvirtFlatcarLab(app),
  'libvirt-alpine-lab': (app) => libvirtAlpineLab(app),
  'libvirt-fcos-lab': (app) => libvirtFcosLab(app),
  'aws-swarm': swarmAws,
};

/**
 * The libvirt examples on a chosen provider line (the examples above use 0.9.7; 0.8.3 is what
 * fleets created before 0.9.7 was supported were synthesized for).
 */
export const LIBVIRT_EXAMPLES: Record<string, (app: App, provider: LibvirtProviderVersion) => TerraformStack> = {
  'libvirt-flatcar-lab': libvirtFlatcarLab,
  'libvirt-alpine-lab': libvirtAlpineLab,
  'libvirt-fcos-lab': libvirtFcosLab,
};

/** Every example stack in one app. */
export function allExamples(app: App, o: ExampleOptions = {}): TerraformStack[] {
  return Object.values(EXAMPLES).map((example) => example(app, o));
}
