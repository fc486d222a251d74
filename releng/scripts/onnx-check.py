#!/usr/bin/python3
"""Checks ONNX files with ONNX's own checker: onnx.checker.check_model(model, full_check=True) (type and shape
inference included) on every .onnx file under the given files and directories. Needs python3-onnx (Debian).

    /usr/bin/python3 releng/scripts/onnx-check.py tests/dev.nnet.onnx.tests/target/onnx-exports

Prints one line per file, exits 1 if any file fails, 2 if no file was found."""
import os
import sys

import onnx


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith(".onnx"):
                        yield os.path.join(root, n)
        else:
            yield p


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    checked = failed = 0
    for f in files(argv[1:]):
        checked += 1
        try:
            m = onnx.load(f)
            onnx.checker.check_model(m, full_check=True)
            print(f"ok   {f}: IR {m.ir_version}, opset {m.opset_import[0].version}, {len(m.graph.node)} nodes")
        except Exception as e:  # the checker's own exception types vary between versions
            failed += 1
            print(f"FAIL {f}: {type(e).__name__}: {e}")
    if checked == 0:
        print("no .onnx file found under " + " ".join(argv[1:]), file=sys.stderr)
        return 2
    print(f"onnx-check: {checked - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
