// The root cdktf app (cdktf.json): every example fleet, into cdktf.out/stacks/. With
// FLEET_EXAMPLES_OFFLINE=1 the AWS stacks pin an AMI and use fake credentials, so `cdktf diff`
// (terraform plan) runs without an AWS account, as CI does.
import { App } from 'cdktf';
import { EXAMPLES, OFFLINE, allExamples } from './fleets';

const app = new App();
const options = process.env.FLEET_EXAMPLES_OFFLINE === '1' ? OFFLINE : {};
const only = process.env.FLEET_EXAMPLE;
if (only !== undefined) {
  const example = EXAMPLES[only];
  if (!example) throw new Error(`FLEET_EXAMPLE=${only}: no such example; examples: ${Object.keys(EXAMPLES).join(', ')}`);
  example(app, options);
} else {
  allExamples(app, options);
}
app.synth();
