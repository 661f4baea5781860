// SPDX-License-Identifier: GPL-2.0
/*
 * Per network namespace state: roles of interfaces, the configuration, the
 * compiled policy and the counters.
 *
 * All changes run under RTNL: the netdevice notifier that drops the role of
 * a vanishing interface already holds it, so a role can never be given to
 * an interface that is halfway gone (its ifindex could be reused).
 *
 * A namespace has hooks and tracks connections only while at least one of
 * its interfaces has a role: loading the module changes nothing.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <net/netns/generic.h>

#include "lyncedge.h"

unsigned int lyncedge_net_id __read_mostly;

static void lyncedge_policy_free_rcu(struct rcu_head *head)
{
	lyncedge_policy_free(container_of(head, struct lyncedge_policy, rcu));
}

static void lyncedge_policy_replace(struct lyncedge_net *ln, struct lyncedge_policy *policy)
{
	struct lyncedge_policy *old = rcu_replace_pointer(ln->policy, policy, true);

	if (old)
		call_rcu(&old->rcu, lyncedge_policy_free_rcu);
}

static int lyncedge_netns_hook(struct net *net, struct lyncedge_net *ln)
{
	const struct lyncedge_config *config = rtnl_dereference(ln->config);
	struct lyncedge_policy *policy;
	int err;

	policy = lyncedge_policy_compile(config);
	if (IS_ERR(policy))
		return PTR_ERR(policy);
	lyncedge_policy_replace(ln, policy);
	err = lyncedge_hooks_register(net, config->deployment);
	if (err)
		lyncedge_policy_replace(ln, NULL);
	return err;
}

static void lyncedge_netns_unhook(struct net *net)
{
	struct lyncedge_net *ln = lyncedge_pernet(net);

	if (!rcu_access_pointer(ln->policy))
		return;
	lyncedge_hooks_unregister(net, rtnl_dereference(ln->config)->deployment);
	lyncedge_policy_replace(ln, NULL);
}

/* The slot of ln->fast that holds ifindex, or NULL. */
static u64 *lyncedge_fast_slot(struct lyncedge_net *ln, unsigned long ifindex)
{
	unsigned int i;

	for (i = 0; i < LYNCEDGE_FAST_ROLES; i++)
		if (ln->fast[i] >> 8 == ifindex)
			return &ln->fast[i];
	return NULL;
}

static u64 lyncedge_fast_entry(unsigned long ifindex, unsigned long role)
{
	return (u64)ifindex << 8 | role;
}

/*
 * ifindex leaves slot: a role that had no slot takes it in the same store,
 * so the hooks find it there or, while nroles is still the old count, in
 * the xarray.
 */
static void lyncedge_fast_clear(struct lyncedge_net *ln, u64 *slot, unsigned long ifindex)
{
	unsigned long index;
	void *entry;

	xa_for_each(&ln->roles, index, entry) {
		if (index != ifindex && !lyncedge_fast_slot(ln, index)) {
			WRITE_ONCE(*slot, lyncedge_fast_entry(index, xa_to_value(entry)));
			return;
		}
	}
	WRITE_ONCE(*slot, 0);
}

/* The mask of the roles in the xarray, but ifindex's, which is leaving. */
static void lyncedge_fast_mask(struct lyncedge_net *ln, unsigned long ifindex)
{
	unsigned long index;
	void *entry;
	u64 mask = 0;

	xa_for_each(&ln->roles, index, entry)
		if (index != ifindex)
			mask |= BIT_ULL(index % 64);
	WRITE_ONCE(ln->fast_mask, mask);
}

/* ifindex has a role now: in its slot, or a free one if there is one left. */
static void lyncedge_fast_put(struct lyncedge_net *ln, unsigned long ifindex, u8 role)
{
	u64 *slot = lyncedge_fast_slot(ln, ifindex);

	if (!slot)
		slot = lyncedge_fast_slot(ln, 0);
	if (slot)
		WRITE_ONCE(*slot, lyncedge_fast_entry(ifindex, role));
}

int lyncedge_set_role(struct net *net, int ifindex, u8 role, struct netlink_ext_ack *extack)
{
	struct lyncedge_net *ln = lyncedge_pernet(net);
	u64 *slot;
	void *old;
	int err;

	ASSERT_RTNL();
	old = xa_load(&ln->roles, ifindex);
	if (role == LYNCEDGE_ROLE_NONE) {
		if (!old)
			return 0;
		slot = lyncedge_fast_slot(ln, ifindex);
		if (slot)
			lyncedge_fast_clear(ln, slot, ifindex);
		lyncedge_fast_mask(ln, ifindex);
		xa_erase(&ln->roles, ifindex);
		WRITE_ONCE(ln->gen, ln->gen + 1);
		/* The hooks must see the table as it is now before the count. */
		smp_wmb();
		WRITE_ONCE(ln->nroles, ln->nroles - 1);
		if (!ln->nroles)
			lyncedge_netns_unhook(net);
		return 0;
	}
	if (old && xa_to_value(old) == role)
		return 0;
	if (!ln->nroles) {
		err = lyncedge_netns_hook(net, ln);
		if (err) {
			NL_SET_ERR_MSG_MOD(extack, "cannot hook netfilter in this namespace");
			return err;
		}
	}
	err = xa_err(xa_store(&ln->roles, ifindex, xa_mk_value(role), GFP_KERNEL));
	if (err) {
		if (!ln->nroles)
			lyncedge_netns_unhook(net);
		return err;
	}
	if (!old)
		WRITE_ONCE(ln->nroles, ln->nroles + 1);
	/* The mask first: a hook that finds the bit then looks for the role. */
	WRITE_ONCE(ln->fast_mask, ln->fast_mask | BIT_ULL(ifindex % 64));
	lyncedge_fast_put(ln, ifindex, role);
	WRITE_ONCE(ln->gen, ln->gen + 1);
	return 0;
}

