/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGE_FAKE_KERNEL_H
#define LYNCEDGE_FAKE_KERNEL_H

#include <stddef.h>
#include <stdint.h>

/*
 * The fuzz targets run the real lyncedgectl against a fake kernel: this
 * file's mnl_socket_* functions take the place of libmnl's (the program's
 * own symbols come first), so no socket is opened and no real module can be
 * touched, whatever the input.
 *
 * The kernel's answers are the fuzz input, cut into chunks: a 16-bit
 * little-endian length, then that many bytes, each chunk what one read
 * returns. Each message of a chunk gets the sequence number and port id of
 * the request it answers. When the chunks run out, a read fails with
 * ECONNRESET. The family lookup is answered with a fixed, valid reply
 * unless the input's first byte is odd: then the first chunk answers it.
 */
void fake_kernel_reset(const uint8_t *data, size_t size);

/* The tool's main(), compiled under another name for the fuzz targets. */
int lyncedgectl_main(int argc, char **argv);

#endif /* LYNCEDGE_FAKE_KERNEL_H */
