#!/usr/bin/env bash
# The consumer test: the package as users get it. Builds and packs the library, installs the
# tarball into a fresh cdktf app outside the repository with the README's Installation commands,
# then type-checks the app strictly, synthesizes it, runs its jest test (cdktf Testing matchers
# set up as the README says, and a snapshot), and runs terraform init/validate/plan of its AWS
# stack and the README's offline `cdktf diff`. A second copy of the app takes the newest
# @cdktf/provider-aws 21.x (npm must accept the peer range) and must synthesize the same JSON
# but for the AWS provider's version constraint.
#
# The app (scripts/consumer/app) imports only 'cdktf-docker-fleet', never repository files.
# Env: TF_PLUGIN_DIR (default /opt/tf-plugins, a filesystem mirror of hashicorp/aws 5.100.0);
# CI=true makes a missing terraform or mirror a failure instead of skipped steps;
# CONSUMER_BUILT=1 skips the jsii build when the caller (.ci/run) has just built;
# CONSUMER_KEEP=1 keeps the temporary directory; CONSUMER_NODE=<major> runs it all under that
# Node.js line from the npm registry (scripts/node-version.sh) instead of the node on PATH.
# CONSUMER_SYNTH_REF=<dir> on the first Node line saves its synthesized JSON there; on a further
# line, CONSUMER_FURTHER_LINE=1 with the same <dir> requires byte-equal JSON (app path aside) and
# leaves out the steps that run terraform or npm's peer resolution on that same JSON and package
# (terraform validate/plan, @cdktf/provider-aws 21.x): their results do not depend on Node.js.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export CHECKPOINT_DISABLE=1 # no version checks from terraform or cdktf-cli
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
start=$SECONDS
step() { printf '\n--- consumer: %s (%ss)\n' "$1" "$((SECONDS - start))"; }

# --- tools --------------------------------------------------------------------------------------
if [ -n "${CONSUMER_NODE:-}" ]; then
  node_bin="$(bash "$repo/scripts/node-version.sh" "$CONSUMER_NODE")"
  export PATH="$node_bin:$PATH"
  # cdktf-cli 0.21's node-pty (@cdktf/node-pty-prebuilt-multiarch 0.10.2) has prebuilt binaries up
  # to Node 22's ABI; on a newer line npm compiles it with node-gyp, which needs that line's headers
  # (downloaded from nodejs.org by default; here the ones npm's node package ships) and a C++ compiler.
  npm_config_nodedir="$(bash "$repo/scripts/node-version.sh" --nodedir "$CONSUMER_NODE")"
  export npm_config_nodedir
fi
step "node $(node --version) ($(command -v node)), npm $(npm --version)"
TF_PLUGIN_DIR="${TF_PLUGIN_DIR:-/opt/tf-plugins}"
terraform_ok=1
if ! command -v terraform >/dev/null; then
  why="'terraform' is not on PATH (need terraform 1.11.x)"; terraform_ok=0
elif [ ! -d "$TF_PLUGIN_DIR/registry.terraform.io/hashicorp/aws" ]; then
  why="no hashicorp/aws provider under TF_PLUGIN_DIR=$TF_PLUGIN_DIR (a filesystem mirror)"; terraform_ok=0
fi
if [ "$terraform_ok" = 0 ]; then
  if [ "${CI:-}" = true ]; then echo "consumer test: $why" >&2; exit 1; fi
  echo "WARNING: $why: the terraform validate/plan and cdktf diff steps will be SKIPPED (a failure under CI=true)" >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/cdktf-docker-fleet-consumer.XXXXXX")"
case "$work/" in "$repo/"*) echo "the consumer app must live outside the repository ($work)" >&2; exit 1 ;; esac
if [ "${CONSUMER_KEEP:-}" = 1 ]; then echo "work directory (kept): $work"; else trap 'rm -rf "$work"' EXIT; fi
# An empty Terraform CLI config: no user ~/.terraformrc (mirrors, credentials, plugin caches) leaks in.
: > "$work/empty.tfrc"
export TF_CLI_CONFIG_FILE="$work/empty.tfrc"

# --- the package ---------------------------------------------------------------------------------
if [ "${CONSUMER_BUILT:-}" = 1 ]; then
  step "build: done by the caller (CONSUMER_BUILT=1)"
else
  step "build (jsii)"
  (cd "$repo" && npm run build)
fi

step "npm pack"
mkdir -p "$work/pack"
(cd "$repo" && npm pack --pack-destination "$work/pack" --json) > "$work/pack.json"
tarball="$work/pack/$(node -p 'require(process.argv[1])[0].filename' "$work/pack.json")"
node "$here/check-tarball.js" "$work/pack.json" "$tarball"

