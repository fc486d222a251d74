#!/usr/bin/env bash
# NNet engine benchmark: the anchor workloads W1-W5 (SPEC.md of the performance anchors) with our engine and,
# in the same invocation, the peers that are available on this machine; prints one JSON line per measurement
# and a table of ratios (ours / peer). Not a test: CI never runs it.
#
#   bench/run.sh [--peers DIR|--no-peers] [--threads 1,2] [--workloads W1,W2,W3,W4,W5] [--runs N]
#   bench/run.sh --workloads W6   (the Digits CNN of issue 13: NNet vs bench/w6_torch_cnn.py on PyTorch)
#   bench/run.sh --spark     (only the Spark bench of docs/spark.md: per-step overhead and throughput, 1 vs 2 workers)
#
# DIR defaults to ../shared/bench/anchors next to the repository when it exists. Peers used when present:
# peak/ (gcc), python/numpy_anchor.py and python/torch_anchor.py (Debian python3-numpy / python3-torch under
# /usr/bin/python3), jpeers/ (Encog, EJML; built with mvn in a private copy under /tmp, never in DIR).
# Output: bench/target/results-<time>.jsonl (all lines) and the ratio table on stdout.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=""
[ -d "$ROOT/../shared/bench/anchors" ] && PEERS=$(cd "$ROOT/../shared/bench/anchors" && pwd)
THREADS=1,2
WORKLOADS=W1,W2,W3,W4,W5
WORKLOADS=$WORKLOADS,W6  # W6: the Digits CNN (issue 13): CnnBench and bench/w6_torch_cnn.py, no peers dir needed
RUNS=1
while [ $# -gt 0 ]; do
	case "$1" in
		--peers) PEERS="$2"; shift 2 ;;
		--no-peers) PEERS=""; shift ;;
		--threads) THREADS="$2"; shift 2 ;;
		--workloads) WORKLOADS="$2"; shift 2 ;;
		--runs) RUNS="$2"; shift 2 ;;
		--spark) SPARK_BENCH=1; shift ;;
		*) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
	esac
done
. "$ROOT/releng/scripts/find-jdk.sh"
nnet_find_jdk
OUT="$HERE/target"
if [ "${SPARK_BENCH:-0}" = 1 ]; then
	# builds bundles/dev.nnet.spark when needed; sets NNET_EXTRA_CP (the module and Spark) and Spark's JVM options
	NNET_HOME="$ROOT"; JVM_OPTS=(); . "$ROOT/releng/scripts/spark-classpath.sh"
	mkdir -p "$OUT"
	"$JAVA_HOME/bin/java" -Xmx2g "${JVM_OPTS[@]}" -cp "$ROOT/bundles/dev.nnet.engine/target/dev.nnet.engine-0.1.0-SNAPSHOT.jar:$ROOT/bundles/dev.nnet.lang/target/dev.nnet.lang-0.1.0-SNAPSHOT.jar$NNET_EXTRA_CP" \
		dev.nnet.spark.SparkBench --data "$ROOT/examples/data" | tee "$OUT/spark-results-$(date +%Y%m%d-%H%M%S).jsonl"
	exit "${PIPESTATUS[0]}"
fi
CLASSES="$OUT/classes"
mkdir -p "$OUT"
RESULTS="$OUT/results-$(date +%Y%m%d-%H%M%S).jsonl"

echo "compiling engine + bench with $JAVA_HOME" >&2
rm -rf "$CLASSES"
"$JAVA_HOME/bin/javac" -nowarn -XDsuppressNotes --release 17 --add-modules jdk.incubator.vector -d "$CLASSES" \
	$(find "$ROOT/bundles/dev.nnet.engine/src" "$HERE/src" -name '*.java') 2> >(grep -v "incubat\|^1 warning" >&2) \
	|| { echo "compilation failed" >&2; exit 1; }

