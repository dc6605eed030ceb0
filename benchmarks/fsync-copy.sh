#!/usr/bin/env bash
# The disk speed a durable store cannot beat: FILE copied to COPY with dd twice, fsync'd, once through the page cache
# (conv=fsync) and once past it (oflag=direct), and the faster of the two. Both are needed on the test VMs: where
# the guest's free memory has been handed back to the host (free page reporting), the first touch of fresh page
# cache costs ~4 s per GiB of kernel time, so a copy through the page cache ran at 260 MB/s or at 1,100 depending on
# what the machine had freed just before, while the direct copy ran at ~1,100 either way (issue 17, eleventh round).
# Each copy starts on a quiet disk (sync first: nothing written before is written back meanwhile) with FILE in the
# page cache (read just before: the test machines drop file pages unused for 60 s, DAMON pageout). COPY is removed
# afterwards.
# Prints the speed in MB/s (MB = 10^6 bytes). Used by primitive-limit.sh and svarinn-bench.sh.
# Usage: benchmarks/fsync-copy.sh FILE COPY
set -euo pipefail
file=${1:?usage: fsync-copy.sh FILE COPY}
copy=${2:?usage: fsync-copy.sh FILE COPY}
bytes=$(wc -c < "$file")
best=0
for flags in conv=fsync "oflag=direct conv=fsync"; do
  rm -f "$copy"
  sync
  cat "$file" > /dev/null
  before=$(date +%s%N)
  # shellcheck disable=SC2086 # the flags are two words
  dd if="$file" of="$copy" bs=1M $flags status=none
  after=$(date +%s%N)
  rm -f "$copy"
  speed=$(awk -v bytes="$bytes" -v ns=$((after - before)) \
    'BEGIN { if (ns < 1) ns = 1; printf "%.0f\n", bytes / 1e6 / (ns / 1e9) }')
  [ "$speed" -gt "$best" ] && best=$speed
done
echo "$best"
