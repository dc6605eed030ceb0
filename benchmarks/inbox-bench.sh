#!/usr/bin/env bash
# Inbox benchmarks on H2 (file) and PostgreSQL (embedded, zonky), one JVM per run, then one table:
#   1. accept throughput: items of 3 x 100 KB documents, one thread (as one SvarInn poller), pooled connections
#      (shipped: H2 stays open, with the feature's CACHE_SIZE and REUSE_SPACE=FALSE, see BenchDatabases), and the
#      H2 file size afterwards; on H2 also without a pool (the earlier default: H2 reopens per transaction),
#   2. one large document (default 1024 MiB) accepted and read back with -Xmx128m: time and peak heap,
#   3. page of 50 at 100,000 items: p50/p95 per query shape (first, deep, states, text, clerk of 3 orgs).
# Usage: benchmarks/inbox-bench.sh [ACCEPT_ITEMS] [LARGE_MB] [PAGING_ITEMS]   (defaults 300 1024 100000)
# Shared machines are noisy: compare H2 with PostgreSQL from the same run, and rerun before believing a change.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
accept_items=${1:-300}
large_mb=${2:-1024}
paging_items=${3:-100000}
jar=$here/target/benchmarks.jar
work=$(mktemp -d "${TMPDIR:-/tmp}/inbox-bench.XXXXXX")   # databases (over 2 GB with a 1 GiB document)
out=$work/results.tsv
trap 'rm -rf "$work"' EXIT

if [ ! -f "$jar" ]; then
  echo "== building benchmarks.jar"
  (cd "$repo" && mvn -q -B package -pl benchmarks -am -DskipTests)
fi

run() { # label, java args...: keeps the RESULT lines, shows progress
  echo "== $1" >&2
  shift
  java -Djava.io.tmpdir="$work" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" 2>/dev/null | tee -a "$out" | { grep -v '^RESULT' || true; } >&2 || {
    echo "   (failed: $*)" >&2; }
}
pkg=no.postmottak.benchmarks.inbox
for db in h2 pg; do
  run "accept $db" -Xmx512m -cp "$jar" $pkg.AcceptThroughput $db "$accept_items"
done
run "accept h2, no pool" -Dpool=false -Xmx512m -cp "$jar" $pkg.AcceptThroughput h2 "$accept_items"
for db in h2 pg; do
  run "large document $db" -Xmx128m -cp "$jar" $pkg.LargeDocument $db "$large_mb"
done
for db in h2 pg; do
  run "paging $db" -Xmx512m -cp "$jar" $pkg.PagingLatency $db "$paging_items"
done

echo
printf '%-4s | %-42s | %s\n' db benchmark result
printf -- '-----+--------------------------------------------+------------------------------------------\n'
grep '^RESULT' "$out" | while IFS=$'\t' read -r _ db what value; do
  printf '%-4s | %-42s | %s\n' "$db" "$what" "$value"
done
