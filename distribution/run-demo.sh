#!/usr/bin/env bash
# Builds the Postmottak Karaf distribution and starts it with embedded defaults (no external service needed).
# Stop with Ctrl-C: Karaf is then shut down cleanly.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")

# Karaf 4.4 runs on Java 17 (it fails on 24+): JAVA_HOME and java become a JDK 17, or the script stops.
. "$repo/scripts/use-jdk17.sh"

if [ "${POSTMOTTAK_SKIP_BUILD:-}" != "1" ]; then
  echo "Building Postmottak (tests skipped; run them with: mvn verify) ..."
  (cd "$repo" && mvn -q -B install -DskipTests)
fi

demo=$here/target/demo
archive=$(ls "$here"/target/postmottak-distribution-*.tar.gz | head -n 1)
# A new build starts a fresh demo: Karaf's bundle cache would otherwise keep running the old bundles.
if [ -d "$demo" ] && [ "$archive" -nt "$demo/.unpacked" ]; then
  echo "A newer build is here: the demo starts afresh (its sample mail comes again)."
  rm -rf "$demo"
fi
if [ ! -d "$demo" ]; then
  mkdir -p "$demo"
  tar xzf "$archive" -C "$demo" --strip-components=1
  touch "$demo/.unpacked"
fi

# A demo receiver key, generated once (bin/prepare-demo ships in the distribution; the itest uses it too).
# (a demo folder unpacked by an older build lacks the script: take it from the sources)
[ -x "$demo/bin/prepare-demo" ] || cp "$here/src/main/resources/assembly/bin/prepare-demo" "$demo/bin/"
"$demo/bin/prepare-demo"

"$demo/bin/start"
tail_pid=
trap '"$demo/bin/stop"; [ -z "$tail_pid" ] || kill "$tail_pid" 2>/dev/null; echo "Postmottak stopped."; exit 0' INT TERM
tries=0
until curl -fsS -o /dev/null http://localhost:8181/postmottak/login.html 2>/dev/null; do
  tries=$((tries+1)); [ $tries -lt 180 ] || { echo "Karaf did not come up: see $demo/data/log/karaf.log"; exit 1; }
  sleep 1
done
cat <<INFO

Postmottak demo is running: the sample mail arrives from the SvarInn simulator within a minute.

  Inbox:          http://localhost:8181/postmottak/
                  clerk  kari / kari   (Fjordvik kommune 921123450 and Fjordvik havn KF 921765436)
                  clerk  ola / ola     (Solberg kommune 964000123)
                  admin  admin / admin (all organisations, administration page)
  Karaf console:  $demo/bin/client -u karaf -p karaf     (or ssh -p 8101 karaf@localhost, password karaf)
                  postmottak:svarinn-status   postmottak:key-list
  Log:            $demo/data/log/karaf.log
  Archive export: $demo/data/arkiv-eksport   (Fjordvik havn KF archives to a folder)
  Stop:           Ctrl-C here (or $demo/bin/stop)

INFO
"$demo/bin/client" -u karaf -p karaf -b <<< "postmottak:svarinn-status" 2>/dev/null || true
tail -n 0 -F "$demo/data/log/karaf.log" &
tail_pid=$!
wait
