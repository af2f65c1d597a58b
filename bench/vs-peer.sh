#!/usr/bin/env bash
# Peer benchmark: Animo against PostGraphile 4.14.1 (bench/peer/server.js) in the same run, on the same
# database, the same Keycloak tokens and the same machine. End to end like bench/graphql-read.sh: the
# local PostgreSQL with a fresh database, a fresh Keycloak, Animo in prod mode, the tenant "bench"
# provisioned through the API with 200 communities and a thread its admin posts into. The peer connects
# as Animo's app role (row-level security applies to it as to Animo), verifies the same RS256 tokens, maps
# the realm to the same tenant and sets the same transaction-local animo.tenant_id.
#
# Three operations, each loaded with wrk (CONNECTIONS keep-alive connections, closed loop), interleaved:
# a warm-up of each server, then ROUNDS x (Animo, peer), the order alternating each round; the table shows
# the median of the rounds for each side and the ratios Animo/peer:
#   list    communities(first: 20) { totalCount edges { node { id name slug } } }   (200 in the tenant)
#   single  community(id:) { id name slug description }
#   post    messagePost into one thread (membership and standing checked, message and activity stored)
# It also measures, for each server, the time from launching the process to the first answered GraphQL
# request (against the populated database), its RSS after the warm-up and at the end, and the CPU time its
# process spent per request, and the CPU time all PostgreSQL processes spent per request meanwhile. Before any load it checks one answer of each
# operation on each side, and that the peer refuses a request without a token and one with a forged token;
# during the load wrk counts non-2xx answers and bench/peer/graphql.lua answers with GraphQL errors; for post,
# the messages and activities stored are counted. Any error voids the comparison (the table says so).
# Everything it started or created is removed on exit, whatever happens.
#
#   bash bench/vs-peer.sh
#
# Environment (defaults in brackets):
#   DURATION [20]      measured seconds of each run
#   WARMUP [60]        warm-up seconds of each server before each operation (0: none; on 2 shared cores
#                      the JIT still compiles hot paths 30 s in, which made rounds of one run differ by half)
#   ROUNDS [3]         measured rounds per operation (each: one run of each server)
#   CONNECTIONS [16]   wrk connections; WRK_THREADS [1] wrk threads
#   OPERATIONS ["list single post"]  the operations to measure, in this order (a subset to study one)
#   PEER_PORT [8090]   the peer; PEER_POOL_SIZE [32] its connections (Animo's reactive pool: 32)
#   DB_NAME, KC_PORT, KC_INSTANCE, APP_PORT, ANIMO_JAR, SKIP_BUILD=1, ANIMO_JAVA_OPTS: bench/single-replica.sh
# Needs wrk, node (20) and npm; `npm ci` installs the peer (bench/peer/package-lock.json) when
# bench/peer/node_modules is missing. Results, wrk's raw output, the request bodies and both servers' logs
# go to bench/results/ (ignored by git). Exit status 1 when a server answered errors during the load
# (the table says so); the numbers of such a run are not a comparison.
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_NAME=vs-peer
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-60}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-16}"
WRK_THREADS="${WRK_THREADS:-1}"
PEER_PORT="${PEER_PORT:-8090}"
PEER_POOL_SIZE="${PEER_POOL_SIZE:-32}"
CONCURRENCY="$CONNECTIONS" # what bench/single-replica.sh checks
COMMUNITIES=200
PICK=100 # the community read by "single"
PEER_DIR="$ROOT/bench/peer"
POSTGRAPHILE_VERSION=4.14.1

