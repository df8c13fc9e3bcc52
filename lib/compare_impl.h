/* compare_impl.h - the body of oaip_comparison, shared by compare.c (the
 * reading and counting) and area.c (order, duplicates, support, the
 * previous year).  Private to the library. */
#ifndef OAIP_COMPARE_IMPL_H
#define OAIP_COMPARE_IMPL_H

#include "private.h"

struct oaip_comparison {
	const oaip_framework *fw; /* borrowed */
	int target;
	unsigned phase;
	oaip_school *schools; /* in the order added; natural order by name
	                         after finish */
	size_t n, cap;
	size_t n_unreadable;
	size_t n_low;
	size_t n_duplicates;
	size_t *below; /* per indicator: counted schools rating it below
	                  target (after finish) */
	size_t *rated; /* per indicator: counted schools rating it */
	oaip_spread spread[OAIP_N_CORNERSTONES + 1];
	oaip_priority *priorities;
	size_t n_priorities;
	/* For priority k, the schools to invite: invite[invite_at[k] ..
	 * invite_at[k + 1]), school indexes in report order. */
	size_t *invite;
	size_t invite_at[OAIP_COMPARE_PRIORITIES + 1];
	size_t *support; /* school indexes, most in need first */
	size_t n_support;
	size_t n_need; /* counted schools with any reason for support */
	bool folder;   /* the files being added were found in a folder */
	/* Files in a folder that were not read as returns. */
	oaip_skipped *skipped;
	size_t n_skipped, cap_skipped;
	/* The earlier comparison (--previous), borrowed, and per school of
	 * it whether some school now matched it. */
	const oaip_comparison *prev;
	bool *prev_matched;
	size_t *improved, *slipped;
	size_t n_improved, n_slipped;
};

/* area.c: called by oaip_comparison_finish, in this order. */
/* Sort the schools by name in natural order (then by file). */
void oaip_area_sort(oaip_comparison *c);
/* Mark duplicates: each keeps counted = false and duplicate_of set. */
void oaip_area_duplicates(oaip_comparison *c);
/* Schools in need of support and the schools to invite for each
 * priority; false if allocation failed. */
bool oaip_area_support(oaip_comparison *c);

#endif
