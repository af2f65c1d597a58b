# shellcheck shell=bash
# Shared steps of the bench/ scripts: a fresh PostgreSQL database, a fresh Keycloak, Animo in prod
# mode (one or more processes), the platform operator and tenants provisioned through the API, and
# a clean-up that removes everything the script started or created. Not a script of its own:
#
#   ROOT=... DB_NAME=... (the variables below)
#   source "$ROOT/bench/lib.sh"
#   cleanup_on_exit          # right away, before anything is started
#
# Variables the script sets before sourcing (all required):
#   ROOT                      the repository
#   PG_HOST PG_PORT           the local PostgreSQL (login as postgres without a password)
#   DB_NAME DB_OWNER DB_APP   database, its owner role (Flyway) and the app role (row-level security);
#                             plain identifiers: they are dropped at the end
#   KC_PORT KC_URL KC_VERSION Keycloak port, base URL and version
#   KC_INSTANCE               instance name of deploy/keycloak/keycloak.sh (its own data, started fresh)
#   PLATFORM_REALM CLI_CLIENT OPERATOR OPERATOR_PASSWORD
#                             platform realm, password-grant client, operator user and password
#   JAR                       target/quarkus-app/quarkus-run.jar
#   GRAPHQL_URL               the /graphql endpoint of `graphql` (and so of provision_tenant)
# Optional:
#   LOG_TAG                   prefix of the log lines (default bench)
#   ANIMO_ARGS                array of extra arguments for java before -jar
#   ANIMO_JAVA_OPTS           (environment) extra JVM options for Animo, e.g. "-Xmx512m"
#   SKIP_BUILD=1              (environment) build_if_missing never builds
# Localhost only; every wait is bounded.

for _lib_var in ROOT PG_HOST PG_PORT DB_NAME DB_OWNER DB_APP KC_PORT KC_URL KC_VERSION KC_INSTANCE \
  PLATFORM_REALM CLI_CLIENT OPERATOR OPERATOR_PASSWORD JAR GRAPHQL_URL; do
  if [[ -z "${!_lib_var:-}" ]]; then
    echo "bench/lib.sh: set $_lib_var before sourcing it" >&2
    exit 2
  fi
done
unset _lib_var
LOG_TAG="${LOG_TAG:-bench}"

# A public password-grant client with the animo-api audience, created in the platform realm and in
# the tenant realm (the realm template only has the browser client animo-web).
CLI_CLIENT_JSON='{"clientId":"'"$CLI_CLIENT"'","name":"Benchmark: password grant","enabled":true,
"publicClient":true,"standardFlowEnabled":false,"directAccessGrantsEnabled":true,
"protocolMappers":[{"name":"animo-api audience","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
"config":{"included.custom.audience":"animo-api","access.token.claim":"true","id.token.claim":"false"}}]}'

# What the clean-up removes
APP_PIDS=()    # Animo processes (start_animo)
APP_LABELS=()  # their names in the log, same order
BG_PIDS=()     # other background processes of the script (stopped first)
KC_STARTED=0
DB_CREATED=0

log() { echo "[$LOG_TAG] $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Clean-up: always, in reverse order of creation
# ---------------------------------------------------------------------------------------------
# running_child PID: PID runs and is a child of this script (a pid that ended may be reused by
# another process of the machine: never signal that one)
running_child() {
  local stat fields
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  read -r -a fields <<<"${stat##*) }" # state ppid ...
  [[ "${fields[0]}" != Z && "${fields[1]}" == "$$" ]]
}

# stop_pid LABEL PID SECONDS: TERM, then KILL after SECONDS; quiet when it already ended
stop_pid() {
  local label="$1" pid="$2" seconds="$3"
  if running_child "$pid"; then
    log "stopping $label (pid $pid)"
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 "$seconds"); do
      running_child "$pid" || break
      sleep 1
    done
    if running_child "$pid"; then
      log "$label did not stop in $seconds s: killing it"
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  wait "$pid" 2>/dev/null
}

