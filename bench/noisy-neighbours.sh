#!/usr/bin/env bash
# Noisy neighbours: does a flood of forged tokens plus a tenant hammering at its cost budget hurt
# another tenant? End to end on this machine, like bench/graphql-read.sh (the local PostgreSQL with a
# fresh database, a fresh Keycloak on port 8380, Animo in prod mode on port 8089), with two tenants
# provisioned through the API:
#   "bench"  the victim: 100 communities, its operator-raised cost limits (tenantLimitsSet) hold its load;
#   "noisy"  the neighbour: 100 communities, default cost limits, an expensive query far beyond them.
# bench/NoisyNeighbours.java then measures the victim's latency at a fixed rate on the idle service and
# under attack (forged flood + noisy tenant), in alternating rounds, and the database transactions a
# flood of forged tokens costs. Everything it started or created is removed on exit.
#
#   bash bench/noisy-neighbours.sh
#
# Environment:
#   VICTIM_RPS    the victim's requests per second (default 50)
#   FORGED_RPS    forged-token requests per second, each naming a new realm (default 250)
#   NOISY_RPS     the noisy tenant's requests per second (default 250)
#   DURATION      seconds of each phase (default 20); WARMUP (default 30); ROUNDS (default 5)
# The attack is ten times the victim's traffic by default. Everything shares this machine's cores:
# an attack that saturates them (about 800 requests/s on 2 cores) slows everyone, whatever the
# service does; that part of a defence belongs in front of it (per-address limits at the edge).
#   SKIP_BUILD=1, ANIMO_JAVA_OPTS as for bench/graphql-read.sh
# Results (and Animo's log) go to bench/results/ (ignored by git).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_NAME=noisy-neighbours
VICTIM_RPS="${VICTIM_RPS:-50}"
FORGED_RPS="${FORGED_RPS:-250}"
NOISY_RPS="${NOISY_RPS:-250}"
DURATION="${DURATION:-20}"
ROUNDS="${ROUNDS:-5}"
WARMUP="${WARMUP:-30}"
COMMUNITIES=100
NOISY_REALM=noisy
NOISY_ADMIN=admin
NOISY_ADMIN_PASSWORD=noisy-admin-pass

VICTIM_QUERY='{ communities(first: 20) { totalCount edges { node { id name slug } } } }'
# four lists of 50 with their totals: close to the complexity limit, so each one admitted is real work
NOISY_PAGE='communities(first: 50) { totalCount edges { node { id name slug description } } }'
NOISY_QUERY="{ a: $NOISY_PAGE b: $NOISY_PAGE c: $NOISY_PAGE d: $NOISY_PAGE }"

source "$ROOT/bench/single-replica.sh"
check_int VICTIM_RPS "$VICTIM_RPS" 1
check_int FORGED_RPS "$FORGED_RPS" 0
check_int NOISY_RPS "$NOISY_RPS" 0
check_int ROUNDS "$ROUNDS" 1
start_single_replica
provision_tenant "$NOISY_REALM" Noisy "$NOISY_ADMIN" "$NOISY_ADMIN_PASSWORD"
add_cli_client "$NOISY_REALM"

# the whole run takes longer than a token's default five minutes
long_lived_tokens "$TENANT_REALM"
long_lived_tokens "$NOISY_REALM"
victim_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
noisy_token="$(token "$NOISY_REALM" "$NOISY_ADMIN" "$NOISY_ADMIN_PASSWORD")"
[[ -n "$victim_token" && -n "$noisy_token" ]] || die "no tokens for the two tenants"
log "creating $COMMUNITIES communities in each tenant"
create_communities "$victim_token" "$COMMUNITIES" bench "A community of the noisy neighbours benchmark"
create_communities "$noisy_token" "$COMMUNITIES" noisy "A community of the noisy neighbours benchmark"

# The victim's load is far more than one person's default budget: the operator raises its limits,
# as one would for a customer whose integration reads this much. The noisy tenant keeps the defaults.
raise_tenant_limits "$TENANT_REALM"

victim_cost="$(json extensions.cost.requested <<<"$(graphql "$victim_token" "$VICTIM_QUERY")")"
noisy_response="$(graphql "$noisy_token" "$NOISY_QUERY")"
expect_data "the noisy query" "$noisy_response"
noisy_cost="$(json extensions.cost.requested <<<"$noisy_response")"
log "the victim's query costs $victim_cost points, the noisy one $noisy_cost"

# transactions of the bench database so far (committed and rolled back)
xacts() {
  sleep 2 # statistics reach pg_stat_database within a second or so
  pg -c "select xact_commit + xact_rollback from pg_stat_database where datname = '$DB_NAME'"
}

log "forged tokens only, then nothing, 10 s each: the database transactions each costs"
before="$(xacts)"
forged_line="$(java "$ROOT/bench/NoisyNeighbours.java" --url "$GRAPHQL_URL" --issuer-prefix "$KC_URL/realms/" \
  --forged-only 10 --forged-rps "$FORGED_RPS")"
after_flood="$(xacts)"
sleep 10
after_quiet="$(xacts)"
flood_xacts=$((after_flood - before))
quiet_xacts=$((after_quiet - after_flood))

log "victim idle vs attacked"
mapfile -t lines < <(VICTIM_TOKEN="$victim_token" NOISY_TOKEN="$noisy_token" java "$ROOT/bench/NoisyNeighbours.java" \
  --url "$GRAPHQL_URL" --issuer-prefix "$KC_URL/realms/" --victim-query "$VICTIM_QUERY" --noisy-query "$NOISY_QUERY" \
  --victim-rps "$VICTIM_RPS" --forged-rps "$FORGED_RPS" --noisy-rps "$NOISY_RPS" \
  --warmup "$WARMUP" --duration "$DURATION" --rounds "$ROUNDS")
summary="${lines[-1]}"

commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
  echo "== Animo noisy neighbours benchmark, $STAMP =="
  echo "commit:        $commit"
  echo "nproc:         $(nproc) (Animo, PostgreSQL, Keycloak and the load generator share them)"
  echo "load:          victim $VICTIM_RPS/s (cost $victim_cost each); attack: forged $FORGED_RPS/s + noisy tenant $NOISY_RPS/s"
  echo "               (cost $noisy_cost each, default budget); open loop; ${WARMUP} s warm-up, $ROUNDS x (${DURATION} s idle +"
  echo "               ${DURATION} s attacked, the attack starting 5 s before)"
  echo
  printf '%s\n' "${lines[@]}"
  echo
  echo "$forged_line"
  echo "database transactions: $flood_xacts during 10 s of forged tokens ($(field "$forged_line" forged_sent) requests),"
  echo "                       $quiet_xacts during the next 10 s without any request"
  echo
  echo "| victim p99 idle | victim p99 attacked | ratio | all rounds pooled | goal |"
  echo "|---|---|---|---|---|"
  printf '| %s ms | %s ms | %s | %s ms / %s ms = %s | <= 1.20 (%s) |\n' "$(field "$summary" victim_idle_p99_ms)" \
    "$(field "$summary" victim_attacked_p99_ms)" "$(field "$summary" p99_ratio)" \
    "$(field "$summary" pooled_attacked_p99_ms)" "$(field "$summary" pooled_idle_p99_ms)" \
    "$(field "$summary" pooled_p99_ratio)" "$(field "$summary" verdict)"
  echo "(p99 of the median round of each kind; the verdict is on that ratio)"
} | tee "$RESULTS_DIR/$BENCH_NAME-$STAMP.txt"
log "results saved in $RESULTS_DIR/$BENCH_NAME-$STAMP.txt"
