/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_H
#define LYNCEDGECTL_H

enum cmd_status {
	CMD_OK,
	CMD_FAIL,
	/* The arguments are wrong: the dispatcher prints this command's usage. */
	CMD_USAGE,
};

/* Each gets the arguments from the subcommand's name on (argv[0]). */
enum cmd_status cmd_set_role(int argc, char **argv);
/* enable, disable, set-media-range, set-mode, ...: see conf.h */
enum cmd_status cmd_statement(int argc, char **argv);
enum cmd_status cmd_show(int argc, char **argv);
enum cmd_status cmd_showconf(int argc, char **argv);
enum cmd_status cmd_setconf(int argc, char **argv);
enum cmd_status cmd_confirm(int argc, char **argv);
enum cmd_status cmd_reset_counters(int argc, char **argv);
enum cmd_status cmd_monitor(int argc, char **argv);
enum cmd_status cmd_export(int argc, char **argv);

/* Prints "lyncedgectl: " and the message on stderr. */
void pr_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* LYNCEDGECTL_H */
