#!/usr/bin/env bash
# What the engagement metrics and the sentiment analysis cost the posting path: messagePost throughput
# with them on (the default) and off (animo.metrics.enabled=false, animo.sentiment.enabled=false), in one
# run, on the same database, Keycloak and tenant, in the order on, off, off, on (so that neither side
# always runs on the larger tables). Each round starts Animo afresh, warms it up, then measures. Prints
# every round, the mean of each side and their ratio. The same parts as bench/graphql-post.sh: the
# local PostgreSQL with a fresh database, a fresh Keycloak on port 8380, Animo in prod mode on port 8089,
# one tenant provisioned through the API. Everything it started or created is removed on exit.
#
#   bash bench/metrics-overhead.sh
#
# Environment:
#   DURATION      measured seconds per round (default 20)
#   WARMUP        warm-up seconds per round, not measured (default 10)
#   CONCURRENCY   load generator workers (default 16)
#   SKIP_BUILD=1  never build; use target/quarkus-app/quarkus-run.jar as it is
#   ANIMO_JAVA_OPTS  extra JVM options for Animo
# Results (and Animo's logs) go to bench/results/ (ignored by git).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_NAME=metrics-overhead
WARMUP="${WARMUP:-10}"
POST='mutation Post($input: MessagePostInput!) { messagePost(input: $input) { outcome message { id } userErrors { code } } }'
BODY='Thanks for the update on the new release. I tried the beta on my phone yesterday and the sync feels much faster than before; the only thing I miss is the dark mode toggle in settings. Any news on that?'
OFF_ARGS=(-Danimo.metrics.enabled=false -Danimo.sentiment.enabled=false)

source "$ROOT/bench/single-replica.sh"
start_single_replica
long_lived_tokens "$TENANT_REALM"
raise_tenant_limits "$TENANT_REALM"
admin_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
[[ -n "$admin_token" ]] || die "no token for the tenant admin"
create_communities "$admin_token" 1 Overhead
community_id="${CREATED_COMMUNITY_IDS[0]}"
join_community "$admin_token" "$community_id"
thread_id="$(create_thread "$admin_token" "$community_id" "Release feedback" "Tell us")"
variables="$(python3 -c 'import json, sys; print(json.dumps({"input": {"threadId": sys.argv[1], "body": sys.argv[2]}}))' \
  "$thread_id" "$BODY")"

# round SIDE: restart Animo with the side's settings, load it; the load generator's line in ROUND_RESULT
# (not run in $(...): the Animo it starts must stay a child of this shell, for the clean-up)
round() {
  local side="$1" i
  for ((i = 0; i < ${#APP_PIDS[@]}; i++)); do
    stop_pid "${APP_LABELS[i]}" "${APP_PIDS[i]}" 30 || true # its exit status is that of a stopped JVM
  done
  if [[ "$side" == on ]]; then
    ANIMO_ARGS=()
  else
    ANIMO_ARGS=("${OFF_ARGS[@]}")
  fi
  start_animo "$APP_PORT" "$RESULTS_DIR/$BENCH_NAME-$STAMP-animo-$side-$((${#APP_PIDS[@]} + 1)).log" "Animo ($side)"
  expect_payload "messagePost (sanity check)" "$(graphql "$admin_token" "$POST" "$variables")"
  ROUND_RESULT="$(BENCH_TOKEN="$admin_token" java "$ROOT/bench/LoadGenerator.java" --name "messagePost-$side" --url "$GRAPHQL_URL" \
    --query "$POST" --variables "$variables" --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" \
    --max-requests "$MAX_REQUESTS")"
}

rows=()
declare -A total=([on]=0 [off]=0)
for side in on off off on; do
  log "round: metrics and sentiment $side"
  round "$side"
  result="$ROUND_RESULT"
  log "$result"
  [[ "$(field "$result" errors)" == 0 ]] || die "errors during the round: $result"
  rps="$(field "$result" rps)"
  total[$side]="$(python3 -c "print(${total[$side]} + $rps)")"
  rows+=("$(printf '| %s | %s | %s ms | %s ms |' "$side" "$rps" "$(field "$result" p50_ms)" "$(field "$result" p99_ms)")")
done
ratio="$(python3 -c "print(f'{${total[on]} / ${total[off]}:.3f}')")"

java_version="$(java -version 2>&1)"
java_version="${java_version%%$'\n'*}"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
  echo "== Animo posting with and without metrics and sentiment, $STAMP =="
  echo "commit:        $commit"
  echo "nproc:         $(nproc)"
  echo "jvm:           $java_version"
  echo "load:          messagePost, $CONCURRENCY workers, ${WARMUP} s warm-up and ${DURATION} s measured per round"
  echo
  echo "| metrics and sentiment | rps | p50 | p99 |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "throughput on / off: $ratio (mean of the two rounds of each side)"
  echo "Animo, PostgreSQL, Keycloak and the load generator shared these $(nproc) cores."
} | tee "$RESULT_FILE"
log "results saved in $RESULT_FILE"
