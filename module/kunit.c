// SPDX-License-Identifier: GPL-2.0
/*
 * lyncedge_kunit.ko: KUnit tests of the policy engine, built only against a
 * kernel with CONFIG_KUNIT (the project's debug kernel). The engine's files
 * are compiled in here, so that the tests reach their static helpers and need
 * nothing exported from lyncedge.ko.
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "policy.c"
#include "editions.c"
#include "compile.c"
#include "counters.c"
#include "config.c"
#include "match.c"

/* Rows per table of the seed: external, internal, federation, public IM, XMPP. */
static const struct {
	const char *table;
	unsigned int rows;
} lyncedge_kunit_seed[] = {
	{ "ext", 16 }, { "int", 11 }, { "fed", 1 }, { "pim", 6 }, { "xmpp", 3 },
};

/* How many times the names cite row n of table, inside their [...] lists. */
static unsigned int lyncedge_kunit_cites(const char *table, unsigned int n)
{
	unsigned int i, count = 0;
	char tag[16];

	snprintf(tag, sizeof(tag), "%s#%u", table, n);
	for (i = 0; i < lyncedge_nrules; i++) {
		const char *open = strchr(lyncedge_rules[i].name, '[');
		const char *close = open ? strchr(open, ']') : NULL;
		const char *p = open;
		size_t len = strlen(tag);

		while (p && close && (p = strnstr(p, tag, close - p))) {
			/* ext#1 must not match inside ext#10 */
			if (p[len] == ' ' || p[len] == ']')
				count++;
			p += len;
		}
	}
	return count;
}

static void lyncedge_kunit_every_seed_row_once(struct kunit *test)
{
	unsigned int t, n;

	for (t = 0; t < ARRAY_SIZE(lyncedge_kunit_seed); t++) {
		const char *table = lyncedge_kunit_seed[t].table;

		for (n = 1; n <= lyncedge_kunit_seed[t].rows; n++)
			KUNIT_EXPECT_EQ_MSG(test, lyncedge_kunit_cites(table, n), 1U, "%s#%u",
					    table, n);
		/* and no row past the table's end */
		KUNIT_EXPECT_EQ(test, lyncedge_kunit_cites(table, n), 0U);
	}
}

/* Ids are positions, and never move: tools and dashboards key on them. */
static void lyncedge_kunit_ids_stable(struct kunit *test)
{
	unsigned int i;

	KUNIT_EXPECT_EQ(test, lyncedge_nrules, 28U);
	for (i = 0; i < lyncedge_nrules; i++)
		KUNIT_EXPECT_EQ(test, lyncedge_rules[i].id, i + 1);
	KUNIT_EXPECT_EQ(test, lyncedge_policy_check(), 0);
}

static bool lyncedge_kunit_same_set(const struct lyncedge_rule *a, const struct lyncedge_rule *b)
{
	return a->role == b->role && a->dir == b->dir && a->proto == b->proto;
}

/*
 * Two rules of one (role, direction, protocol) either share no port or
 * share their whole range; the only ones that share are the three rows of
 * external in tcp 443 (rules 5, 27 and 28), which services tell apart.
 */
static void lyncedge_kunit_no_unintended_overlap(struct kunit *test)
{
	const struct lyncedge_rule *a, *b;
	unsigned int i, j;

	for (i = 0; i < lyncedge_nrules; i++) {
		for (j = i + 1; j < lyncedge_nrules; j++) {
			a = &lyncedge_rules[i];
			b = &lyncedge_rules[j];
			if (!lyncedge_kunit_same_set(a, b) ||
			    a->port_max < b->port_min || b->port_max < a->port_min)
				continue;
			KUNIT_EXPECT_TRUE_MSG(test, a->port_min == b->port_min &&
					      a->port_max == b->port_max,
					      "rules %u and %u overlap", a->id, b->id);
			KUNIT_EXPECT_TRUE_MSG(test, (a->id == 5 && (b->id == 27 || b->id == 28)) ||
					      (a->id == 27 && b->id == 28),
					      "rules %u and %u share ports", a->id, b->id);
		}
	}
}

static struct lyncedge_settings *lyncedge_kunit_settings(struct kunit *test, u32 features)
{
	struct lyncedge_settings *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	lyncedge_settings_default(s);
	s->features = features;
	return s;
}

/*
 * Each edition's rules as the SfB page lists them, written apart from
 * editions.c: the rules it has (by seed id), and those of them not core.
 * 2015: all but the seed's inbound OCS 2007 media (10, 11); 2019 and SE
 * also without XMPP (1, 15, 16). Outbound RTP/UDP (9) is core in all three.
 */
