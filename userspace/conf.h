/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_CONF_H
#define LYNCEDGECTL_CONF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "genl.h"

/*
 * A namespace's configuration, or a change to it: what a statement, a file
 * of statements, or GET_CONFIG says. The *_set fields say which parts are
 * given; a request carries only those.
 */
struct conf_peer {
	uint8_t group;		/* enum lyncedge_group */
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t addr[16];
	uint8_t len;
};

struct conf_addr {
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t addr[16];
};

struct conf_rule {
	uint32_t id;		/* the module's, 0 for a rule not sent yet */
	uint8_t role, dir, proto;
	uint16_t min, max;
	char name[LYNCEDGE_CUSTOM_NAME_MAX];
};

struct conf {
	uint32_t features;	/* the features named in features_set: on or off */
	uint32_t features_set;
	bool media_set;
	uint16_t media_min, media_max;
	bool mode_set[2];	/* by role - 1 */
	uint8_t mode[2];
	bool peers_set;		/* the whole list, replacing the module's */
	unsigned int npeers;
	struct conf_peer peers[__LYNCEDGE_GROUP_LAST * LYNCEDGE_PEERS_MAX];
	bool services_set;	/* every service's addresses, replacing the module's */
	unsigned int naddrs[LYNCEDGE_SERVICE_MAX];	/* by service - 1 */
	struct conf_addr addrs[LYNCEDGE_SERVICE_MAX][LYNCEDGE_SERVICE_ADDRS_MAX];
	bool deployment_set;	/* host or gateway */
	uint8_t deployment;
	bool events_set;	/* the drop events' rate limit */
	uint32_t event_rate, event_burst;
	bool rules_set;		/* every custom rule, replacing the module's */
	unsigned int nrules;
	struct conf_rule rules[LYNCEDGE_CUSTOM_MAX];
	bool have_generation;	/* from GET_CONFIG: sent back for read-modify-write */
	uint32_t generation;
};

/* Every part given, each at the module's default. */
void conf_defaults(struct conf *c);

/* Keeps the values, forgets which parts are given: the start of a change. */
void conf_unset(struct conf *c);

/*
 * Applies one statement, the words of a lyncedgectl subcommand that
 * configures (enable, disable, set-media-range, set-mode, set-deployment,
 * set-service, set-event-rate, add-peer, del-peer, add-rule, del-rule), to c. On a bad
 * statement returns -1 with a message in err.
 */
int conf_statement(struct conf *c, int argc, char **argv, char *err, size_t errlen);

/* Whether words[0] names a configuring subcommand. */
bool conf_is_statement(const char *word);

/* Adds the given parts to a LYNCEDGE_CMD_SET_CONFIG request. */
void conf_put(struct nlmsghdr *nlh, const struct conf *c);

/* Reads the namespace's configuration; 0 or the errno, as genl_request(). */
int conf_get(struct genl_ctx *ctx, struct conf *c);

/* The same without the custom rules (no rules dump), for who dumps the rules anyway. */
int conf_get_settings(struct genl_ctx *ctx, struct conf *c);

/* ADDR */
void conf_addr_print(FILE *f, const struct conf_addr *a);

/* ADDR/LEN */
void conf_peer_print(FILE *f, const struct conf_peer *p);

/*
 * Reads a file of statements (setconf's) into c, on top of what c holds;
 * reports each bad line on stderr with name and line number. Returns the
 * number of errors.
 */
int conf_read(FILE *f, const char *name, struct conf *c);

/* Writes c as statements that setconf reads back to the same configuration. */
void conf_print(FILE *f, const struct conf *c);

#endif /* LYNCEDGECTL_CONF_H */
