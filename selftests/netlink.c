// SPDX-License-Identifier: GPL-2.0
/*
 * The generic netlink family's answers to good and bad requests, message by
 * message: every rejection must carry a negative errno and an extack text.
 * Runs as root inside a namespace that has the veth pair t0/t1 (netlink.sh).
 */
#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <uapi/linux/lyncedge.h>

#include "kselftest_harness.h"

#define NL_BUF 16384

struct nl_reply {
	int error;
	char extack[256];
	int messages;		/* of a dump: how many of the family's */
	uint16_t family_id;	/* of the controller's answer */
	struct nla_bitfield32 features;
	uint16_t media_min, media_max;
	uint8_t mode_external, mode_internal;
	int peers;
	int nets;		/* internal networks */
	int services;
	int roles, bound;	/* roles, and those with an interface */
	int custom;		/* custom rules of GET_CONFIG */
	uint32_t custom_id;	/* the last one's id */
	uint32_t generation;
	uint32_t event_rate, event_burst;
	uint8_t deployment;
	uint8_t edition;
	int confirm_left;	/* -1 without LYNCEDGE_A_CONFIRM_LEFT */
	uint64_t rollbacks;
};

static int nl_ext_attr(const struct nlattr *attr, void *data)
{
	struct nl_reply *r = data;

	if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
	    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
		snprintf(r->extack, sizeof(r->extack), "%s", mnl_attr_get_str(attr));
	return MNL_CB_OK;
}

static int nl_ctrl_attr(const struct nlattr *attr, void *data)
{
	struct nl_reply *r = data;

	if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_ID)
		r->family_id = mnl_attr_get_u16(attr);
	return MNL_CB_OK;
}

static int nl_custom_attr(const struct nlattr *attr, void *data)
{
	struct nl_reply *r = data;

	if (mnl_attr_get_type(attr) == LYNCEDGE_CUSTOM_A_ID)
		r->custom_id = mnl_attr_get_u32(attr);
	return MNL_CB_OK;
}

static int nl_role_attr(const struct nlattr *attr, void *data)
{
	struct nl_reply *r = data;

	if (mnl_attr_get_type(attr) == LYNCEDGE_ROLE_A_IFINDEX)
		r->bound++;
	return MNL_CB_OK;
}

static int nl_family_attr(const struct nlattr *attr, void *data)
{
	struct nl_reply *r = data;

	if (mnl_attr_get_type(attr) == LYNCEDGE_A_FEATURES &&
	    mnl_attr_get_payload_len(attr) == sizeof(r->features))
		memcpy(&r->features, mnl_attr_get_payload(attr), sizeof(r->features));
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_CONFIRM_LEFT)
		r->confirm_left = mnl_attr_get_u32(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_ROLLBACKS)
		r->rollbacks = mnl_attr_get_u64(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_ROLES) {
		const struct nlattr *entry;

		mnl_attr_for_each_nested(entry, attr) {
			r->roles++;
			mnl_attr_parse_nested(entry, nl_role_attr, r);
		}
	}
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_CUSTOM_RULES) {
		const struct nlattr *entry;

		mnl_attr_for_each_nested(entry, attr) {
			r->custom++;
			mnl_attr_parse_nested(entry, nl_custom_attr, r);
		}
	}
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_MEDIA_MIN)
		r->media_min = mnl_attr_get_u16(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_MEDIA_MAX)
		r->media_max = mnl_attr_get_u16(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_MODE_EXTERNAL)
		r->mode_external = mnl_attr_get_u8(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_MODE_INTERNAL)
		r->mode_internal = mnl_attr_get_u8(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_GENERATION)
		r->generation = mnl_attr_get_u32(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_EVENT_RATE)
		r->event_rate = mnl_attr_get_u32(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_EVENT_BURST)
		r->event_burst = mnl_attr_get_u32(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_DEPLOYMENT)
		r->deployment = mnl_attr_get_u8(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_EDITION)
		r->edition = mnl_attr_get_u8(attr);
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_PEERS) {
		const struct nlattr *entry;

		mnl_attr_for_each_nested(entry, attr)
			r->peers++;
	}
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_INTERNAL_NETS) {
		const struct nlattr *entry;

		mnl_attr_for_each_nested(entry, attr)
			r->nets++;
	}
	if (mnl_attr_get_type(attr) == LYNCEDGE_A_SERVICES) {
		const struct nlattr *entry;

		mnl_attr_for_each_nested(entry, attr)
			r->services++;
	}
	return MNL_CB_OK;
}

/* Send one request and read until its ack, error or dump end. */
static int nl_talk(struct mnl_socket *nl, struct nlmsghdr *nlh, struct nl_reply *r)
{
	char buf[NL_BUF];
	unsigned int seq = nlh->nlmsg_seq;
	int n;

	memset(r, 0, sizeof(*r));
	r->confirm_left = -1;
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	for (;;) {
		n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		for (nlh = (struct nlmsghdr *)buf; mnl_nlmsg_ok(nlh, n);
		     nlh = mnl_nlmsg_next(nlh, &n)) {
			if (nlh->nlmsg_seq != seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);

				r->error = e->error;
				if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
					mnl_attr_parse(nlh, sizeof(*e), nl_ext_attr, r);
				return 0;
			}
			if (nlh->nlmsg_type == NLMSG_DONE)
				return 0;
			if (nlh->nlmsg_type == GENL_ID_CTRL) {
				mnl_attr_parse(nlh, GENL_HDRLEN, nl_ctrl_attr, r);
			} else if (nlh->nlmsg_type >= NLMSG_MIN_TYPE) {
				mnl_attr_parse(nlh, GENL_HDRLEN, nl_family_attr, r);
				r->messages += !!(nlh->nlmsg_flags & NLM_F_MULTI);
			}
		}
	}
}

