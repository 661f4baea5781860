// SPDX-License-Identifier: GPL-2.0
/*
 * Drop events: one generic netlink message per packet counted as a drop, to
 * the "events" multicast group of the packet's namespace.
 *
 * A flood of forbidden packets must not become a flood of messages, so a
 * token bucket per namespace limits them; every drop that finds a listener
 * either becomes an event or is counted as suppressed, and the next event
 * says how many were suppressed before it. With nobody listening a drop
 * costs the one check of the group's listeners, and nothing is counted.
 *
 * No lock: a flood on every CPU must not queue them on one. The bucket is
 * one atomic, the time it is empty again (the generic cell rate algorithm):
 * an event costs NSEC_PER_SEC / rate and may come while that time is at
 * most (burst - 1) events ahead of now. A suppressed drop costs one read of
 * it and one atomic increment. Which suppressed drops an event reports is
 * one more atomic, moved forward by compare-and-exchange, so each is
 * reported by exactly one event.
 */
#include <linux/atomic.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/ktime.h>
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <net/genetlink.h>

#include "compat.h"
#include "events.h"
#include "family.h"

void lyncedge_events_refill(struct lyncedge_events *ev)
{
	atomic64_set(&ev->tat, ktime_get_ns());
}

void lyncedge_events_read(const struct lyncedge_events *ev, u64 *sent, u64 *suppressed)
{
	*sent = atomic64_read(&ev->sent);
	*suppressed = atomic64_read(&ev->suppressed);
}

bool lyncedge_events_listening(struct net *net)
{
	return genl_has_listeners(&lyncedge_genl_family, net, LYNCEDGE_NL_MCGRP_EVENTS);
}

/* Takes one event's credit, or counts the drop as suppressed. */
static bool lyncedge_event_take(struct lyncedge_events *ev, const struct lyncedge_settings *s)
{
	s64 now, tat, cost, ahead;

	if (!s->event_rate)
		goto suppress;
	cost = NSEC_PER_SEC / s->event_rate;
	ahead = (s64)(s->event_burst - 1) * cost;
	now = ktime_get_ns();
	tat = atomic64_read(&ev->tat);
	do {
		if (tat - now > ahead)
			goto suppress;
	} while (!atomic64_try_cmpxchg(&ev->tat, &tat, max(tat, now) + cost));
	atomic64_inc(&ev->sent);
	return true;

suppress:
	atomic64_inc(&ev->suppressed);
	return false;
}

/* The drops suppressed since the last event that reported any: now this one's. */
static u64 lyncedge_event_pending(struct lyncedge_events *ev)
{
	s64 reported = atomic64_read(&ev->reported), suppressed;

	do {
		suppressed = atomic64_read(&ev->suppressed);
	} while (!atomic64_try_cmpxchg(&ev->reported, &reported, suppressed));
	return suppressed - reported;
}

/* An event that could not be built is suppressed after all, and gives its report back. */
static void lyncedge_event_untake(struct lyncedge_events *ev, u64 pending)
{
	atomic64_dec(&ev->sent);
	atomic64_inc(&ev->suppressed);
	atomic64_sub(pending, &ev->reported);
}

static int lyncedge_event_addrs(struct sk_buff *msg, const struct lyncedge_drop *d)
{
	if (d->pf == NFPROTO_IPV4)
		return nla_put_in_addr(msg, LYNCEDGE_A_EVENT_SADDR, ip_hdr(d->skb)->saddr) ||
		       nla_put_in_addr(msg, LYNCEDGE_A_EVENT_DADDR, ip_hdr(d->skb)->daddr);
	return nla_put_in6_addr(msg, LYNCEDGE_A_EVENT_SADDR, &ipv6_hdr(d->skb)->saddr) ||
	       nla_put_in6_addr(msg, LYNCEDGE_A_EVENT_DADDR, &ipv6_hdr(d->skb)->daddr);
}

static int lyncedge_event_fill(struct sk_buff *msg, const struct lyncedge_drop *d, u64 pending)
{
	return nla_put_u8(msg, LYNCEDGE_A_EVENT_ACTION, d->action) ||
	       nla_put_u8(msg, LYNCEDGE_A_EVENT_REASON, d->reason) ||
	       nla_put_u8(msg, LYNCEDGE_A_RULE_ROLE, d->role) ||
	       nla_put_u8(msg, LYNCEDGE_A_RULE_DIR, d->dir) ||
	       nla_put_u32(msg, LYNCEDGE_A_IFINDEX, d->dev->ifindex) ||
	       nla_put_string(msg, LYNCEDGE_A_IFNAME, d->dev->name) ||
	       nla_put_u8(msg, LYNCEDGE_A_RULE_PROTO, d->proto) ||
	       lyncedge_event_addrs(msg, d) ||
	       (d->ports && (nla_put_u16(msg, LYNCEDGE_A_EVENT_SPORT, d->sport) ||
			     nla_put_u16(msg, LYNCEDGE_A_EVENT_DPORT, d->dport))) ||
	       nla_put_u32(msg, LYNCEDGE_A_EVENT_LEN, d->skb->len) ||
	       nla_put_u64_64bit(msg, LYNCEDGE_A_EVENT_SUPPRESSED, pending, LYNCEDGE_A_PAD);
}

/* Room for every attribute of an event, IPv6 addresses and a full name. */
#define LYNCEDGE_EVENT_SIZE 256

/* The caller has seen a listener (lyncedge_events_listening()): without one, nothing is counted. */
void lyncedge_event(struct net *net, struct lyncedge_events *ev, const struct lyncedge_settings *s,
		    const struct lyncedge_drop *drop)
{
	struct sk_buff *msg;
	u64 pending;
	void *hdr;

	if (!lyncedge_event_take(ev, s))
		return;
	pending = lyncedge_event_pending(ev);
	msg = genlmsg_new(LYNCEDGE_EVENT_SIZE, GFP_ATOMIC);
	if (!msg)
		goto untake;
	hdr = genlmsg_put(msg, 0, 0, &lyncedge_genl_family, 0, LYNCEDGE_CMD_EVENT);
	if (!hdr || lyncedge_event_fill(msg, drop, pending)) {
		nlmsg_free(msg);
		goto untake;
	}
	genlmsg_end(msg, hdr);
	/* A listener that went away meanwhile is no error. */
	lyncedge_genl_multicast(&lyncedge_genl_family, net, msg, LYNCEDGE_NL_MCGRP_EVENTS);
	return;

untake:
	lyncedge_event_untake(ev, pending);
}
