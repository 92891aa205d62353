#!/usr/bin/env bash
# Writes a Terraform CLI config whose provider_installation takes hashicorp/aws from the local
# plugin directory (a filesystem mirror) and prints its path, for `TF_CLI_CONFIG_FILE=$(...)`.
# This is how `cdktf diff`/`deploy` run with no registry access (CI here); with internet access
# you need none of it.
set -euo pipefail
dir="${TF_PLUGIN_DIR:-/opt/tf-plugins}"
test -d "$dir/registry.terraform.io/hashicorp/aws" || { echo "no hashicorp/aws under $dir (set TF_PLUGIN_DIR)" >&2; exit 1; }
out="$(mktemp -d)/terraformrc"
cat > "$out" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$dir"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
CFG
echo "$out"
