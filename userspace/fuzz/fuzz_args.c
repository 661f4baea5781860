// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the command line. The input is the words after
 * "lyncedgectl", separated by NUL bytes (at most 31 of them); the fake
 * kernel answers nothing but the family lookup, so every subcommand parses
 * its arguments and then fails to talk, or succeeds on empty answers.
 * setconf is left out: it would read any file the input names (stdin,
 * /dev/zero); fuzz_conf covers its parser.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_kernel.h"

#define FUZZ_ARGS_MAX 32

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return freopen("/dev/null", "w", stdout) ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[FUZZ_ARGS_MAX + 1], *words, *p, *end;
	int argc = 0;

	words = malloc(size + 1);
	if (!words)
		return 0;
	memcpy(words, data, size);
	words[size] = '\0';
	argv[argc++] = "lyncedgectl";
	for (p = words, end = words + size; p <= end && argc < FUZZ_ARGS_MAX; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	if (argc < 2 || strcmp(argv[1], "setconf")) {
		/* No chunks: only the family lookup is answered. */
		fake_kernel_reset(NULL, 0);
		lyncedgectl_main(argc, argv);
	}
	free(words);
	return 0;
}
