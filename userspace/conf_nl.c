// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration and the module: a change as a SET_CONFIG request, and
 * the whole configuration read back with the GET_CONFIG dump, whose arrays
 * may come over several messages.
 */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "conf.h"

/* How often a dump a change interrupted is read again. */
#define CONF_GET_TRIES 5

void conf_put(struct nlmsghdr *nlh, const struct conf *c)
{
	struct nla_bitfield32 bf = { c->features & c->features_set, c->features_set };

	if (bf.selector)
		mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	if (c->media_set) {
		mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, c->media_min);
		mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MAX, c->media_max);
	}
	if (c->mode_set[0])
		mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, c->mode[0]);
	if (c->mode_set[1])
		mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_INTERNAL, c->mode[1]);
	if (c->deployment_set)
		mnl_attr_put_u8(nlh, LYNCEDGE_A_DEPLOYMENT, c->deployment);
	if (c->edition_set)
		mnl_attr_put_u8(nlh, LYNCEDGE_A_EDITION, c->edition);
	if (c->internal_set) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_INTERNAL_NETS);
		unsigned int i;

		for (i = 0; i < c->ninternal; i++) {
			const struct conf_net *n = &c->internal[i];
			struct nlattr *entry = mnl_attr_nest_start(nlh, i + 1);

			mnl_attr_put(nlh, LYNCEDGE_NET_A_ADDR, n->family == AF_INET ? 4 : 16,
				     n->addr);
			mnl_attr_put_u8(nlh, LYNCEDGE_NET_A_PREFIXLEN, n->len);
			mnl_attr_nest_end(nlh, entry);
		}
		mnl_attr_nest_end(nlh, nest);
	}
	if (c->peers_set) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);
		unsigned int i;

		for (i = 0; i < c->npeers; i++) {
			const struct conf_peer *p = &c->peers[i];
			struct nlattr *entry = mnl_attr_nest_start(nlh, i + 1);

			mnl_attr_put_u8(nlh, LYNCEDGE_PEER_A_GROUP, p->group);
			mnl_attr_put(nlh, LYNCEDGE_PEER_A_ADDR, p->family == AF_INET ? 4 : 16,
				     p->addr);
			mnl_attr_put_u8(nlh, LYNCEDGE_PEER_A_PREFIXLEN, p->len);
			mnl_attr_nest_end(nlh, entry);
		}
		mnl_attr_nest_end(nlh, nest);
	}
	if (c->services_set) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES);
		unsigned int s, i, n = 0;

		for (s = 0; s < LYNCEDGE_SERVICE_MAX; s++) {
			for (i = 0; i < c->naddrs[s]; i++) {
				const struct conf_addr *a = &c->addrs[s][i];
				struct nlattr *entry = mnl_attr_nest_start(nlh, ++n);

				mnl_attr_put_u8(nlh, LYNCEDGE_SERVICE_A_SERVICE, s + 1);
				mnl_attr_put(nlh, LYNCEDGE_SERVICE_A_ADDR,
					     a->family == AF_INET ? 4 : 16, a->addr);
				mnl_attr_nest_end(nlh, entry);
			}
		}
		mnl_attr_nest_end(nlh, nest);
	}
	if (c->rules_set) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_CUSTOM_RULES);
		unsigned int i;

		for (i = 0; i < c->nrules; i++) {
			const struct conf_rule *r = &c->rules[i];
			struct nlattr *entry = mnl_attr_nest_start(nlh, i + 1);

			mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_ROLE, r->role);
			mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_DIR, r->dir);
			mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_PROTO, r->proto);
			mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MIN, r->min);
			mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MAX, r->max);
			mnl_attr_put_strz(nlh, LYNCEDGE_CUSTOM_A_NAME, r->name);
			mnl_attr_nest_end(nlh, entry);
		}
		mnl_attr_nest_end(nlh, nest);
	}
	if (c->roles_set) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_ROLES);
		unsigned int i;

		for (i = 0; i < c->nroles; i++) {
			struct nlattr *entry = mnl_attr_nest_start(nlh, i + 1);

			mnl_attr_put_strz(nlh, LYNCEDGE_ROLE_A_IFNAME, c->roles[i].name);
			mnl_attr_put_u8(nlh, LYNCEDGE_ROLE_A_ROLE, c->roles[i].role);
			mnl_attr_nest_end(nlh, entry);
		}
		mnl_attr_nest_end(nlh, nest);
	}
	if (c->events_set) {
		mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_RATE, c->event_rate);
		mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_BURST, c->event_burst);
	}
	if (c->have_generation)
		mnl_attr_put_u32(nlh, LYNCEDGE_A_GENERATION, c->generation);
}

