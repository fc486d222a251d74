#!/usr/bin/env bash
# Smoke test of the ./nnet launcher itself (not of Main in-process, which the CLI tests cover):
#   releng/scripts/test-launcher.sh
# From an empty class-data cache (releng/dev.nnet.cli/target/jvm-cache is deleted first: it is only a cache) it runs
# check, generate, graph, train, export, import and lsp through ./nnet, twice (the second time on the caches the first
# runs wrote), plus two checks started at once, and fails when an exit code is wrong, when standard error is not
# empty, when standard output has anything but the command's own output (a stack trace, a JVM message), or when the
# short commands, which run without the Vector API module, hit a class of it (NoClassDefFoundError).
set -euo pipefail
cd "$(dirname "$0")/../.."
NNET="$PWD/nnet"
CACHE="$PWD/releng/dev.nnet.cli/target/jvm-cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "test-launcher: FAIL: $*" >&2; failures=$((failures + 1)); }

"$NNET" --help >/dev/null # builds the command line when needed, outside the checks below
rm -rf "$CACHE"
mkdir -p "$work/and" "$work/xor" "$work/gen" "$work/imported"
cp examples/perceptron-and.nnet "$work/and/"
cp examples/xor.nnet "$work/xor/"

# run NAME EXPECTED_EXIT COMMAND...: stdout to $work/NAME.out, stderr to $work/NAME.err; neither may hold a JVM
# message or a stack trace, and check's stderr must stay empty when it succeeds (generate, graph, train report
# progress there by design)
run() {
	local name="$1" expected="$2" code=0
	shift 2
	(cd "$work" && "$NNET" "$@" >"$name.out" 2>"$name.err") || code=$?
	[ "$code" -eq "$expected" ] || fail "nnet $* exited $code, expected $expected: $(head -c 600 "$work/$name.err")"
	if [ "$1" = check ] && [ "$expected" -eq 0 ] && [ -s "$work/$name.err" ]; then
		fail "nnet $* wrote to stderr: $(head -c 600 "$work/$name.err")"
	fi
	if grep -qE 'Exception|Error:|WARNING|AOTConfiguration|AOTCache|shared archive|^\[[0-9.]+s\]' "$work/$name.err"; then
		fail "nnet $* wrote a JVM message or a stack trace on stderr: $(head -c 600 "$work/$name.err")"
	fi
	if grep -qE 'Exception|Error:|AOTConfiguration|AOTCache|shared archive|^\[[0-9.]+s\]' "$work/$name.out"; then
		fail "nnet $* wrote a JVM message or a stack trace on stdout: $(head -c 600 "$work/$name.out")"
	fi
}

# wait_for_caches: the AOT caches (JDK 25) are assembled in the background after a command's first run
wait_for_caches() {
	for _ in $(seq 1 120); do
		compgen -G "$CACHE/*.lock" >/dev/null || return 0
		sleep 1
	done
	fail "an AOT cache was still being assembled after 2 minutes: $(ls "$CACHE")"
}

lsp_session() { # initialize, shutdown, exit: stdout must hold nothing but Content-Length frames
	(cd "$work" && /usr/bin/python3 - "$NNET" "lsp$1" <<'PY') || fail "lsp: stdout is not only protocol frames, or no answer"
import json, re, subprocess, sys, threading
p = subprocess.Popen([sys.argv[1], 'lsp'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=open(sys.argv[2] + '.err', 'wb'))
timer = threading.Timer(120, p.kill)
timer.start()
def send(message):
    body = json.dumps(message).encode()
    p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)
    p.stdin.flush()
def frame():
    header = b''
    while not header.endswith(b'\r\n\r\n'):
        c = p.stdout.read(1)
        if not c:
            sys.exit('end of output inside a frame header: %r' % header)
        header += c
    m = re.fullmatch(rb'Content-Length: (\d+)\r\n(?:[^\r\n]+\r\n)*\r\n', header)
    if not m:
        sys.exit('not a frame header: %r' % header[:80])
    return json.loads(p.stdout.read(int(m.group(1))))
send({'jsonrpc': '2.0', 'id': 1, 'method': 'initialize',
      'params': {'processId': None, 'rootUri': None, 'capabilities': {}}})
while frame().get('id') != 1:
    pass
send({'jsonrpc': '2.0', 'id': 2, 'method': 'shutdown'})
while frame().get('id') != 2:
    pass
send({'jsonrpc': '2.0', 'method': 'exit'})
p.stdin.close()
rest = p.stdout.read()
p.wait()
timer.cancel()
while rest:  # anything after the answers must be frames too
    m = re.match(rb'Content-Length: (\d+)\r\n(?:[^\r\n]+\r\n)*\r\n', rest)
    if not m:
        sys.exit('not a frame: %r' % rest[:80])
    rest = rest[m.end() + int(m.group(1)):]
PY
	if grep -qE 'Exception|WARNING' "$work/lsp$1.err"; then fail "lsp wrote to stderr: $(head -c 600 "$work/lsp$1.err")"; fi
}

for round in 1 2; do
	run "check$round" 0 check and/perceptron-and.nnet
	run "checkxor$round" 0 check xor/xor.nnet
	grep -q 'notLinearlySeparable' "$work/checkxor$round.out" || fail "check of xor.nnet lost its separability warning"
	run "generate$round" 0 generate and/perceptron-and.nnet -o gen
	run "graph$round" 0 graph xor/xor.nnet -o "xor$round.svg"
	run "train$round" 0 train xor/xor.nnet --epochs 20 --save "xor$round.json"
	run "export$round" 0 export "xor$round.json" -o "xor$round.onnx"
	cp tests/dev.nnet.onnx.tests/fixtures/mlp_gemm_softmax.onnx "$work/mlp$round.onnx" # (a PyTorch export)
	run "import$round" 0 import "mlp$round.onnx" -o "imported$round"
	run "checkimported$round" 0 check "imported$round/mlp$round.nnet"
	run "missing$round" 2 check does-not-exist.nnet
	grep -q 'does-not-exist.nnet' "$work/missing$round.err" || fail "check of a missing file did not name it"
	lsp_session "$round"
	wait_for_caches
	for kind in check generate graph export import long; do
		compgen -G "$CACHE/$kind-*.*" >/dev/null || fail "no class-data cache for $kind in $CACHE: $(ls "$CACHE")"
	done
done

rm -rf "$CACHE"
(cd "$work" && "$NNET" check xor/xor.nnet >both1.out 2>both1.err) &
(cd "$work" && "$NNET" check xor/xor.nnet >both2.out 2>both2.err) &
wait
cmp -s "$work/both1.out" "$work/checkxor1.out" && cmp -s "$work/both2.out" "$work/checkxor1.out" ||
	fail "two checks started at once printed different output"
[ ! -s "$work/both1.err" ] && [ ! -s "$work/both2.err" ] || fail "two checks started at once wrote to stderr"
wait_for_caches

[ -n "$(ls "$CACHE" 2>/dev/null)" ] || fail "no class-data cache was written to $CACHE"
if [ "$failures" -gt 0 ]; then
	echo "test-launcher: $failures failure(s)" >&2
	exit 1
fi
echo "test-launcher: ok ($(ls "$CACHE" | tr '\n' ' '))"
