#!/usr/bin/env bash
# Installs NNet as a user of a stock Eclipse would, and checks that it works there:
#  1. copies the plain Eclipse platform that ./build materialized from the same target (no NNet, no JDT:
#     releng/dev.nnet.product/target/products/dev.nnet.test.platform/...),
#  2. installs the NNet core feature from the built update site (releng/dev.nnet.repository/target/repository)
#     with the platform's own p2 director (-application org.eclipse.equinox.p2.director),
#  3. starts that platform under Xvfb (and a D-Bus session), opens examples/xor.nnet in it the way a desktop does
#     (SWT's FileOpen over D-Bus, what the native launcher does for `eclipse FILE`), reads the bundle states
#     through the OSGi console: the core feature's NNet bundles resolved and dev.nnet.ui (lazy, STARTING before) ACTIVE
#     after the request; checks .metadata/.log for errors and saves a screenshot;
#  4. closes the workbench through the console (the framework's shutdown stops the workbench application, which
#     writes its model to workbench.xmi) and checks there that xor.nnet is open in the NNet editor
#     (dev.nnet.ui.editor: the part's memento and tags);
#  5. uninstalls the feature again with the director.
# Exit 0 when all holds.   releng/scripts/test-p2-install.sh [SCREENSHOT.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
. releng/scripts/find-jdk.sh
nnet_find_jdk
shot="${1:-$root/releng/dev.nnet.product/target/p2-install.png}"
platform=releng/dev.nnet.product/target/products/dev.nnet.test.platform/linux/gtk/x86_64/eclipse-platform
site="$root/releng/dev.nnet.repository/target/repository"
[ -d "$platform/plugins" ] && [ -f "$site/content.jar" -o -f "$site/content.xml" -o -f "$site/content.xml.xz" ] || {
	echo "p2 test: no materialized platform or update site; run ./build first" >&2; exit 1; }
