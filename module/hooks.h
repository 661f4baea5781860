/* SPDX-License-Identifier: GPL-2.0 */
/* A namespace's hooks, of one deployment or the other. */
#ifndef _LYNCEDGE_HOOKS_H
#define _LYNCEDGE_HOOKS_H

#include "lyncedge.h"

/* nf_conntrack's, found at load (main.c) rather than linked against. */
extern int (*lyncedge_ct_get)(struct net *net, u8 nfproto);
extern void (*lyncedge_ct_put)(struct net *net, u8 nfproto);

int lyncedge_hooks_register(struct net *net, struct lyncedge_net *ln, u8 deployment);
void lyncedge_hooks_unregister(struct net *net, struct lyncedge_net *ln, u8 deployment);

#endif /* _LYNCEDGE_HOOKS_H */
