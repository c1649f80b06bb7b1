#!/usr/bin/env bash
# Proves that `npm start` on this checkout serves GET /health 200 (and the OpenAPI docs, and the web app at /)
# within seconds. Uses a free port, a temporary VAR_DIR and SQLite file, and its own
# queue prefix, so it does not touch var/ or a running Signatory.
#
# Redis, as on a fresh machine: REDIS_URL unset and nothing at the default URL (the default
# port is moved to a free one with REDIS_DEFAULT_PORT, so a Redis running on 6379 does not
# count), so `npm start` must start a private redis-server and stop it on exit. Without a
# redis-server binary on PATH it uses REDIS_URL as given instead. Then it checks the no-binary
# path: with a PATH that lacks redis-server, `npm start` exits with the one line naming both
# fixes.
#
# Then sends SIGTERM to the npm process
# itself (as a supervisor or a terminal would) and checks that the app stopped, the port is
# released and no process of the start is left. Exits 1 on any failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TIMEOUT_S=${SMOKE_TIMEOUT_S:-60}
tmp=$(mktemp -d)
log=$tmp/start.log
pid=""

cleanup() {
  if [[ -n $pid ]]; then
    # setsid made npm the leader of its own process group: stop npm and its node child,
    # also when npm is gone and left the node child behind (the bug this script checks).
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      [[ -n $(group "$pid") ]] || break
      sleep 0.2
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  [[ -n ${SMOKE_KEEP:-} ]] || rm -rf "$tmp"
}
trap cleanup EXIT

# The processes of a process group (npm's, made by setsid), one "pid args" a line.
group() {
  ps -eo pid=,pgid=,args= | awk -v g="$1" '$2 == g { $2 = ""; print }'
}

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

redis_env=()
private_port=""
if command -v redis-server >/dev/null; then
  private_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  redis_env=(-u REDIS_URL REDIS_DEFAULT_PORT="$private_port")
  echo "smoke-start: REDIS_URL unset, nothing at redis://127.0.0.1:$private_port: expect a private redis-server"
fi

echo "smoke-start: npm start on port $port (log: $log)"
start=$(date +%s.%N)
env "${redis_env[@]}" \
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

# The web app, built by npm install's prepare script, answers at / and at its own paths.
for path in / /w/any/settings; do
  page=$(curl -s --max-time 5 "$base$path" || true)
  [[ $page == *'<div id="root"></div>'* && $page == *'/assets/'* ]] ||
    fail "GET $path is not the built web app: ${page:0:200}"
done
echo "smoke-start: GET / and /w/any/settings -> the web app"

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

redis_port=""
if [[ -n $private_port ]]; then
  redis_port=$(grep -o 'Redis: redis://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 | sed 's/.*://')
  grep -q 'a private redis-server under' "$log" || fail "no private redis-server was announced"
  [[ -n $redis_port ]] && [[ $(redis-cli -p "$redis_port" ping 2>&1) == PONG ]] ||
    fail "the private redis-server does not answer on port ${redis_port:-?}"
  echo "smoke-start: a private redis-server answers on port $redis_port"
fi

# Stopping: SIGTERM to npm alone (not its process group). npm forwards it to its child,
# which must be the node process itself (`exec` in the script: dash does not forward it).
kill -TERM "$pid"
stopped=""
for _ in $(seq 1 75); do
  if ! kill -0 "$pid" 2>/dev/null && [[ -z $(group "$pid") ]]; then
    stopped=yes
    break
  fi
  sleep 0.2
done
left=$(group "$pid")
[[ -n $stopped ]] || fail "processes left 15 s after SIGTERM to npm: ${left:-npm itself}"
wait "$pid" 2>/dev/null || true
pid=""
if curl -s -o /dev/null --max-time 2 "$base/health"; then
  fail "port $port still answers after npm stopped"
fi
echo "smoke-start: SIGTERM to npm stopped the app, released port $port, left no process"

if [[ -n $redis_port ]]; then
  gone=""
  for _ in $(seq 1 25); do
    if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1 && ! pgrep -f "redis-server 127.0.0.1:$redis_port" >/dev/null; then
      gone=yes
      break
    fi
    sleep 0.2
  done
  [[ -n $gone ]] || fail "the private redis-server on port $redis_port outlived the app"
  echo "smoke-start: the private redis-server stopped with the app"

  # No binary: a PATH with node, npm and sh but no redis-server.
  bin=$tmp/bin
  mkdir -p "$bin"
  for tool in node npm sh; do ln -s "$(command -v "$tool")" "$bin/$tool"; done
  code=0
  env -u REDIS_URL REDIS_DEFAULT_PORT="$private_port" PATH="$bin" PORT="$port" VAR_DIR="$tmp/var" \
    DATABASE_URL="sqlite:$tmp/smoke.sqlite" "$(command -v timeout)" 60 npm start --silent \
    >"$tmp/nobin.out" 2>"$tmp/nobin.err" </dev/null || code=$?
  err=$(cat "$tmp/nobin.err")
  [[ $code == 1 ]] || fail "without redis-server npm start exited with $code: $err"
  [[ $err == *'apt install redis-server'* && $err == *'docker compose up -d redis'* ]] ||
    fail "without redis-server the message does not name both fixes: $err"
  [[ $(grep -c . "$tmp/nobin.err") == 1 ]] || fail "without redis-server, more than one line: $err"
  echo "smoke-start: without redis-server: $err"
fi

echo "smoke-start: OK, /health answered 200 ${elapsed} s after npm start"
