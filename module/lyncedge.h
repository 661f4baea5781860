/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The types every unit of the module shares: the policy table's rows, an
 * operator's settings, the compiled port sets, the immutable configuration
 * and the snapshot the hooks read, and the namespace's state around them.
 * Functions live in the units' own headers.
 *
 * A namespace's state is one RCU-published snapshot (struct lyncedge_snap):
 * the roles by interface name, the interfaces they are bound to now, and a
 * configuration (struct lyncedge_config: the settings, the custom rules and
 * the port sets compiled from them). Every change builds a new snapshot
 * from the current one and swaps the pointer (snapshot.c). Counters are
 * outside it, so no change resets or loses them (counters.c).
 */
#ifndef _LYNCEDGE_H
#define _LYNCEDGE_H

#include <linux/bitmap.h>
#include <linux/if.h>
#include <linux/in6.h>
#include <linux/mutex.h>
#include <linux/netfilter.h>
#include <linux/percpu.h>
#include <linux/refcount.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>
#include <uapi/linux/lyncedge.h>

/* Roles that exist (NONE is their absence): index with role - 1. */
#define LYNCEDGE_NROLES		LYNCEDGE_ROLE_MAX
#define LYNCEDGE_NDIRS		__LYNCEDGE_DIR_LAST
/* The policy speaks of TCP and UDP only: index 0 and 1. */
#define LYNCEDGE_NPROTOS	2
#define LYNCEDGE_NPORTS		65536

/* The default set: the seed's rows that it does not call optional. */
#define LYNCEDGE_FEATURES_DEFAULT	LYNCEDGE_FEATURE_F_CORE
/* The seed's media range; Lync lets the operator move it. */
#define LYNCEDGE_MEDIA_MIN_DEFAULT	50000
#define LYNCEDGE_MEDIA_MAX_DEFAULT	59999
/* Below are the well-known ports every other rule uses. */
#define LYNCEDGE_MEDIA_LOWEST		1024

#define LYNCEDGE_NGROUPS		__LYNCEDGE_GROUP_LAST
#define LYNCEDGE_NSERVICES		LYNCEDGE_SERVICE_MAX

/*
 * An address of one family, kept as IPv6 (IPv4 v4-mapped, so one compare
 * serves both) with the family it was given in: an address or prefix of
 * one family never matches a packet of the other, not even ::/0 an IPv4
 * packet (whose v4-mapped form it would otherwise take in).
 */
struct lyncedge_addr {
	struct in6_addr addr;
	u8 family;		/* NFPROTO_IPV4 or NFPROTO_IPV6 */
};

/* A prefix; len counts IPv6 bits (96 + n for an IPv4 /n). */
struct lyncedge_prefix {
	struct lyncedge_addr a;
	u8 len;
};

/*
 * Prefixes written as constants: an IPv4 one v4-mapped, as struct
 * lyncedge_addr keeps it; an IPv6 one from its leading bytes.
 */
#define LYNCEDGE_PREFIX4(o1, o2, o3, o4, bits) {				\
	.a = { .addr = { .in6_u.u6_addr8 = { [10] = 0xff, [11] = 0xff,		\
					      [12] = (o1), [13] = (o2),	\
					      [14] = (o3), [15] = (o4) } },	\
	       .family = NFPROTO_IPV4 },						\
	.len = 96 + (bits),							\
}

#define LYNCEDGE_PREFIX6(bits, ...) {						\
	.a = { .addr = { .in6_u.u6_addr8 = { __VA_ARGS__ } }, .family = NFPROTO_IPV6 },	\
	.len = (bits),								\
}

/* The prefixes the internal network is made of. */
struct lyncedge_nets {
	u8 n;
	struct lyncedge_prefix p[LYNCEDGE_INTERNAL_NETS_MAX];
};

struct lyncedge_peers {
	u8 n[LYNCEDGE_NGROUPS];
	struct lyncedge_prefix p[LYNCEDGE_NGROUPS][LYNCEDGE_PEERS_MAX];
};

/* The addresses of each service (index service - 1). */
struct lyncedge_services {
	u8 n[LYNCEDGE_NSERVICES];
	struct lyncedge_addr a[LYNCEDGE_NSERVICES][LYNCEDGE_SERVICE_ADDRS_MAX];
};

