/* SPDX-License-Identifier: GPL-2.0 */
/* The family's commands: netlink.c's table, nl_config.c's and nl_rules.c's handlers. */
#ifndef _LYNCEDGE_NETLINK_H
#define _LYNCEDGE_NETLINK_H

#include <net/genetlink.h>

#include "lyncedge.h"

extern const struct nla_policy lyncedge_nl_set_config_policy[LYNCEDGE_A_MAX + 1];
int lyncedge_nl_set_config(struct sk_buff *skb, struct genl_info *info);
int lyncedge_nl_get_config(struct sk_buff *skb, struct netlink_callback *cb);

int lyncedge_nl_get_rules(struct sk_buff *skb, struct netlink_callback *cb);
int lyncedge_nl_reset_all(struct sk_buff *skb, struct netlink_callback *cb);
int lyncedge_nl_reset_rule(struct sk_buff *skb, struct genl_info *info);

int lyncedge_genl_init(void);
void lyncedge_genl_exit(void);

#endif /* _LYNCEDGE_NETLINK_H */
