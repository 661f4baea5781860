// SPDX-License-Identifier: GPL-2.0
/*
 * LYNCEDGE_CMD_SET_CONFIG and LYNCEDGE_CMD_GET_CONFIG: a request decoded
 * into a change (change.h) for commit.c, and the configuration of one
 * snapshot written back in the same attributes. What is checked here is
 * what a request says on its own (lengths, pairs, prefixes); whether the
 * change makes sense for the namespace is config.c's and snapshot.c's.
 */
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>
#include <net/ipv6.h>

#include "commit.h"
#include "compat.h"
#include "family.h"
#include "netlink.h"
#include "netns.h"

static const struct nla_policy lyncedge_nl_peer_policy[LYNCEDGE_PEER_A_MAX + 1] = {
	[LYNCEDGE_PEER_A_GROUP] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_GROUP_MAX),
	[LYNCEDGE_PEER_A_ADDR] = { .type = NLA_BINARY, .len = sizeof(struct in6_addr) },
	[LYNCEDGE_PEER_A_PREFIXLEN] = NLA_POLICY_MAX(NLA_U8, 128),
};

static const struct nla_policy lyncedge_nl_net_policy[LYNCEDGE_NET_A_MAX + 1] = {
	[LYNCEDGE_NET_A_ADDR] = { .type = NLA_BINARY, .len = sizeof(struct in6_addr) },
	[LYNCEDGE_NET_A_PREFIXLEN] = NLA_POLICY_MAX(NLA_U8, 128),
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
	/* ids are the module's to give */
	[LYNCEDGE_CUSTOM_A_ID] = { .type = NLA_REJECT },
};

static const struct nla_policy lyncedge_nl_role_policy[LYNCEDGE_ROLE_A_MAX + 1] = {
	[LYNCEDGE_ROLE_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[LYNCEDGE_ROLE_A_ROLE] = NLA_POLICY_RANGE(NLA_U8, LYNCEDGE_ROLE_EXTERNAL,
						  LYNCEDGE_ROLE_MAX),
	/* bindings are the module's to find */
	[LYNCEDGE_ROLE_A_IFINDEX] = { .type = NLA_REJECT },
};

const struct nla_policy lyncedge_nl_set_config_policy[LYNCEDGE_A_MAX + 1] = {
	[LYNCEDGE_A_FEATURES] = NLA_POLICY_BITFIELD32(__LYNCEDGE_FEATURE_F_ALL),
	[LYNCEDGE_A_MEDIA_MIN] = NLA_POLICY_MIN(NLA_U16, LYNCEDGE_MEDIA_LOWEST),
	[LYNCEDGE_A_MEDIA_MAX] = NLA_POLICY_MIN(NLA_U16, LYNCEDGE_MEDIA_LOWEST),
	[LYNCEDGE_A_MODE_EXTERNAL] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_MODE_MAX),
	[LYNCEDGE_A_MODE_INTERNAL] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_MODE_MAX),
	[LYNCEDGE_A_PEERS] = NLA_POLICY_NESTED_ARRAY(lyncedge_nl_peer_policy),
	[LYNCEDGE_A_INTERNAL_NETS] = NLA_POLICY_NESTED_ARRAY(lyncedge_nl_net_policy),
	[LYNCEDGE_A_GENERATION] = { .type = NLA_U32 },
	[LYNCEDGE_A_SERVICES] = NLA_POLICY_NESTED_ARRAY(lyncedge_nl_service_policy),
	[LYNCEDGE_A_CUSTOM_RULES] = NLA_POLICY_NESTED_ARRAY(lyncedge_nl_custom_policy),
	[LYNCEDGE_A_EVENT_RATE] = NLA_POLICY_MAX(NLA_U32, LYNCEDGE_EVENT_RATE_MAX),
	[LYNCEDGE_A_EVENT_BURST] = NLA_POLICY_RANGE(NLA_U32, 1, LYNCEDGE_EVENT_BURST_MAX),
	[LYNCEDGE_A_DEPLOYMENT] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_DEPLOYMENT_MAX),
	[LYNCEDGE_A_EDITION] = NLA_POLICY_MAX(NLA_U8, LYNCEDGE_EDITION_MAX),
	[LYNCEDGE_A_ROLES] = NLA_POLICY_NESTED_ARRAY(lyncedge_nl_role_policy),
	[LYNCEDGE_A_CONFIRM] = NLA_POLICY_RANGE(NLA_U32, 1, LYNCEDGE_CONFIRM_MAX),
};

