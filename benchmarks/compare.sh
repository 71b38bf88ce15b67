#!/usr/bin/env bash
# compare.sh: samverkan against the networkx baseline on one synthetic national model, with one command.
#
# usage: benchmarks/compare.sh [MUNICIPALITIES] [options]          (MUNICIPALITIES: default 290)
#   --baseline-municipalities M   run the (slow) Python baseline on an M-municipality model instead, and
#                                 take the speed ratios there (samverkan runs on both sizes)
#   --baseline-timeout SECONDS    give up on the baseline after this long (default 1800)
#   --no-baseline                 skip the baseline
#   --runs K                      runs of `samverkan audit` (default 3; medians are reported)
#   --seed S --defect-rate R      generator options (defaults 1 and 0.01)
#
# Builds build-bench (Release) if needed, generates the model, runs `samverkan audit --format json
# --fail-on never --timings` under /usr/bin/time -v, the baseline likewise, checks that both report the
# same findings (rule, severity, subjects, witness) and that samverkan reports exactly the findings the
# generator planted, measures the one-pass limit with samverkan_benchmarks, and prints the figures against
# the targets. Results are kept in build-bench/benchmarks/compare-N/. Environment: SAMVERKAN_BENCH_BUILD
# (build directory), JOBS (parallel build jobs, default 2).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SAMVERKAN_BENCH_BUILD:-$root/build-bench}
jobs=${JOBS:-2}
n=290
m=""
timeout_s=1800
runs=3
seed=1
rate=0.01
baseline=1

if [[ $# -gt 0 && $1 != --* ]]; then n=$1; shift; fi
while [[ $# -gt 0 ]]; do
  case $1 in
    --baseline-municipalities) m=$2; shift 2 ;;
    --baseline-timeout) timeout_s=$2; shift 2 ;;
    --no-baseline) baseline=0; shift ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --defect-rate) rate=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
m=${m:-$n}
[[ -x /usr/bin/time ]] || { echo "compare.sh: needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

# ---- build ------------------------------------------------------------------------------------------------
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSAMVERKAN_BUILD_BENCHMARKS=ON -DSAMVERKAN_BUILD_TOOL=ON \
        -DSAMVERKAN_BUILD_TESTS=OFF -DSAMVERKAN_BUILD_EXAMPLES=OFF >/dev/null
fi
cmake --build "$build" -j "$jobs" --target samverkan_tool samverkan_benchmarks >/dev/null
tool=$build/samverkan
synthetic=("$tool" generate)
bench=$build/benchmarks/samverkan_benchmarks

# ---- models (shared with samverkan_benchmarks' cache) -------------------------------------------------------
models=$build/benchmarks/models
mkdir -p "$models"
version=$(grep -o 'generator_version = [0-9]*' "$root/synthetic/include/samverkan/synthetic/generator.hpp" | grep -o '[0-9]*$')
model_file() { echo "$models/synthetic-$1-s$seed-r$rate-v$version.json"; }
ensure_model() {
  local file; file=$(model_file "$1")
  if [[ ! -f $file || ! -f $file.stats ]]; then
    echo "generating $1 municipalities -> $file" >&2
    "${synthetic[@]}" --municipalities "$1" --seed "$seed" --defect-rate "$rate" --stats >"$file.partial" 2>"$file.stats"
    mv "$file.partial" "$file"
  fi
  echo "$file"
}
model=$(ensure_model "$n")
small=$(ensure_model "$m")

results=$build/benchmarks/compare-$n
rm -rf "$results"
mkdir -p "$results"
cp "$model.stats" "$results/stats.json"

# ---- samverkan ------------------------------------------------------------------------------------------------
run_samverkan() { # prefix file
  for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -v -o "$results/$1.$i.time" "$tool" audit "$2" --format json --fail-on never --timings \
      >"$results/$1.report.json" 2>"$results/$1.$i.err" || { cat "$results/$1.$i.err" >&2; exit 1; }
    echo "samverkan ($1, run $i): $(grep -o 'load.*' "$results/$1.$i.err")" >&2
  done
}
run_samverkan samverkan "$model"
[[ $m != "$n" ]] && run_samverkan samverkan_small "$small"

echo "samverkan_benchmarks: load, one-pass limit and audit at $n municipalities" >&2
"$bench" --sizes="$n" --seed="$seed" --defect-rate="$rate" --cache="$models" \
  --benchmark_filter="^(load_json|one_pass_limit|audit)/$n\$" --benchmark_repetitions=3 \
  --benchmark_out="$results/bench.json" --benchmark_out_format=json >"$results/bench.txt" 2>&1 || true

# ---- baseline -------------------------------------------------------------------------------------------------
status=""
if [[ $baseline == 1 ]]; then
  echo "networkx baseline at $m municipalities (timeout ${timeout_s} s)" >&2
  if timeout "$timeout_s" /usr/bin/time -v -o "$results/baseline.1.time" /usr/bin/python3 \
       "$root/benchmarks/baseline/samverkan_baseline.py" audit "$small" --format json --fail-on never --timings \
       >"$results/baseline.report.json" 2>"$results/baseline.1.err"; then
    echo "baseline: $(grep -o 'load.*' "$results/baseline.1.err")" >&2
  else
    status="did not finish within $timeout_s s at $m municipalities (or failed; see $results/baseline.1.err)"
    rm -f "$results/baseline.1.err" "$results/baseline.1.time"
    echo "baseline: $status" >&2
  fi
fi

# ---- checks and summary ---------------------------------------------------------------------------------------
ok=0
echo
python3 "$root/benchmarks/compare.py" expected "$results/samverkan.report.json" "$results/stats.json" || ok=1
if [[ -f $results/baseline.1.err ]]; then
  ours_small=$results/samverkan.report.json
  [[ $m != "$n" ]] && ours_small=$results/samverkan_small.report.json
  python3 "$root/benchmarks/compare.py" findings "$ours_small" "$results/baseline.report.json" || ok=1
fi

machine="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores, \
$(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
python3 - "$results" "$n" "$m" "$model" "$small" "$machine" "$status" <<'PY'
import json, os, sys
results, n, m, model, small, machine, status = sys.argv[1:]
stats = json.load(open(os.path.join(results, "stats.json")))
json.dump({"municipalities": int(n), "baseline_municipalities": int(m), "bytes": os.path.getsize(model),
           "baseline_bytes": os.path.getsize(small), "duties": stats["duties"], "relations": stats["relations"],
           "machine": machine, "baseline_status": status}, open(os.path.join(results, "meta.json"), "w"))
PY
echo
python3 "$root/benchmarks/compare.py" summary "$results"
echo "(results in $results)"
exit $ok
