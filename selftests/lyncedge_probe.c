// SPDX-License-Identifier: GPL-2.0
/*
 * lyncedge_probe: the traffic end of the selftests. Built static, so the
 * VM's initramfs needs no libraries for it.
 *
 *   listen SPEC...   SPEC is tcp:PORT or udp:PORT. Binds each on [::]
 *                    (IPv4 too) and prints "ready" once all are bound. Echoes
 *                    every token it gets back to its sender and logs
 *                    "PROTO PORT TOKEN", one line each, until killed.
 *   send [-s SPORT] [-z SIZE] [-x] PROTO ADDR PORT TOKEN
 *                    Sends TOKEN and waits for the echo: from source port
 *                    SPORT, padded with NULs to SIZE bytes (UDP: a datagram
 *                    larger than the MTU goes out in fragments), behind an
 *                    IPv6 destination options header (-x). Exit 0 with the
 *                    echo, 1 without, 2 when the probe itself could not run
 *                    (bad arguments, bind).
 *   raw PROTO ADDR NBYTES
 *                    One IP packet of protocol number PROTO carrying NBYTES
 *                    zero bytes: with 17 (UDP) and 2 bytes, a truncated
 *                    header.
 *   flood ADDR PORT SECONDS
 *                    UDP datagrams as fast as it can, for SECONDS.
 *   spray ADDR PORT COUNT
 *                    COUNT UDP datagrams of 5 bytes from one socket, to
 *                    PORT, PORT + 1, ...: each one a new flow. Exit 0 when
 *                    every one was sent.
 *   asuser UID CMD...
 *                    Runs CMD with that uid and gid and no capabilities;
 *                    exit 2 when it cannot.
 *   sink PORT [ADDR DPORT]
 *                    A UDP socket on PORT that is never read: once its
 *                    small buffer is full, every datagram ends at the socket,
 *                    the same cheap end for every benchmark variant. With
 *                    ADDR, it first sends one datagram from PORT to ADDR
 *                    DPORT, opening the flow whose replies a benchmark sends.
 *                    Prints "ready", then waits until killed.
 *   syn ADDR PORT COUNT
 *                    COUNT TCP SYNs to the IPv4 ADDR, from raw sockets, each
 *                    from its own source port (a new flow each), a few at a
 *                    time so that no receive queue overflows. Prints how
 *                    many it sent; exit 0 when every one was.
 *   netns COUNT      Makes COUNT network namespaces one after the other,
 *                    each dropping the one before (its last reference):
 *                    namespace churn without a program run for each.
 *   talkd PROTO ADDR PORT MS
 *                    The server end of one long-lived flow, bound to ADDR:
 *                    prints "ready", takes one connection (TCP) or the first
 *                    datagram's sender (UDP), then sends a numbered token
 *                    every MS milliseconds and prints "back N T" for each
 *                    token the client echoes, T the CLOCK_MONOTONIC time in
 *                    ms. The server speaks first, as a SIP server or a media
 *                    peer does on a flow the other end opened.
 *   talk PROTO ADDR PORT
 *                    The client end: opens the flow (UDP: with a "hello"
 *                    datagram) and echoes whatever the server sends.
 *   now              Prints the CLOCK_MONOTONIC time in ms, talkd's clock.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <grp.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define PROBE_MAX_LISTEN	128
#define PROBE_MAX_DATA		65507
#define PROBE_TIMEOUT_MS	1500

static int usage(void)
{
	fprintf(stderr,
		"usage: lyncedge_probe listen tcp:PORT|udp:PORT...\n"
		"       lyncedge_probe send [-s SPORT] [-z SIZE] [-x] tcp|udp ADDR PORT TOKEN\n"
		"       lyncedge_probe raw PROTO ADDR NBYTES\n"
		"       lyncedge_probe flood ADDR PORT SECONDS\n"
		"       lyncedge_probe spray ADDR PORT COUNT\n"
		"       lyncedge_probe asuser UID CMD...\n"
		"       lyncedge_probe sink PORT [ADDR DPORT]\n"
		"       lyncedge_probe syn ADDR PORT COUNT\n"
		"       lyncedge_probe netns COUNT\n"
		"       lyncedge_probe talkd tcp|udp ADDR PORT MS\n"
		"       lyncedge_probe talk tcp|udp ADDR PORT\n"
		"       lyncedge_probe now\n");
	return 2;
}

static int parse_port(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	return (*s && !*end && v > 0 && v < 65536) ? (int)v : -1;
}

/* An IPv4 or IPv6 literal; IPv4 becomes v4-mapped so one code path serves. */
static int parse_addr(const char *s, int port, struct sockaddr_in6 *sa)
{
	struct in_addr v4;

	memset(sa, 0, sizeof(*sa));
	sa->sin6_family = AF_INET6;
	sa->sin6_port = htons(port);
	if (inet_pton(AF_INET6, s, &sa->sin6_addr) == 1)
		return 0;
	if (inet_pton(AF_INET, s, &v4) != 1)
		return -1;
	sa->sin6_addr.s6_addr[10] = 0xff;
	sa->sin6_addr.s6_addr[11] = 0xff;
	memcpy(&sa->sin6_addr.s6_addr[12], &v4, 4);
	return 0;
}

