/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_SHOW_H
#define LYNCEDGECTL_SHOW_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "conf.h"
#include "rules.h"

/* Everything `show` prints, read from the module in one go. */
struct snapshot {
	struct conf conf;	/* the roles with what they are bound to, too */
	struct rules rules;
	uint64_t events_sent;
	uint64_t events_suppressed;
	uint64_t diag_av_snat;		/* packets, see enum lyncedge_diag */
	uint64_t diag_asymmetric;
	uint64_t diag_outside;
	bool confirm_pending;		/* a change awaits confirmation */
	uint32_t confirm_left_ms;	/* until it reverts */
	uint64_t rollbacks;		/* changes reverted unconfirmed */
};

/*
 * Reads everything into s; on failure prints why and returns -1. Free with
 * snapshot_free() either way.
 */
int snapshot_take(struct genl_ctx *ctx, struct snapshot *s);
void snapshot_free(struct snapshot *s);

/* show --json: the schema is in lyncedgectl.8. */
void show_json(FILE *f, const struct snapshot *s);

/* show --prometheus: the text exposition format, for node_exporter. */
void show_prometheus(FILE *f, const struct snapshot *s);

#endif /* LYNCEDGECTL_SHOW_H */
