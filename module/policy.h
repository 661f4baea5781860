/* SPDX-License-Identifier: GPL-2.0 */
/* The built-in policy table (the seed's rows) and the default settings. */
#ifndef _LYNCEDGE_POLICY_H
#define _LYNCEDGE_POLICY_H

#include "lyncedge.h"

extern const struct lyncedge_rule lyncedge_rules[];
extern const unsigned int lyncedge_nrules;

void lyncedge_settings_default(struct lyncedge_settings *s);
/* The ports a rule has under these settings (the media rows follow the range). */
void lyncedge_rule_ports(const struct lyncedge_rule *rule, const struct lyncedge_settings *s,
			 u16 *min, u16 *max);

#endif /* _LYNCEDGE_POLICY_H */
