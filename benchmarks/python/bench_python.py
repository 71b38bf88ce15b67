"""Speed of the Python package against the command-line tool, and of samverkan.sweep with 1 and 2 workers.

    PYTHONPATH=build/python/python /usr/bin/python3 benchmarks/python/bench_python.py \
        --tool build/python/samverkan --model /work/gen/m290.json [--runs 3] [--sweep-n 1000] [--workers 1,2]

audit: the tool's `audit FILE --format json --fail-on never` (wall time of the process, median of --runs)
against Python's load() + audit() + Report.to_json() (the same work: read, audit, write the same bytes), and
load() + audit() alone (what a script that only counts findings pays). The runs alternate tool and Python so
that load on the machine affects both alike. sweep: samverkan.sweep(client, MODEL, k=1, n=N, seed=1) on a
LocalCluster of W single-threaded worker processes, wall time from the call to the result (the workers'
one-time load of the model included, the cluster's start not).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def python_audit(model, write, command="audit"):
    import samverkan
    start = time.perf_counter()
    m = samverkan.load(model)
    report = samverkan.audit(m) if command == "audit" else samverkan.metrics(m)
    if write or command != "audit":
        with open(os.devnull, "w", encoding="utf-8") as out:
            out.write(report.to_json())
    else:
        report.summary
    return time.perf_counter() - start


def timed(argv):
    """(wall seconds, CPU seconds: user + system) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"{argv[0]} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime


def tool_audit(tool, model, command="audit"):
    extra = ["--fail-on", "never"] if command == "audit" else []
    return timed([tool, command, model, "--format", "json", *extra])


def in_child(write, model, command="audit"):
    """Each Python run in a fresh interpreter (start and import included), as each tool run is a fresh
    process."""
    code = ("import sys; sys.path[:0] = %r; import bench_python as b; b.python_audit(%r, %r, %r)"
            % ([os.path.dirname(os.path.abspath(__file__))] + sys.path, model, write, command))
    return timed([sys.executable, "-c", code])


def bench_audit(tool, model, runs):
    runs_of = {"tool": [], "python_json": [], "python_audit": []}
    for _ in range(runs):
        runs_of["tool"].append(tool_audit(tool, model))
        runs_of["python_json"].append(in_child(True, model))
        runs_of["python_audit"].append(in_child(False, model))
    med = statistics.median
    out = {}
    for what in ("wall", "cpu"):
        i = 0 if what == "wall" else 1
        t = med(r[i] for r in runs_of["tool"])
        pj = med(r[i] for r in runs_of["python_json"])
        pa = med(r[i] for r in runs_of["python_audit"])
        out[what] = {"tool_s": t, "python_json_s": pj, "python_audit_s": pa,
                     "overhead_json": pj / t - 1, "overhead_audit": pa / t - 1}
    out["runs"] = runs_of
    return out


def bench_metrics(tool, model, runs):
    t, p = [], []
    for _ in range(runs):
        t.append(tool_audit(tool, model, "metrics"))
        p.append(in_child(True, model, "metrics"))
    med = statistics.median
    out = {}
    for what, i in (("wall", 0), ("cpu", 1)):
        a, b = med(r[i] for r in t), med(r[i] for r in p)
        out[what] = {"tool_s": a, "python_s": b, "overhead": b / a - 1}
    out["runs"] = {"tool": t, "python": p}
    return out


def _worker_cpu():
    """CPU seconds (user + system, all threads) of the calling worker process so far."""
    import resource
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def bench_sweep(model, n, workers):
    """Per worker count: wall time of the sweep (the workers' one-time load and runner included, the
    cluster's start not), the CPU time the worker processes and the client spent on it, and the load
    average of the machine before and after (it is shared)."""
    import distributed
    import samverkan
    out = {}
    for w in workers:
        with distributed.LocalCluster(n_workers=w, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address=":0") as cluster, distributed.Client(cluster) as client:
            load_before = os.getloadavg()
            cpu_before = client.run(_worker_cpu)
            client_cpu = time.process_time()
            result = samverkan.sweep(client, model, k=1, n=n, seed=1)
            client_cpu = time.process_time() - client_cpu
            cpu_after = client.run(_worker_cpu)
            load_after = os.getloadavg()
            worker_cpu = sum(cpu_after[k] - cpu_before[k] for k in cpu_after)
            out[w] = {"seconds": result.seconds, "scenarios": len(result),
                      "per_scenario_s": result.seconds / max(1, len(result)),
                      "worker_cpu_s": worker_cpu, "client_cpu_s": client_cpu,
                      "loadavg_before": load_before, "loadavg_after": load_after,
                      "added_errors": sum(r["added_error"] for r in result.to_records()),
                      "failing": sum(r["n_failing"] for r in result.to_records())}
            print(f"sweep n={n} workers={w}: {json.dumps(out[w])}", file=sys.stderr, flush=True)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tool", required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--sweep-n", type=int, default=0, help="scenarios per sweep (0: no sweep)")
    p.add_argument("--sweep-model", help="model for the sweep (default: --model)")
    p.add_argument("--workers", default="1,2")
    p.add_argument("--skip-audit", action="store_true")
    p.add_argument("--metrics", action="store_true", help="also `metrics` against samverkan.metrics()")
    p.add_argument("--metrics-runs", type=int, help="runs of metrics (default: --runs)")
    args = p.parse_args()
    result = {"model": args.model, "loadavg_start": os.getloadavg()}
    if not args.skip_audit:
        result["audit"] = bench_audit(args.tool, args.model, args.runs)
        print(json.dumps(result["audit"], indent=1), file=sys.stderr, flush=True)
    if args.metrics:
        result["metrics"] = bench_metrics(args.tool, args.model, args.metrics_runs or args.runs)
        print(json.dumps(result["metrics"], indent=1), file=sys.stderr, flush=True)
    if args.sweep_n:
        result["sweep_model"] = args.sweep_model or args.model
        result["sweep"] = bench_sweep(result["sweep_model"], args.sweep_n,
                                      [int(w) for w in args.workers.split(",")])
    result["loadavg_end"] = os.getloadavg()
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
