// SPDX-License-Identifier: GPL-2.0
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>

#include <uapi/linux/lyncedge.h>

#include "names.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const char *const role_names[] = {
	[LYNCEDGE_ROLE_NONE]		= "none",
	[LYNCEDGE_ROLE_EXTERNAL]	= "external",
	[LYNCEDGE_ROLE_INTERNAL]	= "internal",
};

static const char *const dir_names[] = {
	[LYNCEDGE_DIR_IN]		= "in",
	[LYNCEDGE_DIR_OUT]		= "out",
};

static const char *const feature_names[] = {
	[LYNCEDGE_FEATURE_CORE]		= "core",
	[LYNCEDGE_FEATURE_XMPP]		= "xmpp",
	[LYNCEDGE_FEATURE_OCS2007]	= "ocs2007",
};

static const char *const service_names[] = {
	[LYNCEDGE_SERVICE_NONE]		= "none",
	[LYNCEDGE_SERVICE_ACCESS]	= "access",
	[LYNCEDGE_SERVICE_WEBCONF]	= "webconf",
	[LYNCEDGE_SERVICE_AV]		= "av",
};

static const char *const group_names[] = {
	[LYNCEDGE_GROUP_FRONTEND]	= "frontend",
	[LYNCEDGE_GROUP_DIRECTOR]	= "director",
	[LYNCEDGE_GROUP_BRANCH]		= "branch",
};

static const char *const action_names[] = {
	[LYNCEDGE_ACTION_DROP]		= "drop",
	[LYNCEDGE_ACTION_AUDIT]		= "audit",
};

static const char *const reason_names[] = {
	[LYNCEDGE_REASON_NO_RULE]	= "no-rule",
	[LYNCEDGE_REASON_PROTOCOL]	= "protocol",
	[LYNCEDGE_REASON_MALFORMED]	= "malformed",
	[LYNCEDGE_REASON_INVALID]	= "invalid",
	[LYNCEDGE_REASON_OUTSIDE]	= "outside",
};

static const char *const deployment_names[] = {
	[LYNCEDGE_DEPLOYMENT_HOST]	= "host",
	[LYNCEDGE_DEPLOYMENT_GATEWAY]	= "gateway",
};

static const char *const edition_names[] = {
	[LYNCEDGE_EDITION_LYNC2013]	= "lync2013",
	[LYNCEDGE_EDITION_SFB2015]	= "sfb2015",
	[LYNCEDGE_EDITION_SFB2019]	= "sfb2019",
	[LYNCEDGE_EDITION_SFBSE]	= "sfbse",
};

/* What show says of each, with the page its rules follow. */
static const char *const edition_titles[] = {
	[LYNCEDGE_EDITION_LYNC2013]	= "Lync Server 2013 (the seed's port summary)",
	[LYNCEDGE_EDITION_SFB2015]	= "Skype for Business Server 2015",
	[LYNCEDGE_EDITION_SFB2019]	= "Skype for Business Server 2019 (no XMPP)",
	[LYNCEDGE_EDITION_SFBSE]	=
		"Skype for Business Server Subscription Edition (2019's table: no change documented)",
};

static const char *const mode_names[] = {
	[LYNCEDGE_MODE_ENFORCE]		= "enforce",
	[LYNCEDGE_MODE_AUDIT]		= "audit",
};

/* A value added to the header must get its word here too. */
_Static_assert(ARRAY_SIZE(mode_names) == __LYNCEDGE_MODE_LAST, "mode names");
_Static_assert(ARRAY_SIZE(deployment_names) == __LYNCEDGE_DEPLOYMENT_LAST, "deployment names");
_Static_assert(ARRAY_SIZE(edition_names) == __LYNCEDGE_EDITION_LAST, "edition names");
_Static_assert(ARRAY_SIZE(edition_titles) == __LYNCEDGE_EDITION_LAST, "edition titles");
_Static_assert(ARRAY_SIZE(action_names) == __LYNCEDGE_ACTION_LAST, "action names");
_Static_assert(ARRAY_SIZE(reason_names) == __LYNCEDGE_REASON_LAST, "reason names");
_Static_assert(ARRAY_SIZE(group_names) == __LYNCEDGE_GROUP_LAST, "group names");
_Static_assert(ARRAY_SIZE(service_names) == __LYNCEDGE_SERVICE_LAST, "service names");
_Static_assert(ARRAY_SIZE(role_names) == __LYNCEDGE_ROLE_LAST, "role names");
_Static_assert(ARRAY_SIZE(dir_names) == __LYNCEDGE_DIR_LAST, "dir names");
_Static_assert(ARRAY_SIZE(feature_names) == __LYNCEDGE_FEATURE_LAST,
	       "feature names");

static const char *name(const char *const *names, size_t n, unsigned int value)
{
	return value < n ? names[value] : "?";
}

static int parse(const char *const *names, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(word, names[i]))
			return (int)i;
	return -1;
}

const char *role_name(unsigned int role)
{
	return name(role_names, ARRAY_SIZE(role_names), role);
}

int role_parse(const char *word)
{
	return parse(role_names, ARRAY_SIZE(role_names), word);
}

const char *dir_name(unsigned int dir)
{
	return name(dir_names, ARRAY_SIZE(dir_names), dir);
}

const char *feature_name(unsigned int feature)
{
	return name(feature_names, ARRAY_SIZE(feature_names), feature);
}

int feature_parse(const char *word)
{
	return parse(feature_names, ARRAY_SIZE(feature_names), word);
}

const char *service_name(unsigned int service)
{
	return name(service_names, ARRAY_SIZE(service_names), service);
}

int service_parse(const char *word)
{
	return parse(service_names, ARRAY_SIZE(service_names), word);
}

const char *group_name(unsigned int group)
{
	return name(group_names, ARRAY_SIZE(group_names), group);
}

int group_parse(const char *word)
{
	return parse(group_names, ARRAY_SIZE(group_names), word);
}

const char *mode_name(unsigned int mode)
{
	return name(mode_names, ARRAY_SIZE(mode_names), mode);
}

int mode_parse(const char *word)
{
	return parse(mode_names, ARRAY_SIZE(mode_names), word);
}

const char *deployment_name(unsigned int deployment)
{
	return name(deployment_names, ARRAY_SIZE(deployment_names), deployment);
}

int deployment_parse(const char *word)
{
	return parse(deployment_names, ARRAY_SIZE(deployment_names), word);
}

const char *edition_name(unsigned int edition)
{
	return name(edition_names, ARRAY_SIZE(edition_names), edition);
}

const char *edition_title(unsigned int edition)
{
	return name(edition_titles, ARRAY_SIZE(edition_titles), edition);
}

int edition_parse(const char *word)
{
	return parse(edition_names, ARRAY_SIZE(edition_names), word);
}

const char *action_name(unsigned int action)
{
	return name(action_names, ARRAY_SIZE(action_names), action);
}

const char *reason_name(unsigned int reason)
{
	return name(reason_names, ARRAY_SIZE(reason_names), reason);
}

const char *proto_name(unsigned int proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return "tcp";
	case IPPROTO_UDP:
		return "udp";
	case IPPROTO_ICMP:
		return "icmp";
	case IPPROTO_ICMPV6:
		return "icmpv6";
	default:
		return "?";
	}
}
