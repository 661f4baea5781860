// SPDX-License-Identifier: GPL-2.0
/*
 * show --prometheus: the Prometheus text exposition format (version 0.0.4),
 * for node_exporter's textfile collector, e.g.
 *   lyncedgectl show --prometheus >/var/lib/prometheus/node-exporter/lyncedge.prom.$$ &&
 *   mv /var/lib/prometheus/node-exporter/lyncedge.prom.$$ ...lyncedge.prom
 * A reset-counters shows as a counter reset, which rate() and increase()
 * expect.
 */
#include <inttypes.h>

#include "escape.h"
#include "names.h"
#include "show.h"

static void prom_head(FILE *f, const char *metric, const char *type, const char *help)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", metric, help, metric, type);
}

static void prom_rule_labels(FILE *f, const struct rule *r)
{
	char ports[16];

	rule_ports(r, ports, sizeof(ports));
	fprintf(f, "{rule=\"%" PRIu32 "\",role=\"%s\",dir=\"%s\",proto=\"%s\",ports=\"%s\","
		"feature=\"%s\",name=", r->id, role_name(r->role), dir_name(r->dir),
		proto_name(r->proto), ports, rule_feature(r));
	prom_label(f, r->name);
	fputs("}", f);
}

enum prom_field {
	PROM_PACKETS,
	PROM_BYTES,
	PROM_ENABLED,
};

/* One metric over every rule (drop: over the drop counters instead). */
static void prom_rules(FILE *f, const struct rules *rules, const char *metric, bool drop,
		       enum prom_field field)
{
	const struct rule *r;
	size_t i;

	for (i = 0; i < rules->n; i++) {
		r = &rules->v[i];
		if (r->drop != drop)
			continue;
		fputs(metric, f);
		if (drop)
			fprintf(f, "{role=\"%s\",dir=\"%s\"}", role_name(r->role), dir_name(r->dir));
		else
			prom_rule_labels(f, r);
		if (field == PROM_PACKETS)
			fprintf(f, " %" PRIu64 "\n", r->packets);
		else if (field == PROM_BYTES)
			fprintf(f, " %" PRIu64 "\n", r->bytes);
		else
			fprintf(f, " %d\n", r->enabled);
	}
}

/* A counter without labels. */
static void prom_counter(FILE *f, const char *name, const char *help, uint64_t value)
{
	prom_head(f, name, "counter", help);
	fprintf(f, "%s %" PRIu64 "\n", name, value);
}

void show_prometheus(FILE *f, const struct snapshot *s)
{
	size_t i;

	prom_head(f, "lyncedge_rule_packets_total", "counter",
		  "Packets of new flows the rule allowed, since the last reset.");
	prom_rules(f, &s->rules, "lyncedge_rule_packets_total", false, PROM_PACKETS);
	prom_head(f, "lyncedge_rule_bytes_total", "counter",
		  "Bytes of those packets, since the last reset.");
	prom_rules(f, &s->rules, "lyncedge_rule_bytes_total", false, PROM_BYTES);
	prom_head(f, "lyncedge_rule_enabled", "gauge",
		  "1 when the edition has the rule and its feature is on, else 0 (feature none: not in the edition).");
	prom_rules(f, &s->rules, "lyncedge_rule_enabled", false, PROM_ENABLED);
	prom_head(f, "lyncedge_drop_packets_total", "counter",
		  "Packets no rule allowed, by role and direction, since the last reset.");
	prom_rules(f, &s->rules, "lyncedge_drop_packets_total", true, PROM_PACKETS);
	prom_head(f, "lyncedge_drop_bytes_total", "counter",
		  "Bytes of those packets, since the last reset.");
	prom_rules(f, &s->rules, "lyncedge_drop_bytes_total", true, PROM_BYTES);
	prom_counter(f, "lyncedge_events_sent_total",
		     "Drop events sent to listeners (lyncedgectl monitor).", s->events_sent);
	prom_counter(f, "lyncedge_events_suppressed_total",
		     "Drops with a listener but no event, for the event rate limit.",
		     s->events_suppressed);
	prom_counter(f, "lyncedge_diag_av_snat_packets_total",
		     "A/V packets toward the edge whose source this host's NAT rewrote (gateway).",
		     s->diag_av_snat);
	prom_counter(f, "lyncedge_diag_asymmetric_packets_total",
		     "Packets of the edge's service addresses off its external side (gateway).",
		     s->diag_asymmetric);
	prom_counter(f, "lyncedge_diag_outside_packets_total",
		     "Packets on the internal side with a far end outside the internal networks.",
		     s->diag_outside);
	prom_counter(f, "lyncedge_rollbacks_total",
		     "Changes reverted because no confirmation came in time.", s->rollbacks);
	prom_head(f, "lyncedge_confirm_pending", "gauge",
		  "1 while a change awaits confirmation, else 0.");
	fprintf(f, "lyncedge_confirm_pending %d\n", s->confirm_pending);
	prom_head(f, "lyncedge_confirm_seconds_left", "gauge",
		  "Seconds until the change that awaits confirmation reverts, 0 for none.");
	fprintf(f, "lyncedge_confirm_seconds_left %.3f\n", s->confirm_left_ms / 1000.0);
	prom_head(f, "lyncedge_edition", "gauge",
		  "1 for the edition whose port tables the built-in rules follow.");
	fprintf(f, "lyncedge_edition{edition=\"%s\"} 1\n", edition_name(s->conf.edition));
	prom_head(f, "lyncedge_internal_network", "gauge",
		  "1 for each prefix of the internal networks.");
	for (i = 0; i < s->conf.ninternal; i++) {
		fputs("lyncedge_internal_network{prefix=\"", f);
		conf_net_print(f, &s->conf.internal[i]);
		fputs("\"} 1\n", f);
	}
	prom_head(f, "lyncedge_interface_role", "gauge",
		  "1 for each interface name with a role; bound says whether an interface has it.");
	for (i = 0; i < s->conf.nroles; i++) {
		fputs("lyncedge_interface_role{interface=", f);
		prom_label(f, s->conf.roles[i].name);
		fprintf(f, ",role=\"%s\",bound=\"%s\"} 1\n", role_name(s->conf.roles[i].role),
			s->conf.roles[i].ifindex ? "yes" : "no");
	}
}
