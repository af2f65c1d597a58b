# shellcheck shell=bash
# Shared set-up of the one-replica load benchmarks (graphql-read.sh, graphql-post.sh): the local
# PostgreSQL with a fresh database, a fresh Keycloak on port 8380 (instance "bench"), Animo in prod
# mode on port 8089 (management interface 9089), and the tenant "bench" provisioned through the API with a password-grant client.
# Not a script of its own: set ROOT and BENCH_NAME (names the result files), then
#
#   source "$ROOT/bench/single-replica.sh"   # also installs the clean-up of bench/lib.sh
#   start_single_replica                     # after any checks of your own
#
# Environment: DURATION, WARMUP, CONCURRENCY, MAX_REQUESTS (load), SKIP_BUILD=1, ANIMO_JAVA_OPTS, and, to run
# next to another bench on this machine (defaults in brackets):
#   DB_NAME [animo_bench]  the database; its roles are DB_NAME_owner and DB_NAME_app (all dropped at the end)
#   KC_PORT [8380]         Keycloak (and KC_PORT+1, its management port)
#   KC_INSTANCE [bench]    deploy/keycloak/keycloak.sh instance (its data is wiped at start: one per concurrent run)
#   APP_PORT [8089]        Animo (and APP_PORT+1000, its management port)
#   ANIMO_JAR              a built Animo to run instead of target/quarkus-app/quarkus-run.jar (never builds)

DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
CONCURRENCY="${CONCURRENCY:-16}"
MAX_REQUESTS="${MAX_REQUESTS:-1000000}"

PG_HOST=127.0.0.1
PG_PORT=5432
DB_NAME="${DB_NAME:-animo_bench}"
DB_OWNER="${DB_NAME}_owner"
DB_APP="${DB_NAME}_app"

KC_PORT="${KC_PORT:-8380}"
KC_URL="http://localhost:$KC_PORT"
KC_VERSION=26.5.6
KC_INSTANCE="${KC_INSTANCE:-bench}"
PLATFORM_REALM=animo-platform
CLI_CLIENT=animo-cli
OPERATOR=operator
OPERATOR_PASSWORD=bench-pass

APP_PORT="${APP_PORT:-8089}"
APP_URL="http://localhost:$APP_PORT"
GRAPHQL_URL="$APP_URL/graphql"
if [[ -n "${ANIMO_JAR:-}" ]]; then
  JAR="$ANIMO_JAR"
  SKIP_BUILD=1 # a given jar is run as it is; a build would only write target/
else
  JAR=target/quarkus-app/quarkus-run.jar
fi

TENANT_REALM=bench
TENANT_ADMIN=admin
TENANT_ADMIN_PASSWORD=bench-admin-pass

RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
APP_LOG="$RESULTS_DIR/$BENCH_NAME-$STAMP-animo.log"
RESULT_FILE="$RESULTS_DIR/$BENCH_NAME-$STAMP.txt"

# Helpers (log, pg, keycloak, token, graphql, ...), the start-up steps and the clean-up
source "$ROOT/bench/lib.sh"
cleanup_on_exit
# they end up unquoted in SQL and in URLs
[[ "$DB_NAME" =~ ^[a-z_][a-z0-9_]{0,40}$ ]] || die "DB_NAME must be a plain lower-case identifier (got '$DB_NAME')"
[[ "$KC_INSTANCE" =~ ^[a-z0-9][a-z0-9_-]{0,40}$ ]] || die "KC_INSTANCE must be a plain name (got '$KC_INSTANCE')"
check_int KC_PORT "$KC_PORT" 1
check_int APP_PORT "$APP_PORT" 1

# start_single_replica: checks and build first (a failed build leaves nothing behind), then the
# database, Keycloak (only the platform realm imported), Animo, the operator and the tenant
start_single_replica() {
  require_tools curl python3 psql java
  check_int DURATION "$DURATION" 1
  check_int WARMUP "$WARMUP" 0
  check_int CONCURRENCY "$CONCURRENCY" 1
  check_int MAX_REQUESTS "$MAX_REQUESTS" 1
  require_keycloak_port_free
  require_port_free "$APP_PORT"
  require_port_free "$((APP_PORT + 1000))" "the management port of Animo on $APP_PORT"
  mkdir -p "$RESULTS_DIR"
  build_if_missing

  create_database
  start_keycloak
  start_animo "$APP_PORT" "$APP_LOG"
  create_operator
  provision_tenant "$TENANT_REALM" Bench "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD"
  add_cli_client "$TENANT_REALM"
}