static struct nlmsghdr *nl_start(char *buf, uint16_t type, uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = time(NULL) + rand();
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = LYNCEDGE_GENL_VERSION;
	return nlh;
}

FIXTURE(nl) {
	struct mnl_socket *nl;
	uint16_t family;
	char buf[NL_BUF];
	struct nl_reply r;
};

FIXTURE_SETUP(nl)
{
	int on = 1;
	struct nlmsghdr *nlh;

	self->nl = mnl_socket_open(NETLINK_GENERIC);
	ASSERT_NE(NULL, self->nl);
	ASSERT_EQ(0, mnl_socket_bind(self->nl, 0, MNL_SOCKET_AUTOPID));
	ASSERT_EQ(0, mnl_socket_setsockopt(self->nl, NETLINK_EXT_ACK, &on, sizeof(on)));
	ASSERT_EQ(0, mnl_socket_setsockopt(self->nl, NETLINK_CAP_ACK, &on, sizeof(on)));
	nlh = nl_start(self->buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, NLM_F_ACK);
	((struct genlmsghdr *)mnl_nlmsg_get_payload(nlh))->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, LYNCEDGE_GENL_NAME);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	self->family = self->r.family_id;
	ASSERT_NE(0, self->family);
}

FIXTURE_TEARDOWN(nl)
{
	mnl_socket_close(self->nl);
}

#define SET_ROLE(self) nl_start((self)->buf, (self)->family, LYNCEDGE_CMD_SET_ROLE, NLM_F_ACK)
#define SET_CONFIG(self) \
	nl_start((self)->buf, (self)->family, LYNCEDGE_CMD_SET_CONFIG, NLM_F_ACK)

/* A rejection: the errno, and an extack text that says something. */
#define EXPECT_REJECTED(self, nlh, err) do {					\
	ASSERT_EQ(0, nl_talk((self)->nl, (nlh), &(self)->r));			\
	EXPECT_EQ(-(err), (self)->r.error);					\
	EXPECT_NE(0, (self)->r.extack[0]);					\
	TH_LOG("errno %d, extack \"%s\"", -(self)->r.error, (self)->r.extack);	\
} while (0)

/* The configuration as GET_CONFIG tells it, as one comparable string. */
static void config_of(struct __test_metadata *_metadata, FIXTURE_DATA(nl) *self,
		      char *out, size_t len)
{
	char buf[NL_BUF];	/* not self->buf: a request may be waiting there */
	struct nl_reply r;
	struct nlmsghdr *nlh;

	nlh = nl_start(buf, self->family, LYNCEDGE_CMD_GET_CONFIG, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &r));
	ASSERT_EQ(0, r.error);
	snprintf(out, len,
		 "features %#x media %u-%u modes %u %u peers %d nets %d services %d events %u/%u deployment %u roles %d custom %d edition %u",
		 r.features.value, r.media_min, r.media_max, r.mode_external, r.mode_internal,
		 r.peers, r.nets, r.services, r.event_rate, r.event_burst, r.deployment, r.roles, r.custom,
		 r.edition);
}

/* A rejected SET_CONFIG must leave the configuration as it was. */
#define EXPECT_CONFIG_REJECTED(self, nlh, err) do {				\
	char before[192], after[192];						\
										\
	config_of(_metadata, (self), before, sizeof(before));			\
	EXPECT_REJECTED((self), (nlh), (err));					\
	config_of(_metadata, (self), after, sizeof(after));			\
	EXPECT_STREQ(before, after);						\
} while (0)

TEST_F(nl, set_role_names_no_interface)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

/* A role belongs to a name: one no interface has waits for it, unbound. */
TEST_F(nl, set_role_name_without_interface)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "later0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_INTERNAL);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_CONFIG, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(1, self->r.roles);
	EXPECT_EQ(0, self->r.bound);

	nlh = SET_ROLE(self);
	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "later0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_NONE);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_ROLE, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(0, self->r.messages);
}

TEST_F(nl, set_role_name_no_interface_can_have)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "a/b");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

/* One record a line in every output: no control characters in a role's name. */
TEST_F(nl, set_role_name_control_character)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "x\001y");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

/* Each command its own policy: SET_CONFIG's attributes are not SET_ROLE's. */
TEST_F(nl, set_role_other_commands_attribute)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "t0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_AUDIT);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, config_other_commands_attribute)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_AUDIT);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_ID, 5);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, get_stats_takes_no_attribute)
{
	struct nlmsghdr *nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_STATS,
					NLM_F_ACK);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_ID, 5);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

