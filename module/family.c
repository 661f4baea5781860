// SPDX-License-Identifier: GPL-2.0
/*
 * The generic netlink family "lyncedge": see include/uapi/linux/lyncedge.h
 * for the contract. netlink.c adds the commands and registers it.
 */
#include <linux/module.h>

#include "compat.h"
#include "family.h"
#include "lyncedge.h"

/* Events carry addresses and ports: listening is for the namespace's admin. */
static const struct genl_multicast_group lyncedge_nl_mcgrps[] = {
	[LYNCEDGE_NL_MCGRP_EVENTS] = { .name = LYNCEDGE_MCGRP_EVENTS,
				       .flags = LYNCEDGE_MCAST_FLAGS },
};

/*
 * resv_start_op stays 0, as for every new family: each command's
 * attributes are validated strictly, the header's reserved byte must be
 * zero, and a command without a policy takes no attribute (6.1; before,
 * LYNCEDGE_GENL_PRE_DOIT checks the last two).
 */

struct genl_family lyncedge_genl_family __ro_after_init = {
	.name = LYNCEDGE_GENL_NAME,
	.version = LYNCEDGE_GENL_VERSION,
	.netnsok = true,
	.module = THIS_MODULE,
	.mcgrps = lyncedge_nl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(lyncedge_nl_mcgrps),
	.pre_doit = LYNCEDGE_GENL_PRE_DOIT,
};

/* A message of a dump, flagged NLM_F_DUMP_INTR when a change came between its parts. */
void *lyncedge_nl_dump_put(struct sk_buff *skb, struct netlink_callback *cb, u8 cmd)
{
	void *hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
				&lyncedge_genl_family, NLM_F_MULTI, cmd);

	if (hdr)
		genl_dump_check_consistent(cb, hdr);
	return hdr;
}
