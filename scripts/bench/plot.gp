# SPDX-License-Identifier: GPL-2.0
# The plot of docs/performance.md: instructions (icount ns) per packet by
# variant and rule count, one panel per path. gnuplot -e "data='...'; out='...'"
set terminal png size 1500,520 font ",11"
set output out
set datafile separator "\t"
set key top left
set grid ytics
set xrange [-0.3:2.3]
set xtics ("built-in" 0, "+100" 1, "+1000" 2)
set ylabel "instructions per packet (icount ns)"
set xlabel "custom UDP ranges on external in"
x(s) = s eq "built-in" ? 0 : (s eq "+100" ? 1 : 2)
pick(p, v) = (strcol(1) eq p && strcol(3) eq v) ? column(4) : NaN
set multiplot layout 1,3
do for [p in "new est drop"] {
	set title sprintf("path: %s", p)
	plot for [v in "none empty hooked lyncedge nft iptables ipset"] data \
		using (x(strcol(2))):(pick(p, v)) every ::1 with linespoints lw 2 pt 7 title v
}
unset multiplot