static void put_role(struct nlmsghdr *nlh, const char *name, uint8_t role)
{
	struct nlattr *entry = mnl_attr_nest_start(nlh, 1);

	mnl_attr_put_strz(nlh, LYNCEDGE_ROLE_A_IFNAME, name);
	mnl_attr_put_u8(nlh, LYNCEDGE_ROLE_A_ROLE, role);
	mnl_attr_nest_end(nlh, entry);
}

/* Every role in one request, read back with the rest; an empty list takes them all away. */
TEST_F(nl, roles_round_trip)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_ROLES);
	char config[192];

	put_role(nlh, "t0", LYNCEDGE_ROLE_EXTERNAL);
	put_role(nlh, "later0", LYNCEDGE_ROLE_INTERNAL);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_CONFIG, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(2, self->r.roles);
	EXPECT_EQ(1, self->r.bound);

	nlh = SET_CONFIG(self);
	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, LYNCEDGE_A_ROLES));
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_NE(NULL, strstr(config, "roles 0"));
}

TEST_F(nl, roles_name_twice)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_ROLES);

	put_role(nlh, "t0", LYNCEDGE_ROLE_EXTERNAL);
	put_role(nlh, "t0", LYNCEDGE_ROLE_INTERNAL);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EEXIST);
}

TEST_F(nl, roles_role_none)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_ROLES);

	put_role(nlh, "t0", LYNCEDGE_ROLE_NONE);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, roles_loopback)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_ROLES);

	put_role(nlh, "lo", LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

/* The interface a role is bound to is the module's to say. */
TEST_F(nl, roles_reply_only_ifindex)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_ROLES);
	struct nlattr *entry = mnl_attr_nest_start(nlh, 1);

	mnl_attr_put_strz(nlh, LYNCEDGE_ROLE_A_IFNAME, "t0");
	mnl_attr_put_u8(nlh, LYNCEDGE_ROLE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u32(nlh, LYNCEDGE_ROLE_A_IFINDEX, 7);
	mnl_attr_nest_end(nlh, entry);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

#define CONFIRM(self) nl_start((self)->buf, (self)->family, LYNCEDGE_CMD_CONFIRM, NLM_F_ACK)

TEST_F(nl, confirm_nothing_pending)
{
	EXPECT_REJECTED(self, CONFIRM(self), ENOENT);
}

TEST_F(nl, confirm_seconds_zero)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_AUDIT);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_CONFIRM, 0);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, confirm_seconds_above_the_bound)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_AUDIT);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_CONFIRM, LYNCEDGE_CONFIRM_MAX + 1);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

/*
 * A change awaiting confirmation: GET_STATS says so, a second one is
 * refused, CONFIRM keeps it and then has nothing left to confirm.
 */
TEST_F(nl, confirm_pending_change)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	char config[192];

	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_INTERNAL, LYNCEDGE_MODE_AUDIT);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_CONFIRM, 300);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_STATS, NLM_F_ACK);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_GT(self->r.confirm_left, 290000);
	EXPECT_LE(self->r.confirm_left, 300000);

	nlh = SET_CONFIG(self);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_AUDIT);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_CONFIRM, 60);
	EXPECT_CONFIG_REJECTED(self, nlh, EBUSY);

	ASSERT_EQ(0, nl_talk(self->nl, CONFIRM(self), &self->r));
	EXPECT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_NE(NULL, strstr(config, "modes 0 1"));
	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_STATS, NLM_F_ACK);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(-1, self->r.confirm_left);
	EXPECT_EQ(0U, self->r.rollbacks);
	EXPECT_REJECTED(self, CONFIRM(self), ENOENT);

	nlh = SET_CONFIG(self);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_INTERNAL, LYNCEDGE_MODE_ENFORCE);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
}

TEST_F(nl, confirm_unprivileged)
{
	ASSERT_EQ(0, setgid(65534));
	ASSERT_EQ(0, setuid(65534));
	ASSERT_EQ(0, nl_talk(self->nl, CONFIRM(self), &self->r));
	EXPECT_EQ(-EPERM, self->r.error);
}

TEST_F(nl, set_role_names_interface_twice)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "t0");
	mnl_attr_put_u32(nlh, LYNCEDGE_A_IFINDEX, if_nametoindex("t0"));
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, set_role_without_role)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "t0");
	EXPECT_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, set_role_out_of_range)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "t0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_MAX + 1);
	EXPECT_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, set_role_ifname_too_long)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "abcdefghijklmnop");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, set_role_ifindex_zero)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_IFINDEX, 0);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	EXPECT_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, set_role_unknown_ifindex)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_IFINDEX, 0x7ffffff0);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	EXPECT_REJECTED(self, nlh, ENODEV);
}

TEST_F(nl, set_role_loopback)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "lo");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_INTERNAL);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, set_role_unknown_attribute)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "t0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_MAX + 1, 1);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, set_role_reply_only_attribute)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "t0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u64(nlh, LYNCEDGE_A_PACKETS, 1);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, set_role_reserved_header_byte)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	((struct genlmsghdr *)mnl_nlmsg_get_payload(nlh))->reserved = 1;
	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "t0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	EXPECT_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, set_role_unprivileged)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "t0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	ASSERT_EQ(0, setgid(65534));
	ASSERT_EQ(0, setuid(65534));
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(-EPERM, self->r.error);
}

