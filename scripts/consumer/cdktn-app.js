// Writes the cdktn consumer app: scripts/consumer/app (the cdktf consumer app) with its imports
// rewritten by the cdktn package's own rules (scripts/package/cdktn.js), so both lines are tested
// with the same main.ts apart from import names.
//   node scripts/consumer/cdktn-app.js <destination dir>
const fs = require('fs');
const path = require('path');
const { rewriteModuleCode, cdktfSpecifiers } = require('../package/cdktn');

const [dest] = process.argv.slice(2);
const src = path.join(__dirname, 'app');
fs.mkdirSync(dest, { recursive: true });
for (const name of fs.readdirSync(src)) {
  let text = fs.readFileSync(path.join(src, name), 'utf8');
  if (/\.(ts|js)$/.test(name)) {
    text = rewriteModuleCode(text);
    const left = cdktfSpecifiers(text);
    if (left.length) throw new Error(`${name} still imports ${left.join(', ')}`);
  } else if (name === 'package.json') {
    const pkg = JSON.parse(text);
    pkg.description = 'A fresh CDK Terrain (cdktn) app that installs the cdktn-docker-fleet tarball (scripts/consumer/run-cdktn.sh)';
    pkg.scripts = { ...pkg.scripts, synth: 'cdktn synth' };
    text = `${JSON.stringify(pkg, null, 2)}\n`;
  }
  // cdktf.json keeps its name: cdktn-cli 0.24 reads cdktf.json and writes cdktf.out
  fs.writeFileSync(path.join(dest, name), text);
}
