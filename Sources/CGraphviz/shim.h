#ifndef RAPPORT_CGRAPHVIZ_SHIM_H
#define RAPPORT_CGRAPHVIZ_SHIM_H

#include <stdio.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Swift 6 rejects mutable C globals; reach them through functions. */
static inline Agdesc_t rapport_ag_directed(void) { return Agdirected; }
static inline Agdesc_t rapport_ag_undirected(void) { return Agundirected; }
static inline FILE *rapport_stderr(void) { return stderr; }

/* Exported by libcgraph (scan.l) but missing from cgraph.h: flushes the lexer's buffer. agmemread
 * leaves the rest of a text (at least its trailing newline) in that buffer, and the next read in the
 * same process would lex it first and count its lines. */
extern void aglexbad(void);

#endif
