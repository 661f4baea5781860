#!/bin/bash
# keepalived and conntrackd for the gateway pair's VM test (selftests/ha.sh),
# from the machine's own suite: the packages apt would install for them,
# unpacked (not installed: no daemon starts on the build host) into a cache
# outside the checkout, keyed by the package versions, so a security update
# replaces it. Prints the cache directory; its bin/ holds keepalived and
# conntrackd, its lib/ the libraries they need that the host lacks.
set -euo pipefail
# The two themselves at their candidate versions, installed here or not,
# and what apt would install with them (a library the host has already is
# taken from the host).
pkgs=$({
	for p in keepalived conntrackd; do
		echo "$p=$(apt-cache policy "$p" | awk '$1 == "Candidate:" { print $2 }')"
	done
	apt-get install -s --no-install-recommends keepalived conntrackd |
		awk '/^Inst/ { print $2 "=" substr($3, 2) }'
} | sort -u)
key=$(echo "$pkgs" | sha256sum | cut -c1-16)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lyncedge/ha-tools-$key
if [ ! -x "$cache/bin/conntrackd" ]; then
	tmp=$(mktemp -d)
	chmod 755 "$tmp"
	trap 'rm -rf "$tmp"' EXIT
	for try in 1 2 3; do
		# shellcheck disable=SC2086 # one word per package
		(cd "$tmp" && apt-get download -q $pkgs >/dev/null) && break
		[ $try -lt 3 ] || exit 1
		sleep $((try * 10))
	done
	for deb in "$tmp"/*.deb; do
		dpkg-deb -x "$deb" "$tmp/x"
	done
	mkdir -p "$tmp/out/bin" "$tmp/out/lib"
	cp "$tmp/x/usr/sbin/keepalived" "$tmp/x/usr/sbin/conntrackd" "$tmp/out/bin/"
	# Both library directories: not every package has moved to /usr/lib yet.
	for d in "$tmp/x/lib/x86_64-linux-gnu" "$tmp/x/usr/lib/x86_64-linux-gnu"; do
		[ -d "$d" ] && find "$d" -maxdepth 1 -name 'lib*.so.*' -exec cp -P {} "$tmp/out/lib/" \;
	done
	echo "$pkgs" >"$tmp/out/packages"
	mkdir -p "$(dirname "$cache")"
	rm -rf "$cache"
	mv "$tmp/out" "$cache"
fi
echo "$cache"
