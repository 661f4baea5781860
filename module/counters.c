// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU, per-namespace packet and byte counters of every built-in rule,
 * of the drops of every (role, direction) and of the diagnostics, and the
 * counters of custom rules. None of them lives in a snapshot: a change of
 * configuration never resets or loses a count.
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
 * A reset reads the sum over every CPU and takes it back from the counter
 * of the CPU it runs on, as a writer of that CPU would (the sums are
 * modular, so one CPU's share may go "negative"). Hits another CPU adds
 * meanwhile are not in what the reset read, so they stay counted; resets
 * are serialised by the namespace's reset_lock, so each packet falls into
 * exactly one reset's report or into what is counted after the last one.
 * Readers only sum: they take no lock and never sleep, also on PREEMPT_RT
 * and inside rcu_read_lock(). A reader that sums while a reset runs sees
 * the counts from before it or after it, never less than zero.
 */
#include <linux/percpu.h>
#include <linux/slab.h>

#include "counters.h"

struct lyncedge_stats __percpu *lyncedge_stats_alloc(void)
{
	struct lyncedge_stats __percpu *stats;
	int cpu;

	stats = alloc_percpu_gfp(struct lyncedge_stats, GFP_KERNEL_ACCOUNT);
	if (!stats)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(stats, cpu)->syncp);
	return stats;
}

void lyncedge_stats_free(struct lyncedge_stats __percpu *stats)
{
	free_percpu(stats);
}

struct lyncedge_ccounter *lyncedge_ccounter_new(void)
{
	struct lyncedge_ccounter *cc;
	int cpu;

	cc = kmalloc(sizeof(*cc), GFP_KERNEL_ACCOUNT);
	if (!cc)
		return NULL;
	cc->pc = alloc_percpu_gfp(struct lyncedge_pcounter, GFP_KERNEL_ACCOUNT);
	if (!cc->pc) {
		kfree(cc);
		return NULL;
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(cc->pc, cpu)->syncp);
	refcount_set(&cc->ref, 1);
	return cc;
}

void lyncedge_ccounter_get(struct lyncedge_ccounter *cc)
{
	refcount_inc(&cc->ref);
}

/* From an RCU callback too: free_percpu() does not sleep. */
void lyncedge_ccounter_put(struct lyncedge_ccounter *cc)
{
	if (!refcount_dec_and_test(&cc->ref))
		return;
	free_percpu(cc->pc);
	kfree(cc);
}

/* Adds one CPU's counter, read whole, to the sums. */
static void lyncedge_counter_sum(const struct u64_stats_sync *syncp,
				 const struct lyncedge_counter *c, struct lyncedge_totals *t)
{
	unsigned int start;
	u64 p, b;

	do {
		start = u64_stats_fetch_begin(syncp);
		p = u64_stats_read(&c->packets);
		b = u64_stats_read(&c->bytes);
	} while (u64_stats_fetch_retry(syncp, start));
	t->packets += p;
	t->bytes += b;
}

void lyncedge_read(const struct lyncedge_net *ln, unsigned int slot, struct lyncedge_totals *t)
{
	const struct lyncedge_stats *s;
	int cpu;

	t->packets = 0;
	t->bytes = 0;
	for_each_possible_cpu(cpu) {
		s = per_cpu_ptr(ln->stats, cpu);
		lyncedge_counter_sum(&s->syncp, &s->slot[slot], t);
	}
}

void lyncedge_ccounter_read(const struct lyncedge_ccounter *cc, struct lyncedge_totals *t)
{
	const struct lyncedge_pcounter *pc;
	int cpu;

	t->packets = 0;
	t->bytes = 0;
	for_each_possible_cpu(cpu) {
		pc = per_cpu_ptr(cc->pc, cpu);
		lyncedge_counter_sum(&pc->syncp, &pc->c, t);
	}
}

/* Takes t back from this CPU's share (see the top of this file). */
static void lyncedge_take_back(struct u64_stats_sync __percpu *syncp,
			       struct lyncedge_counter __percpu *c, const struct lyncedge_totals *t)
{
	lyncedge_counter_add(get_cpu_ptr(syncp), this_cpu_ptr(c), -t->packets, -t->bytes);
	put_cpu_ptr(syncp);
}

void lyncedge_reset(struct lyncedge_net *ln, unsigned int slot, struct lyncedge_totals *t)
{
	lockdep_assert_held(&ln->reset_lock);
	lyncedge_read(ln, slot, t);
	lyncedge_take_back(&ln->stats->syncp, &ln->stats->slot[slot], t);
}

void lyncedge_ccounter_reset(struct lyncedge_net *ln, struct lyncedge_ccounter *cc,
			     struct lyncedge_totals *t)
{
	lockdep_assert_held(&ln->reset_lock);
	lyncedge_ccounter_read(cc, t);
	lyncedge_take_back(&cc->pc->syncp, &cc->pc->c, t);
}
