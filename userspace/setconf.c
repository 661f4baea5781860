// SPDX-License-Identifier: GPL-2.0
/*
 * setconf [--confirm SECONDS] FILE|-, showconf and confirm: the whole
 * configuration as text, and changes that undo themselves.
 *
 * The file is a list of configuring statements, one per line, in the words
 * of the subcommands (conf_text.c); '#' starts a comment. It describes the
 * whole state of the namespace, roles included: what it does not set is at
 * its default, and a file without set-role lines leaves no interface with a
 * role (setconf warns when that takes roles away). Every line is checked
 * before anything is sent, and every error is reported with its line
 * number; then one SET_CONFIG request carries all of it, and the module
 * applies it whole or not at all.
 *
 * With --confirm the module undoes the change by itself after SECONDS
 * unless `lyncedgectl confirm` comes first: a file that locks the admin
 * out is gone again even if the shell that applied it is.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "genl.h"
#include "lyncedgectl.h"

/* The seconds of --confirm, or -1. */
static long confirm_seconds(const char *s)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	return !errno && !*end && v >= 1 && v <= LYNCEDGE_CONFIRM_MAX ? v : -1;
}

/* How many roles the namespace has now, or -1 on failure (told). */
static int roles_now(struct genl_ctx *ctx)
{
	static struct conf now;
	int err = conf_get(ctx, &now);

	if (err) {
		genl_perror(ctx, err);
		return -1;
	}
	return (int)now.nroles;
}

enum cmd_status cmd_setconf(int argc, char **argv)
{
	static struct conf c;
	const char *name, *path;
	struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	long confirm = 0;
	int errors, ret, had;
	FILE *f;

	if (argc == 4 && !strcmp(argv[1], "--confirm")) {
		confirm = confirm_seconds(argv[2]);
		if (confirm < 0) {
			pr_err("--confirm takes seconds, 1 to %d", LYNCEDGE_CONFIRM_MAX);
			return CMD_USAGE;
		}
	} else if (argc != 2) {
		return CMD_USAGE;
	}
	path = argv[argc - 1];
	name = strcmp(path, "-") ? path : "<stdin>";
	f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!f) {
		pr_err("%s: %s", path, strerror(errno));
		return CMD_FAIL;
	}
	conf_defaults(&c);
	errors = conf_read(f, name, &c);
	if (f != stdin)
		fclose(f);
	if (errors) {
		pr_err("%s: %d error%s, nothing changed", name, errors, errors > 1 ? "s" : "");
		return CMD_FAIL;
	}
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	had = c.nroles ? 0 : roles_now(&ctx);
	if (had < 0) {
		genl_close(&ctx);
		return CMD_FAIL;
	}
	nlh = genl_msg(&ctx, LYNCEDGE_CMD_SET_CONFIG, 0);
	conf_put(nlh, &c);
	if (confirm)
		mnl_attr_put_u32(nlh, LYNCEDGE_A_CONFIRM, (uint32_t)confirm);
	ret = genl_request(&ctx, nlh, NULL, NULL);
	if (ret) {
		fprintf(stderr, "lyncedgectl: %s: ", name);
		genl_perror(&ctx, ret);
	}
	genl_close(&ctx);
	if (ret)
		return CMD_FAIL;
	if (had > 0)
		pr_err("warning: %s has no set-role line: the %d role%s this namespace had %s gone, and lyncedge judges no traffic here now",
		       name, had, had > 1 ? "s" : "", had > 1 ? "are" : "is");
	if (confirm)
		printf("applied; it reverts in %ld s unless confirmed: lyncedgectl confirm\n",
		       confirm);
	return CMD_OK;
}

enum cmd_status cmd_showconf(int argc, char **argv)
{
	static struct conf c;
	struct genl_ctx ctx;
	int ret;

	(void)argv;
	if (argc != 1)
		return CMD_USAGE;
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	ret = conf_get(&ctx, &c);
	if (ret)
		genl_perror(&ctx, ret);
	else
		conf_print(stdout, &c);
	genl_close(&ctx);
	return ret ? CMD_FAIL : CMD_OK;
}

enum cmd_status cmd_confirm(int argc, char **argv)
{
	struct genl_ctx ctx;
	int ret;

	(void)argv;
	if (argc != 1)
		return CMD_USAGE;
	if (genl_open(&ctx) < 0)
		return CMD_FAIL;
	ret = genl_request(&ctx, genl_msg(&ctx, LYNCEDGE_CMD_CONFIRM, 0), NULL, NULL);
	if (ret)
		genl_perror(&ctx, ret);
	genl_close(&ctx);
	return ret ? CMD_FAIL : CMD_OK;
}