static int get_peers(struct conf *c, const struct nlattr *nest)
{
	const struct nlattr *tb[LYNCEDGE_PEER_A_MAX + 1];
	const struct nlattr *entry;

	mnl_attr_for_each_nested(entry, nest) {
		struct conf_peer *p = &c->peers[c->npeers];
		uint16_t len;

		if (genl_parse_peer(entry, tb) < 0 || !tb[LYNCEDGE_PEER_A_GROUP] ||
		    !tb[LYNCEDGE_PEER_A_ADDR] || !tb[LYNCEDGE_PEER_A_PREFIXLEN] ||
		    c->npeers == sizeof(c->peers) / sizeof(c->peers[0]))
			return -1;
		len = mnl_attr_get_payload_len(tb[LYNCEDGE_PEER_A_ADDR]);
		if (len != 4 && len != 16)
			return -1;
		p->group = mnl_attr_get_u8(tb[LYNCEDGE_PEER_A_GROUP]);
		p->family = len == 4 ? AF_INET : AF_INET6;
		memcpy(p->addr, mnl_attr_get_payload(tb[LYNCEDGE_PEER_A_ADDR]), len);
		p->len = mnl_attr_get_u8(tb[LYNCEDGE_PEER_A_PREFIXLEN]);
		c->npeers++;
	}
	return 0;
}

static int get_nets(struct conf *c, const struct nlattr *nest)
{
	const struct nlattr *tb[LYNCEDGE_NET_A_MAX + 1];
	const struct nlattr *entry;

	mnl_attr_for_each_nested(entry, nest) {
		struct conf_net *n = &c->internal[c->ninternal];
		uint16_t len;

		if (genl_parse_net(entry, tb) < 0 || !tb[LYNCEDGE_NET_A_ADDR] ||
		    !tb[LYNCEDGE_NET_A_PREFIXLEN] || c->ninternal == LYNCEDGE_INTERNAL_NETS_MAX)
			return -1;
		len = mnl_attr_get_payload_len(tb[LYNCEDGE_NET_A_ADDR]);
		if (len != 4 && len != 16)
			return -1;
		memset(n, 0, sizeof(*n));
		n->family = len == 4 ? AF_INET : AF_INET6;
		memcpy(n->addr, mnl_attr_get_payload(tb[LYNCEDGE_NET_A_ADDR]), len);
		n->len = mnl_attr_get_u8(tb[LYNCEDGE_NET_A_PREFIXLEN]);
		c->ninternal++;
	}
	return 0;
}

static int get_services(struct conf *c, const struct nlattr *nest)
{
	const struct nlattr *tb[LYNCEDGE_SERVICE_A_MAX + 1];
	const struct nlattr *entry;

	mnl_attr_for_each_nested(entry, nest) {
		struct conf_addr *a;
		unsigned int s;
		uint16_t len;

		if (genl_parse_service(entry, tb) < 0 || !tb[LYNCEDGE_SERVICE_A_SERVICE] ||
		    !tb[LYNCEDGE_SERVICE_A_ADDR])
			return -1;
		s = mnl_attr_get_u8(tb[LYNCEDGE_SERVICE_A_SERVICE]);
		len = mnl_attr_get_payload_len(tb[LYNCEDGE_SERVICE_A_ADDR]);
		if (s < 1 || s > LYNCEDGE_SERVICE_MAX || (len != 4 && len != 16) ||
		    c->naddrs[s - 1] == LYNCEDGE_SERVICE_ADDRS_MAX)
			return -1;
		a = &c->addrs[s - 1][c->naddrs[s - 1]++];
		a->family = len == 4 ? AF_INET : AF_INET6;
		memcpy(a->addr, mnl_attr_get_payload(tb[LYNCEDGE_SERVICE_A_ADDR]), len);
	}
	return 0;
}

