/* SPDX-License-Identifier: GPL-2.0 */
/* The verdict on a packet through an interface with a role. */
#ifndef _LYNCEDGE_JUDGE_H
#define _LYNCEDGE_JUDGE_H

#include <linux/netfilter.h>
#include <linux/skbuff.h>

#include "lyncedge.h"

/* What the verdict needs to know of a packet. */
enum lyncedge_kind {
	LYNCEDGE_PKT_PORTS,	/* TCP or UDP with a readable destination port */
	LYNCEDGE_PKT_NDISC,	/* IPv6 neighbour discovery or multicast listener */
	LYNCEDGE_PKT_OTHER,	/* any other protocol, or a non-first fragment */
	LYNCEDGE_PKT_BAD,	/* truncated or malformed headers */
};

struct lyncedge_pkt {
	u8 proto;
	u16 sport;
	u16 dport;
};

enum lyncedge_kind lyncedge_parse(const struct sk_buff *skb, u8 pf, struct lyncedge_pkt *pkt);
/* The packet's source (or destination) address, of the packet's family. */
void lyncedge_addr(const struct sk_buff *skb, u8 pf, bool source, struct lyncedge_addr *addr);

/* The rule (built-in id, or above LYNCEDGE_NRULES_MAX a custom one) that allows it, or 0. */
u32 lyncedge_rule_of(const struct lyncedge_config *config, const struct sk_buff *skb, u8 pf,
		     unsigned int role, unsigned int dir, const struct lyncedge_pkt *pkt);
unsigned int lyncedge_judge(struct sk_buff *skb, const struct nf_hook_state *state,
			    struct lyncedge_net *ln, const struct lyncedge_config *config,
			    const struct net_device *dev, unsigned int role, unsigned int dir);

#endif /* _LYNCEDGE_JUDGE_H */
