/**
 * Fakes for the Docker Swarm effect tests (test/effect/swarm-*.test.ts): a `docker` CLI that keeps a
 * swarm's state in a directory shared by several hosts, an `aws` CLI whose SSM parameter store is a
 * directory, and an IMDS.
 */

/** The fake docker: state in $FAKE_SWARM (shared) and $FAKE_LOCAL (this host's engine). */
export const FAKE_DOCKER = `#!/bin/bash
set -u
S=$FAKE_SWARM; L=$FAKE_LOCAL
mkdir -p "$S/nodes" "$L"
exec 9>"$S/.lock"; flock 9
printf '%s %s\\n' "$FAKE_HOST" "$*" >>"$S/calls"
[ -e "$L/stopped" ] && { echo "Cannot connect to the Docker daemon" >&2; exit 1; }
self=$(cat "$L/node_id" 2>/dev/null || true)
member() { [ -n "$self" ] && [ -d "$S/nodes/$self" ] && [ "$(cat "$S/nodes/$self/status")" = Ready ]; }
manager() { member && [ "$(cat "$S/nodes/$self/role")" = manager ]; }
need_manager() { manager || { echo "Error response from daemon: This node is not a swarm manager." >&2; exit 1; }; }
new_node() { # role addr
  n=$(( $(cat "$S/seq" 2>/dev/null || echo 0) + 1 )); echo $n >"$S/seq"
  id="node$n$FAKE_HOST"; mkdir -p "$S/nodes/$id"
  echo "$FAKE_HOST" >"$S/nodes/$id/hostname"; echo "$1" >"$S/nodes/$id/role"; echo Ready >"$S/nodes/$id/status"
  echo active >"$S/nodes/$id/availability"; echo "$2" >"$S/nodes/$id/addr"; : >"$S/nodes/$id/labels"
  echo "$id" >"$L/node_id"; echo "$id"
}
case "$1 \${2:-}" in
  "info --format")
    case "$3" in
      '{{.Swarm.LocalNodeState}}') if member; then echo active; else echo inactive; fi ;;
      '{{.Swarm.NodeID}}') member && echo "$self" ;;
      '{{.Swarm.ControlAvailable}}') if manager; then echo true; else echo false; fi ;;
    esac ;;
  "swarm init")
    member && { echo "Error response from daemon: This node is already part of a swarm." >&2; exit 1; }
    [ "$3" = --advertise-addr ] || exit 2
    echo "$FAKE_HOST $4" >>"$S/inits"
    echo "SWMTKN-1-fakeca-$RANDOM$RANDOM-manager" >"$S/manager_token"
    echo "SWMTKN-1-fakeca-$RANDOM$RANDOM-worker" >"$S/worker_token"
    new_node manager "$4" >/dev/null ;;
  "swarm join-token") need_manager; cat "$S/\${4}_token" ;;
  "swarm join")
    member && { echo "already part of a swarm" >&2; exit 1; }
    tok=$4; addr=$6; target=\${7%:2377}
    ok=; for n in "$S"/nodes/*; do [ -d "$n" ] || continue
      [ "$(cat "$n/role")" = manager ] && [ "$(cat "$n/status")" = Ready ] && [ "$(cat "$n/addr")" = "$target" ] && ok=1; done
    [ -n "$ok" ] || { echo "Error: no manager at $target" >&2; exit 1; }
    if [ "$tok" = "$(cat "$S/manager_token" 2>/dev/null)" ]; then role=manager
    elif [ "$tok" = "$(cat "$S/worker_token" 2>/dev/null)" ]; then role=worker
    else echo "invalid join token" >&2; exit 1; fi
    echo "$FAKE_HOST $role $tok $addr $target" >>"$S/joins"
    new_node $role "$addr" >/dev/null ;;
  "swarm leave") member || exit 1; echo Down >"$S/nodes/$self/status"; rm -f "$L/node_id" ;;
  "node ls")
    need_manager
    for n in "$S"/nodes/*; do [ -d "$n" ] || continue; id=$(basename "$n")
      ms=; if [ "$(cat "$n/role")" = manager ]; then if [ "$(cat "$n/status")" = Ready ]; then ms=Reachable; else ms=Unreachable; fi; fi
      echo "$id $(cat "$n/hostname") $(cat "$n/status") $ms"; done ;;
  "node inspect")
    need_manager; id=$5; [ "$id" = self ] && id=$self
    grep '^docker-swarm.update-slot=' "$S/nodes/$id/labels" | cut -d= -f2 ;;
  "node update")
    need_manager; id=\${!#}; [ "$id" = self ] && id=$self
    case "$3" in
      --availability) echo "$4" >"$S/nodes/$id/availability"; echo "$id $4" >>"$S/availability" ;;
      --label-add) k=\${4%%=*}; grep -v "^$k=" "$S/nodes/$id/labels" >"$S/nodes/$id/labels.new"; echo "$4" >>"$S/nodes/$id/labels.new"; mv "$S/nodes/$id/labels.new" "$S/nodes/$id/labels" ;;
    esac ;;
  "node demote") need_manager; echo "$3" >>"$S/demoted"; echo worker >"$S/nodes/$3/role" ;;
  "node rm") need_manager; echo "$4" >>"$S/removed"; rm -rf "$S/nodes/$4" ;;
  "node ps") need_manager ;;
  *) echo "fake docker: unexpected $*" >&2; exit 3 ;;
esac
`;

/** The fake aws: SSM parameters as files under $FAKE_SSM; lifecycle calls logged. */
export const FAKE_AWS = `#!/bin/bash
set -u
exec 8>"$FAKE_SSM/.lock"; flock 8
svc=$1 op=$2; shift 2
declare -A a; ow=
while [ $# -gt 0 ]; do case "$1" in --overwrite|--with-decryption) [ "$1" = --overwrite ] && ow=1; shift ;; *) a[$1]=$2; shift 2 ;; esac; done
printf '%s %s %s\\n' "$FAKE_HOST" "$svc $op" "\${a[--name]:-}" >>"$FAKE_SSM/.calls"
f="$FAKE_SSM/.params\${a[--name]:-}"
case "$svc $op" in
  "ssm put-parameter")
    if [ -e "$f" ] && [ -z "$ow" ]; then echo "An error occurred (ParameterAlreadyExists)" >&2; exit 254; fi
    mkdir -p "$(dirname "$f")"; printf '%s' "\${a[--value]}" >"$f"; echo "\${a[--type]}" >"$f.type"; echo '{"Version": 1}' ;;
  "ssm get-parameter") [ -e "$f" ] || { echo "An error occurred (ParameterNotFound)" >&2; exit 254; }; cat "$f"; echo ;;
  "autoscaling describe-auto-scaling-instances") echo "swarm-managers-asg" ;;
  "autoscaling complete-lifecycle-action") echo "$FAKE_HOST \${a[--lifecycle-hook-name]} \${a[--auto-scaling-group-name]} \${a[--instance-id]} \${a[--lifecycle-action-result]}" >>"$FAKE_SSM/.hook" ;;
  *) exit 3 ;;
esac
`;

export const FAKE_IMDS = `#!/bin/sh
case "$1" in
  instance-id) echo "$FAKE_INSTANCE" ;;
  local-ipv4) echo "$FAKE_IP" ;;
  placement/region) echo us-east-1 ;;
  *) exit 1 ;;
esac
`;

