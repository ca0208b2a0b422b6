#!/usr/bin/env bash
# Java engine against torchvision 0.14, same architecture, image size, batch, threads and classes.
# Speed (default): inference ms per image (batch 1) and training ms per step (batch 2, SGD momentum 0.9)
# for ResNet-18-FPN and ResNet-50-FPN at 512 and 800 px, then a table with Java / torchvision.
# Memory (--memory): VmRSS over 1,000 inference calls and 300 training steps, ResNet-18-FPN at 192 px.
# The configurations run one after the other, never at the same time: on 2 cores they would slow each other.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/bench-engine.sh [options]

Speed mode (default):
  --configs LIST     comma-separated BACKBONE@SIZE (default resnet18@512,resnet18@800,resnet50@512,resnet50@800)
  --warmup N         untimed calls of each kind first (default 1)
  --infer-reps N     timed inference calls per configuration, 0 skips inference (default 5)
  --train-reps N     timed training steps per configuration, 0 skips training (default 3)
  --stages           also time each inference stage (transform, body, fpn, rpn, roi_heads) on both sides
  --quick            one check of every configuration: --warmup 1 --infer-reps 2 --train-reps 1
                     (with --memory: --calls 100 --every 20 --steps 30 --train-every 10)
Memory mode:
  --memory           RSS over many calls instead of timing (ResNet-18-FPN unless --configs names one)
  --calls N          inference calls (default 1000)      --every N        calls between samples (default 100)
  --steps N          training steps (default 300)        --train-every N  steps between samples (default 25)
  --size N           image side in memory mode (default 192)
Both:
  --threads N        intra-op threads on both sides (default 2)
  --side S           both | java | torchvision (default both)
  --tv-blas B        openblas (default): torchvision runs on the OpenBLAS the Java side ships, instead of
                     Debian's reference BLAS (libblas3), which is many times slower for the box head;
                     system: whatever libblas.so.3 the system provides
  --no-build         reuse the last build and class path
  --out DIR          where the JSON lines and the table go (default engine/target/bench/<UTC time>)
EOF
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE=speed
CONFIGS=""
WARMUP=1
INFER_REPS=5
TRAIN_REPS=3
CALLS=1000
STEPS=300
EVERY=100
TRAIN_EVERY=25
MEMORY_SIZE=192
THREADS=2
SIDE=both
TV_BLAS=openblas
BUILD=1
OUT=""
QUICK=0
STAGES=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --configs) CONFIGS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --infer-reps) INFER_REPS="$2"; shift 2 ;;
    --train-reps) TRAIN_REPS="$2"; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --stages) STAGES=(--stages); shift ;;
    --memory) MODE=memory; shift ;;
    --calls) CALLS="$2"; shift 2 ;;
    --steps) STEPS="$2"; shift 2 ;;
    --every) EVERY="$2"; shift 2 ;;
    --train-every) TRAIN_EVERY="$2"; shift 2 ;;
    --size) MEMORY_SIZE="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --side) SIDE="$2"; shift 2 ;;
    --tv-blas) TV_BLAS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-engine.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if [[ "$QUICK" == 1 ]]; then
  if [[ "$MODE" == memory ]]; then CALLS=100; EVERY=20; STEPS=30; TRAIN_EVERY=10
  else WARMUP=1; INFER_REPS=2; TRAIN_REPS=1; fi
fi
case "$SIDE" in both|java|torchvision) ;; *) echo "bench-engine.sh: --side must be both, java or torchvision, got '$SIDE'" >&2; exit 2 ;; esac
case "$TV_BLAS" in openblas|system) ;; *) echo "bench-engine.sh: --tv-blas must be openblas or system, got '$TV_BLAS'" >&2; exit 2 ;; esac
if [[ -z "$CONFIGS" ]]; then
  if [[ "$MODE" == memory ]]; then CONFIGS="resnet18@$MEMORY_SIZE"; else CONFIGS="resnet18@512,resnet18@800,resnet50@512,resnet50@800"; fi
fi

# Read by OpenMP and OpenBLAS when the natives load, on both sides: busy-waiting threads and a second
# BLAS pool make each step many times slower on a loaded 2-core machine (shared/notes/libtorch-java.md).
export OMP_WAIT_POLICY=PASSIVE
export OPENBLAS_NUM_THREADS=1

cd "$ROOT"
CLASSPATH_FILE="$ROOT/engine/target/bench-classpath.txt"
if [[ "$BUILD" == 1 ]]; then
  echo "== building annotations and engine (main and test classes)" >&2
  mvn -B -q -pl engine -am install -DskipTests
  mvn -B -q -pl engine org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test
fi
if [[ ! -s "$CLASSPATH_FILE" ]]; then
  echo "bench-engine.sh: no class path at $CLASSPATH_FILE: run once without --no-build" >&2
  exit 2
