// SPDX-License-Identifier: GPL-2.0
/*
 * A namespace's snapshot: roles by interface name, the interfaces that have
 * those names now, and the configuration, read by the hooks through one
 * RCU pointer.
 *
 * A role belongs to a name, as nftables' iifname does: an interface is
 * judged with the role of its current name from the moment it has it, and
 * not after it loses it. The bindings are worked out from the names each
 * time a snapshot is built, by the namespace's device table; the netdevice
 * notifier builds a new one whenever an interface takes or leaves a name
 * with a role (commit.c), so writers never need RTNL: a writer that races
 * a rename sees the old name or the new, and the notifier, which runs after
 * the rename, builds again from the new.
 *
 * The namespace has hooks and tracks connections while, and only while, it
 * has a role, bound or waiting for its interface.
 */
#include <linux/err.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>

#include "config.h"
#include "events.h"
#include "hooks.h"
#include "snapshot.h"

static int lyncedge_role_cmp(const void *a, const void *b)
{
	return strcmp(((const struct lyncedge_role_name *)a)->name,
		      ((const struct lyncedge_role_name *)b)->name);
}

static int lyncedge_binding_cmp(const void *a, const void *b)
{
	const struct lyncedge_binding *x = a, *y = b;

	return x->ifindex < y->ifindex ? -1 : x->ifindex > y->ifindex;
}

static unsigned int lyncedge_role_find(const struct lyncedge_role_name *roles, unsigned int n,
				       const char *name)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strcmp(roles[i].name, name))
			break;
	return i;
}

unsigned int lyncedge_snap_named(const struct lyncedge_snap *snap, const char *name)
{
	unsigned int i = lyncedge_role_find(snap->roles, snap->nroles, name);

	return i < snap->nroles ? snap->roles[i].role : LYNCEDGE_ROLE_NONE;
}

/*
 * A name an interface can have (dev_valid_name()), printable, and not the
 * loopback interface's: the host's own traffic to itself is never judged.
 */
static int lyncedge_role_check(struct net *net, const struct lyncedge_change_role *cr,
			       struct netlink_ext_ack *extack)
{
	const struct net_device *dev;
	bool loopback;

	if (!dev_valid_name(cr->r.name) || !lyncedge_name_printable(cr->r.name)) {
		NL_SET_ERR_MSG_ATTR(extack, cr->attr, "not a name an interface can have");
		return -EINVAL;
	}
	rcu_read_lock();
	dev = dev_get_by_name_rcu(net, cr->r.name);
	loopback = dev && dev->flags & IFF_LOOPBACK;
	rcu_read_unlock();
	if (loopback) {
		NL_SET_ERR_MSG_ATTR(extack, cr->attr, "the loopback interface cannot have a role");
		return -EINVAL;
	}
	return 0;
}

/* A whole list: every name once (the policy admits no NONE in a list). */
static int lyncedge_roles_list(struct net *net, const struct lyncedge_change *ch,
			       struct lyncedge_role_name *roles, struct netlink_ext_ack *extack)
{
	unsigned int i;
	int err;

	if (ch->nroles > LYNCEDGE_ROLES_MAX) {
		NL_SET_ERR_MSG_MOD(extack, "too many roles");
		return -E2BIG;
	}
	for (i = 0; i < ch->nroles; i++) {
		const struct lyncedge_change_role *cr = &ch->roles[i];

		err = lyncedge_role_check(net, cr, extack);
		if (err)
			return err;
		if (lyncedge_role_find(roles, i, cr->r.name) < i) {
			NL_SET_ERR_MSG_ATTR(extack, cr->attr, "the name is given twice");
			return -EEXIST;
		}
		roles[i] = cr->r;
	}
	return ch->nroles;
}

/* One role, in the list old has: given, replaced, or (NONE) taken away. */
static int lyncedge_roles_one(struct net *net, const struct lyncedge_snap *old,
			      const struct lyncedge_change *ch, struct lyncedge_role_name *roles,
			      struct netlink_ext_ack *extack)
{
	const struct lyncedge_change_role *cr = &ch->roles[0];
	unsigned int n = old->nroles, i;
	int err;

	err = lyncedge_role_check(net, cr, extack);
	if (err)
		return err;
	memcpy(roles, old->roles, n * sizeof(*roles));
	i = lyncedge_role_find(roles, n, cr->r.name);
	if (cr->r.role == LYNCEDGE_ROLE_NONE) {
		if (i < n)
			roles[i] = roles[--n];
		return n;
	}
	if (i == n && n == LYNCEDGE_ROLES_MAX) {
		NL_SET_ERR_MSG_ATTR(extack, cr->attr, "too many roles");
		return -E2BIG;
	}
	if (i == n)
		n++;
	roles[i] = cr->r;
	return n;
}

struct lyncedge_role_name *lyncedge_roles_apply(struct net *net, const struct lyncedge_snap *old,
						const struct lyncedge_change *ch,
						unsigned int *nroles,
						struct netlink_ext_ack *extack)
{
	struct lyncedge_role_name *roles;
	int n;

