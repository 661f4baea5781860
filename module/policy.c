// SPDX-License-Identifier: GPL-2.0
/*
 * The built-in policy: Microsoft's "Port summary - Single consolidated edge
 * with private IP addresses using NAT in Lync Server 2013", one rule per
 * unique (role, direction, protocol, port range) of its five tables.
 *
 * Each name cites the rows it stands for as TABLE#ROW (or TABLE#ROW,ROW),
 * rows counted from 1 below each table's header:
 *   ext   Firewall Summary ...: External Interface
 *   int   Firewall Summary ...: Internal Interface
 *   fed   Firewall Summary for Federation
 *   pim   Firewall Summary - Public Instant Messaging Connectivity
 *   xmpp  Firewall Summary for Extensible Messaging and Presence Protocol
 *
 * The port is the destination port of the packet that opens the flow; "in"
 * rows are flows toward the edge, "out" rows flows the edge opens. Ids are
 * part of the user interface (counters, scripts): never renumber, only add.
 */
#include <linux/in.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "policy.h"

#define LYNCEDGE_RULE(i, r, d, p, lo, hi, f, n) {				\
	.id = (i), .role = LYNCEDGE_ROLE_##r, .dir = LYNCEDGE_DIR_##d,		\
	.proto = IPPROTO_##p, .port_min = (lo), .port_max = (hi),		\
	.feature = LYNCEDGE_FEATURE_##f, .name = (n),				\
}

/* An external row, bound to the Edge service the seed names for it. */
#define LYNCEDGE_EXT_RULE(i, d, p, lo, hi, f, s, n) {				\
	.id = (i), .role = LYNCEDGE_ROLE_EXTERNAL, .dir = LYNCEDGE_DIR_##d,	\
	.proto = IPPROTO_##p, .port_min = (lo), .port_max = (hi),		\
	.feature = LYNCEDGE_FEATURE_##f, .service = LYNCEDGE_SERVICE_##s,	\
	.name = (n),								\
}

/* An A/V Edge row on the media range: the seed's 50,000-59,999 unless moved. */
#define LYNCEDGE_MEDIA_RULE(i, d, p, f, n) {					\
	.id = (i), .role = LYNCEDGE_ROLE_EXTERNAL, .dir = LYNCEDGE_DIR_##d,	\
	.proto = IPPROTO_##p, .media = true,					\
	.port_min = LYNCEDGE_MEDIA_MIN_DEFAULT,					\
	.port_max = LYNCEDGE_MEDIA_MAX_DEFAULT,					\
	.feature = LYNCEDGE_FEATURE_##f, .service = LYNCEDGE_SERVICE_AV,	\
	.name = (n),								\
}

/* An internal row that accepts only the named peer groups, once defined. */
#define LYNCEDGE_PEER_RULE(i, d, p, lo, hi, f, g, n) {				\
	.id = (i), .role = LYNCEDGE_ROLE_INTERNAL, .dir = LYNCEDGE_DIR_##d,	\
	.proto = IPPROTO_##p, .port_min = (lo), .port_max = (hi),		\
	.feature = LYNCEDGE_FEATURE_##f, .groups = (g), .name = (n),		\
}

#define LYNCEDGE_FE	BIT(LYNCEDGE_GROUP_FRONTEND)
#define LYNCEDGE_DIRECTOR	BIT(LYNCEDGE_GROUP_DIRECTOR)
#define LYNCEDGE_BRANCH	BIT(LYNCEDGE_GROUP_BRANCH)

