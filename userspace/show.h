/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_SHOW_H
#define LYNCEDGECTL_SHOW_H

#include <net/if.h>
#include <stdint.h>
#include <stdio.h>

#include "conf.h"
#include "rules.h"

struct iface {
	char name[IF_NAMESIZE];
	uint32_t ifindex;
	uint8_t role;
};

/* Everything `show` prints, read from the module in one go. */
struct snapshot {
	struct iface *ifaces;
	size_t nifaces;
	struct conf conf;
	struct rules rules;
	uint64_t events_sent;
	uint64_t events_suppressed;
	uint64_t diag_av_snat;		/* packets, see enum lyncedge_diag */
	uint64_t diag_asymmetric;
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
