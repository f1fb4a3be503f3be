#!/usr/bin/env bash
# Time to reopen a cache of many pages (the restart scan), warm file-system caches.
# Usage: bundles/cache/bench-recovery.sh [pages (500000)] [files (1000)] [parent directory (tmp)]
# Needs the test classes: mvn -B -q -o test-compile -pl bundles/cache  (from the repository root)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CP_FILE="$HERE/target/bench-classpath.txt"
if [ ! -f "$HERE/target/test-classes/io/strata/cache/internal/store/BenchmarkCacheRecovery.class" ]; then
  (cd "$ROOT" && mvn -B -q -o test-compile -pl bundles/cache)
fi
if [ ! -f "$CP_FILE" ]; then
  (cd "$ROOT" && mvn -B -q -o dependency:build-classpath -pl bundles/cache -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test)
fi
exec java -Xmx1g -XX:+UseG1GC -cp "$HERE/target/test-classes:$HERE/target/classes:$(cat "$CP_FILE")" \
  io.strata.cache.internal.store.BenchmarkCacheRecovery "$@"
