#!/usr/bin/env bash
# Runs a real Keycloak (org.keycloak:keycloak-quarkus-dist from Maven Central) for Animo.
#
#   deploy/keycloak/keycloak.sh start|stop|status|url
#
# Environment:
#   ANIMO_KEYCLOAK_PORT      HTTP port (default 8180)
#   ANIMO_KEYCLOAK_INSTANCE  name of the instance, so dev and test never share data (default dev)
#   ANIMO_KEYCLOAK_FRESH     when "true", start from an empty database (tests)
#   ANIMO_CACHE_DIR          where the distribution is unpacked once and kept (default ~/.cache/animo)
#   ANIMO_KEYCLOAK_ADMIN_PASSWORD  bootstrap admin password of the master realm (default admin: local use only)
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
    nohup bin/kc.sh start-dev --http-port="$PORT" --hostname="$URL" \
      --http-management-port="$((PORT + 1))" --import-realm >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
  )
  for _ in $(seq 1 180); do
    if is_up; then
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