static int get_rules(struct conf *c, const struct nlattr *nest)
{
	const struct nlattr *tb[LYNCEDGE_CUSTOM_A_MAX + 1];
	const struct nlattr *entry;

	mnl_attr_for_each_nested(entry, nest) {
		struct conf_rule *r = &c->rules[c->nrules];

		if (genl_parse_custom(entry, tb) < 0 || !tb[LYNCEDGE_CUSTOM_A_ID] ||
		    !tb[LYNCEDGE_CUSTOM_A_ROLE] || !tb[LYNCEDGE_CUSTOM_A_DIR] ||
		    !tb[LYNCEDGE_CUSTOM_A_PROTO] || !tb[LYNCEDGE_CUSTOM_A_PORT_MIN] ||
		    !tb[LYNCEDGE_CUSTOM_A_PORT_MAX] || !tb[LYNCEDGE_CUSTOM_A_NAME] ||
		    !genl_printable(mnl_attr_get_str(tb[LYNCEDGE_CUSTOM_A_NAME])) ||
		    c->nrules == LYNCEDGE_CUSTOM_MAX)
			return -1;
		r->id = mnl_attr_get_u32(tb[LYNCEDGE_CUSTOM_A_ID]);
		r->role = mnl_attr_get_u8(tb[LYNCEDGE_CUSTOM_A_ROLE]);
		r->dir = mnl_attr_get_u8(tb[LYNCEDGE_CUSTOM_A_DIR]);
		r->proto = mnl_attr_get_u8(tb[LYNCEDGE_CUSTOM_A_PROTO]);
		r->min = mnl_attr_get_u16(tb[LYNCEDGE_CUSTOM_A_PORT_MIN]);
		r->max = mnl_attr_get_u16(tb[LYNCEDGE_CUSTOM_A_PORT_MAX]);
		snprintf(r->name, sizeof(r->name), "%s", mnl_attr_get_str(tb[LYNCEDGE_CUSTOM_A_NAME]));
		c->nrules++;
	}
	return 0;
}

static int get_roles(struct conf *c, const struct nlattr *nest)
{
	const struct nlattr *tb[LYNCEDGE_ROLE_A_MAX + 1];
	const struct nlattr *entry;

	mnl_attr_for_each_nested(entry, nest) {
		struct conf_role *r = &c->roles[c->nroles];

		if (genl_parse_role(entry, tb) < 0 || !tb[LYNCEDGE_ROLE_A_IFNAME] ||
		    !genl_printable(mnl_attr_get_str(tb[LYNCEDGE_ROLE_A_IFNAME])) ||
		    !tb[LYNCEDGE_ROLE_A_ROLE] || c->nroles == LYNCEDGE_ROLES_MAX)
			return -1;
		snprintf(r->name, sizeof(r->name), "%s", mnl_attr_get_str(tb[LYNCEDGE_ROLE_A_IFNAME]));
		r->role = mnl_attr_get_u8(tb[LYNCEDGE_ROLE_A_ROLE]);
		r->ifindex = tb[LYNCEDGE_ROLE_A_IFINDEX] ?
			     mnl_attr_get_u32(tb[LYNCEDGE_ROLE_A_IFINDEX]) : 0;
		c->nroles++;
	}
	return 0;
}

