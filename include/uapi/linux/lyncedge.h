/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * lyncedge: the firewall policy of a Lync Server 2013 single consolidated
 * Edge Server, enforced on the host's edge interfaces.
 *
 * This header is the contract between the lyncedge module and its tool.
 *
 * Generic netlink family "lyncedge", version LYNCEDGE_GENL_VERSION. All state
 * is per network namespace: a command acts on the namespace of the socket it
 * arrives on. Commands that change state need CAP_NET_ADMIN in the user
 * namespace that owns that network namespace. Every rejection carries a
 * negative errno and, where the kernel can say more, an extended ack message.
 * Unknown attributes are rejected (strict validation), and each command
 * has its own attribute policy: an attribute that belongs to another
 * command, or only to replies, is rejected too.
 *
 * State is one snapshot per namespace, replaced whole by every change: the
 * roles, the configuration and the rules compiled from it. A change is
 * applied at once for the packets, or refused and nothing changes. Each
 * change bumps the namespace's generation (LYNCEDGE_A_GENERATION); a dump
 * that raced a change is flagged NLM_F_DUMP_INTR. Counters are not part of
 * the snapshot: no change resets them.
 *
 * Roles belong to interface names, as nftables' iifname matches do: a
 * role is given to a name whether or not an interface has it yet. An
 * interface is judged with the role of its current name from the moment it
 * has that name (it is created, renamed into it, or moved into the
 * namespace) until it loses it (renamed, moved out, deleted); a deleted
 * interface's role waits for the next interface of that name. The loopback
 * interface never has a role. While the namespace has no role at all, the
 * module has no hooks there and no effect.
 *
 * LYNCEDGE_CMD_SET_ROLE
 *   Gives a name a role, or takes it away.
 *   LYNCEDGE_A_IFNAME   NUL-terminated string, at most IFNAMSIZ - 1 chars:
 *                       a name an interface can have, no control
 *                       characters; or
 *   LYNCEDGE_A_IFINDEX  u32: the current name of that interface (-ENODEV
 *                       when there is none); exactly one of the two.
 *   LYNCEDGE_A_ROLE     u8, enum lyncedge_role; LYNCEDGE_ROLE_NONE takes the
 *                       name's role away (none to take is no error).
 *   At most LYNCEDGE_ROLES_MAX names have roles.
 *
 * LYNCEDGE_CMD_GET_ROLE (dump)
 *   One message per name with a role, in name order, each with
 *   LYNCEDGE_A_IFNAME and LYNCEDGE_A_ROLE, and LYNCEDGE_A_IFINDEX when an
 *   interface has the name (the role is bound to it); without it, the role
 *   waits for an interface of that name.
 *
 * LYNCEDGE_CMD_GET_RULES (dump)
 *   One message per rule of the built-in policy, in id order, each with:
 *   LYNCEDGE_A_RULE_ID        u32, stable across versions
 *   LYNCEDGE_A_RULE_ROLE      u8, enum lyncedge_role
 *   LYNCEDGE_A_RULE_DIR       u8, enum lyncedge_dir
 *   LYNCEDGE_A_RULE_PROTO     u8, IPPROTO_TCP or IPPROTO_UDP
 *   LYNCEDGE_A_RULE_PORT_MIN  u16, destination port of the packet that
 *   LYNCEDGE_A_RULE_PORT_MAX  u16  opens the flow: first and last of a range
 *   LYNCEDGE_A_RULE_FEATURE   u8, enum lyncedge_feature: the feature the
 *                             namespace's edition puts the rule in; absent
 *                             when the edition has no such row (the rule is
 *                             not part of it, and never enabled)
 *   LYNCEDGE_A_RULE_MEDIA     u8, 1 when the ports are the media range
 *   LYNCEDGE_A_RULE_GROUPS    u32, 1 << enum lyncedge_group for each peer
 *                             group the rule accepts (internal rules)
 *   LYNCEDGE_A_RULE_SERVICE   u8, enum lyncedge_service the rule is bound to
 *   LYNCEDGE_A_RULE_CUSTOM    u8, 1 for a custom rule (which has no
 *                             LYNCEDGE_A_RULE_FEATURE); after the built-in
 *                             rules, before the drop counters
 *   LYNCEDGE_A_RULE_ENABLED   u8, 1 when the edition has the rule and its
 *                             feature is on
 *   LYNCEDGE_A_RULE_NAME      string: the rows of the edition's Microsoft
 *                             page the rule stands for (the seed's for
 *                             LYNC2013); for a rule the edition does not
 *                             have, the seed's
 *   LYNCEDGE_A_PACKETS        u64 (pad LYNCEDGE_A_PAD), packets of new flows
 *   LYNCEDGE_A_BYTES          u64 (pad LYNCEDGE_A_PAD)  this rule let in, since
 *                             the last LYNCEDGE_CMD_RESET_COUNTERS
 *   then one message per role and direction for the drop counters, with
 *   LYNCEDGE_A_RULE_ROLE, LYNCEDGE_A_RULE_DIR, LYNCEDGE_A_PACKETS and
 *   LYNCEDGE_A_BYTES only (no LYNCEDGE_A_RULE_ID). A dump that raced a
 *   change of the namespace's state is flagged NLM_F_DUMP_INTR.
 *
 * LYNCEDGE_CMD_SET_CONFIG
 *   Changes the namespace's configuration: the attributes present say what
 *   changes, and at least one must be present. The request is validated in
 *   full and either takes effect as a whole, in one step for the packets,
 *   or changes nothing.
 *   LYNCEDGE_A_FEATURES      struct nla_bitfield32 of LYNCEDGE_FEATURE_F_*
 *                            flags: the selector names the features to
 *                            change, the value says on or off. The core rows
 *                            are always on: LYNCEDGE_FEATURE_F_CORE cannot be
 *                            selected (-EOPNOTSUPP).
 *   LYNCEDGE_A_MEDIA_MIN     u16 each, both or neither: the A/V Edge media
 *   LYNCEDGE_A_MEDIA_MAX     port range (Lync's MediaCommunicationPortStart
 *                            and -Count; 50000-59999 by default), 1024 to
 *                            65535, not reversed. The rules marked media in
 *                            LYNCEDGE_CMD_GET_RULES follow it. A range that
 *                            overlaps a port of another rule of the same
 *                            role, direction and protocol is refused.
 *   LYNCEDGE_A_MODE_EXTERNAL u8 each, enum lyncedge_mode: what happens to a
 *   LYNCEDGE_A_MODE_INTERNAL packet that no rule allows on an interface with
 *                            that role. ENFORCE (the default) drops it; AUDIT
 *                            lets it pass. Both count it as a drop.
 *   LYNCEDGE_A_PEERS         nested array (NLA_F_NESTED) of nested peers,
 *                            each with
 *       LYNCEDGE_PEER_A_GROUP     u8, enum lyncedge_group
 *       LYNCEDGE_PEER_A_ADDR      4 (IPv4) or 16 (IPv6) bytes, network order
 *       LYNCEDGE_PEER_A_PREFIXLEN u8, at most 32 or 128; no host bits set
 *                            It replaces every peer of every group (an empty
 *                            array clears them), at most
 *                            LYNCEDGE_PEERS_MAX per group, no duplicates,
 *                            each inside one of the internal networks (below).
 *                            An internal rule names the groups it accepts
 *                            (LYNCEDGE_A_RULE_GROUPS): when none of them has
 *                            a peer, it accepts any host of the internal
 *                            networks, as the seed's "Any (can be defined as
 *                            ...)"; otherwise only the peers of those groups
 *                            (the source of an "in" flow, the destination of
 *                            an "out" flow). A prefix matches addresses of
 *                            its own family only: ::/0 takes in no IPv4
 *                            address.
 *   LYNCEDGE_A_INTERNAL_NETS nested array (NLA_F_NESTED) of the prefixes the
 *                            internal network is made of, each with
 *       LYNCEDGE_NET_A_ADDR       4 (IPv4) or 16 (IPv6) bytes, network order
 *       LYNCEDGE_NET_A_PREFIXLEN  u8, at most 32 or 128; no host bits set
 *                            It replaces them all: 1 to
 *                            LYNCEDGE_INTERNAL_NETS_MAX, no duplicates. An
 *                            empty array is refused: "any address" is said
 *                            as 0.0.0.0/0 and ::/0. Default: the private
 *                            ranges 10.0.0.0/8, 172.16.0.0/12,
 *                            192.168.0.0/16 and fc00::/7. On an interface
 *                            with the internal role, a packet that opens a
 *                            flow whose far end (the source of an "in"
 *                            flow, the destination of an "out" flow) is in
 *                            none of them is dropped (or, in audit mode,
 *                            let through) with LYNCEDGE_REASON_OUTSIDE,
 *                            whatever its port or protocol, and counted on
 *                            the internal drop counter of its direction.
 *                            The link itself is always inside: multicast
 *                            (224.0.0.0/4, ff00::/8), the limited broadcast
 *                            255.255.255.255, the unspecified address
 *                            (0.0.0.0, ::) and IPv6 link-local fe80::/10.
 *                            A change that leaves a peer outside them is
 *                            refused, whichever of the two it changes.
 *   LYNCEDGE_A_SERVICES      nested array (NLA_F_NESTED) of nested service
 *                            addresses, each with
 *       LYNCEDGE_SERVICE_A_SERVICE u8, enum lyncedge_service, not NONE
 *       LYNCEDGE_SERVICE_A_ADDR    4 (IPv4) or 16 (IPv6) bytes
 *                            It replaces the addresses of every service (an
 *                            empty array clears them), at most
 *                            LYNCEDGE_SERVICE_ADDRS_MAX per service, no
 *                            duplicates. An external rule bound to a service
 *                            (LYNCEDGE_A_RULE_SERVICE) whose service has
 *                            addresses matches only those: the destination
 *                            of an "in" flow, the source of an "out" flow,
 *                            of the address's family (::ffff:192.0.2.1 is
 *                            not 192.0.2.1). Rules that share their port range (the three
 *                            "external in tcp 443" rows) are tried in id
 *                            order, and the first that matches counts.
 *   LYNCEDGE_A_CUSTOM_RULES  nested array (NLA_F_NESTED) of the site's own
 *                            rules ("sites move ports"), each with
 *       LYNCEDGE_CUSTOM_A_ROLE     u8, EXTERNAL or INTERNAL
 *       LYNCEDGE_CUSTOM_A_DIR      u8, enum lyncedge_dir
 *       LYNCEDGE_CUSTOM_A_PROTO    u8, IPPROTO_TCP or IPPROTO_UDP
 *       LYNCEDGE_CUSTOM_A_PORT_MIN u16 each, 1 to 65535, not reversed
 *       LYNCEDGE_CUSTOM_A_PORT_MAX
 *       LYNCEDGE_CUSTOM_A_NAME     string, at most
 *                                  LYNCEDGE_CUSTOM_NAME_MAX - 1 bytes
 *       LYNCEDGE_CUSTOM_A_ID       u32, in replies only: the rule's id
 *                            A name has no control characters (bytes below
 *                            0x20, and 0x7f), so that a rule is always one
 *                            line of /proc and of a configuration file.
 *                            It replaces every custom rule, at most
 *                            LYNCEDGE_CUSTOM_MAX. A rule given exactly as one
 *                            the namespace has keeps its id and counters;
 *                            others get new ids, from LYNCEDGE_CUSTOM_ID_MIN
 *                            up, handed out only when the change is applied
 *                            and never reused in the namespace; when the ids
 *                            run out (at 2^32 - 1), -ENOSPC. A custom rule
 *                            may not overlap any other enabled rule of its
 *                            role, direction and protocol (-EEXIST).
 *   LYNCEDGE_A_EVENT_RATE    u32 each, both or neither: the drop events of
 *   LYNCEDGE_A_EVENT_BURST   LYNCEDGE_MCGRP_EVENTS, at most RATE a second
 *                            on average with bursts of at most BURST (a token
 *                            bucket, refilled whenever either changes).
 *                            RATE 0 to LYNCEDGE_EVENT_RATE_MAX (0: none);
 *                            BURST 1 to LYNCEDGE_EVENT_BURST_MAX. Defaults:
 *                            LYNCEDGE_EVENT_RATE_DEFAULT and _BURST_DEFAULT.
 *   LYNCEDGE_A_DEPLOYMENT    u8, enum lyncedge_deployment: whether the roles
 *                            judge the host's own traffic (HOST, the default)
 *                            or the traffic it forwards to and from the edge
 *                            (GATEWAY). A change swaps the hooks in one step:
 *                            the new ones are in place before the old go.
 *   LYNCEDGE_A_EDITION       u8, enum lyncedge_edition: whose port tables
 *                            the built-in rules follow (LYNC2013, the seed,
 *                            by default). Rule ids do not change with it; a
 *                            rule the edition has no row for is never
 *                            enabled. A feature the edition has no rows for
 *                            cannot be on (-EOPNOTSUPP), whether the request
 *                            turns it on or changes the edition under it.
 *   LYNCEDGE_A_ROLES         nested array (NLA_F_NESTED) of roles, each with
 *       LYNCEDGE_ROLE_A_IFNAME  string, a name as in LYNCEDGE_CMD_SET_ROLE
 *       LYNCEDGE_ROLE_A_ROLE    u8, EXTERNAL or INTERNAL
 *       LYNCEDGE_ROLE_A_IFINDEX u32, in replies only: the interface bound
 *                            It replaces every role (an empty array takes
 *                            them all away), each name once, at most
 *                            LYNCEDGE_ROLES_MAX: roles and configuration
 *                            change in one step, as a saved file restores
 *                            both.
 *   LYNCEDGE_A_GENERATION    u32: apply only if the namespace's state is
 *                            still at this generation (from GET_CONFIG),
 *                            else -EAGAIN; for read-modify-write.
 *   LYNCEDGE_A_CONFIRM       u32, 1 to LYNCEDGE_CONFIRM_MAX seconds: the
 *                            change is applied at once, and undone by the
 *                            kernel itself (the roles and configuration of
 *                            the snapshot it replaced, bound to the
 *                            interfaces of that moment) unless
 *                            LYNCEDGE_CMD_CONFIRM comes within them, even if
 *                            the process that asked is gone. Changes made
 *                            meanwhile are undone with it. -EBUSY while
 *                            another change awaits confirmation. A reverted
 *                            change is logged and counted
 *                            (LYNCEDGE_A_ROLLBACKS).
 *
 * LYNCEDGE_CMD_GET_CONFIG (dump)
 *   The whole configuration, as SET_CONFIG sets it, from one snapshot: a
 *   first message with LYNCEDGE_A_FEATURES (value: the features that are
 *   on; selector: every feature this module knows), LYNCEDGE_A_MEDIA_MIN,
 *   LYNCEDGE_A_MEDIA_MAX, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_A_MODE_INTERNAL,
 *   LYNCEDGE_A_EVENT_RATE, LYNCEDGE_A_EVENT_BURST, LYNCEDGE_A_DEPLOYMENT,
 *   LYNCEDGE_A_EDITION and LYNCEDGE_A_GENERATION; then messages with
 *   LYNCEDGE_A_ROLES, LYNCEDGE_A_INTERNAL_NETS, LYNCEDGE_A_PEERS,
 *   LYNCEDGE_A_SERVICES and LYNCEDGE_A_CUSTOM_RULES, in that order, each
 *   array split over as many messages as it takes (the entries of all of
 *   them, in order, are the array; every array has at least one message,
 *   maybe empty).
 *
 * LYNCEDGE_CMD_CONFIRM
 *   Keeps the change that awaits confirmation (LYNCEDGE_A_CONFIRM) for good.
 *   -ENOENT when none does.
 *
 * LYNCEDGE_CMD_RESET_COUNTERS
 *   Reads and clears counters in one step each, so that no packet is lost
 *   between the read and the clear, and two resets never both report (or
 *   both miss) the same packet: the per-CPU counters only ever grow, and a
 *   reset moves the rule's base to what they hold, under a lock of the
 *   namespace. Every reader after it sees the counts above that base.
 *   As a request with LYNCEDGE_A_RULE_ID (u32): clears that rule (built-in
 *   or custom) and replies with one message as in LYNCEDGE_CMD_GET_RULES
 *   whose LYNCEDGE_A_PACKETS and LYNCEDGE_A_BYTES are the counts it cleared;
 *   -ENOENT when there is no such rule.
 *   As a dump: clears every rule and the drop counters, one message each as
 *   in LYNCEDGE_CMD_GET_RULES, with the counts cleared. A row is cleared only
 *   once its message is in the reply, so a reply too short for every row
 *   clears the rest in the next part of the dump; a dump abandoned halfway
 *   leaves the rows it did not reach untouched.
 *
 * LYNCEDGE_CMD_GET_STATS
 *   Replies with the namespace's event and diagnostic counters, since it
 *   was created (a reset of the rule counters leaves them alone):
 *   LYNCEDGE_A_EVENTS_SENT        u64, events sent to LYNCEDGE_MCGRP_EVENTS
 *   LYNCEDGE_A_EVENTS_SUPPRESSED  u64, drops that had a listener but no
 *                                 event, for the rate limit (or memory)
 *   LYNCEDGE_A_DIAG_AV_SNAT       u64, packets, see enum lyncedge_diag
 *   LYNCEDGE_A_DIAG_ASYMMETRIC    u64, packets, see enum lyncedge_diag
 *   LYNCEDGE_A_DIAG_OUTSIDE       u64, packets, see enum lyncedge_diag
 *   LYNCEDGE_A_ROLLBACKS          u64, changes reverted for want of a
 *                                 confirmation
 *   LYNCEDGE_A_CONFIRM_LEFT       u32, milliseconds until the change that
 *                                 awaits confirmation reverts; only while
 *                                 one does
 *
 * LYNCEDGE_CMD_EVENT (multicast group LYNCEDGE_MCGRP_EVENTS only)
 *   One message per packet counted as a drop, sent only while a socket of
 *   the namespace listens to the group (joining it needs CAP_NET_ADMIN in
 *   the namespace's user namespace) and the rate limit allows. Without a
 *   listener a drop costs one check and no event is counted anywhere.
 *   LYNCEDGE_A_EVENT_ACTION     u8, enum lyncedge_action: dropped, or let
 *                               through by audit mode
 *   LYNCEDGE_A_EVENT_REASON     u8, enum lyncedge_reason
 *   LYNCEDGE_A_RULE_ROLE        u8 \ the drop counter that counted it
 *   LYNCEDGE_A_RULE_DIR         u8 /  (as in LYNCEDGE_CMD_GET_RULES)
 *   LYNCEDGE_A_IFINDEX          u32 \ the interface with the role
 *   LYNCEDGE_A_IFNAME           string /
 *   LYNCEDGE_A_RULE_PROTO       u8, the IP protocol (any, not only TCP/UDP)
 *   LYNCEDGE_A_EVENT_SADDR      4 (IPv4) or 16 (IPv6) bytes, network order
 *   LYNCEDGE_A_EVENT_DADDR      same length as the source
 *   LYNCEDGE_A_EVENT_SPORT      u16 \ TCP and UDP with readable ports only
 *   LYNCEDGE_A_EVENT_DPORT      u16 /
 *   LYNCEDGE_A_EVENT_LEN        u32, bytes of the packet
 *   LYNCEDGE_A_EVENT_SUPPRESSED u64, drops suppressed since the event before
 *                               this one
 */
#ifndef _UAPI_LINUX_LYNCEDGE_H
#define _UAPI_LINUX_LYNCEDGE_H

#define LYNCEDGE_GENL_NAME	"lyncedge"
#define LYNCEDGE_GENL_VERSION	2

enum lyncedge_role {
	LYNCEDGE_ROLE_NONE,
	LYNCEDGE_ROLE_EXTERNAL,
	LYNCEDGE_ROLE_INTERNAL,
	__LYNCEDGE_ROLE_LAST
};

#define LYNCEDGE_ROLE_MAX (__LYNCEDGE_ROLE_LAST - 1)

/*
 * Direction relative to the edge: IN is a flow opened toward the edge, OUT a
 * flow the edge opens. Packets of a flow after its first are return traffic.
 */
enum lyncedge_dir {
	LYNCEDGE_DIR_IN,
	LYNCEDGE_DIR_OUT,
	__LYNCEDGE_DIR_LAST
};

#define LYNCEDGE_DIR_MAX (__LYNCEDGE_DIR_LAST - 1)

/* What happens to a packet no rule allows, per role. */
enum lyncedge_mode {
	LYNCEDGE_MODE_ENFORCE,
	LYNCEDGE_MODE_AUDIT,
	__LYNCEDGE_MODE_LAST
};

#define LYNCEDGE_MODE_MAX (__LYNCEDGE_MODE_LAST - 1)

/*
 * The internal side's peers, as the seed's source column names them: Front
 * End servers and pools (with the XMPP Gateway and the Central Management
 * store), Directors, and Survivable Branch Appliances and Servers.
 */
enum lyncedge_group {
	LYNCEDGE_GROUP_FRONTEND,
	LYNCEDGE_GROUP_DIRECTOR,
	LYNCEDGE_GROUP_BRANCH,
	__LYNCEDGE_GROUP_LAST
};

#define LYNCEDGE_GROUP_MAX (__LYNCEDGE_GROUP_LAST - 1)
#define LYNCEDGE_PEERS_MAX 64

/* The Edge services of the seed's external rows, by their addresses. */
enum lyncedge_service {
	LYNCEDGE_SERVICE_NONE,
	LYNCEDGE_SERVICE_ACCESS,	/* Access Edge (and the XMPP proxy on its address) */
	LYNCEDGE_SERVICE_WEBCONF,	/* Web Conferencing Edge */
	LYNCEDGE_SERVICE_AV,		/* A/V Edge */
	__LYNCEDGE_SERVICE_LAST
};

#define LYNCEDGE_SERVICE_MAX (__LYNCEDGE_SERVICE_LAST - 1)
#define LYNCEDGE_SERVICE_ADDRS_MAX 8

#define LYNCEDGE_INTERNAL_NETS_MAX 64

#define LYNCEDGE_CUSTOM_MAX 1024
#define LYNCEDGE_CUSTOM_ID_MIN 1001
#define LYNCEDGE_CUSTOM_NAME_MAX 64

#define LYNCEDGE_ROLES_MAX 256
#define LYNCEDGE_CONFIRM_MAX 3600

#define LYNCEDGE_EVENT_RATE_MAX		10000
#define LYNCEDGE_EVENT_BURST_MAX	10000
#define LYNCEDGE_EVENT_RATE_DEFAULT	10
#define LYNCEDGE_EVENT_BURST_DEFAULT	50

#define LYNCEDGE_MCGRP_EVENTS	"events"

/*
 * What the roles judge in a namespace.
 * HOST: the host is the edge. Packets it receives through a role interface
 * are "in" for that role, packets it sends through one are "out".
 * GATEWAY: the host is the firewall in front of the edge (the seed's
 * perimeter network), and a role interface faces an edge segment: a packet
 * it forwards out through a role interface, toward the edge, is "in" for
 * that role; one it forwards in from a role interface is "out". A packet
 * forwarded from one role interface to another is judged by both. The
 * gateway's own traffic is not judged: it is not the edge's, and it keeps
 * the gateway reachable whatever the edge's policy says. Source and
 * destination NAT happen around the judgement (DNAT before, SNAT after), so
 * the policy always sees the edge's own (private) addresses, and service
 * addresses name them from either side.
 * One or the other, not both: a role says what the interface faces, the
 * edge's own interface or an edge segment, and one interface cannot face
 * both.
 */
enum lyncedge_deployment {
	LYNCEDGE_DEPLOYMENT_HOST,
	LYNCEDGE_DEPLOYMENT_GATEWAY,
	__LYNCEDGE_DEPLOYMENT_LAST
};

#define LYNCEDGE_DEPLOYMENT_MAX (__LYNCEDGE_DEPLOYMENT_LAST - 1)

/*
 * NAT and routing mistakes that break Lync (packets; none is dropped for
 * being counted here). AV_SNAT and ASYMMETRIC are counted in GATEWAY
 * deployment, OUTSIDE in both.
 * AV_SNAT: a packet that opens a flow an A/V Edge rule allows (rule service
 * LYNCEDGE_SERVICE_AV), forwarded toward the edge with its source address
 * rewritten by this gateway's source NAT. Microsoft: NAT must not change the
 * source of incoming A/V traffic, or the edge relays media to the wrong
 * address and calls have no audio or video.
 * ASYMMETRIC: a packet from an edge service address (LYNCEDGE_A_SERVICES)
 * that arrives on an interface whose role is not external, or one to a
 * service address that the gateway routes out through such an interface:
 * the edge's traffic takes another path than its external side, as when the
 * edge's default gateway is on its internal interface.
 * OUTSIDE: a packet through an interface with the internal role whose far
 * end is outside the internal networks (LYNCEDGE_A_INTERNAL_NETS): the
 * source of one toward the edge, the destination of one from it. HOST:
 * received or sent through it; GATEWAY: forwarded out through it or in
 * from it. Every such packet counts, new flows (which are also dropped,
 * LYNCEDGE_REASON_OUTSIDE) and the packets of established ones alike, such
 * as the replies of the edge to an Internet peer when its default route is
 * on its internal side.
 */
enum lyncedge_diag {
	LYNCEDGE_DIAG_AV_SNAT,
	LYNCEDGE_DIAG_ASYMMETRIC,
	LYNCEDGE_DIAG_OUTSIDE,
	__LYNCEDGE_DIAG_LAST
};

/* What became of a packet that no rule allows. */
enum lyncedge_action {
	LYNCEDGE_ACTION_DROP,		/* dropped (mode enforce) */
	LYNCEDGE_ACTION_AUDIT,		/* let through (mode audit) */
	__LYNCEDGE_ACTION_LAST
};

#define LYNCEDGE_ACTION_MAX (__LYNCEDGE_ACTION_LAST - 1)

/* Why no rule allows it. */
enum lyncedge_reason {
	LYNCEDGE_REASON_NO_RULE,	/* TCP or UDP to a port, peer or address no rule allows */
	LYNCEDGE_REASON_PROTOCOL,	/* neither TCP nor UDP, or a fragment without ports */
	LYNCEDGE_REASON_MALFORMED,	/* headers truncated or unreadable */
	LYNCEDGE_REASON_INVALID,	/* conntrack found the packet invalid */
	LYNCEDGE_REASON_OUTSIDE,	/* internal role: far end outside the internal networks */
	__LYNCEDGE_REASON_LAST
};

#define LYNCEDGE_REASON_MAX (__LYNCEDGE_REASON_LAST - 1)

/*
 * The product whose Edge port tables the built-in rules follow (policy.c
 * has the seed's, editions.c the others', each citing its page).
 * SFB2015 and SFB2019 share Microsoft's page but for the XMPP rows, which
 * 2019 removed; SFBSE (Subscription Edition) follows 2019's table, as
 * Microsoft documents no Edge port change for it.
 */
enum lyncedge_edition {
	LYNCEDGE_EDITION_LYNC2013,
	LYNCEDGE_EDITION_SFB2015,
	LYNCEDGE_EDITION_SFB2019,
	LYNCEDGE_EDITION_SFBSE,
	__LYNCEDGE_EDITION_LAST
};

#define LYNCEDGE_EDITION_MAX (__LYNCEDGE_EDITION_LAST - 1)

/* Groups of rows an operator switches together. */
enum lyncedge_feature {
	LYNCEDGE_FEATURE_CORE,		/* everything the seed does not mark optional */
	LYNCEDGE_FEATURE_XMPP,		/* XMPP proxy: TCP 5269 and 23456 */
	LYNCEDGE_FEATURE_OCS2007,	/* federation with OCS 2007 media rows */
	__LYNCEDGE_FEATURE_LAST
};

#define LYNCEDGE_FEATURE_MAX (__LYNCEDGE_FEATURE_LAST - 1)

#define LYNCEDGE_FEATURE_F_CORE		(1U << LYNCEDGE_FEATURE_CORE)
#define LYNCEDGE_FEATURE_F_XMPP		(1U << LYNCEDGE_FEATURE_XMPP)
#define LYNCEDGE_FEATURE_F_OCS2007	(1U << LYNCEDGE_FEATURE_OCS2007)
#define __LYNCEDGE_FEATURE_F_ALL	((1U << __LYNCEDGE_FEATURE_LAST) - 1)

enum lyncedge_cmd {
	LYNCEDGE_CMD_UNSPEC,
	LYNCEDGE_CMD_SET_ROLE,
	LYNCEDGE_CMD_GET_ROLE,
	LYNCEDGE_CMD_GET_RULES,
	LYNCEDGE_CMD_SET_CONFIG,
	LYNCEDGE_CMD_GET_CONFIG,
	LYNCEDGE_CMD_RESET_COUNTERS,
	LYNCEDGE_CMD_GET_STATS,
	LYNCEDGE_CMD_EVENT,
	LYNCEDGE_CMD_CONFIRM,
	__LYNCEDGE_CMD_LAST
};

#define LYNCEDGE_CMD_MAX (__LYNCEDGE_CMD_LAST - 1)

enum lyncedge_attr {
	LYNCEDGE_A_UNSPEC,
	LYNCEDGE_A_PAD,
	LYNCEDGE_A_IFINDEX,
	LYNCEDGE_A_IFNAME,
	LYNCEDGE_A_ROLE,
	LYNCEDGE_A_RULE_ID,
	LYNCEDGE_A_RULE_ROLE,
	LYNCEDGE_A_RULE_DIR,
	LYNCEDGE_A_RULE_PROTO,
	LYNCEDGE_A_RULE_PORT_MIN,
	LYNCEDGE_A_RULE_PORT_MAX,
	LYNCEDGE_A_RULE_FEATURE,
	LYNCEDGE_A_RULE_ENABLED,
	LYNCEDGE_A_RULE_NAME,
	LYNCEDGE_A_PACKETS,
	LYNCEDGE_A_BYTES,
	LYNCEDGE_A_FEATURES,
	LYNCEDGE_A_MEDIA_MIN,
	LYNCEDGE_A_MEDIA_MAX,
	LYNCEDGE_A_MODE_EXTERNAL,
	LYNCEDGE_A_MODE_INTERNAL,
	LYNCEDGE_A_RULE_MEDIA,
	LYNCEDGE_A_PEERS,
	LYNCEDGE_A_GENERATION,
	LYNCEDGE_A_RULE_GROUPS,
	LYNCEDGE_A_SERVICES,
	LYNCEDGE_A_RULE_SERVICE,
	LYNCEDGE_A_CUSTOM_RULES,
	LYNCEDGE_A_RULE_CUSTOM,
	LYNCEDGE_A_EVENT_RATE,
	LYNCEDGE_A_EVENT_BURST,
	LYNCEDGE_A_EVENTS_SENT,
	LYNCEDGE_A_EVENTS_SUPPRESSED,
	LYNCEDGE_A_EVENT_ACTION,
	LYNCEDGE_A_EVENT_REASON,
	LYNCEDGE_A_EVENT_SADDR,
	LYNCEDGE_A_EVENT_DADDR,
	LYNCEDGE_A_EVENT_SPORT,
	LYNCEDGE_A_EVENT_DPORT,
	LYNCEDGE_A_EVENT_LEN,
	LYNCEDGE_A_EVENT_SUPPRESSED,
	LYNCEDGE_A_DEPLOYMENT,
	LYNCEDGE_A_DIAG_AV_SNAT,
	LYNCEDGE_A_DIAG_ASYMMETRIC,
	LYNCEDGE_A_ROLES,
	LYNCEDGE_A_CONFIRM,
	LYNCEDGE_A_ROLLBACKS,
	LYNCEDGE_A_CONFIRM_LEFT,
	LYNCEDGE_A_INTERNAL_NETS,
	LYNCEDGE_A_DIAG_OUTSIDE,
	LYNCEDGE_A_EDITION,
	__LYNCEDGE_A_LAST
};

#define LYNCEDGE_A_MAX (__LYNCEDGE_A_LAST - 1)

enum lyncedge_peer_attr {
	LYNCEDGE_PEER_A_UNSPEC,
	LYNCEDGE_PEER_A_GROUP,
	LYNCEDGE_PEER_A_ADDR,
	LYNCEDGE_PEER_A_PREFIXLEN,
	__LYNCEDGE_PEER_A_LAST
};

#define LYNCEDGE_PEER_A_MAX (__LYNCEDGE_PEER_A_LAST - 1)

enum lyncedge_net_attr {
	LYNCEDGE_NET_A_UNSPEC,
	LYNCEDGE_NET_A_ADDR,
	LYNCEDGE_NET_A_PREFIXLEN,
	__LYNCEDGE_NET_A_LAST
};

#define LYNCEDGE_NET_A_MAX (__LYNCEDGE_NET_A_LAST - 1)

enum lyncedge_service_attr {
	LYNCEDGE_SERVICE_A_UNSPEC,
	LYNCEDGE_SERVICE_A_SERVICE,
	LYNCEDGE_SERVICE_A_ADDR,
	__LYNCEDGE_SERVICE_A_LAST
};

#define LYNCEDGE_SERVICE_A_MAX (__LYNCEDGE_SERVICE_A_LAST - 1)

enum lyncedge_custom_attr {
	LYNCEDGE_CUSTOM_A_UNSPEC,
	LYNCEDGE_CUSTOM_A_ROLE,
	LYNCEDGE_CUSTOM_A_DIR,
	LYNCEDGE_CUSTOM_A_PROTO,
	LYNCEDGE_CUSTOM_A_PORT_MIN,
	LYNCEDGE_CUSTOM_A_PORT_MAX,
	LYNCEDGE_CUSTOM_A_NAME,
	LYNCEDGE_CUSTOM_A_ID,
	__LYNCEDGE_CUSTOM_A_LAST
};

#define LYNCEDGE_CUSTOM_A_MAX (__LYNCEDGE_CUSTOM_A_LAST - 1)

enum lyncedge_role_attr {
	LYNCEDGE_ROLE_A_UNSPEC,
	LYNCEDGE_ROLE_A_IFNAME,
	LYNCEDGE_ROLE_A_ROLE,
	LYNCEDGE_ROLE_A_IFINDEX,
	__LYNCEDGE_ROLE_A_LAST
};

#define LYNCEDGE_ROLE_A_MAX (__LYNCEDGE_ROLE_A_LAST - 1)

#endif /* _UAPI_LINUX_LYNCEDGE_H */
