/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Snapshots: built from roles and a configuration, bound to the interfaces
 * that have the roles' names, installed with one pointer swap. Every
 * function here runs with the namespace's lock held (commit.c takes it).
 */
#ifndef _LYNCEDGE_SNAPSHOT_H
#define _LYNCEDGE_SNAPSHOT_H

#include <linux/netlink.h>

#include "change.h"
#include "lyncedge.h"

static inline struct lyncedge_snap *lyncedge_snap_current(struct lyncedge_net *ln)
{
	return rcu_dereference_protected(ln->snap, lockdep_is_held(&ln->lock));
}

/*
 * The roles old has with the change's applied (a new list, or one role
 * given or taken away), checked, sorted by name, in a new array for the
 * caller to kfree(); ERR_PTR with the reason in extack.
 */
struct lyncedge_role_name *lyncedge_roles_apply(struct net *net, const struct lyncedge_snap *old,
						const struct lyncedge_change *ch,
						unsigned int *nroles,
						struct netlink_ext_ack *extack);

/*
 * A snapshot of the roles and config (whose reference it takes over), bound
 * to the interfaces of net that have those names now; NULL without memory.
 */
struct lyncedge_snap *lyncedge_snap_new(struct net *net, const struct lyncedge_role_name *roles,
					unsigned int nroles, const struct lyncedge_config *config,
					u32 gen);

/*
 * Makes snap the namespace's: the hooks it needs first, then the swap,
 * then the hooks it does not need go. Returns the snapshot it replaced
 * (for the caller to retire or keep), or an ERR_PTR and nothing changed.
 */
struct lyncedge_snap *lyncedge_snap_install(struct net *net, struct lyncedge_net *ln,
					    struct lyncedge_snap *snap,
					    struct netlink_ext_ack *extack);

/* Frees a snapshot no reader can have (never installed). */
void lyncedge_snap_free(struct lyncedge_snap *snap);
/* Frees an installed snapshot once the readers that may have it are done. */
void lyncedge_snap_retire(struct lyncedge_snap *snap);

/* The role given to name in snap, or LYNCEDGE_ROLE_NONE. */
unsigned int lyncedge_snap_named(const struct lyncedge_snap *snap, const char *name);

/* The namespace's first snapshot (no roles, the default configuration), and its last. */
int lyncedge_snap_init(struct lyncedge_net *ln);
void lyncedge_snap_exit(struct net *net, struct lyncedge_net *ln);

#endif /* _LYNCEDGE_SNAPSHOT_H */
