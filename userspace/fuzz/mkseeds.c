// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the seed corpus of fuzz_replies: kernel answers, in the chunk
 * format of fake_kernel.h, for the request sequences of the reading
 * commands, shaped as the module sends them. The seeds are committed
 * (userspace/fuzz/corpus/replies); this program is how they were made.
 * usage: mkseeds DIR
 */
#include <arpa/inet.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include <uapi/linux/lyncedge.h>

#define SEED_FAMILY 0x20

static char chunk[32768], seed[65536];
static size_t chunk_len, seed_len;

static struct nlmsghdr *msg(uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(chunk + chunk_len);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = SEED_FAMILY;
	nlh->nlmsg_flags = flags;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = LYNCEDGE_GENL_VERSION;
	return nlh;
}

static void end(struct nlmsghdr *nlh)
{
	chunk_len += MNL_ALIGN(nlh->nlmsg_len);
}

/* NLMSG_DONE (0) or NLMSG_ERROR with error (0: the ack), with an extack text. */
static void control(uint16_t type, int error, const char *extack)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(chunk + chunk_len);

	nlh->nlmsg_type = type;
	if (type == NLMSG_ERROR) {
		struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

		e->error = error;
		e->msg.nlmsg_len = sizeof(e->msg);
		nlh->nlmsg_flags = NLM_F_CAPPED;
	} else {
		int *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

		*e = error;
	}
	if (extack) {
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, extack);
	}
	end(nlh);
}

/* The chunk so far becomes one read of the seed. */
static void flush(void)
{
	seed[seed_len++] = chunk_len & 0xff;
	seed[seed_len++] = chunk_len >> 8;
	memcpy(seed + seed_len, chunk, chunk_len);
	seed_len += chunk_len;
	chunk_len = 0;
}

static int save(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f || fwrite(seed, 1, seed_len, f) != seed_len || fclose(f)) {
		perror(path);
		return -1;
	}
	seed_len = 0;
	return 0;
}

/* One array of GET_CONFIG's dump in a message of its own. */
static struct nlmsghdr *array(int type, struct nlattr **nest)
{
	struct nlmsghdr *nlh = msg(LYNCEDGE_CMD_GET_CONFIG, NLM_F_MULTI);

	*nest = mnl_attr_nest_start(nlh, type);
	return nlh;
}

/*
 * The GET_CONFIG dump: the settings, then the roles (one bound, one
 * waiting), peers, service addresses and custom rules, in two reads.
 */
