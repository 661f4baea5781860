// SPDX-License-Identifier: GPL-2.0
/*
 * export nft: one inet table, written as a careful engineer would: the
 * interfaces' roles and each (role, direction, protocol)'s ports are
 * verdict maps (one lookup, not a rule per port), the media range is an
 * interval, return traffic passes on conntrack's state, and every rule has
 * a named counter.
 */
#include "export.h"
#include "names.h"

/* What lyncedge_is_ndisc() lets through before conntrack is asked. */
#define EXPORT_NDISC "mld-listener-query, mld-listener-report, mld-listener-done, " \
	"mld2-listener-report, nd-router-solicit, nd-router-advert, nd-neighbor-solicit, " \
	"nd-neighbor-advert, nd-redirect"

static void nft_side(FILE *f, const char *family, const char *field,
		     const struct export_side *side)
{
	unsigned int i;

	if (side->any)
		return;
	fprintf(f, "%s %s { ", family, field);
	for (i = 0; i < side->n; i++)
		fprintf(f, "%s%s", i ? ", " : "", side->v[i]);
	fputs(" } ", f);
}

/* One line per family that can match r, or one for both when r has no address. */
static void nft_rule(FILE *f, const struct snapshot *s, const struct rule *r)
{
	static const int families[] = { AF_INET, AF_INET6 };
	bool in = r->dir == LYNCEDGE_DIR_IN;
	struct export_cond c;
	unsigned int i;

	if (export_unbound(s, r)) {
		fprintf(f, "\t\tcounter name \"rule_%u\" accept\n", r->id);
		return;
	}
	for (i = 0; i < 2; i++) {
		const char *family = families[i] == AF_INET ? "ip" : "ip6";

		if (!export_cond(s, r, families[i], &c))
			continue;
		fputs("\t\t", f);
		nft_side(f, family, in ? "saddr" : "daddr", &c.peer);
		nft_side(f, family, in ? "daddr" : "saddr", &c.edge);
		fprintf(f, "counter name \"rule_%u\" accept\n", r->id);
	}
}

/*
 * On the internal side, a flow whose far end is outside the internal
 * networks is dropped whatever its port, before any rule is asked.
 */
static void nft_outside(FILE *f, const struct snapshot *s, const char *chain, unsigned int dir,
			const char *verdict)
{
	static const int families[] = { AF_INET, AF_INET6 };
	struct export_side side;
	unsigned int i, k;

	for (i = 0; i < 2; i++) {
		export_internal(s, families[i], &side);
		fprintf(f, "\t\t%s %s != { ", families[i] == AF_INET ? "ip" : "ip6",
			dir == LYNCEDGE_DIR_IN ? "saddr" : "daddr");
		for (k = 0; k < side.n; k++)
			fprintf(f, "%s%s", k ? ", " : "", side.v[k]);
		fprintf(f, " } counter name \"drop_%s\" %s\n", chain, verdict);
	}
}

/* The vmap of one (role, direction, protocol): each range to its rules' chain. */
static void nft_ports(FILE *f, const struct snapshot *s, unsigned int role, unsigned int dir,
		      unsigned int proto)
{
	const struct rule *grp[EXPORT_GROUP_MAX];
	const char *sep = "";
	size_t i;

	for (i = 0; i < s->rules.n; i++) {
		const struct rule *r = &s->rules.v[i];

		if (r->role != role || r->dir != dir || r->proto != proto ||
		    !export_group(s, i, grp))
			continue;
		if (!*sep)
			fprintf(f, "\t\t%s dport vmap { ", proto_name(proto));
		fprintf(f, "%s%u", sep, r->port_min);
		if (r->port_max != r->port_min)
			fprintf(f, "-%u", r->port_max);
		fprintf(f, " : jump rule_%u", r->id);
		sep = ", ";
	}
	if (*sep)
		fputs(" }\n", f);
}

