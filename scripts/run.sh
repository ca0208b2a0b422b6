#!/usr/bin/env bash
# Starts the Boxwork workbench on the sample project (or on the project folder given as argument).
# Builds first when the build is missing or older than the sources, so it works from a fresh clone.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

project="${1:-$root/projects-sample/project}"
classpath_file="$root/app/target/runtime-classpath.txt"

command -v java >/dev/null || { echo "run.sh: Java 17 or newer is needed (apt-get install openjdk-17-jdk)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "run.sh: Maven is needed to build Boxwork (apt-get install maven)" >&2; exit 1; }

needs_build() {
  [ -f "$classpath_file" ] || return 0
  [ -d "$root/app/target/classes/io/boxwork/app" ] || return 0
  # Any source or pom changed since the last build.
  [ -n "$(find "$root/pom.xml" "$root/annotations" "$root/engine" "$root/app" \
        \( -path '*/target' -prune \) -o \( -newer "$classpath_file" \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -print \) \
        2>/dev/null | head -n 1)" ]
}

if needs_build; then
  echo "Building Boxwork (first run or sources changed)..."
  # One reactor build: sibling modules resolve to their fresh jars, never to stale copies elsewhere.
  mvn -B -q -DskipTests -pl app -am package dependency:build-classpath \
    -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime
fi

if [ ! -f "$project/boxwork.json" ]; then
  echo "run.sh: $project is not a Boxwork project (no boxwork.json); starting without a project." >&2
  set -- 
else
  set -- "$project"
fi

# LibTorch / OpenBLAS threads must not spin on the machine's few cores (set before the JVM starts).
export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1
exec java -Dprism.order="${BOXWORK_PRISM_ORDER:-es2,sw}" \
  -cp "$root/app/target/classes:$(cat "$classpath_file")" io.boxwork.app.Main "$@"
