// SPDX-License-Identifier: GPL-2.0
#include <stddef.h>
#include <stdint.h>

#include "escape.h"

/*
 * The length of the valid UTF-8 sequence at s (1 to 4), or 0 when s does
 * not start one: overlong forms, surrogates and code points above U+10FFFF
 * are not valid.
 */
static size_t utf8_len(const unsigned char *s)
{
	uint32_t cp;
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* Writes the bytes of s, escaping ASCII with esc(); invalid UTF-8 becomes U+FFFD. */
static void write_escaped(FILE *f, const char *str, void (*esc)(FILE *f, unsigned char c))
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n;

	fputc('"', f);
	while (*s) {
		n = utf8_len(s);
		if (n == 1) {
			esc(f, *s);
		} else if (n) {
			fwrite(s, 1, n, f);
		} else {
			fputs("\xef\xbf\xbd", f);
			n = 1;
		}
		s += n;
	}
	fputc('"', f);
}

static void json_char(FILE *f, unsigned char c)
{
	if (c == '"' || c == '\\')
		fprintf(f, "\\%c", c);
	else if (c < 0x20 || c == 0x7f)
		fprintf(f, "\\u%04x", c);
	else
		fputc(c, f);
}

void json_string(FILE *f, const char *s)
{
	write_escaped(f, s, json_char);
}

static void prom_char(FILE *f, unsigned char c)
{
	if (c == '"' || c == '\\')
		fprintf(f, "\\%c", c);
	else if (c == '\n')
		fputs("\\n", f);
	else
		fputc(c, f);
}

void prom_label(FILE *f, const char *s)
{
	write_escaped(f, s, prom_char);
}
