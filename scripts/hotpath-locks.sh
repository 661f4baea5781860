#!/bin/bash
# The files of the per-packet path take no lock: a flood on every CPU must
# never queue them on one (drop events included; rcu_read_lock() is no
# lock). Prints every line that takes one; exits 1 if any does.
# usage: hotpath-locks.sh
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
files="module/judge.c module/match.c module/hooks.c module/gateway.c module/events.c
	module/counters.h module/compile.h module/lyncedge.h"
! grep -nE '(^|[^a-z_])((raw_)?spin|read|write|mutex)_(try)?lock|(^|[^a-z_])down(_read|_write)?\(|local_bh_disable|seqcount_|seqlock' \
	$files