static int dual_socket(int type, int port)
{
	struct sockaddr_in6 sa = { .sin6_family = AF_INET6, .sin6_port = htons(port) };
	int fd, off = 0, on = 1;

	fd = socket(AF_INET6, type, 0);
	if (fd < 0)
		return -1;
	if (setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off)) ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ||
	    (port && bind(fd, (struct sockaddr *)&sa, sizeof(sa)))) {
		close(fd);
		return -1;
	}
	return fd;
}

static void set_timeout(int fd, int ms)
{
	struct timeval tv = { .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 };

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

static char buf[PROBE_MAX_DATA + 1];

static void serve_tcp(int lfd, int port)
{
	ssize_t n;
	int fd;

	fd = accept(lfd, NULL, NULL);
	if (fd < 0)
		return;
	set_timeout(fd, PROBE_TIMEOUT_MS);
	n = recv(fd, buf, 255, 0);
	if (n > 0) {
		buf[n] = '\0';
		printf("tcp %d %s\n", port, buf);
		send(fd, buf, n, MSG_NOSIGNAL);
	}
	close(fd);
}

/*
 * The reply leaves from the address the datagram came to, as a real server
 * on a host with several addresses does: otherwise the kernel picks the
 * route's source, and the reply is no longer part of the flow.
 */
static void serve_udp(int fd, int port)
{
	/* cmsghdr-aligned room for one in6_pktinfo */
	struct cmsghdr control[1 + CMSG_SPACE(sizeof(struct in6_pktinfo)) /
			       sizeof(struct cmsghdr)];
	struct sockaddr_in6 from;
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) - 1 };
	struct msghdr msg = {
		.msg_name = &from, .msg_namelen = sizeof(from),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = control, .msg_controllen = sizeof(control),
	};
	struct in6_pktinfo *info = NULL;
	struct cmsghdr *cmsg;
	ssize_t n;

	n = recvmsg(fd, &msg, 0);
	if (n <= 0)
		return;
	buf[n] = '\0';
	printf("udp %d %s\n", port, buf);
	for (cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg))
		if (cmsg->cmsg_level == IPPROTO_IPV6 && cmsg->cmsg_type == IPV6_PKTINFO)
			info = (struct in6_pktinfo *)CMSG_DATA(cmsg);
	iov.iov_len = n;
	if (info) {
		/* Any interface: the source address alone is what matters. */
		info->ipi6_ifindex = 0;
		msg.msg_controllen = CMSG_SPACE(sizeof(*info));
	} else {
		msg.msg_control = NULL;
		msg.msg_controllen = 0;
	}
	sendmsg(fd, &msg, 0);
}

