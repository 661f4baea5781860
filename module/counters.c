// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU, per-namespace packet and byte counters of every rule and of the
 * drops of every (role, direction).
 *
 * Writers run in softirq (LOCAL_IN) and in process context (LOCAL_OUT).
 * Preemption is off while a CPU's counters are updated, so the writer stays
 * on that CPU; 64-bit counters are then updated by single instructions that
 * a softirq cannot split. On 32-bit machines, where a seqcount guards the
 * two halves, interrupts are off too (u64_stats_update_begin_irqsave()): a
 * softirq on the same CPU must not interleave with a half-done update, or
 * the seqcount would never settle. Cheaper than turning bottom halves off
 * and on, which the hooks would pay for every counted packet.
 *
 * A reset never writes the per-CPU counters: another CPU may be adding to
 * them, and a read-then-subtract there loses its hits. The counters only
 * grow; a reset moves the counter's base up to their sum, and what readers
 * see is the sum minus the base. Resets are serialised by the namespace's
 * reset_lock, so each packet falls into exactly one reset's report or into
 * what is counted after the last one.
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

/* The raw sums of one slot over every CPU. */
static void lyncedge_sum(const struct lyncedge_net *ln, unsigned int slot,
			 struct lyncedge_totals *t)
{
	const struct lyncedge_stats *s;
	int cpu;

	t->packets = 0;
	t->bytes = 0;
	for_each_possible_cpu(cpu) {
		s = per_cpu_ptr(ln->stats, cpu);
		lyncedge_counter_sum(&s->syncp, &s->slot[slot], &t->packets, &t->bytes);
	}
}

/*
 * The base before the sums: a reset in between makes the value read too
 * large for a moment (it still holds what that reset took), never negative.
 */
static void lyncedge_base(const struct lyncedge_net *ln, const struct lyncedge_totals *base,
			  struct lyncedge_totals *b)
{
	unsigned int seq;

	do {
		seq = read_seqcount_begin(&ln->base_seq);
		*b = *base;
	} while (read_seqcount_retry(&ln->base_seq, seq));
}

static void lyncedge_since(const struct lyncedge_totals *base, struct lyncedge_totals *t)
{
	t->packets -= base->packets;
	t->bytes -= base->bytes;
}

/* Leaves in t what the counter held since the last reset, and resets it. */
static void lyncedge_rebase(struct lyncedge_net *ln, struct lyncedge_totals *base,
			    struct lyncedge_totals *t)
{
	struct lyncedge_totals sum = *t;

	lockdep_assert_held(&ln->reset_lock);
	lyncedge_since(base, t);
	write_seqcount_begin(&ln->base_seq);
	*base = sum;
	write_seqcount_end(&ln->base_seq);
}

void lyncedge_read(const struct lyncedge_net *ln, unsigned int slot, struct lyncedge_totals *t)
{
	struct lyncedge_totals b;

	lyncedge_base(ln, &ln->base[slot], &b);
	lyncedge_sum(ln, slot, t);
	lyncedge_since(&b, t);
}

void lyncedge_custom_read(const struct lyncedge_net *ln, const struct lyncedge_custom *custom,
			  struct lyncedge_totals *t)
{
	struct lyncedge_totals b;

	lyncedge_base(ln, &custom->base, &b);
	lyncedge_custom_sum(custom, t);
	lyncedge_since(&b, t);
}

void lyncedge_reset(struct lyncedge_net *ln, unsigned int slot, struct lyncedge_totals *t)
{
	lyncedge_sum(ln, slot, t);
	lyncedge_rebase(ln, &ln->base[slot], t);
}

void lyncedge_custom_reset(struct lyncedge_net *ln, struct lyncedge_custom *custom,
			   struct lyncedge_totals *t)
{
	lyncedge_custom_sum(custom, t);
	lyncedge_rebase(ln, &custom->base, t);
}
