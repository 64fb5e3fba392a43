#ifndef CSQLITESETTINGS_SHIM_H
#define CSQLITESETTINGS_SHIM_H
#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call: one wrapper per setting the process makes. */

/* Turns off SQLite's memory statistics, which take a process-wide mutex around every allocation and free.
   Takes effect only before SQLite is first used; returns SQLITE_OK, or SQLITE_MISUSE when it is too late. */
static inline int csqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
#endif
