#!/usr/bin/env bash
# The engine read path without HTTP: sequential MiB/s and 4 KiB random reads/s.
# Usage: bundles/cache/bench-reads.sh [MiB (1024)] [threads (32)] [parent directory (tmp)]
# Needs the test classes: mvn -B -q -o test-compile -pl bundles/cache  (from the repository root)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CP_FILE="$HERE/target/bench-classpath.txt"
if [ ! -f "$HERE/target/test-classes/io/strata/cache/internal/store/BenchmarkPageReads.class" ]; then
  (cd "$ROOT" && mvn -B -q -o test-compile -pl bundles/cache)
fi
if [ ! -f "$CP_FILE" ]; then
  (cd "$ROOT" && mvn -B -q -o dependency:build-classpath -pl bundles/cache -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test)
fi
exec java -Xmx512m -XX:+UseG1GC -cp "$HERE/target/test-classes:$HERE/target/classes:$(cat "$CP_FILE")" \
  io.strata.cache.internal.store.BenchmarkPageReads "$@"
