// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration as text: the words of a file's line, the words of
 * showconf's, and whole files. A file is a list of the statements one
 * types after "lyncedgectl"; a line is split into words at blanks, and a
 * name (a rule's, an interface's) with blanks, '#' or quotes is written in
 * "...", as on the command line; showconf quotes every word that needs it,
 * so any name the module takes comes back from showconf | setconf
 * unchanged. A ' is a character like any other, as in the files of
 * earlier versions ("the site's port").
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "conf.h"
#include "lyncedgectl.h"
#include "names.h"

/* A line holds at most this many words (a name of 63 one-letter words). */
#define CONF_MAX_WORDS	64

int conf_split(char *line, char **words, int max, char *err, size_t errlen)
{
	char *in = line, *out = line;
	int n = 0;

	for (;;) {
		while (*in == ' ' || *in == '\t' || *in == '\r' || *in == '\n')
			in++;
		if (!*in || *in == '#')
			return n;
		if (n == max) {
			snprintf(err, errlen, "more than %d words", max);
			return -1;
		}
		words[n++] = out;
		while (*in && !strchr(" \t\r\n#", *in)) {
			if (*in != '"') {
				*out++ = *in++;
				continue;
			}
			in++;
			while (*in != '"') {
				if (!*in) {
					snprintf(err, errlen, "a quote is not closed");
					return -1;
				}
				if (*in == '\\') {
					if (in[1] != '"' && in[1] != '\\') {
						snprintf(err, errlen,
							 "inside \"...\" a backslash quotes only \" and \\");
						return -1;
					}
					in++;
				}
				*out++ = *in++;
			}
			in++;
		}
		/* in is past out, so the word can end in place */
		if (*in && *in != '#')
			in++;
		*out++ = '\0';
	}
}

/* Bytes a word may have and go unquoted. */
static bool conf_bare(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f || strchr("\"\\#", *s))
			return false;
	return true;
}

void conf_word_print(FILE *f, const char *s)
{
	if (conf_bare(s)) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

int conf_read(FILE *f, const char *name, struct conf *c)
{
	char *line = NULL, err[128], *words[CONF_MAX_WORDS];
	int n, lineno = 0, errors = 0;
	size_t cap = 0;
	ssize_t len;

	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (strlen(line) != (size_t)len) {
			pr_err("%s:%d: a NUL byte in the line", name, lineno);
			errors++;
			continue;
		}
		n = conf_split(line, words, CONF_MAX_WORDS, err, sizeof(err));
		if (n == 0)
			continue;
		if (n < 0) {
			pr_err("%s:%d: %s", name, lineno, err);
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
	free(line);
	return errors;
}

void conf_addr_print(FILE *f, const struct conf_addr *a)
{
	char addr[INET6_ADDRSTRLEN];

	inet_ntop(a->family, a->addr, addr, sizeof(addr));
	fputs(addr, f);
}

void conf_peer_print(FILE *f, const struct conf_peer *p)
{
	char addr[INET6_ADDRSTRLEN];

	inet_ntop(p->family, p->addr, addr, sizeof(addr));
	fprintf(f, "%s/%u", addr, p->len);
}

void conf_net_print(FILE *f, const struct conf_net *n)
{
	char addr[INET6_ADDRSTRLEN];

	inet_ntop(n->family, n->addr, addr, sizeof(addr));
	fprintf(f, "%s/%u", addr, n->len);
}

void conf_print(FILE *f, const struct conf *c)
{
	unsigned int i;

	fprintf(f, "# lyncedge configuration: lyncedgectl statements, read by setconf\n");
	for (i = 0; i < c->nroles; i++) {
		fputs("set-role ", f);
		conf_word_print(f, c->roles[i].name);
		fprintf(f, " %s\n", role_name(c->roles[i].role));
	}
	/* Before the features: an edition takes only its own. */
	fprintf(f, "set-edition %s\n", edition_name(c->edition));
	for (i = 0; i < 32; i++)
		if ((CONF_OPTIONAL_FEATURES & c->features_set & c->features) & (1U << i))
			fprintf(f, "enable %s\n", feature_name(i));
	fprintf(f, "set-media-range %u-%u\n", c->media_min, c->media_max);
	fprintf(f, "set-mode external %s\n", mode_name(c->mode[0]));
	fprintf(f, "set-mode internal %s\n", mode_name(c->mode[1]));
	fprintf(f, "set-deployment %s\n", deployment_name(c->deployment));
	fprintf(f, "set-event-rate %u burst %u\n", c->event_rate, c->event_burst);
	for (i = 0; i < LYNCEDGE_SERVICE_MAX; i++) {
		unsigned int j;

		if (!c->naddrs[i])
			continue;
		fprintf(f, "set-service %s", service_name(i + 1));
		for (j = 0; j < c->naddrs[i]; j++) {
			fputc(' ', f);
			conf_addr_print(f, &c->addrs[i][j]);
		}
		fputc('\n', f);
	}
	for (i = 0; i < c->nrules; i++) {
		const struct conf_rule *r = &c->rules[i];

		fprintf(f, "add-rule %s %s %s %u", role_name(r->role), dir_name(r->dir),
			proto_name(r->proto), r->min);
		if (r->max != r->min)
			fprintf(f, "-%u", r->max);
		fputc(' ', f);
		conf_word_print(f, r->name);
		fputc('\n', f);
	}
	fputs("set-internal-networks", f);
	for (i = 0; i < c->ninternal; i++) {
		fputc(' ', f);
		conf_net_print(f, &c->internal[i]);
	}
	fputc('\n', f);
	for (i = 0; i < c->npeers; i++) {
		fprintf(f, "add-peer %s ", group_name(c->peers[i].group));
		conf_peer_print(f, &c->peers[i]);
		fputc('\n', f);
	}
}
