// BLAS and LAPACK C interfaces: OpenBLAS (pkg-config `openblas`, Debian libopenblas-dev)
// and LAPACKE (Debian liblapacke-dev).
#ifndef CHISO_CLAPACK_SHIM_H
#define CHISO_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
