#!/usr/bin/env bash
# Read-path benchmark of the GraphQL API, end to end on this machine:
#   the local PostgreSQL (127.0.0.1:5432, trust auth for user postgres) with a fresh database,
#   a fresh Keycloak on port 8380 (deploy/keycloak/keycloak.sh, instance "bench"),
#   Animo in prod mode on port 8089, one tenant "bench" provisioned through the API, 200 communities,
#   then bench/LoadGenerator.java against two queries. Everything it started or created is removed
#   on exit, whatever happens.
#
#   bash bench/graphql-read.sh
#
# Environment:
#   DURATION      measured seconds per query (default 20)
#   WARMUP        warm-up seconds per query, not measured (default 5)
#   CONCURRENCY   load generator workers (default 16)
#   MAX_REQUESTS  hard cap on requests per query, warm-up included (default 1000000)
#   COMMUNITIES   communities to create (default 200)
#   SKIP_BUILD=1  never build; use target/quarkus-app/quarkus-run.jar as it is
#   ANIMO_JAVA_OPTS  extra JVM options for Animo (e.g. "-Xmx512m")
# Results (and Animo's log) go to bench/results/ (ignored by git).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

COMMUNITIES="${COMMUNITIES:-200}"
BENCH_NAME=graphql-read

QUERY_COMMUNITIES='query Communities { communities(first: 20) { totalCount edges { node { id name slug } } } }'
QUERY_COMMUNITY='query Community($id: ID!) { community(id: $id) { id name slug description } }'

source "$ROOT/bench/single-replica.sh"

# ---------------------------------------------------------------------------------------------
# 0-4. Checks, build, a fresh database and Keycloak, Animo in prod mode, the operator and the
#      tenant "bench" (bench/single-replica.sh), then the communities
# ---------------------------------------------------------------------------------------------
check_int COMMUNITIES "$COMMUNITIES" 1
start_single_replica

log "creating $COMMUNITIES communities"
admin_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
# far beyond one person's default cost budget: the operator raises the tenant's limits, as for an integration
raise_tenant_limits "$TENANT_REALM"
[[ -n "$admin_token" ]] || die "no token for the tenant admin"
pick=$(((COMMUNITIES + 1) / 2))
create_communities "$admin_token" "$COMMUNITIES" Bench
community_id="${CREATED_COMMUNITY_IDS[$((pick - 1))]}"
[[ -n "$community_id" ]] || die "no community id to read"
log "reading community bench-$pick ($community_id) in the second run"

# ---------------------------------------------------------------------------------------------
# 5. Load
# ---------------------------------------------------------------------------------------------
# run_load NAME DOCUMENT VARIABLES: one result line; a fresh token per run (tokens live 5 minutes)
run_load() {
  local load_token response
  load_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
  response="$(graphql "$load_token" "$2" "$3")"
  expect_data "$1 (sanity check)" "$response"
  BENCH_TOKEN="$load_token" java "$ROOT/bench/LoadGenerator.java" --name "$1" --url "$GRAPHQL_URL" \
    --query "$2" --variables "$3" --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" \
    --max-requests "$MAX_REQUESTS"
}

log "load: communities(first: 20)"
result_list="$(run_load communities "$QUERY_COMMUNITIES" '{}')"
log "$result_list"
log "load: community(id:)"
result_one="$(run_load community "$QUERY_COMMUNITY" "{\"id\":\"$community_id\"}")"
log "$result_one"

# ---------------------------------------------------------------------------------------------
# 6. Report
# ---------------------------------------------------------------------------------------------
java_version="$(java -version 2>&1)"
java_version="${java_version%%$'\n'*}"
pg_version="$(pg -c 'show server_version')"
cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | sed -n 1p || true)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"

row() { # LABEL RESULT_LINE
  printf '| %s | %s | %s ms | %s ms |\n' "$1" "$(field "$2" rps)" "$(field "$2" p50_ms)" "$(field "$2" p99_ms)"
}

{
  echo "== Animo GraphQL read benchmark, $STAMP =="
  echo "commit:        $commit"
  echo "nproc:         $(nproc)"
  echo "cpu:           ${cpu_model:-unknown}"
  echo "jvm:           $java_version"
  echo "postgresql:    $pg_version (127.0.0.1:$PG_PORT)"
  echo "keycloak:      $KC_VERSION (localhost:$KC_PORT)"
  echo "load:          $CONCURRENCY workers, ${WARMUP} s warm-up, ${DURATION} s measured, HTTP/1.1 keep-alive"
  echo "data:          1 tenant, $COMMUNITIES communities"
  echo
  echo "$result_list"
  echo "$result_one"
  echo
  echo "| query | rps | p50 | p99 |"
  echo "|---|---|---|---|"
  row '`communities(first: 20) { totalCount edges { node { id name slug } } }`' "$result_list"
  row '`community(id:) { id name slug description }`' "$result_one"
  echo
  echo "Animo, PostgreSQL, Keycloak and the load generator shared these $(nproc) cores."
  for line in "$result_list" "$result_one"; do
    if [[ "$(field "$line" errors)" != 0 ]]; then
      echo "WARNING: $(field "$line" name) had $(field "$line" errors) errors: the numbers above are not valid."
    fi
  done
} | tee "$RESULT_FILE"
log "results saved in $RESULT_FILE"
