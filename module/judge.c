// SPDX-License-Identifier: GPL-2.0
/*
 * The judgement of a packet that passes through an interface with a role:
 * the parsing of its headers, the rule that allows the flow it opens (by
 * port, then by addresses), its counting, and the event of a drop. Both
 * deployments' hooks (hooks.c, gateway.c) call lyncedge_judge().
 */
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/netfilter/nf_conntrack.h>

#include "compile.h"
#include "counters.h"
#include "events.h"
#include "judge.h"
#include "match.h"
#include "policy.h"

/*
 * The parsing and the rule's lookup are always inline into the judgement:
 * each call costs a frame, and a new flow would pay five. The hook itself
 * stays small, for the packets it passes without a judgement.
 */
static __always_inline enum lyncedge_kind lyncedge_ports(const struct sk_buff *skb, int thoff,
							 struct lyncedge_pkt *pkt)
{
	__be16 _ports[2];
	const __be16 *ports;

	if (pkt->proto != IPPROTO_TCP && pkt->proto != IPPROTO_UDP)
		return LYNCEDGE_PKT_OTHER;
	ports = skb_header_pointer(skb, thoff, sizeof(_ports), _ports);
	if (!ports)
		return LYNCEDGE_PKT_BAD;
	pkt->sport = ntohs(ports[0]);
	pkt->dport = ntohs(ports[1]);
	return LYNCEDGE_PKT_PORTS;
}

static __always_inline enum lyncedge_kind lyncedge_parse4(const struct sk_buff *skb,
							  struct lyncedge_pkt *pkt)
{
	const struct iphdr *iph = ip_hdr(skb);

	pkt->proto = iph->protocol;
	/* A later fragment carries no ports: never guess them. */
	if (ntohs(iph->frag_off) & IP_OFFSET)
		return LYNCEDGE_PKT_OTHER;
	return lyncedge_ports(skb, skb_network_offset(skb) + ip_hdrlen(skb), pkt);
}

static bool lyncedge_is_ndisc(const struct sk_buff *skb, int thoff)
{
	u8 _type;
	const u8 *type = skb_header_pointer(skb, thoff, sizeof(_type), &_type);

	if (!type)
		return false;
	switch (*type) {
	case ICMPV6_MGM_QUERY:
	case ICMPV6_MGM_REPORT:
	case ICMPV6_MGM_REDUCTION:
	case ICMPV6_MLD2_REPORT:
	case NDISC_ROUTER_SOLICITATION:
	case NDISC_ROUTER_ADVERTISEMENT:
	case NDISC_NEIGHBOUR_SOLICITATION:
	case NDISC_NEIGHBOUR_ADVERTISEMENT:
	case NDISC_REDIRECT:
		return true;
	default:
		return false;
	}
}

static __always_inline enum lyncedge_kind lyncedge_parse6(const struct sk_buff *skb,
							  struct lyncedge_pkt *pkt)
{
	u8 nexthdr = ipv6_hdr(skb)->nexthdr;
	__be16 frag_off;
	int thoff;

	thoff = ipv6_skip_exthdr(skb, skb_network_offset(skb) + sizeof(struct ipv6hdr),
				 &nexthdr, &frag_off);
	if (thoff < 0)
		return LYNCEDGE_PKT_BAD;
	pkt->proto = nexthdr;
	if (frag_off & htons(IP6_OFFSET))
		return LYNCEDGE_PKT_OTHER;
	/*
	 * Conntrack cannot track neighbour discovery, and without it (and the
	 * multicast listener reports switches snoop on) IPv6 stops working on
	 * the link: it always passes.
	 */
	if (nexthdr == IPPROTO_ICMPV6 && lyncedge_is_ndisc(skb, thoff))
		return LYNCEDGE_PKT_NDISC;
	return lyncedge_ports(skb, thoff, pkt);
}

static __always_inline enum lyncedge_kind
lyncedge_parse_inline(const struct sk_buff *skb, u8 pf, struct lyncedge_pkt *pkt)
{
	return pf == NFPROTO_IPV4 ? lyncedge_parse4(skb, pkt) : lyncedge_parse6(skb, pkt);
}

enum lyncedge_kind lyncedge_parse(const struct sk_buff *skb, u8 pf, struct lyncedge_pkt *pkt)
{
	return lyncedge_parse_inline(skb, pf, pkt);
}