# The GraphQL documents of each side
ANIMO_LIST='query Communities { communities(first: 20) { totalCount edges { node { id name slug } } } }'
PEER_LIST='query Communities { allCommunities(first: 20, orderBy: [CREATED_AT_DESC, ID_DESC]) { totalCount edges { node { id name slug } } } }'
ANIMO_SINGLE='query Community($id: ID!) { community(id: $id) { id name slug description } }'
PEER_SINGLE='query Community($id: UUID!) { communityById(id: $id) { id name slug description } }'
ANIMO_POST='mutation Post($input: MessagePostInput!) { messagePost(input: $input) { outcome message { id } userErrors { code } } }'
PEER_POST='mutation Post($input: MessagePostInput!) { messagePost(input: $input) { message { id } } }'
# about 200 characters of ordinary text (as bench/graphql-post.sh); the same body every time: neither side refuses duplicates
BODY='Thanks for the update on the new release. I tried the beta on my phone yesterday and the sync feels much faster than before; the only thing I miss is the dark mode toggle in settings. Any news on that?'
read -r -a OPERATIONS <<<"${OPERATIONS:-list single post}"

source "$ROOT/bench/single-replica.sh"

RUN_DIR="$RESULTS_DIR/$BENCH_NAME-$STAMP"
ANIMO_RUN_LOG="$RESULTS_DIR/$BENCH_NAME-$STAMP-animo-measured.log"
PEER_LOG="$RESULTS_DIR/$BENCH_NAME-$STAMP-peer.log"
PEER_URL="http://localhost:$PEER_PORT/graphql"

check_int ROUNDS "$ROUNDS" 1
for op in "${OPERATIONS[@]}"; do
  [[ "$op" =~ ^(list|single|post)$ ]] || die "OPERATIONS: unknown operation $op (list, single, post)"