/* 4 or 16 bytes into an address of that family. */
static int lyncedge_nl_addr(const struct nlattr *attr, struct lyncedge_addr *addr,
			    struct netlink_ext_ack *extack)
{
	switch (nla_len(attr)) {
	case sizeof(struct in_addr):
		addr->family = NFPROTO_IPV4;
		ipv6_addr_set_v4mapped(nla_get_in_addr(attr), &addr->addr);
		return 0;
	case sizeof(struct in6_addr):
		addr->family = NFPROTO_IPV6;
		addr->addr = nla_get_in6_addr(attr);
		return 0;
	default:
		NL_SET_ERR_MSG_ATTR(extack, attr, "an address is 4 (IPv4) or 16 (IPv6) bytes");
		return -EINVAL;
	}
}

/* Each entry of a nested array, parsed with its policy, handed to fn with its index. */
typedef int (*lyncedge_nl_entry_fn)(struct lyncedge_change *ch, unsigned int i,
				    struct nlattr **tb, const struct nlattr *entry,
				    struct netlink_ext_ack *extack);

/* tb[] below is sized for the largest of the entry attribute sets. */
#define LYNCEDGE_NL_ENTRY_MAX	LYNCEDGE_CUSTOM_A_MAX
static_assert(LYNCEDGE_SERVICE_A_MAX <= LYNCEDGE_NL_ENTRY_MAX);
static_assert(LYNCEDGE_PEER_A_MAX <= LYNCEDGE_NL_ENTRY_MAX);
static_assert(LYNCEDGE_NET_A_MAX <= LYNCEDGE_NL_ENTRY_MAX);
static_assert(LYNCEDGE_ROLE_A_MAX <= LYNCEDGE_NL_ENTRY_MAX);

static int lyncedge_nl_array(struct lyncedge_change *ch, const struct nlattr *array,
			     unsigned int maxtype, const struct nla_policy *policy,
			     lyncedge_nl_entry_fn fn, struct netlink_ext_ack *extack)
{
	struct nlattr *tb[LYNCEDGE_NL_ENTRY_MAX + 1];
	struct nlattr *entry;
	unsigned int i = 0;
	int rem, err;

	nla_for_each_nested(entry, array, rem) {
		err = nla_parse_nested(tb, maxtype, entry, policy, extack) ?:
		      fn(ch, i++, tb, entry, extack);
		if (err)
			return err;
	}
	return 0;
}

/* Room for the entries of array, which at most max may take; *n the count. */
static void *lyncedge_nl_entries(const struct nlattr *array, unsigned int max, size_t size,
				 unsigned int *n, struct netlink_ext_ack *extack)
{
	const struct nlattr *entry;
	void *v;
	int rem;

	*n = 0;
	nla_for_each_nested(entry, array, rem)
		(*n)++;
	if (*n > max) {
		NL_SET_ERR_MSG_ATTR(extack, array, "too many entries");
		return ERR_PTR(-E2BIG);
	}
	v = kvcalloc(max_t(unsigned int, *n, 1), size, GFP_KERNEL_ACCOUNT);
	return v ?: ERR_PTR(-ENOMEM);
}

/* An address and its prefix length into a prefix: no longer than the address, no host bits. */
static int lyncedge_nl_prefix(const struct nlattr *addr, const struct nlattr *prefixlen,
			      struct lyncedge_prefix *p, struct netlink_ext_ack *extack)
{
	struct in6_addr masked;
	int len, err;

