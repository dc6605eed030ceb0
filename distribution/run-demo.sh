#!/usr/bin/env bash
# Builds the Postmottak Karaf distribution and starts it with embedded defaults (no external service needed).
# Stop with Ctrl-C: Karaf is then shut down cleanly.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")

# Karaf 4.4 runs on Java 17 only (it fails on 24+): prefer a JDK 17 when the default java is another.
if ! java -version 2>&1 | grep -q 'version "17'; then
  for jdk in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-17-jdk-amd64 /usr/lib/jvm/java-17*; do
    [ -x "$jdk/bin/java" ] && export JAVA_HOME=$jdk && export PATH=$jdk/bin:$PATH && break
  done
fi
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

if [ "${POSTMOTTAK_SKIP_BUILD:-}" != "1" ]; then
  echo "Building Postmottak (tests skipped; run them with: mvn verify) ..."
  (cd "$repo" && mvn -q -B install -DskipTests)
fi

demo=$here/target/demo
if [ ! -d "$demo" ]; then
  mkdir -p "$demo"
  tar xzf "$(ls "$here"/target/postmottak-distribution-*.tar.gz | head -n 1)" -C "$demo" --strip-components=1
fi

# A demo receiver key, generated once: the certificate is what a real installation uploads to SvarUt.
keys=$demo/etc/demo-keys
if [ ! -f "$keys/demo.p12" ]; then
  mkdir -p "$keys"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s' "$password" > "$demo/etc/demo-key-password"
  chmod 600 "$demo/etc/demo-key-password"
  "$JAVA_HOME/bin/keytool" -genkeypair -keyalg RSA -keysize 2048 -sigalg SHA256withRSA -validity 3650 \
    -alias demo -dname "CN=Postmottak demo, O=Fjordvik kommune, serialNumber=921123450" \
    -storetype PKCS12 -keystore "$keys/demo.p12" -storepass "$password" >/dev/null
  "$JAVA_HOME/bin/keytool" -exportcert -rfc -alias demo -keystore "$keys/demo.p12" -storepass "$password" \
    > "$keys/demo-cert.pem"
  cat > "$demo/etc/no.postmottak.keystore.key-demo.cfg" <<CFG
# Demo receiver key. The password is read from etc/demo-key-password by ConfigAdmin interpolation.
account = demo
orgnrs = 921123450, 921765436, 964000123
keystore.file = \${karaf.etc}/demo-keys/demo.p12
.keystore.password = \$[secret:demo-key-password]
keystore.alias = demo
CFG
fi

"$demo/bin/start"
trap '"$demo/bin/stop"; echo "Postmottak stopped."; exit 0' INT TERM
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
wait
