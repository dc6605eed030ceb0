#!/usr/bin/env bash
# The command-line route some SvarInn receivers take, as a reference for our benchmarks in the same run:
#   openssl cms -decrypt | sha256sum   on a SvarUt-form payload of SIZE_MB MiB.
# The payload is made once per DIR and size: a zip of random documents (stored, at most 64 MiB each), encrypted as
# CMS EnvelopedData with RSA-OAEP (SHA-256, MGF1-SHA-256) to a throwaway RSA-2048 certificate and AES-256-CBC, as
# indefinite-length BER (-stream), which is how SvarUt sends. openssl cms does not stream when decrypting: it holds
# the payload in memory (max_rss_mb, when GNU time is installed).
# Prints one line: openssl-cms bytes=N seconds=S mbps=X [max_rss_mb=R]   (MB = 10^6 bytes; bytes of the zip)
# Usage: benchmarks/openssl-cms-baseline.sh SIZE_MB DIR
set -euo pipefail
size_mb=${1:?usage: openssl-cms-baseline.sh SIZE_MB DIR}
dir=${2:?usage: openssl-cms-baseline.sh SIZE_MB DIR}
command -v openssl >/dev/null || { echo "openssl-cms-baseline.sh: openssl is not on the PATH" >&2; exit 2; }
command -v python3 >/dev/null || { echo "openssl-cms-baseline.sh: python3 is not on the PATH" >&2; exit 2; }
mkdir -p "$dir"
cd "$dir"

if [ ! -f receiver-key.pem ] || [ ! -f receiver-cert.pem ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 7 -subj "/CN=openssl-cms-baseline receiver" \
    -keyout receiver-key.pem -out receiver-cert.pem 2> /dev/null
  rm -f payload.cms
fi
if [ ! -f payload.cms ] || [ "$(cat payload.mb 2> /dev/null)" != "$size_mb" ]; then
  rm -f payload.cms payload.mb
  python3 - "$size_mb" <<'PY'
import os, sys, zipfile
left = int(sys.argv[1]) << 20
part = 64 << 20
with zipfile.ZipFile("payload.zip", "w", zipfile.ZIP_STORED) as z:
    n = 0
    while left > 0:
        n += 1
        size = min(part, left)
        with z.open(f"dokument-{n}.pdf", "w", force_zip64=True) as out:
            for off in range(0, size, 1 << 20):
                out.write(os.urandom(min(1 << 20, size - off)))
        left -= size
PY
  openssl cms -encrypt -binary -stream -aes-256-cbc -recip receiver-cert.pem \
    -keyopt rsa_padding_mode:oaep -keyopt rsa_oaep_md:sha256 -keyopt rsa_mgf1_md:sha256 \
    -outform DER -in payload.zip -out payload.cms
  sha256sum payload.zip | cut -d' ' -f1 > payload.sha256
  echo "$size_mb" > payload.mb
fi

bytes=$(wc -c < payload.zip | tr -d ' ')
timed=()
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true 2> /dev/null; then
  timed=(/usr/bin/time -f %M -o openssl.rss)
fi
sync # timed on a quiet disk, as our route is (svarinn-bench.sh)
cat payload.cms > /dev/null # and with its input in the page cache, as the simulator's payloads are
start=$(date +%s%N)
digest=$("${timed[@]}" openssl cms -decrypt -binary -inform DER -in payload.cms -inkey receiver-key.pem \
  -recip receiver-cert.pem | sha256sum | cut -d' ' -f1)
end=$(date +%s%N)
if [ "$digest" != "$(cat payload.sha256)" ]; then
  echo "openssl-cms-baseline.sh: the decrypted payload's sha256 is wrong ($digest)" >&2
  exit 1
fi

rss=""
[ ${#timed[@]} -eq 0 ] || rss=" max_rss_mb=$(( $(tail -n 1 openssl.rss) / 1024 ))"
awk -v bytes="$bytes" -v ns=$((end - start)) -v rss="$rss" \
  'BEGIN { if (ns < 1) ns = 1; s = ns / 1e9; printf "openssl-cms bytes=%d seconds=%.2f mbps=%.0f%s\n", bytes, s, bytes / 1e6 / s, rss }'