/* The settings' message has them all; the others one array each, maybe a part of it. */
static int get_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[LYNCEDGE_A_MAX + 1];
	struct nla_bitfield32 bf;
	struct conf *c = data;

	if (genl_parse(nlh, tb) < 0)
		return MNL_CB_ERROR;
	if ((tb[LYNCEDGE_A_INTERNAL_NETS] && get_nets(c, tb[LYNCEDGE_A_INTERNAL_NETS]) < 0) ||
	    (tb[LYNCEDGE_A_PEERS] && get_peers(c, tb[LYNCEDGE_A_PEERS]) < 0) ||
	    (tb[LYNCEDGE_A_SERVICES] && get_services(c, tb[LYNCEDGE_A_SERVICES]) < 0) ||
	    (tb[LYNCEDGE_A_CUSTOM_RULES] && get_rules(c, tb[LYNCEDGE_A_CUSTOM_RULES]) < 0) ||
	    (tb[LYNCEDGE_A_ROLES] && get_roles(c, tb[LYNCEDGE_A_ROLES]) < 0))
		return genl_bad_reply();
	if (!tb[LYNCEDGE_A_GENERATION])
		return MNL_CB_OK;
	if (!tb[LYNCEDGE_A_FEATURES] || !tb[LYNCEDGE_A_MEDIA_MIN] || !tb[LYNCEDGE_A_MEDIA_MAX] ||
	    !tb[LYNCEDGE_A_MODE_EXTERNAL] || !tb[LYNCEDGE_A_MODE_INTERNAL] ||
	    !tb[LYNCEDGE_A_EVENT_RATE] || !tb[LYNCEDGE_A_EVENT_BURST] ||
	    !tb[LYNCEDGE_A_DEPLOYMENT] || !tb[LYNCEDGE_A_EDITION] || c->have_generation)
		return genl_bad_reply();
	c->have_generation = true;
	c->generation = mnl_attr_get_u32(tb[LYNCEDGE_A_GENERATION]);
	memcpy(&bf, mnl_attr_get_payload(tb[LYNCEDGE_A_FEATURES]), sizeof(bf));
	c->features = bf.value;
	c->features_set = bf.selector;
	c->media_min = mnl_attr_get_u16(tb[LYNCEDGE_A_MEDIA_MIN]);
	c->media_max = mnl_attr_get_u16(tb[LYNCEDGE_A_MEDIA_MAX]);
	c->mode[0] = mnl_attr_get_u8(tb[LYNCEDGE_A_MODE_EXTERNAL]);
	c->mode[1] = mnl_attr_get_u8(tb[LYNCEDGE_A_MODE_INTERNAL]);
	c->event_rate = mnl_attr_get_u32(tb[LYNCEDGE_A_EVENT_RATE]);
	c->event_burst = mnl_attr_get_u32(tb[LYNCEDGE_A_EVENT_BURST]);
	c->deployment = mnl_attr_get_u8(tb[LYNCEDGE_A_DEPLOYMENT]);
	c->edition = mnl_attr_get_u8(tb[LYNCEDGE_A_EDITION]);
	return MNL_CB_OK;
}

/*
 * One snapshot's configuration: a dump that a change interrupted is read
 * again, and one that never ran clean is refused rather than mixed.
 */
int conf_get(struct genl_ctx *ctx, struct conf *c)
{
	int tries, err;

	for (tries = 0; tries < CONF_GET_TRIES; tries++) {
		conf_defaults(c);
		c->nroles = c->npeers = c->nrules = c->ninternal = 0;
		memset(c->naddrs, 0, sizeof(c->naddrs));
		err = genl_request(ctx, genl_msg(ctx, LYNCEDGE_CMD_GET_CONFIG, NLM_F_DUMP),
				   get_cb, c);
		/* a module always has its settings, and at least one internal network */
		if (!err && (!c->have_generation || !c->ninternal))
			err = EBADMSG;
		if (err || !ctx->dump_intr)
			return err;
	}
	snprintf(ctx->extack, sizeof(ctx->extack),
		 "the configuration changed during each of %d reads", CONF_GET_TRIES);
	return EAGAIN;
}
