#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# On the build host: the man page is clean for mandoc and documents every
# subcommand the tool knows; the bash completion offers every subcommand and
# the right words after each.
cd "$(dirname "$0")" || exit 1
. ./lib.sh
TOOL=../userspace/lyncedgectl
MAN=../userspace/lyncedgectl.8
COMPLETION=../userspace/completion/lyncedgectl

commands=$($TOOL help | awk '{ print $(NF > 1 && $1 == "usage:" ? 3 : 2) }')
check "docs: the tool lists its subcommands" [ "$(echo "$commands" | wc -l)" -ge 17 ]

mandoc -T lint -W warning $MAN >/tmp/docs.lint 2>&1
status=$?
sed 's/^/# mandoc: /' /tmp/docs.lint
ktap $(( status || $(wc -l </tmp/docs.lint) )) "man: mandoc -T lint finds nothing"
# The line after each .TP is an entry's head: "enable | disable ...".
heads=$(awk '/^\.TP/ { getline; print }' $MAN | tr -d '"' | sed 's/\\f[BIR]//g')
missing=
for c in $commands; do
	echo "$heads" | grep -Eq "(^\.[BIR]+ |[ |])$c( |\||$)" || missing="$missing $c"
done
ktap $([ -z "$missing" ]; echo $?) "man: every subcommand has its entry${missing:+ (missing:$missing)}"
for section in COMMANDS "CONFIGURATION FILE" "JSON OUTPUT" "PROMETHEUS OUTPUT" "EXIT STATUS"; do
	check "man: section $section" grep -q "^\.SH \"\?$section\"\?$" $MAN
done
missing=
for c in $commands; do
	grep -Eq "^lyncedgectl $c( |$)" $MAN || missing="$missing $c"
done
ktap $([ -z "$missing" ]; echo $?) "man: an example of every subcommand${missing:+ (missing:$missing)}"

. $COMPLETION
# complete WORD...: what the completion offers after the words, the last one
# being the one under the cursor.
complete_words() {
	COMP_WORDS=(lyncedgectl "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_lyncedgectl
	[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
offered=$(complete_words "")
missing=
for c in $commands; do
	case " $offered " in *" $c "*) ;; *) missing="$missing $c" ;; esac
done
ktap $([ -z "$missing" ]; echo $?) "completion: every subcommand${missing:+ (missing:$missing)}"
check "completion: set-r" [ "$(complete_words set-r)" = "set-role " ]
check "completion: roles" [ "$(complete_words set-role eth0 "")" = "external internal none " ]
ifaces=$(ls /sys/class/net | grep -vx lo | sort | tr '\n' ' ')
check "completion: interface names, not lo" [ "$(complete_words set-role "")" = "$ifaces" ]
check "completion: features" [ "$(complete_words enable "")" = "ocs2007 xmpp " ]
check "completion: modes" [ "$(complete_words set-mode internal "")" = "audit enforce " ]
check "completion: services" [ "$(complete_words set-service "")" = "access av webconf " ]
check "completion: groups" [ "$(complete_words add-peer d)" = "director " ]
check "completion: show's forms" [ "$(complete_words show --)" = "--json --prometheus " ]
check "completion: nothing after a complete command" [ -z "$(complete_words showconf "")" ]
check "completion: setconf offers --confirm" \
	sh -c "echo '$(complete_words setconf --c)' | grep -qx -- '--confirm '"
check "completion: nothing to say after --confirm, the seconds" [ -z "$(complete_words setconf --confirm "")" ]

ktap_finish
