#!/usr/bin/env bash
# Start-up timing of short commands (docs/performance.md, "Start-up of ./nnet check"):
#   releng/scripts/startup-bench.sh [-n RUNS] [-l LAUNCHER] FILE.nnet...
# Runs `LAUNCHER check FILE` RUNS times per file (default 5, launcher ./nnet), interleaving the files, and prints
# per file the min and median of wall time, user CPU, system CPU and peak RSS, plus the load average.
# Each file should sit alone in its folder: check loads every .nnet file of the folder as one project.
set -euo pipefail
runs=5
launcher="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/nnet"
while [ $# -gt 0 ]; do
	case "$1" in
	-n) runs="$2"; shift 2 ;;
	-l) launcher="$2"; shift 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-n RUNS] [-l LAUNCHER] FILE.nnet..." >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$launcher" check "$1" >/dev/null 2>&1 || true # warm-up: builds or refreshes caches, not counted
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < runs; i++)); do
	for f in "$@"; do
		/usr/bin/time -a -o "$tmp/$(basename "$f").times" -f "%e %U %S %M" "$launcher" check "$f" >/dev/null 2>&1 || true
	done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %15s %15s %15s %15s\n' file "wall min/med s" "user min/med s" "sys min/med s" "RSS min/med MB"
for f in "$@"; do
	awk -v name="$(basename "$f")" '
		{ for (c = 1; c <= 4; c++) v[c, NR] = $c; n = NR }
		function stat(c,   i, j, t, a) {
			for (i = 1; i <= n; i++) a[i] = v[c, i]
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
			return sprintf(c == 4 ? "%.0f / %.0f" : "%.2f / %.2f", c == 4 ? a[1] / 1024 : a[1],
				c == 4 ? a[int((n + 1) / 2)] / 1024 : a[int((n + 1) / 2)])
		}
		END { printf "%-28s %15s %15s %15s %15s\n", name, stat(1), stat(2), stat(3), stat(4) }
	' "$tmp/$(basename "$f").times"
done
