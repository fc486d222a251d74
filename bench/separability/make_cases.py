#!/usr/bin/env python3
"""Writes the perceptron cases of the separability timing (docs/performance.md) as .nnet files:
random 6-decimal features, labels random (not separable once samples > 2 (features + 1)) or planted.
Usage: make_cases.py OUTDIR"""
import os
import random
import sys

CASES = [(40, 10), (80, 10), (160, 10), (90, 200), (500, 50)]


def write(path, n, d, planted, seed):
    r = random.Random(seed)
    w = [r.gauss(0, 1) for _ in range(d)]
    lines = []
    for _ in range(n):
        x = [round(r.random(), 6) for _ in range(d)]
        s = sum(wj * (xj - 0.5) for wj, xj in zip(w, x))
        label = (1 if s > 0 else 0) if planted else r.randint(0, 1)
        lines.append("    (" + ", ".join("%.6f" % v for v in x) + ") -> %d" % label)
    with open(path, "w") as f:
        f.write("data d {\n  samples {\n" + "\n".join(lines) + "\n  }\n}\n")
        f.write("perceptron P { input %d }\n" % d)
        f.write("training t { network P data d batch 1 epochs 10 }\n")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for n, d in CASES:
        for planted in (False, True):
            name = "p%dx%d-%s.nnet" % (n, d, "planted" if planted else "random")
            write(os.path.join(out, name), n, d, planted, n * 1000 + d)


if __name__ == "__main__":
    main()
