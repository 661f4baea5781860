// SPDX-License-Identifier: GPL-2.0
/*
 * monitor [--json]: prints the namespace's drop events as they arrive, one
 * line each (or one JSON object per line), until interrupted.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/genetlink.h>

#include "escape.h"
#include "genl.h"
#include "lyncedgectl.h"
#include "names.h"

struct event {
	uint8_t action, reason, role, dir, proto;
	uint32_t ifindex, len;
	const char *ifname;
	char saddr[INET6_ADDRSTRLEN], daddr[INET6_ADDRSTRLEN];
	bool v6, ports;
	uint16_t sport, dport;
	uint64_t suppressed;
};

static int event_addr(const struct nlattr *attr, char *buf, bool *v6)
{
	uint16_t len = mnl_attr_get_payload_len(attr);

	if (len != 4 && len != 16)
		return -1;
	*v6 = len == 16;
	inet_ntop(*v6 ? AF_INET6 : AF_INET, mnl_attr_get_payload(attr), buf, INET6_ADDRSTRLEN);
	return 0;
}

static int event_parse(const struct nlmsghdr *nlh, struct event *e)
{
	const struct nlattr *tb[LYNCEDGE_A_MAX + 1];
	bool v6;

	if (genl_parse(nlh, tb) < 0)
		return -1;
	if (!tb[LYNCEDGE_A_EVENT_ACTION] || !tb[LYNCEDGE_A_EVENT_REASON] ||
	    !tb[LYNCEDGE_A_RULE_ROLE] || !tb[LYNCEDGE_A_RULE_DIR] || !tb[LYNCEDGE_A_IFINDEX] ||
	    !tb[LYNCEDGE_A_IFNAME] || !tb[LYNCEDGE_A_RULE_PROTO] || !tb[LYNCEDGE_A_EVENT_SADDR] ||
	    !tb[LYNCEDGE_A_EVENT_DADDR] || !tb[LYNCEDGE_A_EVENT_LEN] ||
	    !tb[LYNCEDGE_A_EVENT_SUPPRESSED] ||
	    !tb[LYNCEDGE_A_EVENT_SPORT] != !tb[LYNCEDGE_A_EVENT_DPORT])
		return -1;
	e->action = mnl_attr_get_u8(tb[LYNCEDGE_A_EVENT_ACTION]);
	e->reason = mnl_attr_get_u8(tb[LYNCEDGE_A_EVENT_REASON]);
	e->role = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_ROLE]);
	e->dir = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_DIR]);
	e->ifindex = mnl_attr_get_u32(tb[LYNCEDGE_A_IFINDEX]);
	e->ifname = mnl_attr_get_str(tb[LYNCEDGE_A_IFNAME]);
	e->proto = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_PROTO]);
	e->len = mnl_attr_get_u32(tb[LYNCEDGE_A_EVENT_LEN]);
	e->suppressed = mnl_attr_get_u64(tb[LYNCEDGE_A_EVENT_SUPPRESSED]);
	if (event_addr(tb[LYNCEDGE_A_EVENT_SADDR], e->saddr, &e->v6) < 0 ||
	    event_addr(tb[LYNCEDGE_A_EVENT_DADDR], e->daddr, &v6) < 0 || v6 != e->v6)
		return -1;
	e->ports = !!tb[LYNCEDGE_A_EVENT_SPORT];
	if (e->ports) {
		e->sport = mnl_attr_get_u16(tb[LYNCEDGE_A_EVENT_SPORT]);
		e->dport = mnl_attr_get_u16(tb[LYNCEDGE_A_EVENT_DPORT]);
	}
	return 0;
}

/* 192.0.2.1:5061, [2001:db8::1]:5061, or the bare address without ports. */
static void print_endpoint(const struct event *e, const char *addr, uint16_t port)
{
	if (!e->ports)
		fputs(addr, stdout);
	else if (e->v6)
		printf("[%s]:%u", addr, port);
	else
		printf("%s:%u", addr, port);
}