static const struct {
	u8 edition;
	u32 absent;
	u32 xmpp;
} lyncedge_kunit_editions[] = {
	{ LYNCEDGE_EDITION_LYNC2013, 0, BIT(1) | BIT(15) | BIT(16) },
	{ LYNCEDGE_EDITION_SFB2015, BIT(10) | BIT(11), BIT(1) | BIT(15) | BIT(16) },
	{ LYNCEDGE_EDITION_SFB2019, BIT(1) | BIT(10) | BIT(11) | BIT(15) | BIT(16), 0 },
	{ LYNCEDGE_EDITION_SFBSE, BIT(1) | BIT(10) | BIT(11) | BIT(15) | BIT(16), 0 },
};

/* Which rules each edition has, in which feature, under its own page's name. */
static void lyncedge_kunit_edition_rows(struct kunit *test)
{
	unsigned int e, i;

	for (e = 0; e < ARRAY_SIZE(lyncedge_kunit_editions); e++) {
		u8 ed = lyncedge_kunit_editions[e].edition;
		u32 ocs = ed == LYNCEDGE_EDITION_LYNC2013 ? BIT(9) | BIT(10) | BIT(11) : 0;

		for (i = 0; i < lyncedge_nrules; i++) {
			const struct lyncedge_rule *r = &lyncedge_rules[i];
			u8 f = lyncedge_rule_feature(r, ed);
			u8 want = LYNCEDGE_FEATURE_CORE;

			if (lyncedge_kunit_editions[e].absent & BIT(r->id))
				want = LYNCEDGE_FEATURE_ABSENT;
			else if (lyncedge_kunit_editions[e].xmpp & BIT(r->id))
				want = LYNCEDGE_FEATURE_XMPP;
			else if (ocs & BIT(r->id))
				want = LYNCEDGE_FEATURE_OCS2007;
			KUNIT_EXPECT_EQ_MSG(test, f, want, "edition %u rule %u", ed, r->id);
			/* a later edition's rule cites its own page, not the seed's tables */
			if (ed == LYNCEDGE_EDITION_LYNC2013 || f == LYNCEDGE_FEATURE_ABSENT)
				continue;
			KUNIT_EXPECT_NULL_MSG(test, strstr(lyncedge_rule_name(r, ed), "pim#"),
					      "edition %u rule %u", ed, r->id);
		}
	}
	KUNIT_EXPECT_EQ(test, lyncedge_edition_features(LYNCEDGE_EDITION_LYNC2013),
			__LYNCEDGE_FEATURE_F_ALL);
	KUNIT_EXPECT_EQ(test, lyncedge_edition_features(LYNCEDGE_EDITION_SFB2015),
			LYNCEDGE_FEATURE_F_CORE | LYNCEDGE_FEATURE_F_XMPP);
	KUNIT_EXPECT_EQ(test, lyncedge_edition_features(LYNCEDGE_EDITION_SFB2019),
			LYNCEDGE_FEATURE_F_CORE);
	KUNIT_EXPECT_EQ(test, lyncedge_edition_features(LYNCEDGE_EDITION_SFBSE),
			LYNCEDGE_FEATURE_F_CORE);
	KUNIT_EXPECT_TRUE(test, lyncedge_editions_valid());
}

/*
 * The SfB page's rows, each cited once by SfB 2015's rules: the external
 * (14) and internal (11) tables, and of the VIP table only its second row
 * (XMPP out, which the other tables lack). 2019 has all but the XMPP rows.
 */
static void lyncedge_kunit_every_sfb_row_once(struct kunit *test)
{
	static const struct { const char *table; unsigned int rows; } sfb[] = {
		{ "ext", 14 }, { "int", 11 },
	};
	char tag[16];
	unsigned int t, n, i, count, want;
	u8 ed;

	for (ed = LYNCEDGE_EDITION_SFB2015; ed <= LYNCEDGE_EDITION_SFB2019; ed++) {
		for (t = 0; t < ARRAY_SIZE(sfb); t++) {
			for (n = 1; n <= sfb[t].rows + 1; n++) {
				snprintf(tag, sizeof(tag), "[%s#%u]", sfb[t].table, n);
				for (i = 0, count = 0; i < lyncedge_nrules; i++)
					if (lyncedge_rule_feature(&lyncedge_rules[i], ed) !=
					    LYNCEDGE_FEATURE_ABSENT &&
					    strstr(lyncedge_rule_name(&lyncedge_rules[i], ed), tag))
						count++;
				/* 2019 lacks ext#1 and int#1, the XMPP rows; no table has n + 1 */
				want = n <= sfb[t].rows &&
				       (ed != LYNCEDGE_EDITION_SFB2019 || n != 1);
				KUNIT_EXPECT_EQ_MSG(test, count, want, "edition %u %s", ed, tag);
			}
		}
	}
}

