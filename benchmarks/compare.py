#!/usr/bin/python3
"""compare.py: the checks and the summary table of benchmarks/compare.sh.

usage: compare.py findings REPORT_A REPORT_B
           Exit 0 when both samverkan-report/1 files hold the same findings in the same order, comparing
           rule, severity, subjects and witness (message ignored; the `scopes` witness of
           exclusive-overlap compared as a multiset, as the conformance suite does).
       compare.py expected REPORT STATS
           Exit 0 when the report has exactly the number of findings per rule that the generator planted
           (STATS: the JSON that `samverkan generate --stats` prints).
       compare.py summary RESULTS_DIR
           Prints the figures of a compare.sh run against the targets of benchmarks/README.md.
"""

import json
import os
import re
import statistics
import sys
from collections import Counter


def _normal(finding):
    witness = dict(finding.get("witness", {}))
    if finding["rule"] == "exclusive-overlap" and "scopes" in witness:
        witness["scopes"] = sorted(witness["scopes"], key=lambda s: (s is None, s or ""))
    return json.dumps([finding["rule"], finding["severity"], finding["subjects"], witness], sort_keys=True,
                      ensure_ascii=False)


def findings(path_a, path_b):
    with open(path_a, encoding="utf-8") as fa, open(path_b, encoding="utf-8") as fb:
        a, b = json.load(fa)["findings"], json.load(fb)["findings"]
    na, nb = [_normal(f) for f in a], [_normal(f) for f in b]
    if na == nb:
        print(f"findings: identical ({len(na)} findings: rule, severity, subjects, witness)")
        return 0
    print(f"findings: DIFFER ({len(na)} in {path_a}, {len(nb)} in {path_b})")
    only_a, only_b = Counter(na) - Counter(nb), Counter(nb) - Counter(na)
    for label, extra in ((path_a, only_a), (path_b, only_b)):
        for text in list(extra)[:5]:
            print(f"  only in {label}: {text}")
    if not only_a and not only_b:
        first = next(i for i, (x, y) in enumerate(zip(na, nb)) if x != y)
        print(f"  same findings, different order from position {first}:\n    {na[first]}\n    {nb[first]}")
    return 1


def expected(report_path, stats_path):
    with open(report_path, encoding="utf-8") as fr, open(stats_path, encoding="utf-8") as fs:
        got = Counter(f["rule"] for f in json.load(fr)["findings"])
        want = {k: v for k, v in json.load(fs)["expected_findings"].items()}
    bad = {rule: (n, got.get(rule, 0)) for rule, n in want.items() if got.get(rule, 0) != n}
    bad.update({rule: (0, n) for rule, n in got.items() if rule not in want})
    if bad:
        print("planted findings: DIFFER (rule: planted, reported): " +
              ", ".join(f"{r}: {p}, {g}" for r, (p, g) in sorted(bad.items())))
        return 1
    print(f"planted findings: all {sum(want.values())} reported, rule by rule")
    return 0


# ---- summary ---------------------------------------------------------------------------------------------

_TIMINGS = re.compile(r"load ([0-9.]+) s, audit ([0-9.]+) s")


def _runs(results, prefix):
    """(load seconds, audit seconds, max RSS bytes, wall seconds) of each run RESULTS/prefix.N.*"""
    runs = []
    i = 1
    while os.path.exists(os.path.join(results, f"{prefix}.{i}.err")):
        with open(os.path.join(results, f"{prefix}.{i}.err"), encoding="utf-8", errors="replace") as f:
            m = _TIMINGS.search(f.read())
        rss = wall = None
        with open(os.path.join(results, f"{prefix}.{i}.time"), encoding="utf-8", errors="replace") as f:
            for line in f:
                if "Maximum resident set size" in line:
                    rss = int(line.rsplit(":", 1)[1]) * 1024
                elif "Elapsed (wall clock)" in line:
                    parts = [float(p) for p in line.rsplit(": ", 1)[1].strip().split(":")]
                    wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        if m:
            runs.append((float(m.group(1)), float(m.group(2)), rss, wall))
        i += 1
    return runs


def _bench(results):
    """best (lowest) CPU and wall seconds, and best bytes/s, of each benchmark (name without size) in bench.json"""
    path = os.path.join(results, "bench.json")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate" or b.get("error_occurred"):
            continue
        name = b["name"].split("/")[0]
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b.get("time_unit", "ns")]
        cpu, real, rate = b["cpu_time"] * scale, b["real_time"] * scale, b.get("bytes_per_second", 0.0)
        old = out.get(name)
        out[name] = (min(cpu, old[0]), min(real, old[1]), max(rate, old[2])) if old else (cpu, real, rate)
    return out