/* IPv4 comes v4-mapped, as the configuration keeps it. */
void lyncedge_addr(const struct sk_buff *skb, u8 pf, bool source, struct lyncedge_addr *addr)
{
	addr->family = pf;
	if (pf == NFPROTO_IPV4)
		ipv6_addr_set_v4mapped(source ? ip_hdr(skb)->saddr : ip_hdr(skb)->daddr,
				       &addr->addr);
	else
		addr->addr = source ? ipv6_hdr(skb)->saddr : ipv6_hdr(skb)->daddr;
}

/*
 * Of the rules that share the flow's port range and whose peer groups (the
 * far end) take the packet: the one whose service lists the edge's address,
 * else the first whose service has no addresses and so takes any. The
 * addresses are read only for a rule whose groups or service have some.
 * Not inline: most flows need none of it (see lyncedge_rule_find()).
 */
static noinline u32 lyncedge_match(const struct lyncedge_config *config, u32 id,
				   const struct sk_buff *skb, u8 pf, unsigned int dir)
{
	const struct lyncedge_settings *s = &config->s;
	bool in = dir == LYNCEDGE_DIR_IN, have_edge = false;
	struct lyncedge_addr edge, peer;
	u32 any = 0;

	for (; id; id = config->policy.next[id]) {
		const struct lyncedge_rule *rule = &lyncedge_rules[id - 1];

		if (rule->groups & config->policy.defined) {
			lyncedge_addr(skb, pf, in, &peer);
			if (!lyncedge_peer_allowed(&s->peers, rule->groups, &peer))
				continue;
		}
		if (!rule->service || !s->services.n[rule->service - 1]) {
			if (!any)
				any = id;
			continue;
		}
		if (!have_edge) {
			lyncedge_addr(skb, pf, !in, &edge);
			have_edge = true;
		}
		if (lyncedge_service_match(&s->services, rule->service, &edge) > 0)
			return id;
	}
	return any;
}

/* Whether a rule takes any address: no groups with peers, no service with addresses. */
static __always_inline bool lyncedge_unbound(const struct lyncedge_config *config,
					     const struct lyncedge_rule *rule)
{
	return !(rule->groups & config->policy.defined) &&
	       (!rule->service || !config->s.services.n[rule->service - 1]);
}

/*
 * The rule that allows the flow this packet opens: a built-in rule, picked
 * among those sharing its port range by addresses; a custom rule's id
 * (above LYNCEDGE_NRULES_MAX), which has no addresses; or 0. A rule alone
 * on its range that takes any address is the answer without a look at them.
 */
static __always_inline u32 lyncedge_rule_find(const struct lyncedge_config *config,
					      const struct sk_buff *skb, u8 pf, unsigned int role,
					      unsigned int dir, const struct lyncedge_pkt *pkt)
{
	u32 id = lyncedge_policy_lookup(&config->policy, role, dir, pkt->proto, pkt->dport);

	if (!id || id > LYNCEDGE_NRULES_MAX ||
	    (!config->policy.next[id] && lyncedge_unbound(config, &lyncedge_rules[id - 1])))
		return id;
	return lyncedge_match(config, id, skb, pf, dir);
}

u32 lyncedge_rule_of(const struct lyncedge_config *config, const struct sk_buff *skb, u8 pf,
		     unsigned int role, unsigned int dir, const struct lyncedge_pkt *pkt)
{
	return lyncedge_rule_find(config, skb, pf, role, dir, pkt);
}

/*
 * Whether the far end of a packet through an interface with the internal
 * role (the source of one toward the edge, the destination of one from it)
 * is outside the internal networks; counted as LYNCEDGE_DIAG_OUTSIDE when
 * it is. Not inline: the internal role's packets pay it, the external's not.
 */
static noinline bool lyncedge_outside(struct lyncedge_net *ln, const struct lyncedge_config *config,
				      const struct sk_buff *skb, u8 pf, unsigned int dir)
{
	struct lyncedge_addr peer;

	lyncedge_addr(skb, pf, dir == LYNCEDGE_DIR_IN, &peer);
	if (likely(lyncedge_internal(&config->s.internal, &peer)))
		return false;
	lyncedge_count(ln, lyncedge_diag_slot(LYNCEDGE_DIAG_OUTSIDE), skb->len);
	return true;
}

