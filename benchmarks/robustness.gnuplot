# Distribution of duty resilience and of actor criticality (benchmarks/robustness_plot.sh prepares the data).
# Variables: data (directory with resilience.dat and criticality.dat), out (PNG), model (a label).
set terminal pngcairo size 1200,480 font "sans,11"
set output out
set multiplot layout 1,2 title sprintf("Robustness of %s (samverkan resilience, k = 3)", model)
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.8
set logscale y
set grid ytics
set yrange [0.8:*]

set title "Duties by resilience (actors that must leave before the duty fails)"
set xlabel "resilience"
set ylabel "duties (log scale)"
plot data."/resilience.dat" using 3:xtic(2) title "" linecolor rgb "#4477aa"

set title "Actors by criticality (what fails or breaks without them)"
set xlabel "count per actor (buckets 0, 1, 2-3, 4-7, ...: lower bound shown)"
set ylabel "actors (log scale)"
set style histogram clustered gap 1
plot data."/criticality.dat" using 3:xtic(2) title "duties that fail", \
     "" using 4 title "errors added" linecolor rgb "#cc6677"
unset multiplot
