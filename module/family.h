/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic netlink family "lyncedge" itself, and the header of its dumps'
 * messages. Its commands are netlink.c's, which registers it; the drop
 * events (events.c) use its multicast group.
 */
#ifndef _LYNCEDGE_FAMILY_H
#define _LYNCEDGE_FAMILY_H

#include <net/genetlink.h>

extern struct genl_family lyncedge_genl_family;

enum {
	LYNCEDGE_NL_MCGRP_EVENTS,
};

/* A message of a dump, flagged NLM_F_DUMP_INTR when a change came between its parts. */
void *lyncedge_nl_dump_put(struct sk_buff *skb, struct netlink_callback *cb, u8 cmd);

#endif /* _LYNCEDGE_FAMILY_H */
