#!/bin/sh
# Times the separability rule in process on every case of make_cases.py: one fresh JVM per case and mode.
# "cold" is call 1 of a fresh JVM (default JIT, and C1 only as `./nnet check` runs); "warm" is the median of
# calls 2..20. Run under the exclusive CPU lock when the figures are to be reported.
# Usage: bench/separability/run.sh [OUTDIR]   (needs a JDK >= 21 on PATH or in JAVA_HOME)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$(mktemp -d)}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
/usr/bin/python3 "$here/make_cases.py" "$out/cases"
"$javac" -d "$out/classes" $(ls "$root"/bundles/dev.nnet.lang/src/dev/nnet/lang/analysis/*.java | grep -v GradientFlow) "$here/SeparabilityTiming.java"
uptime
for f in "$out"/cases/*.nnet; do
	"$java" -cp "$out/classes" SeparabilityTiming "$f" 1 | sed 's/^/cold    /'
	"$java" -XX:TieredStopAtLevel=1 -cp "$out/classes" SeparabilityTiming "$f" 1 | sed 's/^/cold-C1 /'
	"$java" -cp "$out/classes" SeparabilityTiming "$f" 20 | sed 's/^/warm    /'
done
uptime
