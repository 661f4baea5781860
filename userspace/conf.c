// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration statements. A configuration file is a list of the same
 * lines one would type after "lyncedgectl", so one parser serves the file
 * (setconf) and the command line, and showconf prints what it reads.
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
	c->peers_set = true;
	c->services_set = true;
	c->rules_set = true;
	c->deployment_set = true;
	c->events_set = true;
	c->event_rate = LYNCEDGE_EVENT_RATE_DEFAULT;
	c->event_burst = LYNCEDGE_EVENT_BURST_DEFAULT;
}

void conf_unset(struct conf *c)
{
	c->rules_set = false;
	c->services_set = false;
	c->features_set = 0;
	c->media_set = false;
	c->mode_set[0] = false;
	c->mode_set[1] = false;
	c->peers_set = false;
	c->deployment_set = false;
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

/* set-service SERVICE [ADDR...]: that service's addresses, now these. */
static int service(struct conf *c, int argc, char **argv, char *err, size_t len)
{
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
		struct conf_addr *a = &c->addrs[s - 1][i];

		if (inet_pton(AF_INET, argv[i + 2], a->addr) == 1) {
			a->family = AF_INET;
		} else if (inet_pton(AF_INET6, argv[i + 2], a->addr) == 1) {
			a->family = AF_INET6;
		} else {
			snprintf(err, len, "\"%s\" is not an IPv4 or IPv6 address", argv[i + 2]);
			return -1;
		}
		for (j = 0; j < i; j++) {
			if (c->addrs[s - 1][j].family == a->family &&
			    !memcmp(c->addrs[s - 1][j].addr, a->addr, a->family == AF_INET ? 4 : 16)) {
				snprintf(err, len, "%s is given twice", argv[i + 2]);
				return -1;
			}
		}
	}
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
	return !strcmp(word, "enable") || !strcmp(word, "disable") ||
	       !strcmp(word, "set-media-range") || !strcmp(word, "set-mode") ||
	       !strcmp(word, "add-peer") || !strcmp(word, "del-peer") ||
	       !strcmp(word, "set-service") || !strcmp(word, "add-rule") ||
	       !strcmp(word, "del-rule") || !strcmp(word, "set-event-rate") ||
	       !strcmp(word, "set-deployment");
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
	if (!strcmp(argv[0], "add-peer"))
		return peer(c, argc, argv, true, err, errlen);
	if (!strcmp(argv[0], "del-peer"))
		return peer(c, argc, argv, false, err, errlen);
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
	if (c->deployment_set)
		mnl_attr_put_u8(nlh, LYNCEDGE_A_DEPLOYMENT, c->deployment);
	if (c->peers_set) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);
		unsigned int i;

		for (i = 0; i < c->npeers; i++) {
			const struct conf_peer *p = &c->peers[i];
			struct nlattr *entry = mnl_attr_nest_start(nlh, i + 1);

			mnl_attr_put_u8(nlh, LYNCEDGE_PEER_A_GROUP, p->group);
			mnl_attr_put(nlh, LYNCEDGE_PEER_A_ADDR, p->family == AF_INET ? 4 : 16,
				     p->addr);
			mnl_attr_put_u8(nlh, LYNCEDGE_PEER_A_PREFIXLEN, p->len);
			mnl_attr_nest_end(nlh, entry);
		}
		mnl_attr_nest_end(nlh, nest);
	}
	if (c->services_set) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES);
		unsigned int s, i, n = 0;

		for (s = 0; s < LYNCEDGE_SERVICE_MAX; s++) {
			for (i = 0; i < c->naddrs[s]; i++) {
				const struct conf_addr *a = &c->addrs[s][i];
				struct nlattr *entry = mnl_attr_nest_start(nlh, ++n);

				mnl_attr_put_u8(nlh, LYNCEDGE_SERVICE_A_SERVICE, s + 1);
				mnl_attr_put(nlh, LYNCEDGE_SERVICE_A_ADDR,
					     a->family == AF_INET ? 4 : 16, a->addr);
				mnl_attr_nest_end(nlh, entry);
			}
		}
		mnl_attr_nest_end(nlh, nest);
	}
	if (c->rules_set) {
		struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_CUSTOM_RULES);
		unsigned int i;

		for (i = 0; i < c->nrules; i++) {
			const struct conf_rule *r = &c->rules[i];
			struct nlattr *entry = mnl_attr_nest_start(nlh, i + 1);

			mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_ROLE, r->role);
			mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_DIR, r->dir);
			mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_PROTO, r->proto);
			mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MIN, r->min);
			mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MAX, r->max);
			mnl_attr_put_strz(nlh, LYNCEDGE_CUSTOM_A_NAME, r->name);
			mnl_attr_nest_end(nlh, entry);
		}
		mnl_attr_nest_end(nlh, nest);
	}
	if (c->events_set) {
		mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_RATE, c->event_rate);
		mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_BURST, c->event_burst);
	}
	if (c->have_generation)
		mnl_attr_put_u32(nlh, LYNCEDGE_A_GENERATION, c->generation);
}