	err = lyncedge_nl_addr(addr, &p->a, extack);
	if (err)
		return err;
	len = nla_get_u8(prefixlen);
	if (p->a.family == NFPROTO_IPV4)
		len = len <= 32 ? len + 96 : 129;
	if (len > 128) {
		NL_SET_ERR_MSG_ATTR(extack, prefixlen,
				    "the prefix length is longer than the address");
		return -EINVAL;
	}
	p->len = len;
	ipv6_addr_prefix(&masked, &p->a.addr, len);
	if (!ipv6_addr_equal(&masked, &p->a.addr)) {
		NL_SET_ERR_MSG_ATTR(extack, addr, "the prefix has host bits set");
		return -EINVAL;
	}
	return 0;
}

static int lyncedge_nl_peer(struct lyncedge_change *ch, unsigned int i, struct nlattr **tb,
			    const struct nlattr *entry, struct netlink_ext_ack *extack)
{
	struct lyncedge_change_peer *cp = &ch->peers[i];

	if (!tb[LYNCEDGE_PEER_A_GROUP] || !tb[LYNCEDGE_PEER_A_ADDR] ||
	    !tb[LYNCEDGE_PEER_A_PREFIXLEN]) {
		NL_SET_ERR_MSG_ATTR(extack, entry, "a peer needs a group, an address and a length");
		return -EINVAL;
	}
	cp->group = nla_get_u8(tb[LYNCEDGE_PEER_A_GROUP]);
	cp->attr = entry;
	return lyncedge_nl_prefix(tb[LYNCEDGE_PEER_A_ADDR], tb[LYNCEDGE_PEER_A_PREFIXLEN], &cp->p,
				  extack);
}

static int lyncedge_nl_net(struct lyncedge_change *ch, unsigned int i, struct nlattr **tb,
			   const struct nlattr *entry, struct netlink_ext_ack *extack)
{
	struct lyncedge_change_net *cn = &ch->nets[i];

	if (!tb[LYNCEDGE_NET_A_ADDR] || !tb[LYNCEDGE_NET_A_PREFIXLEN]) {
		NL_SET_ERR_MSG_ATTR(extack, entry,
				    "an internal network needs an address and a length");
		return -EINVAL;
	}
	cn->attr = entry;
	return lyncedge_nl_prefix(tb[LYNCEDGE_NET_A_ADDR], tb[LYNCEDGE_NET_A_PREFIXLEN], &cn->p,
				  extack);
}

static int lyncedge_nl_service(struct lyncedge_change *ch, unsigned int i, struct nlattr **tb,
			       const struct nlattr *entry, struct netlink_ext_ack *extack)
{
	struct lyncedge_change_service *cs = &ch->services[i];

	if (!tb[LYNCEDGE_SERVICE_A_SERVICE] || !tb[LYNCEDGE_SERVICE_A_ADDR]) {
		NL_SET_ERR_MSG_ATTR(extack, entry, "a service entry needs a service and address");
		return -EINVAL;
	}
	cs->service = nla_get_u8(tb[LYNCEDGE_SERVICE_A_SERVICE]);
	cs->attr = entry;
	return lyncedge_nl_addr(tb[LYNCEDGE_SERVICE_A_ADDR], &cs->a, extack);
}

static int lyncedge_nl_custom(struct lyncedge_change *ch, unsigned int i, struct nlattr **tb,
			      const struct nlattr *entry, struct netlink_ext_ack *extack)
{
	struct lyncedge_custom *cc = &ch->custom[i].c;

	if (!tb[LYNCEDGE_CUSTOM_A_ROLE] || !tb[LYNCEDGE_CUSTOM_A_DIR] ||
	    !tb[LYNCEDGE_CUSTOM_A_PROTO] || !tb[LYNCEDGE_CUSTOM_A_PORT_MIN] ||
	    !tb[LYNCEDGE_CUSTOM_A_PORT_MAX] || !tb[LYNCEDGE_CUSTOM_A_NAME]) {
		NL_SET_ERR_MSG_ATTR(extack, entry,
				    "a custom rule needs role, direction, protocol, ports, name");
		return -EINVAL;
	}
	cc->role = nla_get_u8(tb[LYNCEDGE_CUSTOM_A_ROLE]);
	cc->dir = nla_get_u8(tb[LYNCEDGE_CUSTOM_A_DIR]);
	cc->proto = nla_get_u8(tb[LYNCEDGE_CUSTOM_A_PROTO]);
	cc->min = nla_get_u16(tb[LYNCEDGE_CUSTOM_A_PORT_MIN]);
	cc->max = nla_get_u16(tb[LYNCEDGE_CUSTOM_A_PORT_MAX]);
	nla_strscpy(cc->name, tb[LYNCEDGE_CUSTOM_A_NAME], sizeof(cc->name));
	ch->custom[i].attr = entry;
	if (cc->proto != IPPROTO_TCP && cc->proto != IPPROTO_UDP) {
		NL_SET_ERR_MSG_ATTR(extack, tb[LYNCEDGE_CUSTOM_A_PROTO],
				    "a rule is for tcp or udp");
		return -EINVAL;
	}
	if (cc->min > cc->max) {
		NL_SET_ERR_MSG_ATTR(extack, tb[LYNCEDGE_CUSTOM_A_PORT_MAX],
				    "the port range is reversed");
		return -EINVAL;
	}
	return 0;
}

