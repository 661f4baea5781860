// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/genetlink.h>

#include "genl.h"
#include "lyncedgectl.h"

struct attr_policy {
	enum mnl_attr_data_type type;
	size_t len;	/* exact payload length, for MNL_TYPE_BINARY */
};

struct attr_level {
	const struct attr_policy *policy;
	unsigned int max;
};

struct parse_state {
	const struct attr_level *level;
	const struct nlattr **tb;
};

static const struct attr_policy lyncedge_policy[LYNCEDGE_A_MAX + 1] = {
	[LYNCEDGE_A_IFINDEX]		= { MNL_TYPE_U32, 0 },
	[LYNCEDGE_A_IFNAME]		= { MNL_TYPE_NUL_STRING, 0 },
	[LYNCEDGE_A_ROLE]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_RULE_ID]		= { MNL_TYPE_U32, 0 },
	[LYNCEDGE_A_RULE_ROLE]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_RULE_DIR]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_RULE_PROTO]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_RULE_PORT_MIN]	= { MNL_TYPE_U16, 0 },
	[LYNCEDGE_A_RULE_PORT_MAX]	= { MNL_TYPE_U16, 0 },
	[LYNCEDGE_A_RULE_FEATURE]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_RULE_ENABLED]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_RULE_NAME]		= { MNL_TYPE_NUL_STRING, 0 },
	[LYNCEDGE_A_PACKETS]		= { MNL_TYPE_U64, 0 },
	[LYNCEDGE_A_BYTES]		= { MNL_TYPE_U64, 0 },
	[LYNCEDGE_A_FEATURES]		= { MNL_TYPE_BINARY, sizeof(struct nla_bitfield32) },
	[LYNCEDGE_A_MEDIA_MIN]		= { MNL_TYPE_U16, 0 },
	[LYNCEDGE_A_MEDIA_MAX]		= { MNL_TYPE_U16, 0 },
	[LYNCEDGE_A_MODE_EXTERNAL]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_MODE_INTERNAL]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_RULE_MEDIA]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_PEERS]		= { MNL_TYPE_NESTED, 0 },
	[LYNCEDGE_A_GENERATION]		= { MNL_TYPE_U32, 0 },
	[LYNCEDGE_A_RULE_GROUPS]	= { MNL_TYPE_U32, 0 },
	[LYNCEDGE_A_SERVICES]		= { MNL_TYPE_NESTED, 0 },
	[LYNCEDGE_A_RULE_SERVICE]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_CUSTOM_RULES]	= { MNL_TYPE_NESTED, 0 },
	[LYNCEDGE_A_RULE_CUSTOM]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_EVENT_RATE]		= { MNL_TYPE_U32, 0 },
	[LYNCEDGE_A_EVENT_BURST]	= { MNL_TYPE_U32, 0 },
	[LYNCEDGE_A_EVENTS_SENT]	= { MNL_TYPE_U64, 0 },
	[LYNCEDGE_A_EVENTS_SUPPRESSED]	= { MNL_TYPE_U64, 0 },
	[LYNCEDGE_A_EVENT_ACTION]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_EVENT_REASON]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_EVENT_SADDR]	= { MNL_TYPE_BINARY, 0 },
	[LYNCEDGE_A_EVENT_DADDR]	= { MNL_TYPE_BINARY, 0 },
	[LYNCEDGE_A_EVENT_SPORT]	= { MNL_TYPE_U16, 0 },
	[LYNCEDGE_A_EVENT_DPORT]	= { MNL_TYPE_U16, 0 },
	[LYNCEDGE_A_EVENT_LEN]		= { MNL_TYPE_U32, 0 },
	[LYNCEDGE_A_EVENT_SUPPRESSED]	= { MNL_TYPE_U64, 0 },
	[LYNCEDGE_A_DEPLOYMENT]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_EDITION]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_A_DIAG_AV_SNAT]	= { MNL_TYPE_U64, 0 },
	[LYNCEDGE_A_DIAG_ASYMMETRIC]	= { MNL_TYPE_U64, 0 },
	[LYNCEDGE_A_ROLES]		= { MNL_TYPE_NESTED, 0 },
	[LYNCEDGE_A_CONFIRM]		= { MNL_TYPE_U32, 0 },
	[LYNCEDGE_A_ROLLBACKS]		= { MNL_TYPE_U64, 0 },
	[LYNCEDGE_A_CONFIRM_LEFT]	= { MNL_TYPE_U32, 0 },
	[LYNCEDGE_A_INTERNAL_NETS]	= { MNL_TYPE_NESTED, 0 },
	[LYNCEDGE_A_DIAG_OUTSIDE]	= { MNL_TYPE_U64, 0 },
};

