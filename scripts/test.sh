#!/usr/bin/env bash
# The whole test suite: typecheck, lint, unit, integration (PGlite, and PostgreSQL when TEST_DATABASE_URL is
# set), then the browser journeys in chromium. Ends with one "N passed, N failed" line over every stage.
set -uo pipefail
cd "$(dirname "$0")/.."
results=.tmp/test-results
rm -rf "$results" && mkdir -p "$results"
status=0

stage() { echo; echo "=== $1"; }
run_vitest() {
  local name=$1; shift
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$results/$name.json" || status=1
}

# The typecheck (five single-threaded tsc runs, over a minute and a half) runs in two lanes beside the lint and
# the unit tests, which use one core: its output is shown once it is done. The integration tests start only
# after it, so that they have the machine to themselves.
typecheck_log=.tmp/typecheck
rm -rf "$typecheck_log" && mkdir -p "$typecheck_log"
# The commands are package.json's "typecheck" script, split at its '&&' and dealt to the lanes in turn.
mapfile -t checks < <(node -p 'require("./package.json").scripts.typecheck.split("&&").map((c) => c.trim()).join("\n")')
lane() { local i; for ((i = $1; i < ${#checks[@]}; i += 2)); do npx ${checks[$i]} || return 1; done; }
lane 0 >"$typecheck_log/a.log" 2>&1 &
lane_a=$!
lane 1 >"$typecheck_log/b.log" 2>&1 &
lane_b=$!
stage "lint" && { npm run -s lint || status=1; }
stage "unit tests (core, web)" && run_vitest unit --project core --project web
stage "typecheck"
wait "$lane_a" || status=1
wait "$lane_b" || status=1
cat "$typecheck_log/a.log" "$typecheck_log/b.log"
stage "integration tests on PGlite" && run_vitest pglite --project server
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  stage "integration tests on PostgreSQL ($TEST_DATABASE_URL)"
  # The CLI test drives the embedded database by design; running it twice proves nothing more.
  LIAISON_TEST_DB=postgres run_vitest postgres --project server --exclude 'packages/server/src/cli/**'
fi
stage "browser tests in chromium"
if bash scripts/ensure-chromium.sh && npm run -s build; then
  run_vitest e2e --project e2e
else
  status=1
fi

node -e '
  const fs = require("fs"); let passed = 0, failed = 0, skipped = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numFailedTestSuites || 0) * 0; skipped += r.numPendingTests + r.numTodoTests;
    if (!r.success && r.numFailedTests === 0) failed += 1;
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results"
[ "$status" = 0 ] || echo "Some stage failed (see above)." >&2
exit $status