/*
 * Takes new, a configuration of its own (lyncedge_config_dup()), and makes
 * it the namespace's, or frees it. It compiles before anything changes, hooked or not, so that a
 * bad one is refused now rather than when a role is set later.
 */
int lyncedge_set_config(struct net *net, struct lyncedge_config *new,
			struct netlink_ext_ack *extack)
{
	struct lyncedge_net *ln = lyncedge_pernet(net);
	struct lyncedge_config *old = rtnl_dereference(ln->config);
	bool hooked = rcu_access_pointer(ln->policy);
	bool rehook = hooked && old->deployment != new->deployment;
	struct lyncedge_policy *policy;
	int err;

	ASSERT_RTNL();
	policy = lyncedge_policy_compile(new);
	if (IS_ERR(policy)) {
		err = PTR_ERR(policy);
		if (err == -EEXIST)
			NL_SET_ERR_MSG_MOD(extack,
					   "a port range overlaps another rule (media range or custom rule)");
		goto err_config;
	}
	/* The new deployment's hooks before the old go: no packet goes unjudged. */
	if (rehook) {
		err = lyncedge_hooks_register(net, new->deployment);
		if (err) {
			NL_SET_ERR_MSG_MOD(extack, "cannot hook netfilter for this deployment");
			goto err_policy;
		}
	}
	if (hooked)
		lyncedge_policy_replace(ln, policy);
	else
		lyncedge_policy_free(policy);
	rcu_assign_pointer(ln->config, new);
	if (rehook)
		lyncedge_hooks_unregister(net, old->deployment);
	if (old->event_rate != new->event_rate || old->event_burst != new->event_burst)
		lyncedge_events_refill(&ln->events, new);
	call_rcu(&old->rcu, lyncedge_config_free_rcu);
	/*
	 * After the new configuration, so that a reader that sees this
	 * generation sees it too (GET_CONFIG reads in the other order).
	 */
	smp_store_release(&ln->gen, ln->gen + 1);
	return 0;

err_policy:
	lyncedge_policy_free(policy);
err_config:
	lyncedge_config_free(new);
	return err;
}

static int lyncedge_netdev_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);

	/* Also sent when an interface leaves for another namespace. */
	if (event == NETDEV_UNREGISTER)
		lyncedge_set_role(dev_net(dev), dev->ifindex, LYNCEDGE_ROLE_NONE, NULL);
	return NOTIFY_DONE;
}

static struct notifier_block lyncedge_netdev_notifier = {
	.notifier_call = lyncedge_netdev_event,
};

static int __net_init lyncedge_net_init(struct net *net)
{
	struct lyncedge_net *ln = lyncedge_pernet(net);
	struct lyncedge_config *config;
	int err;

	xa_init(&ln->roles);
	/* Not 0: netlink takes a dump's first sequence of 0 as "none yet". */
	ln->gen = 1;
	ln->next_custom_id = LYNCEDGE_CUSTOM_ID_MIN;
	config = kmalloc(sizeof(*config), GFP_KERNEL);
	if (!config)
		return -ENOMEM;
	lyncedge_config_default(config);
	RCU_INIT_POINTER(ln->config, config);
	mutex_init(&ln->reset_lock);
	seqcount_mutex_init(&ln->base_seq, &ln->reset_lock);
	lyncedge_events_init(&ln->events, config);
	ln->stats = lyncedge_stats_alloc();
	if (!ln->stats) {
		err = -ENOMEM;
		goto err_config;
	}
	err = lyncedge_proc_init(net);
	if (err)
		goto err_stats;
	return 0;

err_stats:
	free_percpu(ln->stats);
err_config:
	mutex_destroy(&ln->reset_lock);
	lyncedge_config_free(config);
	return err;
}

/*
 * A dying namespace has lost its interfaces, and with them its roles and
 * hooks, before this runs; only module unload finds them still here.
 */
static void __net_exit lyncedge_net_exit(struct net *net)
{
	struct lyncedge_net *ln = lyncedge_pernet(net);

	lyncedge_proc_exit(net);
	lyncedge_netns_unhook(net);
	xa_destroy(&ln->roles);
	/* Hooks in flight may still count: wait for them before freeing. */
	synchronize_net();
	free_percpu(ln->stats);
	mutex_destroy(&ln->reset_lock);
	lyncedge_config_free(rcu_access_pointer(ln->config));
}

static struct pernet_operations lyncedge_net_ops = {
	.init = lyncedge_net_init,
	.exit = lyncedge_net_exit,
	.id = &lyncedge_net_id,
	.size = sizeof(struct lyncedge_net),
};

int lyncedge_netns_init(void)
{
	int err;

	err = register_pernet_subsys(&lyncedge_net_ops);
	if (err)
		return err;
	err = register_netdevice_notifier(&lyncedge_netdev_notifier);
	if (err)
		unregister_pernet_subsys(&lyncedge_net_ops);
	return err;
}

void lyncedge_netns_exit(void)
{
	unregister_netdevice_notifier(&lyncedge_netdev_notifier);
	unregister_pernet_subsys(&lyncedge_net_ops);
	/* The last policies and configurations are freed by call_rcu callbacks here. */
	rcu_barrier();
}
