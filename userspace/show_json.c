// SPDX-License-Identifier: GPL-2.0
/*
 * show --json: one JSON document, its schema in lyncedgectl.8 (JSON OUTPUT).
 * Every key is always there with the same type; lists may be empty.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>
#include <sys/socket.h>

#include "escape.h"
#include "names.h"
#include "show.h"

#define SHOW_JSON_VERSION 5

static void json_addr(FILE *f, uint8_t family, const uint8_t *addr, int len)
{
	char buf[INET6_ADDRSTRLEN + 4];
	size_t n;

	inet_ntop(family, addr, buf, sizeof(buf));
	n = strlen(buf);
	if (len >= 0)
		snprintf(buf + n, sizeof(buf) - n, "/%d", len);
	json_string(f, buf);
}

/* Every role, and the interface it is bound to (null while it waits for one). */
static void json_roles(FILE *f, const struct conf *c)
{
	size_t i;

	fputs("\"roles\":[", f);
	for (i = 0; i < c->nroles; i++) {
		fprintf(f, "%s{\"name\":", i ? "," : "");
		json_string(f, c->roles[i].name);
		fprintf(f, ",\"role\":\"%s\",\"ifindex\":", role_name(c->roles[i].role));
		if (c->roles[i].ifindex)
			fprintf(f, "%" PRIu32 "}", c->roles[i].ifindex);
		else
			fputs("null}", f);
	}
	fputs("]", f);
}

static void json_config(FILE *f, const struct conf *c)
{
	const char *sep = "";
	unsigned int i, j;

	fprintf(f, "\"config\":{\"generation\":%" PRIu32 ",\"features\":{", c->generation);
	for (i = 0; i < 32; i++) {
		if (!(c->features_set & (1U << i)))
			continue;
		fprintf(f, "%s\"%s\":%s", sep, feature_name(i),
			c->features & (1U << i) ? "true" : "false");
		sep = ",";
	}
	fprintf(f, "},\"media_range\":{\"min\":%u,\"max\":%u}", c->media_min, c->media_max);
	fprintf(f, ",\"modes\":{\"external\":\"%s\",\"internal\":\"%s\"}", mode_name(c->mode[0]),
		mode_name(c->mode[1]));
	fprintf(f, ",\"deployment\":\"%s\"", deployment_name(c->deployment));
	fprintf(f, ",\"edition\":\"%s\"", edition_name(c->edition));
	fputs(",\"services\":{", f);
	for (i = 0; i < LYNCEDGE_SERVICE_MAX; i++) {
		fprintf(f, "%s\"%s\":[", i ? "," : "", service_name(i + 1));
		for (j = 0; j < c->naddrs[i]; j++) {
			fputs(j ? "," : "", f);
			json_addr(f, c->addrs[i][j].family, c->addrs[i][j].addr, -1);
		}
		fputs("]", f);
	}
	fputs("},\"internal_networks\":[", f);
	for (i = 0; i < c->ninternal; i++) {
		fputs(i ? "," : "", f);
		json_addr(f, c->internal[i].family, c->internal[i].addr, c->internal[i].len);
	}
	fputs("],\"peers\":[", f);
	for (i = 0; i < c->npeers; i++) {
		fprintf(f, "%s{\"group\":\"%s\",\"prefix\":", i ? "," : "",
			group_name(c->peers[i].group));
		json_addr(f, c->peers[i].family, c->peers[i].addr, c->peers[i].len);
		fputs("}", f);
	}
	fprintf(f, "],\"events\":{\"rate\":%" PRIu32 ",\"burst\":%" PRIu32 "}}", c->event_rate,
		c->event_burst);
}

static void json_groups(FILE *f, uint32_t groups)
{
	const char *sep = "";
	unsigned int g;

	fputs("[", f);
	for (g = 0; g < 32; g++) {
		if (groups & (1U << g)) {
			fprintf(f, "%s\"%s\"", sep, group_name(g));
			sep = ",";
		}
	}
	fputs("]", f);
}

static void json_rule(FILE *f, const struct rule *r)
{
	fprintf(f, "{\"id\":%" PRIu32 ",\"role\":\"%s\",\"dir\":\"%s\",\"proto\":\"%s\","
		"\"port_min\":%u,\"port_max\":%u,\"feature\":\"%s\",\"custom\":%s,"
		"\"enabled\":%s,\"media\":%s,\"service\":\"%s\",\"groups\":",
		r->id, role_name(r->role), dir_name(r->dir), proto_name(r->proto), r->port_min,
		r->port_max, rule_feature(r), r->custom ? "true" : "false",
		r->enabled ? "true" : "false", r->media ? "true" : "false",
		service_name(r->service));
	json_groups(f, r->groups);
	fputs(",\"name\":", f);
	json_string(f, r->name);
	fprintf(f, ",\"packets\":%" PRIu64 ",\"bytes\":%" PRIu64 "}", r->packets, r->bytes);
}

static void json_rules(FILE *f, const struct rules *rules)
{
	const char *sep = "";
	size_t i;

	fputs("\"rules\":[", f);
	for (i = 0; i < rules->n; i++) {
		if (rules->v[i].drop)
			continue;
		fputs(sep, f);
		json_rule(f, &rules->v[i]);
		sep = ",";
	}
	fputs("],\"drops\":[", f);
	sep = "";
	for (i = 0; i < rules->n; i++) {
		const struct rule *r = &rules->v[i];

		if (!r->drop)
			continue;
		fprintf(f, "%s{\"role\":\"%s\",\"dir\":\"%s\",\"packets\":%" PRIu64
			",\"bytes\":%" PRIu64 "}", sep, role_name(r->role), dir_name(r->dir),
			r->packets, r->bytes);
		sep = ",";
	}
	fputs("]", f);
}

void show_json(FILE *f, const struct snapshot *s)
{
	fprintf(f, "{\"version\":%d,", SHOW_JSON_VERSION);
	json_roles(f, &s->conf);
	fputs(",", f);
	json_config(f, &s->conf);
	fputs(",", f);
	json_rules(f, &s->rules);
	fprintf(f, ",\"events\":{\"sent\":%" PRIu64 ",\"suppressed\":%" PRIu64 "}",
		s->events_sent, s->events_suppressed);
	fprintf(f, ",\"diagnostics\":{\"av_snat\":%" PRIu64 ",\"asymmetric\":%" PRIu64
		",\"outside\":%" PRIu64 "}", s->diag_av_snat, s->diag_asymmetric, s->diag_outside);
	fprintf(f, ",\"confirm\":{\"pending\":%s,\"ms_left\":%" PRIu32 ",\"reverted\":%" PRIu64
		"}}\n", s->confirm_pending ? "true" : "false", s->confirm_left_ms, s->rollbacks);
}