DATA="$ROOT/examples/data"
JAVA=("$JAVA_HOME/bin/java" -Xms1g -Xmx2g --add-modules jdk.incubator.vector -cp "$CLASSES")
PY=/usr/bin/python3
have_py() { [ -n "$PEERS" ] && [ -x "$PY" ] && "$PY" -c "import $1" 2>/dev/null; }
JPEERS=""
if [ -n "$PEERS" ] && [ -d "$PEERS/jpeers" ] && command -v mvn >/dev/null; then
	# build a private copy so the shared anchors directory is never written; outside the repository, whose
	# .mvn/ settings are for the Tycho build
	JP="${TMPDIR:-/tmp}/nnet-bench-jpeers-$(id -u)"
	mkdir -p "$JP" && cp -r "$PEERS/jpeers/." "$JP/" && chmod -R u+w "$JP"
	if (cd "$JP" && mvn -B -q package -DskipTests >&2); then JPEERS="$JP"; else echo "jpeers build failed: skipped" >&2; fi
fi
if [ -n "$PEERS" ] && [ -f "$PEERS/peak/fma_peak.c" ] && command -v gcc >/dev/null; then
	gcc -O2 -mavx2 -mfma -pthread "$PEERS/peak/fma_peak.c" -o "$OUT/fma_peak" || true
fi
JPEERS_JDK=/usr/lib/jvm/java-17-openjdk-amd64; [ -x "$JPEERS_JDK/bin/java" ] || JPEERS_JDK="$JAVA_HOME"
if command -v gcc >/dev/null && grep -q avx512f /proc/cpuinfo; then
	gcc -O3 -mavx512f -pthread "$HERE/peak/fma_peak512.c" -o "$OUT/fma_peak512" || true
fi
export ANCHOR_DATA="${ANCHOR_DATA:-$DATA}"

{ echo "# $(date -Is) $(uname -r) load: $(cut -d' ' -f1-3 /proc/loadavg)"; lscpu | grep -E 'Model name|^CPU\(s\)'; } >&2
for run in $(seq 1 "$RUNS"); do
	[ -x "$OUT/fma_peak" ] && "$OUT/fma_peak" | tee -a "$RESULTS"
	[ -x "$OUT/fma_peak512" ] && "$OUT/fma_peak512" | tee -a "$RESULTS"
	for w in ${WORKLOADS//,/ }; do
		echo "== $w run $run, load $(cut -d' ' -f1 /proc/loadavg)" >&2
		if [ "$w" = W6 ]; then  # the Digits CNN: NNet and the PyTorch script in bench/ (same architecture and loop)
			"${JAVA[@]}" dev.nnet.bench.CnnBench --data "$DATA" --threads "$THREADS" 2> >(grep -v "incubating module" >&2) | tee -a "$RESULTS"
			[ -x "$PY" ] && "$PY" -c "import torch" 2>/dev/null && "$PY" "$HERE/w6_torch_cnn.py" --data "$DATA" --threads "$THREADS" | tee -a "$RESULTS"
			continue
		fi
		"${JAVA[@]}" dev.nnet.bench.Bench --data "$DATA" --threads "$THREADS" --workloads "$w" 2> >(grep -v "incubating module" >&2) | tee -a "$RESULTS"
		for t in ${THREADS//,/ }; do
			have_py numpy && "$PY" "$PEERS/python/numpy_anchor.py" --threads "$t" --workloads "$w" | tee -a "$RESULTS"
			have_py torch && "$PY" "$PEERS/python/torch_anchor.py" --threads "$t" --workloads "$w" | tee -a "$RESULTS"
		done
		[ -n "$JPEERS" ] && (cd "$JPEERS" && JAVA_HOME="$JPEERS_JDK" ANCHOR_DATA="$DATA" ./run.sh --threads "$THREADS" --workloads "$w") | tee -a "$RESULTS"
	done
done
echo "results: $RESULTS" >&2
if command -v python3 >/dev/null; then python3 "$HERE/compare.py" "$RESULTS"; fi
