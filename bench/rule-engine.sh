#!/usr/bin/env bash
# Throughput of the moderation rule engine alone (no HTTP, no database), on one thread:
# 1,000 keywords and 20 regular expressions, ~200-character messages.
#
#   bash bench/rule-engine.sh [warm-up seconds] [measured seconds]
#
# Compiles the project if needed and runs bench/RuleEngineBench.java against target/classes and
# the two libraries the engine uses (RE2/J, a double-array Aho-Corasick trie), taken from the local Maven repository.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ ! -f target/classes/io/animo/rule/domain/CompiledRuleSet.class ]]; then
  ./mvnw -B -q compile
fi
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeArtifactIds=re2j,aho-corasick-double-array-trie >/dev/null
java -cp "target/classes:$(cat "$CP_FILE")" bench/RuleEngineBench.java "${1:-5}" "${2:-10}"
