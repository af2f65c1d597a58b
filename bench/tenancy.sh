#!/usr/bin/env bash
# Tenancy at scale: provisions TENANTS tenants through tenantProvision, one after the other, against one
# Keycloak in production mode on the local PostgreSQL, and prints at each checkpoint (1, 10, 100, 500,
# 1,000 tenants by default): provisioning time p50 / p95 of the last 10, Keycloak's RSS and heap, token
# (client credentials, refresh) and JWKS latency in the first and the last tenant, Animo's heap per
# tenant once every tenant has been served; at the end, Keycloak's restart time and the first
# provisioning after it. Ratios against the first checkpoint, all from this one run.
#
#   bench/tenancy.sh            # SKIP_BUILD=1 to use the jar as built
#
# Environment: TENANTS [1000], CHECKPOINTS ["1 10 100 500 1000"], KC_HEAP [-Xms256m -Xmx1536m],
# KC_CACHE_MAX_COUNT [200000] (Keycloak's realms and users caches), KC_PORT [8480], APP_PORT [8091].
# About 30 minutes for 1,000 tenants on 2 cores.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

TENANTS="${TENANTS:-1000}"
CHECKPOINTS="${CHECKPOINTS:-1 10 100 500 1000}"

PG_HOST=127.0.0.1
PG_PORT=5432
DB_NAME=animo_bench_tenancy
DB_OWNER="${DB_NAME}_owner"
DB_APP="${DB_NAME}_app"
KC_DB=keycloak_bench_tenancy

KC_PORT="${KC_PORT:-8480}"
KC_URL="http://localhost:$KC_PORT"
KC_VERSION=26.5.6
KC_INSTANCE=bench-tenancy
PLATFORM_REALM=animo-platform
CLI_CLIENT=animo-cli
OPERATOR=operator
OPERATOR_PASSWORD=bench-pass

APP_PORT="${APP_PORT:-8091}"
GRAPHQL_URL="http://localhost:$APP_PORT/graphql"
JAR=target/quarkus-app/quarkus-run.jar
LOG_TAG=tenancy

RESULTS_DIR="$ROOT/bench/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULT_FILE="$RESULTS_DIR/tenancy-$STAMP.txt"

source "$ROOT/bench/lib.sh"
cleanup_on_exit

# Keycloak's own database: production mode never runs on the built-in one
drop_keycloak_database() {
  pg -c "drop database if exists $KC_DB with (force)"
  pg -c "drop role if exists $KC_DB"
}
# (set +e: a failing step of the clean-up must not skip the rest)
trap 'rc=$?; set +e; keycloak stop >/dev/null 2>&1; drop_keycloak_database >/dev/null 2>&1; (exit $rc); cleanup' EXIT

require_tools curl python3 psql java
check_int TENANTS "$TENANTS" 1
require_keycloak_port_free
require_port_free "$APP_PORT"
mkdir -p "$RESULTS_DIR"
build_if_missing

create_database
drop_keycloak_database
pg -c "create role $KC_DB login password '$KC_DB'"
pg -c "create database $KC_DB owner $KC_DB"
export ANIMO_KEYCLOAK_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$KC_DB"
export ANIMO_KEYCLOAK_DB_USERNAME="$KC_DB" ANIMO_KEYCLOAK_DB_PASSWORD="$KC_DB"
export JAVA_OPTS_KC_HEAP="${KC_HEAP:--Xms256m -Xmx1536m}"
# Keycloak's realms cache holds 10,000 entries by default: the roles and clients of about 500 realms
export ANIMO_KEYCLOAK_CACHE_MAX_COUNT="${KC_CACHE_MAX_COUNT:-200000}"
log "PostgreSQL autovacuum: $(pg -c 'show autovacuum') (off: the bench analyzes Keycloak's database every 100 tenants)"
start_keycloak
create_operator
start_animo "$APP_PORT" "$RESULTS_DIR/tenancy-$STAMP-animo.log"

log "provisioning $TENANTS tenants; checkpoints at $CHECKPOINTS"
python3 "$ROOT/bench/tenancy.py" \
  --graphql "$GRAPHQL_URL" --keycloak "$KC_URL" --animo-pid "${APP_PIDS[0]}" \
  --platform-realm "$PLATFORM_REALM" --client "$CLI_CLIENT" --operator "$OPERATOR" --operator-password "$OPERATOR_PASSWORD" \
  --tenants "$TENANTS" --checkpoints "$CHECKPOINTS" \
  --keycloak-pid-file "${ANIMO_CACHE_DIR:-$HOME/.cache/animo}/keycloak-$KC_VERSION-$KC_INSTANCE/keycloak.pid" \
  --keycloak-script "$ROOT/deploy/keycloak/keycloak.sh" --keycloak-instance "$KC_INSTANCE" \
  --keycloak-database "$KC_DB" \
  | tee "$RESULT_FILE"
log "results in $RESULT_FILE"
