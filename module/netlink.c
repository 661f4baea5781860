// SPDX-License-Identifier: GPL-2.0
/*
 * The generic netlink family "lyncedge": see include/uapi/linux/lyncedge.h
 * for the contract.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "lyncedge.h"

static const struct nla_policy lyncedge_nl_peer_policy[LYNCEDGE_PEER_A_MAX + 1] = {
	[LYNCEDGE_PEER_A_GROUP] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_GROUP_MAX),
	[LYNCEDGE_PEER_A_ADDR] = { .type = NLA_BINARY, .len = sizeof(struct in6_addr) },
	[LYNCEDGE_PEER_A_PREFIXLEN] = NLA_POLICY_MAX(NLA_U8, 128),
};

static const struct nla_policy lyncedge_nl_service_policy[LYNCEDGE_SERVICE_A_MAX + 1] = {
	[LYNCEDGE_SERVICE_A_SERVICE] = NLA_POLICY_RANGE(NLA_U8, LYNCEDGE_SERVICE_ACCESS,
							LYNCEDGE_SERVICE_MAX),
	[LYNCEDGE_SERVICE_A_ADDR] = { .type = NLA_BINARY, .len = sizeof(struct in6_addr) },
};

static const struct nla_policy lyncedge_nl_custom_policy[LYNCEDGE_CUSTOM_A_MAX + 1] = {
	[LYNCEDGE_CUSTOM_A_ROLE] = NLA_POLICY_RANGE(NLA_U8, LYNCEDGE_ROLE_EXTERNAL,
						    LYNCEDGE_ROLE_MAX),
	[LYNCEDGE_CUSTOM_A_DIR] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_DIR_MAX),
	[LYNCEDGE_CUSTOM_A_PROTO] = { .type = NLA_U8 },
	[LYNCEDGE_CUSTOM_A_PORT_MIN] = NLA_POLICY_MIN(NLA_U16, 1),
	[LYNCEDGE_CUSTOM_A_PORT_MAX] = NLA_POLICY_MIN(NLA_U16, 1),
	[LYNCEDGE_CUSTOM_A_NAME] = { .type = NLA_NUL_STRING, .len = LYNCEDGE_CUSTOM_NAME_MAX - 1 },
};

static const struct nla_policy lyncedge_nl_policy[LYNCEDGE_A_MAX + 1] = {
	[LYNCEDGE_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[LYNCEDGE_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[LYNCEDGE_A_ROLE] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_ROLE_MAX),
	[LYNCEDGE_A_FEATURES] = NLA_POLICY_BITFIELD32(__LYNCEDGE_FEATURE_F_ALL),
	[LYNCEDGE_A_MEDIA_MIN] = NLA_POLICY_MIN(NLA_U16, LYNCEDGE_MEDIA_LOWEST),
	[LYNCEDGE_A_MEDIA_MAX] = NLA_POLICY_MIN(NLA_U16, LYNCEDGE_MEDIA_LOWEST),
	[LYNCEDGE_A_MODE_EXTERNAL] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_MODE_MAX),
	[LYNCEDGE_A_MODE_INTERNAL] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_MODE_MAX),
	[LYNCEDGE_A_PEERS] = NLA_POLICY_NESTED_ARRAY(lyncedge_nl_peer_policy),
	[LYNCEDGE_A_GENERATION] = { .type = NLA_U32 },
	[LYNCEDGE_A_SERVICES] = NLA_POLICY_NESTED_ARRAY(lyncedge_nl_service_policy),
	[LYNCEDGE_A_CUSTOM_RULES] = NLA_POLICY_NESTED_ARRAY(lyncedge_nl_custom_policy),
	[LYNCEDGE_A_RULE_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[LYNCEDGE_A_EVENT_RATE] = NLA_POLICY_MAX(NLA_U32, LYNCEDGE_EVENT_RATE_MAX),
	[LYNCEDGE_A_EVENT_BURST] = NLA_POLICY_RANGE(NLA_U32, 1, LYNCEDGE_EVENT_BURST_MAX),
	[LYNCEDGE_A_DEPLOYMENT] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_DEPLOYMENT_MAX),
};

static struct genl_family lyncedge_genl_family;

static int lyncedge_nl_set_role(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *name = info->attrs[LYNCEDGE_A_IFNAME];
	struct nlattr *index = info->attrs[LYNCEDGE_A_IFINDEX];
	struct net *net = genl_info_net(info);
	struct net_device *dev;
	int err;

	if (!name == !index) {
		NL_SET_ERR_MSG_MOD(info->extack, "name the interface by name or index, once");
		return -EINVAL;
	}
	if (!info->attrs[LYNCEDGE_A_ROLE]) {
		NL_SET_ERR_MSG_MOD(info->extack, "missing role");
		return -EINVAL;
	}
	rtnl_lock();
	dev = name ? __dev_get_by_name(net, nla_data(name)) :
		     __dev_get_by_index(net, nla_get_u32(index));
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(info->extack, name ?: index, "no such interface");
		err = -ENODEV;
	} else if (dev->flags & IFF_LOOPBACK) {
		NL_SET_ERR_MSG_ATTR(info->extack, name ?: index,
				    "the loopback interface cannot have a role");
		err = -EINVAL;
	} else {
		err = lyncedge_set_role(net, dev->ifindex,
					nla_get_u8(info->attrs[LYNCEDGE_A_ROLE]), info->extack);
	}
	rtnl_unlock();
	return err;
}

static void *lyncedge_nl_put(struct sk_buff *skb, struct netlink_callback *cb, u8 cmd)
{
	void *hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
				&lyncedge_genl_family, NLM_F_MULTI, cmd);

	if (hdr)
		genl_dump_check_consistent(cb, hdr);
	return hdr;
}

/* cb->args[0]: the next ifindex to look at. */
static int lyncedge_nl_get_role(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct lyncedge_net *ln = lyncedge_pernet(net);
	unsigned long ifindex;
	void *entry, *hdr;

	cb->seq = READ_ONCE(ln->gen);
	rcu_read_lock();
	xa_for_each_start(&ln->roles, ifindex, entry, cb->args[0]) {
		struct net_device *dev = dev_get_by_index_rcu(net, ifindex);

		if (!dev)
			continue;
		hdr = lyncedge_nl_put(skb, cb, LYNCEDGE_CMD_GET_ROLE);
		if (!hdr)
			break;
		if (nla_put_u32(skb, LYNCEDGE_A_IFINDEX, ifindex) ||
		    nla_put_string(skb, LYNCEDGE_A_IFNAME, dev->name) ||
		    nla_put_u8(skb, LYNCEDGE_A_ROLE, xa_to_value(entry))) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		cb->args[0] = ifindex + 1;
	}
	rcu_read_unlock();
	return skb->len;
}

