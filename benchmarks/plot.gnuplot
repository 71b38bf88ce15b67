# plot.gnuplot: time against model size, samverkan and the networkx baseline, log-log.
# Called by benchmarks/plot.sh: gnuplot -e "data='...'; output='...'" benchmarks/plot.gnuplot
# Data columns: municipalities relations bytes samverkan_load samverkan_audit baseline_load baseline_audit
# ("NaN" where a run was not made).
if (!exists("data")) data = 'performance.dat'
if (!exists("output")) output = 'performance.png'
if (!exists("subtitle")) subtitle = ''

set terminal pngcairo size 1000,680 enhanced font 'DejaVu Sans,11'
set output output
set title "samverkan against the networkx baseline: time against model size\n{/*0.8 ".subtitle."}"
set logscale xy 10
set xrange [1e3:4e7]
set format x '10^{%L}'
set format y '10^{%L}'
set xlabel 'relations in the model (holdings, delegations, RACI entries, requires, needs, members, covers, ...)'
set ylabel 'seconds (wall clock)'
set grid xtics ytics mxtics mytics lc rgb '#dddddd'
set key top left box opaque
set datafile missing 'NaN'

plot data using 2:6 with linespoints lw 2 pt 7 lc rgb '#d62728' title 'networkx baseline: load', \
     data using 2:7 with linespoints lw 2 pt 5 lc rgb '#ff7f0e' title 'networkx baseline: audit', \
     data using 2:4 with linespoints lw 2 pt 7 lc rgb '#1f77b4' title 'samverkan: load (JSON -> validated model)', \
     data using 2:5 with linespoints lw 2 pt 5 lc rgb '#2ca02c' title 'samverkan: audit (all 18 rules)', \
     data using 2:($2*1e-7) with lines dt 2 lc rgb '#888888' title 'linear: 100 ns per relation', \
     data using 2:4:($1 == 1 ? '1 kommun' : sprintf('%d kommuner', $1)) with labels offset 0,1.2 font ',9' tc rgb '#555555' notitle
