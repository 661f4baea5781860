// SPDX-License-Identifier: GPL-2.0
/*
 * set-media-range and set-mode: one LYNCEDGE_CMD_SET_CONFIG request each,
 * carrying only what changes.
 */
#include <stdlib.h>
#include <string.h>

#include "genl.h"
#include "lyncedgectl.h"
#include "names.h"

static enum cmd_status set_config(struct genl_ctx *ctx, struct nlmsghdr *nlh)
{
	int err = genl_request(ctx, nlh, NULL, NULL);

	if (err)
		genl_perror(ctx, err);
	genl_close(ctx);
	return err ? CMD_FAIL : CMD_OK;
}

/* A port: decimal digits only, 1 to 65535. */
static int port_parse(const char *s, const char *end)
{
	long v = 0;

	if (s == end || end - s > 5)
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v >= 1 && v <= 65535 ? (int)v : -1;
}

/*
 * The kernel has the last word on the range (not reversed, clear of the
 * other rules); here only the shape "LOW-HIGH" is checked.
 */
enum cmd_status cmd_set_media_range(int argc, char **argv)
{
	struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	const char *dash;
	int min, max;

	if (argc != 2)
		return CMD_USAGE;
	dash = strchr(argv[1], '-');
	if (!dash)
		return CMD_USAGE;
	min = port_parse(argv[1], dash);
	max = port_parse(dash + 1, dash + 1 + strlen(dash + 1));
	if (min < 0 || max < 0)
		return CMD_USAGE;
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	nlh = genl_msg(&ctx, LYNCEDGE_CMD_SET_CONFIG, 0);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, min);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MAX, max);
	return set_config(&ctx, nlh);
}

enum cmd_status cmd_set_mode(int argc, char **argv)
{
	struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	int role, mode;

	if (argc != 3)
		return CMD_USAGE;
	role = role_parse(argv[1]);
	mode = mode_parse(argv[2]);
	if (role != LYNCEDGE_ROLE_EXTERNAL && role != LYNCEDGE_ROLE_INTERNAL)
		return CMD_USAGE;
	if (mode < 0)
		return CMD_USAGE;
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	nlh = genl_msg(&ctx, LYNCEDGE_CMD_SET_CONFIG, 0);
	mnl_attr_put_u8(nlh, role == LYNCEDGE_ROLE_EXTERNAL ? LYNCEDGE_A_MODE_EXTERNAL :
			LYNCEDGE_A_MODE_INTERNAL, mode);
	return set_config(&ctx, nlh);
}
