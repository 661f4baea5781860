// SPDX-License-Identifier: GPL-2.0
/*
 * Per network namespace state: its snapshot and changes (commit.c), its
 * counters and drop events, and the netdevice notifier that binds roles to
 * the interfaces that take their names.
 */
#include <linux/netdevice.h>
#include <linux/notifier.h>
#include <net/netns/generic.h>

#include "commit.h"
#include "counters.h"
#include "netns.h"

unsigned int lyncedge_net_id __read_mostly;

/*
 * REGISTER: created, or moved into the namespace (the old one saw
 * UNREGISTER); CHANGENAME: renamed. A failure to rebind refuses those two,
 * so that no interface runs unjudged under a name with a role; an
 * interface going away cannot be refused, and can carry no packet.
 */
static int lyncedge_netdev_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct net *net = dev_net(dev);
	int err;

	switch (event) {
	case NETDEV_REGISTER:
	case NETDEV_CHANGENAME:
	case NETDEV_UNREGISTER:
		err = lyncedge_rebind(net, lyncedge_pernet(net), dev, event);
		if (err && event == NETDEV_UNREGISTER)
			pr_warn("lyncedge: netns %u: %s is gone but still named in the snapshot: %d\n",
				net->ns.inum, dev->name, err);
		return event == NETDEV_UNREGISTER ? NOTIFY_DONE : notifier_from_errno(err);
	default:
		return NOTIFY_DONE;
	}
}

static struct notifier_block lyncedge_netdev_notifier = {
	.notifier_call = lyncedge_netdev_event,
};

static int __net_init lyncedge_net_init(struct net *net)
{
	struct lyncedge_net *ln = lyncedge_pernet(net);
	int err;

	mutex_init(&ln->reset_lock);
	ln->stats = lyncedge_stats_alloc();
	if (!ln->stats) {
		err = -ENOMEM;
		goto err_lock;
	}
	err = lyncedge_commit_init(net, ln);
	if (err)
		goto err_stats;
	return 0;

err_stats:
	lyncedge_stats_free(ln->stats);
err_lock:
	mutex_destroy(&ln->reset_lock);
	return err;
}

static void __net_exit lyncedge_net_exit(struct net *net)
{
	struct lyncedge_net *ln = lyncedge_pernet(net);

	lyncedge_commit_exit(net, ln);
	/* Hooks in flight may still count: wait for them before freeing. */
	synchronize_net();
	lyncedge_stats_free(ln->stats);
	mutex_destroy(&ln->reset_lock);
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
	/* The last snapshots and configurations are freed by call_rcu callbacks here. */
	rcu_barrier();
}
