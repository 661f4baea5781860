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

# The README says what the man page says: every statement of a configuration
# file is in its command list and its list of statements, every record kind
# of `show dump` in its description of the records.
README=../README.md
# man_list START END: the bold words of the man page from the line with START
# to the line with END.
man_list() {
	awk -v start="$1" -v end="$2" 'index($0, start) { on = 1 } on { print } on && index($0, end) { exit }' $MAN |
		grep '^\.BR\? ' | tr -d '"' | tr ' ,' '\n\n' | grep -Ex '[a-z][a-z-]*' | grep -vx 'and'
}
statements=$(man_list "in the words of the commands" "del-peer .")
check "docs: the man page lists 10 or more statements" [ "$(echo "$statements" | wc -l)" -ge 10 ]
paragraph=$(awk '/The statements are/ { on = 1 } on { print } on && /on the command line/ { exit }' $README)
# the first block of the section "lyncedgectl": one usage line per command
usage=$(awk '/^## lyncedgectl$/ { on = 1 } on && /^```$/ { if (block) exit; block = 1; next }
	block && /^lyncedgectl / { print $2 }' $README)
missing=
for w in $statements; do
	echo "$paragraph" | grep -q "\`$w\`" || missing="$missing $w"
done
ktap $([ -z "$missing" ]; echo $?) "docs: README's statements are the man page's${missing:+ (missing:$missing)}"
missing=
for w in $statements; do
	echo "$usage" | grep -qx -- "$w" || missing="$missing $w"
done
ktap $([ -z "$missing" ]; echo $?) "docs: README's command list has every statement${missing:+ (missing:$missing)}"
kinds=$(man_list "its kind first:" "drop .")
check "docs: the man page lists 10 or more show dump records" [ "$(echo "$kinds" | wc -l)" -ge 10 ]
records=$(awk '/`show dump` prints one tab-separated record/ { on = 1 } on { print } on && /see below/ { exit }' $README)
missing=
for k in $kinds; do
	echo "$records" | grep -Eq "\`$k( |\`)" || missing="$missing $k"
done
ktap $([ -z "$missing" ]; echo $?) "docs: README's show dump records are the man page's${missing:+ (missing:$missing)}"

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
check "completion: nothing to offer for the prefixes of set-internal-networks" \
	[ -z "$(complete_words set-internal-networks "")" ]
check "completion: show's forms" [ "$(complete_words show --)" = "--json --prometheus " ]
check "completion: nothing after a complete command" [ -z "$(complete_words showconf "")" ]
check "completion: setconf offers --confirm" \
	sh -c "echo '$(complete_words setconf --c)' | grep -qx -- '--confirm '"
check "completion: nothing to say after --confirm, the seconds" [ -z "$(complete_words setconf --confirm "")" ]

ktap_finish
