"""Measure the analyzer's accuracy against the gold corpus and OffMyChest.

Usage::

    .venv/bin/python benchmarks/analyzer_accuracy.py \\
        --messages ../shared/corpus/messages.jsonl \\
        --offmychest ../shared/data/offmychest/train.csv [--half A] [--errors 20] [--focus advice]

Gold JSON Lines (``spec/criteria.md`` section 6): level exact accuracy and its
confusion matrix; precision, recall and F1 with support for every flag and
safety category; unsafe recall and the false-positive rate on safe messages.
OffMyChest CSV (CL-Aff 2020, CC BY 4.0, Jaidka et al.): accuracy and macro-F1
(the mean of the F1 of the true and the false class) for each mapped label.
``--half A`` or ``--half B`` scores only the rows of one half of the authors
(split by a hash of the ``author`` column, as ``fit_fact_weights.py`` splits
them): tune on one half, check that the other keeps up.

``--errors N`` lists the first N misclassified items by id and labels only;
``--show-text`` adds their text, for local development: never paste that
output anywhere that is committed or shared.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

LEVELS = range(5)
FLAG_NAMES = (
    "advice",
    "bid_for_closeness",
    "controlling",
    "criticism",
    "merging",
    "thought_as_feeling",
)
SAFETY_NAMES = ("contempt", "crisis", "sexual_pressure", "threat")

# OffMyChest column -> the analyzer output that should agree with it
# (data/offmychest/README.md).
OFFMYCHEST_MAPPING = {
    "Emotional_disclosure": "disclosure.feelings",
    "Information_disclosure": "disclosure.facts",
    "Info_support": "advice",
}


@dataclass(frozen=True)
class Labels:
    """What one message is (or was predicted to be): level, flags, safety."""

    level: int
    flags: frozenset[str]
    safety: frozenset[str]
    facts: bool = False
    feelings: bool = False


@dataclass(frozen=True)
class Item:
    """One gold item: its id, its text (kept in memory only) and its labels."""

    id: str
    text: str
    labels: Labels


@dataclass
class PRF:
    """Counts for one label, with precision, recall and F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, got: bool) -> None:
        """Count one decision."""
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def support(self) -> int:
        """How many items truly carry the label."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted (no false alarms)."""
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when the label never occurs."""
        return self.tp / self.support if self.support else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        """Share of decisions that were right."""
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 1.0

    @property
    def macro_f1(self) -> float:
        """Mean of the F1 of the true class and of the false class."""
        negative = PRF(tp=self.tn, fp=self.fn, fn=self.fp, tn=self.tp)
        return (self.f1 + negative.f1) / 2


@dataclass
class GoldReport:
    """Everything measured on a gold corpus."""

    total: int = 0
    level_correct: int = 0
    confusion: list[list[int]] = field(default_factory=lambda: [[0] * 5 for _ in LEVELS])
    labels: dict[str, PRF] = field(
        default_factory=lambda: {name: PRF() for name in (*FLAG_NAMES, *SAFETY_NAMES)}
    )
    unsafe: PRF = field(default_factory=PRF)
    errors: list[tuple[Item, Labels]] = field(default_factory=list)

    @property
    def level_accuracy(self) -> float:
        """Exact level accuracy."""
        return self.level_correct / self.total if self.total else 1.0

    @property
    def unsafe_false_positive_rate(self) -> float:
        """Share of safe messages that were called unsafe."""
        safe = self.unsafe.fp + self.unsafe.tn
        return self.unsafe.fp / safe if safe else 0.0


def score_gold(items: Iterable[Item], predict: Callable[[str], Labels]) -> GoldReport:
    """Compare ``predict`` against every gold item."""
    report = GoldReport()
    for item in items:
        gold, got = item.labels, predict(item.text)
        report.total += 1
        report.confusion[gold.level][got.level] += 1
        report.level_correct += gold.level == got.level
        for name in FLAG_NAMES:
            report.labels[name].add(name in gold.flags, name in got.flags)
        for name in SAFETY_NAMES:
            report.labels[name].add(name in gold.safety, name in got.safety)
        report.unsafe.add(bool(gold.safety), bool(got.safety))
        if (gold.level, gold.flags, gold.safety) != (got.level, got.flags, got.safety):
            report.errors.append((item, got))
    return report


def score_binary(pairs: Iterable[tuple[bool, bool]]) -> PRF:
    """Count (expected, got) pairs of one binary label."""
    counts = PRF()
    for expected, got in pairs:
        counts.add(expected, got)
    return counts


def read_gold(path: Path) -> list[Item]:
    """Read a gold JSON Lines file (criteria.md section 6)."""
    items: list[Item] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            level = int(row["level"])
            labels = Labels(
                level=level,
                flags=frozenset(row.get("flags", ())),
                safety=frozenset(row.get("safety", ())),
                feelings=level >= 2,
            )
            items.append(Item(str(row.get("id", f"line{number}")), row["text"], labels))
    return items


# The CSV was exported with characters written as "<U+0092>" (a Windows-1252
# apostrophe in ~7% of rows); decode them back so the text reads as posted.
_ESCAPED_CHAR = re.compile(r"<U\+([0-9A-Fa-f]{4})>")


def author_half(author: str) -> str:
    """``"A"`` or ``"B"``: a stable hash of the author, so whole authors stay together."""
    return "A" if hashlib.md5(author.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def read_offmychest(path: Path, half: str | None = None) -> list[tuple[str, dict[str, bool], str]]:
    """Read the OffMyChest CSV as (sentence id, {column: label}, text) rows, all of
    them or only those of one half of the authors (``author_half``)."""
    rows: list[tuple[str, dict[str, bool], str]] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            if half is not None and author_half(row.get("author", "")) != half:
                continue
            truth = {column: row[column].strip() == "1" for column in OFFMYCHEST_MAPPING}
            text = _ESCAPED_CHAR.sub(lambda m: chr(int(m.group(1), 16)), row["full_text"])
            rows.append((row.get("sentenceid", ""), truth, text))
    return rows


def offmychest_prediction(got: Labels) -> dict[str, bool]:
    """Map an analyzer result onto the OffMyChest columns."""
    return {
        "Emotional_disclosure": got.feelings,
        "Information_disclosure": got.facts,
        "Info_support": "advice" in got.flags,
    }


def analyzer_predict() -> Callable[[str], Labels]:
    """Wrap ``intimacy_rules.analysis.analyzer.analyze`` as a ``Labels`` predictor."""
    # Imported here so the metric code can be tested (and --help run) on its own.
    from intimacy_rules.analysis.analyzer import analyze  # noqa: PLC0415

    def predict(text: str) -> Labels:
        result = analyze(text)
        return Labels(
            level=result.level,
            flags=frozenset(result.flags),
            safety=frozenset(result.safety),
            facts=result.disclosure.facts,
            feelings=result.disclosure.feelings,
        )

    return predict


def _fmt(name: str, counts: PRF) -> str:
    return (
        f"  {name:<20} P={counts.precision:.3f} R={counts.recall:.3f} "
        f"F1={counts.f1:.3f} support={counts.support}"
    )


def _names(values: Iterable[str]) -> str:
    return ",".join(sorted(values)) or "-"


def _wrong_on(focus: str | None, gold: Labels, got: Labels) -> bool:
    """Whether an error concerns ``focus`` (a label name, 'level', or None for any)."""
    if focus is None:
        return True
    if focus == "level":
        return gold.level != got.level
    return (focus in gold.flags | gold.safety) != (focus in got.flags | got.safety)


def print_gold(report: GoldReport, errors: int, focus: str | None, show_text: bool) -> None:
    """Print a gold report."""
    print(f"gold messages: {report.total}")
    print(f"level exact accuracy: {report.level_accuracy:.3f}")
    print("level confusion (rows = gold, columns = predicted):")
    print("        " + " ".join(f"{level:>5}" for level in LEVELS))
    for level, row in zip(LEVELS, report.confusion, strict=True):
        print(f"  {level:>5} " + " ".join(f"{count:>5}" for count in row))
    print("flags:")
    for name in FLAG_NAMES:
        print(_fmt(name, report.labels[name]))
    print("safety:")
    for name in SAFETY_NAMES:
        print(_fmt(name, report.labels[name]))
    print(
        f"unsafe recall={report.unsafe.recall:.3f} "
        f"false-positive rate on safe={report.unsafe_false_positive_rate:.3f} "
        f"(unsafe={report.unsafe.support}, safe={report.unsafe.fp + report.unsafe.tn})"
    )
    shown = 0
    for item, got in report.errors:
        gold = item.labels
        if not _wrong_on(focus, gold, got):
            continue
        if shown >= errors:
            break
        shown += 1
        print(
            f"  ERR {item.id}: level {gold.level}->{got.level} "
            f"flags {_names(gold.flags)}->{_names(got.flags)} "
            f"safety {_names(gold.safety)}->{_names(got.safety)}"
        )
        if show_text:
            print(f"      {item.text}")


def run_offmychest(
    path: Path,
    predict: Callable[[str], Labels],
    errors: int,
    focus: str | None,
    show_text: bool,
    half: str | None = None,
) -> dict[str, PRF]:
    """Score and print the OffMyChest mapping (of one half of the authors, if given)."""
    rows = read_offmychest(path, half)
    counts = {column: PRF() for column in OFFMYCHEST_MAPPING}
    shown = 0
    for sentence_id, truth, text in rows:
        got = offmychest_prediction(predict(text))
        wrong = [column for column in OFFMYCHEST_MAPPING if truth[column] != got[column]]
        for column in OFFMYCHEST_MAPPING:
            counts[column].add(truth[column], got[column])
        if focus is not None:
            wrong = [c for c in wrong if OFFMYCHEST_MAPPING[c] == focus or c == focus]
        if wrong and shown < errors:
            shown += 1
            print(
                "  ERR row "
                + sentence_id
                + ": "
                + " ".join(f"{c} {int(truth[c])}->{int(got[c])}" for c in wrong)
            )
            if show_text:
                print(f"      {text}")
    which = "" if half is None else f", authors' half {half}"
    print(f"offmychest rows: {len(rows)} (CL-Aff OffMyChest, CC BY 4.0{which})")
    for column, target in OFFMYCHEST_MAPPING.items():
        c = counts[column]
        print(
            f"  {column:<23} -> {target:<20} accuracy={c.accuracy:.3f} "
            f"macro-F1={c.macro_f1:.3f} (positives={c.support})"
        )
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run the requested measurements, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=Path, help="gold JSON Lines (criteria.md section 6)")
    parser.add_argument("--offmychest", type=Path, help="OffMyChest CSV with labels")
    parser.add_argument("--errors", type=int, default=0, help="list the first N misclassified")
    parser.add_argument("--focus", help="list only errors on this label (or 'level')")
    parser.add_argument(
        "--half", choices=("A", "B"), help="score only one half of the OffMyChest authors"
    )
    parser.add_argument(
        "--show-text", action="store_true", help="print error texts (local development only)"
    )
    args = parser.parse_args(argv)
    if args.messages is None and args.offmychest is None:
        parser.error("give --messages and/or --offmychest")
    predict = analyzer_predict()
    if args.messages is not None:
        report = score_gold(read_gold(args.messages), predict)
        print_gold(report, args.errors, args.focus, args.show_text)
    if args.offmychest is not None:
        run_offmychest(args.offmychest, predict, args.errors, args.focus, args.show_text, args.half)
    return 0


if __name__ == "__main__":
    sys.exit(main())
