// SPDX-License-Identifier: GPL-2.0
/*
 * Addresses against the configuration: the edge's own (service addresses)
 * and the far end's (internal networks, peer prefixes). An address matches
 * only addresses and prefixes of its own family.
 */
#include <net/ipv6.h>

#include "match.h"

/*
 * How a rule bound to service takes addr: 1 when addr is one of the
 * service's addresses, 0 when the service has none (it takes any), -1 when
 * addr is not the service's.
 */
int lyncedge_service_match(const struct lyncedge_services *services, u8 service,
			   const struct lyncedge_addr *addr)
{
	const struct lyncedge_addr *a;
	unsigned int i, n;

	if (!service)
		return 0;
	n = services->n[service - 1];
	for (i = 0; i < n; i++) {
		a = &services->a[service - 1][i];
		if (a->family == addr->family && ipv6_addr_equal(&a->addr, &addr->addr))
			return 1;
	}
	return n ? -1 : 0;
}

/* Whether addr is an address of any service: one of the edge's own. */
bool lyncedge_service_addr(const struct lyncedge_services *services,
			   const struct lyncedge_addr *addr)
{
	unsigned int s;

	for (s = 1; s <= LYNCEDGE_NSERVICES; s++)
		if (lyncedge_service_match(services, s, addr) > 0)
			return true;
	return false;
}

/* Whether addr is in the prefix p: of its family, and its first p->len bits. */
bool lyncedge_prefix_has(const struct lyncedge_prefix *p, const struct lyncedge_addr *addr)
{
	return p->a.family == addr->family && ipv6_prefix_equal(&addr->addr, &p->a.addr, p->len);
}

/*
 * The link itself, inside every internal network: multicast, the limited
 * broadcast, the unspecified address and IPv6 link-local. A host's own
 * DHCP, IGMP or mDNS on its internal NIC is not the Internet.
 */
static const struct lyncedge_prefix lyncedge_link[] = {
	LYNCEDGE_PREFIX4(224, 0, 0, 0, 4),
	LYNCEDGE_PREFIX4(255, 255, 255, 255, 32),
	LYNCEDGE_PREFIX4(0, 0, 0, 0, 32),
	LYNCEDGE_PREFIX6(8, 0xff),
	LYNCEDGE_PREFIX6(10, 0xfe, 0x80),
	LYNCEDGE_PREFIX6(128, 0),
};

/*
 * Whether addr is a host of the internal networks (or of the link): what
 * the internal role's interfaces may have at the far end. The networks
 * come first: a packet of a correct setup stops at the first that has it.
 */
bool lyncedge_internal(const struct lyncedge_nets *nets, const struct lyncedge_addr *addr)
{
	unsigned int i;

	for (i = 0; i < nets->n; i++)
		if (lyncedge_prefix_has(&nets->p[i], addr))
			return true;
	for (i = 0; i < ARRAY_SIZE(lyncedge_link); i++)
		if (lyncedge_prefix_has(&lyncedge_link[i], addr))
			return true;
	return false;
}

/*
 * Whether a rule accepting these peer groups accepts addr: any address when
 * none of its groups has a peer, else only a peer of one of them, of its
 * family.
 */
bool lyncedge_peer_allowed(const struct lyncedge_peers *peers, u8 groups,
			   const struct lyncedge_addr *addr)
{
	const struct lyncedge_prefix *p;
	bool defined = false;
	unsigned int g, i;

	for (g = 0; g < LYNCEDGE_NGROUPS; g++) {
		if (!(groups & BIT(g)))
			continue;
		for (i = 0; i < peers->n[g]; i++) {
			p = &peers->p[g][i];
			if (lyncedge_prefix_has(p, addr))
				return true;
		}
		defined |= peers->n[g] > 0;
	}
	return !defined;
}