static int cmd_listen(int argc, char **argv)
{
	static const int one = 1;
	struct pollfd pfd[PROBE_MAX_LISTEN];
	int port[PROBE_MAX_LISTEN], tcp[PROBE_MAX_LISTEN];
	int i, n = argc;

	if (n < 1 || n > PROBE_MAX_LISTEN)
		return usage();
	for (i = 0; i < n; i++) {
		tcp[i] = !strncmp(argv[i], "tcp:", 4);
		if (!tcp[i] && strncmp(argv[i], "udp:", 4))
			return usage();
		port[i] = parse_port(argv[i] + 4);
		if (port[i] < 0)
			return usage();
		pfd[i].fd = dual_socket(tcp[i] ? SOCK_STREAM : SOCK_DGRAM, port[i]);
		if (pfd[i].fd < 0 || (tcp[i] && listen(pfd[i].fd, 64)) ||
		    (!tcp[i] && setsockopt(pfd[i].fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one,
					   sizeof(one)))) {
			fprintf(stderr, "lyncedge_probe: cannot listen on %s: %s\n", argv[i],
				strerror(errno));
			return 1;
		}
		pfd[i].events = POLLIN;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("ready\n");
	for (;;) {
		if (poll(pfd, n, -1) < 0 && errno != EINTR)
			return 1;
		for (i = 0; i < n; i++) {
			if (!(pfd[i].revents & POLLIN))
				continue;
			if (tcp[i])
				serve_tcp(pfd[i].fd, port[i]);
			else
				serve_udp(pfd[i].fd, port[i]);
		}
	}
}

/* An empty destination options header: 2 bytes of header, 6 of padding. */
static int add_dstopts(int fd)
{
	unsigned char opts[8] = { 0, 0, 1, 4, 0, 0, 0, 0 };

	return setsockopt(fd, IPPROTO_IPV6, IPV6_DSTOPTS, opts, sizeof(opts));
}

/* Takes argv from "send" on, as getopt() wants a name before the options. */
static int cmd_send(int argc, char **argv)
{
	static char data[PROBE_MAX_DATA], echo[PROBE_MAX_DATA];
	int tcp, port, sport = 0, fd, opt, exthdr = 0;
	size_t len, size = 0;
	struct sockaddr_in6 sa;
	ssize_t n;

	while ((opt = getopt(argc, argv, "+s:z:x")) != -1) {
		switch (opt) {
		case 's':
			sport = parse_port(optarg);
			break;
		case 'z':
			size = strtoul(optarg, NULL, 10);
			break;
		case 'x':
			exthdr = 1;
			break;
		default:
			return usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 4)
		return usage();
	tcp = !strcmp(argv[0], "tcp");
	if (!tcp && strcmp(argv[0], "udp"))
		return usage();
	port = parse_port(argv[2]);
	len = strlen(argv[3]);
	if (port < 0 || sport < 0 || parse_addr(argv[1], port, &sa) || !len || len > 64 ||
	    size > sizeof(data) || (tcp && size))
		return usage();
	memcpy(data, argv[3], len);
	if (size > len)
		len = size;
	fd = dual_socket(tcp ? SOCK_STREAM : SOCK_DGRAM, sport);
	if (fd < 0 || (exthdr && add_dstopts(fd))) {
		perror("lyncedge_probe: socket");
		return 2;
	}
	/* A connect that no SYN/ACK answers gives up here, not after minutes. */
	set_timeout(fd, PROBE_TIMEOUT_MS);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    send(fd, data, len, MSG_NOSIGNAL) != (ssize_t)len) {
		close(fd);
		return 1;
	}
	n = recv(fd, echo, sizeof(echo), 0);
	close(fd);
	return !(n == (ssize_t)len && !memcmp(echo, data, len));
}

static int cmd_raw(int argc, char **argv)
{
	static const char zeros[64];
	struct sockaddr_in6 sa6;
	struct sockaddr_in sa4 = { .sin_family = AF_INET };
	int proto, nbytes, fd, ok;

	if (argc != 3)
		return usage();
	proto = atoi(argv[0]);
	nbytes = atoi(argv[2]);
	if (proto <= 0 || proto >= 255 || nbytes < 0 || nbytes > (int)sizeof(zeros))
		return usage();
	if (inet_pton(AF_INET, argv[1], &sa4.sin_addr) == 1) {
		fd = socket(AF_INET, SOCK_RAW, proto);
		ok = fd >= 0 && sendto(fd, zeros, nbytes, 0, (struct sockaddr *)&sa4,
				       sizeof(sa4)) == nbytes;
	} else if (!parse_addr(argv[1], 0, &sa6)) {
		fd = socket(AF_INET6, SOCK_RAW, proto);
		ok = fd >= 0 && sendto(fd, zeros, nbytes, 0, (struct sockaddr *)&sa6,
				       sizeof(sa6)) == nbytes;
	} else {
		return usage();
	}
	if (!ok)
		perror("lyncedge_probe: raw");
	return ok ? 0 : 2;
}

static int cmd_flood(int argc, char **argv)
{
	struct sockaddr_in6 sa;
	int port, fd;
	time_t end;

	if (argc != 3)
		return usage();
	port = parse_port(argv[1]);
	if (port < 0 || parse_addr(argv[0], port, &sa))
		return usage();
	fd = dual_socket(SOCK_DGRAM, 0);
	if (fd < 0)
		return 1;
	end = time(NULL) + atoi(argv[2]);
	while (time(NULL) < end)
		sendto(fd, "flood", 5, MSG_DONTWAIT, (struct sockaddr *)&sa, sizeof(sa));
	close(fd);
	return 0;
}

static int cmd_spray(int argc, char **argv)
{
	struct sockaddr_in6 sa;
	int port, fd, count, i;

	if (argc != 3)
		return usage();
	port = parse_port(argv[1]);
	count = atoi(argv[2]);
	if (port < 0 || count < 1 || port + count - 1 > 65535 || parse_addr(argv[0], port, &sa))
		return usage();
	fd = dual_socket(SOCK_DGRAM, 0);
	if (fd < 0)
		return 1;
	for (i = 0; i < count; i++) {
		sa.sin6_port = htons(port + i);
		if (sendto(fd, "spray", 5, 0, (struct sockaddr *)&sa, sizeof(sa)) != 5) {
			perror("lyncedge_probe: sendto");
			close(fd);
			return 1;
		}
	}
	close(fd);
	return 0;
}

static int cmd_asuser(int argc, char **argv)
{
	int uid;

	if (argc < 2)
		return usage();
	uid = atoi(argv[0]);
	if (setgroups(0, NULL) || setgid(uid) || setuid(uid)) {
		perror("lyncedge_probe: setuid");
		return 2;
	}
	execvp(argv[1], argv + 1);
	perror("lyncedge_probe: exec");
	return 2;
}

static int cmd_sink(int argc, char **argv)
{
	struct sockaddr_in6 sa;
	int port, dport = 0, fd, size = 1;

	if (argc != 1 && argc != 3)
		return usage();
	port = parse_port(argv[0]);
	if (argc == 3)
		dport = parse_port(argv[2]);
	if (port < 0 || dport < 0 || (argc == 3 && parse_addr(argv[1], dport, &sa)))
		return usage();
	fd = dual_socket(SOCK_DGRAM, port);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size))) {
		perror("lyncedge_probe: sink");
		return 2;
	}
	if (argc == 3 && sendto(fd, "sink", 4, 0, (struct sockaddr *)&sa, sizeof(sa)) != 4) {
		perror("lyncedge_probe: sendto");
		return 1;
	}
	puts("ready");
	fflush(stdout);
	pause();
	return 0;
}

