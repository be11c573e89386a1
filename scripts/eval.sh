#!/usr/bin/env bash
# Scores reckon on the project's own evaluation corpora (eval/*/corpus with eval/*/gold.json) with the shared
# scorer, ../shared/tools/score.mjs, and prints one summary line per corpus. Not a test: a measure to run before
# and after a change (see eval/README.md). Usage: bash scripts/eval.sh [name …] (default: every corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
scorer=../shared/tools/score.mjs
if [ ! -f "$scorer" ]; then
  echo "eval: $scorer not found (it comes with ../shared); nothing scored" >&2
  exit 0
fi
[ -f dist/cli/main.js ] || npm run build >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
names=("$@")
[ ${#names[@]} -gt 0 ] || names=($(ls eval | grep -v README))
for name in "${names[@]}"; do
  dir=eval/$name
  node bin/reckon.js ingest "$dir/corpus" --db "$tmp/$name.db" >/dev/null 2>"$tmp/$name.err" || { echo "$name: ingest failed: $(tail -1 "$tmp/$name.err")"; continue; }
  node bin/reckon.js export --db "$tmp/$name.db" --format json >"$tmp/$name.json"
  if [ -n "${VERBOSE:-}" ]; then node "$scorer" --gold "$dir/gold.json" --corpus "$dir/corpus" --export "$tmp/$name.json"; fi
  printf '%-12s %s\n' "$name" "$(node "$scorer" --gold "$dir/gold.json" --corpus "$dir/corpus" --export "$tmp/$name.json" | tail -1)"
done
