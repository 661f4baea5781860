#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Runs the netlink API tests (netlink.c, kselftest harness) in a namespace
# of their own, with an interface t0 to name.
. ./lib.sh

load_module
NS=nl-$$
$IP netns add $NS
trap '$IP netns del $NS' EXIT
$IP -n $NS link add t0 type veth peer name t1
in_ns $NS ./lyncedge_nltest