/*
 * The counters go in last and are reserved before they are read: a reset
 * clears a row only once its whole message has room in the reply.
 */
struct lyncedge_nl_counts {
	struct nlattr *packets;
	struct nlattr *bytes;
};

static int lyncedge_nl_reserve_counts(struct sk_buff *skb, struct lyncedge_nl_counts *nc)
{
	nc->packets = nla_reserve_64bit(skb, LYNCEDGE_A_PACKETS, sizeof(u64), LYNCEDGE_A_PAD);
	nc->bytes = nla_reserve_64bit(skb, LYNCEDGE_A_BYTES, sizeof(u64), LYNCEDGE_A_PAD);
	return nc->packets && nc->bytes ? 0 : -EMSGSIZE;
}

static void lyncedge_nl_fill_counts(const struct lyncedge_nl_counts *nc,
				    const struct lyncedge_totals *t)
{
	memcpy(nla_data(nc->packets), &t->packets, sizeof(u64));
	memcpy(nla_data(nc->bytes), &t->bytes, sizeof(u64));
}

static int lyncedge_nl_put_custom(struct sk_buff *skb, const struct lyncedge_custom *c)
{
	return nla_put_u32(skb, LYNCEDGE_A_RULE_ID, c->id) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_ROLE, c->role) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_DIR, c->dir) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_PROTO, c->proto) ||
	       nla_put_u16(skb, LYNCEDGE_A_RULE_PORT_MIN, c->min) ||
	       nla_put_u16(skb, LYNCEDGE_A_RULE_PORT_MAX, c->max) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_CUSTOM, 1) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_ENABLED, 1) ||
	       nla_put_string(skb, LYNCEDGE_A_RULE_NAME, c->name);
}

static int lyncedge_nl_put_rule(struct sk_buff *skb, const struct lyncedge_config *config,
				const struct lyncedge_rule *rule)
{
	u16 min, max;

	lyncedge_rule_ports(rule, config, &min, &max);
	return nla_put_u32(skb, LYNCEDGE_A_RULE_ID, rule->id) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_ROLE, rule->role) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_DIR, rule->dir) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_PROTO, rule->proto) ||
	       nla_put_u16(skb, LYNCEDGE_A_RULE_PORT_MIN, min) ||
	       nla_put_u16(skb, LYNCEDGE_A_RULE_PORT_MAX, max) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_FEATURE, rule->feature) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_MEDIA, rule->media) ||
	       nla_put_u32(skb, LYNCEDGE_A_RULE_GROUPS, rule->groups) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_SERVICE, rule->service) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_ENABLED,
			  !!(config->features & BIT(rule->feature))) ||
	       nla_put_string(skb, LYNCEDGE_A_RULE_NAME, rule->name);
}

/*
 * One row of the rules: built-in rules, custom rules, then the drop counter
 * of each role and direction; with its counts, read or (with reset, under
 * the namespace's reset_lock) read and cleared.
 */
