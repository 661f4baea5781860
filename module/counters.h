/* SPDX-License-Identifier: GPL-2.0 */
/* Per-CPU packet and byte counters: the namespace's slots and custom rules'. */
#ifndef _LYNCEDGE_COUNTERS_H
#define _LYNCEDGE_COUNTERS_H

#include "lyncedge.h"

struct lyncedge_stats __percpu *lyncedge_stats_alloc(void);
void lyncedge_stats_free(struct lyncedge_stats __percpu *stats);

struct lyncedge_ccounter *lyncedge_ccounter_new(void);
void lyncedge_ccounter_get(struct lyncedge_ccounter *cc);
void lyncedge_ccounter_put(struct lyncedge_ccounter *cc);

/*
 * One CPU's counter; the caller has preemption off (see counters.c).
 * Inline, as the two below: the hooks count every new flow and every drop.
 */
static inline void lyncedge_counter_add(struct u64_stats_sync *syncp, struct lyncedge_counter *c,
					u64 packets, u64 bytes)
{
	unsigned long flags = u64_stats_update_begin_irqsave(syncp);

	u64_stats_add(&c->packets, packets);
	u64_stats_add(&c->bytes, bytes);
	u64_stats_update_end_irqrestore(syncp, flags);
}

static inline void lyncedge_count(struct lyncedge_net *ln, unsigned int slot, unsigned int len)
{
	struct lyncedge_stats *s = get_cpu_ptr(ln->stats);

	lyncedge_counter_add(&s->syncp, &s->slot[slot], 1, len);
	put_cpu_ptr(ln->stats);
}

static inline void lyncedge_ccount(struct lyncedge_ccounter *cc, unsigned int len)
{
	struct lyncedge_pcounter *pc = get_cpu_ptr(cc->pc);

	lyncedge_counter_add(&pc->syncp, &pc->c, 1, len);
	put_cpu_ptr(cc->pc);
}

/* What a slot (or a custom rule's counter) holds since its last reset. */
void lyncedge_read(const struct lyncedge_net *ln, unsigned int slot, struct lyncedge_totals *t);
void lyncedge_ccounter_read(const struct lyncedge_ccounter *cc, struct lyncedge_totals *t);

/* The same, cleared in one step; the caller holds ln->reset_lock. */
void lyncedge_reset(struct lyncedge_net *ln, unsigned int slot, struct lyncedge_totals *t);
void lyncedge_ccounter_reset(struct lyncedge_net *ln, struct lyncedge_ccounter *cc,
			     struct lyncedge_totals *t);

#endif /* _LYNCEDGE_COUNTERS_H */
