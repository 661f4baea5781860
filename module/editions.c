// SPDX-License-Identifier: GPL-2.0
/*
 * The Edge port tables of the editions after the seed, and what a
 * namespace's edition and features make of a built-in rule.
 *
 * Skype for Business Server 2015 and 2019 share one Microsoft page, "Edge
 * Server environmental requirements in Skype for Business Server"
 * (OfficeDocs-SkypeForBusiness: Skype/SfbServer/plan-your-deployment/
 * edge-server-deployments/edge-environmental-requirements.md), section
 * "Port and firewall planning". Each name cites its rows there as
 * TABLE#ROW, rows counted from 1 below each table's header:
 *   ext   External port firewall summary table
 *   int   Internal port firewall summary table
 *   vip   Hardware load balancers for Edge port tables: External interface
 *         Virtual IPs
 * Subscription Edition has no page of its own: Microsoft documents no Edge
 * port change from 2019, so it takes 2019's rows.
 *
 * A row is the seed's rule with the same role, direction, protocol, ports
 * and service (policy.c), under the seed rule's id: ids never change with
 * the edition, and a rule with no row is not part of the edition.
 */
#include <linux/bits.h>

#include "editions.h"
#include "policy.h"

struct lyncedge_row {
	/* BIT(enum lyncedge_edition) of the editions of the page that have it */
	u8 editions;
	u8 feature;
	const char *name;
};

#define LYNCEDGE_SFB_ALL	(BIT(LYNCEDGE_EDITION_SFB2015) | BIT(LYNCEDGE_EDITION_SFB2019) | \
				 BIT(LYNCEDGE_EDITION_SFBSE))