static const struct attr_level lyncedge_level = { lyncedge_policy, LYNCEDGE_A_MAX };

/* The address's length (4 or 16) is checked where it is used. */
static const struct attr_policy peer_policy[LYNCEDGE_PEER_A_MAX + 1] = {
	[LYNCEDGE_PEER_A_GROUP]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_PEER_A_ADDR]		= { MNL_TYPE_BINARY, 0 },
	[LYNCEDGE_PEER_A_PREFIXLEN]	= { MNL_TYPE_U8, 0 },
};

static const struct attr_level peer_level = { peer_policy, LYNCEDGE_PEER_A_MAX };

static const struct attr_policy net_policy[LYNCEDGE_NET_A_MAX + 1] = {
	[LYNCEDGE_NET_A_ADDR]		= { MNL_TYPE_BINARY, 0 },
	[LYNCEDGE_NET_A_PREFIXLEN]	= { MNL_TYPE_U8, 0 },
};

static const struct attr_level net_level = { net_policy, LYNCEDGE_NET_A_MAX };

static const struct attr_policy service_policy[LYNCEDGE_SERVICE_A_MAX + 1] = {
	[LYNCEDGE_SERVICE_A_SERVICE]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_SERVICE_A_ADDR]	= { MNL_TYPE_BINARY, 0 },
};

static const struct attr_level service_level = { service_policy, LYNCEDGE_SERVICE_A_MAX };

static const struct attr_policy custom_policy[LYNCEDGE_CUSTOM_A_MAX + 1] = {
	[LYNCEDGE_CUSTOM_A_ROLE]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_CUSTOM_A_DIR]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_CUSTOM_A_PROTO]	= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_CUSTOM_A_PORT_MIN]	= { MNL_TYPE_U16, 0 },
	[LYNCEDGE_CUSTOM_A_PORT_MAX]	= { MNL_TYPE_U16, 0 },
	[LYNCEDGE_CUSTOM_A_NAME]	= { MNL_TYPE_NUL_STRING, 0 },
	[LYNCEDGE_CUSTOM_A_ID]		= { MNL_TYPE_U32, 0 },
};

static const struct attr_level custom_level = { custom_policy, LYNCEDGE_CUSTOM_A_MAX };

static const struct attr_policy role_policy[LYNCEDGE_ROLE_A_MAX + 1] = {
	[LYNCEDGE_ROLE_A_IFNAME]	= { MNL_TYPE_NUL_STRING, 0 },
	[LYNCEDGE_ROLE_A_ROLE]		= { MNL_TYPE_U8, 0 },
	[LYNCEDGE_ROLE_A_IFINDEX]	= { MNL_TYPE_U32, 0 },
};

static const struct attr_level role_level = { role_policy, LYNCEDGE_ROLE_A_MAX };

static const struct attr_policy ctrl_policy[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID]		= { MNL_TYPE_U16, 0 },
	[CTRL_ATTR_FAMILY_NAME]		= { MNL_TYPE_NUL_STRING, 0 },
	[CTRL_ATTR_VERSION]		= { MNL_TYPE_U32, 0 },
	[CTRL_ATTR_HDRSIZE]		= { MNL_TYPE_U32, 0 },
	[CTRL_ATTR_MAXATTR]		= { MNL_TYPE_U32, 0 },
	[CTRL_ATTR_OPS]			= { MNL_TYPE_NESTED, 0 },
	[CTRL_ATTR_MCAST_GROUPS]	= { MNL_TYPE_NESTED, 0 },
};

static const struct attr_level ctrl_level = { ctrl_policy, CTRL_ATTR_MAX };

