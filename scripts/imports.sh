#!/bin/bash
# No import circles between the module's files: for the objects of a built
# module (build/KVER/src/module), the graph "A uses a symbol B defines" has
# no cycle. Prints the edges (kept in that directory as imports.edges), and
# any cycle; exits 1 on one.
# usage: imports.sh KVER
set -euo pipefail
dir=$(cd "$(dirname "$0")/.." && pwd)/build/$1/src/module
cd "$dir"
# The units: not the linked modules, their .mod.o, or the KUnit unit.
objs=
for o in *.o; do
	case $o in
	lyncedge.o | lyncedge_kunit.o | kunit.o | *.mod.o) ;;
	*) objs="$objs ${o%.o}" ;;
	esac
done
for o in $objs; do
	nm "$o.o" | awk -v o="$o" '$2 ~ /^[TDRB]$/ { print "def", $3, o } $1 == "U" { print "use", $2, o }'
done | awk '
$1 == "def" { def[$2] = $3 }
$1 == "use" { use[++n] = $2 " " $3 }
END {
	for (i = 1; i <= n; i++) {
		split(use[i], u, " ")
		if ((u[1] in def) && def[u[1]] != u[2]) edge[u[2] " " def[u[1]]] = 1
	}
	for (e in edge) print e
}' | sort -u >imports.edges
sed 's/ / -> /' imports.edges
# Peel off files that use no other remaining file; what cannot be peeled is a cycle.
left=$(printf '%s\n' $objs)
while :; do
	peel=$(for f in $left; do
		awk -v f="$f" '$1 == f { print $2 }' imports.edges | grep -qxF -f <(echo "$left") || echo "$f"
	done)
	[ -n "$peel" ] || break
	left=$(echo "$left" | grep -vxF -f <(echo "$peel") || true)
	[ -n "$left" ] || break
done
if [ -n "$left" ]; then
	echo "imports: files in a circle, or using one:" $left
	exit 1
fi