fi
# This worktree's classes first, so a snapshot another branch installed in ~/.m2 cannot stand in for them.
CP="$ROOT/engine/target/test-classes:$ROOT/engine/target/classes:$ROOT/annotations/target/classes:$(cat "$CLASSPATH_FILE")"

TV_ENV=()
if [[ "$SIDE" != java && "$TV_BLAS" == openblas ]]; then
  OPENBLAS_JAR="$(tr ':' '\n' < "$CLASSPATH_FILE" | grep -E '/openblas-[^/]*-linux-x86_64\.jar$' | head -n 1)"
  if [[ -z "$OPENBLAS_JAR" ]]; then
    echo "bench-engine.sh: no openblas linux-x86_64 jar on the class path; use --tv-blas system" >&2
    exit 2
  fi
  BLAS_DIR="$ROOT/engine/target/bench-openblas"
  mkdir -p "$BLAS_DIR"
  unzip -q -j -o "$OPENBLAS_JAR" 'org/bytedeco/openblas/linux-x86_64/*' -d "$BLAS_DIR"
  # Debian's torch links libblas.so.3 and liblapack.so.3; OpenBLAS provides both interfaces.
  ln -sf libopenblas.so.0 "$BLAS_DIR/libblas.so.3"
  ln -sf libopenblas.so.0 "$BLAS_DIR/liblapack.so.3"
  TV_ENV=(env "LD_LIBRARY_PATH=$BLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
fi

OUT="${OUT:-$ROOT/engine/target/bench/$(date -u +%Y%m%dT%H%M%SZ)-$MODE}"
mkdir -p "$OUT"
JAVA_OUT="$OUT/java.jsonl"
TV_OUT="$OUT/torchvision.jsonl"
: > "$JAVA_OUT"
: > "$TV_OUT"
PY="$ROOT/engine/src/test/python/bench_torchvision.py"

load() { cut -d' ' -f1-3 /proc/loadavg; }
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "torchvision side BLAS: $TV_BLAS"
  echo "mode: $MODE, configs: $CONFIGS, threads: $THREADS"
  echo "load average at start: $(load)"
} | tee "$OUT/environment.txt" >&2

IFS=',' read -r -a CONFIG_LIST <<< "$CONFIGS"
for config in "${CONFIG_LIST[@]}"; do
  backbone="${config%@*}"
  size="${config#*@}"
  if [[ "$MODE" == speed ]]; then
    java_args=(io.boxwork.engine.bench.EngineBench --backbone "$backbone" --size "$size" --threads "$THREADS"
      --warmup "$WARMUP" --infer-reps "$INFER_REPS" --train-reps "$TRAIN_REPS" "${STAGES[@]}")
    py_args=(--backbone "$backbone" --size "$size" --threads "$THREADS"
      --warmup "$WARMUP" --infer-reps "$INFER_REPS" --train-reps "$TRAIN_REPS" "${STAGES[@]}")
  else
    # A bounded heap, so that RSS growth is native growth and not the JVM taking more heap;
    # JavaCPP's own cap (twice the heap by default) would then be below the detector's needs.
    java_args=(-Xmx1g -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 io.boxwork.engine.bench.MemoryBench --backbone "$backbone" --size "$size" --threads "$THREADS"
      --calls "$CALLS" --steps "$STEPS" --every "$EVERY" --train-every "$TRAIN_EVERY")
    py_args=(--memory --backbone "$backbone" --size "$size" --threads "$THREADS"
      --calls "$CALLS" --steps "$STEPS" --every "$EVERY" --train-every "$TRAIN_EVERY")
  fi
  if [[ "$MODE" == speed ]]; then
    # One random init for both sides: the RoI heads' time follows how many proposals the RPN keeps,
    # and two different random models keep different numbers.
    weights="$OUT/$backbone-$size-init.pth"
    /usr/bin/python3 "$PY" --backbone "$backbone" --size "$size" --infer-reps 0 --train-reps 0 --save-weights "$weights" > /dev/null
    java_args+=(--weights "$weights")
    py_args+=(--weights "$weights")
  fi
  if [[ "$SIDE" != torchvision ]]; then
    echo "== java $backbone @ $size (load $(load))" >&2
    java -cp "$CP" "${java_args[@]}" | tee -a "$JAVA_OUT"
  fi
  if [[ "$SIDE" != java ]]; then
    echo "== torchvision $backbone @ $size (load $(load))" >&2
    "${TV_ENV[@]}" /usr/bin/python3 "$PY" "${py_args[@]}" | tee -a "$TV_OUT"
  fi
done
echo "load average at end: $(load)" | tee -a "$OUT/environment.txt" >&2

echo
java -cp "$CP" io.boxwork.engine.bench.BenchTable "$JAVA_OUT" "$TV_OUT" | tee "$OUT/table.txt"
echo
cat "$OUT/environment.txt"
echo "results: $OUT"
