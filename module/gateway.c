// SPDX-License-Identifier: GPL-2.0
/*
 * The gateway deployment: judging the packets the host forwards to and from
 * the edge, and counting the NAT and routing mistakes that break Lync media
 * (enum lyncedge_diag).
 */
#include <linux/netdevice.h>
#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>
#include <net/netfilter/nf_conntrack.h>

#include "counters.h"
#include "gateway.h"
#include "judge.h"
#include "match.h"
#include "policy.h"

static void lyncedge_diag(struct lyncedge_net *ln, enum lyncedge_diag diag,
			  const struct sk_buff *skb)
{
	lyncedge_count(ln, lyncedge_diag_slot(diag), skb->len);
}

/* Whether the packet's source (or destination) is one of the edge's service addresses. */
static bool lyncedge_to_service(const struct lyncedge_config *config, const struct sk_buff *skb,
				u8 pf, bool source)
{
	struct lyncedge_addr addr;

	lyncedge_addr(skb, pf, source, &addr);
	return lyncedge_service_addr(&config->s.services, &addr);
}

/*
 * Before routing, so that a packet reverse path filtering will drop is
 * seen too: the edge's own traffic arrives from its external side only.
 */
static unsigned int lyncedge_gw_arrive(void *priv, struct sk_buff *skb,
				       const struct nf_hook_state *state)
{
	struct lyncedge_net *ln = priv;
	const struct lyncedge_snap *snap = rcu_dereference(ln->snap);

	if (state->in->flags & IFF_LOOPBACK ||
	    lyncedge_snap_role(snap, state->in) == LYNCEDGE_ROLE_EXTERNAL)
		return NF_ACCEPT;
	if (lyncedge_to_service(snap->config, skb, state->pf, true))
		lyncedge_diag(ln, LYNCEDGE_DIAG_ASYMMETRIC, skb);
	return NF_ACCEPT;
}

/*
 * Toward the edge through a role interface is a flow "in" for that role;
 * from the edge through one is "out". Between two role interfaces, both
 * judge, and the packet passes only if both let it.
 */
static unsigned int lyncedge_gw_forward(void *priv, struct sk_buff *skb,
					const struct nf_hook_state *state)
{
	struct lyncedge_net *ln = priv;
	const struct lyncedge_snap *snap = rcu_dereference(ln->snap);
	unsigned int from = lyncedge_snap_role(snap, state->in);
	unsigned int to = lyncedge_snap_role(snap, state->out);
	const struct lyncedge_config *config = snap->config;
	unsigned int verdict = NF_ACCEPT;

	if (to != LYNCEDGE_ROLE_EXTERNAL && lyncedge_to_service(config, skb, state->pf, false))
		lyncedge_diag(ln, LYNCEDGE_DIAG_ASYMMETRIC, skb);
	if (from)
		verdict = lyncedge_judge(skb, state, ln, config, state->in, from, LYNCEDGE_DIR_OUT);
	if (to && verdict == NF_ACCEPT)
		verdict = lyncedge_judge(skb, state, ln, config, state->out, to, LYNCEDGE_DIR_IN);
	return verdict;
}

/* Whether this gateway's source NAT gave the flow another source address. */
static bool lyncedge_src_translated(const struct nf_conn *ct)
{
	return ct->status & IPS_SRC_NAT &&
	       !nf_inet_addr_cmp(&ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple.src.u3,
				 &ct->tuplehash[IP_CT_DIR_REPLY].tuple.dst.u3);
}

/*
 * After source NAT, which has then bound the flow's new source: the first
 * packets of an A/V flow toward the edge must keep the one they came with.
 */
static unsigned int lyncedge_gw_leave(void *priv, struct sk_buff *skb,
				      const struct nf_hook_state *state)
{
	struct lyncedge_net *ln = priv;
	const struct lyncedge_snap *snap = rcu_dereference(ln->snap);
	enum ip_conntrack_info ctinfo;
	struct lyncedge_pkt pkt = {};
	const struct nf_conn *ct;
	unsigned int role;
	u32 id;

	role = lyncedge_snap_role(snap, state->out);
	if (!role)
		return NF_ACCEPT;
	ct = nf_ct_get(skb, &ctinfo);
	if (!ct || ctinfo != IP_CT_NEW || !lyncedge_src_translated(ct))
		return NF_ACCEPT;
	if (lyncedge_parse(skb, state->pf, &pkt) != LYNCEDGE_PKT_PORTS)
		return NF_ACCEPT;
	id = lyncedge_rule_of(snap->config, skb, state->pf, role, LYNCEDGE_DIR_IN, &pkt);
	/* custom rules belong to no service */
	if (id && id <= LYNCEDGE_NRULES_MAX &&
	    lyncedge_rules[id - 1].service == LYNCEDGE_SERVICE_AV)
		lyncedge_diag(ln, LYNCEDGE_DIAG_AV_SNAT, skb);
	return NF_ACCEPT;
}

/* At filter priority, after destination NAT; the last after source NAT. */
const struct nf_hook_ops lyncedge_gateway_ops[] = {
	{ .hook = lyncedge_gw_arrive, .pf = NFPROTO_IPV4, .hooknum = NF_INET_PRE_ROUTING,
	  .priority = NF_IP_PRI_FILTER },
	{ .hook = lyncedge_gw_forward, .pf = NFPROTO_IPV4, .hooknum = NF_INET_FORWARD,
	  .priority = NF_IP_PRI_FILTER },
	{ .hook = lyncedge_gw_leave, .pf = NFPROTO_IPV4, .hooknum = NF_INET_POST_ROUTING,
	  .priority = NF_IP_PRI_NAT_SRC + 1 },
	{ .hook = lyncedge_gw_arrive, .pf = NFPROTO_IPV6, .hooknum = NF_INET_PRE_ROUTING,
	  .priority = NF_IP6_PRI_FILTER },
	{ .hook = lyncedge_gw_forward, .pf = NFPROTO_IPV6, .hooknum = NF_INET_FORWARD,
	  .priority = NF_IP6_PRI_FILTER },
	{ .hook = lyncedge_gw_leave, .pf = NFPROTO_IPV6, .hooknum = NF_INET_POST_ROUTING,
	  .priority = NF_IP6_PRI_NAT_SRC + 1 },
};

const unsigned int lyncedge_gateway_nops = ARRAY_SIZE(lyncedge_gateway_ops);
static_assert(ARRAY_SIZE(lyncedge_gateway_ops) <= LYNCEDGE_HOOKS_MAX);
