# SPDX-License-Identifier: GPL-2.0
#
#   make           module/lyncedge.ko (for the running kernel, or KVER=...)
#                  and userspace/lyncedgectl
#   make demo      boot a VM, show lyncedge at work (installs dependencies)
#   make check     every test, on every installed Debian kernel, in VMs
#                  (installs dependencies); ends with "N passed, N failed"
#   make install   make install-tool and make install-module (PREFIX, DESTDIR)
#   make install-tool    lyncedgectl, its man page and bash completion under
#                  PREFIX (/usr/local), lyncedge.service in UNITDIR
#                  (/lib/systemd/system), its script in PREFIX/libexec/lyncedge,
#                  /etc/lyncedge/lyncedge.conf unless there is one already,
#                  the Prometheus alerting rules and the Grafana dashboard in
#                  PREFIX/share/doc/lyncedgectl/examples
#   make install-module  module/lyncedge.ko in /lib/modules/KVER/updates, then
#                  depmod
#   make uninstall what make install put there (uninstall-tool,
#                  uninstall-module); a changed lyncedge.conf is kept
#   make fuzz      every libFuzzer target for FUZZ_SECONDS (600) each
#   make bench     lyncedge against nftables and iptables, per packet, in a VM
#                  under instruction counting; writes docs/performance/

KVER ?= $(shell uname -r)
# Hosts without headers for the running kernel (like a CI machine that cannot
# load modules at all) build for the newest installed Debian kernel instead.
ifeq ($(wildcard /lib/modules/$(KVER)/build),)
KVER := $(lastword $(shell scripts/kernels.sh --installed 2>/dev/null))
endif
KDIR ?= /lib/modules/$(KVER)/build
PREFIX ?= /usr/local
# Not under PREFIX: the unit runs before any interface is configured, early in
# boot, so it must be in a directory systemd reads when it starts, on the root
# (or initramfs-mounted /usr) file system. /usr/local/lib/systemd/system is in
# systemd's search path too, but /usr/local may be a file system of its own,
# mounted only by local-fs.target, which this unit does not wait for. Install
# with PREFIX=/usr for the same reason: ExecStart runs PREFIX/libexec/lyncedge/.
UNITDIR ?= /lib/systemd/system
CONFDIR := /etc/lyncedge

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

# The unit and its script name each other's directories: filled in by sed.
# Phony, so that another PREFIX always writes them again.
build/dist/lyncedge.service: dist/lyncedge.service.in
build/dist/lyncedge-service: dist/lyncedge-service.in
build/dist/lyncedge.service build/dist/lyncedge-service:
	@mkdir -p build/dist
	sed -e 's|@sbindir@|$(PREFIX)/sbin|g' -e 's|@libexecdir@|$(PREFIX)/libexec|g' $< >$@

# depmod for KVER: on this system, or in DESTDIR when DESTDIR is a whole root
# with that kernel in it (an image being built). A DESTDIR that only stages
# files (a package, a tarball) gets no modules.dep: one holding just lyncedge
# would replace the kernel's, and whoever installs the files runs depmod then.
define depmod
	if [ -z "$(DESTDIR)" ]; then \
		depmod -a $(KVER); \
	elif [ -e $(DESTDIR)/lib/modules/$(KVER)/modules.builtin ]; then \
		depmod -b $(DESTDIR) $(KVER); \
	else \
		echo "no depmod: $(DESTDIR) has no kernel $(KVER) (run depmod -a $(KVER) where it is installed)"; \
	fi
endef

install: install-tool install-module

# The gateway pair's keepalived and conntrackd configuration (selftests/ha.sh).
HA_DIR = $(PREFIX)/share/doc/lyncedgectl/examples/ha
HA_EXAMPLES := lyncedge.conf keepalived.conf conntrackd.conf conntrackd-failover.sh

