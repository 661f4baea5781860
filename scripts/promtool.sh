#!/bin/bash
# Prometheus's own checker of the text format, `promtool check metrics`,
# from Debian's prometheus package: unpacked (not installed, so no server is
# set up) into a cache outside the checkout, once per package version.
# Prints the path of promtool; the server binary, which the dashboard's
# image queries (scripts/dashboard-image.sh), is beside it.
set -euo pipefail
ver=$(apt-cache policy prometheus | awk '/Candidate:/ { print $2 }')
[ -n "$ver" ] && [ "$ver" != "(none)" ] || { echo "promtool.sh: no prometheus package" >&2; exit 1; }
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lyncedge/prometheus-$ver
if [ ! -x "$cache/usr/bin/promtool" ] || [ ! -x "$cache/usr/bin/prometheus" ]; then
	tmp=$(mktemp -d)
	chmod 755 "$tmp"
	trap 'rm -rf "$tmp"' EXIT
	for try in 1 2 3; do
		(cd "$tmp" && apt-get download -q "prometheus=$ver" >/dev/null) && break
		[ $try -lt 3 ] || exit 1
		sleep $((try * 10))
	done
	mkdir -p "$cache"
	dpkg-deb -x "$tmp"/prometheus_*.deb "$tmp/x"
	mkdir -p "$cache/usr/bin"
	for bin in prometheus promtool; do
		cp "$tmp/x/usr/bin/$bin" "$cache/usr/bin/$bin.tmp"
		mv "$cache/usr/bin/$bin.tmp" "$cache/usr/bin/$bin"
	done
fi
echo "$cache/usr/bin/promtool"