static void config(void)
{
	struct nla_bitfield32 bf = { LYNCEDGE_FEATURE_F_CORE, __LYNCEDGE_FEATURE_F_ALL };
	struct nlmsghdr *nlh = msg(LYNCEDGE_CMD_GET_CONFIG, NLM_F_MULTI);
	struct nlattr *nest, *entry;
	struct in_addr a4;

	mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, 50000);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MAX, 59999);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_ENFORCE);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_INTERNAL, LYNCEDGE_MODE_AUDIT);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_RATE, 10);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_BURST, 50);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_DEPLOYMENT, LYNCEDGE_DEPLOYMENT_GATEWAY);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_EDITION, LYNCEDGE_EDITION_SFB2019);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_GENERATION, 7);
	end(nlh);

	nlh = array(LYNCEDGE_A_ROLES, &nest);
	entry = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_strz(nlh, LYNCEDGE_ROLE_A_IFNAME, "eth0");
	mnl_attr_put_u8(nlh, LYNCEDGE_ROLE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u32(nlh, LYNCEDGE_ROLE_A_IFINDEX, 2);
	mnl_attr_nest_end(nlh, entry);
	entry = mnl_attr_nest_start(nlh, 2);
	mnl_attr_put_strz(nlh, LYNCEDGE_ROLE_A_IFNAME, "eth1.\"v\"");
	mnl_attr_put_u8(nlh, LYNCEDGE_ROLE_A_ROLE, LYNCEDGE_ROLE_INTERNAL);
	mnl_attr_nest_end(nlh, entry);
	mnl_attr_nest_end(nlh, nest);
	end(nlh);
	flush();

	inet_pton(AF_INET, "198.51.100.0", &a4);
	nlh = array(LYNCEDGE_A_INTERNAL_NETS, &nest);
	entry = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put(nlh, LYNCEDGE_NET_A_ADDR, 4, &a4);
	mnl_attr_put_u8(nlh, LYNCEDGE_NET_A_PREFIXLEN, 24);
	mnl_attr_nest_end(nlh, entry);
	entry = mnl_attr_nest_start(nlh, 2);
	mnl_attr_put(nlh, LYNCEDGE_NET_A_ADDR, 16, &in6addr_any);
	mnl_attr_put_u8(nlh, LYNCEDGE_NET_A_PREFIXLEN, 0);
	mnl_attr_nest_end(nlh, entry);
	mnl_attr_nest_end(nlh, nest);
	end(nlh);

	nlh = array(LYNCEDGE_A_PEERS, &nest);
	entry = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_u8(nlh, LYNCEDGE_PEER_A_GROUP, LYNCEDGE_GROUP_FRONTEND);
	mnl_attr_put(nlh, LYNCEDGE_PEER_A_ADDR, 4, &a4);
	mnl_attr_put_u8(nlh, LYNCEDGE_PEER_A_PREFIXLEN, 24);
	mnl_attr_nest_end(nlh, entry);
	mnl_attr_nest_end(nlh, nest);
	end(nlh);

	inet_pton(AF_INET, "192.0.2.1", &a4);
	nlh = array(LYNCEDGE_A_SERVICES, &nest);
	entry = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_u8(nlh, LYNCEDGE_SERVICE_A_SERVICE, LYNCEDGE_SERVICE_ACCESS);
	mnl_attr_put(nlh, LYNCEDGE_SERVICE_A_ADDR, 4, &a4);
	mnl_attr_nest_end(nlh, entry);
	mnl_attr_nest_end(nlh, nest);
	end(nlh);

	nlh = array(LYNCEDGE_A_CUSTOM_RULES, &nest);
	entry = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_ROLE, LYNCEDGE_ROLE_INTERNAL);
	mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_DIR, LYNCEDGE_DIR_OUT);
	mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_PROTO, IPPROTO_UDP);
	mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MIN, 20000);
	mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MAX, 20999);
	mnl_attr_put_strz(nlh, LYNCEDGE_CUSTOM_A_NAME, "a \"site\" rule \\ \xff");
	mnl_attr_put_u32(nlh, LYNCEDGE_CUSTOM_A_ID, 1001);
	mnl_attr_nest_end(nlh, entry);
	mnl_attr_nest_end(nlh, nest);
	end(nlh);
	control(NLMSG_DONE, 0, NULL);
	flush();
}

static void counts(struct nlmsghdr *nlh, uint64_t packets)
{
	mnl_attr_put_u64(nlh, LYNCEDGE_A_PACKETS, packets);
	mnl_attr_put_u64(nlh, LYNCEDGE_A_BYTES, packets * 60);
}

/* Built-in rules (one the edition does not have), a custom rule and a drop counter. */
static void rules(uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = msg(cmd, NLM_F_MULTI | flags);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_ID, 5);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_DIR, LYNCEDGE_DIR_IN);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_PROTO, IPPROTO_TCP);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_RULE_PORT_MIN, 443);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_RULE_PORT_MAX, 443);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_FEATURE, LYNCEDGE_FEATURE_CORE);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_MEDIA, 0);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_GROUPS, 0);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_SERVICE, LYNCEDGE_SERVICE_ACCESS);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_ENABLED, 1);
	mnl_attr_put_strz(nlh, LYNCEDGE_A_RULE_NAME, "Access/SIP(TLS)/TCP/443 [ext#5 pim#3]");
	counts(nlh, 3);
	end(nlh);

	nlh = msg(cmd, NLM_F_MULTI);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_ID, 10);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_DIR, LYNCEDGE_DIR_IN);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_PROTO, IPPROTO_TCP);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_RULE_PORT_MIN, 50000);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_RULE_PORT_MAX, 59999);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_MEDIA, 1);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_GROUPS, 0);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_SERVICE, LYNCEDGE_SERVICE_AV);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_ENABLED, 0);
	mnl_attr_put_strz(nlh, LYNCEDGE_A_RULE_NAME, "A/V/RTP/TCP/50,000-59,999 [ext#11]");
	counts(nlh, 0);
	end(nlh);

	nlh = msg(cmd, NLM_F_MULTI);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_ID, 1001);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_ROLE, LYNCEDGE_ROLE_INTERNAL);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_DIR, LYNCEDGE_DIR_OUT);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_PROTO, IPPROTO_UDP);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_RULE_PORT_MIN, 20000);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_RULE_PORT_MAX, 20999);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_CUSTOM, 1);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_ENABLED, 1);
	mnl_attr_put_strz(nlh, LYNCEDGE_A_RULE_NAME, "a \"site\" rule \\ \xff");
	counts(nlh, 1);
	end(nlh);

	nlh = msg(cmd, NLM_F_MULTI);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_DIR, LYNCEDGE_DIR_IN);
	counts(nlh, 9);
	end(nlh);
	control(NLMSG_DONE, 0, NULL);
	flush();
}

