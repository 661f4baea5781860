// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration statements. A configuration file is a list of the same
 * lines one would type after "lyncedgectl", so one parser serves the file
 * (setconf, conf_text.c) and the command line, and showconf prints what it
 * reads.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "names.h"

/* As the module: below are the well-known ports the other rules use. */
#define CONF_MEDIA_LOWEST	1024
#define CONF_MEDIA_MIN_DEFAULT	50000
#define CONF_MEDIA_MAX_DEFAULT	59999

/* As the module: the private ranges, until the operator names the internal networks. */
static const struct conf_net conf_internal_default[] = {
	{ AF_INET, { 10 }, 8 },
	{ AF_INET, { 172, 16 }, 12 },
	{ AF_INET, { 192, 168 }, 16 },
	{ AF_INET6, { 0xfc }, 7 },
};

void conf_defaults(struct conf *c)
{
	memset(c, 0, sizeof(*c));
	c->roles_set = true;
	c->features_set = CONF_OPTIONAL_FEATURES;
	c->media_set = true;
	c->media_min = CONF_MEDIA_MIN_DEFAULT;
	c->media_max = CONF_MEDIA_MAX_DEFAULT;
	c->mode_set[0] = true;
	c->mode_set[1] = true;
	c->internal_set = true;
	c->ninternal = sizeof(conf_internal_default) / sizeof(conf_internal_default[0]);
	memcpy(c->internal, conf_internal_default, sizeof(conf_internal_default));
	c->peers_set = true;
	c->services_set = true;
	c->rules_set = true;
	c->deployment_set = true;
	c->edition_set = true;
	c->events_set = true;
	c->event_rate = LYNCEDGE_EVENT_RATE_DEFAULT;
	c->event_burst = LYNCEDGE_EVENT_BURST_DEFAULT;
}

