"""Fit the life-information weights of ``intimacy_rules.analysis.facts`` on OffMyChest.

Usage::

    .venv/bin/python benchmarks/fit_fact_weights.py \\
        --offmychest ../shared/data/offmychest/train.csv [--train-half A] [--l2 1.0]

Every sentence of the CSV (CL-Aff 2020 "Get it #OffMyChest", CC BY 4.0, Jaidka
et al.) is graded as the analyzer grades it. Sentences where the rules found a
fact, where the spec rules a fact out (plans, questions: ``not_information``)
or with no first person are decided whatever the weights, exactly as the
analyzer decides; over the rest, an L2-regularised logistic regression (Newton
steps) learns one weight per feature of ``facts.life_features``, and the
threshold is the one that maximises the macro-F1 of ``disclosure.facts`` on the
training rows.

The rows are split into two halves by a hash of their author, so no author is
in both: the weights are fitted on ``--train-half`` and the held-out half is
scored with them, beside the weights in use now. It prints both halves' figures
and the table to paste into ``facts.py``. Only numbers are printed, never text.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

# One split for every script: "half A" names the same authors everywhere.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from analyzer_accuracy import read_offmychest

from intimacy_rules.analysis.facts import (
    LIFE_THRESHOLD,
    LIFE_WEIGHTS,
    life_features,
    not_information,
)
from intimacy_rules.analysis.level import grade
from intimacy_rules.analysis.text import normalize


class Row(NamedTuple):
    """One sentence: its half, whether it is decided already, its features, its label."""

    half: str
    decided: bool | None  # True/False when the rules or the spec decide, None otherwise
    features: dict[str, float]
    label: bool


def load(path: Path) -> list[Row]:
    """Read the CSV (as the accuracy benchmark does) and grade every sentence."""
    rows: list[Row] = []
    for half in ("A", "B"):
        for _, truth, text in read_offmychest(path, half):
            norm = normalize(text)
            graded = grade(norm)
            feeling = graded.level >= 2
            features = life_features(norm, feeling=feeling) or {}
            decided: bool | None = None
            if graded.rule_fact:
                decided = True  # the rules found a fact: true whatever the weights
            elif not features or not_information(norm):
                decided = False  # no first person, or a plan or a question (the spec)
            rows.append(Row(half, decided, features, truth["Information_disclosure"]))
    return rows


def _weighs(weights: dict[str, float], features: dict[str, float], threshold: float) -> bool:
    score = weights["bias"] + sum(weights[name] * value for name, value in features.items())
    return score > threshold


def fit(rows: Sequence[Row], l2: float, steps: int = 12) -> dict[str, float]:
    """Logistic regression by Newton steps over the undecided rows."""
    train = [row for row in rows if row.decided is None]
    names = ["bias", *sorted(train[0].features)]
    weights = dict.fromkeys(names, 0.0)
    for _ in range(steps):
        gradient = [0.0] * len(names)
        hessian = [[0.0] * len(names) for _ in names]
        for row in train:
            x = [1.0, *(row.features[name] for name in names[1:])]
            p = 1 / (1 + math.exp(-sum(weights[n] * v for n, v in zip(names, x, strict=True))))
            error, slope = p - row.label, p * (1 - p)
            for i, xi in enumerate(x):
                if xi:
                    gradient[i] += error * xi
                    for j, xj in enumerate(x):
                        hessian[i][j] += slope * xi * xj
        for i, name in enumerate(names[1:], 1):
            gradient[i] += l2 * weights[name]
            hessian[i][i] += l2
        step = _solve(hessian, gradient)
        weights = {name: weights[name] - s for name, s in zip(names, step, strict=True)}
    return weights


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is a dozen wide)."""
    n = len(vector)
    m = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col and m[r][col]:
                factor = m[r][col] / m[col][col]
                for k in range(col, n + 1):
                    m[r][k] -= factor * m[col][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def predict(row: Row, weights: dict[str, float], threshold: float) -> bool:
    """The analyzer's decision for one row."""
    if row.decided is not None:
        return row.decided
    return _weighs(weights, row.features, threshold)


def macro_f1(rows: Sequence[Row], weights: dict[str, float], threshold: float) -> float:
    """The mean of the F1 of the true and of the false class."""
    tp = fp = fn = tn = 0
    for row in rows:
        got = predict(row, weights, threshold)
        tp += row.label and got
        fp += got and not row.label
        fn += row.label and not got
        tn += not row.label and not got
    true_f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    false_f1 = 2 * tn / (2 * tn + fn + fp) if tn else 0.0
    return (true_f1 + false_f1) / 2


def best_threshold(rows: Sequence[Row], weights: dict[str, float]) -> float:
    """The threshold, in steps of 0.05, that maximises macro-F1 on ``rows``."""
    return max((t / 20 for t in range(-40, 41)), key=lambda t: macro_f1(rows, weights, t))


def main(argv: Sequence[str] | None = None) -> int:
    """Fit on one half, score both halves, print the weights table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offmychest", type=Path, required=True)
    parser.add_argument("--train-half", choices=("A", "B"), default="A")
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args(argv)
    rows = load(args.offmychest)
    train = [row for row in rows if row.half == args.train_half]
    held = [row for row in rows if row.half != args.train_half]
    print(f"rows: {len(rows)}, train half {args.train_half}: {len(train)}, held out: {len(held)}")
    weights = fit(train, args.l2)
    threshold = best_threshold(train, weights)
    for name, part in (("train", train), ("held-out", held)):
        now = macro_f1(part, LIFE_WEIGHTS, LIFE_THRESHOLD)
        new = macro_f1(part, weights, threshold)
        print(f"{name:>9}: macro-F1 in use {now:.3f}, refitted {new:.3f}")
    print("LIFE_WEIGHTS: Final[dict[str, float]] = {")
    for name, value in weights.items():
        print(f'    "{name}": {value:.2f},')
    print("}")
    print(f"LIFE_THRESHOLD: Final = {threshold:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
