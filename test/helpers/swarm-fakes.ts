/**
 * Stand-ins for what cannot run here, for the Docker Swarm effect tests: the AWS APIs the node
 * script calls (SSM Parameter Store, Secrets Manager, EC2 Auto Scaling) as an `aws` CLI whose
 * account is a directory, and the instance metadata service. Docker itself is always real.
 *
 * The fake refuses what the real APIs refuse, with their error codes and the AWS CLI's exit
 * status 254 for a service error (AWS CLI v2 "Return codes"):
 * - ssm put-parameter without --overwrite on an existing name: ParameterAlreadyExists; with it, the
 *   parameter's next version (versions are numbered one by one from 1) (botocore
 *   data/ssm/2014-11-06/service-2.json, PutParameter; API reference "PutParameter": Overwrite).
 * - ssm get-parameter on a missing name: ParameterNotFound; `name:version` selects a version, and
 *   a missing version is ParameterVersionNotFound (service-2.json, GetParameter; API reference
 *   "GetParameter": Name).
 * - secretsmanager get-secret-value / put-secret-value on a missing secret, and get-secret-value
 *   on a secret without an AWSCURRENT version: ResourceNotFoundException (botocore
 *   data/secretsmanager/2017-10-17/service-2.json, GetSecretValue, PutSecretValue).
 * - autoscaling complete-lifecycle-action without a waiting lifecycle action for that instance and
 *   hook (never started, completed before, or past its heartbeat timeout): ValidationError "No
 *   active Lifecycle Action found with instance ID ..." (API reference
 *   "CompleteLifecycleAction"); a result other than CONTINUE or ABANDON: ValidationError.
 * - describe-auto-scaling-instances for an instance in no group: an empty list (text output of the
 *   queried null: `None`).
 * Only the `--query` forms the node script uses are answered; anything else exits 252, so a new
 * call in the script fails here instead of passing unnoticed.
 *
 * Faults: each line `Code message` of a file `$FAKE_AWS_STORE/faults/<service>-<operation>[@<node>]`
 * makes one call of that operation (by that node) fail with that error, in order (throttling, a
 * role whose policy has not reached IAM yet).
 * Every call is logged, arguments and all, to `$FAKE_AWS_STORE/calls` (for the tokens-never-on-argv
 * check).
 */