void conf_unset(struct conf *c)
{
	c->roles_set = false;
	c->rules_set = false;
	c->services_set = false;
	c->features_set = 0;
	c->media_set = false;
	c->mode_set[0] = false;
	c->mode_set[1] = false;
	c->internal_set = false;
	c->peers_set = false;
	c->deployment_set = false;
	c->edition_set = false;
	c->events_set = false;
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

/* As the module: a name carries no control character, so it is one line everywhere. */
static bool printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* A name an interface can have, as the kernel's dev_valid_name() says, and printable. */
static bool ifname_ok(const char *s)
{
	return *s && strlen(s) < IF_NAMESIZE && strcmp(s, ".") && strcmp(s, "..") &&
	       !strpbrk(s, "/: \t\n\v\f\r") && printable(s);
}

static int role_find(const struct conf *c, const char *name)
{
	unsigned int i;

	for (i = 0; i < c->nroles; i++)
		if (!strcmp(c->roles[i].name, name))
			return (int)i;
	return -1;
}

/* set-role IFNAME external|internal|none: the name's role, given, replaced or taken away. */
static int set_role(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	int role = argc == 3 ? role_parse(argv[2]) : -1;
	int i;

	if (argc != 3 || role < 0) {
		snprintf(err, len, "set-role takes an interface name and a role: external, internal or none");
		return -1;
	}
	if (!ifname_ok(argv[1])) {
		snprintf(err, len, "\"%.*s\" is not a name an interface can have", IF_NAMESIZE, argv[1]);
		return -1;
	}
	i = role_find(c, argv[1]);
	if (role == LYNCEDGE_ROLE_NONE) {
		if (i >= 0)
			memmove(&c->roles[i], &c->roles[i + 1],
				(--c->nroles - i) * sizeof(c->roles[0]));
	} else if (i >= 0) {
		c->roles[i].role = role;
	} else if (c->nroles == LYNCEDGE_ROLES_MAX) {
		snprintf(err, len, "at most %d interface names have roles", LYNCEDGE_ROLES_MAX);
		return -1;
	} else {
		snprintf(c->roles[c->nroles].name, sizeof(c->roles[0].name), "%s", argv[1]);
		c->roles[c->nroles].role = role;
		c->roles[c->nroles++].ifindex = 0;
	}
	c->roles_set = true;
	return 0;
}

/* enable|disable FEATURE...: all of them, or none when one is wrong. */
static int features(struct conf *c, int argc, char **argv, bool on, char *err, size_t len)
{
	unsigned int given = 0;
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
		given |= 1U << f;
	}
	c->features_set |= given;
	if (on)
		c->features |= given;
	else
		c->features &= ~given;
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

static int deployment(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	int d = argc == 2 ? deployment_parse(argv[1]) : -1;

	if (d < 0) {
		snprintf(err, len, "set-deployment takes host or gateway");
		return -1;
	}
	c->deployment_set = true;
	c->deployment = d;
	return 0;
}

static int edition(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	int e = argc == 2 ? edition_parse(argv[1]) : -1;

	if (e < 0) {
		snprintf(err, len, "set-edition takes lync2013, sfb2015, sfb2019 or sfbse");
		return -1;
	}
	c->edition_set = true;
	c->edition = e;
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

/* ADDR[/LEN], IPv4 or IPv6; the host bits must be zero, as the module wants. */
static int prefix_parse(const char *s, struct conf_peer *p, char *err, size_t len)
{
	char buf[INET6_ADDRSTRLEN + 8], *slash, *end;
	unsigned int max, i;
	long n;

	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	if (inet_pton(AF_INET, buf, p->addr) == 1) {
		p->family = AF_INET;
		max = 32;
	} else if (inet_pton(AF_INET6, buf, p->addr) == 1) {
		p->family = AF_INET6;
		max = 128;
	} else {
		snprintf(err, len, "\"%s\" is not an IPv4 or IPv6 address", buf);
		return -1;
	}
	n = max;
	if (slash) {
		n = strtol(slash + 1, &end, 10);
		if (!slash[1] || *end || n < 0 || n > (long)max) {
			snprintf(err, len, "\"%s\" is not a prefix length from 0 to %u", slash + 1, max);
			return -1;
		}
	}
	p->len = n;
	for (i = p->len; i < max; i++) {
		if (p->addr[i / 8] & (0x80 >> (i % 8))) {
			snprintf(err, len, "%s has host bits set beyond /%u", s, p->len);
			return -1;
		}
	}
	return 0;
}

static bool peer_equal(const struct conf_peer *a, const struct conf_peer *b)
{
	return a->group == b->group && a->family == b->family && a->len == b->len &&
	       !memcmp(a->addr, b->addr, a->family == AF_INET ? 4 : 16);
}

static int peer(struct conf *c, int argc, char **argv, bool add, char *err, size_t len)
{
	struct conf_peer p = { 0 };
	unsigned int i, in_group = 0;
	int group = argc == 3 ? group_parse(argv[1]) : -1;

	if (group < 0) {
		snprintf(err, len, "%s takes a group (frontend, director, branch) and a prefix",
			 argv[0]);
		return -1;
	}
	p.group = group;
	if (prefix_parse(argv[2], &p, err, len) < 0)
		return -1;
	for (i = 0; i < c->npeers; i++) {
		in_group += c->peers[i].group == p.group;
		if (peer_equal(&c->peers[i], &p))
			break;
	}
	if (add && i < c->npeers) {
		snprintf(err, len, "%s is already a %s peer", argv[2], argv[1]);
		return -1;
	}
	if (!add && i == c->npeers) {
		snprintf(err, len, "%s is not a %s peer", argv[2], argv[1]);
		return -1;
	}
	if (add && in_group >= LYNCEDGE_PEERS_MAX) {
		snprintf(err, len, "a group holds at most %d peers", LYNCEDGE_PEERS_MAX);
		return -1;
	}
	if (add)
		c->peers[c->npeers++] = p;
	else
		memmove(&c->peers[i], &c->peers[i + 1], (--c->npeers - i) * sizeof(p));
	c->peers_set = true;
	return 0;
}

/*
 * set-internal-networks PREFIX...: the internal networks, now these. At
 * least one: the module has no empty set, and "any" is said as 0.0.0.0/0
 * ::/0. Read into a copy first, as set-service.
 */
static int internal_networks(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	struct conf_net nets[LYNCEDGE_INTERNAL_NETS_MAX];
	struct conf_peer p;
	int i, j;

	if (argc < 2) {
		snprintf(err, len, "set-internal-networks takes at least one prefix "
			 "(any address: 0.0.0.0/0 ::/0)");
		return -1;
	}
	if (argc - 1 > LYNCEDGE_INTERNAL_NETS_MAX) {
		snprintf(err, len, "at most %d internal networks", LYNCEDGE_INTERNAL_NETS_MAX);
		return -1;
	}
	for (i = 1; i < argc; i++) {
		memset(&p, 0, sizeof(p));
		if (prefix_parse(argv[i], &p, err, len) < 0)
			return -1;
		nets[i - 1].family = p.family;
		memcpy(nets[i - 1].addr, p.addr, sizeof(p.addr));
		nets[i - 1].len = p.len;
		for (j = 0; j < i - 1; j++) {
			if (nets[j].family == p.family && nets[j].len == p.len &&
			    !memcmp(nets[j].addr, p.addr, sizeof(p.addr))) {
				snprintf(err, len, "%s is listed twice", argv[i]);
				return -1;
			}
		}
	}
	c->ninternal = argc - 1;
	memcpy(c->internal, nets, c->ninternal * sizeof(nets[0]));
	c->internal_set = true;
	return 0;
}

/*
 * set-service SERVICE [ADDR...]: that service's addresses, now these. Read
 * into a copy first: a statement refused must leave the configuration as it
 * was, or a later showconf would print half of it.
 */
static int service(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	struct conf_addr addrs[LYNCEDGE_SERVICE_ADDRS_MAX];
	int s = argc >= 2 ? service_parse(argv[1]) : -1;
	unsigned int i, j;

	if (s <= LYNCEDGE_SERVICE_NONE) {
		snprintf(err, len, "set-service takes a service (access, webconf, av), then addresses");
		return -1;
	}
	if (argc - 2 > LYNCEDGE_SERVICE_ADDRS_MAX) {
		snprintf(err, len, "a service has at most %d addresses", LYNCEDGE_SERVICE_ADDRS_MAX);
		return -1;
	}
	for (i = 0; i < (unsigned int)argc - 2; i++) {
		struct conf_addr *a = &addrs[i];

		if (inet_pton(AF_INET, argv[i + 2], a->addr) == 1) {
			a->family = AF_INET;
		} else if (inet_pton(AF_INET6, argv[i + 2], a->addr) == 1) {
			a->family = AF_INET6;
		} else {
			snprintf(err, len, "\"%s\" is not an IPv4 or IPv6 address", argv[i + 2]);
			return -1;
		}
		for (j = 0; j < i; j++) {
			if (addrs[j].family == a->family &&
			    !memcmp(addrs[j].addr, a->addr, a->family == AF_INET ? 4 : 16)) {
				snprintf(err, len, "%s is given twice", argv[i + 2]);
				return -1;
			}
		}
	}
	memcpy(c->addrs[s - 1], addrs, (argc - 2) * sizeof(addrs[0]));
	c->naddrs[s - 1] = argc - 2;
	c->services_set = true;
	return 0;
}

static bool rule_same(const struct conf_rule *a, const struct conf_rule *b)
{
	return a->role == b->role && a->dir == b->dir && a->proto == b->proto &&
	       a->min == b->min && a->max == b->max && !strcmp(a->name, b->name);
}

/* add-rule ROLE in|out tcp|udp PORT[-PORT] NAME...: the name is the rest. */
static int add_rule(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	struct conf_rule r = { 0 };
	const char *dash;
	int min, max, i;
	size_t n = 0;

	if (argc < 6) {
		snprintf(err, len, "add-rule takes a role, in|out, tcp|udp, PORT[-PORT] and a name");
		return -1;
	}
	i = role_parse(argv[1]);
	if (i != LYNCEDGE_ROLE_EXTERNAL && i != LYNCEDGE_ROLE_INTERNAL) {
		snprintf(err, len, "\"%s\" is not a role: external or internal", argv[1]);
		return -1;
	}
	r.role = i;
	if (strcmp(argv[2], "in") && strcmp(argv[2], "out")) {
		snprintf(err, len, "\"%s\" is not a direction: in or out", argv[2]);
		return -1;
	}
	r.dir = strcmp(argv[2], "in") ? LYNCEDGE_DIR_OUT : LYNCEDGE_DIR_IN;
	if (strcmp(argv[3], "tcp") && strcmp(argv[3], "udp")) {
		snprintf(err, len, "\"%s\" is not a protocol: tcp or udp", argv[3]);
		return -1;
	}
	r.proto = strcmp(argv[3], "tcp") ? IPPROTO_UDP : IPPROTO_TCP;
	dash = strchr(argv[4], '-');
	min = port_parse(argv[4], dash ? dash : argv[4] + strlen(argv[4]));
	max = dash ? port_parse(dash + 1, dash + 1 + strlen(dash + 1)) : min;
	if (min < 0 || max < 0 || min > max) {
		snprintf(err, len, "\"%s\" is not a port or a port range LOW-HIGH", argv[4]);
		return -1;
	}
	r.min = min;
	r.max = max;
	for (i = 5; i < argc; i++) {
		n += snprintf(r.name + n, n < sizeof(r.name) ? sizeof(r.name) - n : 0, "%s%s",
			      i > 5 ? " " : "", argv[i]);
		if (n >= sizeof(r.name)) {
			snprintf(err, len, "a rule's name has at most %d characters",
				 LYNCEDGE_CUSTOM_NAME_MAX - 1);
			return -1;
		}
	}
	if (!r.name[0] || !printable(r.name)) {
		snprintf(err, len, "a rule's name is not empty and has no control characters");
		return -1;
	}
	for (i = 0; i < (int)c->nrules; i++) {
		if (rule_same(&c->rules[i], &r)) {
			snprintf(err, len, "that rule is there already (id %u)", c->rules[i].id);
			return -1;
		}
	}
	if (c->nrules == LYNCEDGE_CUSTOM_MAX) {
		snprintf(err, len, "there are at most %d custom rules", LYNCEDGE_CUSTOM_MAX);
		return -1;
	}
	c->rules[c->nrules++] = r;
	c->rules_set = true;
	return 0;
}

static int del_rule(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	unsigned int i;
	char *end;
	unsigned long id = argc == 2 ? strtoul(argv[1], &end, 10) : 0;

	if (argc != 2 || !argv[1][0] || *end || id < LYNCEDGE_CUSTOM_ID_MIN) {
		snprintf(err, len, "del-rule takes the id of a custom rule (%d or above)",
			 LYNCEDGE_CUSTOM_ID_MIN);
		return -1;
	}
	for (i = 0; i < c->nrules && c->rules[i].id != id; i++)
		;
	if (i == c->nrules) {
		snprintf(err, len, "there is no custom rule %lu", id);
		return -1;
	}
	memmove(&c->rules[i], &c->rules[i + 1], (--c->nrules - i) * sizeof(c->rules[0]));
	c->rules_set = true;
	return 0;
}

/* A decimal number from 0 to max; -1 otherwise. */
static long number_parse(const char *s, long max)
{
	long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > max)
			return -1;
	}
	return v;
}