cleanup() {
  local rc=$? i
  set +e
  trap - EXIT INT TERM
  for ((i = ${#BG_PIDS[@]} - 1; i >= 0; i--)); do
    stop_pid "background process" "${BG_PIDS[i]}" 10
  done
  for ((i = ${#APP_PIDS[@]} - 1; i >= 0; i--)); do
    stop_pid "${APP_LABELS[i]}" "${APP_PIDS[i]}" 30
  done
  if [[ "$KC_STARTED" == 1 ]]; then
    log "stopping the $KC_INSTANCE Keycloak"
    keycloak stop >/dev/null
  fi
  if [[ "$DB_CREATED" == 1 ]]; then
    log "dropping database $DB_NAME and roles $DB_OWNER, $DB_APP"
    drop_database
  fi
  exit "$rc"
}

# cleanup_on_exit: run cleanup however the script ends (error, Ctrl-C, kill)
cleanup_on_exit() {
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# require_port_free PORT [HINT]
require_port_free() {
  if port_open "$1"; then
    die "port $1 is in use${2:+ ($2)}"
  fi
}

# require_keycloak_port_free: nothing on KC_PORT (a Keycloak of this instance left running?)
require_keycloak_port_free() {
  require_port_free "$KC_PORT" "a $KC_INSTANCE Keycloak left running? ANIMO_KEYCLOAK_PORT=$KC_PORT ANIMO_KEYCLOAK_INSTANCE=$KC_INSTANCE deploy/keycloak/keycloak.sh stop"
}

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is required"
  done
}

pg() {
  PGCONNECT_TIMEOUT=5 psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"
}

drop_database() {
  pg -c "drop database if exists $DB_NAME with (force)"
  pg -c "drop role if exists $DB_APP"
  pg -c "drop role if exists $DB_OWNER"
}

keycloak() {
  ANIMO_KEYCLOAK_PORT="$KC_PORT" ANIMO_KEYCLOAK_INSTANCE="$KC_INSTANCE" ANIMO_KEYCLOAK_FRESH=true \
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

# field LINE KEY: the value of KEY=value in a line of space-separated KEY=value pairs
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

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

# graphql_body DOCUMENT [VARIABLES_JSON]: the JSON body of a GraphQL request
graphql_body() {
  local variables="${2:-}"
  [[ -n "$variables" ]] || variables='{}'
  python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1], "variables": json.loads(sys.argv[2])}))' \
    "$1" "$variables"
}

# graphql_post URL TOKEN BODY: the response body
graphql_post() {
  curl -sS --fail-with-body -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    --data-binary "$3" "$1"
}

# graphql_at URL TOKEN DOCUMENT [VARIABLES_JSON]: the response body
graphql_at() {
  local body
  body="$(graphql_body "$3" "${4:-}")"
  graphql_post "$1" "$2" "$body"
}

# graphql TOKEN DOCUMENT [VARIABLES_JSON]: the response body of $GRAPHQL_URL
graphql() { graphql_at "$GRAPHQL_URL" "$@"; }

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

# ---------------------------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------------------------
# build_if_missing: package Animo when the jar is missing (never with SKIP_BUILD=1)
build_if_missing() {
  if [[ "${SKIP_BUILD:-0}" != 1 && ! -f "$JAR" ]]; then
    log "building Animo (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests
  fi
  [[ -f "$JAR" ]] || die "$JAR is missing: build with ./mvnw package -DskipTests"
}

# create_database: a fresh database with an owner role (Flyway) and an app role (row-level security)
create_database() {
  port_open "$PG_PORT" || die "PostgreSQL is not listening on $PG_HOST:$PG_PORT"
  pg -c 'select 1' >/dev/null || die "cannot log in to PostgreSQL on $PG_HOST:$PG_PORT as postgres (trust auth expected)"
  DB_CREATED=1
  drop_database
  log "creating database $DB_NAME"
  pg -c "create role $DB_OWNER login password '$DB_OWNER'"
  pg -c "create role $DB_APP login password '$DB_APP'"
  pg -c "create database $DB_NAME owner $DB_OWNER"
}

# start_keycloak: a fresh instance with only the platform realm imported
start_keycloak() {
  log "starting Keycloak $KC_VERSION on port $KC_PORT"
  KC_STARTED=1
  keycloak start >/dev/null
}

# launch_animo PORT LOGFILE [LABEL]: Animo in prod mode on 127.0.0.1:PORT (management interface on
# PORT+1000) against $DB_NAME and $KC_URL, in the background; appends its pid to APP_PIDS and returns
# at once (LAUNCHED_PID is its pid).
launch_animo() {
  local port="$1" log_file="$2" label="${3:-Animo}" java_opts=() cds
  read -r -a java_opts <<<"${ANIMO_JAVA_OPTS:-}"
  # the class-data archive of a package built with -Dquarkus.package.jar.appcds.enabled=true (faster start)
  cds="$(dirname "$JAR")/app-cds.jsa"
  if [[ -f "$cds" ]]; then
    java_opts+=("-XX:SharedArchiveFile=$cds")
  fi
  log "starting $label on port $port (log: $log_file)"
  ANIMO_DB_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$DB_NAME" \
    ANIMO_DB_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME" \
    ANIMO_DB_APP_USER="$DB_APP" ANIMO_DB_APP_PASSWORD="$DB_APP" \
    ANIMO_DB_OWNER_USER="$DB_OWNER" ANIMO_DB_OWNER_PASSWORD="$DB_OWNER" \
    ANIMO_KEYCLOAK_URL="$KC_URL" \
    ANIMO_KEYCLOAK_ADMIN_CLIENT_SECRET=animo-provisioner-local-secret ANIMO_KEYCLOAK_PASSWORD_GRANT_CLIENT="$CLI_CLIENT" \
    ANIMO_KEYCLOAK_PROVISIONING_ACCOUNTS="${ANIMO_KEYCLOAK_PROVISIONING_ACCOUNTS:-10}" \
    QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
    ANIMO_MANAGEMENT_PORT="$((port + 1000))" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    java ${java_opts[@]+"${java_opts[@]}"} ${ANIMO_ARGS[@]+"${ANIMO_ARGS[@]}"} \
    -Dquarkus.log.console.json.enabled=false \
    -jar "$JAR" >"$log_file" 2>&1 &
  LAUNCHED_PID=$!
  APP_PIDS+=("$LAUNCHED_PID")
  APP_LABELS+=("$label")
}

# start_animo PORT LOGFILE [LABEL]: launch_animo, then returns once /q/health/ready answers (at most 120 s).
start_animo() {
  local port="$1" log_file="$2" label="${3:-Animo}" pid ready=0
  launch_animo "$port" "$log_file" "$label"
  pid="$LAUNCHED_PID"

  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://localhost:$((port + 1000))/q/health/ready" 2>/dev/null; then
      ready=1
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -40 "$log_file" >&2
      die "$label exited during start-up"
    fi
    sleep 1
  done
  if [[ "$ready" != 1 ]]; then
    tail -40 "$log_file" >&2
    die "$label was not ready in 120 s"
  fi
  log "$label is ready"
}

# create_operator: the operator (role platform-admin) and the password-grant client in the platform realm
create_operator() {
  local operator_id platform_admin_role
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
}

# provision_tenant REALM NAME ADMIN_USERNAME ADMIN_PASSWORD: tenantProvision through $GRAPHQL_URL as
# the operator; the admin is "NAME Admin" <ADMIN_USERNAME@REALM.example>. The values go into JSON as
# they are: plain words only (no quotes or backslashes).
provision_tenant() {
  local realm="$1" name="$2" admin="$3" admin_password="$4" operator_token response
  log "provisioning tenant $realm through tenantProvision"
  operator_token="$(token "$PLATFORM_REALM" "$OPERATOR" "$OPERATOR_PASSWORD")"
  [[ -n "$operator_token" ]] || die "no operator token"
  response="$(graphql "$operator_token" 'mutation Provision($input: TenantProvisionInput!) {
  tenantProvision(input: $input) { tenant { id realm status } userErrors { field code message } } }' \
    "{\"input\":{\"realm\":\"$realm\",\"name\":\"$name\",\"adminEmail\":\"$admin@$realm.example\",
  \"adminUsername\":\"$admin\",\"adminFirstName\":\"$name\",\"adminLastName\":\"Admin\",
  \"adminPassword\":\"$admin_password\"}}")"
  expect_payload tenantProvision "$response"
}

# add_cli_client REALM: the password-grant client in a realm that Animo did not provision (Animo adds it
# to the realms it provisions: ANIMO_KEYCLOAK_PASSWORD_GRANT_CLIENT)
add_cli_client() {
  kc_admin_login
  if [[ "$(kc_api GET "/$1/clients?clientId=$CLI_CLIENT")" != "[]" ]]; then
    return
  fi
  log "creating the $CLI_CLIENT client in realm $1"
  kc_api POST "/$1/clients" "$CLI_CLIENT_JSON" >/dev/null
}

# long_lived_tokens REALM: access tokens of REALM live an hour, so that a run longer than the default
# five minutes does not measure expired tokens (bench realms only)
long_lived_tokens() {
  kc_admin_login
  kc_api PUT "/$1" '{"accessTokenLifespan":3600}' >/dev/null
}

# create_communities TOKEN COUNT PREFIX [DESCRIPTION]: communities "PREFIX 1".."PREFIX COUNT" (slugs
# prefix-1..), public, through communityCreate; their ids (global ids) in CREATED_COMMUNITY_IDS, in order.
# PREFIX and DESCRIPTION go into JSON as they are: plain words only. Call it directly, not in $(...).
CREATED_COMMUNITY_IDS=()
create_communities() {
  local token="$1" count="$2" prefix="$3" description="${4:-}" slug body response i
  local create='mutation Create($input: CommunityCreateInput!) { communityCreate(input: $input) { community { id } userErrors { field code message } } }'
  slug="$(tr 'A-Z ' 'a-z-' <<<"$prefix")"
  CREATED_COMMUNITY_IDS=()
  for i in $(seq 1 "$count"); do
    body="$(printf '{"query":"%s","variables":{"input":{"name":"%s %d","slug":"%s-%d","visibility":"PUBLIC"%s}}}' \
      "$create" "$prefix" "$i" "$slug" "$i" "${description:+,\"description\":\"$description\"}")"
    response="$(graphql_post "$GRAPHQL_URL" "$token" "$body")"
    expect_payload "communityCreate $prefix #$i" "$response"
    CREATED_COMMUNITY_IDS+=("$(json data.communityCreate.community.id <<<"$response")")
  done
}

# join_community TOKEN COMMUNITY_ID: the token's person joins (becomes a member of) the community
join_community() {
  expect_payload communityJoin "$(graphql "$1" 'mutation J($input: CommunityJoinInput!) { communityJoin(input: $input) { userErrors { field code message } } }' \
    "{\"input\":{\"communityId\":\"$2\"}}")"
}

# create_thread TOKEN COMMUNITY_ID TITLE BODY: a DISCUSSION thread (plain words only); prints its id
create_thread() {
  local response
  response="$(graphql "$1" 'mutation T($input: ThreadCreateInput!) { threadCreate(input: $input) { thread { id } userErrors { field code message } } }' \
    "{\"input\":{\"communityId\":\"$2\",\"kind\":\"DISCUSSION\",\"title\":\"$3\",\"body\":\"$4\"}}")"
  expect_payload threadCreate "$response"
  json data.threadCreate.thread.id <<<"$response"
}

# tenant_id_of REALM: the tenant's id, as the operator sees it
tenant_id_of() {
  local operator_token
  operator_token="$(token "$PLATFORM_REALM" "$OPERATOR" "$OPERATOR_PASSWORD")"
  graphql "$operator_token" '{ tenants(first: 100) { edges { node { id realm } } } }' | python3 -c '
import json, sys
edges = json.load(sys.stdin)["data"]["tenants"]["edges"]
print(next((e["node"]["id"] for e in edges if e["node"]["realm"] == sys.argv[1]), ""))' "$1"
}

# raise_tenant_limits REALM: the operator raises the tenant's query-cost budget (tenantLimitsSet) far
# beyond what a benchmark's load costs, as one would for a customer whose integration reads this much
raise_tenant_limits() {
  local tenant_id operator_token
  tenant_id="$(tenant_id_of "$1")"
  [[ -n "$tenant_id" ]] || die "tenant $1 was not found"
  operator_token="$(token "$PLATFORM_REALM" "$OPERATOR" "$OPERATOR_PASSWORD")"
  expect_payload tenantLimitsSet "$(graphql "$operator_token" 'mutation($input: TenantLimitsSetInput!) { tenantLimitsSet(input: $input) {
  tenant { id } userErrors { field code message } } }' \
    "{\"input\":{\"tenantId\":\"$tenant_id\",\"tenantCapacity\":10000000,\"tenantRefillPerSecond\":10000000,
  \"callerCapacity\":10000000,\"callerRefillPerSecond\":10000000}}")"
}
