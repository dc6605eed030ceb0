#!/usr/bin/env bash
# SvarInn transport end to end, all on this machine in one run (shared machines are noisy: compare ratios):
#   1. primitive-limit.sh on a 1 GiB file (openssl enc -d | openssl dgst -sha256; fsync'd dd write),
#   2. openssl-cms-baseline.sh 1024 (openssl cms -decrypt | sha256sum),
#   3. (a) one 1 GiB forsendelse: simulator (own JVM, -Xmx512m) on loopback -> receiver JVM at -Xmx128m downloads,
#      after 4 unmeasured items of 64 MiB (a server that has run a while: JIT compiled; the big item is offered after
#      them and received alone),
#      decrypts, unzips, verifies SHA-256, stores durably in the inbox (H2 file; then PostgreSQL, embedded) and
#      acknowledges; the receiver's peak heap is measured in the receiver JVM (sum of heap pool peaks),
#   4. (b) 2,000 forsendelser of 3 x 100 KiB on H2 (then PostgreSQL): items/s and where the time goes, measured after
#      20,000 more received first as a warm-up: a server receives for months, and C2 compiles code that runs once
#      per item (the HTTP client's, H2's commit) only after thousands of items. On 2 cores the JIT took 4-5 s of CPU
#      inside the window after 2,500 warm-up items, 2.5 s after 10,000, none after 20,000 (eighth round; the result
#      line's jitSeconds says how much it took in this run). The "cold" line gives the rate over all of them from the
#      start,
# (a) and (b) through SvarInn V2 and, in the same run, V1 (the reference: V2 must be at least as fast),
# and prints our MB/s, the ratios to min(primitive limit, fsync'd write) and to the openssl cms route, V2/V1, and
# peak heap. The peak at -Xmx128m is mostly the collector's choice (G1 lets the young generation grow into the heap
# it is given): (a) is therefore also received at -Xmx64m, where a receiver that held more would fail or crawl.
# (a) at -Xmx128m runs 3 times per database, each right after an fsync'd dd copy of the same size (its pair): this
# VM's disk speed drifts for minutes at a time (one whole run measured the big item at 304 MB/s, the next at 599,
# the references at the start moving far less), so the ratio that counts is each run's to its own pair, the median
# of three; the ratio to the reference at the start is printed too. Each measured window also gives its CPU time
# (the receiver's JVM, the simulator's, the whole machine's), per GiB and per 1,000 items: the same CPU taking longer
# is a slower VM, more CPU a slower receiver.
# Usage: benchmarks/svarinn-bench.sh   (env BENCH_DIR: work folder; SVARINN_BENCH_PG=0 skips PostgreSQL;
#        SVARINN_BENCH_V1=0 skips the V1 reference;
#        SVARINN_BENCH_SMALL_HEAP (default 64m) the smaller heap the 1 GiB item is received at too, 0 skips it;
#        SVARINN_BENCH_IN_DB=0 skips (a) with all content in the database; the other runs use the content store as
#        shipped, every document in a file beside the database;
#        SVARINN_BENCH_MB and SVARINN_BENCH_ITEMS shrink the 1024 MiB and the 2,000 items, e.g. for a smoke run;
#        SVARINN_BENCH_WARMUP sets the 20,000 warm-up items (they share 500 payloads: a long warm-up costs no more
#        encryption), 0 measures from the start; SVARINN_BENCH_BIG_WARMUP the 4
#        warm-up items of 64 MiB received before the big one is offered, 0 measures a JVM that has received nothing;
#        SVARINN_BENCH_PAIRS the 3 paired runs of (a))
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
mb=${SVARINN_BENCH_MB:-1024}
items=${SVARINN_BENCH_ITEMS:-2000}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/postmottak-svarinn-bench}
jar=$here/target/benchmarks.jar
mkdir -p "$work"

if [ ! -f "$jar" ]; then
  echo "== building benchmarks.jar"
  (cd "$repo" && mvn -q -B package -pl benchmarks -am -DskipTests)
fi
# Every run starts on a quiet disk: what the steps before it wrote (1 GiB files, a removed database) is on it first,
# not written back while the run is timed; the simulator forces its payloads before it is ready, and
# primitive-limit.sh syncs before its own timed steps. Every timed input is read into the page cache just before its
# step: the simulator's payloads (SvarUt serves from its own machines) and the references' input files alike, since
# the test machines drop file pages unused for 60 s (DAMON pageout), and the warm-up outlasts that.
e2e() { sync; BENCH_DIR="$work" SVARINN_API="${api:-v2}" java -Xmx"${heap:-128m}" -Dbench.warmup="${SVARINN_BENCH_WARMUP:-20000}" \
  -Dbench.bigWarmup="${SVARINN_BENCH_BIG_WARMUP:-4}" -Dbench.contentStoreMib="${store:-0}" \
  -cp "$jar" no.postmottak.benchmarks.svarinn.SvarInnEndToEnd "$@" 2>"$work/e2e.log" \
  | grep -E "^(cold|result|split)" || { tail -40 "$work/e2e.log" >&2; exit 1; }; }

