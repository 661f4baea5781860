/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal declarations shared by the files of the lyncedge module.
 */
#ifndef _LYNCEDGE_H
#define _LYNCEDGE_H

#include <linux/bitmap.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <linux/netlink.h>
#include <linux/xarray.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
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

/* IPv4 is kept v4-mapped (::ffff:0:0/96), so one comparison serves both. */
struct lyncedge_prefix {
	struct in6_addr addr;
	u8 len;
};

struct lyncedge_peers {
	u8 n[LYNCEDGE_NGROUPS];
	struct lyncedge_prefix p[LYNCEDGE_NGROUPS][LYNCEDGE_PEERS_MAX];
};

#define LYNCEDGE_NSERVICES		LYNCEDGE_SERVICE_MAX

/* The addresses of each service (index service - 1), v4-mapped like peers. */
struct lyncedge_services {
	u8 n[LYNCEDGE_NSERVICES];
	struct in6_addr a[LYNCEDGE_NSERVICES][LYNCEDGE_SERVICE_ADDRS_MAX];
};

struct lyncedge_counter {
	u64_stats_t packets;
	u64_stats_t bytes;
};

/* A counter read over every CPU, or its base (see counters.c). */
struct lyncedge_totals {
	u64 packets;
	u64 bytes;
};

/* A custom rule's own counter, on each CPU. */
struct lyncedge_pcounter {
	struct u64_stats_sync syncp;
	struct lyncedge_counter c;
};

/*
 * A site's own rule. Configurations that keep it share it (counted
 * references), so its id and counters outlive configuration changes.
 */
struct lyncedge_custom {
	refcount_t ref;
	u32 id;
	u8 role;
	u8 dir;
	u8 proto;
	u16 min;
	u16 max;
	char name[LYNCEDGE_CUSTOM_NAME_MAX];
	struct lyncedge_pcounter __percpu *stats;
	/* the sums at the last reset, under lyncedge_net.reset_lock */
	struct lyncedge_totals base;
};

/* What an operator sets per namespace; replaced as a whole under RCU. */
struct lyncedge_config {
	struct rcu_head rcu;
	u32 features;
	u16 media_min;
	u16 media_max;
	u8 mode[LYNCEDGE_NROLES];
	/* enum lyncedge_deployment: which hooks the namespace has */
	u8 deployment;
	struct lyncedge_peers peers;
	struct lyncedge_services services;
	/* drop events: a second on average, and at most at once */
	u32 event_rate;
	u32 event_burst;
	unsigned int ncustom;
	struct lyncedge_custom **custom;
};

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

extern const struct lyncedge_rule lyncedge_rules[];
extern const unsigned int lyncedge_nrules;
/* Counters are sized at build time; policy.c checks the table against it. */
#define LYNCEDGE_NRULES_MAX	32

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

/* The enabled rules of a namespace, replaced as a whole under RCU. */
struct lyncedge_policy {
	struct rcu_head rcu;
	/*
	 * The configuration compiled, for its modes, addresses and custom
	 * rules: replaced together with this policy and freed by RCU after it.
	 */
	const struct lyncedge_config *config;
	/* rules sharing one port range, in id order: next[id], 0 at the end */
	u8 next[LYNCEDGE_NRULES_MAX + 1];
	/* BIT(enum lyncedge_group) of the groups that have peers */
	u8 defined;
	struct lyncedge_portset set[LYNCEDGE_NROLES][LYNCEDGE_NDIRS][LYNCEDGE_NPROTOS];
};

/*
 * Slots: rule id - 1 for rules, then one per (role, direction) for drops,
 * then one per diagnostic.
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

/* The drop events' token bucket and counters, under lock. */
struct lyncedge_events {
	/* guards the fields below; taken with bottom halves off */
	spinlock_t lock;
	/* nanoseconds of credit; an event costs NSEC_PER_SEC / rate */
	u64 credit;
	u64 stamp;
	u64 sent;
	u64 suppressed;
	/* suppressed since the last event sent, which the next one reports */
	u64 pending;
};

/* The most hooks a deployment registers (the gateway: 3 per family). */
#define LYNCEDGE_HOOKS_MAX	6

/* How many roles the hooks find without the xarray (see lyncedge_role()). */
#define LYNCEDGE_FAST_ROLES	8