/* The policy of the settings and custom rules; freed with the test. */
static struct lyncedge_policy *lyncedge_kunit_compile(struct kunit *test,
						      const struct lyncedge_settings *s,
						      const struct lyncedge_custom *custom,
						      unsigned int ncustom)
{
	struct lyncedge_policy *policy = kunit_kzalloc(test, sizeof(*policy), GFP_KERNEL);
	int err;

	KUNIT_ASSERT_NOT_NULL(test, policy);
	err = lyncedge_policy_compile(policy, s, custom, ncustom);
	KUNIT_ASSERT_EQ_MSG(test, err, 0, "compile: %d", err);
	return policy;
}

/* Whether they compile: 0 or the error. */
static int lyncedge_kunit_compiles(struct kunit *test, const struct lyncedge_settings *s,
				   const struct lyncedge_custom *custom, unsigned int ncustom)
{
	struct lyncedge_policy *policy = kunit_kzalloc(test, sizeof(*policy), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, policy);
	return lyncedge_policy_compile(policy, s, custom, ncustom);
}

/*
 * The rule a port of (role, dir, proto) belongs to, worked out the slow way
 * from the table: the first enabled rule whose range has it, or 0.
 */
static u32 lyncedge_kunit_owner(const struct lyncedge_settings *s,
				const struct lyncedge_rule *set, u16 port)
{
	unsigned int i;
	u16 min, max;

	for (i = 0; i < lyncedge_nrules; i++) {
		const struct lyncedge_rule *r = &lyncedge_rules[i];

		if (!lyncedge_kunit_same_set(r, set) || !lyncedge_rule_enabled(r, s))
			continue;
		lyncedge_rule_ports(r, s, &min, &max);
		if (min <= port && port <= max)
			return r->id;
	}
	return 0;
}

struct lyncedge_kunit_features {
	u8 edition;
	u32 features;
};

/* Every combination of features each edition has. */
static const struct lyncedge_kunit_features lyncedge_kunit_feature_sets[] = {
	{ LYNCEDGE_EDITION_LYNC2013, LYNCEDGE_FEATURE_F_CORE },
	{ LYNCEDGE_EDITION_LYNC2013, LYNCEDGE_FEATURE_F_CORE | LYNCEDGE_FEATURE_F_XMPP },
	{ LYNCEDGE_EDITION_LYNC2013, LYNCEDGE_FEATURE_F_CORE | LYNCEDGE_FEATURE_F_OCS2007 },
	{ LYNCEDGE_EDITION_LYNC2013, __LYNCEDGE_FEATURE_F_ALL },
	{ LYNCEDGE_EDITION_SFB2015, LYNCEDGE_FEATURE_F_CORE },
	{ LYNCEDGE_EDITION_SFB2015, LYNCEDGE_FEATURE_F_CORE | LYNCEDGE_FEATURE_F_XMPP },
	{ LYNCEDGE_EDITION_SFB2019, LYNCEDGE_FEATURE_F_CORE },
	{ LYNCEDGE_EDITION_SFBSE, LYNCEDGE_FEATURE_F_CORE },
};

static void lyncedge_kunit_features_desc(const struct lyncedge_kunit_features *f, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "edition %u features %#x", f->edition, f->features);
}

KUNIT_ARRAY_PARAM(lyncedge_kunit_features, lyncedge_kunit_feature_sets,
		  lyncedge_kunit_features_desc);

/*
 * For each feature combination, at both ends and the middle of every rule's
 * range and just outside it, the lookup finds what the table says: the
 * first enabled rule with that port (the head of the rules sharing its
 * range), or none. A disabled rule's ports find nothing.
 */
static void lyncedge_kunit_compile_features(struct kunit *test)
{
	const struct lyncedge_kunit_features *f = test->param_value;
	struct lyncedge_settings *s = lyncedge_kunit_settings(test, f->features);
	struct lyncedge_policy *policy;
	unsigned int i, k;

	s->edition = f->edition;
	policy = lyncedge_kunit_compile(test, s, NULL, 0);

	for (i = 0; i < lyncedge_nrules; i++) {
		const struct lyncedge_rule *r = &lyncedge_rules[i];
		int ports[5] = { r->port_min - 1, r->port_min,
				 r->port_min + (r->port_max - r->port_min) / 2, r->port_max,
				 r->port_max + 1 };

		for (k = 0; k < ARRAY_SIZE(ports); k++) {
			u32 id;

			if (ports[k] < 1 || ports[k] > 65535)
				continue;
			id = lyncedge_policy_lookup(policy, r->role, r->dir, r->proto, ports[k]);
			KUNIT_EXPECT_EQ_MSG(test, id, lyncedge_kunit_owner(s, r, ports[k]),
					    "near rule %u, port %d", r->id, ports[k]);
		}
		if (lyncedge_rule_enabled(r, s))
			continue;
		KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, r->role, r->dir, r->proto,
							     r->port_min), 0U);
	}
	/* Neither TCP nor UDP: no rule, whatever the port. */
	KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, LYNCEDGE_ROLE_EXTERNAL,
						     LYNCEDGE_DIR_IN, IPPROTO_SCTP, 443), 0U);
}

