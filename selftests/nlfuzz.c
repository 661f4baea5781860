// SPDX-License-Identifier: GPL-2.0
/*
 * lyncedge_nlfuzz: throws random and mutated generic netlink messages at the
 * lyncedge family, the way syzkaller treats the kernel's own families: valid
 * headers with garbage attributes, truncated and oversized attributes,
 * nested garbage, every command and some that do not exist, wrong flags and
 * header fields, batches, and dumps abandoned halfway. Half of the messages
 * come from a child that has dropped to an unprivileged user.
 *
 *   lyncedge_nlfuzz SEED COUNT IFNAME...
 *
 * The same SEED gives the same messages. The interfaces named are used in
 * otherwise valid set-role requests, so hooks come and go while it runs.
 * Prints a summary; exits 0 when nearly every message went out (a full
 * socket may refuse a few) and, at the end, the family still answers a
 * rules dump in full.
 */
#include <errno.h>
#include <grp.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <uapi/linux/lyncedge.h>

#define FUZZ_BUF	8192
#define FUZZ_ROWS	(28 + 4)	/* rules and drop rows of a full dump */

static uint64_t fuzz_state;

/* xorshift64*: small, fast and, above all, reproducible from the seed. */
static uint32_t rnd(void)
{
	fuzz_state ^= fuzz_state >> 12;
	fuzz_state ^= fuzz_state << 25;
	fuzz_state ^= fuzz_state >> 27;
	return (uint32_t)((fuzz_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static uint32_t below(uint32_t n)
{
	return rnd() % n;
}

struct fuzz_msg {
	unsigned char buf[FUZZ_BUF];
	size_t len;
};

struct fuzz_stats {
	unsigned long sent, acked, rejected;
};

static char **fuzz_ifnames;
static int fuzz_nifnames;

static int nl_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd, on = 1;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)))
		return -1;
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &on, sizeof(on));
	return fd;
}

static struct nlmsghdr *msg_start(struct fuzz_msg *m, uint16_t type, uint16_t flags,
				  uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)(m->buf + m->len);
	struct genlmsghdr *genl = NLMSG_DATA(nlh);

	memset(nlh, 0, NLMSG_HDRLEN + GENL_HDRLEN);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = rnd();
	genl->cmd = cmd;
	genl->version = version;
	nlh->nlmsg_len = NLMSG_HDRLEN + GENL_HDRLEN;
	return nlh;
}

/* Appends an attribute whose header claims nla_len, with len bytes of data. */
static void put_raw(struct fuzz_msg *m, struct nlmsghdr *nlh, uint16_t type,
		    uint16_t nla_len, const void *data, size_t len)
{
	struct nlattr *nla = (struct nlattr *)((unsigned char *)nlh + NLMSG_ALIGN(nlh->nlmsg_len));
	size_t room = FUZZ_BUF - ((unsigned char *)nla - m->buf);

	if (NLA_HDRLEN + NLA_ALIGN(len) > room)
		return;
	nla->nla_type = type;
	nla->nla_len = nla_len;
	memcpy((unsigned char *)nla + NLA_HDRLEN, data, len);
	memset((unsigned char *)nla + NLA_HDRLEN + len, 0, NLA_ALIGN(len) - len);
	nlh->nlmsg_len = NLMSG_ALIGN(nlh->nlmsg_len) + NLA_HDRLEN + NLA_ALIGN(len);
}

static void put_attr(struct fuzz_msg *m, struct nlmsghdr *nlh, uint16_t type,
		     const void *data, size_t len)
{
	put_raw(m, nlh, type, NLA_HDRLEN + len, data, len);
}

static void random_bytes(unsigned char *p, size_t len)
{
	while (len--)
		*p++ = rnd();
}

