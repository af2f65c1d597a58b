#!/usr/bin/env bash
# Real clients against live engagement: the reference graphql-ws client and Apollo Client
# (GraphQLWsLink), unmodified, subscribe to engagementUpdated on one Animo, a message is posted,
# both must see the figures move; a client of another tenant must be refused the community, and a
# client resuming with its last token must get nothing while nothing changed. The same parts as
# bench/graphql-read.sh (local PostgreSQL with a fresh database, a fresh Keycloak on port 8380, Animo
# in prod mode on port 8089), two tenants provisioned through the API. PASS (exit 0) or FAIL.
#
#   bash bench/live-clients.sh
#
# Needs node 20 and npm: the clients' exact versions are in bench/clients/package.json, installed
# with npm ci when bench/clients/node_modules is missing. Environment: SKIP_BUILD=1, ANIMO_JAVA_OPTS.
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_NAME=live-clients
CLIENTS_DIR="$ROOT/bench/clients"
source "$ROOT/bench/single-replica.sh"
require_tools node npm
if [[ ! -d "$CLIENTS_DIR/node_modules" ]]; then
  log "installing the reference clients (npm ci in bench/clients)"
  (cd "$CLIENTS_DIR" && npm ci --no-audit --no-fund >/dev/null)
fi
start_single_replica
provision_tenant outsider Outsider admin outsider-admin-pass
add_cli_client outsider
admin_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
outsider_token="$(token outsider admin outsider-admin-pass)"
[[ -n "$admin_token" && -n "$outsider_token" ]] || die "no tokens"
create_communities "$admin_token" 1 Live
community_id="${CREATED_COMMUNITY_IDS[0]}"
join_community "$admin_token" "$community_id"
thread_id="$(create_thread "$admin_token" "$community_id" "Release feedback" "Tell us")"

log "graphql-ws $(cd "$CLIENTS_DIR" && node -p 'require("./node_modules/graphql-ws/package.json").version'), @apollo/client $(cd "$CLIENTS_DIR" && node -p 'require("./node_modules/@apollo/client/package.json").version')"
set +e
(cd "$CLIENTS_DIR" && ANIMO_URL="$APP_URL" TOKEN="$admin_token" OTHER_TOKEN="$outsider_token" \
  COMMUNITY="$community_id" THREAD="$thread_id" node live-clients.mjs) | tee "$RESULT_FILE"
status="${PIPESTATUS[0]}"
set -e
if [[ "$status" == 0 ]]; then
  log "PASS: graphql-ws and Apollo Client work unmodified (results in $RESULT_FILE)"
else
  log "FAIL (results in $RESULT_FILE)"
fi
exit "$status"