struct lyncedge_kunit_range {
	u16 min, max;
};

static const struct lyncedge_kunit_range lyncedge_kunit_media_ranges[] = {
	{ 50000, 59999 }, { 1024, 1024 }, { 40000, 40999 }, { 60000, 65535 }, { 5070, 5199 },
};

static void lyncedge_kunit_range_desc(const struct lyncedge_kunit_range *r, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "media %u-%u", r->min, r->max);
}

KUNIT_ARRAY_PARAM(lyncedge_kunit_media, lyncedge_kunit_media_ranges, lyncedge_kunit_range_desc);

/* The media rows follow the configured range: its start and end, and not one port more. */
static void lyncedge_kunit_media_edges(struct kunit *test)
{
	const struct lyncedge_kunit_range *range = test->param_value;
	struct lyncedge_settings *s = lyncedge_kunit_settings(test, __LYNCEDGE_FEATURE_F_ALL);
	static const struct { u8 dir, proto; u32 id; } media[] = {
		{ LYNCEDGE_DIR_OUT, IPPROTO_TCP, 8 }, { LYNCEDGE_DIR_OUT, IPPROTO_UDP, 9 },
		{ LYNCEDGE_DIR_IN, IPPROTO_TCP, 10 }, { LYNCEDGE_DIR_IN, IPPROTO_UDP, 11 },
	};
	struct lyncedge_policy *policy;
	unsigned int i;

	s->media_min = range->min;
	s->media_max = range->max;
	policy = lyncedge_kunit_compile(test, s, NULL, 0);
	for (i = 0; i < ARRAY_SIZE(media); i++) {
		u8 d = media[i].dir, p = media[i].proto;
		u8 e = LYNCEDGE_ROLE_EXTERNAL;

		KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, e, d, p, range->min),
				media[i].id);
		KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, e, d, p, range->max),
				media[i].id);
		KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, e, d, p, range->min - 1), 0U);
		if (range->max == 65535)
			continue;
		KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, e, d, p, range->max + 1), 0U);
	}
}

/* A media range that takes in a port of another rule is refused, whole. */
static void lyncedge_kunit_media_overlap_refused(struct kunit *test)
{
	struct lyncedge_settings *s = lyncedge_kunit_settings(test, __LYNCEDGE_FEATURE_F_ALL);
	struct lyncedge_policy *policy;

	/* 3000-4000 takes in 3478, the STUN rows of external udp in and out */
	s->media_min = 3000;
	s->media_max = 4000;
	KUNIT_EXPECT_EQ(test, lyncedge_kunit_compiles(test, s, NULL, 0), -EEXIST);
	/* without ocs2007 only tcp out follows the range, and no tcp out rule is there */
	s->features = LYNCEDGE_FEATURE_F_CORE;
	policy = lyncedge_kunit_compile(test, s, NULL, 0);
	KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, LYNCEDGE_ROLE_EXTERNAL,
						     LYNCEDGE_DIR_OUT, IPPROTO_TCP, 3478), 8U);
}

/* The rows sharing external in tcp 443 are chained in id order. */
static void lyncedge_kunit_shared_range_chain(struct kunit *test)
{
	struct lyncedge_settings *s = lyncedge_kunit_settings(test, LYNCEDGE_FEATURE_F_CORE);
	struct lyncedge_policy *policy = lyncedge_kunit_compile(test, s, NULL, 0);
	u32 id = lyncedge_policy_lookup(policy, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN,
					IPPROTO_TCP, 443);

	KUNIT_EXPECT_EQ(test, id, 5U);
	KUNIT_EXPECT_EQ(test, policy->next[5], 27);
	KUNIT_EXPECT_EQ(test, policy->next[27], 28);
	KUNIT_EXPECT_EQ(test, policy->next[28], 0);
}

/* Custom rules: n of them, every third port from 20000, on external in udp. */
static struct lyncedge_custom *lyncedge_kunit_customs(struct kunit *test, unsigned int n)
{
	struct lyncedge_custom *custom = kunit_kcalloc(test, n, sizeof(*custom), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, custom);
	for (i = 0; i < n; i++) {
		custom[i].id = LYNCEDGE_CUSTOM_ID_MIN + i;
		custom[i].role = LYNCEDGE_ROLE_EXTERNAL;
		custom[i].dir = LYNCEDGE_DIR_IN;
		custom[i].proto = IPPROTO_UDP;
		custom[i].min = 20000 + 3 * i;
		custom[i].max = custom[i].min + 1;
	}
	return custom;
}

/*
 * 1,000 custom ranges: each found at both ends by its own index (the rank
 * over range starts spans many bitmap words), the gaps between them empty.
 */
