/* SPDX-License-Identifier: GPL-2.0 */
/* The words /proc and the kernel log use for the uapi's enums. */
#ifndef _LYNCEDGE_NAMES_H
#define _LYNCEDGE_NAMES_H

#include <linux/types.h>

const char *lyncedge_role_name(unsigned int role);
const char *lyncedge_dir_name(unsigned int dir);
const char *lyncedge_proto_name(u8 proto);
const char *lyncedge_feature_name(unsigned int feature);

#endif /* _LYNCEDGE_NAMES_H */
