"""Criticality of every actor of a collaboration model: which actors' withdrawal makes duties fail and
adds findings (analytics.md, section 2), as a table and a bar chart.

    ./dev.sh study                                       # builds the module, then runs this script
    python3 examples/python/criticality_study.py [MODEL] [--out docs/python-criticality.png]

MODEL defaults to the bundled examples/models/kommun_lag_2023_196.json. Prints the table (pandas) and
writes the PNG; the same model gives the same table and the same picture.
"""

import argparse
import pathlib

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import samverkan  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]


def criticality_table(model: samverkan.Model) -> pd.DataFrame:
    """One row per actor: name, category, duties that fail without it, findings its withdrawal adds."""
    rows = []
    for row in samverkan.criticality(model):
        actor = model.element("actor", row["actor"])
        rows.append({"actor": row["actor"], "name": actor["name"] or row["actor"], "category": actor["category"],
                     "failing": len(row["failing"]), "added_error": row["added"]["error"],
                     "added_warning": row["added"]["warning"], "added_info": row["added"]["info"],
                     "failing_duties": ", ".join(row["failing"])})
    df = pd.DataFrame(rows)
    return df.sort_values(["failing", "added_error", "actor"], ascending=[False, False, True]).reset_index(drop=True)


def plot(df: pd.DataFrame, title: str, out: pathlib.Path) -> None:
    shown = df.iloc[::-1]  # most critical at the top
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(shown) + 1.6))
    y = range(len(shown))
    ax.barh([i + 0.2 for i in y], shown["failing"], height=0.4, color="#b2182b", label="duties that fail")
    ax.barh([i - 0.2 for i in y], shown["added_error"], height=0.4, color="#ef8a62",
            label="errors the audit adds")
    ax.set_yticks(list(y))
    ax.set_yticklabels([f"{n} ({a})" for n, a in zip(shown["name"], shown["actor"])], fontsize=8)
    ax.set_xlabel("count when the actor alone is withdrawn")
    ax.set_title(title, fontsize=10)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110, metadata={"Software": None})
    plt.close(fig)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("model", nargs="?", default=str(ROOT / "examples" / "models" / "kommun_lag_2023_196.json"))
    p.add_argument("--out", default=str(ROOT / "docs" / "python-criticality.png"))
    args = p.parse_args()

    model = samverkan.load(args.model)
    df = criticality_table(model)
    with pd.option_context("display.width", 160, "display.max_colwidth", 60):
        print(df.drop(columns=["category"]).to_string(index=False))
    title = f"Criticality of each actor\n{model.name or pathlib.Path(args.model).stem}"
    plot(df, title, pathlib.Path(args.out))
    print(f"\n{(df['failing'] > 0).sum()} of {len(df)} actors are critical (some duty fails without them); "
          f"plot: {args.out}")


if __name__ == "__main__":
    main()