TEST_F(nl, set_role_and_dump_roles)
{
	struct nlmsghdr *nlh = SET_ROLE(self);

	mnl_attr_put_strz(nlh, LYNCEDGE_A_IFNAME, "t0");
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);

	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_ROLE, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(0, self->r.error);
	EXPECT_EQ(1, self->r.messages);

	nlh = SET_ROLE(self);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_IFINDEX, if_nametoindex("t0"));
	mnl_attr_put_u8(nlh, LYNCEDGE_A_ROLE, LYNCEDGE_ROLE_NONE);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);

	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_ROLE, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(0, self->r.messages);
}

TEST_F(nl, dump_rules_has_every_rule_and_drop_row)
{
	struct nlmsghdr *nlh;

	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_RULES, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(0, self->r.error);
	EXPECT_EQ(28 + 4, self->r.messages);
}

TEST_F(nl, features_core_cannot_be_switched)
{
	struct nla_bitfield32 bf = { .value = 0, .selector = LYNCEDGE_FEATURE_F_CORE };
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	EXPECT_CONFIG_REJECTED(self, nlh, EOPNOTSUPP);
}

TEST_F(nl, features_unknown_bit)
{
	struct nla_bitfield32 bf = { .value = 1U << 20, .selector = 1U << 20 };
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, features_value_outside_selector)
{
	struct nla_bitfield32 bf = { .value = LYNCEDGE_FEATURE_F_XMPP, .selector = 0 };
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, config_empty)
{
	EXPECT_REJECTED(self, SET_CONFIG(self), EINVAL);
}

TEST_F(nl, features_enable_then_read_back)
{
	struct nla_bitfield32 bf = { .value = LYNCEDGE_FEATURE_F_XMPP,
				     .selector = LYNCEDGE_FEATURE_F_XMPP };
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);

	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_CONFIG, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(LYNCEDGE_FEATURE_F_CORE | LYNCEDGE_FEATURE_F_XMPP, self->r.features.value);
	EXPECT_EQ(__LYNCEDGE_FEATURE_F_ALL, self->r.features.selector);

	bf.value = 0;
	nlh = SET_CONFIG(self);
	mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
}

TEST_F(nl, config_default)
{
	char config[192];

	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x1 media 50000-59999 modes 0 0 peers 0 nets 4 services 0 events 10/50 deployment 0 roles 0 custom 0 edition 0", config);
}

TEST_F(nl, media_range_one_end)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, 40000);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, media_range_reversed)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, 40000);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MAX, 39999);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, media_range_below_1024)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, 1023);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MAX, 2000);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, media_range_wrong_type)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_MEDIA_MIN, 40000);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_MEDIA_MAX, 40999);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

/* 3000-4000 would take in the STUN rows' 3478: with ocs2007 on, it clashes. */
TEST_F(nl, media_range_overlaps_a_rule)
{
	struct nla_bitfield32 bf = { .value = LYNCEDGE_FEATURE_F_OCS2007,
				     .selector = LYNCEDGE_FEATURE_F_OCS2007 };
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, 3000);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MAX, 4000);
	EXPECT_CONFIG_REJECTED(self, nlh, EEXIST);
}

TEST_F(nl, media_range_and_modes_round_trip)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	char config[192];

	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, 40000);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MAX, 40999);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_INTERNAL, LYNCEDGE_MODE_AUDIT);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x1 media 40000-40999 modes 0 1 peers 0 nets 4 services 0 events 10/50 deployment 0 roles 0 custom 0 edition 0", config);

	nlh = SET_CONFIG(self);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MIN, 50000);
	mnl_attr_put_u16(nlh, LYNCEDGE_A_MEDIA_MAX, 59999);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_INTERNAL, LYNCEDGE_MODE_ENFORCE);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
}

TEST_F(nl, mode_out_of_range)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_MAX + 1);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, deployment_out_of_range)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u8(nlh, LYNCEDGE_A_DEPLOYMENT, LYNCEDGE_DEPLOYMENT_MAX + 1);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, deployment_round_trip)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	char config[192];

	mnl_attr_put_u8(nlh, LYNCEDGE_A_DEPLOYMENT, LYNCEDGE_DEPLOYMENT_GATEWAY);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x1 media 50000-59999 modes 0 0 peers 0 nets 4 services 0 events 10/50 deployment 1 roles 0 custom 0 edition 0", config);

	nlh = SET_CONFIG(self);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_DEPLOYMENT, LYNCEDGE_DEPLOYMENT_HOST);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x1 media 50000-59999 modes 0 0 peers 0 nets 4 services 0 events 10/50 deployment 0 roles 0 custom 0 edition 0", config);
}

TEST_F(nl, edition_out_of_range)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u8(nlh, LYNCEDGE_A_EDITION, LYNCEDGE_EDITION_MAX + 1);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

/* Features on the edition's side: turn xmpp on, then a 2019 edition under it. */
static void put_features(struct nlmsghdr *nlh, uint32_t value, uint32_t selector)
{
	struct nla_bitfield32 bf = { value, selector };

	mnl_attr_put(nlh, LYNCEDGE_A_FEATURES, sizeof(bf), &bf);
}