echo "== primitive limit ($mb MiB)"
head -c $((mb * 1024 * 1024)) /dev/urandom > "$work/plain.bin"
trap 'rm -f "$work/plain.bin" "$work/pair-copy.bin"' EXIT
primitive_out=$(bash "$here/primitive-limit.sh" "$work/plain.bin")
echo "$primitive_out"

# (a) at -Xmx128m, SVARINN_BENCH_PAIRS times, each after its own fsync'd copy. Prints each run's result line with
# "pairFsyncMBps=" added; the caller takes the median.
big_pairs() { # database
  for _ in $(seq "${SVARINN_BENCH_PAIRS:-3}"); do
    local pair result
    pair=$(bash "$here/fsync-copy.sh" "$work/plain.bin" "$work/pair-copy.bin") # as primitive-limit.sh's three
    result=$(api=v2 e2e "$1" big "$mb")
    echo "$result" | sed "/^result/s/\$/ pairFsyncMBps=$pair/"
  done
}

echo "== openssl cms route ($mb MiB)"
openssl_out=$(bash "$here/openssl-cms-baseline.sh" "$mb" "$work/openssl")
echo "$openssl_out"

echo "== (a) $mb MiB forsendelse end to end over V2, H2, receiver -Xmx128m, each run after its fsync'd copy"
big_h2=$(big_pairs h2); echo "$big_h2"
big_pg=""
if [ "${SVARINN_BENCH_PG:-1}" != 0 ]; then
  echo "== (a) $mb MiB forsendelse end to end over V2, PostgreSQL (embedded), receiver -Xmx128m, each after its copy"
  big_pg=$(big_pairs pg); echo "$big_pg"
fi
in_db_h2=""; in_db_pg=""
if [ "${SVARINN_BENCH_IN_DB:-1}" != 0 ]; then
  echo "== (a) the same with all content in the database (no content store: the reference of the storage path), H2"
  in_db_h2=$(store=-1 api=v2 e2e h2 big "$mb"); echo "$in_db_h2"
  if [ "${SVARINN_BENCH_PG:-1}" != 0 ]; then
    echo "== (a) the same with all content in the database, PostgreSQL"
    in_db_pg=$(store=-1 api=v2 e2e pg big "$mb"); echo "$in_db_pg"
  fi
fi
small_heap=${SVARINN_BENCH_SMALL_HEAP:-64m}
small_h2=""; small_pg=""
if [ "$small_heap" != 0 ]; then
  echo "== (a) the same at -Xmx$small_heap, H2"
  small_h2=$(heap=$small_heap api=v2 e2e h2 big "$mb"); echo "$small_h2"
  if [ "${SVARINN_BENCH_PG:-1}" != 0 ]; then
    echo "== (a) the same at -Xmx$small_heap, PostgreSQL"
    small_pg=$(heap=$small_heap api=v2 e2e pg big "$mb"); echo "$small_pg"
  fi
fi
big_v1=""
if [ "${SVARINN_BENCH_V1:-1}" != 0 ]; then
  echo "== (a) the same over V1 (reference), H2"
  big_v1=$(api=v1 e2e h2 big "$mb"); echo "$big_v1"
fi

echo "== (b) $items forsendelser of 3 x 100 KiB over V2, H2, receiver -Xmx128m"
many=$(api=v2 e2e h2 many "$items" 3 100); echo "$many"
many_pg=""
if [ "${SVARINN_BENCH_PG:-1}" != 0 ]; then
  echo "== (b) $items forsendelser of 3 x 100 KiB over V2, PostgreSQL (embedded), receiver -Xmx128m"
  many_pg=$(api=v2 e2e pg many "$items" 3 100); echo "$many_pg"
fi
many_v1=""
if [ "${SVARINN_BENCH_V1:-1}" != 0 ]; then
  echo "== (b) the same over V1 (reference), H2"
  many_v1=$(api=v1 e2e h2 many "$items" 3 100); echo "$many_v1"
fi

python3 - "$primitive_out" "$openssl_out" "$big_h2" "$big_pg" "$many" "$mb" "$items" "$big_v1" "$many_v1" "$many_pg" \
  "$small_h2" "$small_pg" "$small_heap" "$in_db_h2" "$in_db_pg" <<'PY'
import re, sys
primitive_out, openssl_out, big_h2, big_pg, many, mb, items, big_v1, many_v1, many_pg = sys.argv[1:11]
small_h2, small_pg, small_heap, in_db_h2, in_db_pg = sys.argv[11:16]
primitive = float(re.search(r"decrypt_sha256_mbps=(\d+)", primitive_out).group(1))
fsync = float(re.search(r"fsync_write_mbps=(\d+)", primitive_out).group(1))
openssl = float(re.search(r"openssl-cms .*mbps=(\d+)", openssl_out).group(1))
limit = min(primitive, fsync)
def field(out, name, kind="result"):
    line = next(l for l in out.splitlines() if l.startswith(kind))
    return float(re.search(name + r"=([\d.]+)", line).group(1))
