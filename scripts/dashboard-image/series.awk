# The made-up day the dashboard's image shows, as OpenMetrics text for
# `promtool tsdb create-blocks-from openmetrics`: two edges (edge2 at 60 %
# of edge1's traffic) scraped every 30 s from 08:00 to 14:00 UTC of
# 2026-12-01. New flows rise through the morning; a port scan hits edge1 at
# 10:30 for 20 minutes (drops, and drop events held back by the rate
# limit); a source NAT toward edge2's A/V Edge from 12:10 to 12:40 shows in
# av_snat, and the change that caused it was reverted at 12:45; a change on
# edge1 awaits its confirmation at the end. The metric names and labels are
# those `lyncedgectl show --prometheus` prints (selftests/dashboard.sh
# checks the dashboard against them); the rule names are the module's.
# usage: awk -f series.awk </dev/null
function shape(t) { # the morning's rise, 0.3 at 08:00 to 1 at 14:00
	return 0.3 + 0.7 * sin(3.14159265 / 2 * (t - T0) / (T1 - T0))
}
function window(t, from, to) { # 1 between the two times (hours after T0)
	return t >= T0 + from * 3600 && t < T0 + to * 3600
}
# family NAME TYPE: the family's header, once.
function family(name, type) {
	if (!(name in seen))
		printf "# TYPE %s %s\n", name, type
	seen[name] = 1
}
# counter NAME LABELS KEY SIZE: one counter series over the day, of the
# rate rate_of(KEY) gives, each packet SIZE (1: a count of packets).
function counter(name, labels, key, size,   t, sum) {
	family(name, "counter")
	sum = 0
	for (t = T0; t <= T1; t += STEP) {
		sum += rate_of(key, t) * STEP
		printf "%s_total{%s} %d %d\n", name, labels, int(sum) * size, t
	}
}
function gauge(name, labels, key,   t) {
	family(name, "gauge")
	for (t = T0; t <= T1; t += STEP)
		printf "%s{%s} %d %d\n", name, labels, gauge_of(key, t), t
}
function rate_of(key, t,   k, f, drops) {
	split(key, k, " ")
	f = k[1] == "edge1" ? 1 : 0.6
	if (k[2] == "rule")
		return f * RATE[k[3]] * shape(t)
	if (k[2] == "drop") {
		drops = f * DROP[k[3] " " k[4]]
		if (k[1] == "edge1" && k[3] == "external" && k[4] == "in")
			drops += 40 * window(t, 2.5, 2.834)
		return drops
	}
	if (k[2] == "av_snat")
		return k[1] == "edge2" ? 0.5 * window(t, 4.167, 4.667) : 0
	if (k[2] == "diag")
		return 0
	drops = rate_of(k[1] " drop external in", t) + rate_of(k[1] " drop external out", t)
	drops += rate_of(k[1] " drop internal in", t)
	if (k[2] == "sent")
		return drops < 10 ? drops : 10
	return drops < 10 ? 0 : drops - 10
}
function gauge_of(key, t,   k) {
	split(key, k, " ")
	if (k[2] == "rollbacks")
		return k[1] == "edge2" && t >= T0 + 4.75 * 3600
	if (k[2] == "confirm")
		return k[1] == "edge1" && t > T1 - 120 ? 300 - (t - (T1 - 120)) : 0
	return 1
}
BEGIN {
	T0 = 1796112000
	T1 = T0 + 6 * 3600
	STEP = 30
	split("4 5 6 7 8 12 13 17", ids, " ")
	RATE[4] = 0.6; SIZE[4] = 70
	NAME[4] = "Access/DNS/UDP/53 DNS query over UDP [ext#4]"
	RATE[5] = 0.8; SIZE[5] = 60
	NAME[5] = "Access/SIP(TLS)/TCP/443 [ext#5 pim#3] (#8, #15 until services tell)"
	RATE[6] = 0.25; SIZE[6] = 60
	NAME[6] = "Access/SIP(MTLS)/TCP/5061 federation and public IM [ext#6 pim#1]"
	RATE[7] = 0.2; SIZE[7] = 60
	NAME[7] = "Access/SIP(MTLS)/TCP/5061 federation and public IM [ext#7 fed#1 pim#2]"
	RATE[8] = 0.3; SIZE[8] = 60
	NAME[8] = "A/V/RTP/TCP/50,000-59,999 federation, Live Messenger [ext#9 pim#4]"
	RATE[12] = 0.5; SIZE[12] = 108
	NAME[12] = "A/V/STUN,MSTURN/UDP/3478 Edge version, Edge-to-Edge [ext#13 pim#5]"
	RATE[13] = 1.2; SIZE[13] = 108
	NAME[13] = "A/V/STUN,MSTURN/UDP/3478 STUN/TURN candidates [ext#14 pim#6]"
	RATE[17] = 0.35; SIZE[17] = 60
	NAME[17] = "SIP/MTLS/TCP/5061 from Director or Front End [int#2]"
	DROP["external in"] = 2
	DROP["external out"] = 0.05
	DROP["internal in"] = 0.02
	split("edge1 edge2", edges, " ")
	for (m = 1; m <= 2; m++) {
		metric = m == 1 ? "lyncedge_rule_packets" : "lyncedge_rule_bytes"
		for (e = 1; e <= 2; e++)
			for (i = 1; i <= 8; i++) {
				id = ids[i]
				counter(metric, sprintf("job=\"node\",instance=\"%s\",rule=\"%d\",name=\"%s\"",
					edges[e], id, NAME[id]), edges[e] " rule " id, m == 1 ? 1 : SIZE[id])
			}
	}
	split("external in,external out,internal in", drops, ",")
	for (e = 1; e <= 2; e++)
		for (i = 1; i <= 3; i++) {
			split(drops[i], rd, " ")
			counter("lyncedge_drop_packets", sprintf("job=\"node\",instance=\"%s\",role=\"%s\",dir=\"%s\"",
				edges[e], rd[1], rd[2]), edges[e] " drop " drops[i], 1)
		}
	# A family's series stand together, as OpenMetrics wants.
	split("diag_av_snat_packets av_snat,diag_asymmetric_packets diag,diag_outside_packets diag," \
		"events_sent sent,events_suppressed suppressed", plain, ",")
	for (i = 1; i <= 5; i++) {
		split(plain[i], mk, " ")
		for (e = 1; e <= 2; e++)
			counter("lyncedge_" mk[1], sprintf("job=\"node\",instance=\"%s\"", edges[e]),
				edges[e] " " mk[2], 1)
	}
	for (e = 1; e <= 2; e++) {
		l = sprintf("job=\"node\",instance=\"%s\"", edges[e])
		family("lyncedge_rollbacks", "counter")
		for (t = T0; t <= T1; t += STEP)
			printf "lyncedge_rollbacks_total{%s} %d %d\n", l, gauge_of(edges[e] " rollbacks", t), t
	}
	for (e = 1; e <= 2; e++)
		gauge("lyncedge_confirm_seconds_left", sprintf("job=\"node\",instance=\"%s\"", edges[e]),
			edges[e] " confirm")
	for (e = 1; e <= 2; e++)
		for (i = 0; i <= 1; i++)
			gauge("lyncedge_interface_role", sprintf("job=\"node\",instance=\"%s\",interface=\"e%d\",role=\"%s\",bound=\"yes\"",
				edges[e], i, i ? "internal" : "external"), "one")
	for (e = 1; e <= 2; e++)
		gauge("lyncedge_edition", sprintf("job=\"node\",instance=\"%s\",edition=\"sfb2019\"", edges[e]), "one")
	print "# EOF"
}
