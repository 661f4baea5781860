/* SPDX-License-Identifier: GPL-2.0 */
/* The editions' port tables, and what the settings make of a built-in rule. */
#ifndef _LYNCEDGE_EDITIONS_H
#define _LYNCEDGE_EDITIONS_H

#include "lyncedge.h"

/* The feature of a rule that the edition has no row for. */
#define LYNCEDGE_FEATURE_ABSENT	0xff

/* The rule's feature under this edition, or LYNCEDGE_FEATURE_ABSENT. */
u8 lyncedge_rule_feature(const struct lyncedge_rule *rule, u8 edition);
/* The rows of the edition's page the rule stands for (the seed's if it has none). */
const char *lyncedge_rule_name(const struct lyncedge_rule *rule, u8 edition);
/* Whether the settings make the rule part of the policy: the one place that says. */
bool lyncedge_rule_enabled(const struct lyncedge_rule *rule, const struct lyncedge_settings *s);
/* Whether every edition's rows are rows of the seed's rules. */
bool lyncedge_editions_valid(void);
/* LYNCEDGE_FEATURE_F_* of the features the edition has rows for. */
u32 lyncedge_edition_features(u8 edition);

#endif /* _LYNCEDGE_EDITIONS_H */