static int lyncedge_nl_put_row(struct sk_buff *skb, struct lyncedge_net *ln,
			       const struct lyncedge_config *config, unsigned int row, bool reset)
{
	unsigned int rules = lyncedge_nrules + config->ncustom;
	struct lyncedge_custom *custom = NULL;
	unsigned int slot, drop, role, dir;
	struct lyncedge_nl_counts nc;
	struct lyncedge_totals t;
	int err;

	if (row < lyncedge_nrules) {
		slot = lyncedge_rule_slot(lyncedge_rules[row].id);
		err = lyncedge_nl_put_rule(skb, config, &lyncedge_rules[row]);
	} else if (row < rules) {
		slot = 0;
		custom = config->custom[row - lyncedge_nrules];
		err = lyncedge_nl_put_custom(skb, custom);
	} else {
		drop = row - rules;
		role = LYNCEDGE_ROLE_EXTERNAL + drop / LYNCEDGE_NDIRS;
		dir = drop % LYNCEDGE_NDIRS;
		slot = lyncedge_drop_slot(role, dir);
		err = nla_put_u8(skb, LYNCEDGE_A_RULE_ROLE, role) ||
		      nla_put_u8(skb, LYNCEDGE_A_RULE_DIR, dir);
	}
	if (err || lyncedge_nl_reserve_counts(skb, &nc))
		return -EMSGSIZE;
	if (custom && reset)
		lyncedge_custom_reset(ln, custom, &t);
	else if (custom)
		lyncedge_custom_read(ln, custom, &t);
	else if (reset)
		lyncedge_reset(ln, slot, &t);
	else
		lyncedge_read(ln, slot, &t);
	lyncedge_nl_fill_counts(&nc, &t);
	return 0;
}

static unsigned int lyncedge_nl_nrows(const struct lyncedge_config *config)
{
	return lyncedge_nrules + config->ncustom + LYNCEDGE_NROLES * LYNCEDGE_NDIRS;
}

/*
 * cb->args[0]: the next row. A change between two parts of the dump is
 * flagged (NLM_F_DUMP_INTR).
 */
static int lyncedge_nl_dump_rows(struct sk_buff *skb, struct netlink_callback *cb, u8 cmd,
				 bool reset)
{
	struct lyncedge_net *ln = lyncedge_pernet(sock_net(skb->sk));
	const struct lyncedge_config *config;
	unsigned int row;
	void *hdr;

	if (reset)
		mutex_lock(&ln->reset_lock);
	/* Paired with the release in lyncedge_set_config(): see GET_CONFIG. */
	cb->seq = smp_load_acquire(&ln->gen);
	rcu_read_lock();
	config = rcu_dereference(ln->config);
	for (row = cb->args[0]; row < lyncedge_nl_nrows(config); row++) {
		hdr = lyncedge_nl_put(skb, cb, cmd);
		if (!hdr)
			break;
		if (lyncedge_nl_put_row(skb, ln, config, row, reset)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
	}
	rcu_read_unlock();
	if (reset)
		mutex_unlock(&ln->reset_lock);
	cb->args[0] = row;
	return skb->len;
}

static int lyncedge_nl_get_rules(struct sk_buff *skb, struct netlink_callback *cb)
{
	return lyncedge_nl_dump_rows(skb, cb, LYNCEDGE_CMD_GET_RULES, false);
}

static int lyncedge_nl_reset_all(struct sk_buff *skb, struct netlink_callback *cb)
{
	return lyncedge_nl_dump_rows(skb, cb, LYNCEDGE_CMD_RESET_COUNTERS, true);
}

/* The row of a rule id, or -ENOENT. */
static int lyncedge_nl_row_of(const struct lyncedge_config *config, u32 id)
{
	unsigned int i;

	for (i = 0; i < lyncedge_nrules; i++)
		if (lyncedge_rules[i].id == id)
			return i;
	for (i = 0; i < config->ncustom; i++)
		if (config->custom[i]->id == id)
			return lyncedge_nrules + i;
	return -ENOENT;
}

static int lyncedge_nl_reset_rule(struct sk_buff *skb, struct genl_info *info)
{
	struct lyncedge_net *ln = lyncedge_pernet(genl_info_net(info));
	struct nlattr *attr = info->attrs[LYNCEDGE_A_RULE_ID];
	const struct lyncedge_config *config;
	struct sk_buff *msg;
	void *hdr;
	int row;

	if (!attr) {
		NL_SET_ERR_MSG_MOD(info->extack, "name the rule, or dump to reset every counter");
		return -EINVAL;
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &lyncedge_genl_family, 0, LYNCEDGE_CMD_RESET_COUNTERS);
	if (!hdr) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	mutex_lock(&ln->reset_lock);
	rcu_read_lock();
	config = rcu_dereference(ln->config);
	row = lyncedge_nl_row_of(config, nla_get_u32(attr));
	if (row >= 0 && lyncedge_nl_put_row(msg, ln, config, row, true))
		row = -EMSGSIZE;
	rcu_read_unlock();
	mutex_unlock(&ln->reset_lock);
	if (row < 0) {
		if (row == -ENOENT)
			NL_SET_ERR_MSG_ATTR(info->extack, attr, "no rule has this id");
		nlmsg_free(msg);
		return row;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int lyncedge_nl_get_stats(struct sk_buff *skb, struct genl_info *info)
{
	struct lyncedge_net *ln = lyncedge_pernet(genl_info_net(info));
	struct lyncedge_totals snat, asym;
	u64 sent, suppressed;
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &lyncedge_genl_family, 0, LYNCEDGE_CMD_GET_STATS);
	lyncedge_events_read(&ln->events, &sent, &suppressed);
	lyncedge_read(ln, lyncedge_diag_slot(LYNCEDGE_DIAG_AV_SNAT), &snat);
	lyncedge_read(ln, lyncedge_diag_slot(LYNCEDGE_DIAG_ASYMMETRIC), &asym);
	if (!hdr ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_EVENTS_SENT, sent, LYNCEDGE_A_PAD) ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_EVENTS_SUPPRESSED, suppressed, LYNCEDGE_A_PAD) ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_DIAG_AV_SNAT, snat.packets, LYNCEDGE_A_PAD) ||
	    nla_put_u64_64bit(msg, LYNCEDGE_A_DIAG_ASYMMETRIC, asym.packets, LYNCEDGE_A_PAD)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int lyncedge_nl_config_features(struct lyncedge_config *config, struct genl_info *info)
{
	struct nlattr *attr = info->attrs[LYNCEDGE_A_FEATURES];
	struct nla_bitfield32 bf;

	if (!attr)
		return 0;
	bf = nla_get_bitfield32(attr);
	if (bf.selector & LYNCEDGE_FEATURE_F_CORE) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr, "the core rows are always on");
		return -EOPNOTSUPP;
	}
	config->features = (config->features & ~bf.selector) | bf.value;
	return 0;
}