static const struct attr_policy extack_policy[NLMSGERR_ATTR_MAX + 1] = {
	[NLMSGERR_ATTR_MSG]		= { MNL_TYPE_NUL_STRING, 0 },
	[NLMSGERR_ATTR_OFFS]		= { MNL_TYPE_U32, 0 },
};

static const struct attr_policy mcgrp_policy[CTRL_ATTR_MCAST_GRP_MAX + 1] = {
	[CTRL_ATTR_MCAST_GRP_NAME]	= { MNL_TYPE_NUL_STRING, 0 },
	[CTRL_ATTR_MCAST_GRP_ID]	= { MNL_TYPE_U32, 0 },
};

static const struct attr_level mcgrp_level = { mcgrp_policy, CTRL_ATTR_MCAST_GRP_MAX };

static const struct attr_level extack_level = { extack_policy, NLMSGERR_ATTR_MAX };

static int attr_cb(const struct nlattr *attr, void *data)
{
	const struct parse_state *st = data;
	unsigned int type = mnl_attr_get_type(attr);
	const struct attr_policy *p;

	/* A newer kernel or module may add attributes; they are not errors. */
	if (type > st->level->max)
		return MNL_CB_OK;

	p = &st->level->policy[type];
	if (p->type != MNL_TYPE_UNSPEC) {
		int ret;

		if (p->len)
			ret = mnl_attr_validate2(attr, p->type, p->len);
		else
			ret = mnl_attr_validate(attr, p->type);
		if (ret < 0) {
			errno = EBADMSG;
			return MNL_CB_ERROR;
		}
	}
	st->tb[type] = attr;
	return MNL_CB_OK;
}

static int parse_level(const struct nlmsghdr *nlh, unsigned int offset,
		       const struct attr_level *level, const struct nlattr **tb)
{
	struct parse_state st = { level, tb };

	memset(tb, 0, (level->max + 1) * sizeof(*tb));
	if (mnl_attr_parse(nlh, offset, attr_cb, &st) < MNL_CB_STOP) {
		errno = EBADMSG;
		return -1;
	}
	return 0;
}

bool genl_printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

int genl_bad_reply(void)
{
	errno = EBADMSG;
	return MNL_CB_ERROR;
}

int genl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb)
{
	return parse_level(nlh, sizeof(struct genlmsghdr), &lyncedge_level, tb);
}

static int parse_nested(const struct nlattr *entry, const struct attr_level *level,
			const struct nlattr **tb)
{
	struct parse_state st = { level, tb };

	memset(tb, 0, (level->max + 1) * sizeof(*tb));
	if (mnl_attr_parse_nested(entry, attr_cb, &st) < MNL_CB_STOP) {
		errno = EBADMSG;
		return -1;
	}
	return 0;
}

int genl_parse_peer(const struct nlattr *entry, const struct nlattr **tb)
{
	return parse_nested(entry, &peer_level, tb);
}

int genl_parse_net(const struct nlattr *entry, const struct nlattr **tb)
{
	return parse_nested(entry, &net_level, tb);
}

int genl_parse_service(const struct nlattr *entry, const struct nlattr **tb)
{
	return parse_nested(entry, &service_level, tb);
}

int genl_parse_custom(const struct nlattr *entry, const struct nlattr **tb)
{
	return parse_nested(entry, &custom_level, tb);
}

int genl_parse_role(const struct nlattr *entry, const struct nlattr **tb)
{
	return parse_nested(entry, &role_level, tb);
}

struct request {
	struct genl_ctx *ctx;
	mnl_cb_t cb;
	void *data;
	int err;
};

/* The TLVs start at offset bytes into the payload of nlh. */
static void take_extack(struct genl_ctx *ctx, const struct nlmsghdr *nlh,
			size_t offset)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    offset > mnl_nlmsg_get_payload_len(nlh))
		return;
	if (parse_level(nlh, (unsigned int)offset, &extack_level, tb) < 0 ||
	    !tb[NLMSGERR_ATTR_MSG])
		return;
	snprintf(ctx->extack, sizeof(ctx->extack), "%s",
		 mnl_attr_get_str(tb[NLMSGERR_ATTR_MSG]));
}

/* The kernel sends -errno; a value that is no errno at all becomes EPROTO. */
static int reply_errno(int error)
{
	if (error < 0 && error >= -4095)
		return -error;
	if (error > 0 && error <= 4095)
		return error;
	return EPROTO;
}

