// SPDX-License-Identifier: GPL-2.0
/*
 * The one way a namespace's state changes. Every writer, a request
 * (SET_ROLE, SET_CONFIG), the netdevice notifier and the rollback of an
 * unconfirmed change, comes here and holds the namespace's lock: the change
 * is checked and built into a new snapshot from the current one, then
 * installed (snapshot.c). Nothing is built under RTNL; only the notifier
 * holds it, imposed by its caller, so the order is RTNL, then the lock.
 *
 * A change given seconds to be confirmed keeps the snapshot it replaced.
 * Unless LYNCEDGE_CMD_CONFIRM comes first, a work item of the kernel's own
 * puts that snapshot's roles and configuration back when they run out,
 * whatever became of the process that asked: the admin locked out by a
 * change gets the edge as it was. Changes made while one awaits
 * confirmation are reverted with it: they were made on top of it.
 */
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "commit.h"
#include "config.h"
#include "snapshot.h"

/* The change's snapshot, built from old; an ERR_PTR with the reason in extack. */
static struct lyncedge_snap *lyncedge_commit_build(struct net *net, struct lyncedge_net *ln,
						   const struct lyncedge_snap *old,
						   const struct lyncedge_change *ch,
						   unsigned int *nnew,
						   struct netlink_ext_ack *extack)
{
	const struct lyncedge_config *config = old->config;
	struct lyncedge_role_name *roles;
	struct lyncedge_snap *snap;
	unsigned int nroles;

	*nnew = 0;
	if (ch->what & LYNCEDGE_CHANGE_CONFIG) {
		config = lyncedge_config_build(old->config, ch, ln->next_custom_id, nnew, extack);
		if (IS_ERR(config))
			return ERR_CAST(config);
	} else {
		lyncedge_config_get(config);
	}
	roles = lyncedge_roles_apply(net, old, ch, &nroles, extack);
	if (IS_ERR(roles)) {
		lyncedge_config_put(config);
		return ERR_CAST(roles);
	}
	snap = lyncedge_snap_new(net, roles, nroles, config, old->gen + 1);
	kfree(roles);
	return snap ?: ERR_PTR(-ENOMEM);
}

/* Installs snap, or frees it; the replaced snapshot, or an ERR_PTR. */
static struct lyncedge_snap *lyncedge_commit_install(struct net *net, struct lyncedge_net *ln,
						     struct lyncedge_snap *snap,
						     struct netlink_ext_ack *extack)
{
	struct lyncedge_snap *old = lyncedge_snap_install(net, ln, snap, extack);

	if (IS_ERR(old))
		lyncedge_snap_free(snap);
	return old;
}

int lyncedge_commit(struct net *net, struct lyncedge_net *ln, const struct lyncedge_change *ch,
		    struct netlink_ext_ack *extack)
{
	struct lyncedge_snap *old, *snap;
	unsigned int nnew;
	int err = 0;

	mutex_lock(&ln->lock);
	old = lyncedge_snap_current(ln);
	if (ch->check_gen && ch->gen != old->gen) {
		NL_SET_ERR_MSG_ATTR(extack, ch->gen_attr,
				    "the configuration changed meanwhile; read it again");
		err = -EAGAIN;
		goto out;
	}
	if (ch->confirm && ln->rollback.snap) {
		NL_SET_ERR_MSG_MOD(extack,
				   "a change already awaits confirmation: confirm it or let it revert first");
		err = -EBUSY;
		goto out;
	}
	snap = lyncedge_commit_build(net, ln, old, ch, &nnew, extack);
	if (IS_ERR(snap)) {
		err = PTR_ERR(snap);
		goto out;
	}
	old = lyncedge_commit_install(net, ln, snap, extack);
	if (IS_ERR(old)) {
		err = PTR_ERR(old);
		goto out;
	}
	/* Ids go to rules only now: a refused change takes none. */
	ln->next_custom_id += nnew;
	if (ch->confirm) {
		ln->rollback.snap = old;
		ln->rollback.seconds = ch->confirm;
		ln->rollback.deadline = jiffies + ch->confirm * HZ;
		schedule_delayed_work(&ln->rollback.work, ch->confirm * HZ);
	} else {
		lyncedge_snap_retire(old);
	}
out:
	mutex_unlock(&ln->lock);
	return err;
}

int lyncedge_confirm(struct lyncedge_net *ln, struct netlink_ext_ack *extack)
{
	struct lyncedge_snap *kept;

	mutex_lock(&ln->lock);
	kept = ln->rollback.snap;
	ln->rollback.snap = NULL;
	/* Not _sync: a work already running waits for the lock, then finds nothing. */
	if (kept)
		cancel_delayed_work(&ln->rollback.work);
	mutex_unlock(&ln->lock);
	if (!kept) {
		NL_SET_ERR_MSG_MOD(extack, "no change awaits confirmation");
		return -ENOENT;
	}
	lyncedge_snap_retire(kept);
	return 0;
}