static void stats(void)
{
	struct nlmsghdr *nlh = msg(LYNCEDGE_CMD_GET_STATS, 0);

	mnl_attr_put_u64(nlh, LYNCEDGE_A_EVENTS_SENT, 12);
	mnl_attr_put_u64(nlh, LYNCEDGE_A_EVENTS_SUPPRESSED, 345);
	mnl_attr_put_u64(nlh, LYNCEDGE_A_DIAG_AV_SNAT, 6);
	mnl_attr_put_u64(nlh, LYNCEDGE_A_DIAG_ASYMMETRIC, 78);
	mnl_attr_put_u64(nlh, LYNCEDGE_A_DIAG_OUTSIDE, 9);
	mnl_attr_put_u64(nlh, LYNCEDGE_A_ROLLBACKS, 2);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_CONFIRM_LEFT, 41500);
	end(nlh);
	control(NLMSG_ERROR, 0, NULL);
	flush();
}

static void event(int family, bool ports)
{
	struct nlmsghdr *nlh = msg(LYNCEDGE_CMD_EVENT, 0);
	uint8_t s[16], d[16];

	inet_pton(family, family == AF_INET ? "203.0.113.9" : "2001:db8::9", s);
	inet_pton(family, family == AF_INET ? "192.0.2.1" : "2001:db8::1", d);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_EVENT_ACTION, LYNCEDGE_ACTION_DROP);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_EVENT_REASON,
			ports ? LYNCEDGE_REASON_NO_RULE : LYNCEDGE_REASON_PROTOCOL);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_DIR, LYNCEDGE_DIR_IN);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_IFINDEX, 2);
	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "eth0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_RULE_PROTO, ports ? IPPROTO_TCP : 47);
	mnl_attr_put(nlh, LYNCEDGE_A_EVENT_SADDR, family == AF_INET ? 4 : 16, s);
	mnl_attr_put(nlh, LYNCEDGE_A_EVENT_DADDR, family == AF_INET ? 4 : 16, d);
	if (ports) {
		mnl_attr_put_u16(nlh, LYNCEDGE_A_EVENT_SPORT, 40000);
		mnl_attr_put_u16(nlh, LYNCEDGE_A_EVENT_DPORT, 22);
	}
	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_LEN, 60);
	mnl_attr_put_u64(nlh, LYNCEDGE_A_EVENT_SUPPRESSED, ports ? 0 : 17);
	end(nlh);
	flush();
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: mkseeds DIR\n");
		return 2;
	}
	/* show: configuration, rules (raced, so read again), event counters. */
	seed[seed_len++] = 0;
	config();
	rules(LYNCEDGE_CMD_GET_RULES, NLM_F_DUMP_INTR);
	rules(LYNCEDGE_CMD_GET_RULES, 0);
	stats();
	if (save(argv[1], "show"))
		return 1;
	/* showconf and the statements: configuration, the ack. */
	seed[seed_len++] = 0;
	config();
	control(NLMSG_ERROR, 0, NULL);
	flush();
	if (save(argv[1], "showconf"))
		return 1;
	seed[seed_len++] = 0;
	rules(LYNCEDGE_CMD_RESET_COUNTERS, 0);
	if (save(argv[1], "reset-counters"))
		return 1;
	seed[seed_len++] = 0;
	event(AF_INET, true);
	event(AF_INET6, false);
	if (save(argv[1], "monitor"))
		return 1;
	seed[seed_len++] = 0;
	control(NLMSG_ERROR, -EPERM, "lyncedge: the extack's text");
	flush();
	if (save(argv[1], "error"))
		return 1;
	seed[seed_len++] = 0;
	control(NLMSG_DONE, -EINTR, "a dump that failed");
	flush();
	return save(argv[1], "dump-error") ? 1 : 0;
}
