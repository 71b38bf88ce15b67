#!/usr/bin/env bash
# dev.sh: the entry point for working on samverkan (Debian 12; elsewhere, install the equivalents yourself).
#
#   ./dev.sh audit [MODEL [OPTIONS...]]   build the command-line tool (release preset) and audit a bundled
#                                         model (default examples/models/kommun_lag_2023_196.json)
#   ./dev.sh test [LEG...]                every check CI runs, or only the legs named:
#                                           debug    g++ Debug: build, unit, compile-fail, header, consumer tests
#                                           release  g++ -O2 with -Werror: build and unit tests (not in the
#                                                    default run: plain builds Release and fails on warnings)
#                                           plain    what a newcomer runs: cmake -B build/plain
#                                                    -DCMAKE_BUILD_TYPE=Release, default options, all tests;
#                                                    any compiler warning fails the leg
#                                           clang    clang++ Debug: build and all tests
#                                           asan     g++ with AddressSanitizer + UBSan: build and unit tests
#                                           tsan     clang++ with ThreadSanitizer: the [concurrency] tests
#                                           catch2v3 the unit tests built against Catch2 v3 (Debian's
#                                                    bookworm-backports package, unpacked under build/)
#                                           format   clang-format --dry-run --Werror over our sources
#                                           tidy     clang-tidy on representative translation units
#                                           conformance  ../shared/conformance/run.sh and conformance-wave2/run.sh
#                                           python   the Python module (pybind11, Release) and its pytest
#                                                    suite, a Dask LocalCluster sweep included
#   ./dev.sh study [MODEL]                build the Python module and run the example study
#                                         (examples/python/criticality_study.py -> docs/python-criticality.png)
#   ./dev.sh deps                         install every Debian package the legs need
#   ./dev.sh packages                     print that package list (.ci/run uses it)
#
# Missing packages are installed with apt-get (as root, or through sudo); nothing is installed when all are
# present. Builds go to build/<preset> (CMakePresets.json). JOBS=n sets the parallelism (default: nproc).
# Exit status: 0 when everything asked for passed, non-zero otherwise.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# Never add libboost-dev, libboost-all-dev or python3-scipy: they pull in a second Boost next to 1.81.
build_packages=(g++ make cmake libboost1.81-dev catch2 libcli11-dev)
test_packages=("${build_packages[@]}" clang clang-tidy clang-format libclang-rt-14-dev libbenchmark-dev
               python3 python3-networkx graphviz
               pybind11-dev python3-dev python3-pybind11 python3-pytest python3-pandas python3-distributed
               python3-matplotlib)
default_model=examples/models/kommun_lag_2023_196.json
all_legs=(debug plain clang asan tsan catch2v3 format tidy conformance python)
# clang-tidy runs on these: the model layer through its tests, and the tool's translation units, which reach
# every public header.
tidy_sources=(tests/unit/model_test.cpp tests/unit/model_queries_test.cpp tools/samverkan/main.cpp
              tools/samverkan/commands_model.cpp tools/samverkan/commands_templates.cpp
              tools/samverkan/commands_analytics.cpp)
format_dirs=(include src synthetic tests examples tools benchmarks fuzz python/src)

jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
export CMAKE_BUILD_PARALLEL_LEVEL=$jobs CTEST_PARALLEL_LEVEL=$jobs

say() { printf '\n==> %s\n' "$*"; }
die() {
    printf 'dev.sh: %s\n' "$*" >&2
    exit 1
}

# ---- packages -----------------------------------------------------------------------------------------------

missing_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$p"
    done
}

apt_install() {
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "missing Debian packages: $*; run as root or install them with apt-get"
        sudo=(sudo)
    fi
    say "installing: $*"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

ensure_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "dev.sh: not a Debian system; make sure the equivalents of these are installed: $*" >&2
        return 0
    fi
    local missing
    missing=$(missing_packages "$@")
    [ -z "$missing" ] && return 0
    # shellcheck disable=SC2086 # one package name per word
    apt_install $missing
}

# ---- audit --------------------------------------------------------------------------------------------------

cmd_audit() {
    ensure_packages "${build_packages[@]}"
    local model=${1:-$default_model}
    [ $# -gt 0 ] && shift
    if [ ! -f "$model" ]; then
        local fallback
        fallback=$(find examples -name '*.json' -type f 2>/dev/null | sort | head -n 1)
        [ -n "$fallback" ] || die "no model to audit: $model does not exist and examples/ has no .json model"
        echo "dev.sh: $model does not exist; auditing $fallback instead" >&2
        model=$fallback
    fi
    say "configuring and building the tool (release preset)"
    cmake --preset release >/dev/null
    cmake --build --preset release --target samverkan_tool
    say "build/release/samverkan audit $model $*"
    local status=0
    build/release/samverkan audit "$model" "$@" || status=$?
    case $status in
    0) echo "dev.sh audit: done; nothing at or above the --fail-on level (exit status 0)" ;;
    1) echo "dev.sh audit: done; the model has findings at or above the --fail-on level (the tool's exit status 1)" ;;
    *)
        echo "dev.sh audit: the tool failed (exit status $status)" >&2
        exit "$status"
        ;;
    esac
}

