/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_EXPORT_H
#define LYNCEDGECTL_EXPORT_H

#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>

#include "show.h"

/*
 * `export`: the namespace's policy (roles, enabled rules, service
 * addresses, peers, internal networks, modes) written in another filter's language, so that
 * the same packets get the same verdicts and are counted by a counter named
 * after the same rule. Each writer takes a snapshot and prints a ruleset.
 */

#define EXPORT_ADDRS_MAX (__LYNCEDGE_GROUP_LAST * LYNCEDGE_PEERS_MAX)

/* The addresses one end of a flow may have for a rule, in one family. */
struct export_side {
	bool any;	/* no condition on this end */
	unsigned int n;	/* else one of these; none means no packet of the family */
	char v[EXPORT_ADDRS_MAX][INET6_ADDRSTRLEN + 4];
};

/* A rule's conditions in one family: the edge's own end and the far end. */
struct export_cond {
	struct export_side edge;	/* the service's addresses */
	struct export_side peer;	/* the peer groups' prefixes */
};

/*
 * The far ends the internal role takes in family: the internal networks and
 * the link itself (as the module's lyncedge_internal()), none inside another,
 * so that a filter's set of them has no overlapping intervals.
 */
void export_internal(const struct snapshot *s, int family, struct export_side *side);

/* Whether r allows anything: an enabled rule, not a drop counter. */
bool export_enabled(const struct rule *r);

/* Whether r has no address condition in any family. */
bool export_unbound(const struct snapshot *s, const struct rule *r);

/*
 * Fills c for r in family (AF_INET or AF_INET6). Returns false when no
 * packet of that family can match r (its addresses are all of the other).
 */
bool export_cond(const struct snapshot *s, const struct rule *r, int family,
		 struct export_cond *c);

/*
 * Rules sharing one port range (role, direction, protocol and ports), in the
 * order the module tries them: those bound to a service's addresses, then
 * the others, each in id order. Returns how many it put in out, 0 when
 * rule i is not the first enabled rule of its range. Only built-in rules
 * share a range (custom rules overlap nothing), and the module has at most
 * 32 of them.
 */
#define EXPORT_GROUP_MAX 32
size_t export_group(const struct snapshot *s, size_t i,
		    const struct rule *out[EXPORT_GROUP_MAX]);

/* prefix and s inside double quotes, with what would end or break the string replaced. */
void export_quoted(FILE *f, const char *prefix, const char *s);

/* The tool's words: "external_in". */
void export_chain_word(char *buf, size_t len, unsigned int role, unsigned int dir);

void export_nft(FILE *f, const struct snapshot *s);
/* iptables-restore input for family; with ipset, unbound rules match sets. */
void export_iptables(FILE *f, const struct snapshot *s, int family, bool ipset);
/* ipset-restore input: the port sets `export iptables ipset` refers to. */
void export_ipset(FILE *f, const struct snapshot *s);
/* The name of the port set of one (role, direction, protocol). */
void export_set_name(char *buf, size_t len, unsigned int role, unsigned int dir,
		     unsigned int proto);

#endif /* LYNCEDGECTL_EXPORT_H */
