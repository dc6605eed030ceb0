#!/usr/bin/env bash
# Inbox benchmarks on H2 (file) and PostgreSQL (embedded, zonky), one JVM per run, then one table:
#   1. accept throughput: items of 3 x 100 KB documents, one thread (as one SvarInn poller), pooled connections
#      (shipped: H2 stays open, with the feature's CACHE_SIZE and REUSE_SPACE=FALSE, see BenchDatabases), and the
#      H2 file size afterwards; on H2 also without a pool (the earlier default: H2 reopens per transaction),
#   2. one large document (default 1024 MiB) accepted and read back with -Xmx128m: time and peak heap,
#   3. page of 50 at 1,000,000 items (a large municipality; loaded in JDBC batches straight into the tables, see
#      ScaleLoader): p50/p95/p99 per query kind (default page, organisations, each state, date range, deep keyset
#      page, free text), beside the cheapest read (one item by id) as this run's reference for the machine's load;
#      then the ingest cost of the paging/search indexes (rows inserted one transaction each, with and without them).
#      PAGING_EXPLAIN=true also prints the query plans (EXPLAIN ANALYZE) of the statement shapes.
# Usage: benchmarks/inbox-bench.sh [ACCEPT_ITEMS] [LARGE_MB] [PAGING_ITEMS]   (defaults 300 1024 1000000;
#        0 skips a part, e.g. "inbox-bench.sh 0 0" measures only the paging)
# Shared machines are noisy: compare H2 with PostgreSQL from the same run, and rerun before believing a change.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
accept_items=${1:-300}
large_mb=${2:-1024}
paging_items=${3:-1000000}
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
if [ "$accept_items" != 0 ]; then
  for db in h2 pg; do
    run "accept $db" -Xmx512m -cp "$jar" $pkg.AcceptThroughput $db "$accept_items"
  done
  run "accept h2, no pool" -Dpool=false -Xmx512m -cp "$jar" $pkg.AcceptThroughput h2 "$accept_items"
fi
if [ "$large_mb" != 0 ]; then
  for db in h2 pg; do
    run "large document $db" -Xmx128m -cp "$jar" $pkg.LargeDocument $db "$large_mb"
  done
fi
if [ "$paging_items" != 0 ]; then
  echo "== load average before paging: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
  for db in pg h2; do
    run "paging $db" -Dexplain="${PAGING_EXPLAIN:-false}" -Xmx512m -cp "$jar" $pkg.PagingLatency $db "$paging_items"
  done
  echo "== load average after paging: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
fi

echo
printf '%-4s | %-52s | %s\n' db benchmark result
printf -- '-----+------------------------------------------------------+------------------------------------------\n'
grep '^RESULT' "$out" | while IFS=$'\t' read -r _ db what value; do
  printf '%-4s | %-52s | %s\n' "$db" "$what" "$value"
done
