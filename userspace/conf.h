/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_CONF_H
#define LYNCEDGECTL_CONF_H

#include <net/if.h>
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

/* A prefix of the internal networks. */
struct conf_net {
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

struct conf_role {
	char name[IF_NAMESIZE];
	uint8_t role;		/* EXTERNAL or INTERNAL */
	uint32_t ifindex;	/* from GET_CONFIG: the interface bound, 0 while none has the name */
};

struct conf {
	bool roles_set;		/* every role, replacing the module's */
	unsigned int nroles;
	struct conf_role roles[LYNCEDGE_ROLES_MAX];
	uint32_t features;	/* the features named in features_set: on or off */
	uint32_t features_set;
	bool media_set;
	uint16_t media_min, media_max;
	bool mode_set[2];	/* by role - 1 */
	uint8_t mode[2];
	bool internal_set;	/* every internal network, replacing the module's */
	unsigned int ninternal;
	struct conf_net internal[LYNCEDGE_INTERNAL_NETS_MAX];
	bool peers_set;		/* the whole list, replacing the module's */
	unsigned int npeers;
	struct conf_peer peers[__LYNCEDGE_GROUP_LAST * LYNCEDGE_PEERS_MAX];
	bool services_set;	/* every service's addresses, replacing the module's */
	unsigned int naddrs[LYNCEDGE_SERVICE_MAX];	/* by service - 1 */
	struct conf_addr addrs[LYNCEDGE_SERVICE_MAX][LYNCEDGE_SERVICE_ADDRS_MAX];
	bool deployment_set;	/* host or gateway */
	uint8_t deployment;
	bool edition_set;	/* whose port tables the rules follow */
	uint8_t edition;
	bool events_set;	/* the drop events' rate limit */
	uint32_t event_rate, event_burst;
	bool rules_set;		/* every custom rule, replacing the module's */
	unsigned int nrules;
	struct conf_rule rules[LYNCEDGE_CUSTOM_MAX];
	bool have_generation;	/* from GET_CONFIG: sent back for read-modify-write */
	uint32_t generation;
};

/* The features a statement may switch: all but the core rows. */
#define CONF_OPTIONAL_FEATURES	(__LYNCEDGE_FEATURE_F_ALL & ~LYNCEDGE_FEATURE_F_CORE)

/* Every part given, each at the module's default: no roles. */
void conf_defaults(struct conf *c);

/* Keeps the values, forgets which parts are given: the start of a change. */
void conf_unset(struct conf *c);

/*
 * Applies one statement, the words of a lyncedgectl subcommand that
 * configures (set-role, enable, disable, set-media-range, set-mode,
 * set-deployment, set-service, set-event-rate, set-internal-networks,
 * add-peer, del-peer, add-rule, del-rule), to c. On a bad statement returns
 * -1 with a message in err. The words come from the command line or from a
 * line of a file (conf_split()): one parser for both.
 */
int conf_statement(struct conf *c, int argc, char **argv, char *err, size_t errlen);

/* Whether words[0] names a configuring subcommand. */
bool conf_is_statement(const char *word);

/* Adds the given parts to a LYNCEDGE_CMD_SET_CONFIG request. */
void conf_put(struct nlmsghdr *nlh, const struct conf *c);

/* Reads the namespace's configuration whole (GET_CONFIG); 0 or the errno. */
int conf_get(struct genl_ctx *ctx, struct conf *c);

/* ADDR */
void conf_addr_print(FILE *f, const struct conf_addr *a);

/* ADDR/LEN */
void conf_peer_print(FILE *f, const struct conf_peer *p);
void conf_net_print(FILE *f, const struct conf_net *n);

/*
 * Splits a line of a configuration file into words in place: blanks
 * separate words, "..." quotes (with \" and \\ in it), an unquoted # ends
 * the line. Returns the count, or -1 with a message in err.
 */
int conf_split(char *line, char **words, int max, char *err, size_t errlen);

/* s as one word of a file: as it is when it needs no quotes, else in "..." */
void conf_word_print(FILE *f, const char *s);

/*
 * Reads a file of statements (setconf's) into c, on top of what c holds;
 * reports each bad line on stderr with name and line number. Returns the
 * number of errors.
 */
int conf_read(FILE *f, const char *name, struct conf *c);

/* Writes c as statements that setconf reads back to the same configuration. */
void conf_print(FILE *f, const struct conf *c);

#endif /* LYNCEDGECTL_CONF_H */