/* The ones' complement sum of RFC 793, over the pseudo header and the segment. */
static uint16_t tcp_checksum(const struct in_addr *src, const struct in_addr *dst,
			     const uint8_t *seg, size_t len)
{
	uint32_t sum = 0;
	size_t i;

	sum += ntohs(src->s_addr & 0xffff) + ntohs(src->s_addr >> 16);
	sum += ntohs(dst->s_addr & 0xffff) + ntohs(dst->s_addr >> 16);
	sum += IPPROTO_TCP + len;
	for (i = 0; i + 1 < len; i += 2)
		sum += seg[i] << 8 | seg[i + 1];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

static int cmd_syn(int argc, char **argv)
{
	struct sockaddr_in dst = { .sin_family = AF_INET }, src;
	socklen_t slen = sizeof(src);
	uint8_t seg[20];
	int port, count, fd, i, sent = 0;
	uint16_t sum;

	if (argc != 3)
		return usage();
	port = parse_port(argv[1]);
	count = atoi(argv[2]);
	if (port < 0 || count < 1 || inet_pton(AF_INET, argv[0], &dst.sin_addr) != 1)
		return usage();
	/* The source address the route gives, for the checksum. */
	dst.sin_port = htons(port);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&dst, sizeof(dst)) ||
	    getsockname(fd, (struct sockaddr *)&src, &slen)) {
		perror("lyncedge_probe: syn: route");
		return 2;
	}
	close(fd);
	dst.sin_port = 0;
	fd = socket(AF_INET, SOCK_RAW, IPPROTO_TCP);
	if (fd < 0) {
		perror("lyncedge_probe: syn: raw socket");
		return 2;
	}
	for (i = 0; i < count; i++) {
		int sport = 20000 + i % 40000;

		memset(seg, 0, sizeof(seg));
		seg[0] = sport >> 8;
		seg[1] = sport & 0xff;
		seg[2] = port >> 8;
		seg[3] = port & 0xff;
		seg[7] = i & 0xff;
		seg[12] = 5 << 4;	/* 20 bytes of header, no options */
		seg[13] = 0x02;		/* SYN */
		seg[14] = 0x10;		/* a window of 4096 */
		sum = tcp_checksum(&src.sin_addr, &dst.sin_addr, seg, sizeof(seg));
		memcpy(&seg[16], &sum, sizeof(sum));
		if (sendto(fd, seg, sizeof(seg), 0, (struct sockaddr *)&dst, sizeof(dst)) ==
		    sizeof(seg))
			sent++;
		if (i % 32 == 31)
			usleep(2000);
	}
	close(fd);
	printf("%d\n", sent);
	return sent == count ? 0 : 1;
}