TEST_F(nl, edition_round_trip_and_its_features)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	char config[192];

	mnl_attr_put_u8(nlh, LYNCEDGE_A_EDITION, LYNCEDGE_EDITION_SFB2015);
	put_features(nlh, LYNCEDGE_FEATURE_F_XMPP, LYNCEDGE_FEATURE_F_XMPP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x3 media 50000-59999 modes 0 0 peers 0 nets 4 services 0 events 10/50 deployment 0 roles 0 custom 0 edition 1", config);

	/* SfB has no OCS 2007 rows; 2019 and SE no XMPP ones, under xmpp on. */
	nlh = SET_CONFIG(self);
	put_features(nlh, LYNCEDGE_FEATURE_F_OCS2007, LYNCEDGE_FEATURE_F_OCS2007);
	EXPECT_CONFIG_REJECTED(self, nlh, EOPNOTSUPP);
	EXPECT_NE(NULL, strstr(self->r.extack, "ocs2007"));
	nlh = SET_CONFIG(self);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_EDITION, LYNCEDGE_EDITION_SFB2019);
	EXPECT_CONFIG_REJECTED(self, nlh, EOPNOTSUPP);
	EXPECT_NE(NULL, strstr(self->r.extack, "disable xmpp"));
	nlh = SET_CONFIG(self);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_EDITION, LYNCEDGE_EDITION_SFBSE);
	EXPECT_CONFIG_REJECTED(self, nlh, EOPNOTSUPP);

	/* Both in one request: the feature off, the edition changed. */
	nlh = SET_CONFIG(self);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_EDITION, LYNCEDGE_EDITION_SFBSE);
	put_features(nlh, 0, LYNCEDGE_FEATURE_F_XMPP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x1 media 50000-59999 modes 0 0 peers 0 nets 4 services 0 events 10/50 deployment 0 roles 0 custom 0 edition 3", config);
	nlh = SET_CONFIG(self);
	put_features(nlh, LYNCEDGE_FEATURE_F_XMPP, LYNCEDGE_FEATURE_F_XMPP);
	EXPECT_CONFIG_REJECTED(self, nlh, EOPNOTSUPP);

	nlh = SET_CONFIG(self);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_EDITION, LYNCEDGE_EDITION_LYNC2013);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x1 media 50000-59999 modes 0 0 peers 0 nets 4 services 0 events 10/50 deployment 0 roles 0 custom 0 edition 0", config);
}

/* One peer entry: the group, the address (len bytes) and the prefix length. */
static void put_peer(struct nlmsghdr *nlh, uint8_t group, const void *addr, size_t len,
		     uint8_t prefixlen)
{
	struct nlattr *entry = mnl_attr_nest_start(nlh, 1);

	mnl_attr_put_u8(nlh, LYNCEDGE_PEER_A_GROUP, group);
	mnl_attr_put(nlh, LYNCEDGE_PEER_A_ADDR, len, addr);
	mnl_attr_put_u8(nlh, LYNCEDGE_PEER_A_PREFIXLEN, prefixlen);
	mnl_attr_nest_end(nlh, entry);
}

static const uint8_t net10[4] = { 10, 0, 1, 0 };
static const uint8_t host10[4] = { 10, 0, 1, 1 };

TEST_F(nl, peers_round_trip)
{
	static const uint8_t v6[16] = { 0xfd, 0x00, 0x0d, 0xb8 };
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);
	char config[192];

	put_peer(nlh, LYNCEDGE_GROUP_FRONTEND, net10, 4, 24);
	put_peer(nlh, LYNCEDGE_GROUP_DIRECTOR, v6, 16, 32);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);

	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_CONFIG, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(2, self->r.peers);

	nlh = SET_CONFIG(self);
	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS));
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x1 media 50000-59999 modes 0 0 peers 0 nets 4 services 0 events 10/50 deployment 0 roles 0 custom 0 edition 0", config);
}

TEST_F(nl, peer_host_bits)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);

	put_peer(nlh, LYNCEDGE_GROUP_FRONTEND, host10, 4, 24);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, peer_prefix_too_long)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);

	put_peer(nlh, LYNCEDGE_GROUP_FRONTEND, net10, 4, 33);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, peer_address_of_no_family)
{
	static const uint8_t five[5] = { 10, 0, 1, 0, 0 };
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);

	put_peer(nlh, LYNCEDGE_GROUP_FRONTEND, five, 5, 24);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

/* A peer has to be a host of the internal networks (by default the private ranges). */
TEST_F(nl, peer_outside_internal_networks)
{
	static const uint8_t doc[4] = { 192, 0, 2, 0 };
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);

	put_peer(nlh, LYNCEDGE_GROUP_FRONTEND, doc, 4, 24);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

/* One internal network entry: the address (len bytes) and the prefix length. */
static void put_net(struct nlmsghdr *nlh, uint16_t i, const void *addr, size_t len,
		    uint8_t prefixlen)
{
	struct nlattr *entry = mnl_attr_nest_start(nlh, i);

	mnl_attr_put(nlh, LYNCEDGE_NET_A_ADDR, len, addr);
	mnl_attr_put_u8(nlh, LYNCEDGE_NET_A_PREFIXLEN, prefixlen);
	mnl_attr_nest_end(nlh, entry);
}

