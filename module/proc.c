// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/net/lyncedge/rules: every rule with its counters, then the drop
 * counters, one whitespace-separated line each, for people and for awk.
 * Rule names carry no control characters (the module refuses them), so a
 * rule is always one line.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "counters.h"
#include "editions.h"
#include "names.h"
#include "netns.h"
#include "policy.h"
#include "proc.h"

#define LYNCEDGE_PROC_ROW "%-4s %-8s %-3s %-5s %-11s %-7s %-7s %12llu %14llu %s\n"

static void lyncedge_proc_rule(struct seq_file *seq, u32 id, u8 role, u8 dir, u8 proto,
			       u16 min, u16 max, const char *feature, bool enabled,
			       const struct lyncedge_totals *t, const char *name)
{
	char ids[12], ports[12];

	snprintf(ids, sizeof(ids), "%u", id);
	if (min == max)
		snprintf(ports, sizeof(ports), "%u", min);
	else
		snprintf(ports, sizeof(ports), "%u-%u", min, max);
	seq_printf(seq, LYNCEDGE_PROC_ROW, ids, lyncedge_role_name(role), lyncedge_dir_name(dir),
		   lyncedge_proto_name(proto), ports, feature, enabled ? "yes" : "no", t->packets,
		   t->bytes, name);
}

static int lyncedge_proc_rules_show(struct seq_file *seq, void *v)
{
	const struct lyncedge_net *ln = lyncedge_pernet(seq_file_single_net(seq));
	const struct lyncedge_config *config;
	unsigned int i, role, dir;
	struct lyncedge_totals t;
	u16 min, max;

	seq_printf(seq, "%-4s %-8s %-3s %-5s %-11s %-7s %-7s %12s %14s %s\n", "id", "role",
		   "dir", "proto", "ports", "feature", "enabled", "packets", "bytes", "name");
	rcu_read_lock();
	config = rcu_dereference(ln->snap)->config;
	for (i = 0; i < lyncedge_nrules; i++) {
		const struct lyncedge_rule *rule = &lyncedge_rules[i];
		u8 feature = lyncedge_rule_feature(rule, config->s.edition);

		lyncedge_rule_ports(rule, &config->s, &min, &max);
		lyncedge_read(ln, lyncedge_rule_slot(rule->id), &t);
		/* "none": the edition has no row for it. */
		lyncedge_proc_rule(seq, rule->id, rule->role, rule->dir, rule->proto, min, max,
				   feature == LYNCEDGE_FEATURE_ABSENT ? "none" :
				   lyncedge_feature_name(feature),
				   lyncedge_rule_enabled(rule, &config->s), &t,
				   lyncedge_rule_name(rule, config->s.edition));
	}
	for (i = 0; i < config->ncustom; i++) {
		const struct lyncedge_custom *c = &config->custom[i];

		lyncedge_ccounter_read(c->counter, &t);
		lyncedge_proc_rule(seq, c->id, c->role, c->dir, c->proto, c->min, c->max,
				   "custom", true, &t, c->name);
	}
	rcu_read_unlock();
	for (role = LYNCEDGE_ROLE_EXTERNAL; role <= LYNCEDGE_ROLE_MAX; role++) {
		for (dir = 0; dir < LYNCEDGE_NDIRS; dir++) {
			lyncedge_read(ln, lyncedge_drop_slot(role, dir), &t);
			seq_printf(seq, LYNCEDGE_PROC_ROW, "drop", lyncedge_role_name(role),
				   lyncedge_dir_name(dir), "any", "-", "-", "-", t.packets, t.bytes,
				   "dropped: no rule allows");
		}
	}
	return 0;
}

static int __net_init lyncedge_proc_net_init(struct net *net)
{
	struct proc_dir_entry *dir;

	dir = proc_net_mkdir(net, "lyncedge", net->proc_net);
	if (!dir)
		return -ENOMEM;
	if (!proc_create_net_single("rules", 0444, dir, lyncedge_proc_rules_show, NULL)) {
		remove_proc_entry("lyncedge", net->proc_net);
		return -ENOMEM;
	}
	return 0;
}

static void __net_exit lyncedge_proc_net_exit(struct net *net)
{
	remove_proc_subtree("lyncedge", net->proc_net);
}

/* Registered after the namespace state (netns.c), which its files read. */
static struct pernet_operations lyncedge_proc_ops = {
	.init = lyncedge_proc_net_init,
	.exit = lyncedge_proc_net_exit,
};

int lyncedge_proc_init(void)
{
	return register_pernet_subsys(&lyncedge_proc_ops);
}

void lyncedge_proc_exit(void)
{
	unregister_pernet_subsys(&lyncedge_proc_ops);
}
