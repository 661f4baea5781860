// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdbool.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <string.h>
#include <sys/types.h>

#include <uapi/linux/lyncedge.h>

#include "fake_kernel.h"

#define FAKE_FAMILY	0x20
#define FAKE_GROUP	7
#define FAKE_PORTID	4242

static struct {
	const uint8_t *data;
	size_t size, pos;
	bool canned_family;	/* the next read answers the family lookup */
	uint32_t seq;		/* of the last request */
	uint8_t reply[32768];
} fk;

/* Stands for the opaque struct mnl_socket. */
static int fake_socket;

void fake_kernel_reset(const uint8_t *data, size_t size)
{
	fk.data = data;
	fk.size = size;
	fk.pos = size ? 1 : 0;
	fk.canned_family = false;
	fk.seq = 0;
}

struct mnl_socket *mnl_socket_open(int bus)
{
	(void)bus;
	return (struct mnl_socket *)&fake_socket;
}

int mnl_socket_bind(struct mnl_socket *nl, unsigned int groups, pid_t pid)
{
	(void)nl;
	(void)groups;
	(void)pid;
	return 0;
}

unsigned int mnl_socket_get_portid(const struct mnl_socket *nl)
{
	(void)nl;
	return FAKE_PORTID;
}

int mnl_socket_setsockopt(const struct mnl_socket *nl, int type, void *buf, socklen_t len)
{
	(void)nl;
	(void)type;
	(void)buf;
	(void)len;
	return 0;
}

int mnl_socket_close(struct mnl_socket *nl)
{
	(void)nl;
	return 0;
}

ssize_t mnl_socket_sendto(const struct mnl_socket *nl, const void *req, size_t len)
{
	const struct nlmsghdr *nlh = req;

	(void)nl;
	if (len < sizeof(*nlh))
		return -1;
	fk.seq = nlh->nlmsg_seq;
	fk.canned_family = nlh->nlmsg_type == GENL_ID_CTRL && !(fk.size && (fk.data[0] & 1));
	return (ssize_t)len;
}

static size_t family_reply(uint8_t *buf)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;
	struct nlattr *groups, *group;
	struct nlmsgerr *ack;
	size_t len;

	nlh->nlmsg_type = GENL_ID_CTRL;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = CTRL_CMD_NEWFAMILY;
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, FAKE_FAMILY);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, LYNCEDGE_GENL_NAME);
	groups = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	group = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, LYNCEDGE_MCGRP_EVENTS);
	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, FAKE_GROUP);
	mnl_attr_nest_end(nlh, group);
	mnl_attr_nest_end(nlh, groups);
	len = MNL_ALIGN(nlh->nlmsg_len);

	/* And the ack the request asked for. */
	nlh = mnl_nlmsg_put_header(buf + len);
	nlh->nlmsg_type = NLMSG_ERROR;
	ack = mnl_nlmsg_put_extra_header(nlh, sizeof(*ack));
	ack->msg.nlmsg_len = sizeof(ack->msg);
	nlh->nlmsg_flags = NLM_F_CAPPED;
	return len + nlh->nlmsg_len;
}

/* The next chunk of the input, or 0 with none left. */
static size_t next_chunk(uint8_t *buf, size_t max)
{
	size_t len;

	if (fk.size - fk.pos < 2)
		return 0;
	len = fk.data[fk.pos] | (size_t)fk.data[fk.pos + 1] << 8;
	fk.pos += 2;
	if (len > fk.size - fk.pos)
		len = fk.size - fk.pos;
	if (len > max)
		len = max;
	memcpy(buf, fk.data + fk.pos, len);
	fk.pos += len;
	return len;
}

/*
 * Every message the kernel sends back answers the request before it. The
 * walk stops at the first message whose length does not fit.
 */
static void address(uint8_t *buf, size_t len)
{
	struct nlmsghdr *nlh;
	size_t step;

	while (len >= sizeof(*nlh)) {
		nlh = (struct nlmsghdr *)buf;
		nlh->nlmsg_seq = fk.seq;
		nlh->nlmsg_pid = FAKE_PORTID;
		if (nlh->nlmsg_len < sizeof(*nlh) || nlh->nlmsg_len >= len)
			break;
		step = MNL_ALIGN(nlh->nlmsg_len);
		if (step >= len)
			break;
		buf += step;
		len -= step;
	}
}

ssize_t mnl_socket_recvfrom(const struct mnl_socket *nl, void *buf, size_t size)
{
	size_t len;

	(void)nl;
	if (fk.canned_family) {
		fk.canned_family = false;
		len = family_reply(fk.reply);
	} else {
		len = next_chunk(fk.reply, sizeof(fk.reply));
		if (!len) {
			errno = ECONNRESET;
			return -1;
		}
	}
	if (len > size)
		len = size;
	/* Aligned as a real read into the caller's buffer would be. */
	memcpy(buf, fk.reply, len);
	address(buf, len);
	return (ssize_t)len;
}
