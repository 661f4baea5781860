// SPDX-License-Identifier: GPL-2.0
/*
 * Configurations: the settings, the custom rules and the port sets compiled
 * from both, built whole from the current configuration and a change, and
 * never changed after. Building is all the work of a change (checking,
 * numbering, compiling), done before anything is swapped and under no lock
 * but the namespace's own. Everything is charged to the memory cgroup of
 * the process that asked (changes are open to user namespaces' admins).
 */
#include <linux/bitmap.h>
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/ipv6.h>

#include "compile.h"
#include "config.h"
#include "counters.h"
#include "editions.h"
#include "match.h"
#include "policy.h"

/* ASCII's control characters; bytes from 0x80 up are UTF-8's (or a site's own). */
bool lyncedge_name_printable(const char *name)
{
	for (; *name; name++)
		if ((u8)*name < 0x20 || *name == 0x7f)
			return false;
	return true;
}

static struct lyncedge_config *lyncedge_config_alloc(void)
{
	struct lyncedge_config *config = kvzalloc(sizeof(*config), GFP_KERNEL_ACCOUNT);

	if (config)
		refcount_set(&config->ref, 1);
	return config;
}

static void lyncedge_config_free(struct lyncedge_config *config)
{
	unsigned int i;

	for (i = 0; i < config->ncustom; i++)
		lyncedge_ccounter_put(config->custom[i].counter);
	kvfree(config->custom);
	kvfree(config);
}

void lyncedge_config_get(const struct lyncedge_config *config)
{
	refcount_inc(&((struct lyncedge_config *)config)->ref);
}

void lyncedge_config_put(const struct lyncedge_config *config)
{
	struct lyncedge_config *c = (struct lyncedge_config *)config;

	if (refcount_dec_and_test(&c->ref))
		lyncedge_config_free(c);
}

/*
 * Every namespace starts with the same configuration, built once at load:
 * a namespace that nobody configures costs no policy of its own.
 */
static struct lyncedge_config *lyncedge_config_first;

int lyncedge_config_init(void)
{
	lyncedge_config_first = lyncedge_config_alloc();
	if (!lyncedge_config_first)
		return -ENOMEM;
	lyncedge_settings_default(&lyncedge_config_first->s);
	/* The default settings compile: lyncedge_policy_check() proved it before. */
	lyncedge_policy_compile(&lyncedge_config_first->policy, &lyncedge_config_first->s, NULL, 0);
	return 0;
}

/* After every namespace has gone: the last reference. */
void lyncedge_config_exit(void)
{
	lyncedge_config_put(lyncedge_config_first);
}

struct lyncedge_config *lyncedge_config_default(void)
{
	lyncedge_config_get(lyncedge_config_first);
	return lyncedge_config_first;
}

/*
 * A feature is on only in an edition that has its rows, whichever of the
 * two the change sets: turning it off is the operator's call, not ours.
 */
static int lyncedge_config_edition(const struct lyncedge_settings *s,
				   struct netlink_ext_ack *extack)
{
	u32 missing = s->features & ~lyncedge_edition_features(s->edition);

	if (missing & LYNCEDGE_FEATURE_F_XMPP) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the edition has no XMPP rows (Skype for Business Server 2019 and Subscription Edition removed XMPP): disable xmpp");
		return -EOPNOTSUPP;
	}
	if (missing & LYNCEDGE_FEATURE_F_OCS2007) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the edition has no OCS 2007 rows (Skype for Business Server relays media on the core rows): disable ocs2007");
		return -EOPNOTSUPP;
	}
	return 0;
}