done
[[ ${#OPERATIONS[@]} -gt 0 ]] || die "OPERATIONS is empty"
check_int CONNECTIONS "$CONNECTIONS" 1
check_int WRK_THREADS "$WRK_THREADS" 1
check_int PEER_PORT "$PEER_PORT" 1
check_int PEER_POOL_SIZE "$PEER_POOL_SIZE" 1
[[ "$CONNECTIONS" -ge "$WRK_THREADS" ]] || die "CONNECTIONS must be at least WRK_THREADS"
require_tools wrk node npm
require_port_free "$PEER_PORT" "the peer"

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
now_ms() { echo $(($(date +%s%N) / 1000000)); }

CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { # PID: CPU time (user + system) of the process so far, in clock ticks
  local stat fields
  read -r stat <"/proc/$1/stat" || die "process $1 is gone"
  read -r -a fields <<<"${stat##*) }" # fields 3.. of proc(5): utime and stime are the 12th and 13th here
  echo $((fields[11] + fields[12]))
}

# CPU time (user + system) of all processes named postgres so far, in clock ticks; a backend that has exited
# counts through its parent's cutime and cstime (the postmaster waits for its children)
postgres_ticks() {
  python3 - <<'PY'
import glob
total = 0
for path in glob.glob("/proc/[0-9]*/stat"):
    try:
        stat = open(path).read()
    except OSError:
        continue  # exited meanwhile
    name, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
    if name == "postgres":
        total += sum(int(t) for t in rest[11:15])
print(total)
PY
}

rss_mb() { # PID: resident set size in MB (ps -o rss)
  local kb
  kb="$(ps -o rss= -p "$1" | tr -d ' ')"
  [[ -n "$kb" ]] || die "process $1 is gone"
  echo "$((kb / 1024))"
}

# body_file NAME DOCUMENT [VARIABLES_JSON]: the JSON body in RUN_DIR/NAME.json; prints its path
body_file() {
  graphql_body "$2" "${3:-}" >"$RUN_DIR/$1.json"
  echo "$RUN_DIR/$1.json"
}

# post_file URL BODY_FILE: the response body (any status)
post_file() {
  curl -sS -m 10 -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
    --data-binary "@$2" "$1"
}

# await_first_answer LABEL PID URL BODY_FILE START_MS LOG: polls (every 50 ms) until the request gets
# data without errors; prints the milliseconds since START_MS
await_first_answer() {
  local label="$1" pid="$2" url="$3" file="$4" start="$5" log_file="$6" response deadline
  deadline=$(($(now_ms) + 180000))
  while true; do
    response="$(post_file "$url" "$file" 2>/dev/null || true)"
    if [[ "${response//[[:space:]]/}" == *'"data":{'* && "$response" != *'"errors"'* ]]; then
      echo $(($(now_ms) - start))
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -40 "$log_file" >&2
      die "$label exited during start-up"
    fi
    if [[ "$(now_ms)" -gt "$deadline" ]]; then
      tail -40 "$log_file" >&2
      die "$label answered no GraphQL request in 180 s (last answer: ${response:0:300})"
    fi
    sleep 0.05
  done
}

# check_sample LABEL KIND RESPONSE COMMUNITIES PICK: the response of one request is what the load expects
# (no errors, the right data); KIND: list, single, post-animo, post-peer
check_sample() {
  python3 - "$@" <<'PY' || die "$1: unexpected answer: ${3:0:600}"
import json, sys
label, kind, text = sys.argv[1], sys.argv[2], sys.argv[3]
communities, pick = int(sys.argv[4]), sys.argv[5]
doc = json.loads(text)
assert "errors" not in doc, "errors"
data = doc["data"]
if kind == "list":
    page = next(iter(data.values()))
    assert page["totalCount"] == communities, f"totalCount {page['totalCount']}"
    assert len(page["edges"]) == 20 and page["edges"][0]["node"]["slug"] == f"bench-{communities}", "first page"
elif kind == "single":
    node = next(iter(data.values()))
    assert node["slug"] == f"bench-{pick}" and node["description"], "community"
elif kind == "post-animo":
    post = data["messagePost"]
    assert post["outcome"] == "PUBLISHED" and post["userErrors"] == [] and post["message"]["id"], "not published"
elif kind == "post-peer":
    assert data["messagePost"]["message"]["id"], "no message"
PY
}

# rows_posted: "<messages> <MESSAGE_POSTED activities>" in the database (all tenants)
rows_posted() {
  local counts
  counts="$(pg -d "$DB_NAME" -F ' ' -c "select (select count(*) from message), (select count(*) from activity where kind = 'MESSAGE_POSTED')")" \
    || die "PostgreSQL did not answer the row count (restarted?): the run is void"
  [[ "$counts" =~ ^[0-9]+\ [0-9]+$ ]] || die "unexpected row count: $counts"
  echo "$counts"
}

# run_wrk SERVER OPERATION SECONDS TAG: one wrk run; its raw output in RUN_DIR; prints
# "rps=.. p50_ms=.. p99_ms=.. requests=.. non2xx=.. socket_errors=.. bad_status=.. graphql_errors=.. cpu_ms_per_request=..
#  pg_cpu_ms_per_request=.. stored=.. activities=.." (cpu: of the server's process; pg_cpu: of all PostgreSQL processes; stored, activities: messages and
# MESSAGE_POSTED activities stored during the run, for post; -1 otherwise)
run_wrk() {
  local server="$1" op="$2" seconds="$3" tag="$4" url pid out before=(0 0) after=(0 0) stored=-1 activities=-1 ticks pg_ticks counts
  url="$GRAPHQL_URL"
  pid="$animo_pid"
  if [[ "$server" == peer ]]; then
    url="$PEER_URL"
    pid="$peer_pid"
  fi
  out="$RUN_DIR/wrk-$op-$server-$tag.txt"
  if [[ "$op" == post ]]; then
    counts="$(rows_posted)"
    read -r -a before <<<"$counts"
  fi
  ticks="$(cpu_ticks "$pid")"
  pg_ticks="$(postgres_ticks)"
  WRK_BODY_FILE="$RUN_DIR/$server-$op.json" WRK_TOKEN="$BENCH_TOKEN" \
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency --timeout 10s -s "$PEER_DIR/graphql.lua" \
    "$url" >"$out" 2>&1 || die "wrk failed: $(tail -5 "$out")"
  ticks=$(($(cpu_ticks "$pid") - ticks))
  pg_ticks=$(($(postgres_ticks) - pg_ticks))
  if [[ "$op" == post ]]; then
    sleep 0.5 # requests still in flight when wrk stopped
    counts="$(rows_posted)"
    read -r -a after <<<"$counts"
    stored=$((after[0] - before[0]))
    activities=$((after[1] - before[1]))
  fi
  python3 - "$out" "$stored" "$activities" "$ticks" "$CLK_TCK" "$pg_ticks" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def num(pattern, default=None):
    m = re.search(pattern, text, re.M)
    if m is None:
        if default is None:
            sys.exit(f"cannot read {pattern!r} in {sys.argv[1]}")
        return default
    return m.group(1)
def percentile(p):
    m = re.search(r"^\s+" + p + r"%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    if m is None:
        sys.exit(f"no {p}% latency in {sys.argv[1]}")
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]
rps = float(num(r"^Requests/sec:\s+([\d.]+)"))
p50, p99 = percentile("50"), percentile("99")
requests = int(num(r"^\s+(\d+) requests in"))
non2xx = int(num(r"^\s+Non-2xx or 3xx responses:\s+(\d+)", "0"))
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
socket_errors = sum(int(x) for x in sock.groups()) if sock else 0
g = re.search(r"^graphql: responses=(\d+) bad_status=(\d+) graphql_errors=(\d+)", text, re.M)
if g is None:
    sys.exit(f"no graphql line in {sys.argv[1]}")
cpu_ms = int(sys.argv[4]) * 1000 / int(sys.argv[5])
pg_cpu_ms = int(sys.argv[6]) * 1000 / int(sys.argv[5])
print(f"rps={rps:.1f} p50_ms={p50:.2f} p99_ms={p99:.2f} requests={requests} non2xx={non2xx} socket_errors={socket_errors} "
      f"bad_status={g.group(2)} graphql_errors={g.group(3)} cpu_ms_per_request={cpu_ms / max(requests, 1):.3f} "
      f"pg_cpu_ms_per_request={pg_cpu_ms / max(requests, 1):.3f} "
      f"stored={sys.argv[2]} activities={sys.argv[3]}")
PY
}

# errors_of RESULT_LINE: the failed requests of a run
errors_of() {
  local non2xx bad
  non2xx="$(field "$1" non2xx)"
  bad="$(field "$1" bad_status)"
  [[ "$bad" -gt "$non2xx" ]] && non2xx="$bad"
  echo $((non2xx + $(field "$1" socket_errors) + $(field "$1" graphql_errors)))
}

# ---------------------------------------------------------------------------------------------
# 0. The peer's packages (before anything starts: a failure leaves nothing behind)
# ---------------------------------------------------------------------------------------------
if [[ ! -d "$PEER_DIR/node_modules" ]]; then
  log "installing the peer (npm ci in bench/peer)"
  (cd "$PEER_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in bench/peer"
fi
installed="$(cd "$PEER_DIR" && node -p 'require("postgraphile/package.json").version')"
[[ "$installed" == "$POSTGRAPHILE_VERSION" ]] \
  || die "bench/peer/node_modules has PostGraphile $installed, not $POSTGRAPHILE_VERSION: remove it (npm ci reinstalls)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > 1.0 else 1)' "${load_before%% *}"; then
  log "warning: load average ${load_before%% *} before anything started: other work shares the cores"
fi

# ---------------------------------------------------------------------------------------------
# 1. Database, Keycloak, Animo, the tenant; data: 200 communities, a thread with a member
# ---------------------------------------------------------------------------------------------
start_single_replica
mkdir -p "$RUN_DIR"
long_lived_tokens "$TENANT_REALM" # the whole run outlives a default token
raise_tenant_limits "$TENANT_REALM" # Animo's per-tenant cost budget must not throttle the benchmark
BENCH_TOKEN="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
[[ -n "$BENCH_TOKEN" ]] || die "no token for the tenant admin"

log "creating $COMMUNITIES communities"
create_communities "$BENCH_TOKEN" "$COMMUNITIES" Bench "A community of the peer benchmark"
single_gid="${CREATED_COMMUNITY_IDS[PICK - 1]}"
single_uuid="$(pg -d "$DB_NAME" -c "select id from community where slug = 'bench-$PICK'")"
log "the admin joins bench-1 and opens a thread there"
join_community "$BENCH_TOKEN" "${CREATED_COMMUNITY_IDS[0]}"
thread_gid="$(create_thread "$BENCH_TOKEN" "${CREATED_COMMUNITY_IDS[0]}" "Release feedback" "Tell us")"
thread_uuid="$(pg -d "$DB_NAME" -c "select id from thread where title = 'Release feedback'")"
[[ -n "$single_uuid" && -n "$thread_uuid" && -n "$single_gid" && -n "$thread_gid" ]] || die "missing ids"
# nothing may refuse or slow a repeated post, on either side: no slow mode, pre-moderation, read-only,
# guidelines gate, and no rules (flood rules included)
modes="$(pg -d "$DB_NAME" -c "select slow_mode_seconds, pre_moderation, read_only, guidelines_acknowledgement_required
  from community where slug = 'bench-1'")"
[[ "$modes" == '0|f|f|f' ]] || die "bench-1 has modes on: $modes"
[[ "$(pg -d "$DB_NAME" -c 'select count(*) from moderation_rule')" == 0 ]] || die "the tenant has rules"

log "applying bench/peer/peer-schema.sql as $DB_OWNER"
PGPASSWORD="$DB_OWNER" PGCONNECT_TIMEOUT=5 psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_OWNER" -d "$DB_NAME" \
  -v ON_ERROR_STOP=1 -v app_role="$DB_APP" -qAtX -f "$PEER_DIR/peer-schema.sql" >/dev/null

body_file animo-list "$ANIMO_LIST" >/dev/null
body_file peer-list "$PEER_LIST" >/dev/null
body_file animo-single "$ANIMO_SINGLE" "{\"id\":\"$single_gid\"}" >/dev/null
body_file peer-single "$PEER_SINGLE" "{\"id\":\"$single_uuid\"}" >/dev/null
post_variables() { python3 -c 'import json, sys; print(json.dumps({"input": {"threadId": sys.argv[1], "body": sys.argv[2]}}))' "$1" "$BODY"; }
body_file animo-post "$ANIMO_POST" "$(post_variables "$thread_gid")" >/dev/null
body_file peer-post "$PEER_POST" "$(post_variables "$thread_uuid")" >/dev/null

# ---------------------------------------------------------------------------------------------
# 2. Each server started against the populated database: launch to first answered request
# ---------------------------------------------------------------------------------------------
stop_pid "Animo (set-up)" "${APP_PIDS[0]}" 30 || true # its exit status (143) is no error
require_port_free "$APP_PORT"
start="$(now_ms)"
launch_animo "$APP_PORT" "$ANIMO_RUN_LOG" Animo
animo_pid="$LAUNCHED_PID"
animo_start_ms="$(await_first_answer Animo "$animo_pid" "$GRAPHQL_URL" "$RUN_DIR/animo-list.json" "$start" "$ANIMO_RUN_LOG")"
log "Animo answered its first request $animo_start_ms ms after launch"

log "starting the peer (PostGraphile $POSTGRAPHILE_VERSION) on port $PEER_PORT (log: $PEER_LOG)"
start="$(now_ms)"
NODE_ENV=production PEER_PORT="$PEER_PORT" PEER_POOL_SIZE="$PEER_POOL_SIZE" KC_URL="$KC_URL" PLATFORM_REALM="$PLATFORM_REALM" \
  PEER_DATABASE_URL="postgres://$DB_APP:$DB_APP@$PG_HOST:$PG_PORT/$DB_NAME" \
  node "$PEER_DIR/server.js" >"$PEER_LOG" 2>&1 &
peer_pid=$!
BG_PIDS+=("$peer_pid")
peer_start_ms="$(await_first_answer peer "$peer_pid" "$PEER_URL" "$RUN_DIR/peer-list.json" "$start" "$PEER_LOG")"
log "the peer answered its first request $peer_start_ms ms after launch"

# the peer refuses what Animo refuses: no token, a token whose signature does not match
status="$(curl -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$RUN_DIR/peer-list.json" "$PEER_URL")"
[[ "$status" == 401 ]] || die "the peer answered $status without a token"
forged="$(python3 -c 'import sys; h, p, s = sys.argv[1].split("."); i = len(s) // 2; print(".".join([h, p, s[:i] + ("A" if s[i] != "A" else "B") + s[i + 1:]]))' "$BENCH_TOKEN")"
status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $forged" -H 'Content-Type: application/json' \
  --data-binary "@$RUN_DIR/peer-list.json" "$PEER_URL")"
[[ "$status" == 401 ]] || die "the peer answered $status to a forged token"

# one request of each operation on each side, checked, before any load
for op in "${OPERATIONS[@]}"; do
  kind="$op"
  [[ "$op" == post ]] && kind=post-animo
  check_sample "Animo $op" "$kind" "$(post_file "$GRAPHQL_URL" "$RUN_DIR/animo-$op.json")" "$COMMUNITIES" "$PICK"
  [[ "$op" == post ]] && kind=post-peer
  check_sample "peer $op" "$kind" "$(post_file "$PEER_URL" "$RUN_DIR/peer-$op.json")" "$COMMUNITIES" "$PICK"
done
log "sample answers of both servers are right for all three operations"

# ---------------------------------------------------------------------------------------------
# 3. Load, interleaved
# ---------------------------------------------------------------------------------------------
declare -A RESULTS=()       # [op,server,round] = result line
declare -A WARMUP_ERRORS=() # [op,server]
animo_rss_warm="" peer_rss_warm=""
for op in "${OPERATIONS[@]}"; do
  if [[ "$WARMUP" -gt 0 ]]; then
    for server in animo peer; do
      log "$op: warm-up of $server (${WARMUP} s)"
      line="$(run_wrk "$server" "$op" "$WARMUP" warmup)"
      WARMUP_ERRORS[$op,$server]="$(errors_of "$line")"
    done
  fi
  if [[ -z "$animo_rss_warm" ]]; then
    animo_rss_warm="$(rss_mb "$animo_pid")"
    peer_rss_warm="$(rss_mb "$peer_pid")"
  fi
  for round in $(seq 1 "$ROUNDS"); do
    order=(animo peer)
    ((round % 2 == 0)) && order=(peer animo)
    for server in "${order[@]}"; do
      line="$(run_wrk "$server" "$op" "$DURATION" "round$round")"
      log "$op round $round $server: $line"
      RESULTS[$op,$server,$round]="$line"
    done
  done
done
animo_rss_end="$(rss_mb "$animo_pid")"
peer_rss_end="$(rss_mb "$peer_pid")"

# ---------------------------------------------------------------------------------------------
# 4. Report
# ---------------------------------------------------------------------------------------------
# summary OP SERVER: "rps=<median> p99_ms=<median> errors=<sum> requests=<sum> stored=<sum>" over the rounds
summary() {
  local lines=() round
  for round in $(seq 1 "$ROUNDS"); do
    lines+=("${RESULTS[$1,$2,$round]} errors=$(errors_of "${RESULTS[$1,$2,$round]}")")
  done
  python3 - "${lines[@]}" <<'PY'
import statistics, sys
rows = [dict(kv.split("=", 1) for kv in line.split()) for line in sys.argv[1:]]
print("rps=%.1f p99_ms=%.2f cpu=%.3f pg_cpu=%.3f errors=%d requests=%d stored=%d activities=%d" % (
    statistics.median(float(r["rps"]) for r in rows), statistics.median(float(r["p99_ms"]) for r in rows),
    statistics.median(float(r["cpu_ms_per_request"]) for r in rows),
    statistics.median(float(r["pg_cpu_ms_per_request"]) for r in rows),
    sum(int(r["errors"]) for r in rows), sum(int(r["requests"]) for r in rows),
    sum(int(r["stored"]) for r in rows), sum(int(r["activities"]) for r in rows)))
PY
}
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])) if float(sys.argv[2]) > 0 else "n/a")' "$1" "$2"; }

