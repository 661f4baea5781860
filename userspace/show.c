// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "genl.h"
#include "lyncedgectl.h"
#include "names.h"

/* How often the rules are dumped before a raced table is shown anyway. */
#define RULES_DUMP_TRIES 3

#define RULE_FMT "%-4s %-8s %-3s %-5s %-11s %-7s %-7s %12s %14s %s\n"

/*
 * "show dump": one record per line, tab-separated, its kind first, for
 * scripts (as `wg show all dump`); plain "show" is laid out for people.
 */
static bool dump_form;

struct rule {
	bool drop;	/* a drop counter, not a rule */
	bool custom;	/* a site's own rule, which has no feature */
	uint32_t id;
	uint8_t role;
	uint8_t dir;
	uint8_t proto;
	uint8_t feature;
	uint8_t enabled;
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

static int bad_reply(void)
{
	errno = EBADMSG;
	return MNL_CB_ERROR;
}

static int role_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[LYNCEDGE_A_MAX + 1];
	unsigned int *count = data;

	if (genl_parse(nlh, tb) < 0)
		return MNL_CB_ERROR;
	if (!tb[LYNCEDGE_A_IFNAME] || !tb[LYNCEDGE_A_ROLE])
		return bad_reply();
	printf(dump_form ? "role\t%s\t%s\n" : "  %-15s  %s\n",
	       mnl_attr_get_str(tb[LYNCEDGE_A_IFNAME]),
	       role_name(mnl_attr_get_u8(tb[LYNCEDGE_A_ROLE])));
	(*count)++;
	return MNL_CB_OK;
}

static int show_roles(struct genl_ctx *ctx)
{
	unsigned int count = 0;
	int err;

	if (!dump_form)
		printf("interfaces:\n");
	err = genl_request(ctx, genl_msg(ctx, LYNCEDGE_CMD_GET_ROLE, NLM_F_DUMP),
			   role_cb, &count);
	if (err) {
		genl_perror(ctx, err);
		return -1;
	}
	if (!count && !dump_form)
		printf("  (none: lyncedge changes nothing in this namespace)\n");
	return 0;
}

static void dump_config(const struct conf *c)
{
	unsigned int i, j;

	for (i = 0; i < 32; i++)
		if (c->features_set & (1U << i))
			printf("feature\t%s\t%s\n", feature_name(i),
			       c->features & (1U << i) ? "on" : "off");
	printf("media-range\t%u\t%u\n", c->media_min, c->media_max);
	printf("mode\texternal\t%s\nmode\tinternal\t%s\n", mode_name(c->mode[0]),
	       mode_name(c->mode[1]));
	for (i = 0; i < LYNCEDGE_SERVICE_MAX; i++) {
		for (j = 0; j < c->naddrs[i]; j++) {
			printf("service\t%s\t", service_name(i + 1));
			conf_addr_print(stdout, &c->addrs[i][j]);
			printf("\n");
		}
	}
	for (i = 0; i < c->npeers; i++) {
		printf("peer\t%s\t", group_name(c->peers[i].group));
		conf_peer_print(stdout, &c->peers[i]);
		printf("\n");
	}
}

static int show_config(struct genl_ctx *ctx)
{
	const char *sep = " ";
	static struct conf c;
	unsigned int f;
	int err;

	err = conf_get(ctx, &c);
	if (err) {
		genl_perror(ctx, err);
		return -1;
	}
	if (dump_form) {
		dump_config(&c);
		return 0;
	}
	printf("features:");
	/* The module may know more features than this tool has words for. */
	for (f = 0; f < 32; f++) {
		if (!(c.features_set & (1U << f)))
			continue;
		printf("%s%s %s", sep, feature_name(f), c.features & (1U << f) ? "on" : "off");
		sep = ", ";
	}
	printf("\nmedia range: %u-%u\n", c.media_min, c.media_max);
	printf("mode: external %s, internal %s\n", mode_name(c.mode[0]), mode_name(c.mode[1]));
	printf("services:");
	for (f = 0; f < LYNCEDGE_SERVICE_MAX; f++) {
		unsigned int i;

		printf("%s%s", f ? "; " : " ", service_name(f + 1));
		if (!c.naddrs[f])
			printf(" any");
		for (i = 0; i < c.naddrs[f]; i++) {
			fputc(' ', stdout);
			conf_addr_print(stdout, &c.addrs[f][i]);
		}
	}
	printf("\npeers:");
	if (!c.npeers)
		printf(" none (the internal rows accept any address)");
	for (f = 0; f < c.npeers; f++) {
		printf("%s%s ", f ? ", " : " ", group_name(c.peers[f].group));
		conf_peer_print(stdout, &c.peers[f]);
	}
	printf("\n");
	return 0;
}

static void rules_clear(struct rules *rules)
{
	size_t i;

	for (i = 0; i < rules->n; i++)
		free(rules->v[i].name);
	rules->n = 0;
}

static int rules_add(struct rules *rules, const struct rule *r)
{
	if (rules->n == rules->cap) {
		size_t cap = rules->cap ? 2 * rules->cap : 64;
		struct rule *v = realloc(rules->v, cap * sizeof(*v));

		if (!v)
			return -1;
		rules->v = v;
		rules->cap = cap;
	}
	rules->v[rules->n++] = *r;
	return 0;
}

