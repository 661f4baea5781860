# SPDX-License-Identifier: GPL-2.0
#
#   make           module/lyncedge.ko (for the running kernel, or KVER=...)
#                  and userspace/lyncedgectl
#   make demo      boot a VM, show lyncedge at work (installs dependencies)
#   make check     every test, on every installed Debian kernel, in VMs
#                  (installs dependencies); ends with "N passed, N failed"
#   make install   lyncedgectl, its man page and bash completion (PREFIX, DESTDIR)
#   make fuzz      every libFuzzer target for FUZZ_SECONDS (600) each
#   make bench     lyncedge against nftables and iptables, per packet, in a VM
#                  under instruction counting; writes docs/performance/

KVER ?= $(shell uname -r)
# Hosts without headers for the running kernel (like a CI machine that cannot
# load modules at all) build for the newest installed Debian kernel instead.
ifeq ($(wildcard /lib/modules/$(KVER)/build),)
KVER := $(lastword $(shell scripts/kernels.sh 2>/dev/null))
endif
KDIR ?= /lib/modules/$(KVER)/build
PREFIX ?= /usr/local

all: module userspace

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

userspace:
	$(MAKE) -C userspace

# The programs the VM tests run besides the module and the tool.
testprogs: build/lyncedge_probe build/lyncedge_nltest build/lyncedge_nlfuzz \
	build/lyncedgectl-san

build/lyncedge_probe: selftests/lyncedge_probe.c
	@mkdir -p build
	$(CC) -static -O2 -Wall -Wextra -Werror -o $@ $<

# The tool again, under AddressSanitizer (with LeakSanitizer) and UBSan.
build/lyncedgectl-san: userspace/*.c userspace/*.h include/uapi/linux/lyncedge.h
	@mkdir -p build
	$(CC) -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer -Wall -Wextra -Werror -std=gnu11 -Iinclude \
		-o $@ userspace/*.c $(shell pkg-config --cflags --libs libmnl)

build/lyncedge_nlfuzz: selftests/nlfuzz.c include/uapi/linux/lyncedge.h
	@mkdir -p build
	$(CC) -static -O2 -Wall -Wextra -Werror -Iinclude -o $@ $<

# The kselftest harness comes from Debian's linux-source-6.1; it has an
# unused parameter of its own.
build/lyncedge_nltest: selftests/netlink.c include/uapi/linux/lyncedge.h
	@mkdir -p build
	$(CC) -O2 -Wall -Wextra -Werror -Wno-unused-parameter -Iinclude \
		-I$(shell scripts/linux-source.sh)/tools/testing/selftests \
		-o $@ $< $(shell pkg-config --cflags --libs libmnl)

install: userspace
	install -D -m 755 userspace/lyncedgectl $(DESTDIR)$(PREFIX)/sbin/lyncedgectl
	install -D -m 644 userspace/lyncedgectl.8 $(DESTDIR)$(PREFIX)/share/man/man8/lyncedgectl.8
	install -D -m 644 userspace/completion/lyncedgectl \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/lyncedgectl

# libFuzzer targets: the tool itself, its main() renamed, against the fake
# kernel of userspace/fuzz/fake_kernel.c; ASan, UBSan and LSan on.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := conf args replies roundtrip

build/fuzz/fuzz_%: userspace/fuzz/fuzz_%.c userspace/fuzz/fake_kernel.c \
		userspace/fuzz/fake_kernel.h userspace/*.c userspace/*.h include/uapi/linux/lyncedge.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-Wall -Wextra -Werror -std=gnu11 -Iinclude -Dmain=lyncedgectl_main -o $@ \
		$< userspace/fuzz/fake_kernel.c userspace/*.c $(shell pkg-config --cflags --libs libmnl)

# The program that wrote userspace/fuzz/corpus/replies: make fuzz-seeds.
build/fuzz/mkseeds: userspace/fuzz/mkseeds.c include/uapi/linux/lyncedge.h
	@mkdir -p build/fuzz
	$(CC) -O2 -Wall -Wextra -Werror -Iinclude -o $@ $< $(shell pkg-config --cflags --libs libmnl)

fuzzers: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

fuzz-seeds: build/fuzz/mkseeds
	build/fuzz/mkseeds userspace/fuzz/corpus/replies

fuzz: fuzzers
	scripts/fuzz.sh $(FUZZ_SECONDS)

demo:
	scripts/demo.sh

check:
	scripts/check.sh

bench:
	scripts/bench.sh

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C userspace clean
	rm -rf build

.PHONY: all module userspace testprogs install fuzzers fuzz-seeds fuzz demo check bench clean
