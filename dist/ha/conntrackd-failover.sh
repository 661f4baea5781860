#!/bin/sh
# /etc/keepalived/conntrackd-failover.sh: keepalived's notify hook on a
# lyncedge gateway pair (keepalived.conf). lyncedge judges only new flows;
# the flows already open (calls, SIP sessions, the edge's own connections)
# pass a gateway only if its conntrack table knows them. conntrackd keeps
# the peer's flows aside; this hands them to the kernel at the takeover.
# usage: conntrackd-failover.sh primary|backup
conf=/etc/conntrackd/conntrackd.conf
case "$1" in
primary)
	# The peer's flows into this kernel, then this node's caches rebuilt
	# from it, then all of it sent to the peer, which is now the backup.
	conntrackd -C "$conf" -c
	conntrackd -C "$conf" -f
	conntrackd -C "$conf" -R
	conntrackd -C "$conf" -B
	;;
backup)
	# Ask the master for its whole table, to hold it in the external cache.
	conntrackd -C "$conf" -n
	;;
*)
	echo "usage: conntrackd-failover.sh primary|backup" >&2
	exit 2
	;;
esac