# --- a fresh app, as the README says --------------------------------------------------------------
# The README's path: `cdktf-docker-fleet init` (here the tarball's own command, as npx runs it),
# then `npm install`. The consumer test's own stacks (scripts/consumer/app: an AWS and a libvirt
# fleet with keys and containers, for the checks below) are added next to init's stack.
step "fresh app in $work/app: cdktf-docker-fleet init from the tarball, npm install (README Installation)"
app="$work/app"
mkdir -p "$work/pkg"
tar -xzf "$tarball" -C "$work/pkg"
node "$work/pkg/package/bin/cdktf-docker-fleet.js" init "$app" --library "file:$tarball"
node "$here/readme.js" same-as "$repo/README.md" "$app/jest.config.js" "$app/setup.js"
node "$here/readme.js" install "$repo/README.md" "$tarball" > "$work/install.sh" # the lines' versions are init's (test/cli/init.test.ts)
cp "$here/app/main.ts" "$app/consumer.ts"
sed "s#from './main'#from './consumer'#" "$here/app/main.test.ts" > "$app/consumer.test.ts"
grep -qx 'app.synth();' "$app/main.ts" || { echo "init's main.ts has no app.synth() line" >&2; exit 1; }
sed -i "s#^app.synth();\$#require('./consumer').addConsumerStacks(app); // the consumer test's stacks\\napp.synth();#" "$app/main.ts"
(cd "$app" && npm install)
(cd "$app" && npm ls --all >/dev/null) # fails on any missing or invalid (peer) dependency

step "tsc --strict --noEmit (the library's .d.ts files included: skipLibCheck is off)"
(cd "$app" && npx tsc --strict --noEmit)

step "cdktf synth"
(cd "$app" && npx cdktf synth)
for s in fleet consumer-aws consumer-libvirt; do test -s "$app/cdktf.out/stacks/$s/cdk.tf.json" || { echo "no $s stack synthesized" >&2; exit 1; }; done
cp -r "$app/cdktf.out" "$work/synth-aws20"
further=0
if [ "${CONSUMER_FURTHER_LINE:-}" = 1 ]; then
  further=1
  test -d "${CONSUMER_SYNTH_REF:-}/cdktf.out" || { echo "CONSUMER_FURTHER_LINE=1 needs CONSUMER_SYNTH_REF with the first line's synth" >&2; exit 1; }
  step "the same JSON as on $(cat "$CONSUMER_SYNTH_REF/node-version")"
  node "$here/compare-synth.js" "$CONSUMER_SYNTH_REF/cdktf.out" "$(cat "$CONSUMER_SYNTH_REF/app-dir")" "$app/cdktf.out" "$app" exact
elif [ -n "${CONSUMER_SYNTH_REF:-}" ]; then
  mkdir -p "$CONSUMER_SYNTH_REF" && rm -rf "$CONSUMER_SYNTH_REF/cdktf.out"
  cp -r "$app/cdktf.out" "$CONSUMER_SYNTH_REF/cdktf.out"
  printf '%s' "$app" > "$CONSUMER_SYNTH_REF/app-dir"
  node --version > "$CONSUMER_SYNTH_REF/node-version"
fi

step "npx cdktf-docker-fleet explain, and diff against a synth with another container image"
(cd "$app" && npx cdktf-docker-fleet explain) > "$work/explain.txt" || { cat "$work/explain.txt"; exit 1; }
for want in '== consumer-aws/web ==' '== consumer-libvirt/lab ==' 'OS: Flatcar Container Linux (stable)' 'image: docker.io/library/nginx:1.27' \
  'key 256 SHA256:SXN/yQnBh3yyRuECu3vcvijtHiO+okPWakKVQMB7RFY ops@example (ED25519)' 'LOCKSMITHD_REBOOT_WINDOW_START="Sat 22:00"' \
  'differs between hosts:'; do
  grep -qF -- "$want" "$work/explain.txt" || { cat "$work/explain.txt"; echo "explain does not print: $want" >&2; exit 1; }
done
(cd "$app" && CONSUMER_WEB_IMAGE=docker.io/library/nginx:1.28 npx cdktf synth --output "$work/synth-image")
rc=0; (cd "$app" && npx cdktf-docker-fleet diff cdktf.out "$work/synth-image") > "$work/fleet-diff.txt" || rc=$?
cat "$work/fleet-diff.txt"
[ "$rc" = 1 ] || { echo "cdktf-docker-fleet diff exited $rc, expected 1 (hosts change)" >&2; exit 1; }
# exactly one change: the container's image, on the AWS fleet only, and what it does
[ "$(grep -c '^== ' "$work/fleet-diff.txt")" = 1 ] && [ "$(grep -cE '^[~+-] ' "$work/fleet-diff.txt")" = 1 ] \
  && grep -qx '== consumer-aws/web ==' "$work/fleet-diff.txt" \
  && grep -qx 'effect: new launch-template version → rolling instance refresh of 3 hosts' "$work/fleet-diff.txt" \
  && grep -qx '~ container web' "$work/fleet-diff.txt" \
  && [ "$(grep -cE '^    [-+]' "$work/fleet-diff.txt")" = 2 ] \
  && grep -qx '    -image: docker.io/library/nginx:1.27' "$work/fleet-diff.txt" \
  && grep -qx '    +image: docker.io/library/nginx:1.28' "$work/fleet-diff.txt" \
  || { echo "cdktf-docker-fleet diff did not say exactly: container web's image changed, rolling instance refresh of 3 hosts" >&2; exit 1; }
