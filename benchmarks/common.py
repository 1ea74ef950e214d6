"""Shared by the benchmark scripts: run the real pipeline on a dataset in the common benchmark
format (DATASET/docs/*.txt with front matter, DATASET/gold.jsonl) and score with its score.py."""

from __future__ import annotations

import contextlib
import importlib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "score.py"


def load_scorer(dataset: Path, scorer: Path | None = None) -> ModuleType:
    """The reference score.py: SCORER if given, else the one beside the dataset folder, else the shared
    one (../shared/benchmarks/score.py, for the project's own sets under tests/data)."""
    if scorer is None:
        beside = dataset.resolve().parent / "score.py"
        scorer = beside if beside.exists() else SHARED_SCORER
    folder = str(scorer.resolve().parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module("score")


def run_pipeline(dataset: Path, out: Path | None = None, **options: Any) -> Path:
    """Run `pipeline.core.run` on DATASET/docs into `out` (a fresh temporary folder by default)."""
    from pipeline.core import run

    out = out or Path(tempfile.mkdtemp(prefix="bench-"))
    options.setdefault("formats", ("parquet",))
    run(dataset / "docs", out, **options)
    return out


def read_table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet")


def by_doc(frame: pd.DataFrame, columns: list[str]) -> dict[str, list[dict[str, Any]]]:
    """{doc_id: [row dicts with `columns`]} with None for missing values, in table order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in frame.itertuples(index=False):
        rec = {c: _plain(getattr(row, c)) for c in columns}
        out.setdefault(row.doc_id, []).append(rec)
    return out


def write_predictions(path: Path, key: str, preds: dict[str, list[Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for doc, items in sorted(preds.items()):
            fh.write(json.dumps({"doc": doc, key: items}, ensure_ascii=False) + "\n")


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def read_gold(dataset: Path) -> dict[str, dict[str, Any]]:
    return load_scorer(dataset).read_jsonl(dataset / "gold.jsonl")


def date_predictions(out: Path) -> dict[str, list[dict[str, Any]]]:
    """The dates table in score.py's format: {doc: [{start, end, value, end_value}]}."""
    return by_doc(read_table(out, "dates"), ["start", "end", "text", "value", "end_value"])


def entity_predictions(out: Path) -> dict[str, list[dict[str, Any]]]:
    return by_doc(read_table(out, "entities"), ["start", "end", "text", "label", "canonical"])


def keyphrase_predictions(out: Path) -> dict[str, list[str]]:
    frame = read_table(out, "keywords").sort_values(["doc_id", "rank"])
    return {doc: list(group["keyword"]) for doc, group in frame.groupby("doc_id", sort=True)}


# The level-2 themes the gold's `themes` key is annotated with (../shared/gold/GUIDELINES.md, "Themes"):
# level-2 rows of other themes (diplomatie, justice_tribunaux...) are outside what the seeds' gold judges.
GUIDELINE_THEMES = frozenset(
    {
        "intelligence_artificielle", "ethique_confiance", "securite", "regulation_gouvernance",
        "cooperation_internationale", "donnees_vie_privee", "inegalites_inclusion", "haine_desinformation",
        "telecoms_infrastructures", "sante", "innovation_economie", "education_sensibilisation",
        "environnement",
    }
)  # fmt: skip


def theme_predictions(out: Path, level: int, only: frozenset[str] | None = None) -> dict[str, list[str]]:
    """{doc: theme ids} of the themes table's rows of one level (level 1: the IPTC qcodes; level 2: the
    finer themes, restricted to `only` when given); every analysed document, with [] when it has none."""
    themes, docs = read_table(out, "themes"), read_table(out, "documents")
    preds: dict[str, list[str]] = {str(d): [] for d in docs["doc_id"]}
    rows = themes[themes["level"] == level] if "level" in themes.columns else themes
    for doc, theme in zip(rows["doc_id"], rows["theme"], strict=True):
        if only is None or theme in only:
            preds.setdefault(str(doc), []).append(str(theme))
    return preds


def theme_scores(score: ModuleType, gold: dict[str, dict[str, Any]], out: Path) -> dict[str, dict[str, Any]]:
    """score.py's `themes` figures (micro P/R/F1, documents without a theme) for each gold key present:
    `iptc` against the level-1 rows; `themes` against the level-2 rows, both all of them and only those of
    the guideline's 13 themes (the seeds' gold scores those)."""
    results: dict[str, dict[str, Any]] = {}
    if any("iptc" in g for g in gold.values()):
        results["iptc (level 1)"] = score.score_themes(gold, theme_predictions(out, 1), key="iptc")
    if any("themes" in g for g in gold.values()):
        results["themes (level 2, guideline themes)"] = score.score_themes(
            gold, theme_predictions(out, 2, GUIDELINE_THEMES), key="themes"
        )
        results["themes (level 2, every row)"] = score.score_themes(
            gold, theme_predictions(out, 2), key="themes"
        )
    return results


_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def build_corpus(sources: Path, target: Path, min_words: int = 0, min_docs: int = 0) -> int:
    """Copies of every docs/*.txt under `sources` (each with a unique first line) until there are at least
    `min_words` words and `min_docs` documents; returns the word count."""
    texts = []
    for path in sorted(sources.glob("*/docs/*.txt")):
        texts.append(
            (f"{path.parent.parent.name}-{path.stem}", _FRONT.sub("", path.read_text(encoding="utf-8")))
        )
    if not texts:
        raise SystemExit(f"no */docs/*.txt under {sources}")
    target.mkdir(parents=True)
    words, copy = 0, 0
    while words < min_words or copy * len(texts) < min_docs:
        for name, text in texts:
            body = f"Copie {copy} du document {name}\n{text}"
            (target / f"c{copy:03d}-{name}.txt").write_text(body, encoding="utf-8")
            words += len(body.split())
        copy += 1
    return words


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids = (task / "children").read_text().split()
            out += [int(k) for k in kids]
    except OSError:
        pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


PSS_INTERVAL = 0.5  # seconds between two readings of the process tree's PSS


def measure(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(seconds, peak summed PSS in MB) of a whole process tree.

    PSS is read every PSS_INTERVAL seconds, not more often: the kernel builds smaps_rollup by walking
    the page tables of the process under its memory-map lock, so frequent readings slow down what is
    measured, and a run with worker processes more than a single process (one 2-worker run: 28-35 s
    read every 50 ms, 26-27 s every 500 ms, with the same peak within 2%)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    peak = 0
    while proc.poll() is None:
        pids, todo = [], [proc.pid]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            todo += _children(pid)
        peak = max(peak, sum(_pss_kb(p) for p in pids))
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=PSS_INTERVAL)  # returns as soon as the process ends: exact seconds
    seconds = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode()[-2000:]}")
    return seconds, peak / 1024
