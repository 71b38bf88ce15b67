#!/usr/bin/env bash
# plot.sh: time against model size for samverkan and the networkx baseline, log-log, into docs/performance.png.
#
# usage: benchmarks/plot.sh [--sizes "1 3 10 30 100 290"] [--baseline-sizes "1 3 10 30 100 290"]
#                           [--runs K] [--output FILE]
#
# Builds build-bench (Release) if needed, generates each model (cached with samverkan_benchmarks' models),
# runs `samverkan audit --format json --fail-on never --timings` K times (default 2; the fastest run is
# kept, as the machine may be shared) and the baseline once per size, and plots load and audit times.
# The data are kept in build-bench/benchmarks/plot/performance.dat. Environment: SAMVERKAN_BENCH_BUILD, JOBS.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SAMVERKAN_BENCH_BUILD:-$root/build-bench}
jobs=${JOBS:-2}
sizes="1 3 10 30 100 290"
baseline_sizes="1 3 10 30 100 290"
runs=2
output=$root/docs/performance.png
while [[ $# -gt 0 ]]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --baseline-sizes) baseline_sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "plot.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSAMVERKAN_BUILD_BENCHMARKS=ON -DSAMVERKAN_BUILD_TOOL=ON \
        -DSAMVERKAN_BUILD_TESTS=OFF -DSAMVERKAN_BUILD_EXAMPLES=OFF >/dev/null
fi
cmake --build "$build" -j "$jobs" --target samverkan_tool >/dev/null

models=$build/benchmarks/models
work=$build/benchmarks/plot
mkdir -p "$models" "$work"
version=$(grep -o 'generator_version = [0-9]*' "$root/synthetic/include/samverkan/synthetic/generator.hpp" | grep -o '[0-9]*$')
data=$work/performance.dat
echo "# municipalities relations bytes samverkan_load samverkan_audit baseline_load baseline_audit" >"$data"

timings() { grep -o 'load [0-9.]* s, audit [0-9.]*' "$1" | awk '{print $2, $5}'; }

for n in $sizes; do
  file=$models/synthetic-$n-s1-r0.01-v$version.json
  if [[ ! -f $file || ! -f $file.stats ]]; then
    echo "generating $n municipalities" >&2
    "$build/samverkan" generate --municipalities "$n" --stats >"$file.partial" 2>"$file.stats"
    mv "$file.partial" "$file"
  fi
  relations=$(grep -o '"relations": [0-9]*' "$file.stats" | grep -o '[0-9]*$')
  best_load=NaN best_audit=NaN
  for ((i = 1; i <= runs; i++)); do
    "$build/samverkan" audit "$file" --format json --fail-on never --timings >/dev/null 2>"$work/samverkan.err"
    read -r l a < <(timings "$work/samverkan.err")
    best_load=$(awk -v x="$best_load" -v y="$l" 'BEGIN { print (x == "NaN" || y < x) ? y : x }')
    best_audit=$(awk -v x="$best_audit" -v y="$a" 'BEGIN { print (x == "NaN" || y < x) ? y : x }')
  done
  b_load=NaN b_audit=NaN
  if [[ " $baseline_sizes " == *" $n "* ]]; then
    if /usr/bin/python3 "$root/benchmarks/baseline/samverkan_baseline.py" audit "$file" --format json --fail-on never \
         --timings >/dev/null 2>"$work/baseline.err"; then
      read -r b_load b_audit < <(timings "$work/baseline.err")
    fi
  fi
  echo "$n municipalities, $relations relations: samverkan load $best_load s, audit $best_audit s;" \
       "baseline load $b_load s, audit $b_audit s" >&2
  echo "$n $relations $(stat -c %s "$file") $best_load $best_audit $b_load $b_audit" >>"$data"
done

subtitle="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg), $(date -u +%Y-%m-%d); synthetic models, seed 1, defect rate 0.01"
mkdir -p "$(dirname "$output")"
gnuplot -e "data='$data'; output='$output'; subtitle='$subtitle'" "$root/benchmarks/plot.gnuplot"
echo "wrote $output (data: $data)" >&2
