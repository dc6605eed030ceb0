#!/usr/bin/env bash
# Key store decryption benchmark, all on this machine in one run (shared machines are noisy: compare ratios):
#   1. builds a SvarUt-form payload (BC stream generator, 1000-byte chunks, RSA-OAEP SHA-256, AES-256-CBC) once,
#   2. primitive-limit.sh on its plaintext (openssl enc -d | openssl dgst -sha256),
#   3. openssl-cms-baseline.sh (openssl cms -decrypt | sha256sum),
#   4. our JMH benchmark (decrypt + SHA-256, streaming from the file) with -Xmx64m,
# and prints our MB/s, the ratios to both routes and the peak heap used.
# Usage: benchmarks/keystore-bench.sh [SIZE_MB]   (default 1024; env BENCH_DIR for the work folder)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
size=${1:-1024}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/postmottak-keystore-bench}
jar=$here/target/benchmarks.jar
mkdir -p "$work"

if [ ! -f "$jar" ]; then
  echo "== building benchmarks.jar"
  (cd "$repo" && mvn -q -B package -pl benchmarks -am -DskipTests)
fi

echo "== payload (${size} MiB) in $work/ours"
java -cp "$jar" no.postmottak.benchmarks.SvarUtPayload "$work/ours" "$size"

echo "== primitive limit"
primitive_out=$(bash "$here/primitive-limit.sh" "$work/ours/plain.bin")
echo "$primitive_out"

echo "== openssl cms route"
openssl_out=$(bash "$here/openssl-cms-baseline.sh" "$size" "$work/openssl")
echo "$openssl_out"

echo "== our benchmark (-Xmx64m)"
rm -f "$work/ours/peak-heap.txt"
java -jar "$jar" DecryptBenchmark -p dir="$work/ours" -p sizeMb="$size" -jvmArgsAppend -Xmx64m \
  -rf json -rff "$work/jmh.json" | grep -E "^(# (Warmup|Measurement|Run complete)|Iteration|DecryptBenchmark|Benchmark )|peak heap"

python3 - "$work" "$size" "$primitive_out" "$openssl_out" <<'PY'
import json, re, sys
work, size, primitive_out, openssl_out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
result = json.load(open(f"{work}/jmh.json"))[0]["primaryMetric"]
plain = size * 1024 * 1024
ours = plain / 1e6 / (result["score"] / 1000)
best = plain / 1e6 / (min(v for run in result["rawData"] for v in run) / 1000)
primitive = float(re.search(r"decrypt_sha256_mbps=(\d+)", primitive_out).group(1))
openssl = float(re.search(r"openssl-cms .*mbps=(\d+)", openssl_out).group(1))
peak = int(open(f"{work}/ours/peak-heap.txt").read())
print(f"\nours: {ours:.0f} MB/s (mean of {len(result['rawData'][0])} runs, best {best:.0f} MB/s), heap -Xmx64m")
print(f"ratio to primitive limit ({primitive:.0f} MB/s): {ours / primitive:.2f}x (target >= 0.6x)")
print(f"ratio to openssl cms route ({openssl:.0f} MB/s): {ours / openssl:.2f}x")
print(f"peak heap used: {peak / 1e6:.1f} MB")
PY