static int lyncedge_nl_config_media(struct lyncedge_config *config, struct genl_info *info)
{
	struct nlattr *min = info->attrs[LYNCEDGE_A_MEDIA_MIN];
	struct nlattr *max = info->attrs[LYNCEDGE_A_MEDIA_MAX];

	if (!min && !max)
		return 0;
	if (!min || !max) {
		NL_SET_ERR_MSG_ATTR(info->extack, min ?: max, "give both ends of the media range");
		return -EINVAL;
	}
	if (nla_get_u16(min) > nla_get_u16(max)) {
		NL_SET_ERR_MSG_ATTR(info->extack, max, "the media range is reversed");
		return -EINVAL;
	}
	config->media_min = nla_get_u16(min);
	config->media_max = nla_get_u16(max);
	return 0;
}

static int lyncedge_nl_config_events(struct lyncedge_config *config, struct genl_info *info)
{
	struct nlattr *rate = info->attrs[LYNCEDGE_A_EVENT_RATE];
	struct nlattr *burst = info->attrs[LYNCEDGE_A_EVENT_BURST];

	if (!rate && !burst)
		return 0;
	if (!rate || !burst) {
		NL_SET_ERR_MSG_ATTR(info->extack, rate ?: burst,
				    "give both the event rate and the burst");
		return -EINVAL;
	}
	config->event_rate = nla_get_u32(rate);
	config->event_burst = nla_get_u32(burst);
	return 0;
}

/* The words: each role's mode and the deployment. */
static void lyncedge_nl_config_modes(struct lyncedge_config *config, struct genl_info *info)
{
	static const int attr[LYNCEDGE_NROLES] = {
		[LYNCEDGE_ROLE_EXTERNAL - 1] = LYNCEDGE_A_MODE_EXTERNAL,
		[LYNCEDGE_ROLE_INTERNAL - 1] = LYNCEDGE_A_MODE_INTERNAL,
	};
	unsigned int i;

	for (i = 0; i < LYNCEDGE_NROLES; i++)
		if (info->attrs[attr[i]])
			config->mode[i] = nla_get_u8(info->attrs[attr[i]]);
	if (info->attrs[LYNCEDGE_A_DEPLOYMENT])
		config->deployment = nla_get_u8(info->attrs[LYNCEDGE_A_DEPLOYMENT]);
}

/* 4 or 16 bytes into a (v4-mapped) IPv6 address. */
static int lyncedge_nl_addr(const struct nlattr *attr, struct in6_addr *addr,
			    struct netlink_ext_ack *extack)
{
	switch (nla_len(attr)) {
	case sizeof(struct in_addr):
		ipv6_addr_set_v4mapped(nla_get_in_addr(attr), addr);
		return 0;
	case sizeof(struct in6_addr):
		*addr = nla_get_in6_addr(attr);
		return 0;
	default:
		NL_SET_ERR_MSG_ATTR(extack, attr, "an address is 4 (IPv4) or 16 (IPv6) bytes");
		return -EINVAL;
	}
}

static int lyncedge_nl_peer(void *ctx, struct nlattr **tb, const struct nlattr *entry,
			    struct netlink_ext_ack *extack)
{
	struct lyncedge_peers *peers = &((struct lyncedge_config *)ctx)->peers;
	struct lyncedge_prefix prefix = {};
	struct in6_addr masked;
	unsigned int group, i;
	int len, err;