static int lyncedge_nl_role(struct lyncedge_change *ch, unsigned int i, struct nlattr **tb,
			    const struct nlattr *entry, struct netlink_ext_ack *extack)
{
	struct lyncedge_change_role *cr = &ch->roles[i];

	if (!tb[LYNCEDGE_ROLE_A_IFNAME] || !tb[LYNCEDGE_ROLE_A_ROLE]) {
		NL_SET_ERR_MSG_ATTR(extack, entry, "a role entry needs a name and a role");
		return -EINVAL;
	}
	nla_strscpy(cr->r.name, tb[LYNCEDGE_ROLE_A_IFNAME], sizeof(cr->r.name));
	cr->r.role = nla_get_u8(tb[LYNCEDGE_ROLE_A_ROLE]);
	cr->attr = tb[LYNCEDGE_ROLE_A_IFNAME];
	return 0;
}

/* A kind of array a request may carry. */
struct lyncedge_nl_array_kind {
	int type;
	u32 what;
	unsigned int max;
	size_t size;
	unsigned int maxtype;
	const struct nla_policy *policy;
	lyncedge_nl_entry_fn fn;
};

static const struct lyncedge_nl_array_kind lyncedge_nl_peers = {
	LYNCEDGE_A_PEERS, LYNCEDGE_CHANGE_PEERS, LYNCEDGE_NGROUPS * LYNCEDGE_PEERS_MAX,
	sizeof(struct lyncedge_change_peer), LYNCEDGE_PEER_A_MAX, lyncedge_nl_peer_policy,
	lyncedge_nl_peer,
};

static const struct lyncedge_nl_array_kind lyncedge_nl_nets = {
	LYNCEDGE_A_INTERNAL_NETS, LYNCEDGE_CHANGE_INTERNAL, LYNCEDGE_INTERNAL_NETS_MAX,
	sizeof(struct lyncedge_change_net), LYNCEDGE_NET_A_MAX, lyncedge_nl_net_policy,
	lyncedge_nl_net,
};

static const struct lyncedge_nl_array_kind lyncedge_nl_services = {
	LYNCEDGE_A_SERVICES, LYNCEDGE_CHANGE_SERVICES,
	LYNCEDGE_NSERVICES * LYNCEDGE_SERVICE_ADDRS_MAX, sizeof(struct lyncedge_change_service),
	LYNCEDGE_SERVICE_A_MAX, lyncedge_nl_service_policy, lyncedge_nl_service,
};

static const struct lyncedge_nl_array_kind lyncedge_nl_customs = {
	LYNCEDGE_A_CUSTOM_RULES, LYNCEDGE_CHANGE_CUSTOM, LYNCEDGE_CUSTOM_MAX,
	sizeof(struct lyncedge_change_custom), LYNCEDGE_CUSTOM_A_MAX, lyncedge_nl_custom_policy,
	lyncedge_nl_custom,
};

