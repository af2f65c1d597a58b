#!/usr/bin/env bash
# How fast the public end of a tracked link is: GET /r/{code} (no token) records the click (group commit, one
# transaction for every click that arrived meanwhile) and answers 302. Measured in one run against two baselines on
# the same Animo: an unknown code (404 from the link cache: routing and the response, no database) and the cheapest
# authenticated read, community(id:) over /graphql. Rounds are interleaved (redirect, unknown, read, twice). Then
# checks that every click answered was stored. The same parts as bench/graphql-read.sh: the local PostgreSQL with
# a fresh database, a fresh Keycloak on port 8380, Animo in prod mode on port 8089. Removes all it made on exit.
#
#   bash bench/redirect.sh
#
# Environment: DURATION (20), WARMUP (10), CONCURRENCY (16), SKIP_BUILD=1, ANIMO_JAVA_OPTS.
# Results (and Animo's logs) go to bench/results/ (ignored by git).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_NAME=redirect
WARMUP="${WARMUP:-10}"
READ='query Community($id: ID!) { community(id: $id) { id name slug description } }'

source "$ROOT/bench/single-replica.sh"
start_single_replica
long_lived_tokens "$TENANT_REALM"
raise_tenant_limits "$TENANT_REALM"
admin_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
[[ -n "$admin_token" ]] || die "no token for the tenant admin"
create_communities "$admin_token" 1 Launch
community_id="${CREATED_COMMUNITY_IDS[0]}"

now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
later="$(date -u -d '+7 days' +%Y-%m-%dT%H:%M:%SZ)"
response="$(graphql "$admin_token" 'mutation C($input: CampaignCreateInput!) { campaignCreate(input: $input) { campaign { id } userErrors { field code message } } }' \
  "{\"input\":{\"name\":\"Bench\",\"objective\":\"Clicks\",\"startsAt\":\"$now\",\"endsAt\":\"$later\",\"communityIds\":[\"$community_id\"]}}")"
expect_payload campaignCreate "$response"
campaign_id="$(json data.campaignCreate.campaign.id <<<"$response")"
expect_payload campaignSchedule "$(graphql "$admin_token" 'mutation S($id: ID!) { campaignSchedule(input: {id: $id}) { userErrors { code } } }' \
  "{\"id\":\"$campaign_id\"}")"
response="$(graphql "$admin_token" 'mutation L($input: TrackedLinkCreateInput!) { trackedLinkCreate(input: $input) { link { path } userErrors { field code message } } }' \
  "{\"input\":{\"campaignId\":\"$campaign_id\",\"channel\":\"newsletter\",\"targetUrl\":\"https://example.com/landing?lang=en\"}}")"
expect_payload trackedLinkCreate "$response"
link_url="$APP_URL$(json data.trackedLinkCreate.link.path <<<"$response")?utm_term=bench"
status="$(curl -s -o /dev/null -w '%{http_code}' "$link_url")"
[[ "$status" == 302 ]] || die "the tracked link answered $status, not 302"

LOAD_LOG="$RESULTS_DIR/$BENCH_NAME-$STAMP-load.log"
# load NAME ARGS...: one round of the load generator (with the bearer token LOAD_TOKEN, none by default); its
# result line; its progress lines go to LOAD_LOG
load() {
  local name="$1"
  shift
  BENCH_TOKEN="${LOAD_TOKEN:-}" java "$ROOT/bench/LoadGenerator.java" --name "$name" --concurrency "$CONCURRENCY" \
    --warmup "$WARMUP" --duration "$DURATION" --max-requests "$MAX_REQUESTS" "$@" 2>>"$LOAD_LOG"
}

declare -A rps_sum=() p99_sum=() rows=()
clicks_answered=1 # the sanity check above
for round in 1 2; do
  for side in redirect unknown read; do
    case "$side" in
      redirect) result="$(load redirect --url "$link_url" --get true --expect-status 302)" ;;
      unknown) result="$(load unknown --url "$APP_URL/r/Unknown99" --get true --expect-status 404)" ;;
      read) result="$(LOAD_TOKEN="$admin_token" load read --url "$GRAPHQL_URL" --query "$READ" \
        --variables "{\"id\":\"$community_id\"}")" ;;
    esac
    log "$result"
    [[ "$(field "$result" errors)" == 0 ]] || die "errors during the round: $result"
    rps_sum[$side]="$(python3 -c "print(${rps_sum[$side]:-0} + $(field "$result" rps))")"
    p99_sum[$side]="$(python3 -c "print(${p99_sum[$side]:-0} + $(field "$result" p99_ms))")"
    rows[$side]+="$(printf '| %s | %s | %s | %s ms | %s ms |' "$side" "$round" "$(field "$result" rps)" \
      "$(field "$result" p50_ms)" "$(field "$result" p99_ms)")"$'\n'
  done
done
# every 302 of the redirect rounds, warm-up included, is a click that must be stored
answered="$(sed -n 's/.*redirect: \([0-9]*\) warm-up requests, \([0-9]*\) measured.*/\1 \2/p' "$LOAD_LOG" \
  | awk '{ s += $1 + $2 } END { print s }')"
clicks_answered=$((clicks_answered + answered))
sleep 1
stored="$(json data.campaign.report.clicks <<<"$(graphql "$admin_token" 'query R($id: ID!) { campaign(id: $id) { report { clicks } } }' \
  "{\"id\":\"$campaign_id\"}")")"

mean() { python3 -c "print(f'{$1 / 2:.1f}')"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
  echo "== Animo tracked-link redirect, $STAMP =="
  echo "commit:        $commit"
  echo "nproc:         $(nproc)"
  echo "load:          $CONCURRENCY workers, keep-alive, ${WARMUP} s warm-up and ${DURATION} s measured per round"
  echo
  echo "| operation | round | rps | p50 | p99 |"
  echo "|---|---|---|---|---|"
  printf '%s' "${rows[redirect]}" "${rows[unknown]}" "${rows[read]}"
  echo
  echo "redirect (click stored) / unknown code (no database): rps $(ratio "${rps_sum[redirect]}" "${rps_sum[unknown]}"), p99 $(ratio "${p99_sum[redirect]}" "${p99_sum[unknown]}")"
  echo "redirect (click stored) / community(id:) read:        rps $(ratio "${rps_sum[redirect]}" "${rps_sum[read]}"), p99 $(ratio "${p99_sum[redirect]}" "${p99_sum[read]}")"
  echo "mean rps: redirect $(mean "${rps_sum[redirect]}"), unknown $(mean "${rps_sum[unknown]}"), read $(mean "${rps_sum[read]}")"
  echo "clicks answered with 302: $clicks_answered; clicks stored: $stored"
  echo "Animo, PostgreSQL, Keycloak and the load generator shared these $(nproc) cores."
} | tee "$RESULT_FILE"
[[ "$stored" == "$clicks_answered" ]] || die "clicks answered ($clicks_answered) and stored ($stored) differ"
log "results saved in $RESULT_FILE"