const struct lyncedge_rule lyncedge_rules[] = {
	LYNCEDGE_EXT_RULE(1, IN, TCP, 5269, 5269, XMPP, ACCESS,
			  "XMPP/TCP/5269 from XMPP federation partners [ext#1 xmpp#1]"),
	LYNCEDGE_EXT_RULE(2, OUT, TCP, 80, 80, CORE, ACCESS,
			  "Access/HTTP/TCP/80 CRL check and retrieval [ext#2]"),
	LYNCEDGE_EXT_RULE(3, OUT, TCP, 53, 53, CORE, ACCESS,
			  "Access/DNS/TCP/53 DNS query over TCP [ext#3]"),
	LYNCEDGE_EXT_RULE(4, OUT, UDP, 53, 53, CORE, ACCESS,
			  "Access/DNS/UDP/53 DNS query over UDP [ext#4]"),
	LYNCEDGE_EXT_RULE(5, IN, TCP, 443, 443, CORE, ACCESS,
			  "Access/SIP(TLS)/TCP/443 [ext#5 pim#3] (#8, #15 until services tell)"),
	LYNCEDGE_EXT_RULE(6, IN, TCP, 5061, 5061, CORE, ACCESS,
			  "Access/SIP(MTLS)/TCP/5061 federation and public IM [ext#6 pim#1]"),
	LYNCEDGE_EXT_RULE(7, OUT, TCP, 5061, 5061, CORE, ACCESS,
			  "Access/SIP(MTLS)/TCP/5061 federation and public IM [ext#7 fed#1 pim#2]"),
	LYNCEDGE_MEDIA_RULE(8, OUT, TCP, CORE,
			    "A/V/RTP/TCP/50,000-59,999 federation, Live Messenger [ext#9 pim#4]"),
	LYNCEDGE_MEDIA_RULE(9, OUT, UDP, OCS2007,
			    "A/V/RTP/UDP/50,000-59,999 federation with OCS 2007 [ext#10]"),
	LYNCEDGE_MEDIA_RULE(10, IN, TCP, OCS2007,
			    "A/V/RTP/TCP/50,000-59,999 federation with OCS 2007 [ext#11]"),
	LYNCEDGE_MEDIA_RULE(11, IN, UDP, OCS2007,
			    "A/V/RTP/UDP/50,000-59,999 federation with OCS 2007 [ext#12]"),
	LYNCEDGE_EXT_RULE(12, OUT, UDP, 3478, 3478, CORE, AV,
			  "A/V/STUN,MSTURN/UDP/3478 Edge version, Edge-to-Edge [ext#13 pim#5]"),
	LYNCEDGE_EXT_RULE(13, IN, UDP, 3478, 3478, CORE, AV,
			  "A/V/STUN,MSTURN/UDP/3478 STUN/TURN candidates [ext#14 pim#6]"),
	LYNCEDGE_EXT_RULE(14, OUT, TCP, 443, 443, CORE, AV,
			  "A/V/STUN,MSTURN/TCP/443 STUN/TURN candidates [ext#16]"),
	LYNCEDGE_EXT_RULE(15, OUT, TCP, 5269, 5269, XMPP, ACCESS,
			  "XMPP/TCP/5269 to XMPP federation partners [xmpp#2]"),
	LYNCEDGE_PEER_RULE(16, IN, TCP, 23456, 23456, XMPP, LYNCEDGE_FE,
			   "XMPP/MTLS/TCP/23456 from the XMPP Gateway [int#1 xmpp#3]"),
	LYNCEDGE_PEER_RULE(17, IN, TCP, 5061, 5061, CORE, LYNCEDGE_DIRECTOR | LYNCEDGE_FE,
			   "SIP/MTLS/TCP/5061 from Director or Front End [int#2]"),
	LYNCEDGE_PEER_RULE(18, OUT, TCP, 5061, 5061, CORE, LYNCEDGE_DIRECTOR | LYNCEDGE_FE,
			   "SIP/MTLS/TCP/5061 to Director or Front End [int#3]"),
	LYNCEDGE_PEER_RULE(19, IN, TCP, 8057, 8057, CORE, LYNCEDGE_FE,
			   "PSOM/MTLS/TCP/8057 web conferencing from Front End [int#4]"),
	LYNCEDGE_PEER_RULE(20, IN, TCP, 5062, 5062, CORE, LYNCEDGE_FE | LYNCEDGE_BRANCH,
			   "SIP/MTLS/TCP/5062 A/V authentication [int#5]"),
	LYNCEDGE_RULE(21, INTERNAL, IN, UDP, 3478, 3478, CORE,
		      "STUN/MSTURN/UDP/3478 preferred A/V media path [int#6]"),
	LYNCEDGE_RULE(22, INTERNAL, IN, TCP, 443, 443, CORE,
		      "STUN/MSTURN/TCP/443 fallback A/V media path [int#7]"),
	LYNCEDGE_PEER_RULE(23, IN, TCP, 4443, 4443, CORE, LYNCEDGE_FE,
			   "HTTPS/TCP/4443 Central Management store replication [int#8]"),
	LYNCEDGE_RULE(24, INTERNAL, IN, TCP, 50001, 50001, CORE,
		      "MTLS/TCP/50001 Centralized Logging Service [int#9]"),
	LYNCEDGE_RULE(25, INTERNAL, IN, TCP, 50002, 50002, CORE,
		      "MTLS/TCP/50002 Centralized Logging Service [int#10]"),
	LYNCEDGE_RULE(26, INTERNAL, IN, TCP, 50003, 50003, CORE,
		      "MTLS/TCP/50003 Centralized Logging Service [int#11]"),
	/*
	 * Two more rows on external in tcp 443: they count their own hits
	 * once the service addresses tell the three apart (see rule 5).
	 */
	LYNCEDGE_EXT_RULE(27, IN, TCP, 443, 443, CORE, WEBCONF,
			  "Web Conferencing/PSOM(TLS)/TCP/443 [ext#8]"),
	LYNCEDGE_EXT_RULE(28, IN, TCP, 443, 443, CORE, AV,
			  "A/V/STUN,MSTURN/TCP/443 [ext#15]"),
};

const unsigned int lyncedge_nrules = ARRAY_SIZE(lyncedge_rules);

static_assert(ARRAY_SIZE(lyncedge_rules) <= LYNCEDGE_NRULES_MAX);

/*
 * The internal networks until the operator names them: the private ranges
 * (RFC 1918, and RFC 4193's unique local addresses), where the seed's
 * topology, an edge with private addresses behind NAT, puts the internal
 * network. Its "Any" is any host of that network, never the Internet.
 */
static const struct lyncedge_prefix lyncedge_internal_default[] = {
	LYNCEDGE_PREFIX4(10, 0, 0, 0, 8),
	LYNCEDGE_PREFIX4(172, 16, 0, 0, 12),
	LYNCEDGE_PREFIX4(192, 168, 0, 0, 16),
	LYNCEDGE_PREFIX6(7, 0xfc),
};

/* A namespace's settings before the operator's first change. */
void lyncedge_settings_default(struct lyncedge_settings *s)
{
	memset(s, 0, sizeof(*s));
	s->internal.n = ARRAY_SIZE(lyncedge_internal_default);
	memcpy(s->internal.p, lyncedge_internal_default, sizeof(lyncedge_internal_default));
	s->features = LYNCEDGE_FEATURES_DEFAULT;
	s->media_min = LYNCEDGE_MEDIA_MIN_DEFAULT;
	s->media_max = LYNCEDGE_MEDIA_MAX_DEFAULT;
	s->event_rate = LYNCEDGE_EVENT_RATE_DEFAULT;
	s->event_burst = LYNCEDGE_EVENT_BURST_DEFAULT;
}

void lyncedge_rule_ports(const struct lyncedge_rule *rule, const struct lyncedge_settings *s,
			 u16 *min, u16 *max)
{
	*min = rule->media ? s->media_min : rule->port_min;
	*max = rule->media ? s->media_max : rule->port_max;
}
