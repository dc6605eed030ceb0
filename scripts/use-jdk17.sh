# Sourced (". scripts/use-jdk17.sh") by the scripts that build Postmottak or start its Karaf: Karaf 4.4 runs on
# Java 17 (it fails on 24+). Makes a JDK 17 the caller's JAVA_HOME and first `java` on the PATH, taking the first of:
#   1. the `java` on the PATH, when it is 17;
#   2. $JAVA_HOME, when it is 17;
#   3. a JDK 17 in a usual install folder (Debian/Ubuntu and most Linux packages, Temurin, SDKMAN!, macOS).
# Returns 1 with a message when there is none.

postmottak_jdk17_home() {
  local java props
  for java in "$(command -v java 2> /dev/null)" "${JAVA_HOME:+$JAVA_HOME/bin/java}" \
      /usr/lib/jvm/*17*/bin/java /usr/lib/jvm/*-17-*/bin/java /opt/java/*17*/bin/java \
      "$HOME"/.sdkman/candidates/java/17*/bin/java /Library/Java/JavaVirtualMachines/*17*/Contents/Home/bin/java; do
    [ -n "$java" ] && [ -x "$java" ] || continue
    props=$("$java" -XshowSettings:properties -version 2>&1) || continue
    if [ "$(sed -n 's/^ *java\.specification\.version = //p' <<< "$props")" = 17 ]; then
      sed -n 's/^ *java\.home = //p' <<< "$props"
      return 0
    fi
  done
  return 1
}

if postmottak_jdk17=$(postmottak_jdk17_home); then
  export JAVA_HOME=$postmottak_jdk17
  export PATH=$JAVA_HOME/bin:$PATH
  unset postmottak_jdk17
else
  echo "No JDK 17 found (not the java on the PATH, not \$JAVA_HOME, not in /usr/lib/jvm, /opt/java, SDKMAN! or" \
    "/Library/Java). Karaf 4.4 needs Java 17: install one (e.g. apt-get install openjdk-17-jdk-headless) or set" \
    "JAVA_HOME to it." >&2
  return 1
fi