/* The words: features, media range, modes, deployment, edition, event rate. */
static int lyncedge_config_words(struct lyncedge_settings *s, const struct lyncedge_change *ch,
				 struct netlink_ext_ack *extack)
{
	if (ch->what & LYNCEDGE_CHANGE_FEATURES) {
		if (ch->features_selector & LYNCEDGE_FEATURE_F_CORE) {
			NL_SET_ERR_MSG_MOD(extack, "the core rows are always on");
			return -EOPNOTSUPP;
		}
		s->features = (s->features & ~ch->features_selector) | ch->features_value;
	}
	if (ch->what & LYNCEDGE_CHANGE_MEDIA) {
		s->media_min = ch->media_min;
		s->media_max = ch->media_max;
	}
	if (ch->what & LYNCEDGE_CHANGE_MODE_EXTERNAL)
		s->mode[LYNCEDGE_ROLE_EXTERNAL - 1] = ch->mode[LYNCEDGE_ROLE_EXTERNAL - 1];
	if (ch->what & LYNCEDGE_CHANGE_MODE_INTERNAL)
		s->mode[LYNCEDGE_ROLE_INTERNAL - 1] = ch->mode[LYNCEDGE_ROLE_INTERNAL - 1];
	if (ch->what & LYNCEDGE_CHANGE_DEPLOYMENT)
		s->deployment = ch->deployment;
	if (ch->what & LYNCEDGE_CHANGE_EDITION)
		s->edition = ch->edition;
	if (ch->what & LYNCEDGE_CHANGE_EVENTS) {
		s->event_rate = ch->event_rate;
		s->event_burst = ch->event_burst;
	}
	return lyncedge_config_edition(s, extack);
}

static bool lyncedge_addr_equal(const struct lyncedge_addr *a, const struct lyncedge_addr *b)
{
	return a->family == b->family && ipv6_addr_equal(&a->addr, &b->addr);
}

static bool lyncedge_prefix_equal(const struct lyncedge_prefix *a,
				  const struct lyncedge_prefix *b)
{
	return a->len == b->len && lyncedge_addr_equal(&a->a, &b->a);
}

/*
 * A present list replaces the internal networks. There is no empty list:
 * it would leave the internal rows nothing or, read as "no condition",
 * everything; any address is said as 0.0.0.0/0 and ::/0.
 */
static int lyncedge_config_nets(struct lyncedge_nets *nets, const struct lyncedge_change *ch,
				struct netlink_ext_ack *extack)
{
	unsigned int i, j;

	if (!(ch->what & LYNCEDGE_CHANGE_INTERNAL))
		return 0;
	if (!ch->nnets) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the internal networks cannot be empty (any address: 0.0.0.0/0 and ::/0)");
		return -EINVAL;
	}
	for (i = 0; i < ch->nnets; i++) {
		for (j = 0; j < i; j++) {
			if (lyncedge_prefix_equal(&ch->nets[j].p, &ch->nets[i].p)) {
				NL_SET_ERR_MSG_ATTR(extack, ch->nets[i].attr,
						    "the internal network is listed twice");
				return -EEXIST;
			}
		}
		nets->p[i] = ch->nets[i].p;
	}
	nets->n = ch->nnets;
	return 0;
}

/* Whether the internal networks take in all of p (of its family). */
static bool lyncedge_nets_cover(const struct lyncedge_nets *nets, const struct lyncedge_prefix *p)
{
	unsigned int i;

	for (i = 0; i < nets->n; i++)
		if (nets->p[i].len <= p->len && lyncedge_prefix_has(&nets->p[i], &p->a))
			return true;
	return false;
}

/*
 * Every peer is a host of the internal networks: one outside them could
 * never reach its rules, and the operator would not be told. The peers
 * given in the change are named; else the networks' change is to blame.
 */
static int lyncedge_config_peers_inside(const struct lyncedge_settings *s,
					const struct lyncedge_change *ch,
					struct netlink_ext_ack *extack)
{
	unsigned int g, i;