work=$(mktemp -d)
xvfb="" ide_pid="" keep_open="" bus=""
cleanup() {
	[ -n "$ide_pid" ] && kill "$ide_pid" 2>/dev/null || true
	[ -n "$keep_open" ] && kill "$keep_open" 2>/dev/null || true
	[ -n "$bus" ] && kill "$bus" 2>/dev/null || true
	[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
start=$(date +%s)
cp -r "$platform" "$work/eclipse"
cd "$work/eclipse"
launcher=$(ls plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
jvm=("$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector)
director() {
	"${jvm[@]}" -jar "$launcher" -nosplash -consoleLog -application org.eclipse.equinox.p2.director "$@"
}
fail() { echo "p2 test: $*"; exit 1; }

if ls plugins | grep -qE '^(dev\.nnet|org\.eclipse\.jdt)'; then fail "the platform already has NNet or JDT"; fi
director -repository "file:$site" -installIU dev.nnet.feature.feature.group >"$work/install.log" 2>&1 \
	|| { cat "$work/install.log"; fail "the director could not install dev.nnet.feature from the update site"; }
grep -q 'Operation completed' "$work/install.log" || { cat "$work/install.log"; fail "no 'Operation completed'"; }
installed=$(ls plugins | grep -E '^dev\.nnet\.' | sed 's/_.*//' | sort | tr '\n' ' ')
echo "p2 test: installed into the plain platform in $(( $(date +%s) - start )) s: $installed"
# the core feature's bundles, and not the JDT integration
expected=$(sed -n 's/.*<plugin id="\(dev\.nnet\.[^"]*\)".*/\1/p' "$root/features/dev.nnet.feature/feature.xml" | sort | tr '\n' ' ')
[ "$installed" = "$expected" ] || fail "expected the core feature's bundles ($expected), got: $installed"
if ls plugins | grep -qE '^org\.eclipse\.jdt\.'; then fail "installing the core feature brought JDT along"; fi

# start it: Xvfb, a D-Bus session for SWT's FileOpen, the OSGi console on a FIFO
display=":$((100 + RANDOM % 400))"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
dbus-daemon --session --fork --print-address=3 --print-pid=4 3>"$work/bus.addr" 4>"$work/bus.pid"
export DBUS_SESSION_BUS_ADDRESS="$(head -n 1 "$work/bus.addr")"
bus=$(head -n 1 "$work/bus.pid")
sleep 1
mkfifo "$work/console"
sleep 100000 >"$work/console" &
keep_open=$!
DISPLAY="$display" "${jvm[@]}" -jar "$launcher" -data "$work/ws" -console <"$work/console" >"$work/ide.out" 2>&1 &
ide_pid=$!
ask() { echo "$1" >"$work/console"; sleep 2; }
for _ in $(seq 1 60); do
	sleep 3
	kill -0 "$ide_pid" 2>/dev/null || { cat "$work/ide.out"; fail "the platform exited early"; }
	ask "ss org.eclipse.ui.ide.application"
	grep -qE 'ACTIVE +org\.eclipse\.ui\.ide\.application_' "$work/ide.out" && break
done
sleep 5
: >"$work/ide.out"
ask "ss dev.nnet.ui"
echo "p2 test: before opening a .nnet file: $(tr -d '\r\000' <"$work/ide.out" | grep -E 'dev\.nnet\.ui_' || true)"
cp "$root/examples/xor.nnet" "$work/xor.nnet"
# the connection that serves SWT's FileOpen method (the workbench owns no well-known name without a native launcher)
swt=""
for _ in $(seq 1 10); do
	for name in $(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
			--method org.freedesktop.DBus.ListNames | grep -o "':[0-9.]*'" | tr -d "'"); do
		if timeout 30 gdbus introspect --session --dest "$name" --object-path /org/eclipse/swt 2>/dev/null | grep -q FileOpen; then
			swt="$name"; break
		fi
	done
	[ -n "$swt" ] && break
	sleep 2
done
[ -n "$swt" ] || fail "the workbench offers no SWT FileOpen method on D-Bus"
# the call returns once the UI thread has taken the event; slow machines need the long timeout
gdbus call --session --timeout 180 --dest "$swt" --object-path /org/eclipse/swt --method org.eclipse.swt.FileOpen \
	"['$work/xor.nnet']" >/dev/null || echo "p2 test: FileOpen did not answer; checking the workbench anyway"
# the editor is up when the workbench window's title names the file (the active editor's), at most 2 minutes
for _ in $(seq 1 60); do
	DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -q 'xor\.nnet' && break
	sleep 2
done
sleep 3
DISPLAY="$display" import -window root "$shot" 2>/dev/null || true
: >"$work/ide.out"
ask "ss dev.nnet"
states=$(tr -d '\r\000' <"$work/ide.out" | grep -E '[[:space:]]dev\.nnet\.' || true)
echo "$states"
[ "$(grep -c . <<<"$states")" -eq "$(wc -w <<<"$expected")" ] || fail "expected the bundles $expected in the running platform"
grep -qE 'ACTIVE +dev\.nnet\.ui_' <<<"$states" || fail "dev.nnet.ui is not ACTIVE after the request to open a .nnet file"
if grep -vE '(ACTIVE|RESOLVED|STARTING)' <<<"$states" | grep -q .; then fail "some NNet bundles are not resolved"; fi
# The log as the user's session left it (the console's close below stops bundles under the closing workbench,
# which logs SWT thread errors of its own)
log="$work/ws/.metadata/.log"
if [ -f "$log" ] && grep -q '^!ENTRY .* [48] ' "$log"; then cat "$log"; fail "errors in .metadata/.log"; fi
# Close the workbench the way the framework's shutdown does (the console's "close" stops the running
# application: the workbench closes and writes its model, with every open editor's id and input, to
# workbench.xmi), then read which editor holds xor.nnet.
echo "close" >"$work/console"
sleep 1
echo "y" >"$work/console"   # "Really want to stop Equinox? (y/n; default=y)"
closed=""
for _ in $(seq 1 90); do kill -0 "$ide_pid" 2>/dev/null || { closed=1; break; }; sleep 1; done
[ -n "$closed" ] || { kill "$ide_pid" 2>/dev/null || true; }
wait "$ide_pid" 2>/dev/null || true
ide_pid=""
[ -n "$closed" ] || { tail -n 30 "$work/ide.out"; fail "the platform did not exit within 90 s of the console's close"; }
xmi="$work/ws/.metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi"
[ -f "$xmi" ] || { tail -n 30 "$work/ide.out"; ls -R "$work/ws/.metadata" | head -n 40; fail "the workbench wrote no workbench.xmi on close"; }
[ -n "${NNET_P2_KEEP:-}" ] && cp "$xmi" "$NNET_P2_KEEP"
# the editor part of xor.nnet: its memento names the editor that was opened for it, and the NNet editor's id
# is among the part's tags (the compatibility layer tags each editor part with its editor id)
part=$(awk '/<persistedState key="memento"/ && /&lt;editor id=/ && /xor\.nnet/ { found = 1 } found { print } found && /<\/children>/ { exit }' "$xmi")
[ -n "$part" ] || fail "workbench.xmi has no editor part for xor.nnet: the file did not open in an editor"
grep -q 'editor id=&quot;dev\.nnet\.ui\.editor&quot;' <<<"$part" \
	|| fail "xor.nnet opened in another editor: $(grep -o 'editor id=&quot;[^&]*' <<<"$part" | head -n 1)"
grep -q '<tags>dev\.nnet\.ui\.editor</tags>' <<<"$part" || fail "the editor part of xor.nnet is not tagged dev.nnet.ui.editor"
echo "p2 test: xor.nnet is open in the NNet editor (dev.nnet.ui.editor, from workbench.xmi written on close)"

director -uninstallIU dev.nnet.feature.feature.group >"$work/uninstall.log" 2>&1 \
	|| { cat "$work/uninstall.log"; fail "the director could not uninstall dev.nnet.feature"; }
grep -q 'Operation completed' "$work/uninstall.log" || { cat "$work/uninstall.log"; fail "uninstall did not complete"; }
echo "p2 test: NNet installed with the p2 director into a plain Eclipse platform, its bundles resolved, xor.nnet open in the NNet editor, no errors logged, uninstalled again; $(( $(date +%s) - start )) s; screenshot $shot"
