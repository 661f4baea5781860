// SPDX-License-Identifier: GPL-2.0
/*
 * show [dump|--json|--prometheus]: roles, configuration, rules with their
 * counters, drop counters and event counters, in one of four forms: laid
 * out for people; "dump", one tab-separated record per line for scripts
 * (as `wg show all dump`); JSON; the Prometheus text format.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "genl.h"
#include "lyncedgectl.h"
#include "names.h"
#include "show.h"

/* How often the rules are dumped before a raced table is shown anyway. */
#define RULES_DUMP_TRIES 3

enum show_form {
	SHOW_TEXT,
	SHOW_DUMP,
	SHOW_JSON,
	SHOW_PROMETHEUS,
};

static int stats_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[LYNCEDGE_A_MAX + 1];
	struct snapshot *s = data;

	if (genl_parse(nlh, tb) < 0)
		return MNL_CB_ERROR;
	if (!tb[LYNCEDGE_A_EVENTS_SENT] || !tb[LYNCEDGE_A_EVENTS_SUPPRESSED] ||
	    !tb[LYNCEDGE_A_DIAG_AV_SNAT] || !tb[LYNCEDGE_A_DIAG_ASYMMETRIC] ||
	    !tb[LYNCEDGE_A_DIAG_OUTSIDE] || !tb[LYNCEDGE_A_ROLLBACKS])
		return genl_bad_reply();
	s->events_sent = mnl_attr_get_u64(tb[LYNCEDGE_A_EVENTS_SENT]);
	s->events_suppressed = mnl_attr_get_u64(tb[LYNCEDGE_A_EVENTS_SUPPRESSED]);
	s->diag_av_snat = mnl_attr_get_u64(tb[LYNCEDGE_A_DIAG_AV_SNAT]);
	s->diag_asymmetric = mnl_attr_get_u64(tb[LYNCEDGE_A_DIAG_ASYMMETRIC]);
	s->diag_outside = mnl_attr_get_u64(tb[LYNCEDGE_A_DIAG_OUTSIDE]);
	s->rollbacks = mnl_attr_get_u64(tb[LYNCEDGE_A_ROLLBACKS]);
	s->confirm_pending = tb[LYNCEDGE_A_CONFIRM_LEFT];
	s->confirm_left_ms = s->confirm_pending ? mnl_attr_get_u32(tb[LYNCEDGE_A_CONFIRM_LEFT]) : 0;
	return MNL_CB_OK;
}

static int fetch_rules(struct genl_ctx *ctx, struct rules *rules)
{
	int tries, err;

	for (tries = 1; ; tries++) {
		rules_free(rules);
		err = rules_fetch(ctx, genl_msg(ctx, LYNCEDGE_CMD_GET_RULES, NLM_F_DUMP), rules);
		if (err || !ctx->dump_intr || tries == RULES_DUMP_TRIES)
			break;
	}
	if (!err && ctx->dump_intr)
		pr_err("warning: rules changed in all %d dumps; the table may be inconsistent",
		       RULES_DUMP_TRIES);
	return err;
}

int snapshot_take(struct genl_ctx *ctx, struct snapshot *s)
{
	int err;

	err = conf_get(ctx, &s->conf);
	if (!err)
		err = fetch_rules(ctx, &s->rules);
	if (!err)
		err = genl_request(ctx, genl_msg(ctx, LYNCEDGE_CMD_GET_STATS, 0), stats_cb, s);
	if (err)
		genl_perror(ctx, err);
	return err ? -1 : 0;
}

void snapshot_free(struct snapshot *s)
{
	rules_free(&s->rules);
}

static void print_dump(const struct snapshot *s)
{
	const struct conf *c = &s->conf;
	unsigned int i, j;

	for (i = 0; i < c->nroles; i++) {
		printf("role\t%s\t%s\t", c->roles[i].name, role_name(c->roles[i].role));
		if (c->roles[i].ifindex)
			printf("%" PRIu32 "\n", c->roles[i].ifindex);
		else
			printf("-\n");
	}
	for (i = 0; i < 32; i++)
		if (c->features_set & (1U << i))
			printf("feature\t%s\t%s\n", feature_name(i),
			       c->features & (1U << i) ? "on" : "off");
	printf("media-range\t%u\t%u\n", c->media_min, c->media_max);
	printf("mode\texternal\t%s\nmode\tinternal\t%s\n", mode_name(c->mode[0]),
	       mode_name(c->mode[1]));
	printf("deployment\t%s\n", deployment_name(c->deployment));
	printf("edition\t%s\n", edition_name(c->edition));
	printf("event-rate\t%u\t%u\n", c->event_rate, c->event_burst);
	for (i = 0; i < LYNCEDGE_SERVICE_MAX; i++) {
		for (j = 0; j < c->naddrs[i]; j++) {
			printf("service\t%s\t", service_name(i + 1));
			conf_addr_print(stdout, &c->addrs[i][j]);
			printf("\n");
		}
	}
	for (i = 0; i < c->ninternal; i++) {
		printf("internal-network\t");
		conf_net_print(stdout, &c->internal[i]);
		printf("\n");
	}
	for (i = 0; i < c->npeers; i++) {
		printf("peer\t%s\t", group_name(c->peers[i].group));
		conf_peer_print(stdout, &c->peers[i]);
		printf("\n");
	}
	printf("events\t%" PRIu64 "\t%" PRIu64 "\n", s->events_sent, s->events_suppressed);
	printf("diagnostics\t%" PRIu64 "\t%" PRIu64 "\t%" PRIu64 "\n", s->diag_av_snat,
	       s->diag_asymmetric, s->diag_outside);
	printf("confirm\t%s\t%" PRIu32 "\t%" PRIu64 "\n", s->confirm_pending ? "pending" : "none",
	       s->confirm_left_ms, s->rollbacks);
	rules_print(stdout, &s->rules, true);
}

