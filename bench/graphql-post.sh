#!/usr/bin/env bash
# Posting benchmark of the GraphQL API, end to end on this machine: messagePost through /graphql
# with the tenant's rules in force (10 keyword rules of 100 keywords each, so 1,000 keywords, and
# 20 regular expressions, all tenant-wide), each message checked against them, stored, counted as
# an activity. The same parts as bench/graphql-read.sh: the local PostgreSQL with a fresh database,
# a fresh Keycloak on port 8380, Animo in prod mode on port 8089, one tenant provisioned through the
# API. Everything it started or created is removed on exit, whatever happens.
#
#   bash bench/graphql-post.sh
#
# Environment:
#   DURATION      measured seconds (default 20)
#   WARMUP        warm-up seconds, not measured (default 5)
#   CONCURRENCY   load generator workers (default 16)
#   MAX_REQUESTS  hard cap on requests, warm-up included (default 1000000)
#   SKIP_BUILD=1  never build; use target/quarkus-app/quarkus-run.jar as it is
#   ANIMO_JAVA_OPTS  extra JVM options for Animo
# Results (and Animo's log) go to bench/results/ (ignored by git).
set -euo pipefail
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_NAME=graphql-post

POST='mutation Post($input: MessagePostInput!) { messagePost(input: $input) { outcome message { id } userErrors { code } } }'
# about 200 characters of ordinary text: it passes every rule, so each request stores a message
BODY='Thanks for the update on the new release. I tried the beta on my phone yesterday and the sync feels much faster than before; the only thing I miss is the dark mode toggle in settings. Any news on that?'

source "$ROOT/bench/single-replica.sh"
start_single_replica
admin_token="$(token "$TENANT_REALM" "$TENANT_ADMIN" "$TENANT_ADMIN_PASSWORD")"
# far beyond one person's default cost budget: the operator raises the tenant's limits, as for an integration
raise_tenant_limits "$TENANT_REALM"
[[ -n "$admin_token" ]] || die "no token for the tenant admin"

# ---------------------------------------------------------------------------------------------
# Rules: 1,000 generated keywords in 10 rules and the 20 patterns of bench/RuleEngineBench.java
# ---------------------------------------------------------------------------------------------
log "creating 30 tenant-wide rules (1,000 keywords, 20 regular expressions)"
rule_create='mutation Rule($input: RuleCreateInput!) { ruleCreate(input: $input) { rule { id } userErrors { field code message } } }'
rules_json="$(python3 - "$ROOT/bench/RuleEngineBench.java" <<'PY'
import json, random, re, sys
source = open(sys.argv[1], encoding="utf-8").read()
block = source.split("PATTERNS = {", 1)[1].split("};", 1)[0]
patterns = []
for literal in re.findall(r'"((?:[^"\\]|\\.)*)"(\.replace\("([^"]*)", "([^"]*)"\))?', block):
    text = literal[0].encode().decode("unicode_escape")
    if literal[1]:
        text = text.replace(literal[2].encode().decode("unicode_escape"), literal[3].encode().decode("unicode_escape"))
    patterns.append(text)
random.seed(42)
letters = "abcdefghijklmnopqrstuvwxyz"
keywords = set()
while len(keywords) < 1000:
    keywords.add("".join(random.choice(letters) for _ in range(5 + random.randrange(6))))
keywords = sorted(keywords)
rules = [{"name": f"keywords-{i}", "kind": "KEYWORDS", "keywords": keywords[i * 100:(i + 1) * 100], "action": "FLAG"}
         for i in range(10)]
rules += [{"name": f"regex-{i}", "kind": "REGEX", "pattern": p, "action": "FLAG"} for i, p in enumerate(patterns)]
for rule in rules:
    print(json.dumps({"input": {"rule": rule}}))
PY
)"
[[ "$(wc -l <<<"$rules_json")" == 30 ]] || die "expected 30 rules, got $(wc -l <<<"$rules_json")"
while IFS= read -r variables; do
  expect_payload "ruleCreate" "$(graphql "$admin_token" "$rule_create" "$variables")"
done <<<"$rules_json"

log "creating a community and a thread"
create_communities "$admin_token" 1 Bench
community_id="${CREATED_COMMUNITY_IDS[0]}"
join_community "$admin_token" "$community_id"
thread_id="$(create_thread "$admin_token" "$community_id" "Release feedback" "Tell us")"

# ---------------------------------------------------------------------------------------------
# Load
# ---------------------------------------------------------------------------------------------
variables="$(python3 -c 'import json, sys; print(json.dumps({"input": {"threadId": sys.argv[1], "body": sys.argv[2]}}))' \
  "$thread_id" "$BODY")"
check="$(graphql "$admin_token" "$POST" "$variables")"
expect_payload "messagePost (sanity check)" "$check"
[[ "$(json data.messagePost.outcome <<<"$check")" == PUBLISHED ]] || die "the sanity post was not published: $check"
before="$(pg -d "$DB_NAME" -c 'select count(*) from message')"
log "load: messagePost"
result="$(BENCH_TOKEN="$admin_token" java "$ROOT/bench/LoadGenerator.java" --name messagePost --url "$GRAPHQL_URL" \
  --query "$POST" --variables "$variables" --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" \
  --max-requests "$MAX_REQUESTS")"
log "$result"
stored=$(($(pg -d "$DB_NAME" -c 'select count(*) from message') - before))
activities="$(pg -d "$DB_NAME" -c "select count(*) from activity where kind = 'MESSAGE_POSTED'")"

java_version="$(java -version 2>&1)"
java_version="${java_version%%$'\n'*}"
cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | sed -n 1p || true)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
  echo "== Animo GraphQL posting benchmark, $STAMP =="
  echo "commit:        $commit"
  echo "nproc:         $(nproc)"
  echo "cpu:           ${cpu_model:-unknown}"
  echo "jvm:           $java_version"
  echo "keycloak:      $KC_VERSION (localhost:$KC_PORT)"
  echo "load:          $CONCURRENCY workers, ${WARMUP} s warm-up, ${DURATION} s measured, HTTP/1.1 keep-alive"
  echo "rules:         30 tenant-wide (1,000 keywords in 10 rules, 20 regular expressions)"
  echo
  echo "$result"
  echo "messages stored during the run (warm-up included): $stored; MESSAGE_POSTED activities in total: $activities"
  echo
  echo "| mutation | rps | p50 | p99 |"
  echo "|---|---|---|---|"
  printf '| `messagePost` (rules checked, message and activity stored) | %s | %s ms | %s ms |\n' \
    "$(field "$result" rps)" "$(field "$result" p50_ms)" "$(field "$result" p99_ms)"
  echo
  echo "Animo, PostgreSQL, Keycloak and the load generator shared these $(nproc) cores."
  if [[ "$(field "$result" errors)" != 0 ]]; then
    echo "WARNING: $(field "$result" errors) errors: the numbers above are not valid."
  fi
} | tee "$RESULT_FILE"
log "results saved in $RESULT_FILE"
