// SPDX-License-Identifier: GPL-2.0
/*
 * The host deployment's hooks (the host is the edge: its own packets
 * through an interface with a role), and the registration of either
 * deployment's hooks in a namespace (gateway.c has the gateway's).
 */
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>
#include <net/netfilter/nf_conntrack.h>

#include "gateway.h"
#include "hooks.h"
#include "judge.h"

int (*lyncedge_ct_get)(struct net *net, u8 nfproto);
void (*lyncedge_ct_put)(struct net *net, u8 nfproto);

static unsigned int lyncedge_local(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	unsigned int dir = state->hook == NF_INET_LOCAL_IN ? LYNCEDGE_DIR_IN : LYNCEDGE_DIR_OUT;
	const struct net_device *dev = dir == LYNCEDGE_DIR_IN ? state->in : state->out;
	struct lyncedge_net *ln = priv;
	const struct lyncedge_snap *snap;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;
	unsigned int role;

	snap = rcu_dereference(ln->snap);
	role = lyncedge_snap_role(snap, dev);
	if (!role)
		return NF_ACCEPT;
	/*
	 * Return traffic, the most of all, as lyncedge_judge() would but without
	 * its call; but on the internal side, whose return traffic it watches.
	 */
	ct = nf_ct_get(skb, &ctinfo);
	if (ct && ctinfo != IP_CT_NEW && role != LYNCEDGE_ROLE_INTERNAL)
		return NF_ACCEPT;
	return lyncedge_judge(skb, state, ln, snap->config, dev, role, dir);
}

/*
 * At filter priority: after conntrack has attached its entry, and on the way
 * out after destination NAT, so rules see the addresses packets really use.
 */
static const struct nf_hook_ops lyncedge_host_ops[] = {
	{ .hook = lyncedge_local, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_IN,
	  .priority = NF_IP_PRI_FILTER },
	{ .hook = lyncedge_local, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_OUT,
	  .priority = NF_IP_PRI_FILTER },
	{ .hook = lyncedge_local, .pf = NFPROTO_IPV6, .hooknum = NF_INET_LOCAL_IN,
	  .priority = NF_IP6_PRI_FILTER },
	{ .hook = lyncedge_local, .pf = NFPROTO_IPV6, .hooknum = NF_INET_LOCAL_OUT,
	  .priority = NF_IP6_PRI_FILTER },
};

static_assert(ARRAY_SIZE(lyncedge_host_ops) <= LYNCEDGE_HOOKS_MAX);

static unsigned int lyncedge_hook_set(u8 deployment, const struct nf_hook_ops **ops)
{
	if (deployment == LYNCEDGE_DEPLOYMENT_GATEWAY) {
		*ops = lyncedge_gateway_ops;
		return lyncedge_gateway_nops;
	}
	*ops = lyncedge_host_ops;
	return ARRAY_SIZE(lyncedge_host_ops);
}

/*
 * Conntrack first, so the namespace tracks flows before any is judged. The
 * hooks are the deployment's, copied into the namespace with it as priv.
 */
int lyncedge_hooks_register(struct net *net, struct lyncedge_net *ln, u8 deployment)
{
	struct nf_hook_ops *ops = ln->ops[deployment];
	const struct nf_hook_ops *set;
	unsigned int i, n = lyncedge_hook_set(deployment, &set);
	int err;

	err = lyncedge_ct_get(net, NFPROTO_INET);
	if (err)
		return err;
	for (i = 0; i < n; i++) {
		ops[i] = set[i];
		ops[i].priv = ln;
	}
	err = nf_register_net_hooks(net, ops, n);
	if (err)
		lyncedge_ct_put(net, NFPROTO_INET);
	return err;
}

void lyncedge_hooks_unregister(struct net *net, struct lyncedge_net *ln, u8 deployment)
{
	const struct nf_hook_ops *set;
	unsigned int n = lyncedge_hook_set(deployment, &set);

	nf_unregister_net_hooks(net, ln->ops[deployment], n);
	lyncedge_ct_put(net, NFPROTO_INET);
}
