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

DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
CONCURRENCY="${CONCURRENCY:-16}"
MAX_REQUESTS="${MAX_REQUESTS:-1000000}"
COMMUNITIES="${COMMUNITIES:-200}"

PG_HOST=127.0.0.1
PG_PORT=5432
DB_NAME=animo_bench
DB_OWNER=animo_bench_owner
DB_APP=animo_bench_app

KC_PORT=8380
KC_URL="http://localhost:$KC_PORT"
KC_VERSION=26.5.6
PLATFORM_REALM=animo-platform
CLI_CLIENT=animo-cli
OPERATOR=operator
OPERATOR_PASSWORD=bench-pass

APP_PORT=8089
APP_URL="http://localhost:$APP_PORT"
GRAPHQL_URL="$APP_URL/graphql"
JAR=target/quarkus-app/quarkus-run.jar

TENANT_REALM=bench
TENANT_ADMIN=admin
TENANT_ADMIN_PASSWORD=bench-admin-pass

RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
APP_LOG="$RESULTS_DIR/graphql-read-$STAMP-animo.log"
RESULT_FILE="$RESULTS_DIR/graphql-read-$STAMP.txt"

# A public password-grant client with the animo-api audience, created in the platform realm and in
# the tenant realm (the realm template only has the browser client animo-web).
CLI_CLIENT_JSON='{"clientId":"animo-cli","name":"Benchmark: password grant","enabled":true,
"publicClient":true,"standardFlowEnabled":false,"directAccessGrantsEnabled":true,
"protocolMappers":[{"name":"animo-api audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
"config":{"included.custom.audience":"animo-api","access.token.claim":"true","id.token.claim":"false"}}]}'

QUERY_COMMUNITIES='query Communities { communities(first: 20) { totalCount edges { node { id name slug } } } }'
QUERY_COMMUNITY='query Community($id: ID!) { community(id: $id) { id name slug description } }'

APP_PID=""
KC_STARTED=0
DB_CREATED=0

