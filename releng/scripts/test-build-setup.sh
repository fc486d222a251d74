#!/usr/bin/env bash
# Tests the set-up that ./build does by itself, on a simulated machine without Xvfb, xauth and GTK 3:
# a PATH where xvfb-run and xauth are absent and id, apt-get, apt-cache and ldconfig are stand-ins.
#  - as root with apt-get: ./build says in one line that it installs them, installs them, then builds;
#  - not root: ./build prints the exact apt-get command and stops with exit 1 before Maven.
# ./build runs with "--version" so that Maven only prints its version.  Exit 0 when both hold.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
for d in /usr/local/bin /usr/bin /bin /usr/sbin /sbin; do
	for f in "$d"/*; do
		n=$(basename "$f")
		case "$n" in xvfb-run|xauth|Xvfb|id|apt-get|apt-cache|ldconfig) continue ;; esac
		[ -e "$work/bin/$n" ] || ln -s "$f" "$work/bin/$n"
	done
done
cat >"$work/bin/id" <<STUB
#!/bin/sh
[ "\$1" = -u ] && exec cat "$work/uid"
exec /usr/bin/id "\$@"
STUB
cat >"$work/bin/apt-cache" <<'STUB'
#!/bin/sh
exit 1
STUB
# apt-get: records its arguments; "install" puts a working xvfb-run and xauth on the PATH
cat >"$work/bin/apt-get" <<STUB
#!/bin/sh
echo "apt-get \$*" >>"$work/apt.log"
case "\$*" in *install*)
	printf '#!/bin/sh\nwhile [ "\$1" = -a ] || [ "\$1" = -s ]; do [ "\$1" = -s ] && shift; shift; done\nexec "\$@"\n' >"$work/bin/xvfb-run"
	printf '#!/bin/sh\n' >"$work/bin/xauth"
	chmod +x "$work/bin/xvfb-run" "$work/bin/xauth" ;;
esac
STUB
printf '#!/bin/sh\necho "0 libs found in cache"\n' >"$work/bin/ldconfig"
chmod +x "$work/bin/id" "$work/bin/apt-cache" "$work/bin/apt-get" "$work/bin/ldconfig"
status=0

echo 1000 >"$work/uid"
out=$(env -u DISPLAY PATH="$work/bin" ./build --version 2>&1) && rc=0 || rc=$?
expected="build: missing xvfb xauth libgtk-3-0 (needed by the UI tests); install with: sudo apt-get install -y xvfb xauth libgtk-3-0"
if [ $rc -ne 1 ] || ! grep -qxF "$expected" <<<"$out" || [ -e "$work/apt.log" ]; then
	echo "setup test (not root): expected exit 1 and the line '$expected', got exit $rc:"; echo "$out"; status=1
fi

echo 0 >"$work/uid"
out=$(env -u DISPLAY PATH="$work/bin" ./build --version 2>&1) && rc=0 || rc=$?
expected="build: installing xvfb xauth libgtk-3-0 (needed by the UI tests) with apt-get"
if [ $rc -ne 0 ] || [ "$(grep -c '^build: ' <<<"$out")" -ne 1 ] || ! grep -qxF "$expected" <<<"$out" \
		|| ! grep -qx 'apt-get install -y -qq xvfb xauth libgtk-3-0' "$work/apt.log" || ! grep -q 'Apache Maven' <<<"$out"; then
	echo "setup test (root): expected exit 0, the one line '$expected', apt-get install and Maven's version, got exit $rc:"
	echo "$out"; cat "$work/apt.log" 2>/dev/null; status=1
fi
[ $status -eq 0 ] && echo "setup test: ./build installs Xvfb, xauth and GTK 3 as root with apt-get, and prints the command otherwise"
exit $status
