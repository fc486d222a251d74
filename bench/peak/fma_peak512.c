/* FP32 FMA peak with AVX-512 (the anchors' peak program measures AVX2 only): 12 independent chains of
 * 16-lane FMAs per thread, 1 and 2 threads, best of 3. Prints one JSON line per thread count.
 * Build: gcc -O3 -mavx512f -pthread fma_peak512.c -o fma_peak512 */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#define ITER 200000000L
static float sink[16];

static void *work(void *arg) {
    __m512 m = _mm512_set1_ps(0.999999f), a = _mm512_set1_ps(1e-7f);
    __m512 c[12];
    for (int i = 0; i < 12; i++) c[i] = _mm512_set1_ps((float)i);
    for (long k = 0; k < ITER; k++)
        for (int i = 0; i < 12; i++) c[i] = _mm512_fmadd_ps(c[i], m, a);
    __m512 s = c[0];
    for (int i = 1; i < 12; i++) s = _mm512_add_ps(s, c[i]);
    _mm512_storeu_ps(sink, s);
    return arg;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void) {
    for (int threads = 1; threads <= 2; threads++) {
        double best = 1e30;
        for (int rep = 0; rep < 3; rep++) {
            pthread_t t[2];
            double t0 = now();
            for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, work, NULL);
            for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
            double s = now() - t0;
            if (s < best) best = s;
        }
        double flops = 2.0 * 16 * 12 * ITER * threads;
        printf("{\"system\": \"fma_peak_avx512_c\", \"workload\": \"peak_fp32\", \"dtype\": \"float32\", "
               "\"threads\": %d, \"seconds\": %.4f, \"gflops\": %.2f, \"check\": %g}\n",
               threads, best, flops / best / 1e9, sink[0]);
        fflush(stdout);
    }
    return 0;
}
