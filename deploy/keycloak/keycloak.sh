#!/usr/bin/env bash
# Runs a real Keycloak (org.keycloak:keycloak-quarkus-dist from Maven Central) for Animo.
#
#   deploy/keycloak/keycloak.sh start|stop|status|url
#
# Environment:
#   ANIMO_KEYCLOAK_PORT      HTTP port (default 8180)
#   ANIMO_KEYCLOAK_INSTANCE  name of the instance, so dev and test never share data (default dev)
#   ANIMO_KEYCLOAK_FRESH     when "true", start from an empty database (tests; dev mode only: in production
#                            mode the caller hands over an empty PostgreSQL database)
#   ANIMO_CACHE_DIR          where the distribution is unpacked once and kept (default ~/.cache/animo)
#   ANIMO_KEYCLOAK_ADMIN_PASSWORD  bootstrap admin password of the master realm (default admin: local use only)
#   ANIMO_KEYCLOAK_PROVISIONER_SECRET  secret of the master clients animo-provisioner (and -2, -3, ...), which
#                            Animo provisions tenant realms with, holding the create-realm role only (default: a local one)
#   ANIMO_KEYCLOAK_PROVISIONING_ACCOUNTS  how many such clients take turns (default 10)
#   ANIMO_KEYCLOAK_DB_URL    a JDBC URL of PostgreSQL: production mode (kc.sh build + start --optimized) on that
#                            database, with ANIMO_KEYCLOAK_DB_USERNAME / ANIMO_KEYCLOAK_DB_PASSWORD; unset: dev
#                            mode with Keycloak's built-in database
#   ANIMO_KEYCLOAK_CACHE_MAX_COUNT  production mode: entries of Keycloak's realms and users caches (its default,
#                            10,000, holds about 500 realms' roles and clients: beyond, lookups go to the database)
#   JAVA_OPTS_KC_HEAP        Keycloak's heap (default -Xms64m -Xmx384m)
set -euo pipefail

KEYCLOAK_VERSION="${ANIMO_KEYCLOAK_VERSION:-26.5.6}"
PORT="${ANIMO_KEYCLOAK_PORT:-8180}"
INSTANCE="${ANIMO_KEYCLOAK_INSTANCE:-dev}"
CACHE_DIR="${ANIMO_CACHE_DIR:-$HOME/.cache/animo}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$HERE/../.." && pwd)"
DIST_DIR="$CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
HOME_DIR="$CACHE_DIR/keycloak-$KEYCLOAK_VERSION-$INSTANCE"
PID_FILE="$HOME_DIR/keycloak.pid"
LOG_FILE="$HOME_DIR/keycloak.log"
URL="http://localhost:$PORT"
DB_URL="${ANIMO_KEYCLOAK_DB_URL:-}"
PROVISIONER_CLIENT="animo-provisioner"
PROVISIONER_SECRET="${ANIMO_KEYCLOAK_PROVISIONER_SECRET:-animo-provisioner-local-secret}"
PROVISIONING_ACCOUNTS="${ANIMO_KEYCLOAK_PROVISIONING_ACCOUNTS:-10}"

log() { echo "[keycloak] $*" >&2; }

fetch_distribution() {
  [[ -x "$DIST_DIR/bin/kc.sh" ]] && return
  mkdir -p "$CACHE_DIR"
  local archive="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
  if [[ ! -f "$archive" ]]; then
    log "downloading keycloak-quarkus-dist $KEYCLOAK_VERSION from Maven Central (once)"
    "$PROJECT_DIR/mvnw" -q -B -f "$PROJECT_DIR/pom.xml" dependency:get \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" -Dtransitive=false >&2
  fi
  local tmp
  tmp="$(mktemp -d "$CACHE_DIR/unpack.XXXXXX")"
  tar -xzf "$archive" -C "$tmp"
  rm -rf "$DIST_DIR"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$DIST_DIR"
  rm -rf "$tmp"
}

prepare_instance() {
  if [[ ! -x "$HOME_DIR/bin/kc.sh" ]]; then
    rm -rf "$HOME_DIR"
    cp -a "$DIST_DIR" "$HOME_DIR"
  fi
  if [[ "${ANIMO_KEYCLOAK_FRESH:-false}" == "true" ]]; then
    rm -rf "$HOME_DIR/data/h2" "$HOME_DIR/data/import"
  fi
  mkdir -p "$HOME_DIR/data/import"
  cp "$HERE/animo-platform-realm.json" "$HOME_DIR/data/import/"
}

is_up() {
  curl -fsS -o /dev/null "$URL/realms/master/.well-known/openid-configuration" 2>/dev/null
}

