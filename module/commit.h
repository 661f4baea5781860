/* SPDX-License-Identifier: GPL-2.0 */
/* Changing a namespace's state: requests, the notifier, the rollback. */
#ifndef _LYNCEDGE_COMMIT_H
#define _LYNCEDGE_COMMIT_H

#include <linux/netdevice.h>
#include <linux/netlink.h>

#include "change.h"
#include "lyncedge.h"

/* Applies the change whole, or refuses it (extack) and changes nothing. */
int lyncedge_commit(struct net *net, struct lyncedge_net *ln, const struct lyncedge_change *ch,
		    struct netlink_ext_ack *extack);
/* Keeps the change that awaits confirmation; -ENOENT when none does. */
int lyncedge_confirm(struct lyncedge_net *ln, struct netlink_ext_ack *extack);
void lyncedge_rollback_status(struct lyncedge_net *ln, bool *pending, u32 *left_ms,
			      u64 *reverted);
/* For the netdevice notifier: dev registered, renamed or unregistered. */
int lyncedge_rebind(struct net *net, struct lyncedge_net *ln, const struct net_device *dev,
		    unsigned long event);

int lyncedge_commit_init(struct net *net, struct lyncedge_net *ln);
void lyncedge_commit_exit(struct net *net, struct lyncedge_net *ln);

#endif /* _LYNCEDGE_COMMIT_H */