rc=0; (cd "$app" && npx cdktf-docker-fleet diff cdktf.out "$work/synth-aws20") > /dev/null || rc=$?
[ "$rc" = 0 ] || { echo "cdktf-docker-fleet diff of two equal synths exited $rc, expected 0" >&2; exit 1; }

step "jest (cdktf matchers, snapshot): a first run writes the snapshot, a second one (--ci) must match it"
# The snapshot is not committed: what the library synthesizes is the repository's own tests'
# business; here a user's snapshot workflow must work and synthesis must repeat exactly.
rm -rf "$app/__snapshots__"
(cd "$app" && npm test -- --ci=false)
for t in main consumer; do test -s "$app/__snapshots__/$t.test.ts.snap" || { echo "jest wrote no snapshot for $t.test.ts" >&2; exit 1; }; done
(cd "$app" && npm test -- --ci)

if [ "$terraform_ok" = 1 ] && [ "$further" = 1 ]; then
  step "LEFT OUT on this further Node line (same JSON as the first line): terraform init/validate/plan"
elif [ "$terraform_ok" = 1 ]; then
  step "terraform init -plugin-dir, validate, plan of the AWS stack (offline)"
  (
    cd "$app/cdktf.out/stacks/consumer-aws"
    export TF_IN_AUTOMATION=1
    terraform init -input=false -no-color -plugin-dir="$TF_PLUGIN_DIR" >/dev/null
    terraform validate -no-color
    terraform plan -input=false -lock=false -no-color -out=plan.bin | grep -E '^Plan: '
    terraform show -json plan.bin > plan.json
  )
  node -e '
    const p = require(process.argv[1]);
    const created = p.resource_changes.filter((c) => c.change.actions.includes("create")).map((c) => c.type);
    for (const t of ["aws_autoscaling_group", "aws_launch_template", "aws_security_group", "aws_iam_role"]) {
      if (!created.includes(t)) { console.error(`the plan creates no ${t}: ${created}`); process.exit(1); }
    }' "$app/cdktf.out/stacks/consumer-aws/plan.json"
fi
if [ "$terraform_ok" = 1 ]; then
  step "init's npm run plan:offline of its stack (cdktf diff, providers from TF_PLUGIN_DIR, fake credentials)"
  node "$here/readme.js" cli-config "$repo/README.md" "$TF_PLUGIN_DIR" > "$work/offline.tfrc" # the README's block is there and well-formed
  rm -rf "$app/cdktf.out"
  (cd "$app" && TF_PLUGIN_DIR="$TF_PLUGIN_DIR" npm run plan:offline -- fleet > "$work/diff.log" 2>&1) \
    || { cat "$work/diff.log"; exit 1; }
  grep -E '^ *(fleet +)?Plan: ' "$work/diff.log" || { cat "$work/diff.log"; echo "npm run plan:offline printed no plan" >&2; exit 1; }
else
  step "SKIPPED: terraform validate/plan and cdktf diff ($why)"
fi
if [ "$further" = 1 ]; then
  step "done: the consumer test passed in $((SECONDS - start)) s (LEFT OUT on this further Node line: the @cdktf/provider-aws 21.x copy)"
  exit 0
fi

# --- the same app with @cdktf/provider-aws 21.x ---------------------------------------------------
# The README's first install line with @cdktf/provider-aws@21 instead of the tested version, in a
# copy of the installed app (a real copy: npm rewrites files in place, hard links would leak).
# npm resolves the named packages together, so a peer range without 21.x fails with ERESOLVE here
# (checked with the former exact pin `20.1.0`).
install21="$(head -n 1 "$work/install.sh" | sed -E 's#@cdktf/provider-aws@[^ ]+#@cdktf/provider-aws@21#')"
step "second copy of the app: $install21 (no --legacy-peer-deps)"
app21="$work/app-aws21"
mkdir -p "$app21"
(cd "$app" && tar --exclude=./node_modules --exclude=./cdktf.out --exclude=./dist -cf - .) | (cd "$app21" && tar -xf -)
cp -a "$app/node_modules" "$app21/node_modules"
(cd "$app21" && bash -euo pipefail -c "$install21")
(cd "$app21" && npm ls --all >/dev/null)
v21="$(node -p 'require(process.argv[1]).version' "$app21/node_modules/@cdktf/provider-aws/package.json")"
echo "@cdktf/provider-aws $v21"
case "$v21" in 21.*) ;; *) echo "expected a 21.x provider, got $v21" >&2; exit 1 ;; esac

step "cdktf synth with @cdktf/provider-aws $v21 (tsc --strict included), compared with 20.1.0"
(cd "$app21" && npx tsc --strict --noEmit && npx cdktf synth)
node "$here/compare-synth.js" "$work/synth-aws20" "$app" "$app21/cdktf.out" "$app21"

step "done: the consumer test passed in $((SECONDS - start)) s"