declare -A LABELS=(
  [list]='list: `communities(first: 20)` / `allCommunities(first: 20)`'
  [single]='single: `community(id:)` / `communityById(id:)`'
  [post]='post: `messagePost` / `messagePost` (function)'
)
invalid=0
warnings=()
table=()
cpu_table=()
post_note=""
for op in "${OPERATIONS[@]}"; do
  a="$(summary "$op" animo)"
  p="$(summary "$op" peer)"
  a_errors="$(field "$a" errors)"
  p_errors="$(field "$p" errors)"
  bad=0
  if [[ "$a_errors" != 0 || "$p_errors" != 0 ]]; then
    bad=1
    warnings+=("WARNING: $op: Animo answered $a_errors and the peer $p_errors requests with errors (non-2xx, GraphQL errors or socket errors): NOT A VALID COMPARISON")
  fi
  for server in animo peer; do
    if [[ "${WARMUP_ERRORS[$op,$server]:-0}" != 0 ]]; then
      bad=1
      warnings+=("WARNING: $op: $server answered ${WARMUP_ERRORS[$op,$server]} requests of its warm-up with errors: NOT A VALID COMPARISON")
    fi
  done
  if [[ "$op" == post ]]; then
    for server in animo peer; do
      s="$a"
      [[ "$server" == peer ]] && s="$p"
      stored="$(field "$s" stored)"
      requests="$(field "$s" requests)"
      # each answer stored one message and one activity; requests in flight when wrk stopped may add some
      if [[ "$stored" -lt "$requests" || "$stored" -gt $((requests + CONNECTIONS * ROUNDS)) \
        || "$(field "$s" activities)" != "$stored" ]]; then
        bad=1
        warnings+=("WARNING: post: $server got $requests answers but $stored messages and $(field "$s" activities) activities were stored: NOT A VALID COMPARISON")
      fi
    done
  fi
  if [[ "$bad" == 1 ]]; then
    invalid=1
    rps_ratio="**INVALID**"
    p99_ratio="**INVALID**"
  else
    rps_ratio="$(ratio "$(field "$a" rps)" "$(field "$p" rps)")"
    p99_ratio="$(ratio "$(field "$a" p99_ms)" "$(field "$p" p99_ms)")"
  fi
  table+=("$(printf '| %s | %s | %s ms | %s | %s ms | %s | %s | %s / %s |' "${LABELS[$op]}" \
    "$(field "$a" rps)" "$(field "$a" p99_ms)" "$(field "$p" rps)" "$(field "$p" p99_ms)" \
    "$rps_ratio" "$p99_ratio" "$a_errors" "$p_errors")")
  cpu_table+=("$(printf '| %s | %s ms | %s ms | %s | %s ms | %s ms |' "${LABELS[$op]%%:*}" "$(field "$a" cpu)" \
    "$(field "$p" cpu)" "$(ratio "$(field "$a" cpu)" "$(field "$p" cpu)")" "$(field "$a" pg_cpu)" "$(field "$p" pg_cpu)")")
  if [[ "$op" == post ]]; then
    post_note="post, stored during the measured runs: Animo $(field "$a" stored) messages and $(field "$a" activities) activities for $(field "$a" requests) answers, peer $(field "$p" stored) and $(field "$p" activities) for $(field "$p" requests)"
  fi
