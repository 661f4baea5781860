// SPDX-License-Identifier: GPL-2.0
/*
 * The configuring subcommands (enable, disable, set-media-range, set-mode,
 * set-deployment, set-service, set-event-rate, set-internal-networks,
 * add-peer, del-peer, add-rule, del-rule): each is one statement, parsed as
 * setconf parses a line of its file. It is applied to the module's current
 * configuration and sent as a SET_CONFIG request carrying only what it
 * changes, with the generation it was read at; when another change came in
 * between, the module refuses (EAGAIN) and this reads again.
 */
#include <errno.h>
#include <string.h>

#include "conf.h"
#include "genl.h"
#include "lyncedgectl.h"

#define STATEMENT_TRIES	5

enum cmd_status cmd_statement(int argc, char **argv)
{
	static struct conf c;
	struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	char err[128];
	int ret, tries = 0;

	/* Checked once without the module, so bad words get the usage line. */
	conf_defaults(&c);
	if (conf_statement(&c, argc, argv, err, sizeof(err)) < 0 &&
	    strncmp(argv[0], "del-", 4)) {
		pr_err("%s", err);
		return CMD_USAGE;
	}
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	do {
		ret = conf_get(&ctx, &c);
		if (ret)
			break;
		conf_unset(&c);
		if (conf_statement(&c, argc, argv, err, sizeof(err)) < 0) {
			pr_err("%s", err);
			genl_close(&ctx);
			return CMD_FAIL;
		}
		nlh = genl_msg(&ctx, LYNCEDGE_CMD_SET_CONFIG, 0);
		conf_put(nlh, &c);
		ret = genl_request(&ctx, nlh, NULL, NULL);
	} while (ret == EAGAIN && ++tries < STATEMENT_TRIES);
	if (ret)
		genl_perror(&ctx, ret);
	genl_close(&ctx);
	return ret ? CMD_FAIL : CMD_OK;
}