	/* A change of neither keeps what the configuration it starts from had. */
	if (!(ch->what & (LYNCEDGE_CHANGE_PEERS | LYNCEDGE_CHANGE_INTERNAL)))
		return 0;
	if (ch->what & LYNCEDGE_CHANGE_PEERS) {
		for (i = 0; i < ch->npeers; i++) {
			if (!lyncedge_nets_cover(&s->internal, &ch->peers[i].p)) {
				NL_SET_ERR_MSG_ATTR(extack, ch->peers[i].attr,
						    "the peer is outside the internal networks");
				return -EINVAL;
			}
		}
		return 0;
	}
	for (g = 0; g < LYNCEDGE_NGROUPS; g++) {
		for (i = 0; i < s->peers.n[g]; i++) {
			if (!lyncedge_nets_cover(&s->internal, &s->peers.p[g][i])) {
				NL_SET_ERR_MSG_MOD(extack,
						   "the internal networks would leave a peer outside them");
				return -EINVAL;
			}
		}
	}
	return 0;
}

/* A present peer list replaces every peer of every group. */
static int lyncedge_config_peers(struct lyncedge_peers *peers, const struct lyncedge_change *ch,
				 struct netlink_ext_ack *extack)
{
	unsigned int i, j;

	if (!(ch->what & LYNCEDGE_CHANGE_PEERS))
		return 0;
	memset(peers, 0, sizeof(*peers));
	for (i = 0; i < ch->npeers; i++) {
		const struct lyncedge_change_peer *cp = &ch->peers[i];
		u8 g = cp->group;

		for (j = 0; j < peers->n[g]; j++) {
			if (lyncedge_prefix_equal(&peers->p[g][j], &cp->p)) {
				NL_SET_ERR_MSG_ATTR(extack, cp->attr, "the peer is listed twice");
				return -EEXIST;
			}
		}
		if (peers->n[g] == LYNCEDGE_PEERS_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, cp->attr, "too many peers in one group");
			return -E2BIG;
		}
		peers->p[g][peers->n[g]++] = cp->p;
	}
	return 0;
}

/* A present address list replaces the addresses of every service. */
static int lyncedge_config_services(struct lyncedge_services *services,
				    const struct lyncedge_change *ch,
				    struct netlink_ext_ack *extack)
{
	unsigned int i, j;

	if (!(ch->what & LYNCEDGE_CHANGE_SERVICES))
		return 0;
	memset(services, 0, sizeof(*services));
	for (i = 0; i < ch->nservices; i++) {
		const struct lyncedge_change_service *cs = &ch->services[i];
		unsigned int s = cs->service - 1;

		for (j = 0; j < services->n[s]; j++) {
			if (lyncedge_addr_equal(&services->a[s][j], &cs->a)) {
				NL_SET_ERR_MSG_ATTR(extack, cs->attr,
						    "the address is listed twice");
				return -EEXIST;
			}
		}
		if (services->n[s] == LYNCEDGE_SERVICE_ADDRS_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, cs->attr,
					    "too many addresses for one service");
			return -E2BIG;
		}
		services->a[s][services->n[s]++] = cs->a;
	}
	return 0;
}

static bool lyncedge_custom_same(const struct lyncedge_custom *a, const struct lyncedge_custom *b)
{
	return a->role == b->role && a->dir == b->dir && a->proto == b->proto &&
	       a->min == b->min && a->max == b->max && !strcmp(a->name, b->name);
}

static int lyncedge_custom_check(const struct lyncedge_change *ch, unsigned int i,
				 struct netlink_ext_ack *extack)
{
	const struct lyncedge_change_custom *cc = &ch->custom[i];
	unsigned int j;

	if (!cc->c.name[0]) {
		NL_SET_ERR_MSG_ATTR(extack, cc->attr, "a rule needs a name");
		return -EINVAL;
	}
	/* One rule a line in /proc, the dump and a configuration file. */
	if (!lyncedge_name_printable(cc->c.name)) {
		NL_SET_ERR_MSG_ATTR(extack, cc->attr, "a rule's name has no control characters");
		return -EINVAL;
	}
	for (j = 0; j < i; j++) {
		if (lyncedge_custom_same(&ch->custom[j].c, &cc->c)) {
			NL_SET_ERR_MSG_ATTR(extack, cc->attr, "the custom rule is given twice");
			return -EEXIST;
		}
	}
	return 0;
}

