#!/usr/bin/env bash
# Noark 5 archive benchmark: one item of three documents (default 100 MiB in all) archived through the noark5
# provider into the N5WS simulator over loopback, with -Xmx128m: seconds, peak heap, requests per item.
# Usage: benchmarks/noark5-bench.sh [TOTAL_MB] [CHUNK_KIB]   (defaults 100 8192)
# The simulator runs in the same JVM, so the peak heap is the provider's and the simulator's together.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
jar=$here/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  echo "== building benchmarks.jar"
  (cd "$repo" && mvn -q package -pl benchmarks -am -DskipTests)
fi
java -Xmx128m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" \
  no.postmottak.benchmarks.archive.Noark5Archive "${1:-100}" "${2:-8192}" | grep '^RESULT' | \
  while IFS=$'\t' read -r _ what label value; do printf '%-8s | %-34s | %s\n' "$what" "$label" "$value"; done
