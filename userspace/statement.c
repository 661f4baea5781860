// SPDX-License-Identifier: GPL-2.0
/*
 * The configuring subcommands (enable, disable, set-media-range, set-mode):
 * each is one statement, parsed as setconf parses a line of its file, and
 * sent as a SET_CONFIG request carrying only what the statement changes.
 */
#include "conf.h"
#include "genl.h"
#include "lyncedgectl.h"

enum cmd_status cmd_statement(int argc, char **argv)
{
	struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	struct conf c = { 0 };
	char err[128];
	int ret;

	if (conf_statement(&c, argc, argv, err, sizeof(err)) < 0) {
		pr_err("%s", err);
		return CMD_USAGE;
	}
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	nlh = genl_msg(&ctx, LYNCEDGE_CMD_SET_CONFIG, 0);
	conf_put(nlh, &c);
	ret = genl_request(&ctx, nlh, NULL, NULL);
	if (ret)
		genl_perror(&ctx, ret);
	genl_close(&ctx);
	return ret ? CMD_FAIL : CMD_OK;
}
