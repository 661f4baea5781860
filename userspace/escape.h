/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LYNCEDGECTL_ESCAPE_H
#define LYNCEDGECTL_ESCAPE_H

#include <stdio.h>

/*
 * Strings from the module (rule names, interface names) are bytes, not
 * necessarily UTF-8; both writers replace a byte that does not belong to a
 * valid UTF-8 sequence with U+FFFD, so that the output always parses.
 */

/* s as a JSON string, quotes included (RFC 8259). */
void json_string(FILE *f, const char *s);

/* s as a Prometheus label value, quotes included: \\, \" and \n escaped. */
void prom_label(FILE *f, const char *s);

#endif /* LYNCEDGECTL_ESCAPE_H */
