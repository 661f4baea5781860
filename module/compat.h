/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between the kernels lyncedge builds for (5.10 to today), and
 * nowhere else: each difference names the kernel that changed it, the newer
 * interface is the one written out, and the older one stands behind the
 * test. A feature that stable kernels took by backport is tested by its own
 * name, not by version.
 */
#ifndef LYNCEDGE_COMPAT_H
#define LYNCEDGE_COMPAT_H

#include <linux/capability.h>
#include <linux/version.h>
#include <net/genetlink.h>
#include <net/sock.h>

/*
 * 5.11 renamed nla_strlcpy() nla_strscpy() (which returns -E2BIG where the
 * old one returned the length). The policies bound every string attribute,
 * and no caller reads the result.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 11, 0)
#define nla_strscpy(dst, nla, dstsize) nla_strlcpy(dst, nla, dstsize)
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 1, 0)
/*
 * 6.1 checks, for a family's commands from resv_start_op (0 here) on, that
 * the genetlink header's reserved byte is zero and that a command without
 * a policy carries no attribute. Before, the family's pre_doit does both
 * for its doit commands.
 */
static inline int lyncedge_genl_pre_doit(const struct genl_ops *ops, struct sk_buff *skb,
					 struct genl_info *info)
{
	if (info->genlhdr->reserved) {
		NL_SET_ERR_MSG(info->extack, "the genetlink header's reserved byte is not 0");
		return -EINVAL;
	}
	if (!ops->policy && nlmsg_attrlen(info->nlhdr, GENL_HDRLEN)) {
		NL_SET_ERR_MSG(info->extack, "this command takes no attribute");
		return -EINVAL;
	}
	return 0;
}

#define LYNCEDGE_GENL_PRE_DOIT lyncedge_genl_pre_doit
#else
#define LYNCEDGE_GENL_PRE_DOIT NULL
#endif

#ifdef GENL_MCAST_CAP_NET_ADMIN
/*
 * 6.6, and 6.1.y and 6.5.y by backport: genetlink refuses to bind a
 * listener without CAP_NET_ADMIN in the namespace to a group so flagged.
 */
#define LYNCEDGE_MCAST_FLAGS GENL_MCAST_CAP_NET_ADMIN

static inline void lyncedge_genl_multicast(const struct genl_family *family, struct net *net,
					   struct sk_buff *skb, unsigned int group)
{
	genlmsg_multicast_netns(family, net, skb, 0, group, GFP_ATOMIC);
}
#else
/*
 * Before, anyone may join a group: the event goes only to the sockets that
 * a process with CAP_NET_ADMIN in the namespace opened, as the later bind
 * check would have it. A listener without it joins and hears nothing.
 */
#define LYNCEDGE_MCAST_FLAGS 0

/* netlink_broadcast_filtered()'s filter: non-zero skips the socket. */
static inline int lyncedge_not_admin(struct sock *dsk, struct sk_buff *skb, void *net)
{
	return !sk_ns_capable(dsk, ((struct net *)net)->user_ns, CAP_NET_ADMIN);
}

static inline void lyncedge_genl_multicast(const struct genl_family *family, struct net *net,
					   struct sk_buff *skb, unsigned int group)
{
	/* What genlmsg_multicast_netns() does, with the filter. */
	group += family->mcgrp_offset;
	NETLINK_CB(skb).dst_group = group;
	netlink_broadcast_filtered(net->genl_sock, skb, 0, group, GFP_ATOMIC,
				   lyncedge_not_admin, net);
}
#endif

#endif