static int get_peers(struct conf *c, const struct nlattr *nest)
{
	const struct nlattr *tb[LYNCEDGE_PEER_A_MAX + 1];
	const struct nlattr *entry;

	mnl_attr_for_each_nested(entry, nest) {
		struct conf_peer *p = &c->peers[c->npeers];
		uint16_t len;

		if (genl_parse_peer(entry, tb) < 0 || !tb[LYNCEDGE_PEER_A_GROUP] ||
		    !tb[LYNCEDGE_PEER_A_ADDR] || !tb[LYNCEDGE_PEER_A_PREFIXLEN] ||
		    c->npeers == sizeof(c->peers) / sizeof(c->peers[0]))
			return -1;
		len = mnl_attr_get_payload_len(tb[LYNCEDGE_PEER_A_ADDR]);
		if (len != 4 && len != 16)
			return -1;
		p->group = mnl_attr_get_u8(tb[LYNCEDGE_PEER_A_GROUP]);
		p->family = len == 4 ? AF_INET : AF_INET6;
		memcpy(p->addr, mnl_attr_get_payload(tb[LYNCEDGE_PEER_A_ADDR]), len);
		p->len = mnl_attr_get_u8(tb[LYNCEDGE_PEER_A_PREFIXLEN]);
		c->npeers++;
	}
	return 0;
}

static int get_services(struct conf *c, const struct nlattr *nest)
{
	const struct nlattr *tb[LYNCEDGE_SERVICE_A_MAX + 1];
	const struct nlattr *entry;

	memset(c->naddrs, 0, sizeof(c->naddrs));
	mnl_attr_for_each_nested(entry, nest) {
		struct conf_addr *a;
		unsigned int s;
		uint16_t len;

		if (genl_parse_service(entry, tb) < 0 || !tb[LYNCEDGE_SERVICE_A_SERVICE] ||
		    !tb[LYNCEDGE_SERVICE_A_ADDR])
			return -1;
		s = mnl_attr_get_u8(tb[LYNCEDGE_SERVICE_A_SERVICE]);
		len = mnl_attr_get_payload_len(tb[LYNCEDGE_SERVICE_A_ADDR]);
		if (s < 1 || s > LYNCEDGE_SERVICE_MAX || (len != 4 && len != 16) ||
		    c->naddrs[s - 1] == LYNCEDGE_SERVICE_ADDRS_MAX)
			return -1;
		a = &c->addrs[s - 1][c->naddrs[s - 1]++];
		a->family = len == 4 ? AF_INET : AF_INET6;
		memcpy(a->addr, mnl_attr_get_payload(tb[LYNCEDGE_SERVICE_A_ADDR]), len);
	}
	return 0;
}

