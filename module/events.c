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
 */
#include <linux/ktime.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <net/genetlink.h>

#include "lyncedge.h"

/* A full bucket: the operator's new rate starts with its whole burst. */
void lyncedge_events_refill(struct lyncedge_events *ev, const struct lyncedge_config *config)
{
	spin_lock_bh(&ev->lock);
	ev->credit = config->event_rate ?
		     (u64)config->event_burst * (NSEC_PER_SEC / config->event_rate) : 0;
	ev->stamp = ktime_get_ns();
	spin_unlock_bh(&ev->lock);
}

void lyncedge_events_init(struct lyncedge_events *ev, const struct lyncedge_config *config)
{
	spin_lock_init(&ev->lock);
	lyncedge_events_refill(ev, config);
}

void lyncedge_events_read(struct lyncedge_events *ev, u64 *sent, u64 *suppressed)
{
	spin_lock_bh(&ev->lock);
	*sent = ev->sent;
	*suppressed = ev->suppressed;
	spin_unlock_bh(&ev->lock);
}

/*
 * Takes one event's credit and hands over the count suppressed before it,
 * or counts this drop as suppressed. Bottom halves off: the hook also runs
 * in process context (LOCAL_OUT).
 */
static bool lyncedge_event_take(struct lyncedge_events *ev, const struct lyncedge_config *config,
				u64 *pending)
{
	bool ok = false;
	u64 now, cost;

	spin_lock_bh(&ev->lock);
	if (config->event_rate) {
		cost = NSEC_PER_SEC / config->event_rate;
		now = ktime_get_ns();
		ev->credit = min_t(u64, ev->credit + (now - ev->stamp),
				   (u64)config->event_burst * cost);
		ev->stamp = now;
		if (ev->credit >= cost) {
			ev->credit -= cost;
			ok = true;
		}
	}
	if (ok) {
		*pending = ev->pending;
		ev->pending = 0;
		ev->sent++;
	} else {
		ev->pending++;
		ev->suppressed++;
	}
	spin_unlock_bh(&ev->lock);
	return ok;
}

/* An event that could not be built is suppressed after all. */
static void lyncedge_event_untake(struct lyncedge_events *ev, u64 pending)
{
	spin_lock_bh(&ev->lock);
	ev->sent--;
	ev->pending += pending + 1;
	ev->suppressed++;
	spin_unlock_bh(&ev->lock);
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

/* The caller has seen a listener (lyncedge_nl_listening()): without one, nothing is counted. */
void lyncedge_event(struct net *net, struct lyncedge_net *ln, const struct lyncedge_config *config,
		    const struct lyncedge_drop *drop)
{
	struct sk_buff *msg;
	u64 pending;
	void *hdr;

	if (!lyncedge_event_take(&ln->events, config, &pending))
		return;
	msg = lyncedge_nl_event_new(&hdr);
	if (!msg)
		goto untake;
	if (lyncedge_event_fill(msg, drop, pending)) {
		nlmsg_free(msg);
		goto untake;
	}
	lyncedge_nl_event_send(net, msg, hdr);
	return;

untake:
	lyncedge_event_untake(&ln->events, pending);
}