/* A plausible attribute: a known type with a value that may be valid. */
static void put_plausible(struct fuzz_msg *m, struct nlmsghdr *nlh)
{
	struct nla_bitfield32 bf;
	uint32_t u32;
	uint8_t u8;
	char name[IFNAMSIZ + 8];

	switch (below(8)) {
	case 7: {	/* a peer list, plausible or not */
		struct fuzz_msg inner = { .len = 0 };
		struct nlmsghdr *in = msg_start(&inner, 0, 0, 0, 0);
		struct nlmsghdr *entry;
		int i, n = below(4);

		for (i = 0; i < n; i++) {
			struct fuzz_msg e = { .len = 0 };
			uint8_t addr[16];

			entry = msg_start(&e, 0, 0, 0, 0);
			u8 = below(4);
			put_attr(&e, entry, LYNCEDGE_PEER_A_GROUP, &u8, 1);
			random_bytes(addr, sizeof(addr));
			put_attr(&e, entry, LYNCEDGE_PEER_A_ADDR, addr, below(2) ? 4 : below(17));
			u8 = below(130);
			put_attr(&e, entry, LYNCEDGE_PEER_A_PREFIXLEN, &u8, 1);
			put_attr(&inner, in, (i + 1) | NLA_F_NESTED,
				 e.buf + NLMSG_HDRLEN + GENL_HDRLEN,
				 entry->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN);
		}
		put_attr(m, nlh, LYNCEDGE_A_PEERS | NLA_F_NESTED,
			 inner.buf + NLMSG_HDRLEN + GENL_HDRLEN,
			 in->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN);
		break;
	}
	case 0:
		u8 = below(5);
		put_attr(m, nlh, below(2) ? LYNCEDGE_A_ROLE :
			 LYNCEDGE_A_MODE_EXTERNAL + below(2), &u8, 1);
		break;
	case 5:
	case 6:
		u32 = rnd();
		put_attr(m, nlh, below(2) ? LYNCEDGE_A_MEDIA_MIN : LYNCEDGE_A_MEDIA_MAX, &u32,
			 below(2) ? 2 : below(5));
		break;
	case 1:
		snprintf(name, sizeof(name), "%s",
			 fuzz_nifnames ? fuzz_ifnames[below(fuzz_nifnames)] : "lo");
		put_attr(m, nlh, LYNCEDGE_A_IFNAME, name, strlen(name) + below(2));
		break;
	case 2:
		u32 = below(2) && fuzz_nifnames ?
		      if_nametoindex(fuzz_ifnames[below(fuzz_nifnames)]) : rnd();
		put_attr(m, nlh, LYNCEDGE_A_IFINDEX, &u32, 4);
		break;
	case 3:
		bf.selector = below(2) ? rnd() : below(8);
		bf.value = below(2) ? rnd() : bf.selector & rnd();
		put_attr(m, nlh, LYNCEDGE_A_FEATURES, &bf, sizeof(bf));
		break;
	default:
		random_bytes((unsigned char *)name, sizeof(name));
		put_attr(m, nlh, LYNCEDGE_A_IFNAME, name, below(sizeof(name)));
		break;
	}
}

static void put_garbage(struct fuzz_msg *m, struct nlmsghdr *nlh, int depth)
{
	unsigned char data[2048];
	size_t len = below(4) ? below(40) : below(sizeof(data));
	uint16_t type = below(LYNCEDGE_A_MAX + 4);

	random_bytes(data, len);
	switch (below(5)) {
	case 0:	/* nested: a stream of further attributes, or just noise */
		if (depth < 3 && below(2)) {
			struct fuzz_msg inner = { .len = 0 };
			struct nlmsghdr *in = msg_start(&inner, 0, 0, 0, 0);
			int i, n = below(4);

			for (i = 0; i < n; i++)
				put_garbage(&inner, in, depth + 1);
			len = in->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN;
			memcpy(data, inner.buf + NLMSG_HDRLEN + GENL_HDRLEN, len);
		}
		put_attr(m, nlh, type | NLA_F_NESTED, data, len);
		break;
	case 1:	/* a length that runs past the message, or under the header */
		put_raw(m, nlh, type, below(2) ? len + 4 + below(4096) : below(NLA_HDRLEN),
			data, len);
		break;
	case 2:	/* the byte-order flag, which no policy here accepts */
		put_attr(m, nlh, type | NLA_F_NET_BYTEORDER, data, len);
		break;
	default:
		put_attr(m, nlh, type, data, len);
		break;
	}
}

static uint16_t random_flags(void)
{
	static const uint16_t pool[] = {
		NLM_F_ACK, NLM_F_ECHO, NLM_F_DUMP, NLM_F_ROOT, NLM_F_MATCH, NLM_F_ATOMIC,
		NLM_F_EXCL, NLM_F_CREATE, NLM_F_APPEND, NLM_F_MULTI, NLM_F_DUMP_INTR,
	};
	uint16_t flags = below(16) ? NLM_F_REQUEST : 0;
	int i, n = below(4);

	for (i = 0; i < n; i++)
		flags |= pool[below(sizeof(pool) / sizeof(pool[0]))];
	if (!below(16))
		flags |= rnd();
	return flags;
}

/*
 * A well-formed change, so that roles and features really churn (and hooks
 * come and go under the traffic) between the malformed messages.
 */