	if (!tb[LYNCEDGE_PEER_A_GROUP] || !tb[LYNCEDGE_PEER_A_ADDR] ||
	    !tb[LYNCEDGE_PEER_A_PREFIXLEN]) {
		NL_SET_ERR_MSG_ATTR(extack, entry, "a peer needs a group, an address and a length");
		return -EINVAL;
	}
	group = nla_get_u8(tb[LYNCEDGE_PEER_A_GROUP]);
	len = nla_get_u8(tb[LYNCEDGE_PEER_A_PREFIXLEN]);
	err = lyncedge_nl_addr(tb[LYNCEDGE_PEER_A_ADDR], &prefix.addr, extack);
	if (err)
		return err;
	if (nla_len(tb[LYNCEDGE_PEER_A_ADDR]) == sizeof(struct in_addr))
		len = len <= 32 ? len + 96 : 129;
	if (len > 128) {
		NL_SET_ERR_MSG_ATTR(extack, tb[LYNCEDGE_PEER_A_PREFIXLEN],
				    "the prefix length is longer than the address");
		return -EINVAL;
	}
	prefix.len = len;
	ipv6_addr_prefix(&masked, &prefix.addr, len);
	if (!ipv6_addr_equal(&masked, &prefix.addr)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[LYNCEDGE_PEER_A_ADDR],
				    "the prefix has host bits set");
		return -EINVAL;
	}
	for (i = 0; i < peers->n[group]; i++) {
		if (peers->p[group][i].len == len &&
		    ipv6_addr_equal(&peers->p[group][i].addr, &prefix.addr)) {
			NL_SET_ERR_MSG_ATTR(extack, entry, "the peer is listed twice");
			return -EEXIST;
		}
	}
	if (peers->n[group] == LYNCEDGE_PEERS_MAX) {
		NL_SET_ERR_MSG_ATTR(extack, entry, "too many peers in one group");
		return -E2BIG;
	}
	peers->p[group][peers->n[group]++] = prefix;
	return 0;
}

static int lyncedge_nl_service(void *ctx, struct nlattr **tb, const struct nlattr *entry,
			       struct netlink_ext_ack *extack)
{
	struct lyncedge_services *services = &((struct lyncedge_config *)ctx)->services;
	struct in6_addr addr;
	unsigned int s, i;
	int err;

	if (!tb[LYNCEDGE_SERVICE_A_SERVICE] || !tb[LYNCEDGE_SERVICE_A_ADDR]) {
		NL_SET_ERR_MSG_ATTR(extack, entry, "a service entry needs a service and address");
		return -EINVAL;
	}
	err = lyncedge_nl_addr(tb[LYNCEDGE_SERVICE_A_ADDR], &addr, extack);
	if (err)
		return err;
	s = nla_get_u8(tb[LYNCEDGE_SERVICE_A_SERVICE]) - 1;
	for (i = 0; i < services->n[s]; i++) {
		if (ipv6_addr_equal(&services->a[s][i], &addr)) {
			NL_SET_ERR_MSG_ATTR(extack, entry, "the address is listed twice");
			return -EEXIST;
		}
	}
	if (services->n[s] == LYNCEDGE_SERVICE_ADDRS_MAX) {
		NL_SET_ERR_MSG_ATTR(extack, entry, "too many addresses for one service");
		return -E2BIG;
	}
	services->a[s][services->n[s]++] = addr;
	return 0;
}

/* tb[] below is sized for the largest of the entry attribute sets. */
#define LYNCEDGE_NL_ENTRY_MAX	LYNCEDGE_CUSTOM_A_MAX
static_assert(LYNCEDGE_SERVICE_A_MAX <= LYNCEDGE_NL_ENTRY_MAX);
static_assert(LYNCEDGE_PEER_A_MAX <= LYNCEDGE_NL_ENTRY_MAX);

/* Each entry of a nested array, parsed with its policy, handed to fn. */
static int lyncedge_nl_array(void *ctx, const struct nlattr *array,
			     unsigned int maxtype, const struct nla_policy *policy,
			     int (*fn)(void *ctx, struct nlattr **tb, const struct nlattr *entry,
				       struct netlink_ext_ack *extack),
			     struct netlink_ext_ack *extack)
{
	struct nlattr *tb[LYNCEDGE_NL_ENTRY_MAX + 1];
	struct nlattr *entry;
	int rem, err;

	nla_for_each_nested(entry, array, rem) {
		err = nla_parse_nested(tb, maxtype, entry, policy, extack) ?:
		      fn(ctx, tb, entry, extack);
		if (err)
			return err;
	}
	return 0;
}

/* A present LYNCEDGE_A_PEERS replaces every peer of every group. */
static int lyncedge_nl_config_peers(struct lyncedge_config *config, struct genl_info *info)
{
	if (!info->attrs[LYNCEDGE_A_PEERS])
		return 0;
	memset(&config->peers, 0, sizeof(config->peers));
	return lyncedge_nl_array(config, info->attrs[LYNCEDGE_A_PEERS], LYNCEDGE_PEER_A_MAX,
				 lyncedge_nl_peer_policy, lyncedge_nl_peer, info->extack);
}

/* A present LYNCEDGE_A_SERVICES replaces the addresses of every service. */
static int lyncedge_nl_config_services(struct lyncedge_config *config, struct genl_info *info)
{
	if (!info->attrs[LYNCEDGE_A_SERVICES])
		return 0;
	memset(&config->services, 0, sizeof(config->services));
	return lyncedge_nl_array(config, info->attrs[LYNCEDGE_A_SERVICES],
				 LYNCEDGE_SERVICE_A_MAX, lyncedge_nl_service_policy,
				 lyncedge_nl_service, info->extack);
}

