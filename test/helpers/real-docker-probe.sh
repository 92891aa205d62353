#!/bin/bash
# The real-Docker effect probe: runs inside a booted root once multi-user.target is reached (or is
# called by an OpenRC driver), asks the real dockerd and systemd what happened, saves it under
# /var/log/effect, and powers the root off. Settings in /etc/effect-probe.env:
#   EFFECT_CONTAINERS  names of the containers that must be running
#   EFFECT_HTTP        host ports to GET (published ports)
#   EFFECT_RO          name:path pairs that must be read-only inside the container
#   EFFECT_RESTART     a container to `docker kill` (its supervisor must run it again)
#   EFFECT_STOP        containers to stop through their supervisor at the end
#   EFFECT_UNITS       units whose state is saved (systemd)
#   EFFECT_INIT        systemd (default) or openrc
#   EFFECT_WAIT        seconds to wait for the containers (default 150)
set -u
# shellcheck source=/dev/null
. /etc/effect-probe.env
out=/var/log/effect
mkdir -p "$out"
INIT=${EFFECT_INIT:-systemd}
now() { cut -d' ' -f1 /proc/uptime; }
running() { [ "$(docker inspect --format '{{.State.Running}}' "$1" 2>/dev/null)" = true ]; }

echo "start $(now)" >"$out/times"
# systemd: docker.service neither running nor about to start (a failed start, or a failed
# dependency); OpenRC: dockerd has not answered for a minute (supervise-daemon respawns it forever)
started=$(date +%s)
docker_failed() {
  if [ "$INIT" = systemd ]; then
    ! systemctl is-active --quiet docker.service && [ -z "$(systemctl show -p Job --value docker.service)" ]
  else
    ! docker version >/dev/null 2>&1 && [ $(( $(date +%s) - started )) -gt 60 ]
  fi
}
deadline=$(( $(date +%s) + ${EFFECT_WAIT:-120} ))
for c in ${EFFECT_CONTAINERS:-}; do
  while ! running "$c" && ! docker_failed && [ "$(date +%s)" -lt "$deadline" ]; do sleep 1; done
  echo "running $c $(running "$c" && echo yes || echo no) $(now)" >>"$out/times"
done
docker info --format '{{json .}}' >"$out/docker-info.json" 2>"$out/docker-info.err"
for c in ${EFFECT_CONTAINERS:-}; do
  docker inspect "$c" >"$out/inspect-$c.json" 2>>"$out/inspect.err"
  docker exec "$c" cat /proc/1/limits >"$out/limits-$c" 2>&1
done
# give the servers a moment after the container started
sleep 2
http_get() {
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET /index.html HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  timeout 5 cat <&3
  exec 3<&-
}
for p in ${EFFECT_HTTP:-}; do
  http_get "$p" >"$out/http-$p" 2>"$out/http-$p.err"
  echo "$?" >"$out/http-$p.rc"
done
for pair in ${EFFECT_RO:-}; do
  c=${pair%%:*} d=${pair#*:}
  docker exec "$c" touch "$d/.effect-write-test" >"$out/ro-$c" 2>&1
  echo "rc=$?" >>"$out/ro-$c"
done
if [ -n "${EFFECT_RESTART:-}" ] && running "$EFFECT_RESTART"; then
  c=$EFFECT_RESTART
  before=$(docker inspect --format '{{.Id}}' "$c")
  t0=$(now)
  docker kill "$c" >/dev/null
  after=''
  for _ in $(seq 1 90); do
    id=$(docker inspect --format '{{.Id}}' "$c" 2>/dev/null)
    if [ -n "$id" ] && [ "$id" != "$before" ] && running "$c"; then after=$id; break; fi
    sleep 1
  done
  printf 'before=%s\nafter=%s\nkilled_at=%s\nback_at=%s\n' "$before" "$after" "$t0" "$(now)" >"$out/restart-$EFFECT_RESTART"
fi
if [ "$INIT" = systemd ]; then
  for c in ${EFFECT_CONTAINERS:-}; do journalctl -b --no-pager -o cat "CONTAINER_NAME=$c" >"$out/journal-$c" 2>&1; done
fi
stop_units=''
for c in ${EFFECT_STOP:-}; do
  if [ "$INIT" = systemd ]; then stop_units="$stop_units container-$c.service"; fi
done
t0=$(now)
if [ "$INIT" = systemd ]; then
  # shellcheck disable=SC2086
  [ -z "$stop_units" ] || systemctl stop $stop_units
else
  for c in ${EFFECT_STOP:-}; do rc-service "container-$c" stop >"$out/stop-$c.out" 2>&1; echo "rc=$?" >>"$out/stop-$c.out"; done
fi
echo "stopped $t0 $(now)" >>"$out/times"
for c in ${EFFECT_STOP:-}; do
  docker ps -a --filter "name=^/$c\$" --format '{{.ID}} {{.Status}}' >"$out/after-stop-$c"
done
if [ "$INIT" = systemd ]; then
  show=ActiveState,SubState,Result,ExecMainStatus,ConditionResult,ActiveEnterTimestampMonotonic,InactiveExitTimestampMonotonic,After,Environment
  for u in ${EFFECT_UNITS:-} $stop_units; do systemctl show "$u" -p "$show" >"$out/$u.show"; done
  systemctl --failed --no-legend --plain >"$out/failed"
  journalctl -b --no-pager -o short-monotonic >"$out/journal"
  systemctl poweroff --no-block
fi
echo "done $(now)" >>"$out/times"
