#!/usr/bin/env bash
# SvarInn transport end to end, all on this machine in one run (shared machines are noisy: compare ratios):
#   1. ../shared/perf/primitive_limit.sh on a 1 GiB file (openssl enc -d | openssl dgst -sha256; fsync'd dd write),
#   2. ../shared/perf/openssl_baseline.sh 1024 (openssl cms -decrypt | sha256sum),
#   3. (a) one 1 GiB forsendelse: simulator (own JVM, -Xmx512m) on loopback -> receiver JVM at -Xmx128m downloads,
#      decrypts, unzips, verifies SHA-256, stores durably in the inbox (H2 file; then PostgreSQL, embedded) and
#      acknowledges; the receiver's peak heap is measured in the receiver JVM (sum of heap pool peaks),
#   4. (b) 2,000 forsendelser of 3 x 100 KiB on H2: items/s and where the time goes,
# (a) and (b) through SvarInn V2 and, in the same run, V1 (the reference: V2 must be at least as fast),
# and prints our MB/s, the ratios to min(primitive limit, fsync'd write) and to the openssl cms route, V2/V1, and
# peak heap.
# Usage: benchmarks/svarinn-bench.sh   (env BENCH_DIR: work folder; SVARINN_BENCH_PG=0 skips PostgreSQL;
#        SVARINN_BENCH_V1=0 skips the V1 reference)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
perf=$(cd "$repo/../shared/perf" && pwd)
work=${BENCH_DIR:-${TMPDIR:-/tmp}/postmottak-svarinn-bench}
jar=$here/target/benchmarks.jar
mkdir -p "$work"

if [ ! -f "$jar" ]; then
  echo "== building benchmarks.jar"
  (cd "$repo" && mvn -q -o package -pl benchmarks)
fi
e2e() { BENCH_DIR="$work" SVARINN_API="${api:-v2}" java -Xmx128m -cp "$jar" no.postmottak.benchmarks.svarinn.SvarInnEndToEnd "$@" 2>"$work/e2e.log" \
  | grep -E "^(result|split)" || { tail -40 "$work/e2e.log" >&2; exit 1; }; }

echo "== primitive limit (1 GiB)"
head -c $((1024 * 1024 * 1024)) /dev/urandom > "$work/plain.bin"
primitive_out=$(bash "$perf/primitive_limit.sh" "$work/plain.bin")
rm -f "$work/plain.bin"
echo "$primitive_out"

echo "== openssl cms route (1024 MiB)"
openssl_out=$(bash "$perf/openssl_baseline.sh" 1024 "$work/openssl")
echo "$openssl_out"

echo "== (a) 1 GiB forsendelse end to end over V2, H2, receiver -Xmx128m"
big_h2=$(api=v2 e2e h2 big 1024); echo "$big_h2"
big_pg=""
if [ "${SVARINN_BENCH_PG:-1}" != 0 ]; then
  echo "== (a) 1 GiB forsendelse end to end over V2, PostgreSQL (embedded), receiver -Xmx128m"
  big_pg=$(api=v2 e2e pg big 1024); echo "$big_pg"
fi
big_v1=""
if [ "${SVARINN_BENCH_V1:-1}" != 0 ]; then
  echo "== (a) the same over V1 (reference), H2"
  big_v1=$(api=v1 e2e h2 big 1024); echo "$big_v1"
fi

echo "== (b) 2,000 forsendelser of 3 x 100 KiB over V2, H2, receiver -Xmx128m"
many=$(api=v2 e2e h2 many 2000 3 100); echo "$many"
many_v1=""
if [ "${SVARINN_BENCH_V1:-1}" != 0 ]; then
  echo "== (b) the same over V1 (reference), H2"
  many_v1=$(api=v1 e2e h2 many 2000 3 100); echo "$many_v1"
fi

python3 - "$primitive_out" "$openssl_out" "$big_h2" "$big_pg" "$many" "$big_v1" "$many_v1" <<'PY'
import re, sys
primitive_out, openssl_out, big_h2, big_pg, many, big_v1, many_v1 = sys.argv[1:8]
primitive = float(re.search(r"primitive decrypt\+sha256: (\d+) MB/s", primitive_out).group(1))
fsync = float(re.search(r"fsync write: (\d+) MB/s", primitive_out).group(1))
openssl = float(re.search(r"= (\d+) MB/s", openssl_out).group(1))
limit = min(primitive, fsync)
def field(out, name):
    return float(re.search(name + r"=([\d.]+)", out).group(1))
print()
for label, out in (("H2", big_h2), ("PostgreSQL", big_pg)):
    if not out:
        continue
    ours = field(out, "MB/s")
    print(f"(a) 1 GiB on {label}: {ours:.0f} MB/s; peak heap {field(out, 'peakHeapMB'):.0f} MB of -Xmx128m")
    print(f"    ratio to min(primitive {primitive:.0f}, fsync write {fsync:.0f}) = {limit:.0f} MB/s:"
          f" {ours / limit:.2f}x (target >= 0.5x)")
    print(f"    ratio to openssl cms route ({openssl:.0f} MB/s): {ours / openssl:.2f}x (target >= 3x)")
print(f"(b) 2,000 x 3 x 100 KiB on H2: {field(many, 'items/s'):.1f} items/s, {field(many, 'MB/s'):.1f} MB/s,"
      f" peak heap {field(many, 'peakHeapMB'):.0f} MB")
if big_v1:
    print(f"V2/V1 (a) 1 GiB on H2: {field(big_h2, 'MB/s'):.1f} / {field(big_v1, 'MB/s'):.1f} MB/s ="
          f" {field(big_h2, 'MB/s') / field(big_v1, 'MB/s'):.2f}x (target >= 1x)")
if many_v1:
    print(f"V2/V1 (b) 2,000 items on H2: {field(many, 'items/s'):.1f} / {field(many_v1, 'items/s'):.1f} items/s ="
          f" {field(many, 'items/s') / field(many_v1, 'items/s'):.2f}x")
PY
