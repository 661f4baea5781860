/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for <net/net_namespace.h>: see ../lyncedge_shim.h. */
#include "../lyncedge_shim.h"