static void build_valid(struct fuzz_msg *m, uint16_t family)
{
	struct nla_bitfield32 bf;
	struct nlmsghdr *nlh;
	const char *name;
	uint8_t role;

	m->len = 0;
	if (below(4)) {
		nlh = msg_start(m, family, NLM_F_REQUEST | NLM_F_ACK, LYNCEDGE_CMD_SET_ROLE,
				LYNCEDGE_GENL_VERSION);
		name = fuzz_nifnames ? fuzz_ifnames[below(fuzz_nifnames)] : "lo";
		role = below(LYNCEDGE_ROLE_MAX + 1);
		put_attr(m, nlh, LYNCEDGE_A_IFNAME, name, strlen(name) + 1);
		put_attr(m, nlh, LYNCEDGE_A_ROLE, &role, 1);
	} else {
		nlh = msg_start(m, family, NLM_F_REQUEST | NLM_F_ACK, LYNCEDGE_CMD_SET_CONFIG,
				LYNCEDGE_GENL_VERSION);
		bf.selector = (LYNCEDGE_FEATURE_F_XMPP | LYNCEDGE_FEATURE_F_OCS2007) & rnd();
		bf.value = bf.selector & rnd();
		put_attr(m, nlh, LYNCEDGE_A_FEATURES, &bf, sizeof(bf));
		if (below(2)) {
			uint16_t port[2] = { 1024 + below(64512), 0 };

			port[1] = port[0] + below(65536 - port[0]);
			put_attr(m, nlh, LYNCEDGE_A_MEDIA_MIN, &port[0], 2);
			put_attr(m, nlh, LYNCEDGE_A_MEDIA_MAX, &port[1], 2);
		}
		if (below(2)) {
			role = below(LYNCEDGE_MODE_MAX + 1);
			put_attr(m, nlh, below(2) ? LYNCEDGE_A_MODE_EXTERNAL : LYNCEDGE_A_MODE_INTERNAL,
				 &role, 1);
		}
	}
	m->len = nlh->nlmsg_len;
}

static void build(struct fuzz_msg *m, uint16_t family)
{
	int i, n, batch = below(8) ? 1 : 1 + below(4);
	struct nlmsghdr *nlh;

	m->len = 0;
	for (i = 0; i < batch; i++) {
		nlh = msg_start(m, below(64) ? family : below(NLMSG_MIN_TYPE),
				random_flags(), below(__LYNCEDGE_CMD_LAST + 3),
				below(8) ? LYNCEDGE_GENL_VERSION : rnd());
		if (!below(16))
			((struct genlmsghdr *)NLMSG_DATA(nlh))->reserved = rnd();
		n = below(6);
		while (n--) {
			if (below(3))
				put_plausible(m, nlh);
			else
				put_garbage(m, nlh, 0);
		}
		/* Now and then the header lies about the length. */
		if (!below(32))
			nlh->nlmsg_len = below(2) ? below(nlh->nlmsg_len) : nlh->nlmsg_len + below(64);
		m->len += NLMSG_ALIGN(nlh->nlmsg_len) <= FUZZ_BUF - m->len ?
			  NLMSG_ALIGN(nlh->nlmsg_len) : 0;
		if (m->len + NLMSG_HDRLEN + GENL_HDRLEN > FUZZ_BUF / 2)
			break;
	}
	if (!m->len)
		m->len = NLMSG_HDRLEN;
}

/* Reads what is waiting; a dump is sometimes left unread, abandoned. */
static void drain(int fd, struct fuzz_stats *st)
{
	unsigned char buf[32768];
	ssize_t n;
	int reads = below(4) ? 64 : 1;

	while (reads-- && (n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT)) > 0) {
		struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
		int len = n;

		for (; NLMSG_OK(nlh, len); nlh = NLMSG_NEXT(nlh, len)) {
			if (nlh->nlmsg_type != NLMSG_ERROR)
				continue;
			if (((struct nlmsgerr *)NLMSG_DATA(nlh))->error)
				st->rejected++;
			else
				st->acked++;
		}
	}
}

