// SPDX-License-Identifier: GPL-2.0
/*
 * Custom rules and the configurations that hold them. A configuration is
 * copied for every change; the copy takes a reference on each custom rule,
 * so a rule that survives a change holds on to its id and its counters.
 */
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "lyncedge.h"

struct lyncedge_custom *lyncedge_custom_new(u32 id)
{
	struct lyncedge_custom *custom;
	int cpu;

	custom = kzalloc(sizeof(*custom), GFP_KERNEL);
	if (!custom)
		return NULL;
	custom->stats = alloc_percpu(struct lyncedge_pcounter);
	if (!custom->stats) {
		kfree(custom);
		return NULL;
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(custom->stats, cpu)->syncp);
	refcount_set(&custom->ref, 1);
	custom->id = id;
	return custom;
}

void lyncedge_custom_put(struct lyncedge_custom *custom)
{
	if (!refcount_dec_and_test(&custom->ref))
		return;
	free_percpu(custom->stats);
	kfree(custom);
}

/* As lyncedge_count(): preemption off, see counters.c. */
void lyncedge_custom_count(struct lyncedge_custom *custom, unsigned int len)
{
	struct lyncedge_pcounter *pc;

	pc = get_cpu_ptr(custom->stats);
	lyncedge_counter_add(&pc->syncp, &pc->c, len);
	put_cpu_ptr(custom->stats);
}

/* The raw sums over every CPU; see counters.c for what readers see. */
void lyncedge_custom_sum(const struct lyncedge_custom *custom, struct lyncedge_totals *t)
{
	const struct lyncedge_pcounter *pc;
	int cpu;

	t->packets = 0;
	t->bytes = 0;
	for_each_possible_cpu(cpu) {
		pc = per_cpu_ptr(custom->stats, cpu);
		lyncedge_counter_sum(&pc->syncp, &pc->c, &t->packets, &t->bytes);
	}
}

struct lyncedge_config *lyncedge_config_dup(const struct lyncedge_config *config)
{
	struct lyncedge_config *copy;
	unsigned int i;

	copy = kmemdup(config, sizeof(*copy), GFP_KERNEL);
	if (!copy)
		return NULL;
	copy->custom = NULL;
	if (!config->ncustom)
		return copy;
	copy->custom = kvmalloc_array(config->ncustom, sizeof(*copy->custom), GFP_KERNEL);
	if (!copy->custom) {
		kfree(copy);
		return NULL;
	}
	for (i = 0; i < config->ncustom; i++) {
		copy->custom[i] = config->custom[i];
		refcount_inc(&copy->custom[i]->ref);
	}
	return copy;
}

void lyncedge_config_free(struct lyncedge_config *config)
{
	unsigned int i;

	for (i = 0; i < config->ncustom; i++)
		lyncedge_custom_put(config->custom[i]);
	kvfree(config->custom);
	kfree(config);
}

void lyncedge_config_free_rcu(struct rcu_head *head)
{
	lyncedge_config_free(container_of(head, struct lyncedge_config, rcu));
}
