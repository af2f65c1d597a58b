#!/usr/bin/env bash
# Proves that a change made through one Animo replica reaches a GraphQL subscriber connected to
# ANOTHER replica (the fan-out goes through PostgreSQL LISTEN/NOTIFY), and only in its own tenant.
# End to end on this machine, localhost only:
#   the local PostgreSQL (127.0.0.1:5432, trust auth for user postgres) with a fresh database
#   animo_replicas, a fresh Keycloak on port 8381 (deploy/keycloak/keycloak.sh, instance "replicas"),
#   two Animo processes in prod mode on the same database and Keycloak: replica A on port 8091 and
#   replica B on port 8092. Through replica A the operator provisions the tenants "replicas" and
#   "outsider". Then:
#     probe 1  bench/SubscriptionProbe.java on replica A, as the admin of "replicas"
#     probe 2  the same on replica A, as the admin of "outsider" (must time out: tenant isolation)
#     write    communityCreate "Made on replica B" on replica B, as the admin of "replicas"
#   PASS (exit 0) when probe 1 received the event and probe 2 timed out while the event was being
#   delivered; FAIL (exit 1) otherwise. Everything it started or created is removed on exit,
#   whatever happens.
#
#   bash bench/two-replicas.sh
#
# Environment:
#   SKIP_BUILD=1      never build; use target/quarkus-app/quarkus-run.jar as it is (otherwise it is
#                     built only when missing)
#   PROBE_TIMEOUT     seconds probe 1 waits for the event after subscribing (default 30)
#   OUTSIDER_TIMEOUT  seconds probe 2 waits (default 8)
#   ANIMO_JAVA_OPTS   extra JVM options for both replicas (e.g. "-Xmx512m")
# The report, both replicas' logs and the probes' output go to bench/results/ (ignored by git).
# Uses ports 8381-8382 (Keycloak; 8381 is also the management port of bench/graphql-read.sh's
# Keycloak, so do not run both at once), 8091 and 8092.
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PROBE_TIMEOUT="${PROBE_TIMEOUT:-30}"
OUTSIDER_TIMEOUT="${OUTSIDER_TIMEOUT:-8}"

LOG_TAG=replicas
PG_HOST=127.0.0.1
PG_PORT=5432
DB_NAME=animo_replicas
DB_OWNER=animo_replicas_owner
DB_APP=animo_replicas_app

KC_PORT=8381
KC_URL="http://localhost:$KC_PORT"
KC_VERSION=26.5.6
KC_INSTANCE=replicas
PLATFORM_REALM=animo-platform
CLI_CLIENT=animo-cli
OPERATOR=operator
OPERATOR_PASSWORD=replicas-pass

JAR=target/quarkus-app/quarkus-run.jar
PORT_A=8091
PORT_B=8092
GRAPHQL_URL="http://localhost:$PORT_A/graphql" # replica A: provisioning and the subscribers
GRAPHQL_B="http://localhost:$PORT_B/graphql"   # replica B: the write
WS_A="ws://localhost:$PORT_A/graphql"

TENANT_REALM=replicas
TENANT_ADMIN=admin
TENANT_ADMIN_PASSWORD=replicas-admin-pass
OUTSIDER_REALM=outsider
OUTSIDER_ADMIN=admin
OUTSIDER_ADMIN_PASSWORD=outsider-admin-pass

COMMUNITY_NAME="Made on replica B"
COMMUNITY_SLUG=made-on-replica-b
# The channel of community events (CommunityEvents.CHANNEL): its LISTEN shows in pg_stat_activity
NOTIFY_CHANNEL=animo_community

RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
PREFIX="$RESULTS_DIR/two-replicas-$STAMP"
LOG_A="$PREFIX-replica-a.log"
LOG_B="$PREFIX-replica-b.log"
PROBE1_OUT="$PREFIX-probe-$TENANT_REALM.out"
PROBE1_ERR="$PREFIX-probe-$TENANT_REALM.err"
PROBE2_OUT="$PREFIX-probe-$OUTSIDER_REALM.out"
PROBE2_ERR="$PREFIX-probe-$OUTSIDER_REALM.err"
RESULT_FILE="$PREFIX.txt"

# Helpers (log, pg, keycloak, token, graphql, ...), the start-up steps and the clean-up
source "$ROOT/bench/lib.sh"
cleanup_on_exit

# start_probe TOKEN TIMEOUT OUT ERR: SubscriptionProbe on replica A in the background (stopped by the
# clean-up if still running); its pid in PROBE_PID
start_probe() {
  BENCH_TOKEN="$1" java "$ROOT/bench/SubscriptionProbe.java" --url "$WS_A" --expect-name "$COMMUNITY_NAME" \
    --timeout "$2" >"$3" 2>"$4" &
  PROBE_PID=$!
  BG_PIDS+=("$PROBE_PID")
}

# wait_subscribed LABEL PID OUT ERR: until the probe printed "subscribed" (at most 60 s: the JDK
# compiles the probe first)
wait_subscribed() {
  for _ in $(seq 1 240); do
    if grep -qx subscribed "$3"; then
      log "$1 subscribed"
      return 0
    fi
    if ! kill -0 "$2" 2>/dev/null; then
      cat "$3" "$4" >&2
      die "$1 ended before subscribing"
    fi
    sleep 0.25
  done
  cat "$3" "$4" >&2
  die "$1 did not subscribe in 60 s"
}