static int get_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[LYNCEDGE_A_MAX + 1];
	struct nla_bitfield32 bf;
	struct conf *c = data;

	if (genl_parse(nlh, tb) < 0)
		return MNL_CB_ERROR;
	if (!tb[LYNCEDGE_A_FEATURES] || !tb[LYNCEDGE_A_MEDIA_MIN] || !tb[LYNCEDGE_A_MEDIA_MAX] ||
	    !tb[LYNCEDGE_A_MODE_EXTERNAL] || !tb[LYNCEDGE_A_MODE_INTERNAL] ||
	    !tb[LYNCEDGE_A_PEERS] || !tb[LYNCEDGE_A_GENERATION] || !tb[LYNCEDGE_A_SERVICES] ||
	    !tb[LYNCEDGE_A_EVENT_RATE] || !tb[LYNCEDGE_A_EVENT_BURST] ||
	    !tb[LYNCEDGE_A_DEPLOYMENT])
		return genl_bad_reply();
	c->npeers = 0;
	if (get_peers(c, tb[LYNCEDGE_A_PEERS]) < 0 ||
	    get_services(c, tb[LYNCEDGE_A_SERVICES]) < 0)
		return genl_bad_reply();
	c->have_generation = true;
	c->generation = mnl_attr_get_u32(tb[LYNCEDGE_A_GENERATION]);
	memcpy(&bf, mnl_attr_get_payload(tb[LYNCEDGE_A_FEATURES]), sizeof(bf));
	c->features = bf.value;
	c->features_set = bf.selector;
	c->media_min = mnl_attr_get_u16(tb[LYNCEDGE_A_MEDIA_MIN]);
	c->media_max = mnl_attr_get_u16(tb[LYNCEDGE_A_MEDIA_MAX]);
	c->mode[0] = mnl_attr_get_u8(tb[LYNCEDGE_A_MODE_EXTERNAL]);
	c->mode[1] = mnl_attr_get_u8(tb[LYNCEDGE_A_MODE_INTERNAL]);
	c->event_rate = mnl_attr_get_u32(tb[LYNCEDGE_A_EVENT_RATE]);
	c->event_burst = mnl_attr_get_u32(tb[LYNCEDGE_A_EVENT_BURST]);
	c->deployment = mnl_attr_get_u8(tb[LYNCEDGE_A_DEPLOYMENT]);
	return MNL_CB_OK;
}

/* The custom rules come with the rules dump, which holds any number of them. */
static int custom_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[LYNCEDGE_A_MAX + 1];
	struct conf *c = data;
	struct conf_rule *r;

	if (genl_parse(nlh, tb) < 0)
		return MNL_CB_ERROR;
	if (!tb[LYNCEDGE_A_RULE_CUSTOM])
		return MNL_CB_OK;
	if (!tb[LYNCEDGE_A_RULE_ID] || !tb[LYNCEDGE_A_RULE_ROLE] || !tb[LYNCEDGE_A_RULE_DIR] ||
	    !tb[LYNCEDGE_A_RULE_PROTO] || !tb[LYNCEDGE_A_RULE_PORT_MIN] ||
	    !tb[LYNCEDGE_A_RULE_PORT_MAX] || !tb[LYNCEDGE_A_RULE_NAME] ||
	    c->nrules == LYNCEDGE_CUSTOM_MAX)
		return genl_bad_reply();
	r = &c->rules[c->nrules++];
	r->id = mnl_attr_get_u32(tb[LYNCEDGE_A_RULE_ID]);
	r->role = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_ROLE]);
	r->dir = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_DIR]);
	r->proto = mnl_attr_get_u8(tb[LYNCEDGE_A_RULE_PROTO]);
	r->min = mnl_attr_get_u16(tb[LYNCEDGE_A_RULE_PORT_MIN]);
	r->max = mnl_attr_get_u16(tb[LYNCEDGE_A_RULE_PORT_MAX]);
	snprintf(r->name, sizeof(r->name), "%s", mnl_attr_get_str(tb[LYNCEDGE_A_RULE_NAME]));
	return MNL_CB_OK;
}

int conf_get_settings(struct genl_ctx *ctx, struct conf *c)
{
	conf_defaults(c);
	return genl_request(ctx, genl_msg(ctx, LYNCEDGE_CMD_GET_CONFIG, 0), get_cb, c);
}

/*
 * The configuration first, for its generation: a change before the dump
 * makes the write that follows fail with EAGAIN and be tried again.
 */
int conf_get(struct genl_ctx *ctx, struct conf *c)
{
	int err;

	err = conf_get_settings(ctx, c);
	if (err)
		return err;
	c->nrules = 0;
	return genl_request(ctx, genl_msg(ctx, LYNCEDGE_CMD_GET_RULES, NLM_F_DUMP), custom_cb, c);
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
		fprintf(f, " %s\n", r->name);
	}
	for (i = 0; i < c->npeers; i++) {
		fprintf(f, "add-peer %s ", group_name(c->peers[i].group));
		conf_peer_print(f, &c->peers[i]);
		fputc('\n', f);
	}
}
