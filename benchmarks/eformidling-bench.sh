#!/usr/bin/env bash
# eFormidling channel end to end, beside the SvarInn figure in the same run (shared machines are noisy: compare):
#   (a) one ASiC-E of MB MiB (default 1024): integrasjonspunkt simulator (own JVM) on loopback -> receiver JVM at
#       -Xmx128m peeks, pops to the spool file, reads the ASiC-E, stores durably in the inbox (H2 file) and DELETEs;
#       the same size through SvarInn (V2, H2) as the reference; peak heap of the receiver,
#   (b) ITEMS (default 2000) small messages (3 x 100 KiB): messages/s.
# Usage: benchmarks/eformidling-bench.sh   (env BENCH_DIR: work folder; EFORMIDLING_BENCH_MB, EFORMIDLING_BENCH_ITEMS
#        shrink the run, e.g. for a smoke run; EFORMIDLING_BENCH_SVARINN=0 skips the SvarInn reference)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
mb=${EFORMIDLING_BENCH_MB:-1024}
items=${EFORMIDLING_BENCH_ITEMS:-2000}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/postmottak-eformidling-bench}
jar=$here/target/benchmarks.jar
mkdir -p "$work"
if [ ! -f "$jar" ]; then
  echo "== building benchmarks.jar"
  (cd "$repo" && mvn -q -B package -pl benchmarks -am -DskipTests)
fi
run() { BENCH_DIR="$work" java -Xmx128m -cp "$jar" "$@" 2>"$work/e2e.log" | grep -E "^result" \
  || { tail -40 "$work/e2e.log" >&2; exit 1; }; }

echo "== (a) $mb MiB ASiC-E through eFormidling, H2, receiver -Xmx128m"
big=$(run no.postmottak.benchmarks.eformidling.EformidlingEndToEnd big "$mb"); echo "$big"
ref=""
if [ "${EFORMIDLING_BENCH_SVARINN:-1}" != 0 ]; then
  echo "== (a) the same size through SvarInn V2 (reference), H2, receiver -Xmx128m"
  ref=$(SVARINN_API=v2 run no.postmottak.benchmarks.svarinn.SvarInnEndToEnd h2 big "$mb"); echo "$ref"
fi
echo "== (b) $items messages of 3 x 100 KiB through eFormidling, H2"
many=$(run no.postmottak.benchmarks.eformidling.EformidlingEndToEnd many "$items" 3 100); echo "$many"

python3 - "$big" "$ref" "$many" "$mb" "$items" <<'PY'
import re, sys
big, ref, many, mb, items = sys.argv[1:6]
def field(out, name):
    return float(re.search(name + r"=([\d.]+)", out).group(1))
print()
print(f"(a) {mb} MiB through eFormidling: {field(big, 'MB/s'):.1f} MB/s, peak heap {field(big, 'peakHeapMB'):.0f} MB"
      " of -Xmx128m")
if ref:
    print(f"    SvarInn in the same run: {field(ref, 'MB/s'):.1f} MB/s -> eFormidling/SvarInn"
          f" {field(big, 'MB/s') / field(ref, 'MB/s'):.2f}x")
print(f"(b) {items} x 3 x 100 KiB: {field(many, 'messages/s'):.1f} messages/s, peak heap"
      f" {field(many, 'peakHeapMB'):.0f} MB")
PY
