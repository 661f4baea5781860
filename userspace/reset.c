// SPDX-License-Identifier: GPL-2.0
/*
 * reset-counters [ID]: clears the counters of one rule, or of every rule and
 * every drop counter, and prints what they held when cleared (as `nft reset
 * counters` does), so that nothing counted is lost to whoever resets.
 */
#include <errno.h>
#include <stdlib.h>

#include "genl.h"
#include "lyncedgectl.h"
#include "rules.h"

enum cmd_status cmd_reset_counters(int argc, char **argv)
{
	struct rules rules = { NULL, 0, 0 };
	static struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	unsigned long id = 0;
	char *end;
	int err;

	if (argc > 2)
		return CMD_USAGE;
	if (argc == 2) {
		errno = 0;
		id = strtoul(argv[1], &end, 10);
		if (errno || *end || !id || id > UINT32_MAX || argv[1][0] < '0' ||
		    argv[1][0] > '9') {
			pr_err("\"%s\" is not a rule id", argv[1]);
			return CMD_USAGE;
		}
	}
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	if (id) {
		nlh = genl_msg(&ctx, LYNCEDGE_CMD_RESET_COUNTERS, 0);
		mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_ID, id);
	} else {
		nlh = genl_msg(&ctx, LYNCEDGE_CMD_RESET_COUNTERS, NLM_F_DUMP);
	}
	err = rules_fetch(&ctx, nlh, &rules);
	if (err)
		genl_perror(&ctx, err);
	else if (ctx.dump_intr)
		pr_err("warning: the rules changed during the reset; run it again for the rest");
	genl_close(&ctx);
	/* What was cleared is printed even after an error: it is gone from the module. */
	rules_print(stdout, &rules, false);
	rules_free(&rules);
	return err ? CMD_FAIL : CMD_OK;
}