static int cmd_netns(int argc, char **argv)
{
	int count, i;

	if (argc != 1)
		return usage();
	count = atoi(argv[0]);
	if (count < 1)
		return usage();
	for (i = 0; i < count; i++) {
		if (unshare(CLONE_NEWNET)) {
			perror("lyncedge_probe: unshare");
			return 1;
		}
	}
	return 0;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* "tcp" or "udp" and a port: the socket type, or -1. */
static int flow_args(char **argv, struct sockaddr_in6 *sa)
{
	int port = parse_port(argv[2]);

	if (port < 0 || parse_addr(argv[1], port, sa))
		return -1;
	if (!strcmp(argv[0], "tcp"))
		return SOCK_STREAM;
	return strcmp(argv[0], "udp") ? -1 : SOCK_DGRAM;
}

/* Prints "back N T" for each newline-ended token in the n bytes at data. */
static void talkd_echoes(const char *data, ssize_t n, char *line, size_t *len)
{
	ssize_t i;

	for (i = 0; i < n; i++) {
		if (data[i] != '\n') {
			if (*len < 31)
				line[(*len)++] = data[i];
			continue;
		}
		line[*len] = '\0';
		printf("back %s %lld\n", line, now_ms());
		*len = 0;
	}
}

static int cmd_talkd(int argc, char **argv)
{
	static const int on = 1;
	struct sockaddr_in6 sa, peer;
	socklen_t plen = sizeof(peer);
	int type, ms, fd, cfd, token = 0;
	char msg[32], line[32];
	size_t llen = 0;
	long long next;
	ssize_t n;

	if (argc != 4)
		return usage();
	type = flow_args(argv, &sa);
	ms = atoi(argv[3]);
	if (type < 0 || ms < 1)
		return usage();
	fd = socket(AF_INET6, type, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    (type == SOCK_STREAM && listen(fd, 1))) {
		perror("lyncedge_probe: talkd");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("ready\n");
	if (type == SOCK_STREAM) {
		cfd = accept(fd, NULL, NULL);
		close(fd);
	} else {
		cfd = fd;
		if (recvfrom(fd, line, sizeof(line), 0, (struct sockaddr *)&peer, &plen) < 0 ||
		    connect(fd, (struct sockaddr *)&peer, plen))
			cfd = -1;
	}
	if (cfd < 0) {
		perror("lyncedge_probe: talkd");
		return 1;
	}
	for (next = now_ms();; next += ms) {
		struct pollfd pfd = { .fd = cfd, .events = POLLIN };
		int len = snprintf(msg, sizeof(msg), "%d\n", ++token);

		/* UDP carries the token without its newline: one per datagram. */
		if (send(cfd, msg, type == SOCK_STREAM ? len : len - 1,
			 MSG_NOSIGNAL | MSG_DONTWAIT) < 0 &&
		    type == SOCK_STREAM && errno != EAGAIN)
			return 1;
		while (poll(&pfd, 1, (int)(next + ms > now_ms() ? next + ms - now_ms() : 0)) > 0) {
			n = recv(cfd, buf, sizeof(buf) - 1, 0);
			if (n == 0 || (n < 0 && type == SOCK_STREAM))
				return 1;
			if (n < 0)
				continue;
			if (type == SOCK_DGRAM)
				buf[n++] = '\n';
			talkd_echoes(buf, n, line, &llen);
		}
	}
}

static int cmd_talk(int argc, char **argv)
{
	struct sockaddr_in6 sa;
	int type, fd;
	ssize_t n;

	if (argc != 3)
		return usage();
	type = flow_args(argv, &sa);
	if (type < 0)
		return usage();
	fd = dual_socket(type, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    (type == SOCK_DGRAM && send(fd, "hello", 5, 0) != 5)) {
		perror("lyncedge_probe: talk");
		return 1;
	}
	for (;;) {
		n = recv(fd, buf, sizeof(buf), 0);
		/* A UDP error is an ICMP message about an earlier datagram. */
		if (n < 0 && type == SOCK_DGRAM)
			continue;
		if (n <= 0)
			return 1;
		send(fd, buf, n, MSG_NOSIGNAL);
	}
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	if (!strcmp(argv[1], "listen"))
		return cmd_listen(argc - 2, argv + 2);
	if (!strcmp(argv[1], "send"))
		return cmd_send(argc - 1, argv + 1);
	if (!strcmp(argv[1], "raw"))
		return cmd_raw(argc - 2, argv + 2);
	if (!strcmp(argv[1], "flood"))
		return cmd_flood(argc - 2, argv + 2);
	if (!strcmp(argv[1], "spray"))
		return cmd_spray(argc - 2, argv + 2);
	if (!strcmp(argv[1], "sink"))
		return cmd_sink(argc - 2, argv + 2);
	if (!strcmp(argv[1], "asuser"))
		return cmd_asuser(argc - 2, argv + 2);
	if (!strcmp(argv[1], "syn"))
		return cmd_syn(argc - 2, argv + 2);
	if (!strcmp(argv[1], "netns"))
		return cmd_netns(argc - 2, argv + 2);
	if (!strcmp(argv[1], "talkd"))
		return cmd_talkd(argc - 2, argv + 2);
	if (!strcmp(argv[1], "talk"))
		return cmd_talk(argc - 2, argv + 2);
	if (!strcmp(argv[1], "now") && argc == 2) {
		printf("%lld\n", now_ms());
		return 0;
	}
	return usage();
}