static void lyncedge_kunit_custom_lookup(struct kunit *test)
{
	unsigned int n = LYNCEDGE_CUSTOM_MAX - 24, i;
	struct lyncedge_settings *s = lyncedge_kunit_settings(test, LYNCEDGE_FEATURE_F_CORE);
	struct lyncedge_custom *custom = lyncedge_kunit_customs(test, n);
	struct lyncedge_policy *policy = lyncedge_kunit_compile(test, s, custom, n);
	u8 e = LYNCEDGE_ROLE_EXTERNAL, in = LYNCEDGE_DIR_IN, udp = IPPROTO_UDP;

	for (i = 0; i < n; i++) {
		u16 min = custom[i].min;
		u32 want = LYNCEDGE_NRULES_MAX + 1 + i;

		KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, e, in, udp, min), want);
		KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, e, in, udp, min + 1), want);
		KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, e, in, udp, min + 2), 0U);
	}
	/* the built-in rules keep their ids among them */
	KUNIT_EXPECT_EQ(test, lyncedge_policy_lookup(policy, e, in, udp, 3478), 13U);
}

/* A custom rule on a built-in rule's port is refused (configuration validation). */
static void lyncedge_kunit_custom_overlap_refused(struct kunit *test)
{
	struct lyncedge_settings *s = lyncedge_kunit_settings(test, LYNCEDGE_FEATURE_F_CORE);
	struct lyncedge_custom *custom = lyncedge_kunit_customs(test, 2);

	custom[0].min = 3478;
	custom[0].max = 3478;
	KUNIT_EXPECT_EQ(test, lyncedge_kunit_compiles(test, s, custom, 1), -EEXIST);
	/* and two custom rules that share a port */
	custom = lyncedge_kunit_customs(test, 2);
	custom[1].min = custom[0].max;
	KUNIT_EXPECT_EQ(test, lyncedge_kunit_compiles(test, s, custom, 2), -EEXIST);
}

static void lyncedge_kunit_v4(struct lyncedge_addr *a, u32 host)
{
	a->family = NFPROTO_IPV4;
	ipv6_addr_set_v4mapped(htonl(host), &a->addr);
}

/* Services: a bound rule takes its addresses only; an unset service takes any. */
static void lyncedge_kunit_service_match(struct kunit *test)
{
	struct lyncedge_services services = {};
	struct lyncedge_addr a, b, mapped;

	lyncedge_kunit_v4(&a, 0xc0000201);
	lyncedge_kunit_v4(&b, 0xc0000202);
	KUNIT_EXPECT_EQ(test, lyncedge_service_match(&services, LYNCEDGE_SERVICE_AV, &a), 0);
	KUNIT_EXPECT_FALSE(test, lyncedge_service_addr(&services, &a));
	services.n[LYNCEDGE_SERVICE_AV - 1] = 1;
	services.a[LYNCEDGE_SERVICE_AV - 1][0] = a;
	KUNIT_EXPECT_EQ(test, lyncedge_service_match(&services, LYNCEDGE_SERVICE_AV, &a), 1);
	KUNIT_EXPECT_EQ(test, lyncedge_service_match(&services, LYNCEDGE_SERVICE_AV, &b), -1);
	KUNIT_EXPECT_EQ(test, lyncedge_service_match(&services, LYNCEDGE_SERVICE_ACCESS, &b), 0);
	KUNIT_EXPECT_EQ(test, lyncedge_service_match(&services, LYNCEDGE_SERVICE_NONE, &b), 0);
	KUNIT_EXPECT_TRUE(test, lyncedge_service_addr(&services, &a));
	KUNIT_EXPECT_FALSE(test, lyncedge_service_addr(&services, &b));
	/* ::ffff:192.0.2.1, an IPv6 address, is not the IPv4 192.0.2.1 */
	mapped = a;
	mapped.family = NFPROTO_IPV6;
	KUNIT_EXPECT_EQ(test, lyncedge_service_match(&services, LYNCEDGE_SERVICE_AV, &mapped), -1);
}