static const u8 lyncedge_kind_reason[] = {
	[LYNCEDGE_PKT_PORTS] = LYNCEDGE_REASON_NO_RULE,
	[LYNCEDGE_PKT_OTHER] = LYNCEDGE_REASON_PROTOCOL,
	[LYNCEDGE_PKT_BAD] = LYNCEDGE_REASON_MALFORMED,
};

/*
 * Tells the listeners of a packet no rule allows. Not inline, so that the
 * other packets' frame does not carry (and zero) the event's description.
 */
static noinline void lyncedge_report(const struct nf_hook_state *state, struct lyncedge_net *ln,
				     const struct lyncedge_settings *s,
				     const struct sk_buff *skb, const struct net_device *dev,
				     unsigned int role, unsigned int dir, bool audit, u8 reason,
				     const struct lyncedge_pkt *pkt, bool ports)
{
	struct lyncedge_drop drop = {
		.skb = skb, .dev = dev, .pf = state->pf, .role = role, .dir = dir,
		.action = audit ? LYNCEDGE_ACTION_AUDIT : LYNCEDGE_ACTION_DROP,
		.reason = reason, .proto = pkt->proto, .ports = ports,
		.sport = pkt->sport, .dport = pkt->dport,
	};

	lyncedge_event(state->net, &ln->events, s, &drop);
}

/*
 * Judges a packet that passes through dev, an interface with this role, in
 * this direction of the edge's flows.
 */
unsigned int lyncedge_judge(struct sk_buff *skb, const struct nf_hook_state *state,
			    struct lyncedge_net *ln, const struct lyncedge_config *config,
			    const struct net_device *dev, unsigned int role, unsigned int dir)
{
	enum ip_conntrack_info ctinfo;
	struct lyncedge_pkt pkt = {};
	enum lyncedge_kind kind;
	struct nf_conn *ct;
	bool audit;
	u32 id = 0;
	u8 reason;

	/*
	 * Return traffic and related packets (ICMP errors) pass, and are most
	 * of the traffic: decided before the packet is read. On the internal
	 * side they are watched for a far end outside the internal networks
	 * (the edge's replies to the Internet through its internal NIC).
	 */
	ct = nf_ct_get(skb, &ctinfo);
	if (ct && ctinfo != IP_CT_NEW) {
		if (role == LYNCEDGE_ROLE_INTERNAL)
			lyncedge_outside(ln, config, skb, state->pf, dir);
		return NF_ACCEPT;
	}
	kind = lyncedge_parse_inline(skb, state->pf, &pkt);
	if (kind == LYNCEDGE_PKT_NDISC)
		return NF_ACCEPT;
	reason = lyncedge_kind_reason[kind];

	/*
	 * A packet that conntrack found invalid has no entry and is not
	 * untracked: drop it. An untracked one (the operator's notrack) is
	 * judged on its own.
	 */
	if (!ct && ctinfo != IP_CT_UNTRACKED) {
		/* Truncated headers make conntrack give up too: say which it was. */
		if (kind != LYNCEDGE_PKT_BAD)
			reason = LYNCEDGE_REASON_INVALID;
		kind = LYNCEDGE_PKT_BAD;
	}

	/* The internal side talks to the internal networks only, whatever the port. */
	if (role == LYNCEDGE_ROLE_INTERNAL && lyncedge_outside(ln, config, skb, state->pf, dir)) {
		if (kind != LYNCEDGE_PKT_BAD)
			reason = LYNCEDGE_REASON_OUTSIDE;
	} else if (kind == LYNCEDGE_PKT_PORTS) {
		id = lyncedge_rule_find(config, skb, state->pf, role, dir, &pkt);
	}
	if (id > LYNCEDGE_NRULES_MAX) {
		lyncedge_ccount(config->custom[id - LYNCEDGE_NRULES_MAX - 1].counter, skb->len);
		return NF_ACCEPT;
	}
	if (id) {
		lyncedge_count(ln, lyncedge_rule_slot(id), skb->len);
		return NF_ACCEPT;
	}
	/* No rule allows it: counted, reported, and judged by the role's mode. */
	audit = config->s.mode[role - 1] == LYNCEDGE_MODE_AUDIT;
	lyncedge_count(ln, lyncedge_drop_slot(role, dir), skb->len);
	/* Most drops have no one listening for their event. */
	if (lyncedge_events_listening(state->net))
		lyncedge_report(state, ln, &config->s, skb, dev, role, dir, audit, reason, &pkt,
				kind == LYNCEDGE_PKT_PORTS);
	return audit ? NF_ACCEPT : NF_DROP;
}

