"""Fit the advice weights of ``intimacy_rules.analysis.advice_score`` on OffMyChest.

Usage::

    .venv/bin/python benchmarks/fit_advice_weights.py \\
        --offmychest ../shared/data/offmychest/train.csv [--folds 5] [--l2 1.0] \\
        [--fit-on A]

Every sentence of the CSV (CL-Aff 2020 "Get it #OffMyChest", CC BY 4.0, Jaidka
et al.) is run through the advice cues; sentences without a cue are predicted
"no advice" whatever the weights. Over the sentences with a cue, an
L2-regularised logistic regression learns one weight per feature (cue names and
word classes, never words of the corpus), pulled toward a prior that trusts the
plain advice cues ("you should", "have you tried"), so cues the corpus rarely
shows keep their meaning; sentences with a sure cue (``SURE_CUES``) count as
advice whatever the score, exactly as the analyzer decides. The decision
threshold is chosen on the training folds. It prints the k-fold
cross-validated accuracy and macro-F1, then the table to paste into
``advice_score.py``.

``--fit-on A`` (or ``B``) fits on one half of the file only and scores the
other half: the halves split by a hash of the ``author`` column, so every
author's sentences fall in one half, and features tuned on one half can be
checked on people they never saw. The fit is deterministic: sums are
``math.fsum`` over features in sorted order, so the weights do not depend on
the string hash seed.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path

# One split for every script: "half A" names the same authors everywhere.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from analyzer_accuracy import read_offmychest

from intimacy_rules.analysis.advice_score import SURE_CUES
from intimacy_rules.analysis.flags import advice_candidates
from intimacy_rules.analysis.text import normalize

#: Cues that are advice by their form: the prior keeps them positive.
STRONG_CUES = (
    "you_should",
    "you_need_to",
    "you_might_want",
    "i_suggest",
    "in_your_place",
    "have_you_tried",
    "why_dont_you",
    "maybe_try",
    "take_over",
    "make_sure",
    "best_thing",
    "imperative_advice",
)
PRIOR_STRONG = 1.5

Row = tuple[tuple[str, ...], bool]  # sorted features of the row's candidates (empty: none), label
HALVES = ("A", "B")


def load(path: Path) -> dict[str, list[Row]]:
    """Read the CSV (as the accuracy benchmark does) and compute the candidate
    features of every sentence, by half of the authors."""
    rows: dict[str, list[Row]] = {half: [] for half in HALVES}
    for half, out in rows.items():
        for _, truth, text in read_offmychest(path, half):
            candidates = advice_candidates(normalize(text))
            features = tuple(sorted(set().union(*candidates))) if candidates else ()
            out.append((features, truth["Info_support"]))
    return rows


def prior(feature: str) -> float:
    """The weight a feature is pulled toward."""
    return PRIOR_STRONG if feature.removeprefix("cue:") in STRONG_CUES else 0.0


def fit(rows: Sequence[Row], l2: float, epochs: int = 1000, rate: float = 3.0) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent over sparse binary features."""
    train = [(features, label) for features, label in rows if features]
    names = sorted(set().union(*(features for features, _ in train)) | {"bias"})
    weights = {name: prior(name) for name in names}
    n = len(train)
    for _ in range(epochs):
        gradient = dict.fromkeys(names, 0.0)
        for features, label in train:
            z = math.fsum([weights["bias"], *(weights[f] for f in features)])
            error = 1 / (1 + math.exp(-z)) - (1.0 if label else 0.0)
            gradient["bias"] += error
            for feature in features:
                gradient[feature] += error
        for name in names:
            penalty = 0.0 if name == "bias" else l2 * (weights[name] - prior(name))
            weights[name] -= rate * (gradient[name] / n + penalty / n)
    return weights


def score(weights: dict[str, float], features: Sequence[str]) -> float:
    """The weighted sum for one row (``math.fsum``, as ``advice_score`` sums)."""
    return math.fsum([weights.get("bias", 0.0), *(weights.get(f, 0.0) for f in features)])


def predict(weights: dict[str, float], features: Sequence[str], shift: float) -> bool:
    """The analyzer's rule: a sure cue, or a score above the threshold."""
    if not features:
        return False
    return not SURE_CUES.isdisjoint(features) or score(weights, features) + shift > 0


def macro_f1(pairs: Sequence[tuple[bool, bool]]) -> tuple[float, float]:
    """(accuracy, macro-F1) of (expected, predicted) pairs."""
    tp = sum(e and p for e, p in pairs)
    fp = sum(p and not e for e, p in pairs)
    fn = sum(e and not p for e, p in pairs)
    tn = len(pairs) - tp - fp - fn

    def f1(tp: int, fp: int, fn: int) -> float:
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    return (tp + tn) / len(pairs), (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2


def best_shift(weights: dict[str, float], rows: Sequence[Row]) -> float:
    """The bias shift that maximises macro-F1 on ``rows`` (a threshold on the score)."""
    candidates = [s / 10 for s in range(-30, 31)]

    def quality(shift: float) -> float:
        pairs = [(label, predict(weights, f, shift)) for f, label in rows]
        return macro_f1(pairs)[1]

    return max(candidates, key=quality)


def main(argv: Sequence[str] | None = None) -> int:
    """Cross-validate, then fit on everything and print the weights table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offmychest", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument(
        "--fit-on",
        choices=("all", *HALVES),
        default="all",
        help="fit on one half (by author) and score the other; default: the whole file",
    )
    args = parser.parse_args(argv)
    halves = load(args.offmychest)
    if args.fit_on == "all":
        rows, held_out = [row for half in HALVES for row in halves[half]], []
    else:
        rows = halves[args.fit_on]
        held_out = [row for half in HALVES if half != args.fit_on for row in halves[half]]
    print(f"rows: {len(rows)}, with an advice cue: {sum(bool(f) for f, _ in rows)}")
    results = []
    for fold in range(args.folds):
        train = [row for i, row in enumerate(rows) if i % args.folds != fold]
        test = [row for i, row in enumerate(rows) if i % args.folds == fold]
        weights = fit(train, args.l2)
        shift = best_shift(weights, train)
        pairs = [(label, predict(weights, f, shift)) for f, label in test]
        results.append(macro_f1(pairs))
        print(f"fold {fold}: accuracy={results[-1][0]:.3f} macro-F1={results[-1][1]:.3f}")
    accuracy = sum(r[0] for r in results) / len(results)
    macro = sum(r[1] for r in results) / len(results)
    print(f"{args.folds}-fold cross-validated: accuracy={accuracy:.3f} macro-F1={macro:.3f}")
    weights = fit(rows, args.l2)
    weights["bias"] += best_shift(weights, rows)
    if held_out:
        accuracy, macro = macro_f1([(label, predict(weights, f, 0.0)) for f, label in held_out])
        print(f"held-out half ({len(held_out)} rows): accuracy={accuracy:.3f} macro-F1={macro:.3f}")
    for name in STRONG_CUES:  # cues the corpus never shows keep their prior
        weights.setdefault("cue:" + name, PRIOR_STRONG)
    print(f"ADVICE_BIAS: Final = {weights.pop('bias'):.2f}")
    print("ADVICE_WEIGHTS: Final[Mapping[str, float]] = {")
    for name in sorted(weights):
        print(f'    "{name}": {weights[name]:.2f},')
    print("}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