def paired(out):
    """The paired runs of (a), each as its own output, and the one with the median ratio to its fsync'd copy."""
    runs = [l for l in out.splitlines() if l.startswith("result")]
    runs.sort(key=lambda r: field(r, "MB/s") / field(r, "pairFsyncMBps"))
    return runs, runs[(len(runs) - 1) // 2] if runs else ""
def cpu(run, unit, units):
    """CPU time in the measured window per unit of work: what tells a slow VM (the same CPU, taking longer) from a
    receiver that got slower (more CPU)."""
    wall, cores = field(run, "seconds"), field(run, "machineCpus")
    return (f"CPU {unit}: receiver {field(run, 'cpuReceiverS') / units:.2f} s, simulator"
            f" {field(run, 'cpuSimulatorS') / units:.2f} s, the whole machine {field(run, 'machineBusyS') / units:.2f} s"
            f" (busy {field(run, 'machineBusyS') / (wall * cores):.0%} of its {cores:.0f} cores)")
print()
pairs = {}
for label, out in (("H2", big_h2), ("PostgreSQL", big_pg)):
    if not out:
        continue
    runs, median = paired(out)
    pairs[label] = median
    ours = field(median, "MB/s")
    print(f"(a) {mb} MiB on {label}, {len(runs)} runs, each after its own fsync'd copy: "
          + ", ".join(f"{field(r, 'MB/s'):.0f} MB/s / {field(r, 'pairFsyncMBps'):.0f} ="
                      f" {field(r, 'MB/s') / field(r, 'pairFsyncMBps'):.2f}x" for r in runs))
    print(f"    the median: {ours:.0f} MB/s, {ours / field(median, 'pairFsyncMBps'):.2f}x its fsync'd copy"
          f" (target >= 0.5x); peak heap {max(field(r, 'peakHeapMB') for r in runs):.0f} MB of -Xmx128m (the"
          f" largest of the {len(runs)})")
    print(f"    ratio to min(primitive {primitive:.0f}, fsync write {fsync:.0f}) = {limit:.0f} MB/s at the start:"
          f" {ours / limit:.2f}x")
    print(f"    ratio to fsync'd write at the start ({fsync:.0f} MB/s): {ours / fsync:.2f}x")
    print(f"    ratio to openssl cms route ({openssl:.0f} MB/s): {ours / openssl:.2f}x (target >= 2.5x)")
    print("    " + cpu(median, "per GiB", field(median, "MB") / 1073.741824))
big_h2, big_pg = pairs.get("H2", ""), pairs.get("PostgreSQL", "")
for label, out, ref in (("H2", in_db_h2, big_h2), ("PostgreSQL", in_db_pg, big_pg)):
    if out and ref:
        print(f"(a) {mb} MiB on {label}, all in the database: {field(out, 'MB/s'):.0f} MB/s, peak heap"
              f" {field(out, 'peakHeapMB'):.0f} MB; the content store is {field(ref, 'MB/s') / field(out, 'MB/s'):.2f}x"
              f" that ({field(out, 'MB/s') / fsync:.2f}x the fsync'd write)")
for label, out, ref in (("H2", small_h2, big_h2), ("PostgreSQL", small_pg, big_pg)):
    if out and ref:
        print(f"(a) {mb} MiB on {label} at -Xmx{small_heap}: {field(out, 'MB/s'):.0f} MB/s ="
              f" {field(out, 'MB/s') / field(ref, 'MB/s'):.2f}x its speed at -Xmx128m")
for label, out in (("H2", many), ("PostgreSQL", many_pg)):
    if out:
        print(f"(b) {items} x 3 x 100 KiB on {label}: {field(out, 'items/s'):.1f} items/s, {field(out, 'MB/s'):.1f} MB/s,"
              f" peak heap {field(out, 'peakHeapMB'):.0f} MB (target >= 200 items/s)")
        if "cold" in out:
            print(f"    cold, from the start with the warm-up items: {field(out, 'items/s', 'cold'):.1f} items/s")
        print(f"    the JIT compilers inside the window: {field(out, 'jitSeconds'):.1f} s of compiling in"
              f" {field(out, 'seconds'):.1f} s on this machine's cores (a server that has run a while spends none)")
        print("    " + cpu(out, "per 1,000 items", field(out, "items") / 1000))
if big_v1:
    print(f"V2/V1 (a) {mb} MiB on H2: {field(big_h2, 'MB/s'):.1f} / {field(big_v1, 'MB/s'):.1f} MB/s ="
          f" {field(big_h2, 'MB/s') / field(big_v1, 'MB/s'):.2f}x (target >= 1x)")
if many_v1:
    print(f"V2/V1 (b) {items} items on H2: {field(many, 'items/s'):.1f} / {field(many_v1, 'items/s'):.1f} items/s ="
          f" {field(many, 'items/s') / field(many_v1, 'items/s'):.2f}x")
PY
