// SPDX-License-Identifier: GPL-2.0
#include <stdbool.h>

#include "genl.h"
#include "lyncedgectl.h"
#include "names.h"

static enum cmd_status set_features(int argc, char **argv, bool on)
{
	struct nla_bitfield32 bf = { 0, 0 };
	struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	int i, err;

	if (argc < 2)
		return CMD_USAGE;
	for (i = 1; i < argc; i++) {
		int feature = feature_parse(argv[i]);

		if (feature < 0)
			return CMD_USAGE;
		if (feature == LYNCEDGE_FEATURE_CORE) {
			pr_err("the core rows are always on; they cannot be %s",
			       on ? "enabled" : "disabled");
			return CMD_FAIL;
		}
		bf.selector |= 1U << feature;
	}
	bf.value = on ? bf.selector : 0;

	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	nlh = genl_msg(&ctx, LYNCEDGE_CMD_SET_CONFIG, 0);
	mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	err = genl_request(&ctx, nlh, NULL, NULL);
	if (err)
		genl_perror(&ctx, err);
	genl_close(&ctx);
	return err ? CMD_FAIL : CMD_OK;
}

enum cmd_status cmd_enable(int argc, char **argv)
{
	return set_features(argc, argv, true);
}

enum cmd_status cmd_disable(int argc, char **argv)
{
	return set_features(argc, argv, false);
}
