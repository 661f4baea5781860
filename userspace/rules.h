/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_RULES_H
#define LYNCEDGECTL_RULES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "genl.h"

/* One row of LYNCEDGE_CMD_GET_RULES (or of a reset): a rule or a drop counter. */
struct rule {
	bool drop;	/* a drop counter, not a rule */
	bool custom;	/* a site's own rule, which has no feature */
	bool absent;	/* a built-in rule the edition has no row for: no feature */
	uint32_t id;
	uint8_t role;
	uint8_t dir;
	uint8_t proto;
	uint8_t feature;
	uint8_t enabled;
	uint8_t media;
	uint8_t service;
	uint32_t groups;
	uint16_t port_min;
	uint16_t port_max;
	uint64_t packets;
	uint64_t bytes;
	char *name;
};

struct rules {
	struct rule *v;
	size_t n;
	size_t cap;
};

/*
 * Sends nlh (GET_RULES or RESET_COUNTERS) and collects the rows of the
 * answer into rules, which the caller frees with rules_free(). Returns 0 or
 * the errno, as genl_request().
 */
int rules_fetch(struct genl_ctx *ctx, struct nlmsghdr *nlh, struct rules *rules);
void rules_free(struct rules *rules);

/* "custom", "none" (not in the edition) or the feature's word. */
const char *rule_feature(const struct rule *r);

/* "5061" or "50000-59999". */
void rule_ports(const struct rule *r, char *buf, size_t len);

/* The table of `show`, with its header; dump: the tab-separated records. */
void rules_print(FILE *f, const struct rules *rules, bool dump);

#endif /* LYNCEDGECTL_RULES_H */
