// The few LAPACK/OpenBLAS entry points RegularsRecommend uses (Debian: libopenblas-dev).
// Declared here rather than through lapacke.h so that only libopenblas-dev is needed.
void spotrf_(const char *uplo, const int *n, float *a, const int *lda, int *info);
void spotri_(const char *uplo, const int *n, float *a, const int *lda, int *info);
void openblas_set_num_threads(int num_threads);
