#!/usr/bin/env bash
# The cdktn consumer test: the CDK Terrain line as its users get it. Writes both tarballs with
# `npm run package` (dist/js), installs cdktn-docker-fleet into a fresh cdktn app outside the
# repository with the README's "cdktf or CDK Terrain" install commands, under Node 22 (or CONSUMER_NODE)
# from the npm registry (package `node`), then: strict tsc, `cdktn synth`, a check that no cdktf module is
# installed or loaded, jest with cdktn's Testing matchers (cdktn/lib/testing/adapters/jest) and a
# snapshot. The same app (scripts/consumer/app, imports rewritten by scripts/package/cdktn.js)
# is synthesized with the cdktf line too, and the two outputs must be equal but for the AWS
# provider's version constraint and the other differences compare-synth-cdktn.js proves harmless.
# Last, both AWS stacks are planned offline and the plans compared (same addresses, providers and
# values). The mirror holds hashicorp/aws 5.100.0 only, while @cdktn/provider-aws 25 pins 6.x: the
# cdktn stack is planned with its aws version constraint set to the mirror's version, in a copy.
#
# Env: CONSUMER_NODE, the Node.js major to run under (default 22, the line's floor; installed once
# from the npm registry by scripts/node-version.sh, which also reads NODE<major>_VERSION);
# TF_PLUGIN_DIR (default /opt/tf-plugins); CI=true makes anything missing a failure instead of a
# skipped step; CONSUMER_BUILT=1 skips the jsii build (the caller has just built);
# CONSUMER_KEEP=1 keeps the temporary directory; CONSUMER_FURTHER_LINE=1 (a run on a further
# Node line after one on 22) leaves out the offline plans: the JSON is still compared with the
# cdktf line's (synthesized on 22), and terraform's plan of equal JSON does not depend on Node.js.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export CHECKPOINT_DISABLE=1
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
start=$SECONDS
step() { printf '\n--- cdktn consumer: %s (%ss)\n' "$1" "$((SECONDS - start))"; }
missing() { # a missing tool: a failure under CI=true, a skipped step otherwise
  if [ "${CI:-}" = true ]; then echo "cdktn consumer test: $1" >&2; exit 1; fi
  echo "WARNING: $1: $2 SKIPPED (a failure under CI=true)" >&2
}

# --- Node from the npm registry (scripts/node-version.sh: pinned, cached outside the repository) ---
# The cdktf line's reference synth below runs the repository's cdktf-cli 0.21 on Node 22 whatever
# CONSUMER_NODE is: its node-pty (@cdktf/node-pty-prebuilt-multiarch 0.10.2) ships prebuilt
# binaries up to Node 22's ABI (prebuilds/linux-x64/node.abi127.node) and cdktf gets no releases.
ref_path="$(bash "$repo/scripts/node-version.sh" 22):$PATH"
node_bin="$(bash "$repo/scripts/node-version.sh" "${CONSUMER_NODE:-22}")"
export PATH="$node_bin:$PATH"
step "node $(node --version) ($(command -v node)), npm $(npm --version)"

# --- terraform ------------------------------------------------------------------------------------
TF_PLUGIN_DIR="${TF_PLUGIN_DIR:-/opt/tf-plugins}"
terraform_ok=1
if ! command -v terraform >/dev/null; then
  missing "'terraform' is not on PATH (need terraform 1.11.x)" "the terraform validate/plan steps are"; terraform_ok=0
elif [ ! -d "$TF_PLUGIN_DIR/registry.terraform.io/hashicorp/aws" ]; then
  missing "no hashicorp/aws provider under TF_PLUGIN_DIR=$TF_PLUGIN_DIR (a filesystem mirror)" "the terraform validate/plan steps are"; terraform_ok=0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/cdktn-docker-fleet-consumer.XXXXXX")"
case "$work/" in "$repo/"*) echo "the consumer app must live outside the repository ($work)" >&2; exit 1 ;; esac
if [ "${CONSUMER_KEEP:-}" = 1 ]; then echo "work directory (kept): $work"; else trap 'rm -rf "$work"' EXIT; fi
: > "$work/empty.tfrc"
export TF_CLI_CONFIG_FILE="$work/empty.tfrc"

# --- both packages ---------------------------------------------------------------------------------
if [ "${CONSUMER_BUILT:-}" = 1 ]; then
  step "npm run package (build done by the caller)"
  (cd "$repo" && PACKAGE_BUILT=1 npm run --silent package) > "$work/tarballs"
else
  step "npm run package (jsii build, both tarballs)"
  (cd "$repo" && npm run --silent package) > "$work/tarballs"
fi
cdktf_tgz="$repo/$(sed -n 1p "$work/tarballs")"
cdktn_tgz="$repo/$(sed -n 2p "$work/tarballs")"
ls -l "$cdktf_tgz" "$cdktn_tgz"
case "$(basename "$cdktn_tgz")" in cdktn-docker-fleet-*.tgz) ;; *) echo "no cdktn tarball: $cdktn_tgz" >&2; exit 1 ;; esac