/* set-event-rate RATE [burst BURST] */
static int event_rate(struct conf *c, int argc, char **argv, char *err, size_t len)
{
	long rate, burst = c->event_burst;

	if ((argc != 2 && argc != 4) || (argc == 4 && strcmp(argv[2], "burst"))) {
		snprintf(err, len, "set-event-rate takes events a second and maybe \"burst N\"");
		return -1;
	}
	rate = number_parse(argv[1], LYNCEDGE_EVENT_RATE_MAX);
	if (rate < 0) {
		snprintf(err, len, "\"%s\" is not a rate: 0 (no events) to %d a second", argv[1],
			 LYNCEDGE_EVENT_RATE_MAX);
		return -1;
	}
	if (argc == 4) {
		burst = number_parse(argv[3], LYNCEDGE_EVENT_BURST_MAX);
		if (burst < 1) {
			snprintf(err, len, "\"%s\" is not a burst: 1 to %d events", argv[3],
				 LYNCEDGE_EVENT_BURST_MAX);
			return -1;
		}
	}
	c->event_rate = rate;
	c->event_burst = burst;
	c->events_set = true;
	return 0;
}

bool conf_is_statement(const char *word)
{
	return !strcmp(word, "set-role") || !strcmp(word, "enable") || !strcmp(word, "disable") ||
	       !strcmp(word, "set-media-range") || !strcmp(word, "set-mode") ||
	       !strcmp(word, "add-peer") || !strcmp(word, "del-peer") ||
	       !strcmp(word, "set-service") || !strcmp(word, "add-rule") ||
	       !strcmp(word, "del-rule") || !strcmp(word, "set-event-rate") ||
	       !strcmp(word, "set-deployment") || !strcmp(word, "set-internal-networks") ||
	       !strcmp(word, "set-edition");
}

int conf_statement(struct conf *c, int argc, char **argv, char *err, size_t errlen)
{
	if (!strcmp(argv[0], "set-role"))
		return set_role(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "enable"))
		return features(c, argc, argv, true, err, errlen);
	if (!strcmp(argv[0], "disable"))
		return features(c, argc, argv, false, err, errlen);
	if (!strcmp(argv[0], "set-media-range"))
		return media_range(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "set-mode"))
		return mode(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "set-service"))
		return service(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "add-rule"))
		return add_rule(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "del-rule"))
		return del_rule(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "set-event-rate"))
		return event_rate(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "set-deployment"))
		return deployment(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "set-edition"))
		return edition(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "set-internal-networks"))
		return internal_networks(c, argc, argv, err, errlen);
	if (!strcmp(argv[0], "add-peer"))
		return peer(c, argc, argv, true, err, errlen);
	if (!strcmp(argv[0], "del-peer"))
		return peer(c, argc, argv, false, err, errlen);
	snprintf(err, errlen, "\"%s\" is not a configuration statement", argv[0]);
	return -1;
}