/* The default again: 10/8, 172.16/12, 192.168/16, fc00::/7. */
static void put_default_nets(struct nlmsghdr *nlh)
{
	static const uint8_t n10[4] = { 10 }, n172[4] = { 172, 16 }, n192[4] = { 192, 168 };
	static const uint8_t ula[16] = { 0xfc };
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_INTERNAL_NETS);

	put_net(nlh, 1, n10, 4, 8);
	put_net(nlh, 2, n172, 4, 12);
	put_net(nlh, 3, n192, 4, 16);
	put_net(nlh, 4, ula, 16, 7);
	mnl_attr_nest_end(nlh, nest);
}

TEST_F(nl, internal_nets_round_trip)
{
	static const uint8_t doc[4] = { 198, 51, 100, 0 }, any6[16] = { 0 };
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_INTERNAL_NETS);
	char config[192];

	put_net(nlh, 1, doc, 4, 24);
	put_net(nlh, 2, any6, 16, 0);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_CONFIG, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(2, self->r.nets);

	nlh = SET_CONFIG(self);
	put_default_nets(nlh);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x1 media 50000-59999 modes 0 0 peers 0 nets 4 services 0 events 10/50 deployment 0 roles 0 custom 0 edition 0", config);
}

/* No set means no internal host, or any: neither is said by leaving it empty. */
TEST_F(nl, internal_nets_empty)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, LYNCEDGE_A_INTERNAL_NETS));
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, internal_nets_twice)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_INTERNAL_NETS);

	put_net(nlh, 1, net10, 4, 24);
	put_net(nlh, 2, net10, 4, 24);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EEXIST);
}

TEST_F(nl, internal_nets_host_bits)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_INTERNAL_NETS);

	put_net(nlh, 1, host10, 4, 24);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, internal_nets_too_many)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_INTERNAL_NETS);
	uint8_t a[4] = { 10 };
	int i;

	for (i = 0; i <= LYNCEDGE_INTERNAL_NETS_MAX; i++) {
		a[1] = i;
		put_net(nlh, i + 1, a, 4, 16);
	}
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, E2BIG);
}

/* Networks that would leave a peer outside them are refused. */
TEST_F(nl, internal_nets_leave_a_peer_outside)
{
	static const uint8_t other[4] = { 10, 9, 0, 0 };
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);

	put_peer(nlh, LYNCEDGE_GROUP_FRONTEND, net10, 4, 24);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	nlh = SET_CONFIG(self);
	nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_INTERNAL_NETS);
	put_net(nlh, 1, other, 4, 16);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
	nlh = SET_CONFIG(self);
	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS));
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
}

TEST_F(nl, peer_unknown_group)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);

	put_peer(nlh, LYNCEDGE_GROUP_MAX + 1, net10, 4, 24);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, peer_missing_length)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);
	struct nlattr *entry = mnl_attr_nest_start(nlh, 1);

	mnl_attr_put_u8(nlh, LYNCEDGE_PEER_A_GROUP, LYNCEDGE_GROUP_FRONTEND);
	mnl_attr_put(nlh, LYNCEDGE_PEER_A_ADDR, 4, net10);
	mnl_attr_nest_end(nlh, entry);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, peer_twice)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);

	put_peer(nlh, LYNCEDGE_GROUP_FRONTEND, net10, 4, 24);
	put_peer(nlh, LYNCEDGE_GROUP_FRONTEND, net10, 4, 24);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EEXIST);
}

TEST_F(nl, peers_too_many)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_PEERS);
	uint8_t addr[4] = { 10, 0, 0, 0 };
	int i;

	for (i = 0; i <= LYNCEDGE_PEERS_MAX; i++) {
		addr[2] = i;
		put_peer(nlh, LYNCEDGE_GROUP_BRANCH, addr, 4, 24);
	}
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, E2BIG);
}

TEST_F(nl, peers_not_nested)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_PEERS, 1);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

static void put_service(struct nlmsghdr *nlh, uint8_t service, const void *addr, size_t len)
{
	struct nlattr *entry = mnl_attr_nest_start(nlh, 1);

	mnl_attr_put_u8(nlh, LYNCEDGE_SERVICE_A_SERVICE, service);
	mnl_attr_put(nlh, LYNCEDGE_SERVICE_A_ADDR, len, addr);
	mnl_attr_nest_end(nlh, entry);
}

TEST_F(nl, services_round_trip)
{
	static const uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 3 };
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES);
	char config[192];

	put_service(nlh, LYNCEDGE_SERVICE_ACCESS, host10, 4);
	put_service(nlh, LYNCEDGE_SERVICE_AV, v6, 16);
	put_service(nlh, LYNCEDGE_SERVICE_AV, net10, 4);
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_STREQ("features 0x1 media 50000-59999 modes 0 0 peers 0 nets 4 services 3 events 10/50 deployment 0 roles 0 custom 0 edition 0", config);

	nlh = SET_CONFIG(self);
	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES));
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
}

TEST_F(nl, service_none)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES);

	put_service(nlh, LYNCEDGE_SERVICE_NONE, host10, 4);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, service_unknown)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES);

	put_service(nlh, LYNCEDGE_SERVICE_MAX + 1, host10, 4);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, service_address_of_no_family)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES);

	put_service(nlh, LYNCEDGE_SERVICE_AV, host10, 3);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, service_address_twice)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES);

	put_service(nlh, LYNCEDGE_SERVICE_WEBCONF, host10, 4);
	put_service(nlh, LYNCEDGE_SERVICE_WEBCONF, host10, 4);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EEXIST);
}

