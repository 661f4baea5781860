// SPDX-License-Identifier: GPL-2.0
/*
 * Host microbenchmark of the module's classifier, lyncedge_policy_lookup(),
 * built from module/compile.c and module/policy.c unmodified on the kernel
 * header shim under shim/ (see scripts/bench/classifier.sh).
 *
 * usage: classifier builtin|ranges1000 N [empty]
 *        classifier sizes
 *
 * builtin is the built-in policy with the default features; ranges1000 adds
 * 1,000 custom rules of two ports each, all on one portset (external, in,
 * udp), near LYNCEDGE_CUSTOM_MAX. The configuration is compiled and checked,
 * then bench_loop() makes N lookups (with "empty", N calls of a function
 * that does nothing). callgrind counts the loop alone (--toggle-collect), so
 * the difference between the two runs is the lookup's own cost. The times
 * printed are for the record only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compile.h"
#include "editions.h"
#include "policy.h"

#define NCUSTOM		1000
/* Between the built-in ports (at most 8057 below the media range) and 23456. */
#define CUSTOM_BASE	10000
/* A power of two, so that the loops wrap around with a mask. */
#define NTUPLES		4096

struct tuple {
	u8 role;
	u8 dir;
	u8 proto;
	u16 port;
};

/*
 * The same tuples for both configurations: half on built-in rules, a
 * quarter in the custom ranges (drops without them), a quarter dropped.
 */
static struct tuple tuples[NTUPLES];
/* Where the loops' sums go, so that no lookup can be left out. */
static volatile u32 sink;

/* Both configurations have the default settings; ranges1000 the custom rules too. */
static struct lyncedge_settings settings;
static struct lyncedge_custom custom[NCUSTOM];

/* Custom rules as a configuration holds them, less the counters: compiling reads none. */
static void configs_init(void)
{
	unsigned int i;

	lyncedge_settings_default(&settings);
	for (i = 0; i < NCUSTOM; i++) {
		custom[i].id = LYNCEDGE_CUSTOM_ID_MIN + i;
		custom[i].role = LYNCEDGE_ROLE_EXTERNAL;
		custom[i].dir = LYNCEDGE_DIR_IN;
		custom[i].proto = IPPROTO_UDP;
		custom[i].min = CUSTOM_BASE + 4 * i;
		custom[i].max = custom[i].min + 1;
	}
}

/*
 * What the lookup must answer, by a plain scan: the first enabled built-in
 * rule in id order with the port (the head of those sharing its range),
 * else the custom rule with it, else none.
 */
static u32 expected(unsigned int ncustom, const struct tuple *t)
{
	unsigned int i;
	u16 min, max;

	for (i = 0; i < lyncedge_nrules; i++) {
		const struct lyncedge_rule *r = &lyncedge_rules[i];

		if (!lyncedge_rule_enabled(r, &settings) || r->role != t->role ||
		    r->dir != t->dir || r->proto != t->proto)
			continue;
		lyncedge_rule_ports(r, &settings, &min, &max);
		if (t->port >= min && t->port <= max)
			return r->id;
	}
	for (i = 0; i < ncustom; i++) {
		const struct lyncedge_custom *c = &custom[i];

		if (c->role == t->role && c->dir == t->dir && c->proto == t->proto &&
		    t->port >= c->min && t->port <= c->max)
			return LYNCEDGE_NRULES_MAX + 1 + i;
	}
	return 0;
}

/* xorshift32: the same tuples on every run and every machine. */
static u32 rnd(void)
{
	static u32 x = 2463534242U;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return x;
}

static void tuples_init(void)
{
	const struct lyncedge_rule *r;
	struct tuple *t;
	unsigned int i, k;
	u16 min, max;

	for (i = 0; i < NTUPLES; i++) {
		t = &tuples[i];
		switch (i % 4) {
		case 0:
		case 1:
			do
				r = &lyncedge_rules[rnd() % lyncedge_nrules];
			while (!lyncedge_rule_enabled(r, &settings));
			lyncedge_rule_ports(r, &settings, &min, &max);
			*t = (struct tuple){ r->role, r->dir, r->proto,
					     min + rnd() % (max - min + 1) };
			break;
		case 2:
			k = rnd() % NCUSTOM;
			*t = (struct tuple){ LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_UDP,
					     CUSTOM_BASE + 4 * k + rnd() % 2 };
			break;
		default:
			do {
				t->role = 1 + rnd() % LYNCEDGE_NROLES;
				t->dir = rnd() % LYNCEDGE_NDIRS;
				t->proto = rnd() % 2 ? IPPROTO_TCP : IPPROTO_UDP;
				t->port = rnd();
			} while (expected(NCUSTOM, t));
		}
	}
}

/* Known answers, so that the scan above cannot be wrong the same way. */
static const struct {
	struct tuple t;
	u32 builtin, ranges;
} known[] = {
	{ { LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP, 443 }, 5, 5 },
	{ { LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_OUT, IPPROTO_TCP, 55555 }, 8, 8 },
	/* OCS 2007 and XMPP are not default features */
	{ { LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_UDP, 50000 }, 0, 0 },
	{ { LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP, 5269 }, 0, 0 },
	{ { LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_UDP, 3478 }, 13, 13 },
	{ { LYNCEDGE_ROLE_INTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP, 50002 }, 25, 25 },
	{ { LYNCEDGE_ROLE_INTERNAL, LYNCEDGE_DIR_IN, IPPROTO_UDP, 443 }, 0, 0 },
	/* the first, the last and a gap of the custom ranges */
	{ { LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_UDP, 10000 }, 0, 33 },
	{ { LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_UDP, 13997 }, 0, 1032 },
	{ { LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_UDP, 10002 }, 0, 0 },
	{ { LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_OUT, IPPROTO_UDP, 10000 }, 0, 0 },
};

