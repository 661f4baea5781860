/* SPDX-License-Identifier: GPL-2.0 */
/* Service addresses and peer prefixes, matched against a packet's. */
#ifndef _LYNCEDGE_MATCH_H
#define _LYNCEDGE_MATCH_H

#include "lyncedge.h"

int lyncedge_service_match(const struct lyncedge_services *services, u8 service,
			   const struct lyncedge_addr *addr);
bool lyncedge_service_addr(const struct lyncedge_services *services,
			   const struct lyncedge_addr *addr);
bool lyncedge_prefix_has(const struct lyncedge_prefix *p, const struct lyncedge_addr *addr);
bool lyncedge_internal(const struct lyncedge_nets *nets, const struct lyncedge_addr *addr);
bool lyncedge_peer_allowed(const struct lyncedge_peers *peers, u8 groups,
			   const struct lyncedge_addr *addr);

#endif /* _LYNCEDGE_MATCH_H */
