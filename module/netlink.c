// SPDX-License-Identifier: GPL-2.0
/*
 * The commands of the generic netlink family "lyncedge" (family.c), each
 * with its own attribute policy: see include/uapi/linux/lyncedge.h for the
 * contract. Transport only: requests become changes for commit.c, and the
 * snapshot and counters become replies. Configuration is nl_config.c's,
 * the rules table nl_rules.c's.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "commit.h"
#include "compat.h"
#include "counters.h"
#include "events.h"
#include "family.h"
#include "netlink.h"
#include "netns.h"

static const struct nla_policy lyncedge_nl_set_role_policy[LYNCEDGE_A_MAX + 1] = {
	[LYNCEDGE_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[LYNCEDGE_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[LYNCEDGE_A_ROLE] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_ROLE_MAX),
};

static const struct nla_policy lyncedge_nl_reset_policy[LYNCEDGE_A_MAX + 1] = {
	[LYNCEDGE_A_RULE_ID] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* The name an interface has now: RTNL only to read it whole, not for the change. */
static int lyncedge_nl_ifindex_name(struct net *net, u32 ifindex, char *name)
{
	const struct net_device *dev;

	rtnl_lock();
	dev = __dev_get_by_index(net, ifindex);
	if (dev)
		strscpy(name, dev->name, IFNAMSIZ);
	rtnl_unlock();
	return dev ? 0 : -ENODEV;
}

static int lyncedge_nl_set_role(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *name = info->attrs[LYNCEDGE_A_IFNAME];
	struct nlattr *index = info->attrs[LYNCEDGE_A_IFINDEX];
	struct net *net = genl_info_net(info);
	struct lyncedge_change_role role = { .attr = name ?: index };
	struct lyncedge_change ch = {
		.what = LYNCEDGE_CHANGE_ROLE, .nroles = 1, .roles = &role,
	};
	int err;

	if (!name == !index) {
		NL_SET_ERR_MSG_MOD(info->extack, "name the interface by name or index, once");
		return -EINVAL;
	}
	if (!info->attrs[LYNCEDGE_A_ROLE]) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing role");
		return -EINVAL;
	}
	role.r.role = nla_get_u8(info->attrs[LYNCEDGE_A_ROLE]);
	if (name) {
		nla_strscpy(role.r.name, name, sizeof(role.r.name));
	} else {
		err = lyncedge_nl_ifindex_name(net, nla_get_u32(index), role.r.name);
		if (err) {
			NL_SET_ERR_MSG_ATTR(info->extack, index, "no such interface");
			return err;
		}
	}
	return lyncedge_commit(net, lyncedge_pernet(net), &ch, info->extack);
}

/* cb->args[0]: the next role, in name order. */
static int lyncedge_nl_get_role(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct lyncedge_net *ln = lyncedge_pernet(sock_net(skb->sk));
	const struct lyncedge_snap *snap;
	void *hdr;

	rcu_read_lock();
	snap = rcu_dereference(ln->snap);
	cb->seq = snap->gen;
	for (; cb->args[0] < snap->nroles; cb->args[0]++) {
		const struct lyncedge_role_name *r = &snap->roles[cb->args[0]];

		hdr = lyncedge_nl_dump_put(skb, cb, LYNCEDGE_CMD_GET_ROLE);
		if (!hdr)
			break;
		if (nla_put_string(skb, LYNCEDGE_A_IFNAME, r->name) ||
		    nla_put_u8(skb, LYNCEDGE_A_ROLE, r->role) ||
		    (r->ifindex && nla_put_u32(skb, LYNCEDGE_A_IFINDEX, r->ifindex))) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
	}
	rcu_read_unlock();
	return skb->len;
}

static int lyncedge_nl_get_stats(struct sk_buff *skb, struct genl_info *info)
{
	struct lyncedge_net *ln = lyncedge_pernet(genl_info_net(info));
	struct lyncedge_totals snat, asym, outside;
	u64 sent, suppressed, reverted;
	struct sk_buff *msg;
	bool pending;
	u32 left;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &lyncedge_genl_family, 0, LYNCEDGE_CMD_GET_STATS);
	lyncedge_events_read(&ln->events, &sent, &suppressed);
	lyncedge_read(ln, lyncedge_diag_slot(LYNCEDGE_DIAG_AV_SNAT), &snat);
	lyncedge_read(ln, lyncedge_diag_slot(LYNCEDGE_DIAG_ASYMMETRIC), &asym);
	lyncedge_read(ln, lyncedge_diag_slot(LYNCEDGE_DIAG_OUTSIDE), &outside);
	lyncedge_rollback_status(ln, &pending, &left, &reverted);
	if (!hdr ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_EVENTS_SENT, sent, LYNCEDGE_A_PAD) ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_EVENTS_SUPPRESSED, suppressed, LYNCEDGE_A_PAD) ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_DIAG_AV_SNAT, snat.packets, LYNCEDGE_A_PAD) ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_DIAG_ASYMMETRIC, asym.packets, LYNCEDGE_A_PAD) ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_DIAG_OUTSIDE, outside.packets, LYNCEDGE_A_PAD) ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_ROLLBACKS, reverted, LYNCEDGE_A_PAD) ||
	    (pending && nla_put_u32(msg, LYNCEDGE_A_CONFIRM_LEFT, left))) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int lyncedge_nl_confirm(struct sk_buff *skb, struct genl_info *info)
{
	return lyncedge_confirm(lyncedge_pernet(genl_info_net(info)), info->extack);
}

/* An op without a policy takes no attribute at all (strict, past resv_start_op). */
static const struct genl_ops lyncedge_genl_ops[] = {
	{
		.cmd = LYNCEDGE_CMD_SET_ROLE,
		.doit = lyncedge_nl_set_role,
		.policy = lyncedge_nl_set_role_policy,
		.maxattr = LYNCEDGE_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = LYNCEDGE_CMD_GET_ROLE,
		.dumpit = lyncedge_nl_get_role,
	},
	{
		.cmd = LYNCEDGE_CMD_GET_RULES,
		.dumpit = lyncedge_nl_get_rules,
	},
	{
		.cmd = LYNCEDGE_CMD_SET_CONFIG,
		.doit = lyncedge_nl_set_config,
		.policy = lyncedge_nl_set_config_policy,
		.maxattr = LYNCEDGE_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = LYNCEDGE_CMD_GET_CONFIG,
		.dumpit = lyncedge_nl_get_config,
	},
	{
		.cmd = LYNCEDGE_CMD_RESET_COUNTERS,
		.doit = lyncedge_nl_reset_rule,
		.dumpit = lyncedge_nl_reset_all,
		.policy = lyncedge_nl_reset_policy,
		.maxattr = LYNCEDGE_A_MAX,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = LYNCEDGE_CMD_GET_STATS,
		.doit = lyncedge_nl_get_stats,
	},
	{
		.cmd = LYNCEDGE_CMD_CONFIRM,
		.doit = lyncedge_nl_confirm,
		.flags = GENL_UNS_ADMIN_PERM,
	},
};

int __init lyncedge_genl_init(void)
{
	lyncedge_genl_family.ops = lyncedge_genl_ops;
	lyncedge_genl_family.n_ops = ARRAY_SIZE(lyncedge_genl_ops);
	return genl_register_family(&lyncedge_genl_family);
}

void lyncedge_genl_exit(void)
{
	genl_unregister_family(&lyncedge_genl_family);
}
