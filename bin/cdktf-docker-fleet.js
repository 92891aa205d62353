#!/usr/bin/env node
// The `cdktf-docker-fleet` command: explain/diff the first-boot payloads of a synthesized app.
// The CLI is TypeScript in lib/cli/, compiled to lib/cli/*.js by `npm run build`.
require('../lib/cli/main.js').main();
