#!/usr/bin/env bash
# Builds the QueueReady image (Containerfile) with podman and smoke-tests it:
#   1. one container on the embedded database, in a volume: liveness, readiness, the HEALTHCHECK, the
#      sign-in page, a real sign-in, one scheduled audit against the sandbox (read back through
#      /api/metrics and the JSON export), a restart on the same volume;
#   2. a container without settings refuses to start (exit 2), as `npm start` does;
#   3. two containers on one PostgreSQL 15 server, both ready, both serving the same stored audit (one
#      with a read-only root filesystem, as deploy/kubernetes runs it).
# Everything it starts (sandbox, postgres, containers, volume, temp dir) is removed on exit; the image
# stays, tagged $IMAGE.
#
# Settings (all optional):
#   IMAGE          tag to build (default localhost/queueready:smoke)
#   BASE           base image with node >= 22 and npm. Without it: docker.io's node:22-bookworm-slim when
#                  that registry answers, else a local Debian base made with mmdebstrap and Node from the
#                  npm registry (localhost/queueready-base-node22, reused when present; QUEUEREADY_REBUILD_BASE=1
#                  remakes it).
#   BASE_NODE      the Node major line of that local base (default 22, as the Containerfile's default BASE)
#   CONTAINERS_CONF  podman's configuration; when unset, one is written that selects runc and sets
#                  ulimits (podman's default runtime does not work on every host).
#   QUEUEREADY_PG_BIN  PostgreSQL's bin dir (default /usr/lib/postgresql/15/bin)
# Needs podman, node and this repository's node_modules (npm ci): the sandbox and PostgreSQL run on the
# host and the containers reach them with --network host. Fails, never skips, when podman cannot run.
set -euo pipefail
cd "$(dirname "$0")/../.."

IMAGE="${IMAGE:-localhost/queueready:smoke}"
PG_BIN="${QUEUEREADY_PG_BIN:-/usr/lib/postgresql/15/bin}"
BASE_NODE="${BASE_NODE:-22}"
HOST_CA=/etc/ssl/certs/ca-certificates.crt
RUN_ID="qr-smoke-$$"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/$RUN_ID.XXXXXX")"
started=$(date +%s)

log() { printf '[smoke %3ds] %s\n' "$(($(date +%s) - started))" "$*"; }
die() {
  printf '[smoke] FAILED: %s\n' "$*" >&2
  exit 1
}

