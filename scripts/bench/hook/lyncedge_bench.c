// SPDX-License-Identifier: GPL-2.0
/*
 * lyncedge_bench: the benchmarks' floors, not part of lyncedge.
 *
 * Every filter the benchmark compares needs connection tracking, so this
 * module holds it in every network namespace, as lyncedge does where it has
 * roles: "no filter" (hook=0) then differs from the filters by the filter
 * alone. With hook=1 it also registers hooks at the points and priority of
 * lyncedge's host deployment that look at nothing and give every packet one
 * verdict, accept or (drop=1, settable at run time) drop: the cost of being
 * a hook at all, on each of the benchmark's paths.
 */
#include <linux/module.h>
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>
#include <net/net_namespace.h>
#include <net/netfilter/nf_conntrack.h>

static bool hook = true;
module_param(hook, bool, 0444);
MODULE_PARM_DESC(hook, "register the hooks (else only hold connection tracking)");

static bool drop;
module_param(drop, bool, 0644);
MODULE_PARM_DESC(drop, "the hooks drop every packet instead of accepting it");

static unsigned int lyncedge_bench_verdict(void *priv, struct sk_buff *skb,
					   const struct nf_hook_state *state)
{
	return READ_ONCE(drop) ? NF_DROP : NF_ACCEPT;
}

static const struct nf_hook_ops lyncedge_bench_ops[] = {
	{ .hook = lyncedge_bench_verdict, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_IN,
	  .priority = NF_IP_PRI_FILTER },
	{ .hook = lyncedge_bench_verdict, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_OUT,
	  .priority = NF_IP_PRI_FILTER },
	{ .hook = lyncedge_bench_verdict, .pf = NFPROTO_IPV6, .hooknum = NF_INET_LOCAL_IN,
	  .priority = NF_IP6_PRI_FILTER },
	{ .hook = lyncedge_bench_verdict, .pf = NFPROTO_IPV6, .hooknum = NF_INET_LOCAL_OUT,
	  .priority = NF_IP6_PRI_FILTER },
};

static int __net_init lyncedge_bench_net_init(struct net *net)
{
	int err;

	err = nf_ct_netns_get(net, NFPROTO_INET);
	if (err || !hook)
		return err;
	err = nf_register_net_hooks(net, lyncedge_bench_ops, ARRAY_SIZE(lyncedge_bench_ops));
	if (err)
		nf_ct_netns_put(net, NFPROTO_INET);
	return err;
}

static void __net_exit lyncedge_bench_net_exit(struct net *net)
{
	if (hook)
		nf_unregister_net_hooks(net, lyncedge_bench_ops, ARRAY_SIZE(lyncedge_bench_ops));
	nf_ct_netns_put(net, NFPROTO_INET);
}

static struct pernet_operations lyncedge_bench_net_ops = {
	.init = lyncedge_bench_net_init,
	.exit = lyncedge_bench_net_exit,
};

static int __init lyncedge_bench_init(void)
{
	return register_pernet_subsys(&lyncedge_bench_net_ops);
}

static void __exit lyncedge_bench_exit(void)
{
	unregister_pernet_subsys(&lyncedge_bench_net_ops);
}

module_init(lyncedge_bench_init);
module_exit(lyncedge_bench_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("lyncedge benchmarks: connection tracking and an empty hook");