TEST_F(nl, service_too_many_addresses)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES);
	uint8_t addr[4] = { 192, 0, 2, 0 };
	int i;

	for (i = 0; i <= LYNCEDGE_SERVICE_ADDRS_MAX; i++) {
		addr[3] = i + 1;
		put_service(nlh, LYNCEDGE_SERVICE_ACCESS, addr, 4);
	}
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, E2BIG);
}

TEST_F(nl, service_missing_address)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_SERVICES);
	struct nlattr *entry = mnl_attr_nest_start(nlh, 1);

	mnl_attr_put_u8(nlh, LYNCEDGE_SERVICE_A_SERVICE, LYNCEDGE_SERVICE_AV);
	mnl_attr_nest_end(nlh, entry);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

static void put_custom(struct nlmsghdr *nlh, uint8_t role, uint8_t dir, uint8_t proto,
		       uint16_t min, uint16_t max, const char *name)
{
	struct nlattr *entry = mnl_attr_nest_start(nlh, 1);

	mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_ROLE, role);
	mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_DIR, dir);
	mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_PROTO, proto);
	mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MIN, min);
	mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MAX, max);
	if (name)
		mnl_attr_put_strz(nlh, LYNCEDGE_CUSTOM_A_NAME, name);
	mnl_attr_nest_end(nlh, entry);
}

/* How many rows a rules dump has now. */
static int rule_rows(struct __test_metadata *_metadata, FIXTURE_DATA(nl) *self)
{
	char buf[NL_BUF];
	struct nl_reply r;

	ASSERT_EQ(0, nl_talk(self->nl, nl_start(buf, self->family, LYNCEDGE_CMD_GET_RULES,
						NLM_F_DUMP), &r));
	return r.messages;
}

#define CUSTOM_REJECTED(self, err, ...) do {					\
	struct nlmsghdr *nlh = SET_CONFIG(self);				\
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_CUSTOM_RULES);	\
										\
	put_custom(nlh, __VA_ARGS__);						\
	mnl_attr_nest_end(nlh, nest);						\
	EXPECT_REJECTED((self), nlh, (err));					\
	EXPECT_EQ(28 + 4, rule_rows(_metadata, (self)));			\
} while (0)

TEST_F(nl, custom_rules_round_trip)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_CUSTOM_RULES);

	put_custom(nlh, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP, 5070, 5070, "a");
	put_custom(nlh, LYNCEDGE_ROLE_INTERNAL, LYNCEDGE_DIR_OUT, IPPROTO_UDP, 7000, 7100, "b");
	mnl_attr_nest_end(nlh, nest);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	EXPECT_EQ(28 + 2 + 4, rule_rows(_metadata, self));
	/* GET_CONFIG gives back what SET_CONFIG set, with the ids */
	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_CONFIG, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(2, self->r.custom);
	EXPECT_GE(self->r.custom_id, (uint32_t)LYNCEDGE_CUSTOM_ID_MIN);

	nlh = SET_CONFIG(self);
	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, LYNCEDGE_A_CUSTOM_RULES));
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	EXPECT_EQ(28 + 4, rule_rows(_metadata, self));
}

/* Ids are the module's: a request that gives one is refused. */
TEST_F(nl, custom_rule_with_id)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_CUSTOM_RULES);
	struct nlattr *entry = mnl_attr_nest_start(nlh, 1);

	mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_ROLE, LYNCEDGE_ROLE_EXTERNAL);
	mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_DIR, LYNCEDGE_DIR_IN);
	mnl_attr_put_u8(nlh, LYNCEDGE_CUSTOM_A_PROTO, IPPROTO_TCP);
	mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MIN, 5070);
	mnl_attr_put_u16(nlh, LYNCEDGE_CUSTOM_A_PORT_MAX, 5070);
	mnl_attr_put_strz(nlh, LYNCEDGE_CUSTOM_A_NAME, "a");
	mnl_attr_put_u32(nlh, LYNCEDGE_CUSTOM_A_ID, 5);
	mnl_attr_nest_end(nlh, entry);
	mnl_attr_nest_end(nlh, nest);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

/* A new line in a name would make a rule two records, or a statement of its own. */
TEST_F(nl, custom_rule_name_control_character)
{
	CUSTOM_REJECTED(self, EINVAL, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP,
			5070, 5070, "x\nenable xmpp");
}

TEST_F(nl, custom_rule_not_tcp_or_udp)
{
	CUSTOM_REJECTED(self, EINVAL, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_SCTP,
			5070, 5070, "a");
}

TEST_F(nl, custom_rule_reversed)
{
	CUSTOM_REJECTED(self, EINVAL, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP,
			5071, 5070, "a");
}

TEST_F(nl, custom_rule_no_role)
{
	CUSTOM_REJECTED(self, ERANGE, LYNCEDGE_ROLE_NONE, LYNCEDGE_DIR_IN, IPPROTO_TCP,
			5070, 5070, "a");
}

TEST_F(nl, custom_rule_bad_direction)
{
	CUSTOM_REJECTED(self, ERANGE, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_MAX + 1, IPPROTO_TCP,
			5070, 5070, "a");
}

