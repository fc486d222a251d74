#!/usr/bin/env python3
"""W7 peer: numpy.loadtxt of the CSV that CsvBench generates; one JSON line like CsvBench's.

usage: csv_numpy.py FILE [REPS]   (the first load, the best of 1 + REPS, peak RSS after the first load)
"""
import json
import os
import resource
import sys
import time

import numpy as np

path = sys.argv[1]
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
t0 = time.perf_counter()
a = np.loadtxt(path, delimiter=",", skiprows=1)
first = time.perf_counter() - t0
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
checksum = float(a[:, :-1].sum())
times = [first]
for _ in range(reps):
    a = None
    t = time.perf_counter()
    a = np.loadtxt(path, delimiter=",", skiprows=1)
    times.append(time.perf_counter() - t)
best = min(times)
print(json.dumps({"system": "numpy", "version": np.__version__, "workload": "W7_csv_load", "dtype": "float64",
                  "threads": 1, "seconds": round(best, 6), "seconds_median": round(sorted(times)[len(times) // 2], 6),
                  "samples_per_s": round(a.shape[0] / best, 1), "final_loss": None, "accuracy": None,
                  "seconds_first": round(first, 6), "rows": a.shape[0], "features": a.shape[1] - 1,
                  "file_mb": round(os.path.getsize(path) / 1e6, 3), "data_mb": round(a.size * 8 / 1e6, 3),
                  "peak_rss_mb": round(rss_kb / 1e3, 1), "checksum": round(checksum, 6), "reps": len(times),
                  "note": "numpy.loadtxt(delimiter=',', skiprows=1)"}), flush=True)