/* What an operator sets per namespace, but the roles and custom rules. */
struct lyncedge_settings {
	u32 features;
	u16 media_min;
	u16 media_max;
	u8 mode[LYNCEDGE_NROLES];
	/* enum lyncedge_deployment: which hooks the namespace has */
	u8 deployment;
	/* enum lyncedge_edition: whose port tables the rules follow */
	u8 edition;
	/* the far ends the internal role's interfaces may have */
	struct lyncedge_nets internal;
	struct lyncedge_peers peers;
	struct lyncedge_services services;
	/* drop events: a second on average, and at most at once */
	u32 event_rate;
	u32 event_burst;
};

/* One row of the built-in policy (policy.c). */
struct lyncedge_rule {
	u32 id;
	u8 role;
	u8 dir;
	u8 proto;
	u8 feature;
	/* the ports are the configured media range, not port_min..port_max */
	bool media;
	/* BIT(enum lyncedge_group) of the peers an internal rule accepts */
	u8 groups;
	/* enum lyncedge_service whose addresses an external rule is bound to */
	u8 service;
	u16 port_min;
	u16 port_max;
	const char *name;
};

/* Counters are sized at build time; policy.c checks the table against it. */
#define LYNCEDGE_NRULES_MAX	32

struct lyncedge_counter {
	u64_stats_t packets;
	u64_stats_t bytes;
};

/* A counter summed over every CPU. */
struct lyncedge_totals {
	u64 packets;
	u64 bytes;
};

/* One CPU's share of a counter, with what makes its reads whole on 32-bit. */
struct lyncedge_pcounter {
	struct u64_stats_sync syncp;
	struct lyncedge_counter c;
};

/*
 * A custom rule's counter: per CPU, outside every snapshot, shared by the
 * configurations that keep the rule (counted references), so that a rule
 * kept through a change, or restored by a rollback, keeps its counts.
 */
struct lyncedge_ccounter {
	refcount_t ref;
	struct lyncedge_pcounter __percpu *pc;
};

/* A site's own rule, as a configuration holds it. */
struct lyncedge_custom {
	u32 id;
	u8 role;
	u8 dir;
	u8 proto;
	u16 min;
	u16 max;
	char name[LYNCEDGE_CUSTOM_NAME_MAX];
	struct lyncedge_ccounter *counter;
};

/*
 * The allowed destination ports of one (role, direction, protocol), see
 * compile.c for how a port finds its rule.
 */
struct lyncedge_portset {
	DECLARE_BITMAP(allow, LYNCEDGE_NPORTS);
	DECLARE_BITMAP(start, LYNCEDGE_NPORTS);
	u16 rank[LYNCEDGE_NPORTS / BITS_PER_LONG];
	/* a built-in rule's id, or LYNCEDGE_NRULES_MAX + 1 + custom index */
	u16 id[LYNCEDGE_NRULES_MAX + LYNCEDGE_CUSTOM_MAX];
};

/* The enabled rules compiled (compile.c). */
struct lyncedge_policy {
	/* rules sharing one port range, in id order: next[id], 0 at the end */
	u8 next[LYNCEDGE_NRULES_MAX + 1];
	/* BIT(enum lyncedge_group) of the groups that have peers */
	u8 defined;
	struct lyncedge_portset set[LYNCEDGE_NROLES][LYNCEDGE_NDIRS][LYNCEDGE_NPROTOS];
};

/*
 * A configuration: immutable once built (config.c), shared by the
 * snapshots that use it (counted references) and freed after an RCU grace
 * period when the last goes.
 */
struct lyncedge_config {
	refcount_t ref;
	struct rcu_head rcu;
	struct lyncedge_settings s;
	unsigned int ncustom;
	struct lyncedge_custom *custom;
	struct lyncedge_policy policy;
};

/* A role as the operator gives it: to an interface name. */
struct lyncedge_role_name {
	char name[IFNAMSIZ];
	u8 role;
	/* in a snapshot: the interface bound to it, 0 while none has the name */
	int ifindex;
};

/* A role bound to the interface that has its name now. */
struct lyncedge_binding {
	int ifindex;
	u8 role;
};

/*
 * What the hooks read, through one pointer: immutable, replaced as a whole
 * (snapshot.c). The roles are sorted by name, the bindings by ifindex.
 */
