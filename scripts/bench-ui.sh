#!/usr/bin/env bash
# The workbench's speed figures, one after the other (run on a quiet machine; they print, never assert):
#   n -> next 12-megapixel JPEG on screen (prefetched and cold), canvas redraw with 5,000 boxes,
#   review slider move -> redrawn overlay with 2,000 candidates, and the JMH benchmark of
#   threshold + class-wise NMS over 10,000 boxes in 20 classes that runs under those sliders.
# Usage: scripts/bench-ui.sh [--no-build] [--only next|canvas|slider|nms]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) echo "bench-ui.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

cp_file=app/target/bench-classpath.txt
if [ "$build" = 1 ] || [ ! -f "$cp_file" ]; then
  mvn -B -q -pl app -am install -DskipTests
  mvn -B -q -pl app dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=test
fi
app_cp="app/target/test-classes:app/target/classes:$(cat "$cp_file")"
fx=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true)
export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1

echo "# $(date -u +%FT%TZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
run() { echo; echo "## $1"; shift; "$@"; }
[ -z "$only" ] || [ "$only" = next ] && run "n -> next 12 MP image" java "${fx[@]}" -cp "$app_cp" io.boxwork.app.bench.NextImageBenchmark
[ -z "$only" ] || [ "$only" = canvas ] && run "canvas redraw, 5,000 boxes" java "${fx[@]}" -cp "$app_cp" io.boxwork.app.bench.CanvasRedrawBenchmark
[ -z "$only" ] || [ "$only" = slider ] && run "review slider -> overlay, 2,000 candidates" java "${fx[@]}" -cp "$app_cp" io.boxwork.app.review.SliderRedrawBench
[ -z "$only" ] || [ "$only" = nms ] && run "threshold + class-wise NMS, 10,000 boxes, 20 classes (JMH)" \
  mvn -B -q -pl annotations test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
    "-Dexec.args=-cp %classpath io.boxwork.annotations.bench.ThresholdNmsBench"
echo "# done, load $(cut -d' ' -f1-3 /proc/loadavg)"
