// SPDX-License-Identifier: GPL-2.0
/*
 * export nft|iptables|ip6tables|ipset|iptables-ipset|ip6tables-ipset: the
 * policy of this namespace as another filter's ruleset, for a host that
 * cannot load the module, for reading the policy in a known language, and
 * for the differential test and the benchmarks that hold lyncedge to it.
 * What the rulesets share is here; export_nft.c and export_ipt.c write them.
 */
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "genl.h"
#include "lyncedgectl.h"
#include "names.h"

enum export_lang {
	EXPORT_NFT,
	EXPORT_IPTABLES,
	EXPORT_IP6TABLES,
	EXPORT_IPSET,
	EXPORT_IPTABLES_IPSET,
	EXPORT_IP6TABLES_IPSET,
};

static const char *const export_words[] = {
	[EXPORT_NFT] = "nft",
	[EXPORT_IPTABLES] = "iptables",
	[EXPORT_IP6TABLES] = "ip6tables",
	[EXPORT_IPSET] = "ipset",
	[EXPORT_IPTABLES_IPSET] = "iptables-ipset",
	[EXPORT_IP6TABLES_IPSET] = "ip6tables-ipset",
};

bool export_enabled(const struct rule *r)
{
	return !r->drop && (r->custom || r->enabled);
}

static bool export_service_any(const struct snapshot *s, const struct rule *r)
{
	return !r->service || r->service > LYNCEDGE_SERVICE_MAX ||
	       !s->conf.naddrs[r->service - 1];
}

/* As the module's lyncedge_peer_allowed(): no condition until a group has a peer. */
static bool export_peers_any(const struct snapshot *s, const struct rule *r)
{
	unsigned int i;

	for (i = 0; i < s->conf.npeers; i++)
		if (s->conf.peers[i].group < 32 && (r->groups & (1U << s->conf.peers[i].group)))
			return false;
	return true;
}

bool export_unbound(const struct snapshot *s, const struct rule *r)
{
	return export_service_any(s, r) && export_peers_any(s, r);
}

/* buf is an export_side's entry: an address and "/LEN". */
static void export_addr(char *buf, int family, const uint8_t *addr, int len)
{
	size_t n, size = sizeof(((struct export_side *)0)->v[0]);

	inet_ntop(family, addr, buf, INET6_ADDRSTRLEN);
	n = strlen(buf);
	if (len >= 0)
		snprintf(buf + n, size - n, "/%d", len);
}

/* The link itself, inside every internal network, as the module's lyncedge_link[]. */
static const struct {
	int family;
	const char *addr;
	uint8_t len;
} export_link[] = {
	{ AF_INET, "224.0.0.0", 4 }, { AF_INET, "255.255.255.255", 32 }, { AF_INET, "0.0.0.0", 32 },
	{ AF_INET6, "ff00::", 8 }, { AF_INET6, "fe80::", 10 }, { AF_INET6, "::", 128 },
};

#define EXPORT_LINK_N (sizeof(export_link) / sizeof(export_link[0]))

/* Whether a takes in every address of b. */
static bool export_net_covers(const struct conf_net *a, const struct conf_net *b)
{
	unsigned int i, full = a->len / 8;
	uint8_t mask;

	if (a->family != b->family || a->len > b->len)
		return false;
	for (i = 0; i < full; i++)
		if (a->addr[i] != b->addr[i])
			return false;
	if (!(a->len % 8))
		return true;
	mask = (uint8_t)(0xff << (8 - a->len % 8));
	return (a->addr[full] & mask) == (b->addr[full] & mask);
}

void export_internal(const struct snapshot *s, int family, struct export_side *side)
{
	struct conf_net v[LYNCEDGE_INTERNAL_NETS_MAX + EXPORT_LINK_N];
	unsigned int i, j, n = 0;

	for (i = 0; i < s->conf.ninternal; i++)
		if (s->conf.internal[i].family == family)
			v[n++] = s->conf.internal[i];
	for (i = 0; i < EXPORT_LINK_N; i++) {
		if (export_link[i].family != family)
			continue;
		memset(&v[n], 0, sizeof(v[n]));
		v[n].family = family;
		v[n].len = export_link[i].len;
		inet_pton(family, export_link[i].addr, v[n++].addr);
	}
	side->any = false;
	side->n = 0;
	for (i = 0; i < n; i++) {
		/* one that another takes in goes; of two equal ones, the first stays */
		for (j = 0; j < n; j++)
			if (j != i && export_net_covers(&v[j], &v[i]) &&
			    (v[j].len < v[i].len || j < i))
				break;
		if (j == n)
			export_addr(side->v[side->n++], family, v[i].addr, v[i].len);
	}
}