struct lyncedge_snap {
	const struct lyncedge_config *config;
	/* BIT(ifindex % 64) of every binding: most interfaces end here */
	u64 mask;
	unsigned int nbound;
	unsigned int nroles;
	struct lyncedge_role_name *roles;
	/* bumped by every change, so a dump that raced one is flagged */
	u32 gen;
	struct rcu_head rcu;
	struct lyncedge_binding bound[];
};

/*
 * The role of dev in snap, LYNCEDGE_ROLE_NONE for none (or no dev). Inline:
 * every packet's hook asks. A few bindings are scanned; more are searched.
 */
#define LYNCEDGE_SCAN_BOUND	8
static __always_inline unsigned int lyncedge_snap_role(const struct lyncedge_snap *snap,
						       const struct net_device *dev)
{
	unsigned int lo, hi, mid;
	int ifindex;

	if (!dev || !(snap->mask & BIT_ULL(dev->ifindex % 64)))
		return LYNCEDGE_ROLE_NONE;
	ifindex = dev->ifindex;
	if (snap->nbound <= LYNCEDGE_SCAN_BOUND) {
		for (lo = 0; lo < snap->nbound; lo++)
			if (snap->bound[lo].ifindex == ifindex)
				return snap->bound[lo].role;
		return LYNCEDGE_ROLE_NONE;
	}
	lo = 0;
	hi = snap->nbound;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (snap->bound[mid].ifindex == ifindex)
			return snap->bound[mid].role;
		if (snap->bound[mid].ifindex < ifindex)
			lo = mid + 1;
		else
			hi = mid;
	}
	return LYNCEDGE_ROLE_NONE;
}

/*
 * Counter slots of a namespace: rule id - 1 for built-in rules, then one
 * per (role, direction) for drops, then one per diagnostic.
 */
#define LYNCEDGE_NDROPS	(LYNCEDGE_NROLES * LYNCEDGE_NDIRS)
#define LYNCEDGE_NSLOTS	(LYNCEDGE_NRULES_MAX + LYNCEDGE_NDROPS + __LYNCEDGE_DIAG_LAST)

static inline unsigned int lyncedge_rule_slot(u32 id)
{
	return id - 1;
}

static inline unsigned int lyncedge_drop_slot(unsigned int role, unsigned int dir)
{
	return LYNCEDGE_NRULES_MAX + (role - 1) * LYNCEDGE_NDIRS + dir;
}

static inline unsigned int lyncedge_diag_slot(enum lyncedge_diag diag)
{
	return LYNCEDGE_NRULES_MAX + LYNCEDGE_NDROPS + diag;
}

struct lyncedge_stats {
	struct u64_stats_sync syncp;
	struct lyncedge_counter slot[LYNCEDGE_NSLOTS];
};

/*
 * The drop events' rate limit (events.c): lock-free, so that a flood of
 * drops never serialises the CPUs on it.
 */
struct lyncedge_events {
	/* the bucket as the time it is empty again (GCRA), in ns */
	atomic64_t tat;
	atomic64_t sent;
	atomic64_t suppressed;
	/* of the suppressed, those some event has reported */
	atomic64_t reported;
};

/* A change awaiting confirmation (rollback.c). */
struct lyncedge_rollback {
	/* the snapshot to restore, held apart from the hooks; NULL: none */
	struct lyncedge_snap *snap;
	struct delayed_work work;
	/* jiffies when it reverts, and the seconds it was given */
	unsigned long deadline;
	u32 seconds;
	u64 reverted;
};

/* The most hooks a deployment registers (the gateway: 3 per family). */
#define LYNCEDGE_HOOKS_MAX	6

struct lyncedge_net {
	/* never NULL: a namespace without roles has a snapshot without them */
	struct lyncedge_snap __rcu *snap;
	/* the namespace, for the rollback's work */
	possible_net_t net;
	/* serialises every change: requests, the notifier, the rollback */
	struct mutex lock;
	/*
	 * The deployment whose hooks are registered, or -1 while there are
	 * none (no roles). The hooks have this namespace as their priv.
	 */
	int hooked;
	struct nf_hook_ops ops[__LYNCEDGE_DEPLOYMENT_LAST][LYNCEDGE_HOOKS_MAX];
	/* the next custom rule's id; ids are handed out by commits only */
	u64 next_custom_id;
	struct lyncedge_rollback rollback;
	struct lyncedge_stats __percpu *stats;
	/* serialises resets, so that two never report the same packet */
	struct mutex reset_lock;
	struct lyncedge_events events;
};

#endif /* _LYNCEDGE_H */