# ---- test legs ----------------------------------------------------------------------------------------------

leg_debug() { cmake --workflow --preset debug; }
leg_release() { cmake --workflow --preset release; }
leg_clang() { cmake --workflow --preset clang; }
# Exactly the plain build of the README, with no preset and no option: it must build warning-tolerant
# (-Werror is opt-in) and pass its tests.
leg_plain() {
    cmake -S . -B build/plain -DCMAKE_BUILD_TYPE=Release || return 1
    # -Werror is not on here (it never is by default), so the leg fails on any warning itself: our targets
    # must build warning-free at -O3 too, where g++ finds what -O0 does not.
    cmake --build build/plain 2>&1 | tee build/plain/build.log || return 1
    if grep -q 'warning:' build/plain/build.log; then
        grep -B2 -A6 'warning:' build/plain/build.log | head -60
        echo "plain: the Release build has compiler warnings"
        return 1
    fi
    (cd build/plain && ctest --output-on-failure)
}
leg_asan() { cmake --workflow --preset asan; }
# What may run at once on one model (basic_model.hpp, "Concurrency"), checked by ThreadSanitizer: the unit
# tests tagged [concurrency], built with clang's TSan runtime (libclang-rt-14-dev).
leg_tsan() {
    cmake -S . -B build/tsan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
        -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread \
        -DSAMVERKAN_BUILD_EXAMPLES=OFF -DSAMVERKAN_BUILD_HEADER_TESTS=OFF
    cmake --build build/tsan --target samverkan_concurrency_tests
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" build/tsan/tests/samverkan_concurrency_tests
}

# Catch2 v3 is not in bookworm proper, and its package cannot be installed next to Debian's v2 (catch2): the
# .deb from bookworm-backports is downloaded and unpacked into build/catch2-v3, which the preset points at.
# The backports suite is added to apt's sources when apt does not know it yet.
catch2_v3_dir=build/catch2-v3
fetch_catch2_v3() {
    [ -f "$catch2_v3_dir/usr/lib/cmake/Catch2/Catch2Config.cmake" ] && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    if ! apt-cache policy libcatch2-dev 2>/dev/null | grep -q 'bookworm-backports'; then
        say "adding Debian's bookworm-backports suite to apt's sources (for libcatch2-dev, Catch2 v3)"
        printf '%s\n' 'Types: deb' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm-backports' 'Components: main' \
            'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
            "${sudo[@]}" tee /etc/apt/sources.list.d/bookworm-backports.sources >/dev/null
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    fi
    local tmp
    tmp=$(mktemp -d)
    # as root, apt downloads as its own user (_apt), which must be able to write into the folder
    if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$tmp"; fi
    (cd "$tmp" && apt-get download -q libcatch2-dev/bookworm-backports) || die "cannot download libcatch2-dev from bookworm-backports"
    rm -rf "$catch2_v3_dir" && mkdir -p "$catch2_v3_dir"
    dpkg-deb -x "$tmp"/libcatch2-dev_*.deb "$catch2_v3_dir"
    rm -rf "$tmp"
}
leg_catch2v3() {
    fetch_catch2_v3
    cmake --workflow --preset catch2v3
}