# wait_probe PID SECONDS: until the probe ends (stopped after SECONDS); its exit code in PROBE_RC
wait_probe() {
  for _ in $(seq 1 $(($2 * 4))); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.25
  done
  if running_child "$1"; then
    log "probe (pid $1) still running after $2 s: stopping it"
    kill -TERM "$1" 2>/dev/null || true
  fi
  PROBE_RC=0
  wait "$1" || PROBE_RC=$?
}

# listen_count: connections of the app role LISTENing on the community channel of $DB_NAME
listen_count() {
  pg -c "select count(*) from pg_stat_activity where datname = '$DB_NAME' and usename = '$DB_APP'
    and query ilike 'listen %$NOTIFY_CHANNEL%'"
}

now_ms() { date +%s%3N; }

# ---------------------------------------------------------------------------------------------
# 0. Checks and build (before anything is started, so a failed build leaves nothing behind)
# ---------------------------------------------------------------------------------------------
require_tools curl python3 psql java grep
check_int PROBE_TIMEOUT "$PROBE_TIMEOUT" 1
check_int OUTSIDER_TIMEOUT "$OUTSIDER_TIMEOUT" 1
require_keycloak_port_free
require_port_free "$((KC_PORT + 1))" "the management port of the Keycloak on $KC_PORT; bench/graphql-read.sh running?"
require_port_free "$PORT_A"
require_port_free "$PORT_B"
require_port_free "$((PORT_A + 1000))" "the management port of replica A"
require_port_free "$((PORT_B + 1000))" "the management port of replica B"
mkdir -p "$RESULTS_DIR"
build_if_missing

# ---------------------------------------------------------------------------------------------
# 1. PostgreSQL, Keycloak, and the two replicas on the same database and Keycloak (one after the
#    other: replica A runs the Flyway migrations, replica B finds them done)
# ---------------------------------------------------------------------------------------------
create_database
start_keycloak
start_animo "$PORT_A" "$LOG_A" "replica A"
start_animo "$PORT_B" "$LOG_B" "replica B"

# ---------------------------------------------------------------------------------------------
# 2. Data, through replica A: the operator, the tenants "replicas" and "outsider" with their admins,
#    and the password-grant client in each tenant realm
# ---------------------------------------------------------------------------------------------
create_operator
provision_tenant "$TENANT_REALM" Replicas "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD"
add_cli_client "$TENANT_REALM"
provision_tenant "$OUTSIDER_REALM" Outsider "$OUTSIDER_ADMIN" "$OUTSIDER_ADMIN_PASSWORD"
add_cli_client "$OUTSIDER_REALM"

# Tokens last 5 minutes: taken now, used within a minute or two
admin_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
[[ -n "$admin_token" ]] || die "no token for the admin of $TENANT_REALM"
outsider_token="$(token "$OUTSIDER_REALM" "$OUTSIDER_ADMIN" "$OUTSIDER_ADMIN_PASSWORD")"
[[ -n "$outsider_token" ]] || die "no token for the admin of $OUTSIDER_REALM"

# ---------------------------------------------------------------------------------------------
# 3. Two subscribers on replica A (nothing subscribes on replica B)
# ---------------------------------------------------------------------------------------------
listen_before="$(listen_count)"
log "probe 1: tenant $TENANT_REALM on replica A ($WS_A), waiting for \"$COMMUNITY_NAME\" (at most $PROBE_TIMEOUT s)"
start_probe "$admin_token" "$PROBE_TIMEOUT" "$PROBE1_OUT" "$PROBE1_ERR"
probe1_pid="$PROBE_PID"
wait_subscribed "probe 1" "$probe1_pid" "$PROBE1_OUT" "$PROBE1_ERR"

log "probe 2: tenant $OUTSIDER_REALM on replica A, same name (must time out after $OUTSIDER_TIMEOUT s)"
start_probe "$outsider_token" "$OUTSIDER_TIMEOUT" "$PROBE2_OUT" "$PROBE2_ERR"
probe2_pid="$PROBE_PID"
wait_subscribed "probe 2" "$probe2_pid" "$PROBE2_OUT" "$PROBE2_ERR"

# Replica A opens its LISTEN connection with its first subscription: wait until PostgreSQL shows
# it, so that the write below cannot race it (at most 15 s; the probes decide in any case)
listen_after=0
for _ in $(seq 1 60); do
  listen_after="$(listen_count)"
  [[ "$listen_after" -ge 1 ]] && break
  sleep 0.25
done
if [[ "$listen_after" -ge 1 ]]; then
  log "replica A is listening on $NOTIFY_CHANNEL ($listen_after LISTEN connection(s) on $DB_NAME)"
else
  log "warning: no LISTEN on $NOTIFY_CHANNEL seen in pg_stat_activity after 15 s; going on"