def _mark(ok):
    return "met" if ok else "MISSED"


def summary(results):
    with open(os.path.join(results, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    n, m = meta["municipalities"], meta["baseline_municipalities"]
    size_n, size_m = meta["bytes"], meta["baseline_bytes"]
    ours = _runs(results, "samverkan")
    ours_m = _runs(results, "samverkan_small") if m != n else ours
    base = _runs(results, "baseline")
    bench = _bench(results)
    mb = 1e6

    def med(rows, i):
        vals = [r[i] for r in rows if r[i] is not None]
        return statistics.median(vals) if vals else None

    load, audit, rss = med(ours, 0), med(ours, 1), max((r[2] for r in ours if r[2]), default=None)
    print(f"model: {n} municipalities, {meta['duties']:,} duties, {meta['relations']:,} relations, "
          f"{size_n / mb:,.1f} MB  ({len(ours)} runs of samverkan audit; medians)")
    print(f"machine: {meta['machine']}")
    print()
    rows = []
    if load is not None:
        rows.append(("samverkan load, tool (file -> validated model; wall)", f"{load:.3f} s",
                     f"{size_n / mb / load:,.0f} MB/s", ">= 100 MB/s", _mark(size_n / mb / load >= 100)))
    bench_load = bench.get("load_json")
    if bench_load and bench_load[2]:
        rows.append(("samverkan load, samverkan_benchmarks (CPU)", f"{bench_load[0]:.3f} s",
                     f"{bench_load[2] / mb:,.0f} MB/s", ">= 100 MB/s", _mark(bench_load[2] / mb >= 100)))
    if audit is not None:
        rows.append(("samverkan audit, tool (whole catalogue; wall)", f"{audit:.3f} s", "", "", ""))
    one = bench.get("one_pass_limit")
    bench_audit = bench.get("audit")
    if bench_audit and one:
        rows.append(("samverkan audit, samverkan_benchmarks (CPU)", f"{bench_audit[0]:.3f} s", "", "", ""))
        rows.append(("one-pass limit, samverkan_benchmarks (CPU)", f"{one[0]:.3f} s",
                     f"audit = {bench_audit[0] / one[0]:.1f} x", "<= 3 x", _mark(bench_audit[0] / one[0] <= 3)))
    if rss:
        rows.append(("samverkan peak memory (load + audit, max RSS)", f"{rss / mb:,.0f} MB",
                     f"{rss / size_n:.2f} x file", "<= 3 x file", _mark(rss / size_n <= 3)))
    if base:
        b_load, b_audit = med(base, 0), med(base, 1)
        o_load, o_audit = med(ours_m, 0), med(ours_m, 1)
        where = "" if m == n else f" (at {m} municipalities, {size_m / mb:,.1f} MB)"
        rows.append((f"networkx baseline load{where}", f"{b_load:.2f} s", f"ratio {b_load / o_load:,.0f} x", "", ""))
        rows.append((f"networkx baseline audit{where}", f"{b_audit:.2f} s", f"ratio {b_audit / o_audit:,.0f} x",
                     ">= 100 x", _mark(b_audit / o_audit >= 100)))
        b_rss = max((r[2] for r in base if r[2]), default=None)
        if b_rss:
            rows.append((f"networkx baseline peak memory{where}", f"{b_rss / mb:,.0f} MB",
                         f"{b_rss / size_m:.1f} x file", "", ""))
    elif meta.get("baseline_status"):
        rows.append(("networkx baseline", meta["baseline_status"], "", "", ""))
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'':{width}}{'measured':>12}  {'':22}{'target':>12}")
    for label, value, derived, target, mark in rows:
        print(f"{label:{width}}{value:>12}  {derived:22}{target:>12}  {mark}")
    for line in meta.get("notes", []):
        print(line)
    return 0


def main(argv):
    if len(argv) == 3 and argv[0] == "findings":
        return findings(argv[1], argv[2])
    if len(argv) == 3 and argv[0] == "expected":
        return expected(argv[1], argv[2])
    if len(argv) == 2 and argv[0] == "summary":
        return summary(argv[1])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