static const char *event_proto(const struct event *e, char *buf, size_t len)
{
	const char *name = proto_name(e->proto);

	if (strcmp(name, "?"))
		return name;
	snprintf(buf, len, "%u", e->proto);
	return buf;
}

/* drop external in e0 tcp 203.0.113.9:40000 > 192.0.2.1:22 len 60 no-rule [suppressed N] */
static void print_line(const struct event *e)
{
	char proto[8];

	printf("%s %s %s %s %s ", action_name(e->action), role_name(e->role), dir_name(e->dir),
	       e->ifname, event_proto(e, proto, sizeof(proto)));
	print_endpoint(e, e->saddr, e->sport);
	fputs(" > ", stdout);
	print_endpoint(e, e->daddr, e->dport);
	printf(" len %" PRIu32 " %s", e->len, reason_name(e->reason));
	if (e->suppressed)
		printf(" suppressed %" PRIu64, e->suppressed);
	putchar('\n');
}

static void print_json(const struct event *e)
{
	char proto[8];

	printf("{\"action\":\"%s\",\"reason\":\"%s\",\"role\":\"%s\",\"dir\":\"%s\","
	       "\"ifindex\":%" PRIu32 ",\"ifname\":", action_name(e->action),
	       reason_name(e->reason), role_name(e->role), dir_name(e->dir), e->ifindex);
	json_string(stdout, e->ifname);
	printf(",\"family\":\"%s\",\"proto\":\"%s\",\"protocol\":%u,\"saddr\":\"%s\","
	       "\"daddr\":\"%s\",", e->v6 ? "ipv6" : "ipv4", event_proto(e, proto, sizeof(proto)),
	       e->proto, e->saddr, e->daddr);
	if (e->ports)
		printf("\"sport\":%u,\"dport\":%u,", e->sport, e->dport);
	else
		printf("\"sport\":null,\"dport\":null,");
	printf("\"len\":%" PRIu32 ",\"suppressed\":%" PRIu64 "}\n", e->len, e->suppressed);
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	const bool *json = data;
	struct event e;

	if (genl->cmd != LYNCEDGE_CMD_EVENT)
		return MNL_CB_OK;
	if (event_parse(nlh, &e) < 0) {
		pr_err("warning: a malformed event, skipped");
		return MNL_CB_OK;
	}
	if (*json)
		print_json(&e);
	else
		print_line(&e);
	/* One line at a time, for a reader at the end of a pipe. */
	return fflush(stdout) == EOF ? MNL_CB_ERROR : MNL_CB_OK;
}

enum cmd_status cmd_monitor(int argc, char **argv)
{
	static struct genl_ctx ctx;
	bool json = false;
	ssize_t len;

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "--json")))
		return CMD_USAGE;
	json = argc == 2;
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	if (genl_join_events(&ctx) < 0) {
		genl_close(&ctx);
		return CMD_FAIL;
	}
	for (;;) {
		len = mnl_socket_recvfrom(ctx.nl, ctx.rcvbuf, sizeof(ctx.rcvbuf));
		if (len < 0 && errno == ENOBUFS) {
			/* The kernel dropped events we read too slowly: say so, go on. */
			pr_err("warning: events lost, the socket's receive buffer overflowed");
			continue;
		}
		if (len < 0 && errno == EINTR)
			continue;
		if (len < 0) {
			pr_err("reading events: %s", strerror(errno));
			break;
		}
		if (!genl_frames_ok(ctx.rcvbuf, (size_t)len)) {
			pr_err("warning: a malformed read, skipped");
			continue;
		}
		if (mnl_cb_run(ctx.rcvbuf, len, 0, 0, event_cb, &json) < 0) {
			pr_err("writing events: %s", strerror(errno));
			break;
		}
	}
	genl_close(&ctx);
	return CMD_FAIL;
}