/* A prefix takes addresses of its own family only: ::/0 no IPv4 address. */
static void lyncedge_kunit_peer_family(struct kunit *test)
{
	struct lyncedge_peers *peers = kunit_kzalloc(test, sizeof(*peers), GFP_KERNEL);
	u8 fe = BIT(LYNCEDGE_GROUP_FRONTEND);
	struct lyncedge_addr v4, v6 = { .family = NFPROTO_IPV6 };

	KUNIT_ASSERT_NOT_NULL(test, peers);
	lyncedge_kunit_v4(&v4, 0x0a000102);
	v6.addr.s6_addr[0] = 0x20;
	/* no peer in the group: any address of either family */
	KUNIT_EXPECT_TRUE(test, lyncedge_peer_allowed(peers, fe, &v4));
	KUNIT_EXPECT_TRUE(test, lyncedge_peer_allowed(peers, fe, &v6));
	peers->n[LYNCEDGE_GROUP_FRONTEND] = 1;
	peers->p[LYNCEDGE_GROUP_FRONTEND][0].a.family = NFPROTO_IPV6;
	peers->p[LYNCEDGE_GROUP_FRONTEND][0].len = 0;
	KUNIT_EXPECT_TRUE(test, lyncedge_peer_allowed(peers, fe, &v6));
	KUNIT_EXPECT_FALSE(test, lyncedge_peer_allowed(peers, fe, &v4));
	/* ::ffff:0:0/96, the v4-mapped block, is IPv6's and takes no IPv4 packet */
	peers->p[LYNCEDGE_GROUP_FRONTEND][0].a.addr = v4.addr;
	peers->p[LYNCEDGE_GROUP_FRONTEND][0].len = 96;
	KUNIT_EXPECT_FALSE(test, lyncedge_peer_allowed(peers, fe, &v4));
	/* and 10.0.0.0/8, IPv4's, takes 10.0.1.2 */
	peers->p[LYNCEDGE_GROUP_FRONTEND][0].a = v4;
	peers->p[LYNCEDGE_GROUP_FRONTEND][0].len = 96 + 8;
	KUNIT_EXPECT_TRUE(test, lyncedge_peer_allowed(peers, fe, &v4));
	KUNIT_EXPECT_FALSE(test, lyncedge_peer_allowed(peers, fe, &v6));
}

/* An IPv6 address from its first two 16-bit groups and its last: enough here. */
static void lyncedge_kunit_v6(struct lyncedge_addr *a, u16 g0, u16 g1, u16 last)
{
	memset(a, 0, sizeof(*a));
	a->family = NFPROTO_IPV6;
	a->addr.s6_addr16[0] = htons(g0);
	a->addr.s6_addr16[1] = htons(g1);
	a->addr.s6_addr16[7] = htons(last);
}

/*
 * The default internal networks are the private ranges, and the link is
 * always inside; the Internet, and the edges of each range, are not.
 */
static void lyncedge_kunit_internal_default(struct kunit *test)
{
	struct lyncedge_settings *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	static const struct {
		u32 v4;
		bool inside;
	} v4[] = {
		{ 0x0a000001, true }, { 0x0affffff, true }, { 0x09ffffff, false },
		{ 0x0b000000, false }, { 0xac100001, true }, { 0xac1fffff, true },
		{ 0xac200000, false }, { 0xac0fffff, false }, { 0xc0a80001, true },
		{ 0xc0a90000, false }, { 0xcb007142, false }, { 0xc0000201, false },
		{ 0xe0000016, true }, { 0xefffffff, true }, { 0xffffffff, true },
		{ 0xfffffffe, false }, { 0x00000000, true }, { 0x00000001, false },
	};
	static const struct {
		u16 g0, g1, last;
		bool inside;
	} v6[] = {
		{ 0xfd00, 0x1, 1, true }, { 0xfc00, 0, 1, true }, { 0xfe00, 0, 1, false },
		{ 0x2001, 0xdb8, 1, false }, { 0xfe80, 0, 1, true }, { 0xfec0, 0, 1, false },
		{ 0xff02, 0, 1, true }, { 0, 0, 0, true }, { 0, 0, 1, false },
	};
	struct lyncedge_addr a;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	lyncedge_settings_default(s);
	KUNIT_EXPECT_EQ(test, s->internal.n, 4);
	for (i = 0; i < ARRAY_SIZE(v4); i++) {
		lyncedge_kunit_v4(&a, v4[i].v4);
		KUNIT_EXPECT_EQ_MSG(test, lyncedge_internal(&s->internal, &a), v4[i].inside,
				    "%pI4", &a.addr.s6_addr32[3]);
	}
	for (i = 0; i < ARRAY_SIZE(v6); i++) {
		lyncedge_kunit_v6(&a, v6[i].g0, v6[i].g1, v6[i].last);
		KUNIT_EXPECT_EQ_MSG(test, lyncedge_internal(&s->internal, &a), v6[i].inside,
				    "%pI6c", &a.addr);
	}
	/* 0.0.0.0/0 alone takes every IPv4 address and no IPv6 one */
	s->internal.n = 1;
	memset(&s->internal.p[0], 0, sizeof(s->internal.p[0]));
	lyncedge_kunit_v4(&s->internal.p[0].a, 0);
	s->internal.p[0].len = 96;
	lyncedge_kunit_v4(&a, 0xcb007142);
	KUNIT_EXPECT_TRUE(test, lyncedge_internal(&s->internal, &a));
	lyncedge_kunit_v6(&a, 0x2001, 0xdb8, 1);
	KUNIT_EXPECT_FALSE(test, lyncedge_internal(&s->internal, &a));
}