log() { echo "[bench] $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Clean-up: always, in reverse order of creation
# ---------------------------------------------------------------------------------------------
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping Animo (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null
    for _ in $(seq 1 30); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "Animo did not stop in 30 s: killing it"
      kill -KILL "$APP_PID" 2>/dev/null
    fi
    wait "$APP_PID" 2>/dev/null
  fi
  if [[ "$KC_STARTED" == 1 ]]; then
    log "stopping the bench Keycloak"
    keycloak stop >/dev/null
  fi
  if [[ "$DB_CREATED" == 1 ]]; then
    log "dropping database $DB_NAME and roles $DB_OWNER, $DB_APP"
    drop_database
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg() {
  PGCONNECT_TIMEOUT=5 psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"
}

drop_database() {
  pg -c "drop database if exists $DB_NAME with (force)"
  pg -c "drop role if exists $DB_APP"
  pg -c "drop role if exists $DB_OWNER"
}

keycloak() {
  ANIMO_KEYCLOAK_PORT="$KC_PORT" ANIMO_KEYCLOAK_INSTANCE=bench ANIMO_KEYCLOAK_FRESH=true \
    bash "$ROOT/deploy/keycloak/keycloak.sh" "$@"
}

# json PATH < document: the value at a dotted path ("data.x.0.id"), "" when absent; objects as JSON
json() {
  python3 -c '
import json, sys
value = json.load(sys.stdin)
for key in [k for k in sys.argv[1].split(".") if k]:
    if isinstance(value, list) and key.isdigit() and int(key) < len(value):
        value = value[int(key)]
    elif isinstance(value, dict):
        value = value.get(key)
    else:
        value = None
    if value is None:
        break
if value is None:
    print("")
elif isinstance(value, (dict, list)):
    print(json.dumps(value))
else:
    print(value)
' "$1"
}

check_int() { [[ "$2" =~ ^[0-9]+$ && "$2" -ge "$3" ]] || die "$1 must be a whole number >= $3 (got '$2')"; }

# token REALM USERNAME PASSWORD: an access token from the password grant of animo-cli
token() {
  local response
  response="$(curl -sS --fail-with-body -d grant_type=password -d "client_id=$CLI_CLIENT" \
    --data-urlencode "username=$2" --data-urlencode "password=$3" \
    "$KC_URL/realms/$1/protocol/openid-connect/token")" || die "no token for $2 in realm $1: $response"
  json access_token <<<"$response"
}

kc_admin_login() {
  local response
  response="$(curl -sS --fail-with-body -d grant_type=password -d client_id=admin-cli \
    -d username=admin -d password=admin "$KC_URL/realms/master/protocol/openid-connect/token")" \
    || die "no Keycloak admin token: $response"
  KC_ADMIN_TOKEN="$(json access_token <<<"$response")"
}

# kc_api METHOD PATH [JSON]: the Keycloak admin REST API (master admin token of kc_admin_login)
kc_api() {
  local args=(-sS --fail-with-body -X "$1" -H "Authorization: Bearer $KC_ADMIN_TOKEN")
  if [[ $# -ge 3 ]]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$3")
  fi
  curl "${args[@]}" "$KC_URL/admin/realms$2"
}

# graphql TOKEN DOCUMENT [VARIABLES_JSON]: the response body
graphql() {
  local variables="${3:-}" body
  [[ -n "$variables" ]] || variables='{}'
  body="$(python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1], "variables": json.loads(sys.argv[2])}))' \
    "$2" "$variables")"
  curl -sS --fail-with-body -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    --data-binary "$body" "$GRAPHQL_URL"
}

# expect_payload LABEL RESPONSE: no GraphQL errors and an empty userErrors list
expect_payload() {
  local compact="${2//[[:space:]]/}"
  if [[ "$compact" == *'"errors":'* || "$compact" != *'"userErrors":[]'* ]]; then
    die "$1 failed: $2"
  fi
}

# expect_data LABEL RESPONSE: no GraphQL errors
expect_data() {
  local compact="${2//[[:space:]]/}"
  if [[ "$compact" == *'"errors":'* || "$compact" != *'"data":{'* ]]; then
    die "$1 failed: $2"
  fi
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

# ---------------------------------------------------------------------------------------------
# 0. Checks and build (before anything is started, so a failed build leaves nothing behind)
# ---------------------------------------------------------------------------------------------
for tool in curl python3 psql java; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
done
check_int DURATION "$DURATION" 1
check_int WARMUP "$WARMUP" 0
check_int CONCURRENCY "$CONCURRENCY" 1
check_int MAX_REQUESTS "$MAX_REQUESTS" 1
check_int COMMUNITIES "$COMMUNITIES" 1
port_open "$KC_PORT" && die "port $KC_PORT is in use (a bench Keycloak left running? ANIMO_KEYCLOAK_PORT=$KC_PORT ANIMO_KEYCLOAK_INSTANCE=bench deploy/keycloak/keycloak.sh stop)"
port_open "$APP_PORT" && die "port $APP_PORT is in use"
mkdir -p "$RESULTS_DIR"

if [[ "${SKIP_BUILD:-0}" != 1 && ! -f "$JAR" ]]; then
  log "building Animo (./mvnw -B -q package -DskipTests)"
  ./mvnw -B -q package -DskipTests
fi
[[ -f "$JAR" ]] || die "$JAR is missing: build with ./mvnw package -DskipTests"

# ---------------------------------------------------------------------------------------------
# 1. PostgreSQL: a fresh database with an owner role (Flyway) and an app role (row-level security)
# ---------------------------------------------------------------------------------------------
port_open "$PG_PORT" || die "PostgreSQL is not listening on $PG_HOST:$PG_PORT"
pg -c 'select 1' >/dev/null || die "cannot log in to PostgreSQL on $PG_HOST:$PG_PORT as postgres (trust auth expected)"
DB_CREATED=1
drop_database
log "creating database $DB_NAME"
pg -c "create role $DB_OWNER login password '$DB_OWNER'"
pg -c "create role $DB_APP login password '$DB_APP'"
pg -c "create database $DB_NAME owner $DB_OWNER"

# ---------------------------------------------------------------------------------------------
# 2. Keycloak: a fresh instance with only the platform realm imported
# ---------------------------------------------------------------------------------------------
log "starting Keycloak $KC_VERSION on port $KC_PORT"
KC_STARTED=1
keycloak start >/dev/null

# ---------------------------------------------------------------------------------------------
# 3. Animo in prod mode. There is no seeder in a prod build (@IfBuildProfile dev/test), so the
#    animo.seed.* properties below change nothing; the tenant is provisioned through the API.
# ---------------------------------------------------------------------------------------------
read -r -a java_opts <<<"${ANIMO_JAVA_OPTS:-}"
log "starting Animo on port $APP_PORT (log: $APP_LOG)"
ANIMO_DB_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$DB_NAME" \
  ANIMO_DB_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME" \
  ANIMO_DB_APP_USER="$DB_APP" ANIMO_DB_APP_PASSWORD="$DB_APP" \
  ANIMO_DB_OWNER_USER="$DB_OWNER" ANIMO_DB_OWNER_PASSWORD="$DB_OWNER" \
  ANIMO_KEYCLOAK_URL="$KC_URL" \
  ANIMO_KEYCLOAK_ADMIN_GRANT_TYPE=PASSWORD ANIMO_KEYCLOAK_ADMIN_USERNAME=admin ANIMO_KEYCLOAK_ADMIN_PASSWORD=admin \
  QUARKUS_HTTP_PORT="$APP_PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
  java ${java_opts[@]+"${java_opts[@]}"} \
  -Danimo.seed.tenants=bench -Danimo.seed.password=bench-pass -Dquarkus.log.console.json.enabled=false \
  -jar "$JAR" >"$APP_LOG" 2>&1 &
APP_PID=$!

ready=0
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$APP_URL/q/health/ready" 2>/dev/null; then
    ready=1
    break
  fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    tail -40 "$APP_LOG" >&2
    die "Animo exited during start-up"
  fi
  sleep 1
done
if [[ "$ready" != 1 ]]; then
  tail -40 "$APP_LOG" >&2
  die "Animo was not ready in 120 s"
fi
log "Animo is ready"

# ---------------------------------------------------------------------------------------------
# 4. Data: an operator in the platform realm, the tenant "bench" through tenantProvision, a
#    password-grant client in the tenant realm, and the communities
# ---------------------------------------------------------------------------------------------
log "creating the platform operator and the $CLI_CLIENT client in realm $PLATFORM_REALM"
kc_admin_login
kc_api POST "/$PLATFORM_REALM/clients" "$CLI_CLIENT_JSON" >/dev/null
kc_api POST "/$PLATFORM_REALM/users" "{\"username\":\"$OPERATOR\",\"email\":\"operator@animo.example\",
\"firstName\":\"Platform\",\"lastName\":\"Operator\",\"enabled\":true,\"emailVerified\":true,
\"credentials\":[{\"type\":\"password\",\"value\":\"$OPERATOR_PASSWORD\",\"temporary\":false}]}" >/dev/null
operator_id="$(kc_api GET "/$PLATFORM_REALM/users?username=$OPERATOR&exact=true" | json 0.id)"
[[ -n "$operator_id" ]] || die "the operator user was not created"
platform_admin_role="$(kc_api GET "/$PLATFORM_REALM/roles/platform-admin")"
kc_api POST "/$PLATFORM_REALM/users/$operator_id/role-mappings/realm" "[$platform_admin_role]" >/dev/null

log "provisioning tenant $TENANT_REALM through tenantProvision"
operator_token="$(token "$PLATFORM_REALM" "$OPERATOR" "$OPERATOR_PASSWORD")"
[[ -n "$operator_token" ]] || die "no operator token"
response="$(graphql "$operator_token" 'mutation Provision($input: TenantProvisionInput!) {
  tenantProvision(input: $input) { tenant { id realm status } userErrors { field code message } } }' \
  "{\"input\":{\"realm\":\"$TENANT_REALM\",\"name\":\"Bench\",\"adminEmail\":\"admin@bench.example\",
  \"adminUsername\":\"$TENANT_ADMIN\",\"adminFirstName\":\"Bench\",\"adminLastName\":\"Admin\",
  \"adminPassword\":\"$TENANT_ADMIN_PASSWORD\"}}")"
expect_payload tenantProvision "$response"

log "creating the $CLI_CLIENT client in realm $TENANT_REALM"
kc_admin_login
kc_api POST "/$TENANT_REALM/clients" "$CLI_CLIENT_JSON" >/dev/null

log "creating $COMMUNITIES communities"
admin_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
[[ -n "$admin_token" ]] || die "no token for the tenant admin"
create='mutation Create($input: CommunityCreateInput!) { communityCreate(input: $input) { community { id } userErrors { field code message } } }'
pick=$(((COMMUNITIES + 1) / 2))
community_id=""
for i in $(seq 1 "$COMMUNITIES"); do
  # name and slug are made of fixed text and a number: safe to put in JSON as they are
  body="$(printf '{"query":"%s","variables":{"input":{"name":"Bench %d","slug":"bench-%d","visibility":"PUBLIC"}}}' \
    "$create" "$i" "$i")"
  response="$(curl -sS --fail-with-body -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    --data-binary "$body" "$GRAPHQL_URL")"
  expect_payload "communityCreate #$i" "$response"
  if [[ "$i" == "$pick" ]]; then
    community_id="$(json data.communityCreate.community.id <<<"$response")"
  fi
done
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
