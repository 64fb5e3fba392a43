#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
/* glibc's malloc statistics and trimming (malloc.h), which Swift's Glibc module leaves out. */
#ifdef __linux__
#include <malloc.h>
#endif
#endif
