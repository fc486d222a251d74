#!/usr/bin/env python3
"""Checker and editor latency on a large .nnet file (docs/performance.md, item 6 of the speed issue).

   bench/lsp-latency.py [--lines 5000] [--edits 10] [--nnet ./nnet] [--out DIR]

1. writes DIR/large.nnet with bench/large-nnet.py (LINES lines, every block valid);
2. times `nnet check DIR/large.nnet` (wall clock of the process, JVM start-up included; peak RSS with
   /usr/bin/time when present);
3. starts `nnet lsp` (the language server the editor uses: the same parse, validation and shape inference),
   times initialize (its build of the workspace folder, which holds the file, JVM start-up included) to the
   file's diagnostics, then
   didOpen -> publishDiagnostics, then EDITS keystrokes (one character typed into the
   first comment line, the file stays valid) each timed didChange -> the next publishDiagnostics for the file.
Prints one JSON line per measurement (the load average is in each line)."""
import argparse
import json
import os
import subprocess
import sys
import threading
import time
import queue

HERE = os.path.dirname(os.path.abspath(__file__))


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def emit(**fields):
    fields["load"] = load()
    print(json.dumps(fields), flush=True)


class Server:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.p.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            self.messages.put((time.perf_counter(), json.loads(body)))

    def send(self, method, params, request=False):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            msg["id"] = self.next_id
            self.next_id += 1
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()
        return msg.get("id")

    def wait(self, predicate, timeout):
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None, None
            try:
                t, m = self.messages.get(timeout=left)
            except queue.Empty:
                return None, None
            if predicate(m):
                return t, m

    def close(self):
        try:
            self.send("shutdown", None, request=True)
            self.send("exit", None)
            self.p.wait(timeout=10)
        except Exception:
            self.p.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--nnet", default=os.path.join(HERE, "..", "nnet"))
    ap.add_argument("--out", default=os.path.join(HERE, "target", "latency"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    path = os.path.abspath(os.path.join(a.out, "large.nnet"))
    subprocess.check_call([sys.executable, os.path.join(HERE, "large-nnet.py"), str(a.lines), path])
    text = open(path, encoding="utf-8").read()
    subprocess.run([a.nnet, "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # builds it if needed

    timed = ["/usr/bin/time", "-f", "%M", "-o", os.path.join(a.out, "check-time.txt")] \
        if os.path.exists("/usr/bin/time") else []
    t0 = time.perf_counter()
    check = subprocess.run(timed + [a.nnet, "check", path], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    rss = None
    if timed:
        rss = int(open(os.path.join(a.out, "check-time.txt")).read().split()[-1]) / 1000
    emit(system="nnet-cli", workload="check_large_file", lines=text.count("\n"), seconds=round(seconds, 3),
         exit=check.returncode, peak_rss_mb=rss, output_lines=len(check.stdout.splitlines()))

    uri = "file://" + path
    server = Server([a.nnet, "lsp"])
    t_start = time.perf_counter()
    rid = server.send("initialize", {"processId": os.getpid(), "rootUri": "file://" + os.path.abspath(a.out),
                                     "capabilities": {}}, request=True)
    t, m = server.wait(lambda m: m.get("id") == rid, 120)
    if m is None:
        emit(system="nnet-lsp", workload="lsp_initialize", error="no answer in 120 s")
        server.close()
        return 1
    sync = m.get("result", {}).get("capabilities", {}).get("textDocumentSync")
    kind = sync.get("change") if isinstance(sync, dict) else sync
    def diagnostics(m):
        return m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri

    # the file lies in the workspace folder: the server's initial build (during initialize) validates it from disk
    server.send("initialized", {})
    t, m = server.wait(diagnostics, 300)
    emit(system="nnet-lsp", workload="lsp_initialize_to_diagnostics", lines=text.count("\n"),
         seconds=None if t is None else round(t - t_start, 4),
         diagnostics=None if m is None else len(m["params"]["diagnostics"]))

    t0 = time.perf_counter()
    server.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "nnet", "version": 1, "text": text}})
    t, m = server.wait(diagnostics, 120)
    emit(system="nnet-lsp", workload="lsp_open_to_diagnostics", lines=text.count("\n"),
         seconds=None if t is None else round(t - t0, 4),
         diagnostics=None if m is None else len(m["params"]["diagnostics"]))
    first = text.split("\n", 1)[0]
    times = []
    for k in range(a.edits):
        version = k + 2
        col = len(first) + k
        if kind == 2:
            change = {"range": {"start": {"line": 0, "character": col}, "end": {"line": 0, "character": col}},
                      "text": "x"}
        else:
            text = first + "x" * (k + 1) + "\n" + text.split("\n", 1)[1]
            change = {"text": text}
        t0 = time.perf_counter()
        server.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                              "contentChanges": [change]})
        t, m = server.wait(diagnostics, 120)
        times.append(None if t is None else t - t0)
    done = sorted(x for x in times if x is not None)
    emit(system="nnet-lsp", workload="lsp_keystroke_to_diagnostics", lines=text.count("\n"), edits=a.edits,
         answered=len(done), sync_kind=kind, seconds=round(done[len(done) // 2], 4) if done else None,
         seconds_min=round(done[0], 4) if done else None, seconds_max=round(done[-1], 4) if done else None,
         note="median of didChange -> publishDiagnostics; one character typed into a comment, the file stays valid")
    server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
