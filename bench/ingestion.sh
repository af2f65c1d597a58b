#!/usr/bin/env bash
# How fast mentions come in through a listening source's signed webhook (POST /listening/webhooks/{id}): each is
# verified, deduplicated, read for language and sentiment, stored, and counted as an activity of the community.
# Pushes of 1 and of 20 new mentions, against a baseline in the same run: messagePost, a member's post through the
# GraphQL API (which also reads sentiment, and passes the community's rules). Rounds interleaved, twice. The same
# parts as bench/graphql-post.sh: the local PostgreSQL with a fresh database, a fresh Keycloak on port 8380, Animo in
# prod mode on port 8089. Removes all it made on exit.
#
#   bash bench/ingestion.sh
#
# Environment: DURATION (20), WARMUP (10), CONCURRENCY (16), SKIP_BUILD=1, ANIMO_JAVA_OPTS.
# Results (and Animo's logs) go to bench/results/ (ignored by git).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_NAME=ingestion
WARMUP="${WARMUP:-10}"
POST='mutation Post($input: MessagePostInput!) { messagePost(input: $input) { outcome message { id } userErrors { code } } }'
BODY='I love the new release, the sync is so much faster now'

source "$ROOT/bench/single-replica.sh"
start_single_replica
long_lived_tokens "$TENANT_REALM"
raise_tenant_limits "$TENANT_REALM"
admin_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
[[ -n "$admin_token" ]] || die "no token for the tenant admin"
create_communities "$admin_token" 1 Listening
community_id="${CREATED_COMMUNITY_IDS[0]}"
join_community "$admin_token" "$community_id"
thread_id="$(create_thread "$admin_token" "$community_id" "Release feedback" "Tell us")"
variables="$(python3 -c 'import json, sys; print(json.dumps({"input": {"threadId": sys.argv[1], "body": sys.argv[2]}}))' \
  "$thread_id" "$BODY")"

response="$(graphql "$admin_token" 'mutation A($input: ListeningSourceAddInput!) { listeningSourceAdd(input: $input) { source { webhookPath } webhookSecret userErrors { field code message } } }' \
  "{\"input\":{\"kind\":\"WEBHOOK\",\"name\":\"Partner app\",\"communityId\":\"$community_id\"}}")"
expect_payload listeningSourceAdd "$response"
push_url="$APP_URL$(json data.listeningSourceAdd.source.webhookPath <<<"$response")"
export INGEST_SECRET
INGEST_SECRET="$(json data.listeningSourceAdd.webhookSecret <<<"$response")"

# Autovacuum is off on these machines' PostgreSQL (show autovacuum), so nothing would ever analyze the tables the
# rounds fill, and the planner would keep the estimates of empty tables (a 55,000-row scan for a lookup of a few
# keys, push rate down threefold in round 2). Production runs autovacuum: analyze before each round, as it would.
autovacuum="$(pg -c 'show autovacuum')"
analyze_tables() {
  PGCONNECT_TIMEOUT=5 psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$DB_NAME" -v ON_ERROR_STOP=1 -qAtX -c analyze
}

declare -A rate_sum=() p99_sum=()
rows=""
for round in 1 2; do
  for side in push-1 push-20 messagePost; do
    analyze_tables
    case "$side" in
      push-1) result="$(java "$ROOT/bench/IngestLoad.java" "$push_url" 1 "$CONCURRENCY" "$WARMUP" "$DURATION" "$side")"
        rate="$(field "$result" mentions_per_s)" ;;
      push-20) result="$(java "$ROOT/bench/IngestLoad.java" "$push_url" 20 "$CONCURRENCY" "$WARMUP" "$DURATION" "$side")"
        rate="$(field "$result" mentions_per_s)" ;;
      messagePost) result="$(BENCH_TOKEN="$admin_token" java "$ROOT/bench/LoadGenerator.java" --name messagePost \
        --url "$GRAPHQL_URL" --query "$POST" --variables "$variables" --concurrency "$CONCURRENCY" --warmup "$WARMUP" \
        --duration "$DURATION" --max-requests "$MAX_REQUESTS")"
        rate="$(field "$result" rps)" ;;
    esac
    log "$result"
    [[ "$(field "$result" errors)" == 0 ]] || die "errors during the round: $result"
    rate_sum[$side]="$(python3 -c "print(${rate_sum[$side]:-0} + $rate)")"
    p99_sum[$side]="$(python3 -c "print(${p99_sum[$side]:-0} + $(field "$result" p99_ms))")"
    rows+="$(printf '| %s | %s | %s | %s ms | %s ms |' "$side" "$round" "$rate" "$(field "$result" p50_ms)" \
      "$(field "$result" p99_ms)")"$'\n'
  done
done

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
  echo "== Animo ingestion of mentions, $STAMP =="
  echo "commit:        $commit"
  echo "nproc:         $(nproc)"
  echo "load:          $CONCURRENCY workers, ${WARMUP} s warm-up and ${DURATION} s measured per round"
  echo "postgres:      autovacuum $autovacuum; tables analyzed before each round"
  echo
  echo "| operation | round | mentions (or messages) / s | p50 | p99 |"
  echo "|---|---|---|---|---|"
  printf '%s' "$rows"
  echo
  echo "mentions/s, pushes of 1 / messagePost messages/s:  $(ratio "${rate_sum[push-1]}" "${rate_sum[messagePost]}")"
  echo "mentions/s, pushes of 20 / messagePost messages/s: $(ratio "${rate_sum[push-20]}" "${rate_sum[messagePost]}")"
  echo "Animo, PostgreSQL, Keycloak and the load generators shared these $(nproc) cores."
} | tee "$RESULT_FILE"
log "results saved in $RESULT_FILE"
