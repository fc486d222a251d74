#!/usr/bin/python3
"""Workload W6 (issue 13) on PyTorch (Debian python3-torch, CPU, float32): the Digits CNN's training loop, the
same as bench/src/dev/nnet/bench/CnnBench.java runs on NNet. Self-contained (only examples/data/digits.csv).

Input 1x8x8 (features / 16; rows with index % 5 == 4 are test), Conv2d 16 3x3 padding 1 + ReLU, MaxPool2d 2,
Conv2d 32 3x3 padding 1 + ReLU, MaxPool2d 2, Flatten, Linear 64 + ReLU, Linear 10; CrossEntropyLoss, batch 32,
SGD lr 0.05, a fresh randperm per epoch (as the anchors' W3). He-uniform weights for ReLU layers, Glorot-uniform
for the output, zero biases (NNet's defaults). Three throwaway epochs to warm up (as W3), then two timed runs of 5 epochs (--epochs).

usage: /usr/bin/python3 bench/w6_torch_cnn.py [--data DIR] [--threads 1,2] [--epochs N]
Prints one JSON line per thread count in the anchors' schema."""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn

SEED = 42
EPOCHS = 5


def load(data_dir):
    a = np.loadtxt(os.path.join(data_dir, 'digits.csv'), delimiter=',', skiprows=1)
    x, y = a[:, :-1] / 16.0, a[:, -1].astype(np.int64)
    test = np.arange(len(y)) % 5 == 4
    t = lambda v, dt: torch.tensor(v, dtype=dt)
    return (t(x[~test], torch.float32).reshape(-1, 1, 8, 8), t(y[~test], torch.int64),
            t(x[test], torch.float32).reshape(-1, 1, 8, 8), t(y[test], torch.int64))


def model():
    m = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                      nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
    layers = [l for l in m if isinstance(l, (nn.Conv2d, nn.Linear))]
    for i, l in enumerate(layers):
        if i < len(layers) - 1:
            nn.init.kaiming_uniform_(l.weight, nonlinearity='relu')
        else:
            nn.init.xavier_uniform_(l.weight)
        nn.init.zeros_(l.bias)
    return m


def train(x, y, epochs, seed):
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    m = model()
    opt = torch.optim.SGD(m.parameters(), lr=0.05)
    lossf = nn.CrossEntropyLoss()
    n = len(y)
    t0 = time.perf_counter()
    for _ in range(epochs):
        perm = torch.randperm(n, generator=g)
        for s in range(0, n, 32):
            idx = perm[s:s + 32]
            loss = lossf(m(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    return m, time.perf_counter() - t0


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--data', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'examples', 'data'))
    p.add_argument('--threads', default='1,2')
    p.add_argument('--epochs', type=int, default=EPOCHS)
    a = p.parse_args()
    xtr, ytr, xte, yte = load(a.data)
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        threadpool_limits = None
    for t in [int(v) for v in a.threads.split(',')]:
        torch.set_num_threads(t)
        limit = threadpool_limits(limits=t, user_api='blas') if threadpool_limits else None
        try:
            train(xtr, ytr, 3, SEED + 1)
            ts = []
            for _ in range(2):
                m, s = train(xtr, ytr, a.epochs, SEED)
                ts.append(s)
        finally:
            if limit is not None:
                limit.unregister()
        with torch.no_grad():
            loss = float(nn.functional.cross_entropy(m(xtr), ytr))
            acc = float((m(xte).argmax(1) == yte).float().mean())
        out = dict(system='pytorch', version='torch %s (oneDNN %s)' % (torch.__version__,
                   torch.backends.mkldnn.is_available()), workload='W6_digits_cnn', dtype='float32', threads=t,
                   seconds=min(ts), seconds_median=statistics.median(ts), samples_per_s=a.epochs * len(ytr) / min(ts),
                   final_loss=loss, accuracy=acc, sec_per_epoch=min(ts) / a.epochs, epochs=a.epochs, reps=len(ts))
        sys.stdout.write(json.dumps({k: float('%.6g' % v) if isinstance(v, float) else v for k, v in out.items()})
                         + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
