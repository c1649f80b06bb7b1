#!/usr/bin/env bash
# Proves that `npm start` on this checkout serves GET /health 200 (and the OpenAPI docs)
# within seconds. Uses a free port, a temporary VAR_DIR and SQLite file, and its own
# queue prefix, so it does not touch var/ or a running Signatory. Needs Redis at
# REDIS_URL (default redis://127.0.0.1:6379). Then sends SIGTERM to the npm process
# itself (as a supervisor or a terminal would) and checks that the app stopped, the port is
# released and no process of the start is left. Exits 1 on any failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TIMEOUT_S=${SMOKE_TIMEOUT_S:-60}
tmp=$(mktemp -d)
log=$tmp/start.log
pid=""

cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    # setsid made npm the leader of its own process group: stop npm and its node child.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "smoke-start: FAIL: $*" >&2
  if [[ -f $log ]]; then
    echo "--- last 50 lines of $log ---" >&2
    tail -n 50 "$log" >&2
    echo "---" >&2
  fi
  exit 1
}

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base=http://127.0.0.1:$port

echo "smoke-start: npm start on port $port (log: $log)"
start=$(date +%s.%N)
PORT=$port \
  PUBLIC_URL=$base \
  VAR_DIR=$tmp/var \
  FILES_DIR=$tmp/var/files \
  DATABASE_URL=sqlite:$tmp/smoke.sqlite \
  QUEUE_PREFIX=smoke-$$-$RANDOM \
  SMTP_URL= \
  setsid npm start >"$log" 2>&1 </dev/null &
pid=$!

status=""
deadline=$((SECONDS + TIMEOUT_S))
while ((SECONDS < deadline)); do
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" && code=0 || code=$?
    pid=""
    fail "npm start exited (status $code) before /health answered 200"
  fi
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/health" || true)
  [[ $status == 200 ]] && break
  sleep 0.25
done
[[ $status == 200 ]] || fail "GET /health did not answer 200 within ${TIMEOUT_S} s (last status: ${status:-none})"
elapsed=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")

health=$(curl -s --max-time 5 "$base/health")
echo "smoke-start: GET /health -> 200 $health"

docs=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/api/docs" || true)
[[ $docs == 200 ]] || fail "GET /api/docs answered ${docs:-nothing}, expected 200"
echo "smoke-start: GET /api/docs -> 200"

docs_json=$(curl -s --max-time 5 "$base/api/docs-json" || true)
[[ $docs_json == *'"openapi"'* ]] || fail "GET /api/docs-json has no \"openapi\" field"
echo "smoke-start: GET /api/docs-json -> OpenAPI document"

# Stopping: SIGTERM to npm alone (not its process group). npm forwards it to its child,
# which must be the node process itself (`exec` in the script: dash does not forward it).
kill -TERM "$pid"
stopped=""
for _ in $(seq 1 75); do
  if ! kill -0 "$pid" 2>/dev/null && [[ -z $(pgrep -g "$pid" || true) ]]; then
    stopped=yes
    break
  fi
  sleep 0.2
done
left=$(pgrep -a -g "$pid" || true)
[[ -n $stopped ]] || fail "processes left 15 s after SIGTERM to npm: ${left:-npm itself}"
wait "$pid" 2>/dev/null || true
pid=""
if curl -s -o /dev/null --max-time 2 "$base/health"; then
  fail "port $port still answers after npm stopped"
fi
# The first lines after npm's own header are the useful ones; Nest's chatter is at debug.
first=$(grep -v -e '^>' -e '^$' "$log" | head -n 5)
for want in 'Signatory API on '"$base" 'database: SQLite' 'Redis: redis://' 'mail: written as .eml' \
  'first account: npm run user:create'; do
  [[ $first == *"$want"* ]] || fail "the first 5 lines of output lack \"$want\": $first"
done
if grep -q -e 'Mapped {' -e 'InstanceLoader' "$log"; then
  fail "Nest's route and module lines are printed at the default level"
fi
echo "smoke-start: the first lines of output say where the app, database, Redis and mail are"
echo "smoke-start: SIGTERM to npm stopped the app, released port $port, left no process"

echo "smoke-start: OK, /health answered 200 ${elapsed} s after npm start"