static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	struct request *req = data;
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	size_t offset = sizeof(*err);

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*err))) {
		req->err = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (!err->error)
		return MNL_CB_STOP;

	req->err = reply_errno(err->error);
	/* Without NLM_F_CAPPED the whole request is echoed before the TLVs. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		offset = MNL_ALIGN(offset + err->msg.nlmsg_len - sizeof(err->msg));
	take_extack(req->ctx, nlh, offset);
	return MNL_CB_ERROR;
}

/* A dump that fails part way reports the error in its NLMSG_DONE. */
static int done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct request *req = data;
	int error;

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(error))
		return MNL_CB_STOP;
	memcpy(&error, mnl_nlmsg_get_payload(nlh), sizeof(error));
	if (!error)
		return MNL_CB_STOP;

	req->err = reply_errno(error);
	take_extack(req->ctx, nlh, sizeof(error));
	return MNL_CB_ERROR;
}

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct request *req = data;

	return req->cb ? req->cb(nlh, req->data) : MNL_CB_OK;
}

bool genl_frames_ok(const void *buf, size_t len)
{
	const struct nlmsghdr *nlh;
	size_t step;

	while (len) {
		if (len < sizeof(*nlh))
			return false;
		nlh = buf;
		if (nlh->nlmsg_len < sizeof(*nlh) || nlh->nlmsg_len > len)
			return false;
		step = MNL_ALIGN(nlh->nlmsg_len);
		if (step >= len)
			return true;
		buf = (const char *)buf + step;
		len -= step;
	}
	return true;
}

/*
 * libmnl stops at the first message flagged NLM_F_DUMP_INTR, which would
 * leave the rest of the dump unread in the socket. Note the flag and take it
 * off, so the dump runs to its end and the caller decides whether to redo it.
 */
static void take_dump_intr(struct genl_ctx *ctx, ssize_t len)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)ctx->rcvbuf;
	int left = (int)len;

	for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR) {
			ctx->dump_intr = true;
			nlh->nlmsg_flags &= ~NLM_F_DUMP_INTR;
		}
	}
}

int genl_request(struct genl_ctx *ctx, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	/* libmnl's own NLMSG_ERROR handler would throw the extack away. */
	mnl_cb_t ctl[NLMSG_MIN_TYPE] = {
		[NLMSG_ERROR]	= error_cb,
		[NLMSG_DONE]	= done_cb,
	};
	struct request req = { ctx, cb, data, 0 };
	int ret;

	/*
	 * A dump ends with NLMSG_DONE, anything else with the ack; the kernel
	 * sends no ack after a dump, so asking for one there gains nothing.
	 */
	if (!(nlh->nlmsg_flags & NLM_F_DUMP))
		nlh->nlmsg_flags |= NLM_F_ACK;
	nlh->nlmsg_seq = ++ctx->seq;
	ctx->dump_intr = false;
	ctx->extack[0] = '\0';

	if (mnl_socket_sendto(ctx->nl, nlh, nlh->nlmsg_len) < 0)
		return errno;

	do {
		ssize_t len = mnl_socket_recvfrom(ctx->nl, ctx->rcvbuf, sizeof(ctx->rcvbuf));

		if (len < 0)
			return errno;
		if (!genl_frames_ok(ctx->rcvbuf, (size_t)len))
			return EBADMSG;
		take_dump_intr(ctx, len);
		errno = 0;
		ret = mnl_cb_run2(ctx->rcvbuf, (size_t)len, ctx->seq, ctx->portid, data_cb,
				  &req, ctl, NLMSG_MIN_TYPE);
	} while (ret > MNL_CB_STOP);

	if (ret < MNL_CB_STOP) {
		if (req.err)
			return req.err;
		return errno ? errno : EPROTO;
	}
	return 0;
}

