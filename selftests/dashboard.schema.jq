# The shape of dist/lyncedge-dashboard.json that Grafana's dashboard model
# (schemaVersion 39) needs and that the README promises: `jq -e -f` is true
# when every panel has a unique id, a known type, a place on the 24-column
# grid that no other panel covers, and queries on the chosen data source
# and edges.
def int: type == "number" and . == floor and . >= 0;
def text: type == "string" and length > 0;
def overlap($a; $b):
	$a.x < $b.x + $b.w and $b.x < $a.x + $a.w and $a.y < $b.y + $b.h and $b.y < $a.y + $a.h;
def target:
	(.refId | text) and (.expr | text) and (.expr | contains("instance=~\"$instance\"")) and
	(.legendFormat | text) and .datasource.uid == "${datasource}";
def panel:
	(.id | int) and (.title | text) and (.description | text) and
	(.type == "timeseries" or .type == "stat") and
	(.gridPos | (.x, .y, .w, .h | int) and .w > 0 and .h > 0 and .x + .w <= 24) and
	.datasource.uid == "${datasource}" and
	(.targets | type == "array" and length > 0 and all(.[]; target) and
	 ([.[].refId] | length == (unique | length)));

(.title | text) and (.uid | text) and .schemaVersion == 39 and
(.templating.list | map(.name) | index("datasource") != null and index("instance") != null) and
(.panels | type == "array" and length > 0 and all(.[]; panel) and
 ([.[].id] | length == (unique | length)) and
 ([.[].gridPos] as $g | all(range(0; $g | length) as $i | range($i + 1; $g | length) | [$i, .];
				overlap($g[.[0]]; $g[.[1]]) | not)))
