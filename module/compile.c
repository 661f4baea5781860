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
#include <linux/err.h>
#include <linux/in.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "lyncedge.h"

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
static u32 lyncedge_same_range(const struct lyncedge_config *config, unsigned int i,
			       u16 min, u16 max)
{
	const struct lyncedge_rule *rule = &lyncedge_rules[i];
	unsigned int j;
	u16 jmin, jmax;

	for (j = 0; j < i; j++) {
		const struct lyncedge_rule *r = &lyncedge_rules[j];

		if (r->role != rule->role || r->dir != rule->dir || r->proto != rule->proto ||
		    !(config->features & BIT(r->feature)))
			continue;
		lyncedge_rule_ports(r, config, &jmin, &jmax);
		if (jmin == min && jmax == max)
			return r->id;
	}
	return 0;
}

/* -EEXIST when two enabled rules of one portset overlap but differ. */
struct lyncedge_policy *lyncedge_policy_compile(const struct lyncedge_config *config)
{
	struct lyncedge_policy *policy;
	unsigned int i, r, d, p;
	u32 head, tail;
	u16 min, max;
	int err;

	policy = kvzalloc(sizeof(*policy), GFP_KERNEL);
	if (!policy)
		return ERR_PTR(-ENOMEM);
	policy->config = config;
	for (i = 0; i < LYNCEDGE_NGROUPS; i++)
		if (config->peers.n[i])
			policy->defined |= BIT(i);

	for (i = 0; i < lyncedge_nrules; i++) {
		const struct lyncedge_rule *rule = &lyncedge_rules[i];

		if (!(config->features & BIT(rule->feature)))
			continue;
		lyncedge_rule_ports(rule, config, &min, &max);
		head = lyncedge_same_range(config, i, min, max);
		if (head) {
			for (tail = head; policy->next[tail]; tail = policy->next[tail])
				;
			policy->next[tail] = rule->id;
			continue;
		}
		err = lyncedge_portset_add(lyncedge_set_of(policy, rule), min, max);
		if (err) {
			kvfree(policy);
			return ERR_PTR(err);
		}
	}
	/* A custom rule shares no port with any other rule of its set. */
	for (i = 0; i < config->ncustom; i++) {
		const struct lyncedge_custom *c = config->custom[i];

		err = lyncedge_portset_add(lyncedge_set(policy, c->role, c->dir, c->proto),
					   c->min, c->max);
		if (err) {
			kvfree(policy);
			return ERR_PTR(err);
		}
	}
	for (r = 0; r < LYNCEDGE_NROLES; r++)
		for (d = 0; d < LYNCEDGE_NDIRS; d++)
			for (p = 0; p < LYNCEDGE_NPROTOS; p++)
				lyncedge_portset_rank(&policy->set[r][d][p]);
	/* Now that every range is in, each one's ordinal is its place by port. */
	for (i = 0; i < lyncedge_nrules; i++) {
		const struct lyncedge_rule *rule = &lyncedge_rules[i];
		struct lyncedge_portset *set;

		if (!(config->features & BIT(rule->feature)))
			continue;
		lyncedge_rule_ports(rule, config, &min, &max);
		if (lyncedge_same_range(config, i, min, max))
			continue;
		set = lyncedge_set_of(policy, rule);
		set->id[lyncedge_portset_ordinal(set, min) - 1] = rule->id;
	}
	for (i = 0; i < config->ncustom; i++) {
		const struct lyncedge_custom *c = config->custom[i];
		struct lyncedge_portset *set = lyncedge_set(policy, c->role, c->dir, c->proto);

		set->id[lyncedge_portset_ordinal(set, c->min) - 1] = LYNCEDGE_NRULES_MAX + 1 + i;
	}
	return policy;
}

void lyncedge_policy_free(struct lyncedge_policy *policy)
{
	kvfree(policy);
}

/*
 * How a rule bound to service takes addr: 1 when addr is one of the
 * service's addresses, 0 when the service has none (it takes any), -1 when
 * addr is not the service's.
 */
int lyncedge_service_match(const struct lyncedge_services *services, u8 service,
			   const struct in6_addr *addr)
{
	unsigned int i, n;

	if (!service)
		return 0;
	n = services->n[service - 1];
	for (i = 0; i < n; i++)
		if (ipv6_addr_equal(addr, &services->a[service - 1][i]))
			return 1;
	return n ? -1 : 0;
}

/* Whether addr is an address of any service: one of the edge's own. */
bool lyncedge_service_addr(const struct lyncedge_services *services, const struct in6_addr *addr)
{
	unsigned int s;

	for (s = 1; s <= LYNCEDGE_NSERVICES; s++)
		if (lyncedge_service_match(services, s, addr) > 0)
			return true;
	return false;
}

/*
 * Whether a rule accepting these peer groups accepts addr: any address when
 * none of its groups has a peer, else only a peer of one of them.
 */
bool lyncedge_peer_allowed(const struct lyncedge_peers *peers, u8 groups,
			   const struct in6_addr *addr)
{
	bool defined = false;
	unsigned int g, i;

	for (g = 0; g < LYNCEDGE_NGROUPS; g++) {
		if (!(groups & BIT(g)))
			continue;
		for (i = 0; i < peers->n[g]; i++)
			if (ipv6_prefix_equal(addr, &peers->p[g][i].addr, peers->p[g][i].len))
				return true;
		defined |= peers->n[g] > 0;
	}
	return !defined;
}