bool export_cond(const struct snapshot *s, const struct rule *r, int family,
		 struct export_cond *c)
{
	const struct conf *conf = &s->conf;
	unsigned int i;

	c->edge.any = export_service_any(s, r);
	c->edge.n = 0;
	for (i = 0; !c->edge.any && i < conf->naddrs[r->service - 1]; i++) {
		const struct conf_addr *a = &conf->addrs[r->service - 1][i];

		if (a->family == family)
			export_addr(c->edge.v[c->edge.n++], family, a->addr, -1);
	}
	c->peer.any = export_peers_any(s, r);
	c->peer.n = 0;
	for (i = 0; !c->peer.any && i < conf->npeers; i++) {
		const struct conf_peer *p = &conf->peers[i];

		if (p->group < 32 && (r->groups & (1U << p->group)) && p->family == family)
			export_addr(c->peer.v[c->peer.n++], family, p->addr, p->len);
	}
	return (c->edge.any || c->edge.n) && (c->peer.any || c->peer.n);
}

static bool export_same_range(const struct rule *a, const struct rule *b)
{
	return a->role == b->role && a->dir == b->dir && a->proto == b->proto &&
	       a->port_min == b->port_min && a->port_max == b->port_max;
}

size_t export_group(const struct snapshot *s, size_t i,
		    const struct rule *out[EXPORT_GROUP_MAX])
{
	const struct rule *v = s->rules.v;
	size_t j, n = 0;
	int bound;

	if (!export_enabled(&v[i]))
		return 0;
	for (j = 0; j < i; j++)
		if (export_enabled(&v[j]) && export_same_range(&v[j], &v[i]))
			return 0;
	/* lyncedge_match(): a rule whose service lists the address wins over one that takes any. */
	for (bound = 1; bound >= 0; bound--)
		for (j = i; j < s->rules.n; j++)
			if (export_enabled(&v[j]) && export_same_range(&v[j], &v[i]) &&
			    export_service_any(s, &v[j]) != bound && n < EXPORT_GROUP_MAX)
				out[n++] = &v[j];
	return n;
}

void export_quoted(FILE *f, const char *prefix, const char *s)
{
	fprintf(f, "\"%s", prefix);
	for (; *s; s++) {
		if (*s == '"')
			fputc('\'', f);
		else if (*s == '\\')
			fputc('/', f);
		else if ((unsigned char)*s < ' ')
			fputc(' ', f);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

void export_chain_word(char *buf, size_t len, unsigned int role, unsigned int dir)
{
	snprintf(buf, len, "%s_%s", role_name(role), dir_name(dir));
}

void export_set_name(char *buf, size_t len, unsigned int role, unsigned int dir,
		     unsigned int proto)
{
	snprintf(buf, len, "lyncedge-%s-%s-%s", role_name(role), dir_name(dir),
		 proto_name(proto));
}

/* Interface names go into the rulesets inside quotes, as they are. */
static int export_check(const struct snapshot *s)
{
	size_t i;

	if (s->conf.deployment != LYNCEDGE_DEPLOYMENT_HOST) {
		pr_err("export writes the host deployment's rules only; this namespace is a %s",
		       deployment_name(s->conf.deployment));
		return -1;
	}
	for (i = 0; i < s->conf.nroles; i++) {
		if (strpbrk(s->conf.roles[i].name, "\"\\'")) {
			pr_err("interface name %s cannot be written in a ruleset", s->conf.roles[i].name);
			return -1;
		}
	}
	return 0;
}

enum cmd_status cmd_export(int argc, char **argv)
{
	static struct snapshot s;
	struct genl_ctx ctx;
	size_t lang;
	int ret;

	if (argc != 2)
		return CMD_USAGE;
	for (lang = 0; lang < sizeof(export_words) / sizeof(export_words[0]); lang++)
		if (!strcmp(argv[1], export_words[lang]))
			break;
	if (lang == sizeof(export_words) / sizeof(export_words[0]))
		return CMD_USAGE;
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	ret = snapshot_take(&ctx, &s);
	genl_close(&ctx);
	if (!ret)
		ret = export_check(&s);
	if (!ret) {
		switch (lang) {
		case EXPORT_NFT:
			export_nft(stdout, &s);
			break;
		case EXPORT_IPSET:
			export_ipset(stdout, &s);
			break;
		default:
			export_iptables(stdout, &s,
					lang == EXPORT_IPTABLES || lang == EXPORT_IPTABLES_IPSET ?
					AF_INET : AF_INET6,
					lang >= EXPORT_IPTABLES_IPSET);
			break;
		}
	}
	snapshot_free(&s);
	return ret ? CMD_FAIL : CMD_OK;
}
