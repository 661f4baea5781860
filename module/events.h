/* SPDX-License-Identifier: GPL-2.0 */
/* Drop events, rate-limited, to the family's "events" multicast group. */
#ifndef _LYNCEDGE_EVENTS_H
#define _LYNCEDGE_EVENTS_H

#include <linux/skbuff.h>

#include "lyncedge.h"

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

/* A full bucket: at a namespace's start, and when the rate or burst changes. */
void lyncedge_events_refill(struct lyncedge_events *ev);
void lyncedge_events_read(const struct lyncedge_events *ev, u64 *sent, u64 *suppressed);
/* Whether a socket of net listens to the events; the drop path asks first. */
bool lyncedge_events_listening(struct net *net);
/* An event for the drop, or a suppressed drop. */
void lyncedge_event(struct net *net, struct lyncedge_events *ev, const struct lyncedge_settings *s,
		    const struct lyncedge_drop *drop);

#endif /* _LYNCEDGE_EVENTS_H */