/*
 * The internal networks are never empty, never twice the same, and keep
 * every peer inside them, whichever of the two a change changes.
 */
static void lyncedge_kunit_internal_refused(struct kunit *test)
{
	struct lyncedge_change_net nets[2] = {};
	struct lyncedge_change_peer peer = { .group = LYNCEDGE_GROUP_FRONTEND };
	struct lyncedge_change ch = { .what = LYNCEDGE_CHANGE_INTERNAL, .nets = nets };
	struct lyncedge_config *base, *one, *c;
	unsigned int nnew;

	KUNIT_ASSERT_EQ(test, lyncedge_config_init(), 0);
	base = lyncedge_config_default();
	c = lyncedge_config_build(base, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(c), -EINVAL);
	/* 198.51.100.0/24 twice */
	lyncedge_kunit_v4(&nets[0].p.a, 0xc6336400);
	nets[0].p.len = 96 + 24;
	nets[1] = nets[0];
	ch.nnets = 2;
	c = lyncedge_config_build(base, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(c), -EEXIST);
	/* a peer outside the default networks, then inside the operator's */
	lyncedge_kunit_v4(&peer.p.a, 0xc6336402);
	peer.p.len = 128;
	ch.what = LYNCEDGE_CHANGE_PEERS;
	ch.npeers = 1;
	ch.peers = &peer;
	c = lyncedge_config_build(base, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(c), -EINVAL);
	ch.what |= LYNCEDGE_CHANGE_INTERNAL;
	ch.nnets = 1;
	one = lyncedge_config_build(base, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(one));
	KUNIT_EXPECT_EQ(test, one->s.internal.n, 1);
	/* the networks back to the default would leave the peer outside */
	lyncedge_kunit_v4(&nets[0].p.a, 0x0a000000);
	nets[0].p.len = 96 + 8;
	ch.what = LYNCEDGE_CHANGE_INTERNAL;
	c = lyncedge_config_build(one, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(c), -EINVAL);
	lyncedge_config_put(one);
	lyncedge_config_put(base);
	lyncedge_config_exit();
}

/*
 * A feature is on only in an edition with its rows: turning it on there, or
 * changing the edition under it, is refused; both in one change, the edition
 * and the feature off, is taken.
 */
static void lyncedge_kunit_edition_refused(struct kunit *test)
{
	struct lyncedge_change ch = {
		.what = LYNCEDGE_CHANGE_FEATURES, .features_selector = LYNCEDGE_FEATURE_F_XMPP,
		.features_value = LYNCEDGE_FEATURE_F_XMPP,
	};
	struct lyncedge_config *base, *xmpp, *c;
	unsigned int nnew;

	KUNIT_ASSERT_EQ(test, lyncedge_config_init(), 0);
	base = lyncedge_config_default();
	xmpp = lyncedge_config_build(base, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(xmpp));
	ch.what = LYNCEDGE_CHANGE_EDITION;
	ch.edition = LYNCEDGE_EDITION_SFB2019;
	c = lyncedge_config_build(xmpp, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(c), -EOPNOTSUPP);
	ch.edition = LYNCEDGE_EDITION_SFB2015;
	c = lyncedge_config_build(xmpp, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(c));
	KUNIT_EXPECT_TRUE(test, lyncedge_rule_enabled(&lyncedge_rules[15], &c->s));
	lyncedge_config_put(c);
	ch.what |= LYNCEDGE_CHANGE_FEATURES;
	ch.edition = LYNCEDGE_EDITION_SFBSE;
	ch.features_value = 0;
	c = lyncedge_config_build(xmpp, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(c));
	KUNIT_EXPECT_EQ(test, c->s.features, LYNCEDGE_FEATURE_F_CORE);
	/* ocs2007 in an SfB edition */
	ch.what = LYNCEDGE_CHANGE_FEATURES;
	ch.features_selector = LYNCEDGE_FEATURE_F_OCS2007;
	ch.features_value = LYNCEDGE_FEATURE_F_OCS2007;
	lyncedge_config_put(xmpp);
	xmpp = lyncedge_config_build(c, &ch, LYNCEDGE_CUSTOM_ID_MIN, &nnew, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(xmpp), -EOPNOTSUPP);
	lyncedge_config_put(c);
	lyncedge_config_put(base);
	lyncedge_config_exit();
}

/*
 * Custom rule ids are never reused, so the space has an end: the last id
 * is given, then the change that needs one more is refused, not wrapped
 * into the built-in ids.
 */
