// The root cdktf app (cdktf.json): synthesizes every example fleet into cdktf.out/stacks/.
import { App } from 'cdktf';
import { allExamples } from './fleets';

const app = new App();
allExamples(app);
app.synth();
