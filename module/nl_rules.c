// SPDX-License-Identifier: GPL-2.0
/*
 * LYNCEDGE_CMD_GET_RULES and LYNCEDGE_CMD_RESET_COUNTERS: the rows of the
 * rules table (built-in rules, custom rules, then the drop counters) with
 * their counts, read or read and cleared.
 */
#include <net/genetlink.h>
#include <net/sock.h>

#include "counters.h"
#include "editions.h"
#include "family.h"
#include "netlink.h"
#include "netns.h"
#include "policy.h"

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

/* A rule the edition has no row for is not in any feature: no LYNCEDGE_A_RULE_FEATURE. */
static int lyncedge_nl_put_feature(struct sk_buff *skb, const struct lyncedge_settings *s,
				   const struct lyncedge_rule *rule)
{
	u8 feature = lyncedge_rule_feature(rule, s->edition);

	return feature == LYNCEDGE_FEATURE_ABSENT ? 0 :
	       nla_put_u8(skb, LYNCEDGE_A_RULE_FEATURE, feature);
}

static int lyncedge_nl_put_rule(struct sk_buff *skb, const struct lyncedge_settings *s,
				const struct lyncedge_rule *rule)
{
	u16 min, max;

	lyncedge_rule_ports(rule, s, &min, &max);
	return nla_put_u32(skb, LYNCEDGE_A_RULE_ID, rule->id) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_ROLE, rule->role) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_DIR, rule->dir) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_PROTO, rule->proto) ||
	       nla_put_u16(skb, LYNCEDGE_A_RULE_PORT_MIN, min) ||
	       nla_put_u16(skb, LYNCEDGE_A_RULE_PORT_MAX, max) ||
	       lyncedge_nl_put_feature(skb, s, rule) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_MEDIA, rule->media) ||
	       nla_put_u32(skb, LYNCEDGE_A_RULE_GROUPS, rule->groups) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_SERVICE, rule->service) ||
	       nla_put_u8(skb, LYNCEDGE_A_RULE_ENABLED, lyncedge_rule_enabled(rule, s)) ||
	       nla_put_string(skb, LYNCEDGE_A_RULE_NAME, lyncedge_rule_name(rule, s->edition));
}

/*
 * One row: built-in rules, custom rules, then the drop counter of each
 * role and direction; with its counts, read or (with reset, under the
 * namespace's reset_lock) read and cleared.
 */
static int lyncedge_nl_put_row(struct sk_buff *skb, struct lyncedge_net *ln,
			       const struct lyncedge_config *config, unsigned int row, bool reset)
{
	unsigned int rules = lyncedge_nrules + config->ncustom;
	struct lyncedge_ccounter *counter = NULL;
	unsigned int slot, drop, role, dir;
	struct lyncedge_nl_counts nc;
	struct lyncedge_totals t;
	int err;

	if (row < lyncedge_nrules) {
		slot = lyncedge_rule_slot(lyncedge_rules[row].id);
		err = lyncedge_nl_put_rule(skb, &config->s, &lyncedge_rules[row]);
	} else if (row < rules) {
		slot = 0;
		counter = config->custom[row - lyncedge_nrules].counter;
		err = lyncedge_nl_put_custom(skb, &config->custom[row - lyncedge_nrules]);
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
	if (counter && reset)
		lyncedge_ccounter_reset(ln, counter, &t);
	else if (counter)
		lyncedge_ccounter_read(counter, &t);
	else if (reset)
		lyncedge_reset(ln, slot, &t);
	else
		lyncedge_read(ln, slot, &t);
	lyncedge_nl_fill_counts(&nc, &t);
	return 0;
}

static unsigned int lyncedge_nl_nrows(const struct lyncedge_config *config)
{
	return lyncedge_nrules + config->ncustom + LYNCEDGE_NDROPS;
}

/*
 * cb->args[0]: the next row. A change between two parts of the dump is
 * flagged (NLM_F_DUMP_INTR).
 */
static int lyncedge_nl_dump_rows(struct sk_buff *skb, struct netlink_callback *cb, u8 cmd,
				 bool reset)
{
	struct lyncedge_net *ln = lyncedge_pernet(sock_net(skb->sk));
	const struct lyncedge_snap *snap;
	unsigned int row;
	void *hdr;

	if (reset)
		mutex_lock(&ln->reset_lock);
	rcu_read_lock();
	snap = rcu_dereference(ln->snap);
	cb->seq = snap->gen;
	for (row = cb->args[0]; row < lyncedge_nl_nrows(snap->config); row++) {
		hdr = lyncedge_nl_dump_put(skb, cb, cmd);
		if (!hdr)
			break;
		if (lyncedge_nl_put_row(skb, ln, snap->config, row, reset)) {
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

int lyncedge_nl_get_rules(struct sk_buff *skb, struct netlink_callback *cb)
{
	return lyncedge_nl_dump_rows(skb, cb, LYNCEDGE_CMD_GET_RULES, false);
}

int lyncedge_nl_reset_all(struct sk_buff *skb, struct netlink_callback *cb)
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
		if (config->custom[i].id == id)
			return lyncedge_nrules + i;
	return -ENOENT;
}

int lyncedge_nl_reset_rule(struct sk_buff *skb, struct genl_info *info)
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
	config = rcu_dereference(ln->snap)->config;
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