static void lyncedge_kunit_custom_ids_end(struct kunit *test)
{
	struct lyncedge_change_custom cc[2] = {
		{ .c = { .role = LYNCEDGE_ROLE_EXTERNAL, .dir = LYNCEDGE_DIR_IN,
			 .proto = IPPROTO_UDP, .min = 20000, .max = 20000, .name = "a" } },
		{ .c = { .role = LYNCEDGE_ROLE_EXTERNAL, .dir = LYNCEDGE_DIR_IN,
			 .proto = IPPROTO_UDP, .min = 20001, .max = 20001, .name = "b" } },
	};
	struct lyncedge_change ch = { .what = LYNCEDGE_CHANGE_CUSTOM, .ncustom = 1, .custom = cc };
	struct lyncedge_config *base, *one, *two;
	unsigned int nnew;

	KUNIT_ASSERT_EQ(test, lyncedge_config_init(), 0);
	base = lyncedge_config_default();
	one = lyncedge_config_build(base, &ch, U32_MAX, &nnew, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(one));
	KUNIT_EXPECT_EQ(test, nnew, 1U);
	KUNIT_EXPECT_EQ(test, one->custom[0].id, U32_MAX);
	/* the kept rule keeps U32_MAX; the new one would need U32_MAX + 1 */
	ch.ncustom = 2;
	two = lyncedge_config_build(one, &ch, (u64)U32_MAX + 1, &nnew, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(two), -ENOSPC);
	KUNIT_EXPECT_EQ(test, nnew, 0U);
	lyncedge_config_put(one);
	lyncedge_config_put(base);
	lyncedge_config_exit();
}

/* The hooks' role lookup, scanning a few bindings and searching many. */
static void lyncedge_kunit_snap_role(struct kunit *test)
{
	unsigned int n, i;

	for (n = 0; n <= 3 * LYNCEDGE_SCAN_BOUND; n++) {
		struct lyncedge_snap *snap = kunit_kzalloc(test, struct_size(snap, bound, n),
							   GFP_KERNEL);
		struct net_device *dev = kunit_kzalloc(test, sizeof(*dev), GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, snap);
		KUNIT_ASSERT_NOT_NULL(test, dev);
		/* ifindexes 3, 10, 17, ...: collisions in the mask of 64 on purpose */
		for (i = 0; i < n; i++) {
			snap->bound[i].ifindex = 3 + 7 * i;
			snap->bound[i].role = LYNCEDGE_ROLE_EXTERNAL + i % 2;
			snap->mask |= BIT_ULL((3 + 7 * i) % 64);
		}
		snap->nbound = n;
		for (i = 0; i < n; i++) {
			dev->ifindex = 3 + 7 * i;
			KUNIT_EXPECT_EQ(test, lyncedge_snap_role(snap, dev), snap->bound[i].role);
			dev->ifindex = 4 + 7 * i;
			KUNIT_EXPECT_EQ(test, lyncedge_snap_role(snap, dev), LYNCEDGE_ROLE_NONE);
		}
		dev->ifindex = 1;
		KUNIT_EXPECT_EQ(test, lyncedge_snap_role(snap, dev), LYNCEDGE_ROLE_NONE);
		KUNIT_EXPECT_EQ(test, lyncedge_snap_role(snap, NULL), LYNCEDGE_ROLE_NONE);
	}
}

static struct kunit_case lyncedge_kunit_cases[] = {
	KUNIT_CASE(lyncedge_kunit_every_seed_row_once),
	KUNIT_CASE(lyncedge_kunit_ids_stable),
	KUNIT_CASE(lyncedge_kunit_no_unintended_overlap),
	KUNIT_CASE(lyncedge_kunit_edition_rows),
	KUNIT_CASE(lyncedge_kunit_every_sfb_row_once),
	KUNIT_CASE_PARAM(lyncedge_kunit_compile_features, lyncedge_kunit_features_gen_params),
	KUNIT_CASE_PARAM(lyncedge_kunit_media_edges, lyncedge_kunit_media_gen_params),
	KUNIT_CASE(lyncedge_kunit_media_overlap_refused),
	KUNIT_CASE(lyncedge_kunit_shared_range_chain),
	KUNIT_CASE(lyncedge_kunit_custom_lookup),
	KUNIT_CASE(lyncedge_kunit_custom_overlap_refused),
	KUNIT_CASE(lyncedge_kunit_service_match),
	KUNIT_CASE(lyncedge_kunit_peer_family),
	KUNIT_CASE(lyncedge_kunit_internal_default),
	KUNIT_CASE(lyncedge_kunit_internal_refused),
	KUNIT_CASE(lyncedge_kunit_edition_refused),
	KUNIT_CASE(lyncedge_kunit_custom_ids_end),
	KUNIT_CASE(lyncedge_kunit_snap_role),
	{}
};

static struct kunit_suite lyncedge_kunit_suite = {
	.name = "lyncedge_policy",
	.test_cases = lyncedge_kunit_cases,
};

kunit_test_suite(lyncedge_kunit_suite);

MODULE_DESCRIPTION("KUnit tests of the lyncedge policy engine");
MODULE_LICENSE("GPL");