static const struct lyncedge_nl_array_kind lyncedge_nl_roles = {
	LYNCEDGE_A_ROLES, LYNCEDGE_CHANGE_ROLES, LYNCEDGE_ROLES_MAX,
	sizeof(struct lyncedge_change_role), LYNCEDGE_ROLE_A_MAX, lyncedge_nl_role_policy,
	lyncedge_nl_role,
};

/* A present array decoded whole into *v (*n entries): a part the change gives. */
static int lyncedge_nl_decode(struct lyncedge_change *ch, struct nlattr **attrs,
			      const struct lyncedge_nl_array_kind *k, void **v, unsigned int *n,
			      struct netlink_ext_ack *extack)
{
	struct nlattr *array = attrs[k->type];

	if (!array)
		return 0;
	*v = lyncedge_nl_entries(array, k->max, k->size, n, extack);
	if (IS_ERR(*v)) {
		int err = PTR_ERR(*v);

		*v = NULL;
		return err;
	}
	ch->what |= k->what;
	return lyncedge_nl_array(ch, array, k->maxtype, k->policy, k->fn, extack);
}

static int lyncedge_nl_arrays(struct lyncedge_change *ch, struct nlattr **attrs,
			      struct netlink_ext_ack *extack)
{
	return lyncedge_nl_decode(ch, attrs, &lyncedge_nl_nets, (void **)&ch->nets,
				  &ch->nnets, extack) ?:
	       lyncedge_nl_decode(ch, attrs, &lyncedge_nl_peers, (void **)&ch->peers,
				  &ch->npeers, extack) ?:
	       lyncedge_nl_decode(ch, attrs, &lyncedge_nl_services, (void **)&ch->services,
				  &ch->nservices, extack) ?:
	       lyncedge_nl_decode(ch, attrs, &lyncedge_nl_customs, (void **)&ch->custom,
				  &ch->ncustom, extack) ?:
	       lyncedge_nl_decode(ch, attrs, &lyncedge_nl_roles, (void **)&ch->roles,
				  &ch->nroles, extack);
}

/* Of two attributes that come both or neither, the one given alone, else NULL. */
static const struct nlattr *lyncedge_nl_alone(struct nlattr **attrs, int a, int b)
{
	return !attrs[a] != !attrs[b] ? attrs[a] ?: attrs[b] : NULL;
}

/* The words of a request: features, media range, modes, deployment, edition, event rate. */
static int lyncedge_nl_words(struct lyncedge_change *ch, struct nlattr **attrs,
			     struct netlink_ext_ack *extack)
{
	const struct nlattr *alone;
	struct nla_bitfield32 bf;

	if (attrs[LYNCEDGE_A_FEATURES]) {
		bf = nla_get_bitfield32(attrs[LYNCEDGE_A_FEATURES]);
		ch->features_value = bf.value;
		ch->features_selector = bf.selector;
		ch->what |= LYNCEDGE_CHANGE_FEATURES;
	}
	alone = lyncedge_nl_alone(attrs, LYNCEDGE_A_MEDIA_MIN, LYNCEDGE_A_MEDIA_MAX);
	if (alone) {
		NL_SET_ERR_MSG_ATTR(extack, alone, "give both ends of the media range");
		return -EINVAL;
	}
	if (attrs[LYNCEDGE_A_MEDIA_MIN]) {
		ch->media_min = nla_get_u16(attrs[LYNCEDGE_A_MEDIA_MIN]);
		ch->media_max = nla_get_u16(attrs[LYNCEDGE_A_MEDIA_MAX]);
		if (ch->media_min > ch->media_max) {
			NL_SET_ERR_MSG_ATTR(extack, attrs[LYNCEDGE_A_MEDIA_MAX],
					    "the media range is reversed");
			return -EINVAL;
		}
		ch->what |= LYNCEDGE_CHANGE_MEDIA;
	}
	alone = lyncedge_nl_alone(attrs, LYNCEDGE_A_EVENT_RATE, LYNCEDGE_A_EVENT_BURST);
	if (alone) {
		NL_SET_ERR_MSG_ATTR(extack, alone, "give both the event rate and the burst");
		return -EINVAL;
	}
	if (attrs[LYNCEDGE_A_EVENT_RATE]) {
		ch->event_rate = nla_get_u32(attrs[LYNCEDGE_A_EVENT_RATE]);
		ch->event_burst = nla_get_u32(attrs[LYNCEDGE_A_EVENT_BURST]);
		ch->what |= LYNCEDGE_CHANGE_EVENTS;
	}
	if (attrs[LYNCEDGE_A_MODE_EXTERNAL]) {
		ch->mode[LYNCEDGE_ROLE_EXTERNAL - 1] = nla_get_u8(attrs[LYNCEDGE_A_MODE_EXTERNAL]);
		ch->what |= LYNCEDGE_CHANGE_MODE_EXTERNAL;
	}
	if (attrs[LYNCEDGE_A_MODE_INTERNAL]) {
		ch->mode[LYNCEDGE_ROLE_INTERNAL - 1] = nla_get_u8(attrs[LYNCEDGE_A_MODE_INTERNAL]);
		ch->what |= LYNCEDGE_CHANGE_MODE_INTERNAL;
	}
	if (attrs[LYNCEDGE_A_DEPLOYMENT]) {
		ch->deployment = nla_get_u8(attrs[LYNCEDGE_A_DEPLOYMENT]);
		ch->what |= LYNCEDGE_CHANGE_DEPLOYMENT;
	}
	if (attrs[LYNCEDGE_A_EDITION]) {
		ch->edition = nla_get_u8(attrs[LYNCEDGE_A_EDITION]);
		ch->what |= LYNCEDGE_CHANGE_EDITION;
	}
	return 0;
}

