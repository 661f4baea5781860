// SPDX-License-Identifier: GPL-2.0
/*
 * export iptables|ip6tables[-ipset] and export ipset: the policy as
 * iptables-restore input, one chain per (role, direction) with one rule per
 * lyncedge rule (its own packet counter, its id in the comment), as an
 * engineer writes it by hand; or, with ipset, the rules without address
 * conditions as one bitmap:port set per (role, direction, protocol), whose
 * elements carry the counters and the rule ids.
 */
#include <ctype.h>
#include <string.h>

#include "export.h"
#include "names.h"

/* lyncedge_is_ndisc()'s ICMPv6 types: MLD, then router and neighbour discovery. */
static const unsigned int ipt_ndisc[] = { 130, 131, 132, 143, 133, 134, 135, 136, 137 };

static void ipt_chain(char *buf, size_t len, unsigned int role, unsigned int dir)
{
	size_t i;

	snprintf(buf, len, "LYNCEDGE-%s-%s", role_name(role), dir_name(dir));
	for (i = 0; buf[i]; i++)
		buf[i] = toupper((unsigned char)buf[i]);
}

/*
 * The internal side's chain of far ends: those inside the internal networks
 * return to the role's chain; any other is dropped there (audit: let
 * through) and counted, whatever its port.
 */
static void ipt_nets_chain(char *buf, size_t len, unsigned int dir)
{
	ipt_chain(buf, len, LYNCEDGE_ROLE_INTERNAL, dir);
	snprintf(buf + strlen(buf), len - strlen(buf), "-NETS");
}

static void ipt_outside(FILE *f, const struct snapshot *s, unsigned int dir, int family,
			const char *verdict)
{
	struct export_side side;
	char chain[32];
	unsigned int i;

	ipt_nets_chain(chain, sizeof(chain), dir);
	export_internal(s, family, &side);
	for (i = 0; i < side.n; i++)
		fprintf(f, "-A %s -%c %s -j RETURN\n", chain, dir == LYNCEDGE_DIR_IN ? 's' : 'd',
			side.v[i]);
	fprintf(f, "-A %s -m comment --comment \"drop_internal_%s\" -j %s\n", chain,
		dir_name(dir), verdict);
}

/* In a group, the first rule with no address condition: nothing after it is reached. */
static size_t ipt_unbound(const struct snapshot *s, const struct rule **grp, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (export_unbound(s, grp[j]))
			break;
	return j;
}

static void ipt_side(FILE *f, const char *opt, const struct export_side *side)
{
	unsigned int i;

	if (side->any)
		return;
	/* iptables-restore makes a rule of each address of a list. */
	fprintf(f, " %s ", opt);
	for (i = 0; i < side->n; i++)
		fprintf(f, "%s%s", i ? "," : "", side->v[i]);
}

static void ipt_rule(FILE *f, const struct snapshot *s, const char *chain,
		     const struct rule *r, int family)
{
	bool in = r->dir == LYNCEDGE_DIR_IN;
	struct export_cond c;
	char id[24];

	if (!export_cond(s, r, family, &c))
		return;
	fprintf(f, "-A %s -p %s -m %s --dport %u", chain, proto_name(r->proto),
		proto_name(r->proto), r->port_min);
	if (r->port_max != r->port_min)
		fprintf(f, ":%u", r->port_max);
	ipt_side(f, in ? "-s" : "-d", &c.peer);
	ipt_side(f, in ? "-d" : "-s", &c.edge);
	snprintf(id, sizeof(id), "rule_%u ", r->id);
	fputs(" -m comment --comment ", f);
	export_quoted(f, id, r->name);
	fputs(" -j ACCEPT\n", f);
}

/* The rules of one (role, direction, protocol); returns whether its set has members. */
static bool ipt_ports(FILE *f, const struct snapshot *s, const char *chain, unsigned int role,
		      unsigned int dir, unsigned int proto, int family, bool ipset)
{
	const struct rule *grp[EXPORT_GROUP_MAX];
	bool members = false;
	size_t i, j, n, last;

	for (i = 0; i < s->rules.n; i++) {
		const struct rule *r = &s->rules.v[i];

		if (r->role != role || r->dir != dir || r->proto != proto)
			continue;
		n = export_group(s, i, grp);
		last = ipset ? ipt_unbound(s, grp, n) : n;
		for (j = 0; j < last; j++)
			ipt_rule(f, s, chain, grp[j], family);
		members |= last < n;
	}
	return members;
}