fi
# Probe 2 shares that connection; give its subscription (it subscribed last) one more second to be
# registered on replica A, so that its time-out means isolation, not lateness
sleep 1

# ---------------------------------------------------------------------------------------------
# 4. The write, on replica B
# ---------------------------------------------------------------------------------------------
log "creating community \"$COMMUNITY_NAME\" on replica B ($GRAPHQL_B)"
create='mutation Create($input: CommunityCreateInput!) { communityCreate(input: $input) { community { id name slug } userErrors { field code message } } }'
body="$(graphql_body "$create" "{\"input\":{\"name\":\"$COMMUNITY_NAME\",\"slug\":\"$COMMUNITY_SLUG\",\"visibility\":\"PUBLIC\"}}")"
sent_ms="$(now_ms)"
response="$(graphql_post "$GRAPHQL_B" "$admin_token" "$body")"
write_ms=$(($(now_ms) - sent_ms))
expect_payload "communityCreate on replica B" "$response"
community_id="$(json data.communityCreate.community.id <<<"$response")"
log "created $community_id in $write_ms ms"

# ---------------------------------------------------------------------------------------------
# 5. The outcome of the probes
# ---------------------------------------------------------------------------------------------
wait_probe "$probe1_pid" "$((PROBE_TIMEOUT + 10))"
probe1_rc="$PROBE_RC"
# Probe 2 must still be waiting when probe 1 has its event: otherwise its time-out proves nothing
outsider_waiting=0
if kill -0 "$probe2_pid" 2>/dev/null; then
  outsider_waiting=1
fi
wait_probe "$probe2_pid" "$((OUTSIDER_TIMEOUT + 10))"
probe2_rc="$PROBE_RC"

probe1_line="$(grep -v -x subscribed "$PROBE1_OUT" | tail -1 || true)"
probe2_line="$(grep -v -x subscribed "$PROBE2_OUT" | tail -1 || true)"
after_ms="$(field "$probe1_line" after_ms)"
event_epoch_ms="$(sed -n 's/.*event received at epoch_ms=\([0-9]*\).*/\1/p' "$PROBE1_ERR" | tail -1)"
fanout_ms="unknown"
if [[ -n "$event_epoch_ms" ]]; then
  fanout_ms=$((event_epoch_ms - sent_ms))
fi

failures=()
if [[ "$probe1_rc" != 0 || "$probe1_line" != "received type=CREATED name=$COMMUNITY_NAME after_ms="* ]]; then
  failures+=("probe 1 (tenant $TENANT_REALM, replica A) did not receive the event made on replica B (exit $probe1_rc)")
fi
if [[ "$probe2_rc" == 0 || "$probe2_line" == received* ]]; then
  failures+=("probe 2 (tenant $OUTSIDER_REALM) received another tenant's event: tenant isolation is broken")
elif [[ "$probe2_rc" != 1 || "$probe2_line" != timeout* ]]; then
  failures+=("probe 2 (tenant $OUTSIDER_REALM) ended without timing out (exit $probe2_rc): see $PROBE2_OUT and $PROBE2_ERR")
elif [[ "$outsider_waiting" != 1 ]]; then
  failures+=("probe 2 had already timed out when the event was delivered: inconclusive; raise OUTSIDER_TIMEOUT")
fi

# ---------------------------------------------------------------------------------------------
# 6. Report
# ---------------------------------------------------------------------------------------------
pg_version="$(pg -c 'show server_version')"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
  echo "== Animo subscription fan-out across two replicas, $STAMP =="
  echo "commit:      $commit"
  echo "replica A:   http://localhost:$PORT_A (the subscribers; log $LOG_A)"
  echo "replica B:   http://localhost:$PORT_B (the write; log $LOG_B)"
  echo "postgresql:  $pg_version ($PG_HOST:$PG_PORT, database $DB_NAME; LISTEN connections on $NOTIFY_CHANNEL: $listen_before before subscribing, $listen_after after)"
  echo "keycloak:    $KC_VERSION (localhost:$KC_PORT)"
  echo
  echo "write:       communityCreate \"$COMMUNITY_NAME\" on replica B, tenant $TENANT_REALM: $write_ms ms (id ${community_id:-none})"
  echo "probe 1:     tenant $TENANT_REALM on replica A: ${probe1_line:-no outcome} (exit $probe1_rc)"
  echo "             after_ms counts from its subscription; from sending the write to the event: $fanout_ms ms"
  echo "probe 2:     tenant $OUTSIDER_REALM on replica A: ${probe2_line:-no outcome} (exit $probe2_rc)"
  echo
  if [[ ${#failures[@]} -eq 0 ]]; then
    echo "PASS: the community made on replica B reached the subscriber on replica A after_ms=$after_ms" \
      "($fanout_ms ms after the write), through PostgreSQL LISTEN/NOTIFY; the other tenant's subscriber got nothing."
  else
    for failure in "${failures[@]}"; do
      echo "FAIL: $failure"
    done
    echo "Probe output: $PREFIX-probe-*.out and .err"
  fi
} | tee "$RESULT_FILE"
log "report saved in $RESULT_FILE"

[[ ${#failures[@]} -eq 0 ]] || exit 1