static void lyncedge_nl_change_free(struct lyncedge_change *ch)
{
	kvfree(ch->nets);
	kvfree(ch->peers);
	kvfree(ch->services);
	kvfree(ch->custom);
	kvfree(ch->roles);
}

int lyncedge_nl_set_config(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct net *net = genl_info_net(info);
	struct lyncedge_change ch = {};
	int err;

	err = lyncedge_nl_words(&ch, attrs, info->extack) ?:
	      lyncedge_nl_arrays(&ch, attrs, info->extack);
	if (!err && !ch.what) {
		NL_SET_ERR_MSG_MOD(info->extack, "no configuration given");
		err = -EINVAL;
	}
	if (!err) {
		if (attrs[LYNCEDGE_A_GENERATION]) {
			ch.check_gen = true;
			ch.gen = nla_get_u32(attrs[LYNCEDGE_A_GENERATION]);
			ch.gen_attr = attrs[LYNCEDGE_A_GENERATION];
		}
		if (attrs[LYNCEDGE_A_CONFIRM])
			ch.confirm = nla_get_u32(attrs[LYNCEDGE_A_CONFIRM]);
		err = lyncedge_commit(net, lyncedge_pernet(net), &ch, info->extack);
	}
	lyncedge_nl_change_free(&ch);
	return err;
}

/* IPv4 goes out as 4 bytes, as it came in. */
static int lyncedge_nl_put_addr(struct sk_buff *msg, int type, const struct lyncedge_addr *a)
{
	return a->family == NFPROTO_IPV4 ? nla_put_in_addr(msg, type, a->addr.s6_addr32[3]) :
					   nla_put_in6_addr(msg, type, &a->addr);
}

static int lyncedge_nl_put_settings(struct sk_buff *msg, const struct lyncedge_snap *snap)
{
	const struct lyncedge_settings *s = &snap->config->s;
	struct nla_bitfield32 bf = { s->features, __LYNCEDGE_FEATURE_F_ALL };

	return nla_put(msg, LYNCEDGE_A_FEATURES, sizeof(bf), &bf) ||
	       nla_put_u16(msg, LYNCEDGE_A_MEDIA_MIN, s->media_min) ||
	       nla_put_u16(msg, LYNCEDGE_A_MEDIA_MAX, s->media_max) ||
	       nla_put_u8(msg, LYNCEDGE_A_MODE_EXTERNAL, s->mode[LYNCEDGE_ROLE_EXTERNAL - 1]) ||
	       nla_put_u8(msg, LYNCEDGE_A_MODE_INTERNAL, s->mode[LYNCEDGE_ROLE_INTERNAL - 1]) ||
	       nla_put_u32(msg, LYNCEDGE_A_EVENT_RATE, s->event_rate) ||
	       nla_put_u32(msg, LYNCEDGE_A_EVENT_BURST, s->event_burst) ||
	       nla_put_u8(msg, LYNCEDGE_A_DEPLOYMENT, s->deployment) ||
	       nla_put_u8(msg, LYNCEDGE_A_EDITION, s->edition) ||
	       nla_put_u32(msg, LYNCEDGE_A_GENERATION, snap->gen) ? -EMSGSIZE : 0;
}

