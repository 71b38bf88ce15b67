#!/usr/bin/env bash
# compile_time.sh: what a user pays per build for samverkan's headers. Compiles two one-file programs with
# g++ -O2 -std=c++20, header-only and against the compiled part (samverkan::compiled, samverkan/config.hpp),
# and prints the CPU time (user + sys) and peak memory of each compile-and-link, the median of RUNS runs,
# and the load average before and after (CPU time barely depends on other load; wall time would):
#   audit_only   builds an empty samverkan::model and audits it
#   read_audit   also reads a JSON model
#
# usage: benchmarks/compile_time.sh [BUILD_DIR]    (BUILD_DIR holds libsamverkan.a; default build/release)
#        RUNS=3 CXX=g++
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/release}
runs=${RUNS:-3}
cxx=${CXX:-g++}
cmake --build "$build" --target samverkan_compiled >/dev/null # up to date with the headers
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/audit_only.cpp" <<'CPP'
#include <samverkan/samverkan.hpp>
#include <iostream>
int main() {
    samverkan::model m;
    std::cout << samverkan::audit(m).findings.size() << '\n';
}
CPP
cat >"$work/read_audit.cpp" <<'CPP'
#include <samverkan/samverkan.hpp>
#include <samverkan/io/json.hpp>
#include <iostream>
int main(int argc, char** argv) {
    auto const m = samverkan::io::read_json_file(argc > 1 ? argv[1] : "model.json");
    std::cout << samverkan::audit(m).findings.size() << '\n';
}
CPP

measure() { # measure NAME MODE: prints "seconds megabytes" (median of $runs)
    local name=$1 mode=$2 extra=() i
    [ "$mode" = compiled ] && extra=(-DSAMVERKAN_SEPARATE_COMPILATION "$build/libsamverkan.a")
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -f '%U %S %M' -o "$work/time" \
            "$cxx" -std=c++20 -O2 -I"$root/include" "$work/$name.cpp" "${extra[@]}" -o "$work/$name" 2>/dev/null
        awk '{ printf "%.2f %.0f\n", $1 + $2, $3 / 1024 }' "$work/time"
    done | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %-12s %10s %10s\n' program mode 'CPU s' 'peak MB'
for name in audit_only read_audit; do
    for mode in header-only compiled; do
        read -r s mb < <(measure "$name" "$mode")
        printf '%-12s %-12s %10s %10s\n' "$name" "$mode" "$s" "$mb"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
