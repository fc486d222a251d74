#!/usr/bin/env bash
# Starts the materialized NNet IDE (built by ./build) under Xvfb, checks through the OSGi
# console (read from a FIFO) that every dev.nnet bundle is ACTIVE or RESOLVED, checks that the workspace log
# has no errors, saves a screenshot and stops the IDE.  Exit 0 when all holds.
#   releng/scripts/smoke-product.sh [SCREENSHOT.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
. releng/scripts/find-jdk.sh
nnet_find_jdk
shot="${1:-releng/dev.nnet.product/target/smoke.png}"
ide=$(ls -d releng/dev.nnet.product/target/products/dev.nnet.ide/linux/gtk/x86_64/nnet-ide 2>/dev/null) || {
	echo "smoke: no materialized product; run ./build first" >&2; exit 1; }
work=$(mktemp -d)
display=":$((100 + RANDOM % 400))"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
ide_pid=""
keep_open=""
cleanup() {
	[ -n "$ide_pid" ] && kill "$ide_pid" 2>/dev/null || true
	[ -n "$keep_open" ] && kill "$keep_open" 2>/dev/null || true
	kill "$xvfb" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
sleep 1
# The OSGi console (-console) reads commands from a FIFO that stays open while the IDE runs.
mkfifo "$work/console"
sleep 100000 >"$work/console" &
keep_open=$!
( cd "$ide" && DISPLAY="$display" exec "$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector \
	-jar plugins/org.eclipse.equinox.launcher_*.jar -data "$work/ws" -console \
	<"$work/console" >"$work/ide.out" 2>&1 ) &
ide_pid=$!

# wait until the workbench application is ACTIVE, asking the console every 3 s
for _ in $(seq 1 60); do
	sleep 3
	kill -0 "$ide_pid" 2>/dev/null || { echo "smoke: the IDE exited early:"; cat "$work/ide.out"; exit 1; }
	echo "ss org.eclipse.ui.ide.application" >"$work/console"
	sleep 1
	grep -qE 'ACTIVE +org\.eclipse\.ui\.ide\.application_' "$work/ide.out" && break
done
sleep 5
: >"$work/ide.out"
echo "ss dev.nnet" >"$work/console"
sleep 2
states=$(tr -d '\r\000' <"$work/ide.out")
DISPLAY="$display" import -window root "$shot" 2>/dev/null || true

ours=$(grep -E '[[:space:]]dev\.nnet\.' <<<"$states" || true)
echo "$ours"
status=0
[ "$(wc -l <<<"$ours")" -ge 4 ] && [ -n "$ours" ] || { echo "smoke: NNet bundles missing from the running IDE"; status=1; }
# STARTING is how Equinox shows a resolved lazy-activation bundle that no class has loaded yet
if grep -vE '(ACTIVE|RESOLVED|STARTING)' <<<"$ours" | grep -q .; then
	echo "smoke: some NNet bundles are neither ACTIVE nor RESOLVED"; status=1
fi
log="$work/ws/.metadata/.log"
if [ -f "$log" ] && grep -q '^!ENTRY .* [48] ' "$log"; then
	echo "smoke: errors in .metadata/.log:"; cat "$log"; status=1
fi
[ $status -eq 0 ] && echo "smoke: NNet IDE started; $(wc -l <<<"$ours") NNet bundles ACTIVE/RESOLVED, no errors in .metadata/.log; screenshot $shot"
exit $status
