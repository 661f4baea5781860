#!/bin/busybox sh
# /init of the test VM: set up the basics, run what the kernel command line
# asks for (lyncedge.mode=check|demo), print the kernel log, power off.
/bin/busybox --install -s /bin
export PATH=/sbin:/usr/sbin:/usr/bin:/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mount -t tmpfs run /run
/usr/sbin/ip link set lo up

mode=$(sed -n 's/.*lyncedge\.mode=\([a-z]*\).*/\1/p' /proc/cmdline)
cd /opt/lyncedge/selftests
echo "@@LYNCEDGE-BEGIN $mode"
case "$mode" in
demo) sh ./demo.sh ;;
*) sh ./run.sh ;;
esac
echo "@@LYNCEDGE-END rc=$?"
echo "@@DMESG-BEGIN"
dmesg
echo "@@DMESG-END"
poweroff -f
