/* SPDX-License-Identifier: GPL-2.0 */
/* The gateway deployment's hooks. */
#ifndef _LYNCEDGE_GATEWAY_H
#define _LYNCEDGE_GATEWAY_H

#include <linux/netfilter.h>

extern const struct nf_hook_ops lyncedge_gateway_ops[];
extern const unsigned int lyncedge_gateway_nops;

#endif /* _LYNCEDGE_GATEWAY_H */