static void nft_role_chain(FILE *f, const struct snapshot *s, unsigned int role, unsigned int dir)
{
	const char *verdict = s->conf.mode[role - 1] == LYNCEDGE_MODE_AUDIT ? "accept" : "drop";
	char chain[32];

	export_chain_word(chain, sizeof(chain), role, dir);
	fprintf(f, "\tchain %s {\n", chain);
	fprintf(f, "\t\ticmpv6 type { %s } accept\n", EXPORT_NDISC);
	fputs("\t\tct state established,related accept\n", f);
	fprintf(f, "\t\tct state invalid counter name \"drop_%s\" %s\n", chain, verdict);
	if (role == LYNCEDGE_ROLE_INTERNAL)
		nft_outside(f, s, chain, dir, verdict);
	nft_ports(f, s, role, dir, IPPROTO_TCP);
	nft_ports(f, s, role, dir, IPPROTO_UDP);
	fprintf(f, "\t\tcounter name \"drop_%s\" %s\n\t}\n", chain, verdict);
}

/* The base chain of one hook: the interfaces with a role, to their role's chain. */
static void nft_base_chain(FILE *f, const struct snapshot *s, unsigned int dir)
{
	bool in = dir == LYNCEDGE_DIR_IN;
	char chain[32];
	size_t i;

	fprintf(f, "\tchain %s {\n", in ? "input" : "output");
	fprintf(f, "\t\ttype filter hook %s priority filter; policy accept;\n",
		in ? "input" : "output");
	fprintf(f, "\t\t%s vmap { ", in ? "iifname" : "oifname");
	for (i = 0; i < s->conf.nroles; i++) {
		export_chain_word(chain, sizeof(chain), s->conf.roles[i].role, dir);
		fprintf(f, "%s\"%s\" : jump %s", i ? ", " : "", s->conf.roles[i].name, chain);
	}
	fputs(" }\n\t}\n", f);
}

void export_nft(FILE *f, const struct snapshot *s)
{
	const struct rule *grp[EXPORT_GROUP_MAX];
	unsigned int role, dir;
	size_t i, j, n;

	fputs("# The lyncedge policy of this namespace as nftables rules (lyncedgectl export nft).\n"
	      "# Load it with nft -f; loading it again replaces the table. Each counter is\n"
	      "# named after the lyncedge rule it stands for: rule_ID, and drop_ROLE_DIR for\n"
	      "# what no rule allows.\n"
	      "table inet lyncedge\ndelete table inet lyncedge\ntable inet lyncedge {\n", f);
	for (i = 0; i < s->rules.n; i++) {
		const struct rule *r = &s->rules.v[i];

		if (!export_enabled(r))
			continue;
		fprintf(f, "\tcounter rule_%u {\n\t\tcomment ", r->id);
		export_quoted(f, "", r->name);
		fputs("\n\t}\n", f);
	}
	for (role = LYNCEDGE_ROLE_EXTERNAL; role <= LYNCEDGE_ROLE_MAX; role++)
		for (dir = 0; dir < __LYNCEDGE_DIR_LAST; dir++)
			fprintf(f, "\tcounter drop_%s_%s {\n\t\tcomment \"dropped: no rule allows%s\"\n"
				"\t}\n", role_name(role), dir_name(dir),
				role == LYNCEDGE_ROLE_INTERNAL ? ", or outside the internal networks" : "");
	for (i = 0; i < s->rules.n; i++) {
		n = export_group(s, i, grp);
		if (!n)
			continue;
		fprintf(f, "\tchain rule_%u {\n", s->rules.v[i].id);
		for (j = 0; j < n; j++)
			nft_rule(f, s, grp[j]);
		fputs("\t}\n", f);
	}
	for (role = LYNCEDGE_ROLE_EXTERNAL; role <= LYNCEDGE_ROLE_MAX; role++)
		for (dir = 0; dir < __LYNCEDGE_DIR_LAST; dir++)
			nft_role_chain(f, s, role, dir);
	/* No role, no hook: the table then changes nothing, as the module. */
	if (s->conf.nroles) {
		nft_base_chain(f, s, LYNCEDGE_DIR_IN);
		nft_base_chain(f, s, LYNCEDGE_DIR_OUT);
	}
	fputs("}\n", f);
}