/* A row of every edition of the page. */
#define LYNCEDGE_SFB_ROW(i, f, n)						\
	[(i) - 1] = { .editions = LYNCEDGE_SFB_ALL,				\
		      .feature = LYNCEDGE_FEATURE_##f, .name = (n) }

/* A row the page marks "not supported in Skype for Business Server 2019". */
#define LYNCEDGE_SFB2015_ROW(i, f, n)						\
	[(i) - 1] = { .editions = BIT(LYNCEDGE_EDITION_SFB2015),		\
		      .feature = LYNCEDGE_FEATURE_##f, .name = (n) }

/*
 * In the page's order. Gone from the seed: its inbound RTP 50,000-59,999
 * rows for OCS 2007 (rules 10 and 11); outbound RTP/UDP (rule 9) is media
 * relaying, core. The outbound XMPP row (rule 15) is only in the VIP table:
 * the XMPP Proxy that takes 5269 (ext#1) also opens it, on any topology.
 */
static const struct lyncedge_row lyncedge_sfb[LYNCEDGE_NRULES_MAX] = {
	LYNCEDGE_SFB2015_ROW(1, XMPP, "XMPP/TCP/5269 from XMPP contacts to the XMPP Proxy [ext#1]"),
	LYNCEDGE_SFB_ROW(2, CORE, "Access/HTTP/TCP/80 CRL check and retrieval [ext#2]"),
	LYNCEDGE_SFB_ROW(3, CORE, "Access/DNS/TCP/53 DNS query over TCP [ext#3]"),
	LYNCEDGE_SFB_ROW(4, CORE, "Access/DNS/UDP/53 DNS query over UDP [ext#4]"),
	LYNCEDGE_SFB_ROW(5, CORE, "Access/SIP(TLS)/TCP/443 [ext#5] (#8, #13 until services tell)"),
	LYNCEDGE_SFB_ROW(6, CORE, "Access/SIP(MTLS)/TCP/5061 federation and public IM [ext#6]"),
	LYNCEDGE_SFB_ROW(7, CORE, "Access/SIP(MTLS)/TCP/5061 federation and public IM [ext#7]"),
	LYNCEDGE_SFB_ROW(27, CORE, "Web Conferencing/PSOM(TLS)/TCP/443 conferencing media [ext#8]"),
	LYNCEDGE_SFB_ROW(8, CORE, "A/V/RTP/TCP/50,000-59,999 relaying media traffic [ext#9]"),
	LYNCEDGE_SFB_ROW(9, CORE, "A/V/RTP/UDP/50,000-59,999 relaying media traffic [ext#10]"),
	LYNCEDGE_SFB_ROW(12, CORE,
			 "A/V/STUN,MSTURN/UDP/3478 Edge version, Edge-to-Edge media [ext#11]"),
	LYNCEDGE_SFB_ROW(13, CORE, "A/V/STUN,MSTURN/UDP/3478 STUN/TURN candidates [ext#12]"),
	LYNCEDGE_SFB_ROW(28, CORE, "A/V/STUN,MSTURN/TCP/443 STUN/TURN candidates [ext#13]"),
	LYNCEDGE_SFB_ROW(14, CORE, "A/V/STUN,MSTURN/TCP/443 STUN/TURN candidates [ext#14]"),
	LYNCEDGE_SFB2015_ROW(15, XMPP, "XMPP/TCP/5269 to XMPP contacts, the XMPP Proxy [vip#2]"),
	LYNCEDGE_SFB2015_ROW(16, XMPP, "XMPP/MTLS/TCP/23456 from the XMPP Gateway [int#1]"),
	LYNCEDGE_SFB_ROW(17, CORE, "SIP/MTLS/TCP/5061 from Director or Front End [int#2]"),
	LYNCEDGE_SFB_ROW(18, CORE, "SIP/MTLS/TCP/5061 to Director or Front End [int#3]"),
	LYNCEDGE_SFB_ROW(19, CORE, "PSOM/MTLS/TCP/8057 web conferencing from Front End [int#4]"),
	LYNCEDGE_SFB_ROW(20, CORE, "SIP/MTLS/TCP/5062 A/V authentication [int#5]"),
	LYNCEDGE_SFB_ROW(21, CORE, "STUN/MSTURN/UDP/3478 preferred A/V media path [int#6]"),
	LYNCEDGE_SFB_ROW(22, CORE, "STUN/MSTURN/TCP/443 fallback A/V media path [int#7]"),
	LYNCEDGE_SFB_ROW(23, CORE, "HTTPS/TCP/4443 Central Management store replication [int#8]"),
	LYNCEDGE_SFB_ROW(24, CORE, "MTLS/TCP/50001 Centralized Logging Service [int#9]"),
	LYNCEDGE_SFB_ROW(25, CORE, "MTLS/TCP/50002 Centralized Logging Service [int#10]"),
	LYNCEDGE_SFB_ROW(26, CORE, "MTLS/TCP/50003 Centralized Logging Service [int#11]"),
};

/* Each edition's table; the seed's (NULL) is policy.c's own rules. */
static const struct lyncedge_row *const lyncedge_edition_rows[] = {
	[LYNCEDGE_EDITION_LYNC2013] = NULL,
	[LYNCEDGE_EDITION_SFB2015] = lyncedge_sfb,
	[LYNCEDGE_EDITION_SFB2019] = lyncedge_sfb,
	[LYNCEDGE_EDITION_SFBSE] = lyncedge_sfb,
};

static_assert(ARRAY_SIZE(lyncedge_edition_rows) == __LYNCEDGE_EDITION_LAST);

/* The edition's row of the rule, NULL when it has none (or is the seed). */
static const struct lyncedge_row *lyncedge_row(const struct lyncedge_rule *rule, u8 edition)
{
	const struct lyncedge_row *rows = lyncedge_edition_rows[edition];
	const struct lyncedge_row *row = rows ? &rows[rule->id - 1] : NULL;

	return row && (row->editions & BIT(edition)) ? row : NULL;
}

u8 lyncedge_rule_feature(const struct lyncedge_rule *rule, u8 edition)
{
	const struct lyncedge_row *row = lyncedge_row(rule, edition);

	if (!lyncedge_edition_rows[edition])
		return rule->feature;
	return row ? row->feature : LYNCEDGE_FEATURE_ABSENT;
}

const char *lyncedge_rule_name(const struct lyncedge_rule *rule, u8 edition)
{
	const struct lyncedge_row *row = lyncedge_row(rule, edition);

	return row ? row->name : rule->name;
}

bool lyncedge_rule_enabled(const struct lyncedge_rule *rule, const struct lyncedge_settings *s)
{
	u8 feature = lyncedge_rule_feature(rule, s->edition);

	return feature != LYNCEDGE_FEATURE_ABSENT && (s->features & BIT(feature));
}

/* A row past the seed's last rule would be a rule no id stands for. */
bool lyncedge_editions_valid(void)
{
	unsigned int e, i;

	for (e = 0; e < __LYNCEDGE_EDITION_LAST; e++)
		for (i = lyncedge_nrules; lyncedge_edition_rows[e] && i < LYNCEDGE_NRULES_MAX; i++)
			if (lyncedge_edition_rows[e][i].name)
				return false;
	return true;
}

u32 lyncedge_edition_features(u8 edition)
{
	u32 features = LYNCEDGE_FEATURE_F_CORE;
	unsigned int i;
	u8 f;

	for (i = 0; i < lyncedge_nrules; i++) {
		f = lyncedge_rule_feature(&lyncedge_rules[i], edition);
		if (f != LYNCEDGE_FEATURE_ABSENT)
			features |= BIT(f);
	}
	return features;
}
