// SPDX-License-Identifier: GPL-2.0
/*
 * lyncedge: the firewall policy of a Lync Server 2013 single consolidated
 * Edge Server with private addresses behind NAT, on the host's edge
 * interfaces.
 */
#include <linux/kmod.h>
#include <linux/module.h>
#include <net/genetlink.h>
#include <net/netfilter/nf_conntrack.h>

#include "compile.h"
#include "config.h"
#include "hooks.h"
#include "netlink.h"
#include "netns.h"
#include "policy.h"
#include "proc.h"

/*
 * Conntrack is reached through symbol_get() rather than linked against, so
 * that a plain insmod works on a fresh boot: the module loads nf_conntrack
 * itself instead of failing with "Unknown symbol".
 */
static int __init lyncedge_ct_init(void)
{
	lyncedge_ct_get = symbol_get(nf_ct_netns_get);
	if (!lyncedge_ct_get) {
		request_module("nf_conntrack");
		lyncedge_ct_get = symbol_get(nf_ct_netns_get);
	}
	if (!lyncedge_ct_get) {
		pr_err("lyncedge: connection tracking (nf_conntrack) is not available\n");
		return -ENOENT;
	}
	lyncedge_ct_put = symbol_get(nf_ct_netns_put);
	if (!lyncedge_ct_put) {
		symbol_put(nf_ct_netns_get);
		return -ENOENT;
	}
	return 0;
}

static void lyncedge_ct_exit(void)
{
	symbol_put(nf_ct_netns_put);
	symbol_put(nf_ct_netns_get);
}

static int __init lyncedge_init(void)
{
	int err;

	err = lyncedge_policy_check();
	if (err)
		return err;
	err = lyncedge_config_init();
	if (err)
		return err;
	err = lyncedge_ct_init();
	if (err)
		goto err_config;
	err = lyncedge_netns_init();
	if (err)
		goto err_ct;
	err = lyncedge_proc_init();
	if (err)
		goto err_netns;
	err = lyncedge_genl_init();
	if (err)
		goto err_proc;
	pr_info("lyncedge: loaded, %u rules; no interface has a role yet\n", lyncedge_nrules);
	return 0;

err_proc:
	lyncedge_proc_exit();
err_netns:
	lyncedge_netns_exit();
err_ct:
	lyncedge_ct_exit();
err_config:
	lyncedge_config_exit();
	return err;
}

static void __exit lyncedge_exit(void)
{
	lyncedge_genl_exit();
	lyncedge_proc_exit();
	lyncedge_netns_exit();
	lyncedge_ct_exit();
	lyncedge_config_exit();
}

module_init(lyncedge_init);
module_exit(lyncedge_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Lync Server 2013 Edge Server firewall policy");
MODULE_VERSION(LYNCEDGE_VERSION);
MODULE_ALIAS_GENL_FAMILY(LYNCEDGE_GENL_NAME);
