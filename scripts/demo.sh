#!/bin/bash
# `make demo`: install what is needed, build, and show lyncedge at work in a
# VM booting the newest installed Debian kernel.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
scripts/install-deps.sh
kver=$(scripts/kernels.sh --installed | tail -n 1)
make -s userspace testprogs
scripts/build-module.sh "$kver"
echo "lyncedge demo on Debian kernel $kver (qemu, TCG)"
scripts/vm-run.sh "$kver" demo "build/$kver/demo.log"
