/* SPDX-License-Identifier: GPL-2.0 */
/* The enabled rules compiled into port bitmaps, and the O(1) lookup. */
#ifndef _LYNCEDGE_COMPILE_H
#define _LYNCEDGE_COMPILE_H

#include <linux/bitops.h>
#include <linux/in.h>

#include "lyncedge.h"

int lyncedge_policy_compile(struct lyncedge_policy *policy, const struct lyncedge_settings *s,
			    const struct lyncedge_custom *custom, unsigned int ncustom);
int lyncedge_policy_check(void);

/* The index of a protocol in the portsets: the policy speaks of TCP and UDP only. */
static __always_inline int lyncedge_proto_index(u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return 0;
	case IPPROTO_UDP:
		return 1;
	default:
		return -1;
	}
}

/*
 * How many ranges of set start at or before port (see compile.c). Always
 * inline: the hooks run it for every new flow, and x86's hweight_long() is
 * an alternative-patched asm block that GCC takes for big.
 */
static __always_inline unsigned int lyncedge_portset_ordinal(const struct lyncedge_portset *set,
							     u16 port)
{
	unsigned int w = port / BITS_PER_LONG;

	return set->rank[w] + hweight_long(set->start[w] & GENMASK(port % BITS_PER_LONG, 0));
}

/*
 * Returns the id of the first rule for the flow's port, or 0 when none has
 * it; policy->next[] gives the others that share its range. In the header,
 * so that the hooks do not pay a call for it.
 */
static __always_inline u32 lyncedge_policy_lookup(const struct lyncedge_policy *policy,
						  unsigned int role, unsigned int dir, u8 proto,
						  u16 port)
{
	const struct lyncedge_portset *set;
	int p = lyncedge_proto_index(proto);

	if (p < 0)
		return 0;
	set = &policy->set[role - 1][dir][p];
	/* Else GCC computes the address again, multiplications included, for each array. */
	OPTIMIZER_HIDE_VAR(set);
	if (!test_bit(port, set->allow))
		return 0;
	return set->id[lyncedge_portset_ordinal(set, port) - 1];
}

#endif /* _LYNCEDGE_COMPILE_H */
