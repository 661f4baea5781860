/* SPDX-License-Identifier: GPL-2.0 */
/* Immutable configurations: built from the current one and a change. */
#ifndef _LYNCEDGE_CONFIG_H
#define _LYNCEDGE_CONFIG_H

#include <linux/netlink.h>

#include "change.h"
#include "lyncedge.h"

/* A namespace's first: a reference to the one of the default settings, no custom rules. */
struct lyncedge_config *lyncedge_config_default(void);
int lyncedge_config_init(void);
void lyncedge_config_exit(void);

/*
 * A new configuration: old with the change's configuring parts applied,
 * checked and compiled, or an ERR_PTR with the reason in extack. Custom
 * rules new to it are numbered from next_id on; *nnew says how many ids it
 * took, which the caller hands out only if the configuration is installed.
 */
struct lyncedge_config *lyncedge_config_build(const struct lyncedge_config *old,
					      const struct lyncedge_change *ch, u64 next_id,
					      unsigned int *nnew, struct netlink_ext_ack *extack);

void lyncedge_config_get(const struct lyncedge_config *config);
/*
 * Frees it with the last reference. That goes either before the
 * configuration was ever published, or in the RCU callback of the last
 * snapshot that held it: no reader can see it then.
 */
void lyncedge_config_put(const struct lyncedge_config *config);

/* Whether name may be given to a custom rule or a role: no control characters. */
bool lyncedge_name_printable(const char *name);

#endif /* _LYNCEDGE_CONFIG_H */
