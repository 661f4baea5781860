// SPDX-License-Identifier: GPL-2.0
/* The words /proc and the kernel log use for the uapi's enums. */
#include <linux/in.h>

#include "lyncedge.h"
#include "names.h"

const char *lyncedge_role_name(unsigned int role)
{
	static const char * const names[] = {
		[LYNCEDGE_ROLE_NONE] = "none",
		[LYNCEDGE_ROLE_EXTERNAL] = "external",
		[LYNCEDGE_ROLE_INTERNAL] = "internal",
	};

	return role < ARRAY_SIZE(names) ? names[role] : "?";
}

const char *lyncedge_dir_name(unsigned int dir)
{
	return dir == LYNCEDGE_DIR_IN ? "in" : "out";
}

const char *lyncedge_proto_name(u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return "tcp";
	case IPPROTO_UDP:
		return "udp";
	default:
		return "any";
	}
}

const char *lyncedge_feature_name(unsigned int feature)
{
	static const char * const names[] = {
		[LYNCEDGE_FEATURE_CORE] = "core",
		[LYNCEDGE_FEATURE_XMPP] = "xmpp",
		[LYNCEDGE_FEATURE_OCS2007] = "ocs2007",
	};

	static_assert(ARRAY_SIZE(names) == __LYNCEDGE_FEATURE_LAST);
	return feature < ARRAY_SIZE(names) ? names[feature] : "?";
}