/* The same rule again keeps its id and counter: the first unclaimed one of old's. */
static int lyncedge_custom_keep(const struct lyncedge_config *old,
				const struct lyncedge_change_custom *cc, unsigned long *taken)
{
	unsigned int i;

	for (i = 0; i < old->ncustom; i++) {
		if (!test_bit(i, taken) && lyncedge_custom_same(&old->custom[i], &cc->c)) {
			__set_bit(i, taken);
			return i;
		}
	}
	return -1;
}

/* A rule new to the namespace, with its own counter and the next id. */
static int lyncedge_custom_new(struct lyncedge_custom *c, const struct lyncedge_change_custom *cc,
			       u64 id, struct netlink_ext_ack *extack)
{
	/* Ids are never reused in a namespace: the space has an end. */
	if (id > U32_MAX) {
		NL_SET_ERR_MSG_ATTR(extack, cc->attr,
				    "no custom rule ids are left in this namespace");
		return -ENOSPC;
	}
	*c = cc->c;
	c->counter = lyncedge_ccounter_new();
	if (!c->counter)
		return -ENOMEM;
	c->id = id;
	return 0;
}

/* A present custom rule list replaces every custom rule; else old's stay. */
static int lyncedge_config_customs(struct lyncedge_config *new, const struct lyncedge_config *old,
				   const struct lyncedge_change *ch, u64 next_id,
				   unsigned int *nnew, struct netlink_ext_ack *extack)
{
	bool given = ch->what & LYNCEDGE_CHANGE_CUSTOM;
	unsigned int i, n = given ? ch->ncustom : old->ncustom;
	unsigned long *taken;
	int err = 0, k;

	*nnew = 0;
	if (!n)
		return 0;
	new->custom = kvcalloc(n, sizeof(*new->custom), GFP_KERNEL_ACCOUNT);
	if (!new->custom)
		return -ENOMEM;
	if (!given) {
		for (i = 0; i < n; i++) {
			new->custom[i] = old->custom[i];
			lyncedge_ccounter_get(new->custom[i].counter);
		}
		new->ncustom = n;
		return 0;
	}
	taken = bitmap_zalloc(max(old->ncustom, 1U), GFP_KERNEL);
	if (!taken)
		return -ENOMEM;
	for (i = 0; i < n && !err; i++) {
		const struct lyncedge_change_custom *cc = &ch->custom[i];
		struct lyncedge_custom *c = &new->custom[i];

		err = lyncedge_custom_check(ch, i, extack);
		if (err)
			break;
		k = lyncedge_custom_keep(old, cc, taken);
		if (k >= 0) {
			*c = old->custom[k];
			lyncedge_ccounter_get(c->counter);
		} else {
			err = lyncedge_custom_new(c, cc, next_id + *nnew, extack);
			if (err)
				break;
			++*nnew;
		}
		new->ncustom++;
	}
	bitmap_free(taken);
	return err;
}

struct lyncedge_config *lyncedge_config_build(const struct lyncedge_config *old,
					      const struct lyncedge_change *ch, u64 next_id,
					      unsigned int *nnew, struct netlink_ext_ack *extack)
{
	struct lyncedge_config *new = lyncedge_config_alloc();
	int err;

	*nnew = 0;
	if (!new)
		return ERR_PTR(-ENOMEM);
	new->s = old->s;
	err = lyncedge_config_words(&new->s, ch, extack) ?:
	      lyncedge_config_nets(&new->s.internal, ch, extack) ?:
	      lyncedge_config_peers(&new->s.peers, ch, extack) ?:
	      lyncedge_config_peers_inside(&new->s, ch, extack) ?:
	      lyncedge_config_services(&new->s.services, ch, extack) ?:
	      lyncedge_config_customs(new, old, ch, next_id, nnew, extack);
	if (!err) {
		err = lyncedge_policy_compile(&new->policy, &new->s, new->custom, new->ncustom);
		if (err == -EEXIST)
			NL_SET_ERR_MSG_MOD(extack,
					   "a port range overlaps another rule (media range or custom rule)");
	}
	if (err) {
		lyncedge_config_free(new);
		return ERR_PTR(err);
	}
	return new;
}