# --- clean up whatever was started, whatever happens -------------------------------------------------
containers=()
sandbox_pid=""
pg_pid=""
cleanup() {
  local code=$?
  set +e
  if [ "$code" -ne 0 ]; then
    for c in "${containers[@]}"; do
      echo "----- logs of $c -----" >&2
      podman logs --tail 40 "$c" >&2 2>&1
    done
    [ -f "$WORK/sandbox.log" ] && { echo "----- sandbox log -----" >&2; tail -20 "$WORK/sandbox.log" >&2; }
    [ -f "$WORK/postgres.log" ] && { echo "----- postgres log -----" >&2; tail -20 "$WORK/postgres.log" >&2; }
  fi
  for c in "${containers[@]}"; do podman rm -f -v -t 5 "$c" >/dev/null 2>&1; done
  podman volume rm -f "$RUN_ID-data" >/dev/null 2>&1
  [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null
  [ -n "$pg_pid" ] && kill -INT "$pg_pid" 2>/dev/null
  [ -n "$pg_pid" ] && for _ in $(seq 50); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
  rm -rf "$WORK" "${PG_DIR:-}"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- podman ---------------------------------------------------------------------------------------------
command -v podman >/dev/null || die "podman is not installed (Debian: apt-get install podman buildah runc)."
command -v node >/dev/null || die "node is not on PATH."
[ -x node_modules/.bin/tsx ] || die "node_modules is missing: run npm ci first (the sandbox runs from it)."
if [ -z "${CONTAINERS_CONF:-}" ]; then
  export CONTAINERS_CONF="$WORK/containers.conf"
  {
    echo '[containers]'
    echo 'default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]'
    if [ -x /usr/sbin/runc ] || command -v runc >/dev/null; then printf '[engine]\nruntime = "runc"\n'; fi
  } >"$CONTAINERS_CONF"
fi
podman info >/dev/null 2>"$WORK/podman-info.err" || die "podman cannot run here: $(tail -3 "$WORK/podman-info.err")"

# --- the base image -------------------------------------------------------------------------------------
pull=()
if [ -z "${BASE:-}" ]; then
  # A registry answers /v2/ with 401 to anonymous clients; a proxy that blocks it answers otherwise.
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -m 10 https://registry-1.docker.io/v2/ 2>/dev/null)" = "401" ]; then
    BASE=docker.io/library/node:22-bookworm-slim
  else
    BASE="localhost/queueready-base-node$BASE_NODE"
    pull=(--pull=never)
    if [ "${QUEUEREADY_REBUILD_BASE:-}" = "1" ] || ! podman image exists "$BASE"; then
      command -v mmdebstrap >/dev/null || die "no registry reachable and mmdebstrap missing (apt-get install mmdebstrap)."
      # No Debian suite has Node 22: the official build and npm come from the npm registry, as on the host.
      log "no registry reachable: making $BASE from Debian trixie and Node $BASE_NODE from the npm registry"
      t0=$(date +%s)
      node_bin="$(bash deploy/image/registry-node.sh "$BASE_NODE" "$WORK/node")"
      (cd "$WORK" && tar -xzf "$(npm pack --silent "npm@$(npm -v)" | tail -1)" && mv package npm)
      printf '#!/bin/sh\nexec node /usr/local/lib/node_modules/npm/bin/%s "$@"\n' npm-cli.js >"$WORK/npm-run"
      printf '#!/bin/sh\nexec node /usr/local/lib/node_modules/npm/bin/%s "$@"\n' npx-cli.js >"$WORK/npx-run"
      chmod +x "$WORK/npm-run" "$WORK/npx-run"
      mmdebstrap --quiet --variant=minbase --include=ca-certificates trixie "$WORK/base.tar" \
        --customize-hook="copy-in $node_bin /usr/local/bin" \
        --customize-hook='mkdir -p "$1/usr/local/lib/node_modules"' \
        --customize-hook="copy-in $WORK/npm /usr/local/lib/node_modules" \
        --customize-hook="upload $WORK/npm-run /usr/local/bin/npm" \
        --customize-hook="upload $WORK/npx-run /usr/local/bin/npx" \
        --customize-hook='chmod 755 "$1/usr/local/bin/npm" "$1/usr/local/bin/npx"' \
        "deb http://deb.debian.org/debian trixie main" \
        "deb http://deb.debian.org/debian-security trixie-security main"
      podman import --quiet "$WORK/base.tar" "$BASE" >/dev/null
      rm -f "$WORK/base.tar"
      log "base image made in $(($(date +%s) - t0)) s"
    fi
  fi
fi

# --- build ----------------------------------------------------------------------------------------------
# The host's CA bundle is mounted for the RUN steps only, so `npm ci` works behind a TLS-inspecting proxy;
# it is not part of any layer.
ca=()
[ -f "$HOST_CA" ] && ca=(-v "$HOST_CA:$HOST_CA:ro" --build-arg "NODE_EXTRA_CA_CERTS=$HOST_CA")
log "building $IMAGE from $BASE"
t0=$(date +%s)
# Docker format: OCI image configs have no HEALTHCHECK.
podman build --quiet --format docker "${pull[@]}" --build-arg "BASE=$BASE" "${ca[@]}" \
  -f Containerfile -t "$IMAGE" . >"$WORK/build.log" 2>&1 || {
  tail -40 "$WORK/build.log" >&2
  die "podman build failed"
}
build_seconds=$(($(date +%s) - t0))
image_size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
log "built in ${build_seconds} s, image $((image_size / 1000000)) MB"
smoke_started=$(date +%s)

# --- helpers --------------------------------------------------------------------------------------------
free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
# wait_for URL SECONDS: until the URL answers 2xx.
wait_for() {
  local url=$1 deadline=$(($(date +%s) + $2))
  until curl -fsS -o /dev/null -m 5 "$url" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 1
  done
}
# The number in the metrics line NAME (no labels), or empty.
metric() {
  curl -fsS -m 5 -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$1/api/metrics" 2>/dev/null |
    awk -v n="$2" '$1 == n { print $2 }'
}
# wait_for_audit PORT: until the latest stored audit (as the metrics tell it) is from this run.
wait_for_audit() {
  local deadline=$(($(date +%s) + 60)) ts
  for (( ; ; )); do
    ts=$(metric "$1" queueready_last_audit_timestamp_seconds)
    [ -n "$ts" ] && [ "${ts%.*}" -ge "$smoke_started" ] && return 0
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 1
  done
}

SECRET=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')
METRICS_TOKEN=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')
PASSWORD=$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')
HASH=$(printf '%s' "$PASSWORD" | node -e 'process.stdout.write(require("bcryptjs").hashSync(require("fs").readFileSync(0, "utf8"), 10))')
USERS="[{\"username\":\"smoke\",\"role\":\"operator\",\"passwordHash\":\"$HASH\"}]"

# --- the sandbox ----------------------------------------------------------------------------------------
SANDBOX_PORT=$(free_port)
node_modules/.bin/tsx tools/sandbox/cli.ts --port "$SANDBOX_PORT" >"$WORK/sandbox.log" 2>&1 &
sandbox_pid=$!
wait_for "http://127.0.0.1:$SANDBOX_PORT/_sandbox/calls" 30 || die "the sandbox did not start"
log "sandbox on 127.0.0.1:$SANDBOX_PORT"

# run_app NAME PORT [podman run options...]: a container of the image on the host's network.
run_app() {
  local name=$1 port=$2
  shift 2
  containers+=("$name")
  podman run -d --name "$name" --network host \
    -e PORT="$port" -e NEXTAUTH_URL="http://127.0.0.1:$port" -e NEXTAUTH_SECRET="$SECRET" \
    -e QUEUEREADY_USERS="$USERS" -e QUEUEREADY_METRICS_TOKEN="$METRICS_TOKEN" \
    -e QUEUEREADY_REGIONS=us-east-1,eu-west-1 -e QUEUEREADY_AWS_ENDPOINT="http://127.0.0.1:$SANDBOX_PORT" \
    -e AWS_ACCESS_KEY_ID=AKIDSANDBOX -e AWS_SECRET_ACCESS_KEY=sandbox-secret \
    "$@" "$IMAGE" >/dev/null
}

# --- 1. the embedded database in a volume -----------------------------------------------------------------
P1=$(free_port)
t0=$(date +%s)
run_app "$RUN_ID-embedded" "$P1" -v "$RUN_ID-data:/data"
B="http://127.0.0.1:$P1"
wait_for "$B/api/health?probe=ready" 90 || die "the embedded container never became ready"
log "embedded: ready $(($(date +%s) - t0)) s after podman run"
curl -fsS "$B/api/health" | grep -q '"status":"ok"' || die "liveness does not say ok"
podman logs "$RUN_ID-embedded" 2>&1 | grep -q "Building QueueReady" && die "the container built at start"
[ "$(podman exec "$RUN_ID-embedded" id -u)" != "0" ] || die "the app runs as root"
podman healthcheck run "$RUN_ID-embedded" >/dev/null 2>&1 || die "the image's HEALTHCHECK fails on a ready app"
podman exec "$RUN_ID-embedded" test -d /data/pglite || die "the embedded database is not in the /data volume"

curl -fsS "$B/sign-in" | grep -q "Sign in" || die "the sign-in page does not render"
jar="$WORK/cookies"
csrf=$(curl -fsS -c "$jar" -b "$jar" "$B/api/auth/csrf" | node -pe 'JSON.parse(require("fs").readFileSync(0)).csrfToken')
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrfToken=$csrf" --data-urlencode username=smoke \
  --data-urlencode "password=$PASSWORD" --data-urlencode json=true "$B/api/auth/callback/credentials"
curl -fsS -b "$jar" "$B/api/auth/session" | grep -q '"role":"operator"' || die "signing in did not give a session"
log "embedded: health, readiness, HEALTHCHECK, sign-in page and sign-in OK"

wait_for_audit "$P1" || die "no audit was stored within 60 s"
targets=$(curl -fsS -b "$jar" "$B/api/audit/export?format=json" |
  node -pe 'const d = JSON.parse(require("fs").readFileSync(0)); d.clusters.length')
[ "$targets" -gt 0 ] || die "the audit found no cluster in the sandbox"
[ "$(metric "$P1" queueready_failed_regions)" = "0" ] || die "the audit failed to read a region"
log "embedded: the scheduled audit read $targets targets from the sandbox"

t0=$(date +%s)
podman restart -t 10 "$RUN_ID-embedded" >/dev/null
wait_for "$B/api/health?probe=ready" 60 || die "not ready again after a restart"
curl -fsS -b "$jar" "$B/api/audit/export?format=json" | grep -q '"clusters"' || die "the stored audit is gone after a restart"
log "embedded: restarted on its volume, ready in $(($(date +%s) - t0)) s, stored audit kept"
podman rm -f -v -t 10 "$RUN_ID-embedded" >/dev/null

# --- 2. weak settings are refused, as by npm start ----------------------------------------------------------
code=0
podman run --rm --network none "$IMAGE" >"$WORK/refused.log" 2>&1 || code=$?
[ "$code" = "2" ] && grep -q "cannot start" "$WORK/refused.log" ||
  die "without settings the container should refuse to start with exit 2 (got $code)"
log "refused to start without a session secret or users (exit 2)"

# --- 3. two containers on one PostgreSQL server -----------------------------------------------------------
[ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 is not installed ($PG_BIN/initdb): apt-get install postgresql"
PG_PORT=$(free_port)
# Its own temp dir: as root, initdb and postgres run as the postgres user, which must own it.
PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/$RUN_ID-pg.XXXXXX")"
as_pg=()
if [ "$(id -u)" = "0" ]; then
  chown postgres: "$PG_DIR"
  # setpriv execs (runuser would stay the parent), so $! below is the server itself.
  as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi
"${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres --no-sync >"$WORK/initdb.log" 2>&1 ||
  die "initdb failed: $(tail -3 "$WORK/initdb.log")"
"${as_pg[@]}" "$PG_BIN/postgres" -D "$PG_DIR/data" -p "$PG_PORT" -k "$PG_DIR" -h 127.0.0.1 \
  -c fsync=off -c synchronous_commit=off >"$WORK/postgres.log" 2>&1 &
pg_pid=$!
for _ in $(seq 100); do
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 0.2
done
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE queueready" ||
  die "PostgreSQL did not start"
DB_URL="postgres://postgres@127.0.0.1:$PG_PORT/queueready"
log "PostgreSQL 15 on 127.0.0.1:$PG_PORT"

P2=$(free_port)
P3=$(free_port)
t0=$(date +%s)
run_app "$RUN_ID-replica-a" "$P2" -e DATABASE_URL="$DB_URL"
# Replica b as deploy/kubernetes runs it: a read-only root filesystem, scratch space where the app writes.
run_app "$RUN_ID-replica-b" "$P3" -e DATABASE_URL="$DB_URL" --read-only \
  --tmpfs /tmp:mode=1777 --tmpfs /app/.next/cache:mode=1777 --tmpfs /data:mode=1777
wait_for "http://127.0.0.1:$P2/api/health?probe=ready" 90 || die "replica a never became ready"
wait_for "http://127.0.0.1:$P3/api/health?probe=ready" 90 || die "replica b never became ready"
log "postgres: both replicas ready $(($(date +%s) - t0)) s after podman run (b on a read-only root)"
wait_for_audit "$P2" || die "no audit stored in PostgreSQL within 60 s"
wait_for_audit "$P3" || die "replica b does not see the stored audit"
a=$(metric "$P2" queueready_last_audit_timestamp_seconds)
b=$(metric "$P3" queueready_last_audit_timestamp_seconds)
[ "$a" = "$b" ] || die "the replicas show different audits ($a, $b)"
log "postgres: one stored audit, the same on both replicas"

log "PASSED: build ${build_seconds} s, smoke $(($(date +%s) - smoke_started)) s, image $((image_size / 1000000)) MB ($IMAGE)"