static struct nlmsghdr *msg_start(struct genl_ctx *ctx, uint16_t type, uint8_t cmd,
				  uint8_t version, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(ctx->sndbuf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

struct nlmsghdr *genl_msg(struct genl_ctx *ctx, uint8_t cmd, uint16_t flags)
{
	return msg_start(ctx, ctx->family, cmd, LYNCEDGE_GENL_VERSION, flags);
}

/* The family's multicast groups: the id of LYNCEDGE_MCGRP_EVENTS. */
static int family_groups(struct genl_ctx *ctx, const struct nlattr *nest)
{
	const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1];
	const struct nlattr *grp;

	mnl_attr_for_each_nested(grp, nest) {
		if (parse_nested(grp, &mcgrp_level, tb) < 0)
			return -1;
		if (tb[CTRL_ATTR_MCAST_GRP_NAME] && tb[CTRL_ATTR_MCAST_GRP_ID] &&
		    !strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]), LYNCEDGE_MCGRP_EVENTS))
			ctx->events_group = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1];
	struct genl_ctx *ctx = data;

	if (parse_level(nlh, sizeof(struct genlmsghdr), &ctrl_level, tb) < 0)
		return MNL_CB_ERROR;
	if (!tb[CTRL_ATTR_FAMILY_ID]) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	ctx->family = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (tb[CTRL_ATTR_MCAST_GROUPS] && family_groups(ctx, tb[CTRL_ATTR_MCAST_GROUPS]) < 0) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

static int set_option(struct genl_ctx *ctx, int option, const char *name)
{
	int one = 1;

	if (mnl_socket_setsockopt(ctx->nl, option, &one, sizeof(one)) < 0) {
		pr_err("cannot set %s on the netlink socket: %s", name, strerror(errno));
		return -1;
	}
	return 0;
}

int genl_open(struct genl_ctx *ctx)
{
	struct nlmsghdr *nlh;
	int err;

	ctx->seq = 0;
	ctx->family = 0;
	ctx->events_group = 0;
	ctx->nl = mnl_socket_open(NETLINK_GENERIC);
	if (!ctx->nl) {
		pr_err("cannot open a generic netlink socket: %s", strerror(errno));
		return -1;
	}
	if (mnl_socket_bind(ctx->nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		pr_err("cannot bind the netlink socket: %s", strerror(errno));
		goto fail;
	}
	ctx->portid = mnl_socket_get_portid(ctx->nl);

	/*
	 * EXT_ACK brings the kernel's reason for a rejection; CAP_ACK keeps it
	 * from echoing the whole request back in every error.
	 */
	if (set_option(ctx, NETLINK_EXT_ACK, "NETLINK_EXT_ACK") < 0 ||
	    set_option(ctx, NETLINK_CAP_ACK, "NETLINK_CAP_ACK") < 0)
		goto fail;

	nlh = msg_start(ctx, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, LYNCEDGE_GENL_NAME);
	err = genl_request(ctx, nlh, family_cb, ctx);
	if (err == ENOENT) {
		pr_err("the lyncedge module is not loaded (no generic netlink family \"%s\")",
		       LYNCEDGE_GENL_NAME);
		goto fail;
	}
	if (err) {
		genl_perror(ctx, err);
		goto fail;
	}
	if (!ctx->family) {
		pr_err("the kernel did not tell the id of the \"%s\" family",
		       LYNCEDGE_GENL_NAME);
		goto fail;
	}
	return 0;

fail:
	genl_close(ctx);
	return -1;
}

int genl_join_events(struct genl_ctx *ctx)
{
	int group = ctx->events_group;

	if (!group) {
		pr_err("this lyncedge module sends no events (no \"%s\" group)",
		       LYNCEDGE_MCGRP_EVENTS);
		return -1;
	}
	if (mnl_socket_setsockopt(ctx->nl, NETLINK_ADD_MEMBERSHIP, &group, sizeof(group)) < 0) {
		if (errno == EPERM)
			pr_err("permission denied: watching events needs CAP_NET_ADMIN");
		else
			pr_err("cannot join the events group: %s", strerror(errno));
		return -1;
	}
	return 0;
}

void genl_close(struct genl_ctx *ctx)
{
	mnl_socket_close(ctx->nl);
	ctx->nl = NULL;
}

void genl_perror(const struct genl_ctx *ctx, int err)
{
	if (err == EPERM)
		pr_err("permission denied: changing lyncedge needs CAP_NET_ADMIN");
	else if (ctx->extack[0])
		pr_err("%s", ctx->extack);
	else
		pr_err("%s", strerror(err));
}
