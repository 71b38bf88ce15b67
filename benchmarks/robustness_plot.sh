#!/usr/bin/env bash
# Plots the distribution of duty resilience and of actor criticality in a model (default: the generated
# 290-municipality model) into docs/robustness.png, from the `samverkan resilience --format json` report.
#
# usage: benchmarks/robustness_plot.sh [--tool PATH] [--model FILE] [--out PNG]
#   --tool   the samverkan tool (default: build-bench/samverkan, built in Release if missing)
#   --model  the model (default: /work/gen/m290.json if it exists, else generated into build-bench/)
#   --out    the picture (default: docs/robustness.png)
# LABEL=... names the model in the title. Needs python3 and gnuplot. The data stays in build-bench/robustness/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
tool="$root/build-bench/samverkan"
model=""
out="$root/docs/robustness.png"
while [ $# -gt 0 ]; do
    case $1 in
        --tool) tool=$2; shift 2 ;;
        --model) model=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "$0: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ ! -x "$tool" ]; then
    cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release -DSAMVERKAN_BUILD_BENCHMARKS=ON >/dev/null
    cmake --build "$root/build-bench" --target samverkan_tool -j"${JOBS:-2}"
fi
work="$root/build-bench/robustness"
mkdir -p "$work"
if [ -z "$model" ]; then
    if [ -f /work/gen/m290.json ]; then model=/work/gen/m290.json
    else model="$work/m290.json"; [ -f "$model" ] || "$tool" generate --municipalities 290 >"$model"; fi
fi
"$tool" resilience "$model" --format json >"$work/report.json"
python3 - "$work/report.json" "$work" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
work = sys.argv[2]
k = report["k"]
counts = {}
for row in report["duties"]:
    key = str(row["resilience"]) if row["resilience"] is not None else f">{k}"
    counts[key] = counts.get(key, 0) + 1
with open(f"{work}/resilience.dat", "w") as f:
    for i, key in enumerate([str(v) for v in range(k + 1)] + [f">{k}"]):
        f.write(f'{i} "{key}" {counts.get(key, 0)}\n')
# criticality: actors per number of failing duties (0, 1, 2-3, 4-7, ...) and per added errors
def bucket(n):
    if n == 0: return 0
    b = 1
    while (1 << b) <= n: b += 1
    return b
def labels(b):  # the lower bound of the bucket: 0, 1, 2 (2-3), 4 (4-7), ..., 1k, 2k, ...
    if b == 0: return "0"
    low = 1 << (b - 1)
    return f"{low // 1024}k" if low >= 1024 else str(low)
fail, err = {}, {}
for row in report["actors"]:
    fb, eb = bucket(len(row["failing"])), bucket(row["added"]["error"])
    fail[fb] = fail.get(fb, 0) + 1
    err[eb] = err.get(eb, 0) + 1
top = max(list(fail) + list(err) + [0])
with open(f"{work}/criticality.dat", "w") as f:
    for b in range(top + 1):
        f.write(f'{b} "{labels(b)}" {fail.get(b, 0)} {err.get(b, 0)}\n')
print(f"duties {len(report['duties'])}, actors {len(report['actors'])}; resilience {counts}")
PY
label=${LABEL:-$(basename "$model")}
gnuplot -e "data='$work'; out='$out'; model='$label'" "$here/robustness.gnuplot"
echo "wrote $out"
