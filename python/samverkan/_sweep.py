"""samverkan.sweep: withdrawal scenarios over one model on a dask.distributed cluster.

Each worker process loads the model once: tasks go through _state(), a loader cached per process and
keyed by the model's identity (a file's absolute path, size and modification time, or the key of the
model text scattered to the workers), guarded by a lock so that a worker's threads share one load. The
audit of the unchanged model, its standing duties and its delegation graph are computed once per worker
too; each scenario is then the library's region-based what_if given that audit (no withdrawn model is
built or audited), about half an audit's CPU time on the 290-municipality model.
"""

from __future__ import annotations

import hashlib
import math
import os
import random
import threading
import time
from collections import Counter
from typing import Any, Iterable, List, Optional, Sequence, Union

from . import _samverkan
from ._samverkan import Model

__all__ = ["sweep", "SweepResult"]

# ---- on the workers ------------------------------------------------------------------------------------

_LOCK = threading.Lock()
_STATE: dict = {}   # key -> (model, scenario runner)
_LOADS: dict = {}   # key -> how many times this process loaded it (tests check that it is 1)


def _file_key(path: str) -> tuple:
    st = os.stat(path)
    return ("file", os.path.abspath(path), st.st_size, st.st_mtime_ns)


def _state(source: Any, text: Optional[str] = None):
    """The (model, runner) of `source` in this process, loaded on first use."""
    key = _file_key(source) if text is None else ("text", source)
    with _LOCK:
        state = _STATE.get(key)
        if state is None:
            model = _samverkan._load_file(source) if text is None else _samverkan._load_text(text, "<sweep>")
            state = (model, _samverkan._ScenarioRunner(model))
            _STATE[key] = state
            _LOADS[key] = _LOADS.get(key, 0) + 1
        return state


def _actor_ids(source: Any, text: Optional[str] = None) -> List[str]:
    model, _ = _state(source, text)
    return sorted(model.ids("actor"))


def _run_batch(source: Any, text: Optional[str], batch: Sequence[tuple], details: bool) -> list:
    _, runner = _state(source, text)
    out = []
    for index, without in batch:
        r = runner.run(list(without), details)
        if details:
            added = r["added"].to_records()
        else:
            added = [{"rule": f["rule"], "severity": f["severity"], "subjects": f["subjects"]}
                     for f in r["added"].to_records()]
        row = {"scenario": index, "without": r["without"], "added": added,
               "added_summary": r["added"].summary, "failing": r["failing"]}
        if details:
            row["removed"] = r["removed"].to_records()
        out.append(row)
    return out


def loads_in_this_process() -> dict:
    """{model key: number of loads} in the calling process (for tests: client.run(...))."""
    with _LOCK:
        return dict(_LOADS)


# ---- on the client -------------------------------------------------------------------------------------

class SweepResult:
    """The scenarios of a sweep, in scenario order. Each is a dict: scenario (its index), without (sorted
    actor ids), added (the findings of what_if(M, without) that are added: rule, severity, subjects),
    added_summary ({'error': n, 'warning': n, 'info': n}) and failing (duties that stand in M and fail
    after the withdrawal, sorted)."""

    def __init__(self, scenarios: list, *, k: int, seed: Optional[int], workers: int, seconds: float) -> None:
        self.scenarios = scenarios
        self.k = k
        self.seed = seed
        self.workers = workers
        self.seconds = seconds

    def __len__(self) -> int:
        return len(self.scenarios)

    def __iter__(self):
        return iter(self.scenarios)

    def __getitem__(self, i):
        return self.scenarios[i]

    def to_records(self) -> list:
        """One flat row per scenario (pandas.DataFrame(result.to_records())): scenario, without, added_error,
        added_warning, added_info, n_failing, failing."""
        return [{"scenario": s["scenario"], "without": s["without"],
                 "added_error": s["added_summary"]["error"], "added_warning": s["added_summary"]["warning"],
                 "added_info": s["added_summary"]["info"], "n_failing": len(s["failing"]),
                 "failing": s["failing"]} for s in self.scenarios]

    def findings_records(self) -> list:
        """One row per added finding: scenario, rule, severity, subjects."""
        return [{"scenario": s["scenario"], "rule": f["rule"], "severity": f["severity"], "subjects": f["subjects"]}
                for s in self.scenarios for f in s["added"]]

    def failing_counts(self) -> Counter:
        """How many scenarios make each duty fail."""
        return Counter(d for s in self.scenarios for d in s["failing"])

    def __repr__(self) -> str:
        return (f"<SweepResult: {len(self)} scenarios of k={self.k}, {self.workers} workers, "
                f"{self.seconds:.2f} s>")


def _scenarios(actors: List[str], k: int, n: int, seed: Optional[int]) -> List[tuple]:
    if k < 1:
        raise ValueError("k must be at least 1")
    if k > len(actors):
        raise ValueError(f"k = {k} but the model has only {len(actors)} actors")
    if n < 0:
        raise ValueError("n must not be negative")
    rng = random.Random(seed)
    return [tuple(sorted(rng.sample(actors, k))) for _ in range(n)]


def sweep(client: Any, model: Union[str, "os.PathLike[str]", Model], *, k: int = 1, n: int = 100,
          seed: Optional[int] = 0, scenarios: Optional[Iterable[Iterable[str]]] = None,
          batch_size: Optional[int] = None, details: bool = False) -> SweepResult:
    """Runs withdrawal scenarios on a dask.distributed cluster and collects, per scenario, the added
    findings of what_if(M, W) and the duties that W makes fail (analytics.md).

    client      a dask.distributed.Client (a LocalCluster's or a remote scheduler's)
    model       a path every worker can read (each worker process loads it once), or a Model, which is
                sent to every worker once as JSON text
    k, n, seed  n scenarios, each withdrawing k distinct actors drawn with random.Random(seed) from the
                sorted actor ids; the same seed gives the same scenarios
    scenarios   explicit scenarios (lists of actor ids) instead of k, n and seed
    batch_size  scenarios per task (default: about four tasks per worker thread)
    details     keep each added finding's message and witness, and the removed findings

    An unknown actor in `scenarios` raises KeyError; a model that cannot be loaded raises LoadError.
    """
    start = time.perf_counter()
    if isinstance(model, Model):
        text = model.to_json()
        source: Any = "model-" + hashlib.sha256(text.encode("utf-8")).hexdigest()
        # a key of its own for each call: a hashed key may be released by an earlier call meanwhile
        text_future: Any = client.scatter(text, broadcast=True, hash=False)
    else:
        source = os.path.abspath(os.fspath(model))
        text_future = None
    if scenarios is None:
        actors = client.submit(_actor_ids, source, text_future, pure=False).result()
        todo = _scenarios(actors, k, n, seed)
    else:
        todo = [tuple(sorted(dict.fromkeys([s] if isinstance(s, str) else s))) for s in scenarios]
        k = max((len(s) for s in todo), default=0)
        seed = None
    indexed = list(enumerate(todo))
    threads = sum(client.nthreads().values()) or 1
    size = batch_size or max(1, math.ceil(len(indexed) / (4 * threads)))
    batches = [indexed[i:i + size] for i in range(0, len(indexed), size)]
    futures = [client.submit(_run_batch, source, text_future, batch, details, pure=False) for batch in batches]
    rows: list = []
    for part in client.gather(futures):
        rows.extend(part)
    rows.sort(key=lambda r: r["scenario"])
    return SweepResult(rows, k=k, seed=seed, workers=len(client.nthreads()),
                       seconds=time.perf_counter() - start)