static int lyncedge_nl_put_role(struct sk_buff *msg, const struct lyncedge_snap *snap,
				unsigned int i)
{
	const struct lyncedge_role_name *r = &snap->roles[i];

	return nla_put_string(msg, LYNCEDGE_ROLE_A_IFNAME, r->name) ||
	       nla_put_u8(msg, LYNCEDGE_ROLE_A_ROLE, r->role) ||
	       (r->ifindex && nla_put_u32(msg, LYNCEDGE_ROLE_A_IFINDEX, r->ifindex));
}

static int lyncedge_nl_put_prefix(struct sk_buff *msg, int addr, int prefixlen,
				  const struct lyncedge_prefix *p)
{
	return lyncedge_nl_put_addr(msg, addr, &p->a) ||
	       nla_put_u8(msg, prefixlen, p->a.family == NFPROTO_IPV4 ? p->len - 96 : p->len);
}

static int lyncedge_nl_put_net(struct sk_buff *msg, const struct lyncedge_snap *snap,
			       unsigned int i)
{
	return lyncedge_nl_put_prefix(msg, LYNCEDGE_NET_A_ADDR, LYNCEDGE_NET_A_PREFIXLEN,
				      &snap->config->s.internal.p[i]);
}

/* The i-th peer, group after group. */
static int lyncedge_nl_put_peer(struct sk_buff *msg, const struct lyncedge_snap *snap,
				unsigned int i)
{
	const struct lyncedge_peers *peers = &snap->config->s.peers;
	const struct lyncedge_prefix *p;
	unsigned int g;

	for (g = 0; i >= peers->n[g]; g++)
		i -= peers->n[g];
	p = &peers->p[g][i];
	return nla_put_u8(msg, LYNCEDGE_PEER_A_GROUP, g) ||
	       lyncedge_nl_put_prefix(msg, LYNCEDGE_PEER_A_ADDR, LYNCEDGE_PEER_A_PREFIXLEN, p);
}

/* The i-th service address, service after service. */
static int lyncedge_nl_put_service(struct sk_buff *msg, const struct lyncedge_snap *snap,
				   unsigned int i)
{
	const struct lyncedge_services *services = &snap->config->s.services;
	unsigned int s;

	for (s = 0; i >= services->n[s]; s++)
		i -= services->n[s];
	return nla_put_u8(msg, LYNCEDGE_SERVICE_A_SERVICE, s + 1) ||
	       lyncedge_nl_put_addr(msg, LYNCEDGE_SERVICE_A_ADDR, &services->a[s][i]);
}

static int lyncedge_nl_put_custom(struct sk_buff *msg, const struct lyncedge_snap *snap,
				  unsigned int i)
{
	const struct lyncedge_custom *c = &snap->config->custom[i];

	return nla_put_u8(msg, LYNCEDGE_CUSTOM_A_ROLE, c->role) ||
	       nla_put_u8(msg, LYNCEDGE_CUSTOM_A_DIR, c->dir) ||
	       nla_put_u8(msg, LYNCEDGE_CUSTOM_A_PROTO, c->proto) ||
	       nla_put_u16(msg, LYNCEDGE_CUSTOM_A_PORT_MIN, c->min) ||
	       nla_put_u16(msg, LYNCEDGE_CUSTOM_A_PORT_MAX, c->max) ||
	       nla_put_string(msg, LYNCEDGE_CUSTOM_A_NAME, c->name) ||
	       nla_put_u32(msg, LYNCEDGE_CUSTOM_A_ID, c->id);
}

