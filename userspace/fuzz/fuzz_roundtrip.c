// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: what a user types survives showconf | setconf. The
 * input is statements as the command line gives them, one a line, their
 * words separated by NUL bytes (as argv has them: any byte but NUL, names
 * with blanks, quotes, '#', backslashes, bytes of no charset). Each is
 * applied with the parser the subcommands use; the configuration they make
 * is printed as showconf prints it, read back as setconf reads it, and must
 * come back the same: every role and rule name byte for byte, and the same
 * text printed again.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../conf.h"

#define FUZZ_WORDS_MAX 64

static struct conf typed, read_back;

static char *print(const struct conf *c, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	if (!f)
		abort();
	conf_print(f, c);
	fclose(f);
	return text;
}

static void apply(char **argv, int argc)
{
	char err[128];

	if (argc && conf_is_statement(argv[0]))
		conf_statement(&typed, argc, argv, err, sizeof(err));
}

static void same(const char *what, const char *a, const char *b, const char *text)
{
	if (strcmp(a, b)) {
		fprintf(stderr, "fuzz_roundtrip: %s \"%s\" came back as \"%s\" from\n%s", what, a, b,
			text);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy, *p, *argv[FUZZ_WORDS_MAX], *text1, *text2;
	size_t len1, len2;
	unsigned int i;
	int argc = 0;
	FILE *f;

	copy = malloc(size + 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	conf_defaults(&typed);
	for (p = copy; p <= copy + size; p += strlen(p) + 1) {
		if (!strcmp(p, "\x1e")) {
			apply(argv, argc);
			argc = 0;
		} else if (argc < FUZZ_WORDS_MAX) {
			argv[argc++] = p;
		}
	}
	apply(argv, argc);
	free(copy);

	text1 = print(&typed, &len1);
	f = fmemopen(text1, len1, "r");
	conf_defaults(&read_back);
	if (!f || conf_read(f, "printed", &read_back)) {
		fprintf(stderr, "fuzz_roundtrip: showconf's text does not parse:\n%s", text1);
		abort();
	}
	fclose(f);
	if (read_back.nroles != typed.nroles || read_back.nrules != typed.nrules)
		abort();
	for (i = 0; i < typed.nroles; i++)
		same("interface name", typed.roles[i].name, read_back.roles[i].name, text1);
	for (i = 0; i < typed.nrules; i++)
		same("rule name", typed.rules[i].name, read_back.rules[i].name, text1);
	text2 = print(&read_back, &len2);
	if (len1 != len2 || memcmp(text1, text2, len1)) {
		fprintf(stderr, "fuzz_roundtrip: round trip changed\n%s---\n%s", text1, text2);
		abort();
	}
	free(text1);
	free(text2);
	return 0;
}