static void ipt_role_chain(FILE *f, const struct snapshot *s, unsigned int role, unsigned int dir,
			   int family, bool ipset)
{
	const char *verdict = s->conf.mode[role - 1] == LYNCEDGE_MODE_AUDIT ? "ACCEPT" : "DROP";
	static const unsigned int protos[] = { IPPROTO_TCP, IPPROTO_UDP };
	char chain[32], set[48];
	unsigned int i;

	ipt_chain(chain, sizeof(chain), role, dir);
	for (i = 0; family == AF_INET6 && i < sizeof(ipt_ndisc) / sizeof(ipt_ndisc[0]); i++)
		fprintf(f, "-A %s -p ipv6-icmp -m icmp6 --icmpv6-type %u -j ACCEPT\n", chain,
			ipt_ndisc[i]);
	fprintf(f, "-A %s -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n", chain);
	fprintf(f, "-A %s -m conntrack --ctstate INVALID -m comment --comment \"drop_%s_%s\" -j %s\n",
		chain, role_name(role), dir_name(dir), verdict);
	if (role == LYNCEDGE_ROLE_INTERNAL) {
		ipt_nets_chain(set, sizeof(set), dir);
		fprintf(f, "-A %s -j %s\n", chain, set);
		ipt_outside(f, s, dir, family, verdict);
	}
	for (i = 0; i < 2; i++) {
		if (!ipt_ports(f, s, chain, role, dir, protos[i], family, ipset))
			continue;
		export_set_name(set, sizeof(set), role, dir, protos[i]);
		fprintf(f, "-A %s -p %s -m set --match-set %s dst -m comment --comment "
			"\"the rules without addresses: ipset list %s\" -j ACCEPT\n",
			chain, proto_name(protos[i]), set, set);
	}
	fprintf(f, "-A %s -m comment --comment \"drop_%s_%s\" -j %s\n", chain, role_name(role),
		dir_name(dir), verdict);
}

void export_iptables(FILE *f, const struct snapshot *s, int family, bool ipset)
{
	unsigned int role, dir;
	char chain[32];
	size_t i;

	fprintf(f, "# The lyncedge policy of this namespace as %s rules (lyncedgectl export).\n"
		"# Load it with %s-restore --noflush into a table without them%s.\n"
		"# Each rule's comment names the lyncedge rule it stands for: rule_ID, and\n"
		"# drop_ROLE_DIR for what no rule allows.\n*filter\n",
		family == AF_INET ? "iptables" : "ip6tables",
		family == AF_INET ? "iptables" : "ip6tables",
		ipset ? ", after ipset restore of lyncedgectl export ipset" : "");
	for (role = LYNCEDGE_ROLE_EXTERNAL; role <= LYNCEDGE_ROLE_MAX; role++) {
		for (dir = 0; dir < __LYNCEDGE_DIR_LAST; dir++) {
			ipt_chain(chain, sizeof(chain), role, dir);
			fprintf(f, ":%s - [0:0]\n", chain);
			if (role == LYNCEDGE_ROLE_INTERNAL) {
				ipt_nets_chain(chain, sizeof(chain), dir);
				fprintf(f, ":%s - [0:0]\n", chain);
			}
		}
	}
	for (i = 0; i < s->conf.nroles; i++) {
		for (dir = 0; dir < __LYNCEDGE_DIR_LAST; dir++) {
			ipt_chain(chain, sizeof(chain), s->conf.roles[i].role, dir);
			fprintf(f, "-A %s -%c %s -j %s\n", dir == LYNCEDGE_DIR_IN ? "INPUT" : "OUTPUT",
				dir == LYNCEDGE_DIR_IN ? 'i' : 'o', s->conf.roles[i].name, chain);
		}
	}
	for (role = LYNCEDGE_ROLE_EXTERNAL; role <= LYNCEDGE_ROLE_MAX; role++)
		for (dir = 0; dir < __LYNCEDGE_DIR_LAST; dir++)
			ipt_role_chain(f, s, role, dir, family, ipset);
	fputs("COMMIT\n", f);
}

void export_ipset(FILE *f, const struct snapshot *s)
{
	static const unsigned int protos[] = { IPPROTO_TCP, IPPROTO_UDP };
	const struct rule *grp[EXPORT_GROUP_MAX];
	unsigned int role, dir, p;
	char set[48];
	size_t i, n, u;

	fputs("# The port sets of lyncedgectl export iptables-ipset and ip6tables-ipset\n"
	      "# (ipset restore): each element counts its packets and names its rule.\n", f);
	for (role = LYNCEDGE_ROLE_EXTERNAL; role <= LYNCEDGE_ROLE_MAX; role++) {
		for (dir = 0; dir < __LYNCEDGE_DIR_LAST; dir++) {
			for (p = 0; p < 2; p++) {
				export_set_name(set, sizeof(set), role, dir, protos[p]);
				fprintf(f, "create %s bitmap:port range 0-65535 counters comment -exist\n"
					"flush %s\n", set, set);
				for (i = 0; i < s->rules.n; i++) {
					const struct rule *r = &s->rules.v[i];

					if (r->role != role || r->dir != dir || r->proto != protos[p])
						continue;
					n = export_group(s, i, grp);
					u = ipt_unbound(s, grp, n);
					if (u == n)
						continue;
					fprintf(f, "add %s %u", set, r->port_min);
					if (r->port_max != r->port_min)
						fprintf(f, "-%u", r->port_max);
					fprintf(f, " comment \"rule_%u\"\n", grp[u]->id);
				}
			}
		}
	}
}
