// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: configuration files (setconf's parser). A file that
 * parses must also survive the round trip showconf | setconf relies on:
 * printed, read back and printed again, it gives the same text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../conf.h"

static struct conf first, second;

/* c as showconf prints it, in a malloc'ed string. */
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text1, *text2;
	size_t len1, len2;
	FILE *f;

	if (!size)
		return 0;
	f = fmemopen((void *)data, size, "r");
	if (!f)
		return 0;
	conf_defaults(&first);
	if (conf_read(f, "fuzz", &first)) {
		fclose(f);
		return 0;
	}
	fclose(f);

	text1 = print(&first, &len1);
	f = fmemopen(text1, len1, "r");
	conf_defaults(&second);
	if (!f || conf_read(f, "printed", &second)) {
		fprintf(stderr, "fuzz_conf: showconf's own text does not parse:\n%s", text1);
		abort();
	}
	fclose(f);
	text2 = print(&second, &len2);
	if (len1 != len2 || memcmp(text1, text2, len1)) {
		fprintf(stderr, "fuzz_conf: round trip changed\n%s---\n%s", text1, text2);
		abort();
	}
	free(text1);
	free(text2);
	return 0;
}
