"""Score `pipeline.dates.extract_dates` on a broad set of everyday French date expressions.

    python benchmarks/everyday.py                 # figures over tests/dates/data/broad_everyday.tsv
    python benchmarks/everyday.py --errors        # and every miss, wrong value and false date
    python benchmarks/everyday.py --family range  # one family only

The set was written independently of the rules: one sentence per line, with its publication date.
In the sentence, [[...]] marks a calendar expression (TimeML DATE) whose expected value is given in
the last column (one per mark, separated by ";", a range as "START..END"), {{...}} an expression that
must not become a date (duration, set, amount, clock time, false friend), and <<...>> one that may be
tagged or not (TimeML TIME such as "ce matin"). Figures, as in ../shared/benchmarks/score.py:
- detected: gold dates overlapped by a predicted date;
- value-correct: gold dates with an overlapping prediction whose value or end_value gives the gold
  value at the gold's granularity (YYYY[-MM[-DD]] read as score.py does; other shapes such as
  2025-W11, 2025-Q1, 2025-SU or PRESENT_REF must be equal strings, which score.py never credits);
- score.py: value-correct exactly as score.py counts it (non-calendar gold values never match);
- range-exact: gold ranges with an overlapping prediction whose value and end_value both equal the gold;
- false dates: {{...}} expressions overlapped by a prediction.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.dates import DateMention, extract_dates  # noqa: E402

DATA = ROOT / "tests" / "dates" / "data" / "broad_everyday.tsv"
_MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}|<<(.+?)>>")
_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True)
class Gold:
    """One marked expression: its span in the clean sentence and, for a date, its values."""

    start: int
    end: int
    text: str
    kind: str  # date, neg, free
    value: str | None = None
    end_value: str | None = None


@dataclass
class Case:
    """One sentence of the set, marks removed."""

    ident: str
    published: dt.date
    family: str
    text: str
    golds: list[Gold] = field(default_factory=list)


def parse_line(line: str) -> Case:
    """A TSV line -> Case; the marks are removed from the sentence and become spans."""
    ident, published, family, marked, values = (line.rstrip("\n").split("\t") + [""])[:5]
    expected = [v.strip() for v in values.split(";") if v.strip()]
    case = Case(ident, dt.date.fromisoformat(published), family, "")
    parts: list[str] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        parts.append(marked[pos : m.start()])
        length += m.start() - pos
        inner = m.group(1) or m.group(2) or m.group(3)
        kind = "date" if m.group(1) else "neg" if m.group(2) else "free"
        value = end_value = None
        if kind == "date":
            if not expected:
                raise ValueError(f"{ident}: fewer values than [[...]] marks")
            value, _, end_value = expected.pop(0).partition("..")
        case.golds.append(Gold(length, length + len(inner), inner, kind, value, end_value or None))
        parts.append(inner)
        length += len(inner)
        pos = m.end()
    parts.append(marked[pos:])
    if expected:
        raise ValueError(f"{ident}: more values than [[...]] marks")
    case.text = "".join(parts)
    return case


def load(path: Path = DATA) -> list[Case]:
    """Every case of the data file (header line skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [parse_line(line) for line in lines[1:] if line.strip()]


def value_matches(gold: str, pred: str | None) -> bool:
    """score.py's rule for calendar values; other shapes (weeks, quarters, refs) must be equal."""
    g = _CALENDAR.fullmatch(gold)
    if not g:
        return pred == gold
    p = _CALENDAR.match(pred or "")
    if not p:
        return False
    for gold_part, pred_part in zip(g.groups(), p.groups(), strict=True):
        if gold_part is None:
            return True
        if pred_part != gold_part:
            return False
    return True


def _overlapping(gold: Gold, mentions: list[DateMention]) -> list[DateMention]:
    return [m for m in mentions if m.start < gold.end and gold.start < m.end]


@dataclass
class Tally:
    """Counts of one family (or of the whole set)."""

    dates: int = 0
    detected: int = 0
    correct: int = 0
    strict: int = 0  # score.py's own figure: only calendar-shaped gold values can match
    ranges: int = 0
    range_exact: int = 0
    negatives: int = 0
    false_dates: int = 0


def _describe(mentions: list[DateMention]) -> str:
    return ", ".join(f"{m.text!r}={m.value}" + (f"..{m.end_value}" if m.end_value else "") for m in mentions)


def _right_value(gold: Gold, over: list[DateMention]) -> bool:
    want = gold.value or ""
    return any(value_matches(want, m.value) or value_matches(want, m.end_value) for m in over)


def score(cases: list[Case], errors: list[str] | None = None) -> dict[str, Tally]:
    """Tallies per family and under "ALL"; with `errors`, a line per failure is appended to it."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for case in cases:
        mentions = extract_dates(case.text, case.published)
        for gold in case.golds:
            over = _overlapping(gold, mentions)
            ok = gold.kind == "date" and _right_value(gold, over)
            for t in (tallies[case.family], tallies["ALL"]):
                if gold.kind == "neg":
                    t.negatives += 1
                    t.false_dates += bool(over)
                elif gold.kind == "date":
                    t.dates += 1
                    t.detected += bool(over)
                    t.correct += ok
                    t.strict += ok and bool(_CALENDAR.fullmatch(gold.value or ""))
                    if gold.end_value:
                        t.ranges += 1
                        t.range_exact += any(
                            m.value == gold.value and m.end_value == gold.end_value for m in over
                        )
            if errors is None or gold.kind == "free" or ok or (gold.kind == "neg" and not over):
                continue
            want = f"{gold.value}" + (f"..{gold.end_value}" if gold.end_value else "")
            if gold.kind == "neg":
                errors.append(f"{case.ident} FALSE {gold.text!r}: {_describe(over)}  | {case.text}")
            elif not over:
                errors.append(f"{case.ident} MISS  {gold.text!r} want {want}  | {case.text}")
            else:
                got = _describe(over)
                errors.append(f"{case.ident} VALUE {gold.text!r} want {want} got {got}  | {case.text}")
    return dict(tallies)


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", action="store_true", help="print every miss, wrong value and false date")
    parser.add_argument("--family", help="score one family only")
    args = parser.parse_args(argv)
    cases = load(args.data)
    if args.family:
        cases = [c for c in cases if c.family == args.family]
    errors: list[str] | None = [] if args.errors else None
    tallies = score(cases, errors)
    print(
        f"{'family':<11} {'dates':>5} {'detected':>8} {'value-correct':>13} {'score.py':>8} "
        f"{'range-exact':>11} {'false dates':>11}"
    )
    for name in sorted(tallies, key=lambda n: (n == "ALL", n)):
        t = tallies[name]
        print(
            f"{name:<11} {t.dates:>5} {_pct(t.detected, t.dates):>8} {_pct(t.correct, t.dates):>13} "
            f"{_pct(t.strict, t.dates):>8} "
            f"{_pct(t.range_exact, t.ranges):>11} {t.false_dates:>5}/{t.negatives:<5}"
        )
    if errors:
        print()
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
