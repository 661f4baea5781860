/* SPDX-License-Identifier: GPL-2.0 */
/* Per network namespace state and its lifetime. */
#ifndef _LYNCEDGE_NETNS_H
#define _LYNCEDGE_NETNS_H

#include <net/netns/generic.h>

#include "lyncedge.h"

extern unsigned int lyncedge_net_id;

static inline struct lyncedge_net *lyncedge_pernet(const struct net *net)
{
	return net_generic(net, lyncedge_net_id);
}

int lyncedge_netns_init(void);
void lyncedge_netns_exit(void);

#endif /* _LYNCEDGE_NETNS_H */
