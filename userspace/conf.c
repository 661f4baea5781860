// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration statements. A configuration file is a list of the same
 * lines one would type after "lyncedgectl", so one parser serves the file
 * (setconf) and the command line, and showconf prints what it reads.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "names.h"

/* As the module: below are the well-known ports the other rules use. */
#define CONF_MEDIA_LOWEST	1024
#define CONF_MEDIA_MIN_DEFAULT	50000
#define CONF_MEDIA_MAX_DEFAULT	59999
#define CONF_OPTIONAL_FEATURES	(__LYNCEDGE_FEATURE_F_ALL & ~LYNCEDGE_FEATURE_F_CORE)

void conf_defaults(struct conf *c)
{
	memset(c, 0, sizeof(*c));
	c->features_set = CONF_OPTIONAL_FEATURES;
	c->media_set = true;
	c->media_min = CONF_MEDIA_MIN_DEFAULT;
	c->media_max = CONF_MEDIA_MAX_DEFAULT;
	c->mode_set[0] = true;
	c->mode_set[1] = true;
}

/* A port: decimal digits only, 1 to 65535; -1 otherwise. */
static int port_parse(const char *s, const char *end)
{
	long v = 0;

	if (s == end || end - s > 5)
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v >= 1 && v <= 65535 ? (int)v : -1;
}

static int features(struct conf *c, int argc, char **argv, bool on, char *err, size_t len)
{
	int i, f;

	if (argc < 2) {
		snprintf(err, len, "%s needs at least one feature: xmpp, ocs2007", argv[0]);
		return -1;
	}
	for (i = 1; i < argc; i++) {
		f = feature_parse(argv[i]);
		if (f == LYNCEDGE_FEATURE_CORE) {
			snprintf(err, len, "the core rows are always on; they cannot be %s",
				 on ? "enabled" : "disabled");
			return -1;
		}
		if (f < 0) {
			snprintf(err, len, "unknown feature \"%s\" (xmpp, ocs2007)", argv[i]);
			return -1;
		}
		c->features_set |= 1U << f;
		if (on)
			c->features |= 1U << f;
		else
			c->features &= ~(1U << f);
	}
	return 0;
}

static int media_range(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	const char *dash = argc == 2 ? strchr(argv[1], '-') : NULL;
	int min, max;

	if (!dash) {
		snprintf(err, len, "set-media-range takes one range LOW-HIGH");
		return -1;
	}
	min = port_parse(argv[1], dash);
	max = port_parse(dash + 1, dash + 1 + strlen(dash + 1));
	if (min < 0 || max < 0) {
		snprintf(err, len, "\"%s\" is not a port range LOW-HIGH", argv[1]);
		return -1;
	}
	if (min > max) {
		snprintf(err, len, "the media range %d-%d is reversed", min, max);
		return -1;
	}
	if (min < CONF_MEDIA_LOWEST) {
		snprintf(err, len, "the media range must start at %d or above", CONF_MEDIA_LOWEST);
		return -1;
	}
	c->media_set = true;
	c->media_min = min;
	c->media_max = max;
	return 0;
}

static int mode(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	int role = argc == 3 ? role_parse(argv[1]) : -1;
	int m = argc == 3 ? mode_parse(argv[2]) : -1;

	if (role != LYNCEDGE_ROLE_EXTERNAL && role != LYNCEDGE_ROLE_INTERNAL) {
		snprintf(err, len, "set-mode takes a role, external or internal, then a mode");
		return -1;
	}
	if (m < 0) {
		snprintf(err, len, "set-mode takes a mode: enforce or audit");
		return -1;
	}
	c->mode_set[role - 1] = true;
	c->mode[role - 1] = m;
	return 0;
}

bool conf_is_statement(const char *word)
{
	return !strcmp(word, "enable") || !strcmp(word, "disable") ||
	       !strcmp(word, "set-media-range") || !strcmp(word, "set-mode");
}

int conf_statement(struct conf *c, int argc, char **argv, char *err, size_t errlen)
{
	if (!strcmp(argv[0], "enable"))
		return features(c, argc, argv, true, err, errlen);
	if (!strcmp(argv[0], "disable"))
		return features(c, argc, argv, false, err, errlen);
	if (!strcmp(argv[0], "set-media-range"))
		return media_range(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "set-mode"))
		return mode(c, argc, argv, err, errlen);
	snprintf(err, errlen, "\"%s\" is not a configuration statement", argv[0]);
	return -1;
}

void conf_put(struct nlmsghdr *nlh, const struct conf *c)
{
	struct nla_bitfield32 bf = { c->features & c->features_set, c->features_set };

	if (bf.selector)
		mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	if (c->media_set) {
		mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, c->media_min);
		mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MAX, c->media_max);
	}
	if (c->mode_set[0])
		mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, c->mode[0]);
	if (c->mode_set[1])
		mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_INTERNAL, c->mode[1]);
}

static int bad_reply(void)
{
	errno = EBADMSG;
	return MNL_CB_ERROR;
}

static int get_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[LYNCEDGE_A_MAX + 1];
	struct nla_bitfield32 bf;
	struct conf *c = data;

	if (genl_parse(nlh, tb) < 0)
		return MNL_CB_ERROR;
	if (!tb[LYNCEDGE_A_FEATURES] || !tb[LYNCEDGE_A_MEDIA_MIN] || !tb[LYNCEDGE_A_MEDIA_MAX] ||
	    !tb[LYNCEDGE_A_MODE_EXTERNAL] || !tb[LYNCEDGE_A_MODE_INTERNAL])
		return bad_reply();
	memcpy(&bf, mnl_attr_get_payload(tb[LYNCEDGE_A_FEATURES]), sizeof(bf));
	c->features = bf.value;
	c->features_set = bf.selector;
	c->media_min = mnl_attr_get_u16(tb[LYNCEDGE_A_MEDIA_MIN]);
	c->media_max = mnl_attr_get_u16(tb[LYNCEDGE_A_MEDIA_MAX]);
	c->mode[0] = mnl_attr_get_u8(tb[LYNCEDGE_A_MODE_EXTERNAL]);
	c->mode[1] = mnl_attr_get_u8(tb[LYNCEDGE_A_MODE_INTERNAL]);
	return MNL_CB_OK;
}

int conf_get(struct genl_ctx *ctx, struct conf *c)
{
	conf_defaults(c);
	return genl_request(ctx, genl_msg(ctx, LYNCEDGE_CMD_GET_CONFIG, 0), get_cb, c);
}

void conf_print(FILE *f, const struct conf *c)
{
	unsigned int i;

	fprintf(f, "# lyncedge configuration: lyncedgectl statements, read by setconf\n");
	for (i = 0; i < 32; i++)
		if ((CONF_OPTIONAL_FEATURES & c->features_set & c->features) & (1U << i))
			fprintf(f, "enable %s\n", feature_name(i));
	fprintf(f, "set-media-range %u-%u\n", c->media_min, c->media_max);
	fprintf(f, "set-mode external %s\n", mode_name(c->mode[0]));
	fprintf(f, "set-mode internal %s\n", mode_name(c->mode[1]));
}
