#!/bin/busybox sh
# /init of the test VM: set up the basics, run what the kernel command line
# asks for (lyncedge.mode=check|demo|bench), print the kernel log, and reboot, which
# qemu's -no-reboot turns into an exit (the debug kernel has no ACPI to power
# off with).
/bin/busybox --install -s /bin
export PATH=/sbin:/usr/sbin:/usr/bin:/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mount -t tmpfs run /run
/usr/sbin/ip link set lo up
# The debug kernel's kmemleak: what boot left behind is not the tests'. It
# reports (and so clear forgets) only objects at least 5 s old.
if mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null &&
	[ -e /sys/kernel/debug/kmemleak ]; then
	while [ "$(cut -d. -f1 /proc/uptime)" -lt 6 ]; do sleep 1; done
	# The second scan reports what the first found unreferenced and unchanged.
	echo scan >/sys/kernel/debug/kmemleak
	echo scan >/sys/kernel/debug/kmemleak
	echo clear >/sys/kernel/debug/kmemleak
fi

mode=$(sed -n 's/.*lyncedge\.mode=\([a-z]*\).*/\1/p' /proc/cmdline)
cd /opt/lyncedge/selftests
echo "@@LYNCEDGE-BEGIN $mode"
case "$mode" in
demo) sh ./demo.sh ;;
bench) sh /opt/lyncedge/bench/guest.sh ;;
*) sh ./run.sh ;;
esac
echo "@@LYNCEDGE-END rc=$?"
echo "@@DMESG-BEGIN"
dmesg
echo "@@DMESG-END"
reboot -f
