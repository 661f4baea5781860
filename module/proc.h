/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/net/lyncedge/ in every namespace. */
#ifndef _LYNCEDGE_PROC_H
#define _LYNCEDGE_PROC_H

int lyncedge_proc_init(void);
void lyncedge_proc_exit(void);

#endif /* _LYNCEDGE_PROC_H */