static int family_id(int fd)
{
	struct fuzz_msg m = { .len = 0 };
	unsigned char buf[FUZZ_BUF];
	struct nlmsghdr *nlh;
	struct nlattr *nla;
	int len;

	nlh = msg_start(&m, GENL_ID_CTRL, NLM_F_REQUEST, CTRL_CMD_GETFAMILY, 1);
	put_attr(&m, nlh, CTRL_ATTR_FAMILY_NAME, LYNCEDGE_GENL_NAME, sizeof(LYNCEDGE_GENL_NAME));
	if (send(fd, m.buf, nlh->nlmsg_len, 0) < 0)
		return -1;
	len = recv(fd, buf, sizeof(buf), 0);
	nlh = (struct nlmsghdr *)buf;
	if (len < 0 || !NLMSG_OK(nlh, len) || nlh->nlmsg_type != GENL_ID_CTRL)
		return -1;
	len = nlh->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN;
	nla = (struct nlattr *)((unsigned char *)NLMSG_DATA(nlh) + GENL_HDRLEN);
	for (; len >= NLA_HDRLEN && nla->nla_len >= NLA_HDRLEN && nla->nla_len <= len;
	     len -= NLA_ALIGN(nla->nla_len),
	     nla = (struct nlattr *)((unsigned char *)nla + NLA_ALIGN(nla->nla_len))) {
		if (nla->nla_type == CTRL_ATTR_FAMILY_ID)
			return *(uint16_t *)((unsigned char *)nla + NLA_HDRLEN);
	}
	return -1;
}

static void fuzz(uint16_t family, unsigned long count, struct fuzz_stats *st)
{
	struct fuzz_msg m;
	int fd = nl_open();
	unsigned long i;

	for (i = 0; i < count && fd >= 0; i++) {
		if (below(8))
			build(&m, family);
		else
			build_valid(&m, family);
		if (send(fd, m.buf, m.len, MSG_DONTWAIT) >= 0)
			st->sent++;
		drain(fd, st);
		/* Closing with replies unread abandons any dump in progress. */
		if (!below(64)) {
			close(fd);
			fd = nl_open();
		}
	}
	if (fd >= 0)
		close(fd);
}

/* After the storm: the family must still answer a rules dump in full. */
static int rules_rows(uint16_t family)
{
	struct fuzz_msg m = { .len = 0 };
	unsigned char buf[32768];
	struct nlmsghdr *nlh;
	int fd = nl_open(), rows = 0, len;

	if (fd < 0)
		return -1;
	nlh = msg_start(&m, family, NLM_F_REQUEST | NLM_F_DUMP, LYNCEDGE_CMD_GET_RULES,
			LYNCEDGE_GENL_VERSION);
	if (send(fd, m.buf, nlh->nlmsg_len, 0) < 0)
		return -1;
	for (;;) {
		len = recv(fd, buf, sizeof(buf), 0);
		if (len <= 0)
			break;
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, len); nlh = NLMSG_NEXT(nlh, len)) {
			if (nlh->nlmsg_type == NLMSG_DONE || nlh->nlmsg_type == NLMSG_ERROR) {
				close(fd);
				return rows;
			}
			rows++;
		}
	}
	close(fd);
	return -1;
}

int main(int argc, char **argv)
{
	struct fuzz_stats st = { 0 }, child = { 0 };
	unsigned long seed, count;
	int fd, family, pipefd[2], status, rows;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: lyncedge_nlfuzz SEED COUNT IFNAME...\n");
		return 2;
	}
	seed = strtoul(argv[1], NULL, 0);
	count = strtoul(argv[2], NULL, 0);
	fuzz_ifnames = argv + 3;
	fuzz_nifnames = argc - 3;
	fd = nl_open();
	family = fd < 0 ? -1 : family_id(fd);
	if (family < 0) {
		fprintf(stderr, "lyncedge_nlfuzz: no lyncedge family\n");
		return 2;
	}
	close(fd);
	if (pipe(pipefd))
		return 2;

	pid = fork();
	if (pid == 0) {
		fuzz_state = seed * 2 + 1;
		if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
			_exit(2);
		fuzz(family, count / 2, &child);
		if (write(pipefd[1], &child, sizeof(child)) != sizeof(child))
			_exit(2);
		_exit(0);
	}
	fuzz_state = seed * 2 + 2;
	fuzz(family, count - count / 2, &st);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) || read(pipefd[0], &child, sizeof(child)) != sizeof(child)) {
		fprintf(stderr, "lyncedge_nlfuzz: the unprivileged half failed\n");
		return 1;
	}
	rows = rules_rows(family);
	printf("# seed %lu: privileged %lu sent, %lu acked, %lu rejected\n",
	       seed, st.sent, st.acked, st.rejected);
	printf("# unprivileged %lu sent, %lu acked, %lu rejected; rules dump after: %d rows\n",
	       child.sent, child.acked, child.rejected, rows);
	return rows == FUZZ_ROWS && (st.sent + child.sent) * 10 >= count * 9 ? 0 : 1;
}