static unsigned int lyncedge_nl_sum(const u8 *n, unsigned int len)
{
	unsigned int i, sum = 0;

	for (i = 0; i < len; i++)
		sum += n[i];
	return sum;
}

static unsigned int lyncedge_nl_nroles(const struct lyncedge_snap *snap)
{
	return snap->nroles;
}

static unsigned int lyncedge_nl_nnets(const struct lyncedge_snap *snap)
{
	return snap->config->s.internal.n;
}

static unsigned int lyncedge_nl_npeers(const struct lyncedge_snap *snap)
{
	return lyncedge_nl_sum(snap->config->s.peers.n, LYNCEDGE_NGROUPS);
}

static unsigned int lyncedge_nl_nservices(const struct lyncedge_snap *snap)
{
	return lyncedge_nl_sum(snap->config->s.services.n, LYNCEDGE_NSERVICES);
}

static unsigned int lyncedge_nl_ncustom(const struct lyncedge_snap *snap)
{
	return snap->config->ncustom;
}

/* The arrays of GET_CONFIG, in the order they are dumped. */
static const struct {
	int type;
	int (*put)(struct sk_buff *msg, const struct lyncedge_snap *snap, unsigned int i);
	unsigned int (*count)(const struct lyncedge_snap *snap);
} lyncedge_nl_config_arrays[] = {
	{ LYNCEDGE_A_ROLES, lyncedge_nl_put_role, lyncedge_nl_nroles },
	{ LYNCEDGE_A_INTERNAL_NETS, lyncedge_nl_put_net, lyncedge_nl_nnets },
	{ LYNCEDGE_A_PEERS, lyncedge_nl_put_peer, lyncedge_nl_npeers },
	{ LYNCEDGE_A_SERVICES, lyncedge_nl_put_service, lyncedge_nl_nservices },
	{ LYNCEDGE_A_CUSTOM_RULES, lyncedge_nl_put_custom, lyncedge_nl_ncustom },
};

/*
 * One message of the array, from entry *next on, with as many entries as
 * fit; *next moves past them. -EMSGSIZE when not even one fits.
 */
static int lyncedge_nl_put_array(struct sk_buff *skb, const struct lyncedge_snap *snap,
				 unsigned int a, unsigned long *next)
{
	unsigned int n = lyncedge_nl_config_arrays[a].count(snap), first = *next;
	struct nlattr *nest, *entry;

	nest = nla_nest_start(skb, lyncedge_nl_config_arrays[a].type);
	if (!nest)
		return -EMSGSIZE;
	for (; *next < n; ++*next) {
		entry = nla_nest_start(skb, *next + 1);
		if (!entry || lyncedge_nl_config_arrays[a].put(skb, snap, *next)) {
			if (entry)
				nla_nest_cancel(skb, entry);
			break;
		}
		nla_nest_end(skb, entry);
	}
	if (*next == first && n) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * cb->args[0]: 0 for the settings' message, then 1 + the array being
 * dumped; cb->args[1]: its next entry.
 */
int lyncedge_nl_get_config(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct lyncedge_net *ln = lyncedge_pernet(sock_net(skb->sk));
	const struct lyncedge_snap *snap;
	void *hdr;
	int err;

	rcu_read_lock();
	snap = rcu_dereference(ln->snap);
	cb->seq = snap->gen;
	while (cb->args[0] <= ARRAY_SIZE(lyncedge_nl_config_arrays)) {
		hdr = lyncedge_nl_dump_put(skb, cb, LYNCEDGE_CMD_GET_CONFIG);
		if (!hdr)
			break;
		if (!cb->args[0])
			err = lyncedge_nl_put_settings(skb, snap);
		else
			err = lyncedge_nl_put_array(skb, snap, cb->args[0] - 1, &cb->args[1]);
		if (err) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		if (!cb->args[0] ||
		    cb->args[1] >= lyncedge_nl_config_arrays[cb->args[0] - 1].count(snap)) {
			cb->args[0]++;
			cb->args[1] = 0;
		}
	}
	rcu_read_unlock();
	return skb->len;
}