static u32 lookup(const struct lyncedge_policy *policy, const struct tuple *t)
{
	return lyncedge_policy_lookup(policy, t->role, t->dir, t->proto, t->port);
}

/* Every known answer and every tuple, else the bench must not run. */
static int check(const struct lyncedge_policy *policy, bool with_ranges)
{
	unsigned int ncustom = with_ranges ? NCUSTOM : 0;
	u32 want, got, scan;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(known); i++) {
		want = with_ranges ? known[i].ranges : known[i].builtin;
		got = lookup(policy, &known[i].t);
		scan = expected(ncustom, &known[i].t);
		if (got != want || scan != want)
			goto bad;
	}
	for (i = 0; i < NTUPLES; i++) {
		want = expected(ncustom, &tuples[i]);
		got = lookup(policy, &tuples[i]);
		if (got != want)
			goto bad_tuple;
	}
	return 0;
bad:
	fprintf(stderr, "classifier: known answer %u: lookup %u, scan %u, not %u\n",
		i, got, scan, want);
	return -1;
bad_tuple:
	fprintf(stderr, "classifier: tuple %u (role %u dir %u proto %u port %u) is %u, not %u\n",
		i, tuples[i].role, tuples[i].dir, tuples[i].proto, tuples[i].port, got, want);
	return -1;
}

typedef u32 (*lookup_fn)(const struct lyncedge_policy *policy, unsigned int role,
			 unsigned int dir, u8 proto, u16 port);

/*
 * The classifier as the hooks have it: lyncedge_policy_lookup() is inline,
 * so a function of the bench's own calls it. noipa keeps GCC from inlining,
 * cloning or specialising the functions of the loop.
 */
static __attribute__((noipa)) u32 lookup_one(const struct lyncedge_policy *policy,
					     unsigned int role, unsigned int dir, u8 proto,
					     u16 port)
{
	return lyncedge_policy_lookup(policy, role, dir, proto, port);
}

/* The baseline: a call with the lookup's arguments that does nothing. */
static __attribute__((noipa)) u32 empty_lookup(const struct lyncedge_policy *policy,
					       unsigned int role, unsigned int dir,
					       u8 proto, u16 port)
{
	(void)policy, (void)role, (void)dir, (void)proto, (void)port;
	return 0;
}

/*
 * One loop for both, run once per process: what callgrind collects in it
 * is n iterations of loading a tuple, the call with its arguments and the
 * sum, plus what the callee runs; the difference between the two callees
 * is the lookup's own cost.
 */
static __attribute__((noipa)) u32 bench_loop(lookup_fn fn, const struct lyncedge_policy *policy,
					     unsigned long n)
{
	const struct tuple *t;
	unsigned long i;
	u32 sum = 0;

	for (i = 0; i < n; i++) {
		t = &tuples[i % NTUPLES];
		sum += fn(policy, t->role, t->dir, t->proto, t->port);
	}
	return sum;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* What the module allocates, on a 64-bit kernel without lock debugging. */
static void print_sizes(void)
{
	printf("sizes: lyncedge_config %zu bytes: one per configuration (its policy inline), kvzalloc'd anew on every change of settings or custom rules\n",
	       sizeof(struct lyncedge_config));
	printf("sizes: lyncedge_portset %zu bytes: one per (role, direction, protocol), %u in a policy\n",
	       sizeof(struct lyncedge_portset),
	       LYNCEDGE_NROLES * LYNCEDGE_NDIRS * LYNCEDGE_NPROTOS);
	printf("sizes: lyncedge_custom %zu bytes: per custom rule, in one kvmalloc'd array per configuration\n",
	       sizeof(struct lyncedge_custom));
	printf("sizes: lyncedge_snap %zu bytes, and %zu per role: one per change, kzalloc'd\n",
	       sizeof(struct lyncedge_snap),
	       sizeof(struct lyncedge_binding) + sizeof(struct lyncedge_role_name));
	printf("sizes: lyncedge_pcounter %zu bytes: per custom rule and possible CPU, alloc_percpu'd\n",
	       sizeof(struct lyncedge_pcounter));
}

int main(int argc, char **argv)
{
	struct lyncedge_policy *policy;
	bool with_ranges;
	int err;
	unsigned long n;
	double t0, t1;
	char *end;

	if (argc == 2 && !strcmp(argv[1], "sizes")) {
		print_sizes();
		return 0;
	}
	if ((argc != 3 && (argc != 4 || strcmp(argv[3], "empty"))) ||
	    (strcmp(argv[1], "builtin") && strcmp(argv[1], "ranges1000")))
		goto usage;
	n = strtoul(argv[2], &end, 10);
	if (!*argv[2] || *end || !n)
		goto usage;
	with_ranges = !strcmp(argv[1], "ranges1000");

	if (lyncedge_policy_check())
		return 1;
	configs_init();
	tuples_init();
	policy = calloc(1, sizeof(*policy));
	if (!policy)
		return 1;
	err = lyncedge_policy_compile(policy, &settings, custom, with_ranges ? NCUSTOM : 0);
	if (err) {
		fprintf(stderr, "classifier: %s does not compile: %d\n", argv[1], err);
		return 1;
	}
	if (check(policy, with_ranges))
		return 1;

	t0 = seconds();
	sink = bench_loop(argc == 4 ? empty_lookup : lookup_one, policy, n);
	t1 = seconds();
	printf("%s: %lu lookups, %.0f lookups/s\n", argv[1], n, n / (t1 - t0));
	free(policy);
	return 0;
usage:
	fprintf(stderr, "usage: classifier builtin|ranges1000 N [empty]\n       classifier sizes\n");
	return 2;
}
