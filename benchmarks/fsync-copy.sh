#!/usr/bin/env bash
# One fsync'd copy of FILE to COPY with dd, the disk speed a durable store cannot beat. The copy starts on a quiet
# disk (sync first: nothing written before is written back meanwhile) with FILE in the page cache (read just before:
# the test machines drop file pages unused for 60 s, DAMON pageout). COPY is removed afterwards.
# Prints the speed in MB/s (MB = 10^6 bytes). Used by primitive-limit.sh and svarinn-bench.sh.
# Usage: benchmarks/fsync-copy.sh FILE COPY
set -euo pipefail
file=${1:?usage: fsync-copy.sh FILE COPY}
copy=${2:?usage: fsync-copy.sh FILE COPY}
rm -f "$copy"
sync
cat "$file" > /dev/null
before=$(date +%s%N)
dd if="$file" of="$copy" bs=1M conv=fsync status=none
after=$(date +%s%N)
rm -f "$copy"
awk -v bytes="$(wc -c < "$file")" -v ns=$((after - before)) \
  'BEGIN { if (ns < 1) ns = 1; printf "%.0f\n", bytes / 1e6 / (ns / 1e9) }'