	/* Room for either: a list of up to LYNCEDGE_ROLES_MAX, or old's plus one. */
	roles = kcalloc(max(ch->nroles, old->nroles + 1), sizeof(*roles), GFP_KERNEL_ACCOUNT);
	if (!roles)
		return ERR_PTR(-ENOMEM);
	if (ch->what & LYNCEDGE_CHANGE_ROLES) {
		n = lyncedge_roles_list(net, ch, roles, extack);
	} else if (ch->what & LYNCEDGE_CHANGE_ROLE) {
		n = lyncedge_roles_one(net, old, ch, roles, extack);
	} else {
		memcpy(roles, old->roles, old->nroles * sizeof(*roles));
		n = old->nroles;
	}
	if (n < 0) {
		kfree(roles);
		return ERR_PTR(n);
	}
	sort(roles, n, sizeof(*roles), lyncedge_role_cmp, NULL);
	*nroles = n;
	return roles;
}

struct lyncedge_snap *lyncedge_snap_new(struct net *net, const struct lyncedge_role_name *roles,
					unsigned int nroles, const struct lyncedge_config *config,
					u32 gen)
{
	const struct net_device *dev;
	struct lyncedge_snap *snap;
	unsigned int i, n = 0;

	snap = kzalloc(struct_size(snap, bound, nroles) + nroles * sizeof(*roles),
		       GFP_KERNEL_ACCOUNT);
	if (!snap) {
		lyncedge_config_put(config);
		return NULL;
	}
	snap->config = config;
	snap->gen = gen;
	snap->roles = (struct lyncedge_role_name *)&snap->bound[nroles];
	snap->nroles = nroles;
	rcu_read_lock();
	for (i = 0; i < nroles; i++) {
		snap->roles[i] = roles[i];
		snap->roles[i].ifindex = 0;
		dev = dev_get_by_name_rcu(net, roles[i].name);
		if (!dev || dev->flags & IFF_LOOPBACK)
			continue;
		snap->roles[i].ifindex = dev->ifindex;
		snap->bound[n].ifindex = dev->ifindex;
		snap->bound[n].role = roles[i].role;
		snap->mask |= BIT_ULL(dev->ifindex % 64);
		n++;
	}
	rcu_read_unlock();
	sort(snap->bound, n, sizeof(snap->bound[0]), lyncedge_binding_cmp, NULL);
	snap->nbound = n;
	return snap;
}

void lyncedge_snap_free(struct lyncedge_snap *snap)
{
	lyncedge_config_put(snap->config);
	kfree(snap);
}

static void lyncedge_snap_free_rcu(struct rcu_head *head)
{
	lyncedge_snap_free(container_of(head, struct lyncedge_snap, rcu));
}

void lyncedge_snap_retire(struct lyncedge_snap *snap)
{
	call_rcu(&snap->rcu, lyncedge_snap_free_rcu);
}

/* The deployment whose hooks snap needs, or -1 for none: it has no role. */
static int lyncedge_snap_hooks(const struct lyncedge_snap *snap)
{
	return snap->nroles ? snap->config->s.deployment : -1;
}

struct lyncedge_snap *lyncedge_snap_install(struct net *net, struct lyncedge_net *ln,
					    struct lyncedge_snap *snap,
					    struct netlink_ext_ack *extack)
{
	struct lyncedge_snap *old = lyncedge_snap_current(ln);
	const struct lyncedge_settings *was = &old->config->s, *now = &snap->config->s;
	int want = lyncedge_snap_hooks(snap), err;

	/* The new hooks before the old go: no packet goes unjudged between. */
	if (want >= 0 && want != ln->hooked) {
		err = lyncedge_hooks_register(net, ln, want);
		if (err) {
			NL_SET_ERR_MSG_MOD(extack, "cannot hook netfilter in this namespace");
			return ERR_PTR(err);
		}
	}
	rcu_assign_pointer(ln->snap, snap);
	if (ln->hooked >= 0 && ln->hooked != want)
		lyncedge_hooks_unregister(net, ln, ln->hooked);
	ln->hooked = want;
	if (was->event_rate != now->event_rate || was->event_burst != now->event_burst)
		lyncedge_events_refill(&ln->events);
	return old;
}

int lyncedge_snap_init(struct lyncedge_net *ln)
{
	struct lyncedge_snap *snap;

	/* Not 0: netlink takes a dump's first sequence of 0 as "none yet". */
	snap = lyncedge_snap_new(NULL, NULL, 0, lyncedge_config_default(), 1);
	if (!snap)
		return -ENOMEM;
	ln->hooked = -1;
	RCU_INIT_POINTER(ln->snap, snap);
	lyncedge_events_refill(&ln->events);
	return 0;
}

/*
 * A dying namespace has lost its interfaces, not its roles: its hooks are
 * still there, and go first. Readers of the snapshot may still be about
 * (a dump of a module being unloaded): it is retired, not freed.
 */
void lyncedge_snap_exit(struct net *net, struct lyncedge_net *ln)
{
	if (ln->hooked >= 0)
		lyncedge_hooks_unregister(net, ln, ln->hooked);
	ln->hooked = -1;
	lyncedge_snap_retire(rcu_dereference_protected(ln->snap, true));
}