TEST_F(nl, custom_rule_port_zero)
{
	CUSTOM_REJECTED(self, ERANGE, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP,
			0, 5070, "a");
}

TEST_F(nl, custom_rule_without_name)
{
	CUSTOM_REJECTED(self, EINVAL, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP,
			5070, 5070, NULL);
}

TEST_F(nl, custom_rule_name_too_long)
{
	char name[LYNCEDGE_CUSTOM_NAME_MAX + 1];

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	CUSTOM_REJECTED(self, EINVAL, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP,
			5070, 5070, name);
}

TEST_F(nl, custom_rule_overlaps_a_built_in_rule)
{
	CUSTOM_REJECTED(self, EEXIST, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP,
			440, 450, "a");
}

TEST_F(nl, custom_rule_twice)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	struct nlattr *nest = mnl_attr_nest_start(nlh, LYNCEDGE_A_CUSTOM_RULES);

	put_custom(nlh, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP, 5070, 5070, "a");
	put_custom(nlh, LYNCEDGE_ROLE_EXTERNAL, LYNCEDGE_DIR_IN, IPPROTO_TCP, 5070, 5070, "a");
	mnl_attr_nest_end(nlh, nest);
	EXPECT_REJECTED(self, nlh, EEXIST);
	EXPECT_EQ(28 + 4, rule_rows(_metadata, self));
}

TEST_F(nl, config_stale_generation)
{
	struct nlmsghdr *nlh;
	uint32_t gen;

	nlh = nl_start(self->buf, self->family, LYNCEDGE_CMD_GET_CONFIG, NLM_F_DUMP);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	gen = self->r.generation;

	nlh = SET_CONFIG(self);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_ENFORCE);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_GENERATION, gen);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);

	nlh = SET_CONFIG(self);
	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_AUDIT);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_GENERATION, gen);
	EXPECT_CONFIG_REJECTED(self, nlh, EAGAIN);
}

TEST_F(nl, event_rate_without_burst)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_RATE, 100);
	EXPECT_CONFIG_REJECTED(self, nlh, EINVAL);
}

TEST_F(nl, event_rate_too_high)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_RATE, LYNCEDGE_EVENT_RATE_MAX + 1);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_BURST, 10);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, event_burst_zero)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_RATE, 10);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_BURST, 0);
	EXPECT_CONFIG_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, event_rate_round_trip)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);
	char config[192];

	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_RATE, 0);
	mnl_attr_put_u32(nlh, LYNCEDGE_A_EVENT_BURST, LYNCEDGE_EVENT_BURST_MAX);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	ASSERT_EQ(0, self->r.error);
	config_of(_metadata, self, config, sizeof(config));
	EXPECT_NE(NULL, strstr(config, "events 0/10000"));
}

#define RESET_COUNTERS(self, flags) \
	nl_start((self)->buf, (self)->family, LYNCEDGE_CMD_RESET_COUNTERS, (flags))

TEST_F(nl, reset_counters_without_id)
{
	EXPECT_REJECTED(self, RESET_COUNTERS(self, NLM_F_ACK), EINVAL);
}

TEST_F(nl, reset_counters_unknown_id)
{
	struct nlmsghdr *nlh = RESET_COUNTERS(self, NLM_F_ACK);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_ID, 999);
	EXPECT_REJECTED(self, nlh, ENOENT);
}

TEST_F(nl, reset_counters_id_zero)
{
	struct nlmsghdr *nlh = RESET_COUNTERS(self, NLM_F_ACK);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_ID, 0);
	EXPECT_REJECTED(self, nlh, ERANGE);
}

TEST_F(nl, reset_counters_of_a_rule)
{
	struct nlmsghdr *nlh = RESET_COUNTERS(self, NLM_F_ACK);

	mnl_attr_put_u32(nlh, LYNCEDGE_A_RULE_ID, 5);
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(0, self->r.error);
}

/* Every rule and the four drop counters, each a message of the dump. */
TEST_F(nl, reset_counters_dump)
{
	ASSERT_EQ(0, nl_talk(self->nl, RESET_COUNTERS(self, NLM_F_DUMP), &self->r));
	EXPECT_EQ(0, self->r.error);
	EXPECT_EQ(28 + 4, self->r.messages);
}

TEST_F(nl, reset_counters_unprivileged)
{
	ASSERT_EQ(0, setgid(65534));
	ASSERT_EQ(0, setuid(65534));
	ASSERT_EQ(0, nl_talk(self->nl, RESET_COUNTERS(self, NLM_F_DUMP), &self->r));
	EXPECT_EQ(-EPERM, self->r.error);
}

TEST_F(nl, config_unprivileged)
{
	struct nlmsghdr *nlh = SET_CONFIG(self);

	mnl_attr_put_u8(nlh, LYNCEDGE_A_MODE_EXTERNAL, LYNCEDGE_MODE_AUDIT);
	ASSERT_EQ(0, setgid(65534));
	ASSERT_EQ(0, setuid(65534));
	ASSERT_EQ(0, nl_talk(self->nl, nlh, &self->r));
	EXPECT_EQ(-EPERM, self->r.error);
}

TEST_HARNESS_MAIN