done

java_version="$(java -version 2>&1)"
java_version="${java_version%%$'\n'*}"
pg_version="$(pg -c 'show server_version')"
cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | sed -n 1p || true)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
wrk_version="$(wrk -v 2>&1 | sed -n 's/^\(wrk [^ ]*\).*/\1/p' || true)"
{
  echo "== Animo vs PostGraphile $POSTGRAPHILE_VERSION, $STAMP =="
  echo "commit:        $commit (jar: $JAR)"
  echo "nproc:         $(nproc) (Animo, the peer, PostgreSQL, Keycloak and wrk share them)"
  echo "cpu:           ${cpu_model:-unknown}"
  echo "load average:  $load_before before the run"
  echo "jvm:           $java_version ${ANIMO_JAVA_OPTS:+(ANIMO_JAVA_OPTS=$ANIMO_JAVA_OPTS)}"
  echo "node:          $(node -v), PostGraphile $installed, pool $PEER_POOL_SIZE"
  echo "postgresql:    $pg_version (127.0.0.1:$PG_PORT)"
  echo "keycloak:      $KC_VERSION (localhost:$KC_PORT)"
  echo "load:          $wrk_version: -t$WRK_THREADS -c$CONNECTIONS, keep-alive; ${WARMUP} s warm-up of each server per"
  echo "               operation, then $ROUNDS round(s) x (Animo ${DURATION} s, peer ${DURATION} s), order alternating"
  echo "data:          1 tenant, $COMMUNITIES communities; posts by the tenant admin (a member) into one thread"
  echo
  echo "Medians over the rounds (req/s and p99 each); ratios Animo/peer (req/s: above 1 = Animo serves more;"
  echo "p99: below 1 = Animo answers faster)."
  echo
  echo "| operation (Animo / peer) | Animo req/s | Animo p99 | peer req/s | peer p99 | req/s Animo/peer | p99 Animo/peer | errors Animo / peer |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${table[@]}"
  echo
  echo "| | Animo | peer |"
  echo "|---|---|---|"
  echo "| launch to first answered GraphQL request | $animo_start_ms ms | $peer_start_ms ms |"
  echo "| RSS after the warm-up (first operation) | $animo_rss_warm MB | $peer_rss_warm MB |"
  echo "| RSS at the end | $animo_rss_end MB | $peer_rss_end MB |"
  echo
  echo "CPU time per request (median over the rounds): of the server's process, and of all PostgreSQL processes meanwhile:"
  echo
  echo "| operation | Animo | peer | Animo/peer | PostgreSQL, for Animo | PostgreSQL, for the peer |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${cpu_table[@]}"
  echo
  echo "$post_note"
  echo
  echo "Rounds:"
  for op in "${OPERATIONS[@]}"; do
    for round in $(seq 1 "$ROUNDS"); do
      for server in animo peer; do
        echo "  $op round $round $server: ${RESULTS[$op,$server,$round]}"
      done
    done
  done
  echo
  echo "Documents:"
  for op in "${OPERATIONS[@]}"; do
    for server in animo peer; do
      echo "  $server $op: $(cat "$RUN_DIR/$server-$op.json")"
    done
  done
  echo "wrk output and request bodies: $RUN_DIR"
  if python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) > 1.0 else 1)' "${load_before%% *}"; then
    echo
    echo "NOTE: the load average was ${load_before%% *} before this run started: other processes used these cores,"
    echo "      so throughput and latency are not reliable (CPU per request is less sensitive to that)."
  fi
  if [[ ${#warnings[@]} -gt 0 ]]; then
    echo
    printf '%s\n' "${warnings[@]}"
  fi
} | tee "$RESULT_FILE"
log "results saved in $RESULT_FILE"
if [[ "$invalid" == 1 ]]; then
  log "a server answered errors: this run is not a comparison"
  exit 1
fi