# Debian's lyncedgectl package is this; lyncedge-dkms builds the module. An
# administrator's lyncedge.conf is never overwritten.
install-tool: userspace build/dist/lyncedge.service build/dist/lyncedge-service
	install -D -m 755 userspace/lyncedgectl $(DESTDIR)$(PREFIX)/sbin/lyncedgectl
	install -D -m 644 userspace/lyncedgectl.8 $(DESTDIR)$(PREFIX)/share/man/man8/lyncedgectl.8
	install -D -m 644 userspace/completion/lyncedgectl \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/lyncedgectl
	install -D -m 644 build/dist/lyncedge.service $(DESTDIR)$(UNITDIR)/lyncedge.service
	install -D -m 755 build/dist/lyncedge-service $(DESTDIR)$(PREFIX)/libexec/lyncedge/lyncedge-service
	install -D -m 644 dist/lyncedge-alerts.yml \
		$(DESTDIR)$(PREFIX)/share/doc/lyncedgectl/examples/lyncedge-alerts.yml
	install -D -m 644 dist/lyncedge-dashboard.json \
		$(DESTDIR)$(PREFIX)/share/doc/lyncedgectl/examples/lyncedge-dashboard.json
	for f in $(HA_EXAMPLES); do \
		install -D -m 644 dist/ha/$$f $(DESTDIR)$(HA_DIR)/$$f || exit 1; \
	done
	chmod 755 $(DESTDIR)$(HA_DIR)/conntrackd-failover.sh
	if [ -e $(DESTDIR)$(CONFDIR)/lyncedge.conf ]; then \
		echo "$(DESTDIR)$(CONFDIR)/lyncedge.conf exists: kept as it is"; \
	else \
		install -D -m 644 dist/lyncedge.conf $(DESTDIR)$(CONFDIR)/lyncedge.conf; \
	fi

install-module: module
	install -D -m 644 module/lyncedge.ko $(DESTDIR)/lib/modules/$(KVER)/updates/lyncedge.ko
	@$(depmod)

uninstall: uninstall-tool uninstall-module

# lyncedge.conf goes only as it was installed: edited, it is kept.
uninstall-tool:
	rm -f $(DESTDIR)$(PREFIX)/sbin/lyncedgectl $(DESTDIR)$(PREFIX)/share/man/man8/lyncedgectl.8 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/lyncedgectl \
		$(DESTDIR)$(UNITDIR)/lyncedge.service $(DESTDIR)$(PREFIX)/libexec/lyncedge/lyncedge-service \
		$(DESTDIR)$(PREFIX)/share/doc/lyncedgectl/examples/lyncedge-alerts.yml \
		$(DESTDIR)$(PREFIX)/share/doc/lyncedgectl/examples/lyncedge-dashboard.json \
		$(HA_EXAMPLES:%=$(DESTDIR)$(HA_DIR)/%)
	rmdir --ignore-fail-on-non-empty $(DESTDIR)$(PREFIX)/libexec/lyncedge 2>/dev/null || true
	rmdir --ignore-fail-on-non-empty $(DESTDIR)$(HA_DIR) \
		$(DESTDIR)$(PREFIX)/share/doc/lyncedgectl/examples \
		$(DESTDIR)$(PREFIX)/share/doc/lyncedgectl 2>/dev/null || true
	if cmp -s dist/lyncedge.conf $(DESTDIR)$(CONFDIR)/lyncedge.conf; then \
		rm -f $(DESTDIR)$(CONFDIR)/lyncedge.conf; \
		rmdir --ignore-fail-on-non-empty $(DESTDIR)$(CONFDIR); \
	elif [ -e $(DESTDIR)$(CONFDIR)/lyncedge.conf ]; then \
		echo "$(DESTDIR)$(CONFDIR)/lyncedge.conf differs from the example: kept"; \
	fi

uninstall-module:
	rm -f $(DESTDIR)/lib/modules/$(KVER)/updates/lyncedge.ko
	rmdir --ignore-fail-on-non-empty $(DESTDIR)/lib/modules/$(KVER)/updates 2>/dev/null || true
	@$(depmod)

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

# docs/dashboard.png, after a change to the dashboard (selftests/dashboard.sh
# fails until it is drawn again).
dashboard-image:
	scripts/dashboard-image.sh

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C userspace clean
	rm -rf build

.PHONY: all module userspace testprogs install install-tool install-module uninstall \
	uninstall-tool uninstall-module build/dist/lyncedge.service build/dist/lyncedge-service \
	fuzzers fuzz-seeds fuzz demo check bench dashboard-image clean
