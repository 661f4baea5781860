/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for <linux/bits.h>: see ../lyncedge_shim.h. */
#include "../lyncedge_shim.h"
