// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <net/if.h>
#include <string.h>

#include "genl.h"
#include "lyncedgectl.h"
#include "names.h"

enum cmd_status cmd_set_role(int argc, char **argv)
{
	struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	const char *ifname;
	int role, err;

	if (argc != 3)
		return CMD_USAGE;
	ifname = argv[1];
	if (!ifname[0] || strlen(ifname) >= IFNAMSIZ)
		return CMD_USAGE;
	role = role_parse(argv[2]);
	if (role < 0)
		return CMD_USAGE;

	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	nlh = genl_msg(&ctx, LYNCEDGE_CMD_SET_ROLE, 0);
	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, ifname);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, (uint8_t)role);
	err = genl_request(&ctx, nlh, NULL, NULL);
	if (err == ENODEV)
		pr_err("no such interface: %s", ifname);
	else if (err)
		genl_perror(&ctx, err);
	genl_close(&ctx);
	return err ? CMD_FAIL : CMD_OK;
}
