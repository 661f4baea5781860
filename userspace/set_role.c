// SPDX-License-Identifier: GPL-2.0
/*
 * set-role IFNAME external|internal|none: a role for an interface name,
 * whether or not an interface has that name yet. The words are checked by
 * the parser of the set-role statement of a file; the module is sent the
 * one role (SET_ROLE), not the whole configuration.
 */
#include <string.h>

#include "conf.h"
#include "genl.h"
#include "lyncedgectl.h"
#include "names.h"

enum cmd_status cmd_set_role(int argc, char **argv)
{
	static struct conf c;
	struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	char err[128];
	int ret;

	conf_defaults(&c);
	if (conf_statement(&c, argc, argv, err, sizeof(err)) < 0) {
		pr_err("%s", err);
		return CMD_USAGE;
	}
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	nlh = genl_msg(&ctx, LYNCEDGE_CMD_SET_ROLE, 0);
	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, argv[1]);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, (uint8_t)role_parse(argv[2]));
	ret = genl_request(&ctx, nlh, NULL, NULL);
	if (ret)
		genl_perror(&ctx, ret);
	genl_close(&ctx);
	return ret ? CMD_FAIL : CMD_OK;
}