struct lyncedge_net {
	/* ifindex -> xa_mk_value(role): every role, under RTNL */
	struct xarray roles;
	/*
	 * Up to LYNCEDGE_FAST_ROLES of the same roles, each ifindex << 8 | role
	 * (0: a free slot), one store each: the hooks scan them without the
	 * xarray's walk and RCU calls. With more roles than slots, the others
	 * are only in @roles, where the hooks look when nroles says so.
	 */
	u64 fast[LYNCEDGE_FAST_ROLES];
	/* BIT(ifindex % 64) of every role: most misses end here */
	u64 fast_mask;
	unsigned int nroles;
	/*
	 * The hooks of each deployment, with this namespace as their priv:
	 * the hooks find it without net_generic()'s RCU calls.
	 */
	struct nf_hook_ops ops[__LYNCEDGE_DEPLOYMENT_LAST][LYNCEDGE_HOOKS_MAX];
	struct lyncedge_config __rcu *config;
	/* non-NULL exactly while the namespace has hooks (has roles) */
	struct lyncedge_policy __rcu *policy;
	struct lyncedge_stats __percpu *stats;
	/* serialises resets; base_seq lets readers copy a base whole */
	struct mutex reset_lock;
	seqcount_mutex_t base_seq;
	struct lyncedge_totals base[LYNCEDGE_NSLOTS];
	struct lyncedge_events events;
	/* bumped on every change, so a dump that raced one is flagged */
	unsigned int gen;
	u32 next_custom_id;
};

extern unsigned int lyncedge_net_id;

/* Inline: every packet's hook asks for it. */
static inline struct lyncedge_net *lyncedge_pernet(const struct net *net)
{
	return net_generic(net, lyncedge_net_id);
}

int lyncedge_policy_check(void);
void lyncedge_config_default(struct lyncedge_config *config);
struct lyncedge_config *lyncedge_config_dup(const struct lyncedge_config *config);
void lyncedge_config_free(struct lyncedge_config *config);
void lyncedge_config_free_rcu(struct rcu_head *head);
struct lyncedge_custom *lyncedge_custom_new(u32 id);
void lyncedge_custom_put(struct lyncedge_custom *custom);
void lyncedge_custom_count(struct lyncedge_custom *custom, unsigned int len);
void lyncedge_custom_sum(const struct lyncedge_custom *custom, struct lyncedge_totals *t);
void lyncedge_rule_ports(const struct lyncedge_rule *rule, const struct lyncedge_config *config,
			 u16 *min, u16 *max);
struct lyncedge_policy *lyncedge_policy_compile(const struct lyncedge_config *config);
void lyncedge_policy_free(struct lyncedge_policy *policy);
int lyncedge_service_match(const struct lyncedge_services *services, u8 service,
			   const struct in6_addr *addr);
bool lyncedge_service_addr(const struct lyncedge_services *services, const struct in6_addr *addr);
bool lyncedge_peer_allowed(const struct lyncedge_peers *peers, u8 groups,
			   const struct in6_addr *addr);

/* The index of a protocol in the portsets: the policy speaks of TCP and UDP only. */
static __always_inline int lyncedge_proto_index(u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return 0;
	case IPPROTO_UDP:
		return 1;
	default:
		return -1;
	}
}

/*
 * How many ranges of set start at or before port (see compile.c). Always
 * inline: the hooks run it for every new flow, and x86's hweight_long() is
 * an alternative-patched asm block that GCC takes for big.
 */
static __always_inline unsigned int lyncedge_portset_ordinal(const struct lyncedge_portset *set,
							     u16 port)
{
	unsigned int w = port / BITS_PER_LONG;

	return set->rank[w] + hweight_long(set->start[w] & GENMASK(port % BITS_PER_LONG, 0));
}

/*
 * Returns the id of the first rule for the flow's port, or 0 when none has
 * it; policy->next[] gives the others that share its range. In the header,
 * so that the hooks do not pay a call for it.
 */
static __always_inline u32 lyncedge_policy_lookup(const struct lyncedge_policy *policy,
						  unsigned int role, unsigned int dir, u8 proto,
						  u16 port)
{
	const struct lyncedge_portset *set;
	int p = lyncedge_proto_index(proto);

	if (p < 0)
		return 0;
	set = &policy->set[role - 1][dir][p];
	/* Else GCC computes the address again, multiplications included, for each array. */
	OPTIMIZER_HIDE_VAR(set);
	if (!test_bit(port, set->allow))
		return 0;
	return set->id[lyncedge_portset_ordinal(set, port) - 1];
}

int lyncedge_set_role(struct net *net, int ifindex, u8 role, struct netlink_ext_ack *extack);
int lyncedge_set_config(struct net *net, struct lyncedge_config *new,
			struct netlink_ext_ack *extack);
int lyncedge_netns_init(void);
void lyncedge_netns_exit(void);

struct lyncedge_stats __percpu *lyncedge_stats_alloc(void);

/*
 * One CPU's counter; the caller has preemption off (see counters.c). Inline,
 * as lyncedge_count(): the hooks count every new flow and every drop.
 */
static inline void lyncedge_counter_add(struct u64_stats_sync *syncp, struct lyncedge_counter *c,
					unsigned int len)
{
	unsigned long flags = u64_stats_update_begin_irqsave(syncp);

	u64_stats_inc(&c->packets);
	u64_stats_add(&c->bytes, len);
	u64_stats_update_end_irqrestore(syncp, flags);
}

void lyncedge_counter_sum(const struct u64_stats_sync *syncp, const struct lyncedge_counter *c,
			  u64 *packets, u64 *bytes);