/* A custom rule list being built from a request, against the one it replaces. */
struct lyncedge_nl_customs {
	struct lyncedge_net *ln;
	const struct lyncedge_config *old;
	unsigned long *taken;	/* the old rules already given again */
	struct lyncedge_custom **list;
	unsigned int n;
};

static bool lyncedge_custom_same(const struct lyncedge_custom *a, const struct lyncedge_custom *b)
{
	return a->role == b->role && a->dir == b->dir && a->proto == b->proto &&
	       a->min == b->min && a->max == b->max && !strcmp(a->name, b->name);
}

static int lyncedge_nl_custom(void *ctx, struct nlattr **tb, const struct nlattr *entry,
			      struct netlink_ext_ack *extack)
{
	struct lyncedge_nl_customs *cs = ctx;
	struct lyncedge_custom want = {}, *c = NULL;
	unsigned int i;

	if (!tb[LYNCEDGE_CUSTOM_A_ROLE] || !tb[LYNCEDGE_CUSTOM_A_DIR] ||
	    !tb[LYNCEDGE_CUSTOM_A_PROTO] || !tb[LYNCEDGE_CUSTOM_A_PORT_MIN] ||
	    !tb[LYNCEDGE_CUSTOM_A_PORT_MAX] || !tb[LYNCEDGE_CUSTOM_A_NAME]) {
		NL_SET_ERR_MSG_ATTR(extack, entry,
				    "a custom rule needs role, direction, protocol, ports, name");
		return -EINVAL;
	}
	want.role = nla_get_u8(tb[LYNCEDGE_CUSTOM_A_ROLE]);
	want.dir = nla_get_u8(tb[LYNCEDGE_CUSTOM_A_DIR]);
	want.proto = nla_get_u8(tb[LYNCEDGE_CUSTOM_A_PROTO]);
	want.min = nla_get_u16(tb[LYNCEDGE_CUSTOM_A_PORT_MIN]);
	want.max = nla_get_u16(tb[LYNCEDGE_CUSTOM_A_PORT_MAX]);
	nla_strscpy(want.name, tb[LYNCEDGE_CUSTOM_A_NAME], sizeof(want.name));
	if (want.proto != IPPROTO_TCP && want.proto != IPPROTO_UDP) {
		NL_SET_ERR_MSG_ATTR(extack, tb[LYNCEDGE_CUSTOM_A_PROTO],
				    "a rule is for tcp or udp");
		return -EINVAL;
	}
	if (want.min > want.max) {
		NL_SET_ERR_MSG_ATTR(extack, tb[LYNCEDGE_CUSTOM_A_PORT_MAX],
				    "the port range is reversed");
		return -EINVAL;
	}
	if (!want.name[0]) {
		NL_SET_ERR_MSG_ATTR(extack, tb[LYNCEDGE_CUSTOM_A_NAME], "a rule needs a name");
		return -EINVAL;
	}
	for (i = 0; i < cs->n; i++) {
		if (lyncedge_custom_same(cs->list[i], &want)) {
			NL_SET_ERR_MSG_ATTR(extack, entry, "the custom rule is given twice");
			return -EEXIST;
		}
	}
	if (cs->n == LYNCEDGE_CUSTOM_MAX) {
		NL_SET_ERR_MSG_ATTR(extack, entry, "too many custom rules");
		return -E2BIG;
	}
	/* The same rule again keeps its id and counters. */
	for (i = 0; i < cs->old->ncustom && !c; i++) {
		if (!test_bit(i, cs->taken) && lyncedge_custom_same(cs->old->custom[i], &want)) {
			__set_bit(i, cs->taken);
			c = cs->old->custom[i];
			refcount_inc(&c->ref);
		}
	}
	if (!c) {
		c = lyncedge_custom_new(cs->ln->next_custom_id++);
		if (!c)
			return -ENOMEM;
		c->role = want.role;
		c->dir = want.dir;
		c->proto = want.proto;
		c->min = want.min;
		c->max = want.max;
		memcpy(c->name, want.name, sizeof(c->name));
	}
	cs->list[cs->n++] = c;
	return 0;
}

/* A present LYNCEDGE_A_CUSTOM_RULES replaces every custom rule. */
static int lyncedge_nl_config_customs(struct lyncedge_net *ln, struct lyncedge_config *config,
				      struct genl_info *info)
{
	struct lyncedge_nl_customs cs = { .ln = ln, .old = config };
	unsigned int i;
	int err;

	if (!info->attrs[LYNCEDGE_A_CUSTOM_RULES])
		return 0;
	cs.list = kvcalloc(LYNCEDGE_CUSTOM_MAX, sizeof(*cs.list), GFP_KERNEL);
	cs.taken = bitmap_zalloc(max(config->ncustom, 1U), GFP_KERNEL);
	err = cs.list && cs.taken ? 0 : -ENOMEM;
	if (!err)
		err = lyncedge_nl_array(&cs, info->attrs[LYNCEDGE_A_CUSTOM_RULES],
					LYNCEDGE_CUSTOM_A_MAX, lyncedge_nl_custom_policy,
					lyncedge_nl_custom, info->extack);
	bitmap_free(cs.taken);
	if (err) {
		for (i = 0; i < cs.n; i++)
			lyncedge_custom_put(cs.list[i]);
		kvfree(cs.list);
		return err;
	}
	for (i = 0; i < config->ncustom; i++)
		lyncedge_custom_put(config->custom[i]);
	kvfree(config->custom);
	config->custom = cs.list;
	config->ncustom = cs.n;
	return 0;
}