start() {
  if is_up; then
    ensure_provisioner
    log "already running at $URL"
    echo "$URL"
    return
  fi
  fetch_distribution
  prepare_instance
  log "starting Keycloak $KEYCLOAK_VERSION ($INSTANCE) at $URL, log in $LOG_FILE"
  (
    cd "$HOME_DIR"
    export KC_BOOTSTRAP_ADMIN_USERNAME="${ANIMO_KEYCLOAK_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${ANIMO_KEYCLOAK_ADMIN_PASSWORD:-admin}"
    export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx384m}"
    if [[ -n "$DB_URL" ]]; then
      # production mode: the build step bakes the database vendor into the distribution (once per instance)
      if [[ ! -f "$HOME_DIR/.built-for-postgres" ]]; then
        bin/kc.sh build --db=postgres --health-enabled=true >"$HOME_DIR/build.log" 2>&1
        touch "$HOME_DIR/.built-for-postgres"
      fi
      nohup bin/kc.sh start --optimized --db-url="$DB_URL" --db-username="${ANIMO_KEYCLOAK_DB_USERNAME:-keycloak}" \
        --db-password="${ANIMO_KEYCLOAK_DB_PASSWORD:-keycloak}" --http-enabled=true --http-port="$PORT" \
        --hostname="$URL" --http-management-port="$((PORT + 1))" --import-realm \
        ${ANIMO_KEYCLOAK_CACHE_MAX_COUNT:+--cache-embedded-realms-max-count="$ANIMO_KEYCLOAK_CACHE_MAX_COUNT"} \
        ${ANIMO_KEYCLOAK_CACHE_MAX_COUNT:+--cache-embedded-users-max-count="$ANIMO_KEYCLOAK_CACHE_MAX_COUNT"} \
        >"$LOG_FILE" 2>&1 &
    else
      nohup bin/kc.sh start-dev --http-port="$PORT" --hostname="$URL" \
        --http-management-port="$((PORT + 1))" --import-realm >"$LOG_FILE" 2>&1 &
    fi
    echo $! >"$PID_FILE"
  )
  for _ in $(seq 1 180); do
    if is_up; then
      ensure_provisioner
      log "ready at $URL"
      echo "$URL"
      return
    fi
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      log "Keycloak exited; last lines of $LOG_FILE:"
      tail -30 "$LOG_FILE" >&2
      exit 1
    fi
    sleep 1
  done
  log "Keycloak did not become ready in 180 s; last lines of $LOG_FILE:"
  tail -30 "$LOG_FILE" >&2
  exit 1
}

# admin_api METHOD PATH [JSON]: the master realm's admin REST API as the bootstrap admin
admin_api() {
  local args=(-sS --fail-with-body -X "$1" -H "Authorization: Bearer $ADMIN_TOKEN")
  if [[ $# -ge 3 ]]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$3")
  fi
  curl "${args[@]}" "$URL/admin/realms/master$2"
}

json_field() { python3 -c 'import json, sys; v = json.load(sys.stdin); print(v[0][sys.argv[1]] if isinstance(v, list) else v[sys.argv[1]])' "$1"; }

# The accounts Animo provisions tenants with: confidential clients of the master realm (animo-provisioner,
# animo-provisioner-2, ...) whose service accounts hold create-realm and nothing else, and whose tokens carry
# create-realm only (no full scope). Keycloak makes the creator of a realm that realm's administrator; without
# full scope, the accounts' tokens never carry those roles. Several accounts take turns because each grant to
# an account re-reads all of its earlier ones: one account alone slows down with every realm it created.
# Idempotent.
ensure_provisioner() {
  local i client_id
  for i in $(seq 1 "$PROVISIONING_ACCOUNTS"); do
    client_id="$PROVISIONER_CLIENT"
    [[ "$i" == 1 ]] || client_id="$PROVISIONER_CLIENT-$i"
    ensure_provisioning_account "$client_id"
  done
}

# can_sign_in CLIENT_ID: the client exists with the provisioning secret. Asked of the token endpoint, not of the
# admin API: the master admin's first admin call after a restart walks its admin role, which holds 17 roles per
# realm, and takes minutes with a thousand realms.
can_sign_in() {
  curl -fsS -o /dev/null -d grant_type=client_credentials -d "client_id=$1" \
    --data-urlencode "client_secret=$PROVISIONER_SECRET" "$URL/realms/master/protocol/openid-connect/token" 2>/dev/null
}

admin_login() {
  [[ -n "${ADMIN_TOKEN:-}" ]] && return
  ADMIN_TOKEN="$(curl -sS --fail-with-body -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=${ANIMO_KEYCLOAK_ADMIN_USERNAME:-admin}" \
    --data-urlencode "password=${ANIMO_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    "$URL/realms/master/protocol/openid-connect/token" | json_field access_token)"
}

ensure_provisioning_account() {
  local client_id="$1" client account create_realm defaults
  if can_sign_in "$client_id"; then
    return
  fi
  admin_login
  if [[ "$(admin_api GET "/clients?clientId=$client_id")" != "[]" ]]; then
    log "$client_id exists with another secret than ANIMO_KEYCLOAK_PROVISIONER_SECRET"
    return
  fi
  log "creating the $client_id client (create-realm only) in the master realm"
  admin_api POST /clients "{\"clientId\":\"$client_id\",\"name\":\"Animo tenant provisioning\",
\"enabled\":true,\"publicClient\":false,\"secret\":\"$PROVISIONER_SECRET\",\"serviceAccountsEnabled\":true,
\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false,\"fullScopeAllowed\":false}" >/dev/null
  client="$(admin_api GET "/clients?clientId=$client_id" | json_field id)"
  account="$(admin_api GET "/clients/$client/service-account-user" | json_field id)"
  create_realm="$(admin_api GET /roles/create-realm)"
  defaults="$(admin_api GET /roles/default-roles-master)"
  admin_api POST "/users/$account/role-mappings/realm" "[$create_realm]" >/dev/null
  admin_api DELETE "/users/$account/role-mappings/realm" "[$defaults]" >/dev/null
  admin_api POST "/clients/$client/scope-mappings/realm" "[$create_realm]" >/dev/null
}

stop() {
  if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    local pid
    pid="$(cat "$PID_FILE")"
    # kc.sh execs java in a child: stop the whole group of the launcher
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    log "stopped"
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if is_up; then echo "up $URL"; else echo "down"; exit 1; fi ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