static int rule_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[LYNCEDGE_A_MAX + 1];
	struct rules *rules = data;
	struct rule r = { 0 };

	if (genl_parse(nlh, tb) < 0)
		return MNL_CB_ERROR;
	if (!tb[LYNCEDGE_A_RULE_ROLE] || !tb[LYNCEDGE_A_RULE_DIR] ||
	    !tb[LYNCEDGE_A_PACKETS] || !tb[LYNCEDGE_A_BYTES])
		return bad_reply();
	r.role = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_ROLE]);
	r.dir = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_DIR]);
	r.packets = mnl_attr_get_u64(tb[LYNCEDGE_A_PACKETS]);
	r.bytes = mnl_attr_get_u64(tb[LYNCEDGE_A_BYTES]);

	if (!tb[LYNCEDGE_A_RULE_ID]) {
		r.drop = true;
	} else {
		if (!tb[LYNCEDGE_A_RULE_PROTO] || !tb[LYNCEDGE_A_RULE_PORT_MIN] ||
		    !tb[LYNCEDGE_A_RULE_PORT_MAX] ||
		    (!tb[LYNCEDGE_A_RULE_FEATURE] && !tb[LYNCEDGE_A_RULE_CUSTOM]) ||
		    !tb[LYNCEDGE_A_RULE_ENABLED] || !tb[LYNCEDGE_A_RULE_NAME])
			return bad_reply();
		r.id = mnl_attr_get_u32(tb[LYNCEDGE_A_RULE_ID]);
		r.proto = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_PROTO]);
		r.port_min = mnl_attr_get_u16(tb[LYNCEDGE_A_RULE_PORT_MIN]);
		r.port_max = mnl_attr_get_u16(tb[LYNCEDGE_A_RULE_PORT_MAX]);
		r.custom = !!tb[LYNCEDGE_A_RULE_CUSTOM];
		if (!r.custom)
			r.feature = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_FEATURE]);
		r.enabled = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_ENABLED]);
		r.name = strdup(mnl_attr_get_str(tb[LYNCEDGE_A_RULE_NAME]));
		if (!r.name)
			return MNL_CB_ERROR;
	}

	if (rules_add(rules, &r) < 0) {
		free(r.name);
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

static const char *rule_feature(const struct rule *r)
{
	return r->custom ? "custom" : feature_name(r->feature);
}

static void print_rule(const struct rule *r)
{
	char id[16], ports[16], packets[24], bytes[24];

	if (dump_form && r->drop) {
		printf("drop\t%s\t%s\t%" PRIu64 "\t%" PRIu64 "\n", role_name(r->role),
		       dir_name(r->dir), r->packets, r->bytes);
		return;
	}
	if (dump_form) {
		printf("rule\t%" PRIu32 "\t%s\t%s\t%s\t%u\t%u\t%s\t%s\t%" PRIu64 "\t%" PRIu64
		       "\t%s\n", r->id, role_name(r->role), dir_name(r->dir), proto_name(r->proto),
		       r->port_min, r->port_max, rule_feature(r),
		       r->enabled ? "yes" : "no", r->packets, r->bytes, r->name);
		return;
	}
	snprintf(packets, sizeof(packets), "%" PRIu64, r->packets);
	snprintf(bytes, sizeof(bytes), "%" PRIu64, r->bytes);
	if (r->drop) {
		printf(RULE_FMT, "drop", role_name(r->role), dir_name(r->dir), "any", "-",
		       "-", "-", packets, bytes, "dropped: no rule allows");
		return;
	}

	snprintf(id, sizeof(id), "%" PRIu32, r->id);
	if (r->port_min == r->port_max)
		snprintf(ports, sizeof(ports), "%u", r->port_min);
	else
		snprintf(ports, sizeof(ports), "%u-%u", r->port_min, r->port_max);
	printf(RULE_FMT, id, role_name(r->role), dir_name(r->dir), proto_name(r->proto),
	       ports, rule_feature(r), r->enabled ? "yes" : "no", packets, bytes,
	       r->name);
}

static int show_rules(struct genl_ctx *ctx)
{
	struct rules rules = { NULL, 0, 0 };
	int tries, err, ret = -1;
	size_t i;

	for (tries = 1; ; tries++) {
		rules_clear(&rules);
		err = genl_request(ctx, genl_msg(ctx, LYNCEDGE_CMD_GET_RULES, NLM_F_DUMP),
				   rule_cb, &rules);
		if (err) {
			genl_perror(ctx, err);
			goto out;
		}
		if (!ctx->dump_intr || tries == RULES_DUMP_TRIES)
			break;
	}
	if (ctx->dump_intr)
		pr_err("warning: rules changed in all %d dumps; the table may be inconsistent",
		       RULES_DUMP_TRIES);

	if (!dump_form)
		printf(RULE_FMT, "id", "role", "dir", "proto", "ports", "feature", "enabled",
		       "packets", "bytes", "name");
	for (i = 0; i < rules.n; i++)
		print_rule(&rules.v[i]);
	ret = 0;
out:
	rules_clear(&rules);
	free(rules.v);
	return ret;
}

enum cmd_status cmd_show(int argc, char **argv)
{
	struct genl_ctx ctx;
	int ret;

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "dump")))
		return CMD_USAGE;
	dump_form = argc == 2;
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	ret = show_roles(&ctx);
	if (!ret)
		ret = show_config(&ctx);
	if (!ret)
		ret = show_rules(&ctx);
	genl_close(&ctx);
	return ret ? CMD_FAIL : CMD_OK;
}
