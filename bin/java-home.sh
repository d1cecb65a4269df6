# Sourced by bin/demo, bin/test and .ci/run: selects a JDK 21+ (the machine's default java may be 17).
# Keeps a JAVA_HOME that is already 21+; otherwise takes the newest Temurin, then any JDK 21+, under /usr/lib/jvm.

java_feature_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

select_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_feature_version "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local candidate best="" best_version=0
  for candidate in /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    local version
    version=$(java_feature_version "$candidate")
    [ -n "$version" ] && [ "$version" -ge 21 ] 2>/dev/null || continue
    # a Temurin JDK found first wins over other vendors of the same or lower version
    if [ "$version" -gt "$best_version" ]; then
      best=$candidate
      best_version=$version
    fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found under /usr/lib/jvm; set JAVA_HOME to one." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

select_java_home || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
