#!/usr/bin/env bash
# Live engagement at scale: N WebSocket subscribers of engagementUpdated on ONE Animo while messages are
# posted at a steady rate; prints, for each N, the write-to-push latency (p50, p90, p99, max), the CPU of
# Animo and of the load program, Animo's RSS, and the number of engagement snapshots computed per second
# (one per changed scope and tick, whatever the number of subscribers). The same parts as
# bench/graphql-read.sh: the local PostgreSQL with a fresh database, a fresh Keycloak on port 8380, Animo
# in prod mode on port 8089, one tenant provisioned through the API. Everything it started or created is
# removed on exit, whatever happens.
#
#   bash bench/subscriptions.sh
#
# Environment:
#   SUBSCRIBERS      the values of N, run in turn (default "5000 10000 20000")
#   RATE             messages posted per second, e.g. 10 or 0.5 (default 10)
#   DURATION         seconds of posting per N (default 30)
#   MAX_CONNECTIONS  sockets per process (default 19000): one process may hold at most `ulimit -n` open
#                    files (20,000 here, and root cannot raise it in this container), so beyond that the
#                    subscriptions share sockets (graphql-transport-ws multiplexes them), evenly
#   TICK             Animo's animo.metrics.live-tick (default its own, 1s)
#   SKIP_BUILD=1     never build; use target/quarkus-app/quarkus-run.jar as it is
#   ANIMO_JAVA_OPTS  extra JVM options for Animo
# Results (and Animo's log) go to bench/results/ (ignored by git).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_NAME=subscriptions
SUBSCRIBERS="${SUBSCRIBERS:-5000 10000 20000}"
RATE="${RATE:-10}"
MAX_CONNECTIONS="${MAX_CONNECTIONS:-19000}"

source "$ROOT/bench/single-replica.sh"
[[ "$RATE" =~ ^[0-9]+(\.[0-9]+)?$ && "$RATE" != 0 ]] || die "RATE must be a positive number (got '$RATE')"
check_int MAX_CONNECTIONS "$MAX_CONNECTIONS" 1
for n in $SUBSCRIBERS; do check_int SUBSCRIBERS "$n" 1; done
open_files="$(ulimit -n)"
if [[ "$open_files" != unlimited && "$MAX_CONNECTIONS" -gt $((open_files - 500)) ]]; then
  die "MAX_CONNECTIONS ($MAX_CONNECTIONS) needs ulimit -n of at least $((MAX_CONNECTIONS + 500)) (it is $open_files)"
fi
if [[ -n "${TICK:-}" ]]; then
  ANIMO_ARGS=("-Danimo.metrics.live-tick=$TICK")
fi
start_single_replica
animo_pid="${APP_PIDS[0]}"
long_lived_tokens "$TENANT_REALM"
raise_tenant_limits "$TENANT_REALM"
admin_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
[[ -n "$admin_token" ]] || die "no token for the tenant admin"

log "creating a community and a thread"
create_communities "$admin_token" 1 Live
community_id="${CREATED_COMMUNITY_IDS[0]}"
join_community "$admin_token" "$community_id"
thread_id="$(create_thread "$admin_token" "$community_id" "Release feedback" "Tell us")"

java_version="$(java -version 2>&1)"
java_version="${java_version%%$'\n'*}"
cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | sed -n 1p || true)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
tick_seconds="$(python3 -c 'import re, sys; m = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s)", sys.argv[1]); print(float(m[1]) / (1000 if m[2] == "ms" else 1))' "${TICK:-1s}")" \
  || die "TICK must look like 250ms or 1s (got '${TICK:-}')"
rows=()
for n in $SUBSCRIBERS; do
  log "$n subscribers, $RATE messages per second for $DURATION s"
  output="$(BENCH_TOKEN="$admin_token" java -Xmx2g "$ROOT/bench/SubscriptionLoad.java" \
    --ws-url "ws://127.0.0.1:$APP_PORT/graphql" --graphql-url "$GRAPHQL_URL" \
    --community-id "$community_id" --thread-id "$thread_id" --subscribers "$n" \
    --max-connections "$MAX_CONNECTIONS" --rate "$RATE" --duration "$DURATION" \
    --server-pid "$animo_pid" --metrics-url "http://127.0.0.1:$((APP_PORT + 1000))/q/metrics")" \
    || die "the load program failed: $output"
  log "$output"
  result="$(grep '^result ' <<<"$output")"
  rows+=("$(printf '| %s | %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms | %s | %s %% | %s %% | %s MB | %s | %s |' \
    "$n" "$(field "$result" connections)" "$(field "$result" p50_ms)" "$(field "$result" p90_ms)" \
    "$(field "$result" p99_ms)" "$(field "$result" max_ms)" "$(field "$result" fanout_p50_ms)" \
    "$(field "$result" fanout_p99_ms)" "$(field "$result" missing)" \
    "$(field "$result" server_cpu_pct)" "$(field "$result" client_cpu_pct)" "$(field "$result" server_rss_mb)" \
    "$(python3 -c "print(f'{$(field "$result" snapshots_per_s) * $tick_seconds:.2f}')")" "$(field "$result" errors)")")
  sleep 5 # the sockets of this round close before the next one opens
done

{
  echo "== Animo live subscriptions benchmark, $STAMP =="
  echo "commit:        $commit"
  echo "nproc:         $(nproc)"
  echo "cpu:           ${cpu_model:-unknown}"
  echo "jvm:           $java_version"
  echo "keycloak:      $KC_VERSION (localhost:$KC_PORT)"
  echo "load:          engagementUpdated(communityId, metrics: [MESSAGES]) per subscriber; messagePost at $RATE/s for ${DURATION} s"
  echo
  echo "| subscribers | sockets | p50 | p90 | p99 | max | fan-out p50 | fan-out p99 | missed | Animo CPU | load CPU | Animo RSS | snapshots per tick | errors |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "p50..max: write-to-push latency, from the end of a messagePost (its response) to the push that counts it,"
  echo "for every subscriber and message; it includes the wait for the next tick (${TICK:-1s}: a scope's snapshot is"
  echo "computed at most once per tick) and for the aggregator's next turn. Fan-out: from the computation of a"
  echo "snapshot to its arrival at each subscriber. CPU: percent of one core over the posting phase. Animo,"
  echo "PostgreSQL, Keycloak and the load program shared these $(nproc) cores."
} | tee "$RESULT_FILE"
log "results saved in $RESULT_FILE"
