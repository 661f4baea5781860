/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of the kernel's headers, for x86-64, to compile the module's
 * classifier (module/compile.c, module/policy.c) unmodified in userspace.
 * Every file under linux/ and net/ here only includes this one.
 *
 * The lookup's helpers follow the kernel's x86 code, so that callgrind
 * counts the instructions the module runs: test_bit() is x86's bt, and
 * hweight_long() the popcnt instruction, which the kernel patches in (with
 * alternatives) on CPUs that have it: build with -mpopcnt. The other types
 * are placeholders with the kernel's 64-bit sizes where the structures the
 * bench measures hold them (rcu_head, refcount_t, u64_stats_*), and opaque
 * or dummy elsewhere: nothing here runs outside compiling and looking up.
 */
#ifndef _LYNCEDGE_SHIM_H
#define _LYNCEDGE_SHIM_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef u16 __be16;
typedef u32 __be32;

#define __percpu
#define __rcu

#define BITS_PER_LONG		(8 * __SIZEOF_LONG__)
#define BIT(nr)			(1UL << (nr))
#define BIT_ULL(nr)		(1ULL << (nr))
#define GENMASK(h, l)		(((~0UL) - (1UL << (l)) + 1) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
/* The kernel's, which unlike C11's takes the expression alone. */
#define static_assert(expr, ...) __static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)

#define BITS_TO_LONGS(nr)	(((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

/* x86's variable_test_bit(): one bt on the bitmap in memory. */
static inline bool test_bit(unsigned long nr, const volatile unsigned long *addr)
{
	bool oldbit;

	asm volatile("btq %2,%1" : "=@ccc" (oldbit)
		     : "m" (*(unsigned long *)addr), "Ir" (nr) : "memory");
	return oldbit;
}

static inline void __set_bit(unsigned long nr, unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] |= BIT(nr % BITS_PER_LONG);
}

static inline void bitmap_set(unsigned long *map, unsigned int start, unsigned int nbits)
{
	while (nbits--)
		__set_bit(start++, map);
}

/* The first set bit at or after offset, size when there is none. */
static inline unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
					  unsigned long offset)
{
	for (; offset < size; offset++)
		if (addr[offset / BITS_PER_LONG] & BIT(offset % BITS_PER_LONG))
			return offset;
	return size;
}

static inline unsigned long hweight_long(unsigned long w)
{
	return __builtin_popcountl(w);
}

#define GFP_KERNEL	0
#define kmalloc(size, gfp)	malloc(size)
#define kzalloc(size, gfp)	calloc(1, size)
#define kvzalloc(size, gfp)	calloc(1, size)
#define kfree(p)		free(p)
#define kvfree(p)		free(p)

#define pr_err(...)	fprintf(stderr, __VA_ARGS__)

#define IPPROTO_TCP	6
#define IPPROTO_UDP	17

struct in6_addr {
	union {
		u8 u6_addr8[16];
		__be16 u6_addr16[8];
		__be32 u6_addr32[4];
	} in6_u;
};

/* Sized as on x86-64 without lock debugging. */
struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};

typedef struct {
	int refs;
} refcount_t;

typedef struct {
	u64 v;
} u64_stats_t;

/* Empty on 64-bit kernels, as here. */
struct u64_stats_sync {
};

typedef struct {
	long counter;
} atomic64_t;

typedef struct {
	unsigned int lock;
} spinlock_t;

struct mutex {
	long owner;
	spinlock_t wait_lock;
	void *wait_list[2];
};

struct list_head {
	struct list_head *next, *prev;
};

/* struct lyncedge_rollback holds one; the classifier never schedules it. */
struct work_struct {
	long data;
	struct list_head entry;
	void (*func)(struct work_struct *work);
};

struct timer_list {
	void *entry[2];
	unsigned long expires;
	void (*function)(struct timer_list *timer);
	u32 flags;
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	void *wq;
	int cpu;
};

struct net;

typedef struct {
	struct net *net;
} possible_net_t;

#define IFNAMSIZ	16

/* lyncedge.h's inline lyncedge_snap_role() reads this, the classifier does not. */
struct net_device {
	int ifindex;
};

#define OPTIMIZER_HIDE_VAR(var)	__asm__ ("" : "=r" (var) : "0" (var))

/* The kernel's values, which lyncedge.h's prefix constants name. */
#define NFPROTO_IPV4	2
#define NFPROTO_IPV6	10

/* lyncedge.h declares an array of it, which needs a complete type. */
struct nf_hook_ops {
	int priority;
};

#endif /* _LYNCEDGE_SHIM_H */
