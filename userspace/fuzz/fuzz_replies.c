// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the kernel's replies. Every reading command of the tool
 * runs against the fake kernel, which answers with the input (see
 * fake_kernel.h): the reply parsers of genl.c, rules.c, conf_nl.c, show.c and
 * monitor.c, and the writers of every output form and export, see whatever
 * it holds.
 */
#include <stdint.h>
#include <stdio.h>

#include "fake_kernel.h"

static char *const commands[][4] = {
	{ "lyncedgectl", "show", NULL },
	{ "lyncedgectl", "show", "dump" },
	{ "lyncedgectl", "show", "--json" },
	{ "lyncedgectl", "show", "--prometheus" },
	{ "lyncedgectl", "showconf", NULL },
	{ "lyncedgectl", "reset-counters", NULL },
	{ "lyncedgectl", "reset-counters", "5" },
	{ "lyncedgectl", "enable", "xmpp" },
	{ "lyncedgectl", "monitor", "--json" },
	{ "lyncedgectl", "monitor", NULL },
	{ "lyncedgectl", "export", "nft" },
	{ "lyncedgectl", "export", "ip6tables" },
	{ "lyncedgectl", "export", "iptables-ipset" },
	{ "lyncedgectl", "export", "ipset" },
	{ "lyncedgectl", "confirm", NULL },
	{ "lyncedgectl", "set-role", "eth0", "external" },
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* What the commands print is not the point; keeping it is slow. */
	return freopen("/dev/null", "w", stdout) ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		fake_kernel_reset(data, size);
		lyncedgectl_main(commands[i][2] ? commands[i][3] ? 4 : 3 : 2, (char **)commands[i]);
	}
	return 0;
}
