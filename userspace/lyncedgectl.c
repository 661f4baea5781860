// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lyncedgectl.h"

struct command {
	const char *name;
	enum cmd_status (*fn)(int argc, char **argv);
	const char *usage;
};

static enum cmd_status cmd_help(int argc, char **argv);

static const struct command commands[] = {
	{ "set-role",	cmd_set_role,	"set-role IFNAME external|internal|none" },
	{ "enable",	cmd_statement,	"enable xmpp|ocs2007 ..." },
	{ "disable",	cmd_statement,	"disable xmpp|ocs2007 ..." },
	{ "set-media-range", cmd_statement, "set-media-range LOW-HIGH" },
	{ "set-mode",	cmd_statement,	"set-mode external|internal enforce|audit" },
	{ "set-event-rate", cmd_statement, "set-event-rate RATE [burst BURST]" },
	{ "set-deployment", cmd_statement, "set-deployment host|gateway" },
	{ "set-edition", cmd_statement, "set-edition lync2013|sfb2015|sfb2019|sfbse" },
	{ "set-service", cmd_statement, "set-service access|webconf|av [ADDR...]" },
	{ "add-rule",	cmd_statement,	"add-rule external|internal in|out tcp|udp PORT[-PORT] NAME" },
	{ "del-rule",	cmd_statement,	"del-rule ID" },
	{ "set-internal-networks", cmd_statement, "set-internal-networks PREFIX..." },
	{ "add-peer",	cmd_statement,	"add-peer frontend|director|branch PREFIX" },
	{ "del-peer",	cmd_statement,	"del-peer frontend|director|branch PREFIX" },
	{ "show",	cmd_show,	"show [dump|--json|--prometheus]" },
	{ "reset-counters", cmd_reset_counters, "reset-counters [ID]" },
	{ "monitor",	cmd_monitor,	"monitor [--json]" },
	{ "showconf",	cmd_showconf,	"showconf" },
	{ "export",	cmd_export,
	  "export nft|iptables|ip6tables|ipset|iptables-ipset|ip6tables-ipset" },
	{ "setconf",	cmd_setconf,	"setconf [--confirm SECONDS] FILE|-" },
	{ "confirm",	cmd_confirm,	"confirm" },
	{ "help",	cmd_help,	"help" },
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

void pr_err(const char *fmt, ...)
{
	va_list ap;

	fputs("lyncedgectl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void usage(FILE *f)
{
	size_t i;

	for (i = 0; i < N_COMMANDS; i++)
		fprintf(f, "%s lyncedgectl %s\n", i ? "      " : "usage:",
			commands[i].usage);
}

static enum cmd_status cmd_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	usage(stdout);
	return CMD_OK;
}

static const struct command *find_command(const char *name)
{
	size_t i;

	if (!strcmp(name, "-h") || !strcmp(name, "--help"))
		name = "help";
	for (i = 0; i < N_COMMANDS; i++)
		if (!strcmp(name, commands[i].name))
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const struct command *cmd;
	enum cmd_status status;

	if (argc < 2) {
		usage(stderr);
		return 1;
	}
	cmd = find_command(argv[1]);
	if (!cmd) {
		pr_err("unknown command \"%s\"", argv[1]);
		usage(stderr);
		return 1;
	}

	status = cmd->fn(argc - 1, argv + 1);
	if (status == CMD_USAGE) {
		fprintf(stderr, "usage: lyncedgectl %s\n", cmd->usage);
		return 1;
	}
	/* Output lost to a full disk or a closed pipe must not look like success. */
	if (fflush(stdout) == EOF) {
		pr_err("writing the output: %s", strerror(errno));
		return 1;
	}
	return status == CMD_OK ? 0 : 1;
}
