// SPDX-License-Identifier: GPL-2.0
/*
 * Compiling the enabled rules into bitmaps, and the O(1) lookup.
 *
 * Each (role, direction, protocol) gets a portset. Whether a destination
 * port is allowed is one test_bit() in @allow, whatever the number of rules
 * or the width of their ranges.
 *
 * The counter needs the rule's id too, also in O(1): rules of one portset
 * never overlap (compiling refuses it), so the ranges are ordered by port.
 * @start marks the first port of every range, and @rank[w] counts the ranges
 * that start before word w of that bitmap. For an allowed port p, the ranges
 * starting at or before p number rank[p / BITS_PER_LONG] plus the set bits of
 * its word up to p; the last of them is the one p is in, and @id maps that
 * ordinal to the rule id. One word read and one popcount, no search.
 */
#include <linux/bitops.h>
#include <linux/in.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "compile.h"
#include "editions.h"
#include "policy.h"

static struct lyncedge_portset *lyncedge_set(struct lyncedge_policy *policy, u8 role, u8 dir,
					     u8 proto)
{
	return &policy->set[role - 1][dir][lyncedge_proto_index(proto)];
}

static struct lyncedge_portset *lyncedge_set_of(struct lyncedge_policy *policy,
						const struct lyncedge_rule *rule)
{
	return lyncedge_set(policy, rule->role, rule->dir, rule->proto);
}

static int lyncedge_portset_add(struct lyncedge_portset *set, u16 min, u16 max)
{
	if (find_next_bit(set->allow, max + 1, min) <= max)
		return -EEXIST;
	bitmap_set(set->allow, min, max - min + 1);
	__set_bit(min, set->start);
	return 0;
}

static void lyncedge_portset_rank(struct lyncedge_portset *set)
{
	unsigned int w, sum = 0;

	for (w = 0; w < ARRAY_SIZE(set->rank); w++) {
		set->rank[w] = sum;
		sum += hweight_long(set->start[w]);
	}
}

/*
 * An earlier enabled rule of the same portset with exactly rule's ports:
 * the two share a range and are told apart by their service addresses.
 */
static u32 lyncedge_same_range(const struct lyncedge_settings *s, unsigned int i,
			       u16 min, u16 max)
{
	const struct lyncedge_rule *rule = &lyncedge_rules[i];
	unsigned int j;
	u16 jmin, jmax;

	for (j = 0; j < i; j++) {
		const struct lyncedge_rule *r = &lyncedge_rules[j];

		if (r->role != rule->role || r->dir != rule->dir || r->proto != rule->proto ||
		    !lyncedge_rule_enabled(r, s))
			continue;
		lyncedge_rule_ports(r, s, &jmin, &jmax);
		if (jmin == min && jmax == max)
			return r->id;
	}
	return 0;
}

/*
 * Fills policy (zeroed by the caller) from the rules the settings enable
 * and the custom rules. -EEXIST when two of one portset overlap but differ.
 */
int lyncedge_policy_compile(struct lyncedge_policy *policy, const struct lyncedge_settings *s,
			    const struct lyncedge_custom *custom, unsigned int ncustom)
{
	unsigned int i, r, d, p;
	u32 head, tail;
	u16 min, max;
	int err;

	for (i = 0; i < LYNCEDGE_NGROUPS; i++)
		if (s->peers.n[i])
			policy->defined |= BIT(i);

	for (i = 0; i < lyncedge_nrules; i++) {
		const struct lyncedge_rule *rule = &lyncedge_rules[i];

		if (!lyncedge_rule_enabled(rule, s))
			continue;
		lyncedge_rule_ports(rule, s, &min, &max);
		head = lyncedge_same_range(s, i, min, max);
		if (head) {
			for (tail = head; policy->next[tail]; tail = policy->next[tail])
				;
			policy->next[tail] = rule->id;
			continue;
		}
		err = lyncedge_portset_add(lyncedge_set_of(policy, rule), min, max);
		if (err)
			return err;
	}
	/* A custom rule shares no port with any other rule of its set. */
	for (i = 0; i < ncustom; i++) {
		const struct lyncedge_custom *c = &custom[i];

		err = lyncedge_portset_add(lyncedge_set(policy, c->role, c->dir, c->proto),
					   c->min, c->max);
		if (err)
			return err;
	}
	for (r = 0; r < LYNCEDGE_NROLES; r++)
		for (d = 0; d < LYNCEDGE_NDIRS; d++)
			for (p = 0; p < LYNCEDGE_NPROTOS; p++)
				lyncedge_portset_rank(&policy->set[r][d][p]);
	/* Now that every range is in, each one's ordinal is its place by port. */
	for (i = 0; i < lyncedge_nrules; i++) {
		const struct lyncedge_rule *rule = &lyncedge_rules[i];
		struct lyncedge_portset *set;

		if (!lyncedge_rule_enabled(rule, s))
			continue;
		lyncedge_rule_ports(rule, s, &min, &max);
		if (lyncedge_same_range(s, i, min, max))
			continue;
		set = lyncedge_set_of(policy, rule);
		set->id[lyncedge_portset_ordinal(set, min) - 1] = rule->id;
	}
	for (i = 0; i < ncustom; i++) {
		const struct lyncedge_custom *c = &custom[i];
		struct lyncedge_portset *set = lyncedge_set(policy, c->role, c->dir, c->proto);

		set->id[lyncedge_portset_ordinal(set, c->min) - 1] = LYNCEDGE_NRULES_MAX + 1 + i;
	}
	return 0;
}

/*
 * Counters and the netlink cursor find a rule by id - 1, so ids must count
 * from 1 without gaps; and every rule must be unique and fit its bitmaps,
 * which compiling every feature of each edition at once, on the default
 * media range, proves. The module refuses to load otherwise.
 */
int lyncedge_policy_check(void)
{
	struct lyncedge_settings *s;
	struct lyncedge_policy *all;
	unsigned int i, e;
	int err;

	for (i = 0; i < lyncedge_nrules; i++) {
		if (lyncedge_rules[i].id != i + 1 ||
		    lyncedge_rules[i].port_min > lyncedge_rules[i].port_max) {
			pr_err("lyncedge: policy table is broken at rule %u\n", i + 1);
			return -EINVAL;
		}
	}
	if (!lyncedge_editions_valid()) {
		pr_err("lyncedge: an edition has a row for no rule\n");
		return -EINVAL;
	}
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	all = kvzalloc(sizeof(*all), GFP_KERNEL);
	err = s && all ? 0 : -ENOMEM;
	for (e = 0; !err && e < __LYNCEDGE_EDITION_LAST; e++) {
		lyncedge_settings_default(s);
		s->edition = e;
		s->features = lyncedge_edition_features(e);
		memset(all, 0, sizeof(*all));
		err = lyncedge_policy_compile(all, s, NULL, 0);
		if (err)
			pr_err("lyncedge: edition %u's table does not compile: %d\n", e, err);
	}
	kvfree(all);
	kfree(s);
	return err;
}
