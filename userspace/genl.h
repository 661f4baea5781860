/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_GENL_H
#define LYNCEDGECTL_GENL_H

#include <stdbool.h>
#include <stdint.h>

#include <libmnl/libmnl.h>
#include <linux/netlink.h>

#include <uapi/linux/lyncedge.h>

/* Room for a whole configuration: every custom rule goes in one request. */
#define GENL_SEND_SIZE	(LYNCEDGE_CUSTOM_MAX * 128 + 4096)
/* The kernel never puts more than 32 KiB of dump into one read. */
#define GENL_RECV_SIZE	32768

struct genl_ctx {
	struct mnl_socket *nl;
	unsigned int portid;
	unsigned int seq;
	uint16_t family;
	uint32_t events_group;	/* id of the multicast group LYNCEDGE_MCGRP_EVENTS, or 0 */
	/* Results of the last genl_request(): */
	bool dump_intr;		/* a reply carried NLM_F_DUMP_INTR */
	char extack[256];	/* the kernel's extack message, or "" */
	_Alignas(struct nlmsghdr) char sndbuf[GENL_SEND_SIZE];
	_Alignas(struct nlmsghdr) char rcvbuf[GENL_RECV_SIZE];
};

/*
 * Opens the socket and resolves the "lyncedge" family. On failure it has
 * already told the user why and returns -1.
 */
int genl_open(struct genl_ctx *ctx);
void genl_close(struct genl_ctx *ctx);

/* Starts a lyncedge request in ctx->sndbuf; add attributes with mnl_attr_put*. */
struct nlmsghdr *genl_msg(struct genl_ctx *ctx, uint8_t cmd, uint16_t flags);

/*
 * Sends nlh and hands every data message of the answer to cb (may be NULL).
 * Returns 0, or the errno of the failure: the kernel's, or the one cb set
 * before returning MNL_CB_ERROR.
 */
int genl_request(struct genl_ctx *ctx, struct nlmsghdr *nlh, mnl_cb_t cb, void *data);

/*
 * Fills tb[0..LYNCEDGE_A_MAX] from a lyncedge message. Returns -1 with errno
 * EBADMSG when a known attribute is malformed.
 */
int genl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb);

/* The same for one entry of LYNCEDGE_A_PEERS: tb[0..LYNCEDGE_PEER_A_MAX]. */
int genl_parse_peer(const struct nlattr *entry, const struct nlattr **tb);

/* Of LYNCEDGE_A_INTERNAL_NETS: tb[0..LYNCEDGE_NET_A_MAX]. */
int genl_parse_net(const struct nlattr *entry, const struct nlattr **tb);

/* And for one of LYNCEDGE_A_SERVICES: tb[0..LYNCEDGE_SERVICE_A_MAX]. */
int genl_parse_service(const struct nlattr *entry, const struct nlattr **tb);

/* Of LYNCEDGE_A_CUSTOM_RULES: tb[0..LYNCEDGE_CUSTOM_A_MAX]. */
int genl_parse_custom(const struct nlattr *entry, const struct nlattr **tb);

/* Of LYNCEDGE_A_ROLES: tb[0..LYNCEDGE_ROLE_A_MAX]. */
int genl_parse_role(const struct nlattr *entry, const struct nlattr **tb);

/*
 * Whether buf holds whole netlink messages, each length inside the buffer.
 * libmnl's walk compares a message's length as an int, so one that claims
 * 2 GiB or more would send it outside the buffer: check before it walks.
 */
bool genl_frames_ok(const void *buf, size_t len);

/* Joins the events multicast group; on failure it has told the user why. */
int genl_join_events(struct genl_ctx *ctx);

/*
 * Whether a name has no control characters, as the module promises: a
 * reply that breaks the promise is refused rather than printed as a
 * record cut in two.
 */
bool genl_printable(const char *s);

/* For a callback: the reply lacks what it must hold (errno EBADMSG). */
int genl_bad_reply(void);

/* Tells the user why a request failed with err. */
void genl_perror(const struct genl_ctx *ctx, int err);

#endif /* LYNCEDGECTL_GENL_H */
