// SPDX-License-Identifier: GPL-2.0
/*
 * The rows of the rules dump, which `show` prints in every form and
 * `reset-counters` prints with the counts it cleared.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "rules.h"

#define RULE_FMT "%-4s %-8s %-3s %-5s %-11s %-7s %-7s %12s %14s %s\n"

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

static uint8_t opt_u8(const struct nlattr *attr)
{
	return attr ? mnl_attr_get_u8(attr) : 0;
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
		return genl_bad_reply();
	r.role = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_ROLE]);
	r.dir = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_DIR]);
	r.packets = mnl_attr_get_u64(tb[LYNCEDGE_A_PACKETS]);
	r.bytes = mnl_attr_get_u64(tb[LYNCEDGE_A_BYTES]);

	if (!tb[LYNCEDGE_A_RULE_ID]) {
		r.drop = true;
	} else {
		if (!tb[LYNCEDGE_A_RULE_PROTO] || !tb[LYNCEDGE_A_RULE_PORT_MIN] ||
		    !tb[LYNCEDGE_A_RULE_PORT_MAX] ||
		    !tb[LYNCEDGE_A_RULE_ENABLED] || !tb[LYNCEDGE_A_RULE_NAME] ||
		    !genl_printable(mnl_attr_get_str(tb[LYNCEDGE_A_RULE_NAME])))
			return genl_bad_reply();
		r.id = mnl_attr_get_u32(tb[LYNCEDGE_A_RULE_ID]);
		r.proto = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_PROTO]);
		r.port_min = mnl_attr_get_u16(tb[LYNCEDGE_A_RULE_PORT_MIN]);
		r.port_max = mnl_attr_get_u16(tb[LYNCEDGE_A_RULE_PORT_MAX]);
		r.custom = !!tb[LYNCEDGE_A_RULE_CUSTOM];
		r.absent = !r.custom && !tb[LYNCEDGE_A_RULE_FEATURE];
		r.feature = opt_u8(tb[LYNCEDGE_A_RULE_FEATURE]);
		r.enabled = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_ENABLED]);
		/* A rule the edition does not have is never enabled. */
		if (r.absent && r.enabled)
			return genl_bad_reply();
		r.media = opt_u8(tb[LYNCEDGE_A_RULE_MEDIA]);
		r.service = opt_u8(tb[LYNCEDGE_A_RULE_SERVICE]);
		if (tb[LYNCEDGE_A_RULE_GROUPS])
			r.groups = mnl_attr_get_u32(tb[LYNCEDGE_A_RULE_GROUPS]);
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

int rules_fetch(struct genl_ctx *ctx, struct nlmsghdr *nlh, struct rules *rules)
{
	return genl_request(ctx, nlh, rule_cb, rules);
}

void rules_free(struct rules *rules)
{
	size_t i;

	for (i = 0; i < rules->n; i++)
		free(rules->v[i].name);
	free(rules->v);
	rules->v = NULL;
	rules->n = 0;
	rules->cap = 0;
}

const char *rule_feature(const struct rule *r)
{
	if (r->custom)
		return "custom";
	return r->absent ? "none" : feature_name(r->feature);
}

void rule_ports(const struct rule *r, char *buf, size_t len)
{
	if (r->port_min == r->port_max)
		snprintf(buf, len, "%u", r->port_min);
	else
		snprintf(buf, len, "%u-%u", r->port_min, r->port_max);
}

static void print_row(FILE *f, const struct rule *r, bool dump)
{
	char id[16], ports[16], packets[24], bytes[24];

	if (dump && r->drop) {
		fprintf(f, "drop\t%s\t%s\t%" PRIu64 "\t%" PRIu64 "\n", role_name(r->role),
			dir_name(r->dir), r->packets, r->bytes);
		return;
	}
	if (dump) {
		fprintf(f, "rule\t%" PRIu32 "\t%s\t%s\t%s\t%u\t%u\t%s\t%s\t%" PRIu64 "\t%" PRIu64
			"\t%s\n", r->id, role_name(r->role), dir_name(r->dir),
			proto_name(r->proto), r->port_min, r->port_max, rule_feature(r),
			r->enabled ? "yes" : "no", r->packets, r->bytes, r->name);
		return;
	}
	snprintf(packets, sizeof(packets), "%" PRIu64, r->packets);
	snprintf(bytes, sizeof(bytes), "%" PRIu64, r->bytes);
	if (r->drop) {
		fprintf(f, RULE_FMT, "drop", role_name(r->role), dir_name(r->dir), "any", "-",
			"-", "-", packets, bytes, "dropped: no rule allows");
		return;
	}
	snprintf(id, sizeof(id), "%" PRIu32, r->id);
	rule_ports(r, ports, sizeof(ports));
	fprintf(f, RULE_FMT, id, role_name(r->role), dir_name(r->dir), proto_name(r->proto),
		ports, rule_feature(r), r->enabled ? "yes" : "no", packets, bytes, r->name);
}

void rules_print(FILE *f, const struct rules *rules, bool dump)
{
	size_t i;

	if (!dump)
		fprintf(f, RULE_FMT, "id", "role", "dir", "proto", "ports", "feature", "enabled",
			"packets", "bytes", "name");
	for (i = 0; i < rules->n; i++)
		print_row(f, &rules->v[i], dump);
}
