#!/usr/bin/env bash
# Heap bytes per cached page of the page index (issue 5 target: <= 100 at 10 M pages).
# Usage: bundles/cache/bench-heap.sh [pages (10000000)] [files (10000)]
# Needs the test classes: mvn -B -q -o test-compile -pl bundles/cache  (from the repository root)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CP_FILE="$HERE/target/bench-classpath.txt"
if [ ! -f "$HERE/target/test-classes/io/strata/cache/internal/store/BenchmarkPageIndexHeap.class" ]; then
  (cd "$ROOT" && mvn -B -q -o test-compile -pl bundles/cache)
fi
if [ ! -f "$CP_FILE" ]; then
  (cd "$ROOT" && mvn -B -q -o dependency:build-classpath -pl bundles/cache -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test)
fi
exec java -Xmx3g -XX:+UseG1GC -cp "$HERE/target/test-classes:$HERE/target/classes:$(cat "$CP_FILE")" \
  io.strata.cache.internal.store.BenchmarkPageIndexHeap "$@"
