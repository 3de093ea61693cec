# Sourced by .ci/run and the benchmark scripts: exports JAVA_HOME and PATH for a JDK 21+
# (JAVA_HOME if it is one, else the first under /usr/lib/jvm), or fails naming where it looked.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java.specification.version = //p' | head -n 1 | cut -d. -f1
}

use_jdk21() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME=$candidate
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "$1: no JDK 21+ found (looked at JAVA_HOME and /usr/lib/jvm/*)" >&2
  return 1
}