leg_format() {
    local files=() bad=() f
    while IFS= read -r f; do files+=("$f"); done < <(
        find "${format_dirs[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' \) 2>/dev/null | sort
    )
    [ ${#files[@]} -gt 0 ] || die "no sources found for clang-format"
    for f in "${files[@]}"; do
        clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
    done
    if [ ${#bad[@]} -gt 0 ]; then
        printf '  %s\n' "${bad[@]}"
        echo "clang-format: ${#bad[@]} of ${#files[@]} files differ from .clang-format; fix with:"
        echo "  clang-format -i \$(find ${format_dirs[*]} -name '*.cpp' -o -name '*.hpp')"
        return 1
    fi
    echo "clang-format: ${#files[@]} files formatted"
}

leg_tidy() {
    # The clang preset's own database lists the unity-build batches of the unit tests, not the test files:
    # configure (no build) a copy with one entry per file.
    local dbdir=build/tidy-db
    say "configuring the clang preset without the unity build, for a compile database per file"
    cmake --preset clang -B "$dbdir" -DSAMVERKAN_UNITY_TESTS=OFF >/dev/null
    # one clang-tidy per translation unit, $jobs at a time, each writing its own log
    local logs=() f status=0
    rm -rf build/tidy && mkdir -p build/tidy
    for f in "${tidy_sources[@]}"; do logs+=("build/tidy/$(basename "$f").log"); done
    # shellcheck disable=SC2016 # $1 expands in the inner shell
    printf '%s\n' "${tidy_sources[@]}" |
        xargs -P "$jobs" -I{} sh -c 'clang-tidy --quiet -p "$2" "$1" >"build/tidy/$(basename "$1").log" 2>&1' _ {} "$dbdir" ||
        status=1
    grep -hE '(warning|error):' "${logs[@]}" || true
    local warnings errors
    warnings=$(cat "${logs[@]}" | grep -c ' warning: ' || true)
    errors=$(cat "${logs[@]}" | grep -c ' error: ' || true)
    echo "clang-tidy: ${#tidy_sources[@]} translation units, $errors errors, $warnings warnings (logs in build/tidy)"
    return $status
}

leg_conformance() {
    if [ ! -d ../shared/conformance ]; then
        echo "conformance: ../shared/conformance not found (it belongs beside the repository): FAILED"
        return 1
    fi
    [ -x build/debug/samverkan ] || cmake --workflow --preset debug
    local status=0
    bash ../shared/conformance/run.sh build/debug/samverkan || status=1
    bash ../shared/conformance-wave2/run.sh build/debug/samverkan || status=1
    return $status
}

# Debian's interpreter, which the python3-* packages belong to (another python3 may come first on PATH).
python_for_leg() {
    if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3; fi
}
build_python() {
    cmake -S . -B build/python -DCMAKE_BUILD_TYPE=Release -DSAMVERKAN_BUILD_PYTHON=ON -DSAMVERKAN_BUILD_TESTS=OFF \
        -DSAMVERKAN_BUILD_EXAMPLES=OFF -DPython_EXECUTABLE="$1" >/dev/null
    cmake --build build/python --target "${@:2}"
}
leg_python() {
    local py tool=build/python/samverkan
    py=$(python_for_leg)
    if [ -f build/plain/CMakeCache.txt ]; then
        # the plain leg's Release tool (the same code and flags; brought up to date here, a no-op after that
        # leg) spares building a second one
        build_python "$py" samverkan_python
        cmake --build build/plain --target samverkan_tool || return 1
        tool=build/plain/samverkan
    else
        build_python "$py" samverkan_python samverkan_tool
    fi
    PYTHONPATH=build/python/python SAMVERKAN_TOOL=$tool "$py" -m pytest -q -p no:cacheprovider python/tests
}

cmd_study() {
    ensure_packages "${build_packages[@]}" pybind11-dev python3-dev python3-pybind11 python3-pandas python3-matplotlib
    local py
    py=$(python_for_leg)
    build_python "$py" samverkan_python
    PYTHONPATH=build/python/python "$py" examples/python/criticality_study.py "$@"
}

cmd_test() {
    local legs=("$@")
    [ ${#legs[@]} -gt 0 ] || legs=("${all_legs[@]}")
    local leg
    for leg in "${legs[@]}"; do
        declare -F "leg_$leg" >/dev/null || die "unknown leg '$leg' (legs: ${all_legs[*]})"
    done
    ensure_packages "${test_packages[@]}"

    local results=() failed=() start total_start=$SECONDS elapsed
    for leg in "${legs[@]}"; do
        say "leg: $leg"
        start=$SECONDS
        if ("leg_$leg"); then
            results+=("$(printf '%-12s passed  %4ds' "$leg" $((SECONDS - start)))")
        else
            results+=("$(printf '%-12s FAILED  %4ds' "$leg" $((SECONDS - start)))")
            failed+=("$leg")
        fi
    done
    elapsed=$((SECONDS - total_start))
    say "summary"
    printf '  %s\n' "${results[@]}"
    if [ ${#failed[@]} -gt 0 ]; then
        echo "dev.sh test: FAILED: ${failed[*]} ($((elapsed / 60))m$((elapsed % 60))s)"
        return 1
    fi
    echo "dev.sh test: all ${#legs[@]} legs passed ($((elapsed / 60))m$((elapsed % 60))s)"
}

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }

case ${1:-help} in
audit) shift && cmd_audit "$@" ;;
test) shift && cmd_test "$@" ;;
study) shift && cmd_study "$@" ;;
deps) apt_install "${test_packages[@]}" ;;
packages) echo "${test_packages[@]}" ;;
help | -h | --help) usage ;;
*)
    usage >&2
    exit 2
    ;;
esac