static void print_text(const struct snapshot *s)
{
	const struct conf *c = &s->conf;
	const char *sep = " ";
	unsigned int f, i;

	printf("roles:\n");
	for (i = 0; i < c->nroles; i++) {
		printf("  %-15s  %-8s  ", c->roles[i].name, role_name(c->roles[i].role));
		if (c->roles[i].ifindex)
			printf("bound (ifindex %" PRIu32 ")\n", c->roles[i].ifindex);
		else
			printf("waiting for an interface of this name\n");
	}
	if (!c->nroles)
		printf("  (none: lyncedge changes nothing in this namespace)\n");
	printf("edition: %s, %s\n", edition_name(c->edition), edition_title(c->edition));
	printf("features:");
	/* The module may know more features than this tool has words for. */
	for (f = 0; f < 32; f++) {
		if (!(c->features_set & (1U << f)))
			continue;
		printf("%s%s %s", sep, feature_name(f), c->features & (1U << f) ? "on" : "off");
		sep = ", ";
	}
	printf("\nmedia range: %u-%u\n", c->media_min, c->media_max);
	printf("mode: external %s, internal %s\n", mode_name(c->mode[0]), mode_name(c->mode[1]));
	printf("deployment: %s\n", c->deployment == LYNCEDGE_DEPLOYMENT_GATEWAY ?
	       "gateway (the traffic this host forwards to and from the edge)" :
	       "host (this host's own traffic)");
	printf("services:");
	for (f = 0; f < LYNCEDGE_SERVICE_MAX; f++) {
		printf("%s%s", f ? "; " : " ", service_name(f + 1));
		if (!c->naddrs[f])
			printf(" any");
		for (i = 0; i < c->naddrs[f]; i++) {
			fputc(' ', stdout);
			conf_addr_print(stdout, &c->addrs[f][i]);
		}
	}
	printf("\ninternal networks:");
	for (f = 0; f < c->ninternal; f++) {
		fputc(' ', stdout);
		conf_net_print(stdout, &c->internal[f]);
	}
	printf("\npeers:");
	if (!c->npeers)
		printf(" none (the internal rows accept any host of the internal networks)");
	for (f = 0; f < c->npeers; f++) {
		printf("%s%s ", f ? ", " : " ", group_name(c->peers[f].group));
		conf_peer_print(stdout, &c->peers[f]);
	}
	printf("\nevents: at most %u a second, bursts of %u; %" PRIu64 " sent, %" PRIu64
	       " suppressed\n", c->event_rate, c->event_burst, s->events_sent,
	       s->events_suppressed);
	printf("diagnostics: %" PRIu64 " A/V packets with their source NATed on the way in, %"
	       PRIu64 " packets of the edge's service addresses on another path, %" PRIu64
	       " packets on the internal side with a far end outside the internal networks\n",
	       s->diag_av_snat, s->diag_asymmetric, s->diag_outside);
	if (s->confirm_pending)
		printf("confirm: a change reverts in %" PRIu32 " s unless confirmed (lyncedgectl confirm); ",
		       (s->confirm_left_ms + 999) / 1000);
	else
		printf("confirm: no change awaits confirmation; ");
	printf("%" PRIu64 " reverted unconfirmed\n", s->rollbacks);
	rules_print(stdout, &s->rules, false);
}

enum cmd_status cmd_show(int argc, char **argv)
{
	static struct snapshot s;
	enum show_form form = SHOW_TEXT;
	struct genl_ctx ctx;
	int ret;

	if (argc > 2)
		return CMD_USAGE;
	if (argc == 2) {
		if (!strcmp(argv[1], "dump"))
			form = SHOW_DUMP;
		else if (!strcmp(argv[1], "--json"))
			form = SHOW_JSON;
		else if (!strcmp(argv[1], "--prometheus"))
			form = SHOW_PROMETHEUS;
		else
			return CMD_USAGE;
	}
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	ret = snapshot_take(&ctx, &s);
	genl_close(&ctx);
	if (!ret) {
		switch (form) {
		case SHOW_TEXT:
			print_text(&s);
			break;
		case SHOW_DUMP:
			print_dump(&s);
			break;
		case SHOW_JSON:
			show_json(stdout, &s);
			break;
		case SHOW_PROMETHEUS:
			show_prometheus(stdout, &s);
			break;
		}
	}
	snapshot_free(&s);
	return ret ? CMD_FAIL : CMD_OK;
}
