#ifndef CALLOCATOR_H
#define CALLOCATOR_H
/* The process's memory allocator: jemalloc on Linux (Debian's libjemalloc-dev), with the settings in allocator.c;
   the system's malloc elsewhere. */

/* Returns every page of memory the allocator holds free to the system now, instead of after its decay time. */
void callocator_return_freed_memory(void);

/* The number of arenas the allocator was started with (jemalloc's opt.narenas), or 0 when the allocator is not
   jemalloc. */
unsigned callocator_arena_count(void);
#endif
