#ifndef RAPPORT_PREFETCH_H
#define RAPPORT_PREFETCH_H

/// Asks the processor to bring the cache line holding `p` into its caches, for a read soon; a hint
/// that never faults, whatever `p` is. Swift cannot emit the instruction itself. Dijkstra uses it to
/// fetch the next node's half-edges while it relaxes the current node's (MostReliablePaths+Dijkstra).
static inline void rapport_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#endif