/** The fake `aws`: the account in $FAKE_AWS_STORE, the caller named by $FAKE_NODE. */
export const FAKE_AWS = `#!/bin/bash
set -u
S=$FAKE_AWS_STORE
mkdir -p "$S/ssm" "$S/secrets" "$S/asg/instances" "$S/asg/groups" "$S/lifecycle" "$S/faults"
exec 8>"$S/.lock"; flock 8
printf '%s aws %s\\n' "\${FAKE_NODE:-?}" "$*" >>"$S/calls"
fail() { printf '\\nAn error occurred (%s) when calling the %s operation: %s\\n' "$1" "$OP" "$2" >&2; exit 254; }
unsupported() { echo "fake aws: unsupported call: $*" >&2; exit 252; }
svc=$1 op=$2; shift 2
OP=$(echo "$op" | sed -E 's/(^|-)([a-z])/\\U\\2/g')
declare -A a; flags=' '
while [ $# -gt 0 ]; do
  case "$1" in
    --overwrite|--with-decryption|--no-overwrite) flags="$flags$1 "; shift ;;
    --*) [ $# -ge 2 ] || unsupported "$1 without a value"; a[$1]=$2; shift 2 ;;
    *) unsupported "$1" ;;
  esac
done
# AWS CLI parameter files: file://PATH reads the value from PATH (here: /dev/stdin)
value_of() { local v=\${a[$1]:-}; case "$v" in file://*) cat "\${v#file://}" ;; *) printf '%s' "$v" ;; esac; }
enc() { local n=$1; printf '%s' "\${n//\\//%2F}"; }
for f in "$S/faults/$svc-$op@\${FAKE_NODE:-}" "$S/faults/$svc-$op"; do
  [ -s "$f" ] || continue
  line=$(head -n 1 "$f"); sed -i 1d "$f"
  fail "\${line%% *}" "\${line#* }"
done
query=\${a[--query]:-}; output=\${a[--output]:-json}
case "$svc $op" in
  "ssm put-parameter")
    name=\${a[--name]}; p="$S/ssm/$(enc "$name")"
    value=$(value_of --value)
    [ -n "$value" ] || fail ValidationException "1 validation error detected: Value at 'value' failed to satisfy constraint"
    if [ -e "$p.latest" ]; then
      case "$flags" in *' --overwrite '*) ;; *) fail ParameterAlreadyExists "The parameter already exists. To overwrite this value, set the overwrite option in the request to true." ;; esac
      v=$(( $(cat "$p.latest") + 1 ))
    else v=1; fi
    printf '%s' "$value" >"$p.v$v"; echo "\${a[--type]:-String}" >"$p.type"; echo "$v" >"$p.latest"
    echo "{\\"Version\\": $v, \\"Tier\\": \\"Standard\\"}" ;;
  "ssm get-parameter")
    name=\${a[--name]}; version=
    case "$name" in *:[0-9]*) version=\${name##*:}; name=\${name%:*} ;; esac
    p="$S/ssm/$(enc "$name")"
    [ -e "$p.latest" ] || fail ParameterNotFound "Parameter $name not found."
    v=\${version:-$(cat "$p.latest")}
    [ -e "$p.v$v" ] || fail ParameterVersionNotFound "Systems Manager could not find version $v of $name. Verify the version and try again."
    [ "$query $output" = "Parameter.Value text" ] || unsupported "get-parameter --query $query --output $output"
    if [ "$(cat "$p.type")" = SecureString ] && [ "\${flags#* --with-decryption }" = "$flags" ]; then echo "AQICAHencrypted$v"; else cat "$p.v$v"; echo; fi ;;
  "secretsmanager put-secret-value")
    id=\${a[--secret-id]}; p="$S/secrets/$(enc "$id")"
    [ -d "$p" ] || fail ResourceNotFoundException "Secrets Manager can't find the specified secret."
    v=$(( $(cat "$p/latest" 2>/dev/null || echo 0) + 1 ))
    value_of --secret-string >"$p/v$v"; echo "$v" >"$p/latest"
    echo "{\\"Name\\": \\"$id\\", \\"VersionId\\": \\"v$v\\", \\"VersionStages\\": [\\"AWSCURRENT\\"]}" ;;
  "secretsmanager get-secret-value")
    id=\${a[--secret-id]}; p="$S/secrets/$(enc "$id")"
    [ -d "$p" ] || fail ResourceNotFoundException "Secrets Manager can't find the specified secret."
    [ -s "$p/latest" ] || fail ResourceNotFoundException "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT"
    [ "$query $output" = "SecretString text" ] || unsupported "get-secret-value --query $query --output $output"
    cat "$p/v$(cat "$p/latest")"; echo ;;
  "autoscaling describe-auto-scaling-instances")
    [ "$query $output" = "AutoScalingInstances[0].AutoScalingGroupName text" ] || unsupported "$op --query $query"
    id=\${a[--instance-ids]}
    if [ -s "$S/asg/instances/$id" ]; then cat "$S/asg/instances/$id"; else echo None; fi ;;
  "autoscaling describe-auto-scaling-groups")
    [ "$query $output" = 'AutoScalingGroups[0].Instances[?LifecycleState==\`InService\`].InstanceId text' ] || unsupported "$op --query $query"
    g="$S/asg/groups/\${a[--auto-scaling-group-names]}"
    out=; for i in "$g"/*; do [ -f "$i" ] && [ "$(cat "$i")" = InService ] && out="$out\${out:+	}$(basename "$i")"; done
    echo "$out" ;;
  "autoscaling complete-lifecycle-action")
    id=\${a[--instance-id]}; r=\${a[--lifecycle-action-result]}
    case "$r" in CONTINUE|ABANDON) ;; *) fail ValidationError "Valid values for LifecycleActionResult are CONTINUE and ABANDON" ;; esac
    h="$S/lifecycle/\${a[--auto-scaling-group-name]}/$id/\${a[--lifecycle-hook-name]}"
    if [ "$(cat "$h/state" 2>/dev/null)" != waiting ] || [ "$(date +%s)" -ge "$(cat "$h/deadline")" ]; then
      fail ValidationError "No active Lifecycle Action found with instance ID $id"
    fi
    echo "$r" >"$h/state"; date +%s.%N >"$h/completed-at" ;;
  *) unsupported "$svc $op" ;;
esac
`;

/** The fake IMDS: one file per metadata path under $FAKE_IMDS_DIR (a missing path: 404, curl -f fails). */
export const FAKE_IMDS = `#!/bin/sh
[ -f "$FAKE_IMDS_DIR/$1" ] || exit 22
cat "$FAKE_IMDS_DIR/$1"
`;
