/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A change to a namespace's state, as a request states it: netlink decodes
 * it (nl_config.c, netlink.c), config.c and snapshot.c judge and apply it.
 * Each entry keeps the attribute it came from, for the extack of a refusal.
 */
#ifndef _LYNCEDGE_CHANGE_H
#define _LYNCEDGE_CHANGE_H

#include <net/netlink.h>

#include "lyncedge.h"

/* The parts a change gives (lyncedge_change.what). */
enum {
	LYNCEDGE_CHANGE_FEATURES	= BIT(0),
	LYNCEDGE_CHANGE_MEDIA		= BIT(1),
	LYNCEDGE_CHANGE_MODE_EXTERNAL	= BIT(2),
	LYNCEDGE_CHANGE_MODE_INTERNAL	= BIT(3),
	LYNCEDGE_CHANGE_DEPLOYMENT	= BIT(4),
	LYNCEDGE_CHANGE_EVENTS		= BIT(5),
	LYNCEDGE_CHANGE_PEERS		= BIT(6),
	LYNCEDGE_CHANGE_SERVICES	= BIT(7),
	LYNCEDGE_CHANGE_CUSTOM		= BIT(8),
	LYNCEDGE_CHANGE_INTERNAL	= BIT(9),
	LYNCEDGE_CHANGE_EDITION		= BIT(10),
	/* every role, replacing the namespace's */
	LYNCEDGE_CHANGE_ROLES		= BIT(11),
	/* one role, given, replaced or (NONE) taken away */
	LYNCEDGE_CHANGE_ROLE		= BIT(12),
};

/* What changes the configuration (config.c) rather than only the roles. */
#define LYNCEDGE_CHANGE_CONFIG	(LYNCEDGE_CHANGE_ROLES - 1)

struct lyncedge_change_peer {
	u8 group;
	struct lyncedge_prefix p;
	const struct nlattr *attr;
};

struct lyncedge_change_net {
	struct lyncedge_prefix p;
	const struct nlattr *attr;
};

struct lyncedge_change_service {
	u8 service;
	struct lyncedge_addr a;
	const struct nlattr *attr;
};

/* The rule as asked for: no id or counter yet (config.c gives them). */
struct lyncedge_change_custom {
	struct lyncedge_custom c;
	const struct nlattr *attr;
};

struct lyncedge_change_role {
	struct lyncedge_role_name r;
	const struct nlattr *attr;
};

struct lyncedge_change {
	u32 what;
	/* features: the selected ones become value's */
	u32 features_value;
	u32 features_selector;
	u16 media_min;
	u16 media_max;
	u8 mode[LYNCEDGE_NROLES];
	u8 deployment;
	u8 edition;
	u32 event_rate;
	u32 event_burst;
	unsigned int nnets;
	struct lyncedge_change_net *nets;
	unsigned int npeers;
	struct lyncedge_change_peer *peers;
	unsigned int nservices;
	struct lyncedge_change_service *services;
	unsigned int ncustom;
	struct lyncedge_change_custom *custom;
	unsigned int nroles;
	struct lyncedge_change_role *roles;
	/* seconds until the change reverts unless confirmed; 0: at once for good */
	u32 confirm;
	/* apply only at this generation (read-modify-write) */
	bool check_gen;
	u32 gen;
	const struct nlattr *gen_attr;
};

#endif /* _LYNCEDGE_CHANGE_H */