/* The present attributes change a copy; the copy replaces the whole. */
static int lyncedge_nl_set_config(struct sk_buff *skb, struct genl_info *info)
{
	static const int attrs[] = {
		LYNCEDGE_A_FEATURES, LYNCEDGE_A_MEDIA_MIN, LYNCEDGE_A_MEDIA_MAX,
		LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_A_MODE_INTERNAL, LYNCEDGE_A_PEERS,
		LYNCEDGE_A_SERVICES, LYNCEDGE_A_CUSTOM_RULES, LYNCEDGE_A_EVENT_RATE,
		LYNCEDGE_A_EVENT_BURST, LYNCEDGE_A_DEPLOYMENT,
	};
	struct nlattr *gen = info->attrs[LYNCEDGE_A_GENERATION];
	struct net *net = genl_info_net(info);
	struct lyncedge_net *ln = lyncedge_pernet(net);
	struct lyncedge_config *config;
	bool any = false;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(attrs); i++)
		any |= !!info->attrs[attrs[i]];
	if (!any) {
		NL_SET_ERR_MSG_MOD(info->extack, "no configuration given");
		return -EINVAL;
	}
	rtnl_lock();
	if (gen && nla_get_u32(gen) != ln->gen) {
		NL_SET_ERR_MSG_ATTR(info->extack, gen,
				    "the configuration changed meanwhile; read it again");
		err = -EAGAIN;
		goto out;
	}
	config = lyncedge_config_dup(rtnl_dereference(ln->config));
	if (!config) {
		err = -ENOMEM;
		goto out;
	}
	err = lyncedge_nl_config_features(config, info) ?:
	      lyncedge_nl_config_media(config, info) ?:
	      lyncedge_nl_config_events(config, info) ?:
	      lyncedge_nl_config_peers(config, info) ?:
	      lyncedge_nl_config_services(config, info) ?:
	      lyncedge_nl_config_customs(ln, config, info);
	if (err) {
		lyncedge_config_free(config);
		goto out;
	}
	lyncedge_nl_config_modes(config, info);
	err = lyncedge_set_config(net, config, info->extack);
out:
	rtnl_unlock();
	return err;
}

/* IPv4 goes out as 4 bytes, as it came in. */
static int lyncedge_nl_put_addr(struct sk_buff *msg, int type, const struct in6_addr *addr,
				bool v4)
{
	return v4 ? nla_put_in_addr(msg, type, addr->s6_addr32[3]) :
		    nla_put_in6_addr(msg, type, addr);
}