# --- a fresh cdktn app, as the README says -----------------------------------------------------------
step "fresh cdktn app in $work/app: the README's \"cdktf or CDK Terrain\" install commands"
app="$work/app"
node "$here/cdktn-app.js" "$app"
node "$here/readme-cdktn.js" install "$repo/README.md" "$cdktn_tgz" > "$work/install.sh"
cat "$work/install.sh"
(cd "$app" && bash -euo pipefail "$work/install.sh")
(cd "$app" && npm ls --all >/dev/null) # fails on any missing or invalid (peer) dependency
if [ -e "$app/node_modules/cdktf" ] || [ -e "$app/node_modules/@cdktf" ]; then
  echo "a cdktf package got installed into the cdktn app: $(cd "$app" && npm ls cdktf @cdktf/provider-aws 2>&1)" >&2; exit 1
fi

step "tsc --strict --noEmit (the library's .d.ts files included: skipLibCheck is off)"
(cd "$app" && npx tsc --strict --noEmit)

step "cdktn synth"
(cd "$app" && npx cdktn synth)
for s in consumer-aws consumer-libvirt; do test -s "$app/cdktf.out/stacks/$s/cdk.tf.json" || { echo "no $s stack synthesized" >&2; exit 1; }; done

step "no cdktf module is loaded at runtime"
(cd "$app" && node -e '
  require("./dist/main.js");
  const bad = Object.keys(require.cache).filter((f) => /[\\/]node_modules[\\/](cdktf|@cdktf)[\\/]/.test(f));
  if (bad.length) { console.error("cdktf modules loaded:\n  " + bad.join("\n  ")); process.exit(1); }
  const lib = Object.keys(require.cache).filter((f) => f.includes("/node_modules/cdktn-docker-fleet/lib/")).length;
  console.log(`${Object.keys(require.cache).length} modules loaded (${lib} of cdktn-docker-fleet), none of cdktf`);')

step "cdktn-docker-fleet init: a cdktn app (cdktn names and versions), type-checked against the installed cdktn packages"
init_app="$work/init-app"
(cd "$app" && npx --no-install cdktn-docker-fleet init "$init_app" --library "file:$cdktn_tgz" > /dev/null)
node -e '
  const [dir, app] = process.argv.slice(1);
  const pkg = require(`${dir}/package.json`);
  const installed = (p) => require(`${app}/node_modules/${p}/package.json`).version;
  const bad = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter(([p, v]) => p !== "cdktn-docker-fleet" && v !== installed(p)).map(([p, v]) => `${p}@${v} (installed: ${installed(p)})`);
  if (!pkg.dependencies["cdktn-docker-fleet"] || pkg.scripts.synth !== "cdktn synth" || bad.length) {
    console.error(`init wrote a package.json that is not the README cdktn line: ${bad.join(", ")}`); process.exit(1);
  }' "$init_app" "$app"
if grep -rlE "from '(cdktf|@cdktf/)|require\('cdktf'\)|'cdktf-docker-fleet" "$init_app"; then echo "init's cdktn app names cdktf" >&2; exit 1; fi
ln -s "$app/node_modules" "$init_app/node_modules"
(cd "$init_app" && npx tsc --noEmit)

step "jest (cdktn matchers, snapshot): a first run writes the snapshot, a second one (--ci) must match it"
rm -rf "$app/__snapshots__"
(cd "$app" && npx jest --ci=false)
test -s "$app/__snapshots__/main.test.ts.snap" || { echo "jest wrote no snapshot" >&2; exit 1; }
(cd "$app" && npx jest --ci)

# --- the same app on the cdktf line ----------------------------------------------------------------
# The cdktf consumer app with the cdktf tarball unpacked into its node_modules next to the
# repository's own installed cdktf, constructs, @cdktf/provider-aws, typescript and types (links,
# checked to be the pinned devDependencies), synthesized by the repository's cdktf CLI: the same
# versions the cdktf consumer test installs, without a second 400 MB install of the AWS bindings.
step "the same app on the cdktf line (cdktf tarball, the repository's pinned versions, its cdktf CLI)"
ref="$work/app-cdktf"
mkdir -p "$ref/node_modules/.bin" "$ref/node_modules/cdktf-docker-fleet" "$ref/node_modules/@cdktf" "$ref/node_modules/@types"
cp -r "$here/app/." "$ref/"
tar -xzf "$cdktf_tgz" -C "$ref/node_modules/cdktf-docker-fleet" --strip-components=1
for p in cdktf constructs @cdktf/provider-aws typescript @types/node @types/jest; do
  node -e 'const [repo, p] = process.argv.slice(1);
    const want = require(`${repo}/package.json`).devDependencies[p];
    const got = require(`${repo}/node_modules/${p}/package.json`).version;
    if (want !== got) { console.error(`${p}: the repository has ${got} installed, package.json pins ${want} (run npm ci)`); process.exit(1); }' "$repo" "$p"
  ln -s "$repo/node_modules/$p" "$ref/node_modules/$p"
done
ln -s "$repo/node_modules/typescript/bin/tsc" "$ref/node_modules/.bin/tsc"
(cd "$ref" && PATH="$ref_path" "$repo/node_modules/.bin/cdktf" synth >/dev/null)

step "the synthesized JSON of both lines (compare-synth-cdktn.js)"
node "$here/compare-synth-cdktn.js" "$ref/cdktf.out" "$ref" "$app/cdktf.out" "$app"

# The package's commands (package.json "bin", renamed cdktf-* -> cdktn-*): installed, runnable, and
# `explain cdktf.out` prints the same and exits the same as the cdktf line's command on its app.
bins="$(cd "$app" && node -p 'Object.keys(require("cdktn-docker-fleet/package.json").bin ?? {}).join(" ")')"
for b in $bins; do
  step "the package's command $b: usage, and explain cdktf.out as on the cdktf line (${b/cdktn-/cdktf-})"
  (cd "$app" && npx --no-install "$b" > "$work/usage.txt" 2>&1) || true # no arguments: usage, exit code the command's business
  grep -q '^usage: ' "$work/usage.txt" || { cat "$work/usage.txt"; echo "$b printed no usage" >&2; exit 1; }
  rc=0; (cd "$app" && npx --no-install "$b" explain cdktf.out > "$app.explain" 2>&1) || rc=$?
  echo "exit $rc" >> "$app.explain"
  # the cdktf tarball is unpacked, not installed, in the reference app: run its bin script by path
  bin_js="$(node -p 'require(process.argv[1]).bin[process.argv[2]]' "$ref/node_modules/cdktf-docker-fleet/package.json" "${b/cdktn-/cdktf-}")"
  rc=0; (cd "$ref" && node "node_modules/cdktf-docker-fleet/$bin_js" explain cdktf.out > "$ref.explain" 2>&1) || rc=$?
  echo "exit $rc" >> "$ref.explain"
  cmp -s "$app.explain" "$ref.explain" || { diff "$ref.explain" "$app.explain" | head -n 20; echo "$b differs from the cdktf line's command" >&2; exit 1; }
  echo "same output on both lines ($(wc -l < "$app.explain") lines, $(tail -n 1 "$app.explain"))"
done

if [ "${CONSUMER_FURTHER_LINE:-}" = 1 ]; then
  step "LEFT OUT on this further Node line (JSON equal to the cdktf line's): the offline plans"
elif [ "$terraform_ok" = 1 ]; then
  step "terraform init -plugin-dir, validate, plan of both AWS stacks (offline; the cdktn one with the aws constraint set to the mirror's version)"
  mirror_version="$(ls "$TF_PLUGIN_DIR/registry.terraform.io/hashicorp/aws" | sort -V | tail -n 1)"
  mkdir -p "$work/plan-cdktn" "$work/plan-cdktf"
  cp "$ref/cdktf.out/stacks/consumer-aws/cdk.tf.json" "$work/plan-cdktf/"
  node -e '
    const fs = require("fs"); const [src, dst, v] = process.argv.slice(1);
    const j = JSON.parse(fs.readFileSync(src, "utf8"));
    console.log(`relaxed for the offline plan: required_providers.aws.version ${j.terraform.required_providers.aws.version} -> ${v}`);
    j.terraform.required_providers.aws.version = v;
    fs.writeFileSync(dst, JSON.stringify(j, null, 2));' \
    "$app/cdktf.out/stacks/consumer-aws/cdk.tf.json" "$work/plan-cdktn/cdk.tf.json" "$mirror_version"
  for line in cdktf cdktn; do
    (
      cd "$work/plan-$line"
      export TF_IN_AUTOMATION=1
      # state paths differ (two app directories); the plan does not read them
      terraform init -input=false -no-color -plugin-dir="$TF_PLUGIN_DIR" >/dev/null
      terraform validate -no-color >/dev/null
      printf '%s: ' "$line"; terraform plan -input=false -lock=false -no-color -out=plan.bin | grep -E '^Plan: '
      terraform show -json plan.bin > plan.json
    )
  done
  node "$here/compare-plan-cdktn.js" "$work/plan-cdktf/plan.json" "$work/plan-cdktn/plan.json"
else
  step "SKIPPED: terraform validate/plan"
fi

step "done: the cdktn consumer test passed in $((SECONDS - start)) s ($(basename "$cdktf_tgz") $(stat -c %s "$cdktf_tgz") bytes, $(basename "$cdktn_tgz") $(stat -c %s "$cdktn_tgz") bytes)"
