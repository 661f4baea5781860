// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU, per-namespace packet and byte counters of every rule and of the
 * drops of every (role, direction).
 *
 * Writers run in softirq (LOCAL_IN) and in process context (LOCAL_OUT), so
 * bottom halves are off while a CPU's counters are updated: a softirq on the
 * same CPU must not interleave with a half-done update (the seqcount that
 * guards 64-bit values on 32-bit machines would never settle).
 */
#include <linux/percpu.h>

#include "lyncedge.h"

struct lyncedge_stats __percpu *lyncedge_stats_alloc(void)
{
	struct lyncedge_stats __percpu *stats;
	int cpu;

	stats = alloc_percpu(struct lyncedge_stats);
	if (!stats)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(stats, cpu)->syncp);
	return stats;
}

/* One CPU's counter; the caller has bottom halves off. */
void lyncedge_counter_add(struct u64_stats_sync *syncp, struct lyncedge_counter *c,
			  unsigned int len)
{
	u64_stats_update_begin(syncp);
	u64_stats_inc(&c->packets);
	u64_stats_add(&c->bytes, len);
	u64_stats_update_end(syncp);
}

/* Adds one CPU's counter, read consistently, to the sums. */
void lyncedge_counter_sum(const struct u64_stats_sync *syncp, const struct lyncedge_counter *c,
			  u64 *packets, u64 *bytes)
{
	unsigned int start;
	u64 p, b;

	do {
		start = u64_stats_fetch_begin(syncp);
		p = u64_stats_read(&c->packets);
		b = u64_stats_read(&c->bytes);
	} while (u64_stats_fetch_retry(syncp, start));
	*packets += p;
	*bytes += b;
}

void lyncedge_count(struct lyncedge_net *ln, unsigned int slot, unsigned int len)
{
	struct lyncedge_stats *s;

	local_bh_disable();
	s = this_cpu_ptr(ln->stats);
	lyncedge_counter_add(&s->syncp, &s->slot[slot], len);
	local_bh_enable();
}

void lyncedge_read(const struct lyncedge_net *ln, unsigned int slot, u64 *packets, u64 *bytes)
{
	const struct lyncedge_stats *s;
	int cpu;

	*packets = 0;
	*bytes = 0;
	for_each_possible_cpu(cpu) {
		s = per_cpu_ptr(ln->stats, cpu);
		lyncedge_counter_sum(&s->syncp, &s->slot[slot], packets, bytes);
	}
}