static int lyncedge_nl_put_services(struct sk_buff *msg,
				    const struct lyncedge_services *services)
{
	struct nlattr *nest, *entry;
	unsigned int s, i, n = 0;

	nest = nla_nest_start(msg, LYNCEDGE_A_SERVICES);
	if (!nest)
		return -EMSGSIZE;
	for (s = 0; s < LYNCEDGE_NSERVICES; s++) {
		for (i = 0; i < services->n[s]; i++) {
			const struct in6_addr *a = &services->a[s][i];

			entry = nla_nest_start(msg, ++n);
			if (!entry ||
			    nla_put_u8(msg, LYNCEDGE_SERVICE_A_SERVICE, s + 1) ||
			    lyncedge_nl_put_addr(msg, LYNCEDGE_SERVICE_A_ADDR, a,
						 ipv6_addr_v4mapped(a)))
				return -EMSGSIZE;
			nla_nest_end(msg, entry);
		}
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int lyncedge_nl_put_peers(struct sk_buff *msg, const struct lyncedge_peers *peers)
{
	struct nlattr *nest, *entry;
	unsigned int g, i, n = 0;

	nest = nla_nest_start(msg, LYNCEDGE_A_PEERS);
	if (!nest)
		return -EMSGSIZE;
	for (g = 0; g < LYNCEDGE_NGROUPS; g++) {
		for (i = 0; i < peers->n[g]; i++) {
			const struct lyncedge_prefix *p = &peers->p[g][i];
			bool v4 = ipv6_addr_v4mapped(&p->addr) && p->len >= 96;

			entry = nla_nest_start(msg, ++n);
			if (!entry ||
			    nla_put_u8(msg, LYNCEDGE_PEER_A_GROUP, g) ||
			    lyncedge_nl_put_addr(msg, LYNCEDGE_PEER_A_ADDR, &p->addr, v4) ||
			    nla_put_u8(msg, LYNCEDGE_PEER_A_PREFIXLEN, v4 ? p->len - 96 : p->len))
				return -EMSGSIZE;
			nla_nest_end(msg, entry);
		}
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int lyncedge_nl_get_config(struct sk_buff *skb, struct genl_info *info)
{
	const struct lyncedge_net *ln = lyncedge_pernet(genl_info_net(info));
	const struct lyncedge_config *config;
	struct nla_bitfield32 bf;
	struct sk_buff *msg;
	unsigned int gen;
	void *hdr;
	int err;

	/* Room for every peer the groups can hold, and the rest. */
	msg = genlmsg_new((LYNCEDGE_NGROUPS * LYNCEDGE_PEERS_MAX +
			   LYNCEDGE_NSERVICES * LYNCEDGE_SERVICE_ADDRS_MAX) * 48 + 256, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &lyncedge_genl_family, 0, LYNCEDGE_CMD_GET_CONFIG);
	if (!hdr) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	/*
	 * The generation first: a configuration newer than it only makes a
	 * read-modify-write fail and retry, never overwrite what it missed.
	 */
	gen = smp_load_acquire(&ln->gen);
	rcu_read_lock();
	config = rcu_dereference(ln->config);
	bf.value = config->features;
	bf.selector = __LYNCEDGE_FEATURE_F_ALL;
	err = nla_put(msg, LYNCEDGE_A_FEATURES, sizeof(bf), &bf) ||
	      nla_put_u16(msg, LYNCEDGE_A_MEDIA_MIN, config->media_min) ||
	      nla_put_u16(msg, LYNCEDGE_A_MEDIA_MAX, config->media_max) ||
	      nla_put_u8(msg, LYNCEDGE_A_MODE_EXTERNAL, config->mode[LYNCEDGE_ROLE_EXTERNAL - 1]) ||
	      nla_put_u8(msg, LYNCEDGE_A_MODE_INTERNAL, config->mode[LYNCEDGE_ROLE_INTERNAL - 1]) ||
	      nla_put_u32(msg, LYNCEDGE_A_EVENT_RATE, config->event_rate) ||
	      nla_put_u32(msg, LYNCEDGE_A_EVENT_BURST, config->event_burst) ||
	      nla_put_u8(msg, LYNCEDGE_A_DEPLOYMENT, config->deployment) ||
	      nla_put_u32(msg, LYNCEDGE_A_GENERATION, gen) ||
	      lyncedge_nl_put_peers(msg, &config->peers) ||
	      lyncedge_nl_put_services(msg, &config->services);
	rcu_read_unlock();
	if (err) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static const struct genl_ops lyncedge_genl_ops[] = {
	{
		.cmd = LYNCEDGE_CMD_SET_ROLE,
		.doit = lyncedge_nl_set_role,
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
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = LYNCEDGE_CMD_GET_CONFIG,
		.doit = lyncedge_nl_get_config,
	},
	{
		.cmd = LYNCEDGE_CMD_RESET_COUNTERS,
		.doit = lyncedge_nl_reset_rule,
		.dumpit = lyncedge_nl_reset_all,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = LYNCEDGE_CMD_GET_STATS,
		.doit = lyncedge_nl_get_stats,
	},
};

enum {
	LYNCEDGE_NL_MCGRP_EVENTS,
};

/* Events carry addresses and ports: listening is for the namespace's admin. */
static const struct genl_multicast_group lyncedge_nl_mcgrps[] = {
	[LYNCEDGE_NL_MCGRP_EVENTS] = { .name = LYNCEDGE_MCGRP_EVENTS,
				       .flags = GENL_MCAST_CAP_NET_ADMIN },
};

static struct genl_family lyncedge_genl_family __ro_after_init = {
	.name = LYNCEDGE_GENL_NAME,
	.version = LYNCEDGE_GENL_VERSION,
	.maxattr = LYNCEDGE_A_MAX,
	.policy = lyncedge_nl_policy,
	.netnsok = true,
	.module = THIS_MODULE,
	.ops = lyncedge_genl_ops,
	.n_ops = ARRAY_SIZE(lyncedge_genl_ops),
	.mcgrps = lyncedge_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(lyncedge_nl_mcgrps),
	.resv_start_op = LYNCEDGE_CMD_UNSPEC,
};

int __init lyncedge_genl_init(void)
{
	return genl_register_family(&lyncedge_genl_family);
}

void lyncedge_genl_exit(void)
{
	genl_unregister_family(&lyncedge_genl_family);
}

bool lyncedge_nl_listening(struct net *net)
{
	return genl_has_listeners(&lyncedge_genl_family, net, LYNCEDGE_NL_MCGRP_EVENTS);
}

/* Room for every attribute of an event, IPv6 addresses and a full name. */
#define LYNCEDGE_NL_EVENT_SIZE 256

struct sk_buff *lyncedge_nl_event_new(void **hdr)
{
	struct sk_buff *msg = genlmsg_new(LYNCEDGE_NL_EVENT_SIZE, GFP_ATOMIC);

	if (!msg)
		return NULL;
	*hdr = genlmsg_put(msg, 0, 0, &lyncedge_genl_family, 0, LYNCEDGE_CMD_EVENT);
	if (!*hdr) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/* Called from the hooks: atomic, and a listener that went away is no error. */
void lyncedge_nl_event_send(struct net *net, struct sk_buff *msg, void *hdr)
{
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&lyncedge_genl_family, net, msg, 0, LYNCEDGE_NL_MCGRP_EVENTS,
				GFP_ATOMIC);
}