static inline void lyncedge_count(struct lyncedge_net *ln, unsigned int slot, unsigned int len)
{
	struct lyncedge_stats *s = get_cpu_ptr(ln->stats);

	lyncedge_counter_add(&s->syncp, &s->slot[slot], len);
	put_cpu_ptr(ln->stats);
}

void lyncedge_read(const struct lyncedge_net *ln, unsigned int slot, struct lyncedge_totals *t);
void lyncedge_custom_read(const struct lyncedge_net *ln, const struct lyncedge_custom *custom,
			  struct lyncedge_totals *t);
void lyncedge_reset(struct lyncedge_net *ln, unsigned int slot, struct lyncedge_totals *t);
void lyncedge_custom_reset(struct lyncedge_net *ln, struct lyncedge_custom *custom,
			   struct lyncedge_totals *t);

/* What a drop event tells of the packet. */
struct lyncedge_drop {
	const struct sk_buff *skb;
	const struct net_device *dev;
	u8 pf;
	u8 role;
	u8 dir;
	u8 action;
	u8 reason;
	u8 proto;
	bool ports;
	u16 sport;
	u16 dport;
};

void lyncedge_events_init(struct lyncedge_events *ev, const struct lyncedge_config *config);
void lyncedge_events_refill(struct lyncedge_events *ev, const struct lyncedge_config *config);
void lyncedge_events_read(struct lyncedge_events *ev, u64 *sent, u64 *suppressed);
void lyncedge_event(struct net *net, struct lyncedge_net *ln, const struct lyncedge_config *config,
		    const struct lyncedge_drop *drop);

/* What the verdict needs to know of a packet. */
enum lyncedge_kind {
	LYNCEDGE_PKT_PORTS,	/* TCP or UDP with a readable destination port */
	LYNCEDGE_PKT_NDISC,	/* IPv6 neighbour discovery or multicast listener */
	LYNCEDGE_PKT_OTHER,	/* any other protocol, or a non-first fragment */
	LYNCEDGE_PKT_BAD,	/* truncated or malformed headers */
};

struct lyncedge_pkt {
	u8 proto;
	u16 sport;
	u16 dport;
};

/* The role of dev in the namespace, LYNCEDGE_ROLE_NONE for none (or no dev). */
static inline unsigned int lyncedge_role(struct lyncedge_net *ln, const struct net_device *dev)
{
	unsigned int i;
	void *entry;
	u64 e;

	if (!dev || !(READ_ONCE(ln->fast_mask) & BIT_ULL(dev->ifindex % 64)))
		return LYNCEDGE_ROLE_NONE;
	for (i = 0; i < LYNCEDGE_FAST_ROLES; i++) {
		e = READ_ONCE(ln->fast[i]);
		if (e >> 8 == (u64)dev->ifindex)
			return e & 0xff;
	}
	/* Pairs with the smp_wmb() of lyncedge_set_role(). */
	smp_rmb();
	if (READ_ONCE(ln->nroles) <= LYNCEDGE_FAST_ROLES)
		return LYNCEDGE_ROLE_NONE;
	entry = xa_load(&ln->roles, dev->ifindex);
	return entry ? xa_to_value(entry) : LYNCEDGE_ROLE_NONE;
}

enum lyncedge_kind lyncedge_parse(const struct sk_buff *skb, u8 pf, struct lyncedge_pkt *pkt);
void lyncedge_addr(const struct sk_buff *skb, u8 pf, bool source, struct in6_addr *addr);
u32 lyncedge_rule_of(const struct lyncedge_policy *policy, const struct sk_buff *skb, u8 pf,
		     unsigned int role, unsigned int dir, const struct lyncedge_pkt *pkt);
unsigned int lyncedge_judge(struct sk_buff *skb, const struct nf_hook_state *state,
			    struct lyncedge_net *ln, const struct lyncedge_policy *policy,
			    const struct net_device *dev, unsigned int role, unsigned int dir);
extern const struct nf_hook_ops lyncedge_gateway_ops[];
extern const unsigned int lyncedge_gateway_nops;

extern int (*lyncedge_ct_get)(struct net *net, u8 nfproto);
extern void (*lyncedge_ct_put)(struct net *net, u8 nfproto);
int lyncedge_hooks_register(struct net *net, u8 deployment);
void lyncedge_hooks_unregister(struct net *net, u8 deployment);

int lyncedge_proc_init(struct net *net);
void lyncedge_proc_exit(struct net *net);

int lyncedge_genl_init(void);
bool lyncedge_nl_listening(struct net *net);
struct sk_buff *lyncedge_nl_event_new(void **hdr);
void lyncedge_nl_event_send(struct net *net, struct sk_buff *msg, void *hdr);
void lyncedge_genl_exit(void);

const char *lyncedge_role_name(unsigned int role);
const char *lyncedge_dir_name(unsigned int dir);
const char *lyncedge_proto_name(u8 proto);
const char *lyncedge_feature_name(unsigned int feature);

#endif /* _LYNCEDGE_H */
