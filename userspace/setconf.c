// SPDX-License-Identifier: GPL-2.0
/*
 * setconf FILE|- and showconf: the whole configuration as text.
 *
 * The file is a list of configuring statements, one per line, in the words
 * of the subcommands (enable, disable, set-media-range, set-mode); '#'
 * starts a comment. It describes the whole configuration: what it does not
 * set is at its default. Every line is checked before anything is sent, and
 * every error is reported with its line number; then one SET_CONFIG request
 * carries all of it, and the module applies it whole or not at all.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "genl.h"
#include "lyncedgectl.h"

#define SETCONF_MAX_WORDS	16

/* Splits line into words in place; drops a '#' comment. Returns the count. */
static int split(char *line, char **words)
{
	int n = 0;
	char *p;

	p = strchr(line, '#');
	if (p)
		*p = '\0';
	for (p = strtok(line, " \t\r\n"); p; p = strtok(NULL, " \t\r\n")) {
		if (n == SETCONF_MAX_WORDS)
			return -1;
		words[n++] = p;
	}
	return n;
}

int conf_read(FILE *f, const char *name, struct conf *c)
{
	char line[1024], err[128], *words[SETCONF_MAX_WORDS];
	int n, lineno = 0, errors = 0;

	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			pr_err("%s:%d: line too long", name, lineno);
			errors++;
			while (fgets(line, sizeof(line), f) && !strchr(line, '\n'))
				;
			continue;
		}
		n = split(line, words);
		if (n == 0)
			continue;
		if (n < 0) {
			pr_err("%s:%d: too many words", name, lineno);
			errors++;
		} else if (!conf_is_statement(words[0])) {
			pr_err("%s:%d: unknown statement \"%s\"", name, lineno, words[0]);
			errors++;
		} else if (conf_statement(c, n, words, err, sizeof(err)) < 0) {
			pr_err("%s:%d: %s", name, lineno, err);
			errors++;
		}
	}
	if (ferror(f)) {
		pr_err("%s: %s", name, strerror(errno));
		errors++;
	}
	return errors;
}

enum cmd_status cmd_setconf(int argc, char **argv)
{
	const char *name;
	static struct conf c;
	struct genl_ctx ctx;
	struct nlmsghdr *nlh;
	int errors, ret;
	FILE *f;

	if (argc != 2)
		return CMD_USAGE;
	name = strcmp(argv[1], "-") ? argv[1] : "<stdin>";
	f = strcmp(argv[1], "-") ? fopen(argv[1], "r") : stdin;
	if (!f) {
		pr_err("%s: %s", argv[1], strerror(errno));
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
	nlh = genl_msg(&ctx, LYNCEDGE_CMD_SET_CONFIG, 0);
	conf_put(nlh, &c);
	ret = genl_request(&ctx, nlh, NULL, NULL);
	if (ret) {
		fprintf(stderr, "lyncedgectl: %s: ", name);
		genl_perror(&ctx, ret);
	}
	genl_close(&ctx);
	return ret ? CMD_FAIL : CMD_OK;
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
