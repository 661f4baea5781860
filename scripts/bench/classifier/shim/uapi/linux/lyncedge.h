/* SPDX-License-Identifier: GPL-2.0 */
/* The module includes the real header as <uapi/linux/lyncedge.h>. */
#include "../../../../../../include/uapi/linux/lyncedge.h"
