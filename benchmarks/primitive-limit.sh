#!/usr/bin/env bash
# The best this machine can do for a payload of FILE's size, the reference our decryption and ingest benchmarks are
# measured against in the same run (shared machines are noisy: compare ratios, not absolute figures):
#   decrypt+sha256  AES-256-CBC decryption streamed into SHA-256, both by openssl (enc -d | dgst -sha256): the
#                   primitives a SvarUt payload needs, with no CMS parsing, unzipping or storing;
#   fsync write     FILE copied with dd and fsync'd, three times, the median: the disk speed a durable store
#                   cannot beat (each time the faster of a copy through the page cache and one past it: fsync-copy.sh).
# The scratch files go next to FILE (same disk as the benchmark's data) and are removed afterwards.
# Prints one line: primitive-limit bytes=N decrypt_sha256_mbps=X fsync_write_mbps=Y fsync_write_runs_mbps=A/B/C
#   (MB = 10^6 bytes)
# Usage: benchmarks/primitive-limit.sh FILE
set -euo pipefail
file=${1:?usage: primitive-limit.sh FILE}
[ -f "$file" ] || { echo "primitive-limit.sh: no such file: $file" >&2; exit 2; }
command -v openssl >/dev/null || { echo "primitive-limit.sh: openssl is not on the PATH" >&2; exit 2; }

scratch=$(mktemp -d "$(dirname "$file")/primitive-limit.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
bytes=$(wc -c < "$file" | tr -d ' ')
key=$(openssl rand -hex 32)
iv=$(openssl rand -hex 16)
openssl enc -aes-256-cbc -K "$key" -iv "$iv" -in "$file" -out "$scratch/ciphertext"

nanos() { date +%s%N; }
mbps() { # bytes, elapsed nanoseconds
  awk -v bytes="$1" -v ns="$2" 'BEGIN { if (ns < 1) ns = 1; printf "%.0f", bytes / 1e6 / (ns / 1e9) }'
}

# Each timed step starts on a quiet disk: the files written above are on it first (sync), not written back while
# the step runs, and its input is in the page cache (read just before), as the simulator's payloads are for our
# route: the test machines drop file pages unused for 60 s (DAMON pageout). svarinn-bench.sh does the same.
sync
cat "$scratch/ciphertext" > /dev/null
start=$(nanos)
openssl enc -d -aes-256-cbc -K "$key" -iv "$iv" -in "$scratch/ciphertext" | openssl dgst -sha256 > /dev/null
decrypted=$(nanos)
# The median of three copies: one copy's speed moved between 376 and 863 MB/s from run to run on the same VM (issue 17)
speeds=()
for i in 1 2 3; do
  speeds+=("$(bash "$(dirname "$0")/fsync-copy.sh" "$file" "$scratch/copy")")
done
fsync_mbps=$(printf '%s\n' "${speeds[@]}" | sort -n | sed -n 2p)

echo "primitive-limit bytes=$bytes decrypt_sha256_mbps=$(mbps "$bytes" $((decrypted - start)))" \
  "fsync_write_mbps=$fsync_mbps fsync_write_runs_mbps=$(IFS=/; echo "${speeds[*]}")"
