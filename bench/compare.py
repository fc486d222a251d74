#!/usr/bin/env python3
"""Ratio table from one bench/run.sh results file: our best figure / each peer's best figure per workload
(>1 means NNet is faster), and the targets of issue 8.  usage: compare.py results.jsonl"""
import json
import sys

RATE = {'W1_xor': 'samples_per_s', 'W2_iris': 'samples_per_s', 'W3_digits': 'samples_per_s',
        'W4_mnist_synth': 'samples_per_s',
        'W6_digits_cnn': 'samples_per_s'}


def load(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip().startswith('{')]


def best(rows, system, workload, key, **match):
    vals = [(r[key], r) for r in rows if r.get('system') == system and r.get('workload') == workload
            and r.get(key) is not None and all(r.get(k) == v for k, v in match.items())]
    return max(vals, key=lambda v: v[0]) if vals else (None, None)


def main():
    rows = load(sys.argv[1])
    systems = sorted({r['system'] for r in rows if r.get('system') not in ('nnet', 'fma_peak_c', 'fma_peak_avx512_c')})
    print('| workload | metric | nnet best [threads, dtype] | peer best [threads, dtype] | nnet / peer |')
    print('|---|---|---|---|---|')
    for w, key in RATE.items():
        ours, r = best(rows, 'nnet', w, key)
        if ours is None:
            continue
        for s in systems:
            theirs, p = best(rows, s, w, key)
            if theirs:
                print('| %s | samples/s | %.4g [%s, %s] | %s %.4g [%s, %s] | %.2f |' % (
                    w, ours, r['threads'], r['dtype'], s, theirs, p['threads'], p['dtype'], ours / theirs))
    for n in (256, 512, 1024):
        for t in (1, 2):
            ours, _ = best(rows, 'nnet', 'W5_sgemm', 'gflops', n=n, threads=t)
            if ours is None:
                continue
            peak, _ = best(rows, 'fma_peak_c', 'peak_fp32', 'gflops', threads=t)
            peak512, _ = best(rows, 'fma_peak_avx512_c', 'peak_fp32', 'gflops', threads=t)
            line = '| W5_sgemm n=%d | GFLOPS, %d thr | %.1f |' % (n, t, ours)
            peers = []
            for s in systems:
                theirs, _ = best(rows, s, 'W5_sgemm', 'gflops', n=n, threads=t)
                if theirs:
                    peers.append('%s %.1f: %.2f' % (s, theirs, ours / theirs))
            if peak:
                peers.append('AVX2 FMA peak %.1f: %.2f' % (peak, ours / peak))
            if peak512:
                peers.append('AVX-512 FMA peak %.1f: %.2f' % (peak512, ours / peak512))
            print(line + ' ' + '; '.join(peers) + ' | |')


if __name__ == '__main__':
    main()
