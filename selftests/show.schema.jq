# The schema of `lyncedgectl show --json`, as lyncedgectl.8 documents it:
# `jq -e -f show.schema.jq` is true for a document that has every key, no
# other key, and the documented type (and set of words) for each value.
def has_keys($k): type == "object" and (keys | sort) == ($k | sort);
def count: type == "number" and . == floor and . >= 0;
def word($words): . as $v | type == "string" and any($words[]; . == $v);
def list(f): type == "array" and all(.[]; f);
def role: word(["external", "internal"]);
def dir: word(["in", "out"]);
def mode: word(["enforce", "audit"]);
def deployment: word(["host", "gateway"]);
def edition: word(["lync2013", "sfb2015", "sfb2019", "sfbse"]);
def group: word(["frontend", "director", "branch"]);
def addr: type == "string" and test("^[0-9a-f.:]+$");
def prefix: type == "string" and test("^[0-9a-f.:]+/[0-9]+$");

def role_entry:
	has_keys(["name", "role", "ifindex"]) and (.name | type == "string") and
	(.role | role) and (.ifindex == null or (.ifindex | count));

def config:
	has_keys(["generation", "features", "media_range", "modes", "deployment", "edition",
		  "services", "internal_networks", "peers", "events"]) and
	(.generation | count) and
	(.features | has_keys(["core", "xmpp", "ocs2007"]) and all(.[]; type == "boolean")) and
	(.media_range | has_keys(["min", "max"]) and (.min | count) and (.max | count)) and
	(.modes | has_keys(["external", "internal"]) and all(.[]; mode)) and
	(.deployment | deployment) and
	(.edition | edition) and
	(.services | has_keys(["access", "webconf", "av"]) and all(.[]; list(addr))) and
	(.internal_networks | list(prefix)) and (.internal_networks | length > 0) and
	(.peers | list(has_keys(["group", "prefix"]) and (.group | group) and
		       (.prefix | prefix))) and
	(.events | has_keys(["rate", "burst"]) and (.rate | count) and (.burst | count));

def rule:
	has_keys(["id", "role", "dir", "proto", "port_min", "port_max", "feature", "custom",
		  "enabled", "media", "service", "groups", "name", "packets", "bytes"]) and
	(.id | count) and (.role | role) and (.dir | dir) and (.proto | word(["tcp", "udp"])) and
	(.port_min | count) and (.port_max | count) and
	(.feature | word(["core", "xmpp", "ocs2007", "custom", "none"])) and
	(.custom | type == "boolean") and (.enabled | type == "boolean") and
	(.media | type == "boolean") and
	(.service | word(["none", "access", "webconf", "av"])) and (.groups | list(group)) and
	(.name | type == "string") and (.packets | count) and (.bytes | count);

def drop:
	has_keys(["role", "dir", "packets", "bytes"]) and (.role | role) and (.dir | dir) and
	(.packets | count) and (.bytes | count);

has_keys(["version", "roles", "config", "rules", "drops", "events", "diagnostics",
	  "confirm"]) and
.version == 5 and
(.roles | list(role_entry)) and
(.config | config) and
(.rules | list(rule)) and
(.drops | list(drop) and length == 4) and
(.events | has_keys(["sent", "suppressed"]) and (.sent | count) and (.suppressed | count)) and
(.diagnostics | has_keys(["av_snat", "asymmetric", "outside"]) and all(.[]; count)) and
(.confirm | has_keys(["pending", "ms_left", "reverted"]) and (.pending | type == "boolean") and
	    (.ms_left | count) and (.reverted | count))