void lyncedge_rollback_status(struct lyncedge_net *ln, bool *pending, u32 *left_ms,
			      u64 *reverted)
{
	mutex_lock(&ln->lock);
	*pending = ln->rollback.snap;
	*left_ms = 0;
	if (*pending && time_before(jiffies, ln->rollback.deadline))
		*left_ms = jiffies_to_msecs(ln->rollback.deadline - jiffies);
	*reverted = ln->rollback.reverted;
	mutex_unlock(&ln->lock);
}

/*
 * The unconfirmed change runs out: the kept snapshot's roles and
 * configuration again, bound to the interfaces of now. Should that fail
 * (no memory, no hooks), it is tried again each second, and said so.
 */
static void lyncedge_rollback_work(struct work_struct *work)
{
	struct lyncedge_net *ln = container_of(to_delayed_work(work), struct lyncedge_net,
					       rollback.work);
	struct net *net = read_pnet(&ln->net);
	struct lyncedge_snap *kept, *snap, *old;
	u32 gen;

	mutex_lock(&ln->lock);
	kept = ln->rollback.snap;
	/* Confirmed meanwhile, or the namespace is going: nothing to restore. */
	if (!kept || !check_net(net))
		goto out;
	gen = lyncedge_snap_current(ln)->gen;
	lyncedge_config_get(kept->config);
	snap = lyncedge_snap_new(net, kept->roles, kept->nroles, kept->config, gen + 1);
	old = snap ? lyncedge_commit_install(net, ln, snap, NULL) : ERR_PTR(-ENOMEM);
	if (IS_ERR(old)) {
		pr_warn_ratelimited("lyncedge: netns %u: cannot restore the configuration of generation %u (%ld); trying again\n",
				    net->ns.inum, kept->gen, PTR_ERR(old));
		schedule_delayed_work(&ln->rollback.work, HZ);
		goto out;
	}
	pr_warn("lyncedge: netns %u: a change not confirmed within %u s is reverted: generation %u has the roles and configuration of generation %u again\n",
		net->ns.inum, ln->rollback.seconds, gen + 1, kept->gen);
	ln->rollback.snap = NULL;
	ln->rollback.reverted++;
	lyncedge_snap_retire(old);
	lyncedge_snap_retire(kept);
out:
	mutex_unlock(&ln->lock);
}

/*
 * dev took or left a name: a new snapshot when that touches a role. An
 * error (no memory) refuses the registration or the rename, so that no
 * interface is ever left without the role its name has.
 */
int lyncedge_rebind(struct net *net, struct lyncedge_net *ln, const struct net_device *dev,
		    unsigned long event)
{
	struct lyncedge_snap *cur, *snap, *old;
	int err = 0;

	mutex_lock(&ln->lock);
	cur = lyncedge_snap_current(ln);
	if (!lyncedge_snap_role(cur, dev) &&
	    (event == NETDEV_UNREGISTER || !lyncedge_snap_named(cur, dev->name)))
		goto out;
	lyncedge_config_get(cur->config);
	snap = lyncedge_snap_new(net, cur->roles, cur->nroles, cur->config, cur->gen + 1);
	old = snap ? lyncedge_commit_install(net, ln, snap, NULL) : ERR_PTR(-ENOMEM);
	if (IS_ERR(old)) {
		err = PTR_ERR(old);
		goto out;
	}
	lyncedge_snap_retire(old);
out:
	mutex_unlock(&ln->lock);
	return err;
}

int lyncedge_commit_init(struct net *net, struct lyncedge_net *ln)
{
	mutex_init(&ln->lock);
	write_pnet(&ln->net, net);
	ln->next_custom_id = LYNCEDGE_CUSTOM_ID_MIN;
	INIT_DELAYED_WORK(&ln->rollback.work, lyncedge_rollback_work);
	return lyncedge_snap_init(ln);
}

/* No rollback outlives its namespace, nor a module unloaded while it waits. */
void lyncedge_commit_exit(struct net *net, struct lyncedge_net *ln)
{
	cancel_delayed_work_sync(&ln->rollback.work);
	mutex_lock(&ln->lock);
	if (ln->rollback.snap)
		lyncedge_snap_retire(ln->rollback.snap);
	ln->rollback.snap = NULL;
	lyncedge_snap_exit(net, ln);
	mutex_unlock(&ln->lock);
	mutex_destroy(&ln->lock);
}
