"""Check that two versions of the flag and safety detectors find exactly the same things.

Usage::

    # 1. with the reference code first on the path: write its digest
    PYTHONPATH=/path/to/reference python benchmarks/detector_equivalence.py \\
        --out /tmp/base.jsonl CORPUS.csv CORPUS.jsonl ...
    # 2. with the code under test: write its digest and compare
    PYTHONPATH=/path/to/candidate python benchmarks/detector_equivalence.py \\
        --out /tmp/new.jsonl --compare /tmp/base.jsonl CORPUS.csv CORPUS.jsonl ...

Inputs, in a fixed order: the texts of the corpora given as arguments (the
``full_text`` column of a CSV, the ``text`` field of JSON Lines, every
``text`` string of a JSON file), the sentences the analysis tests are written
with, strings generated at random from every cue pattern of the flag and
safety tables (put inside contexts that wake the guards and the detectors'
own vetoes), and seeded mutations of all of these: upper case, stretched
letters, emoji, curly or dropped apostrophes, lost punctuation,
concatenations and long texts up to 1 MB.

For every input one line is written: its index, a hash of its text, and every
``Finding`` (label, start, end, why) of ``detect_flags`` and ``detect_safety``
plus the features ``advice_candidates`` gives. No text is ever written or
printed, only hashes, numbers and the cues' own reasons. The generator reads
the cue tables, so both runs must use the same tables (the machinery may
differ): the input hashes prove that they did. The script runs itself with
``PYTHONHASHSEED=0`` (see ``main`` for why).
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import json
import os
import random
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

try:  # Python >= 3.11 keeps the parser private; older names stay as a fallback.
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_HASH_SEED = "0"
_ROOT = Path(__file__).resolve().parent.parent

_PREFIXES = (
    "",
    "",
    "",
    "ok so ",
    "honestly, ",
    "he said ",
    "she keeps saying ",
    "i don't think ",
    "never ",
    "lol ",
    "haha ",
    "my boss told me ",
    "Seriously. ",
    "and then, ",
    "if ",
    "so just ",
    "\n",
    "we were at the game and ",
    "Im so tired. ",
    "you ",
)
_SUFFIXES = (
    "",
    "",
    "",
    ".",
    "!",
    "?",
    " haha jk",
    " lol",
    " 😂",
    " love you",
    " at the trivia game",
    ", come on",
    " only if you want to",
    " send nudes",
    " in bed",
    " i'll bring lunch",
    " you owe me",
    " right now.",
    " with me",
    " or else",
    " 💀",
    " because i said so",
    "... anyway",
)
_EMOJI = ("😂", "🙂", "❤", "💀", "🍆", "👀", "😏", "🥰", "🙄", "\u2764\ufe0f")
#: Tests whose sentences are inputs; a fixed list, so adding tests elsewhere
#: does not change the inputs between a reference run and a later one.
_TEST_FILES = (
    "test_flags.py",
    "test_safety.py",
    "test_advice_score.py",
    "test_analyzer.py",
    "test_level.py",
    "test_thought.py",
)
_CHAR_POOL = "abcdefghijklmnopqrstuvwxyz '.,!?\n0123456789-"


def _corpus_texts(paths: Sequence[Path]) -> list[str]:
    """The texts of the corpora, file by file, in file order."""
    texts: list[str] = []
    for path in paths:
        if path.suffix == ".csv":
            with path.open(newline="", encoding="utf-8") as handle:
                texts.extend(row["full_text"] or "" for row in csv.DictReader(handle))
        elif path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        record = json.loads(line)
                        if isinstance(record, dict) and isinstance(record.get("text"), str):
                            texts.append(record["text"])
        elif path.suffix == ".json":
            texts.extend(_json_texts(json.loads(path.read_text(encoding="utf-8"))))
        elif path.is_dir():
            texts.extend(_corpus_texts(sorted(path.iterdir())))
        else:
            raise SystemExit(f"unknown corpus format: {path.name}")
    return texts


def _json_texts(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "text" and isinstance(item, str):
                yield item
            else:
                yield from _json_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_texts(item)


def _test_sentences() -> list[str]:
    """String literals of the analysis tests that look like chat (our own examples)."""
    found: list[str] = []
    for name in _TEST_FILES:
        path = _ROOT / "tests" / "analysis" / name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and " " in node.value
                and len(node.value) >= 6
            ):
                found.append(node.value)
    return found


def _sample(parsed: Any, rng: random.Random, depth: int = 0) -> str:
    """A random string the parsed pattern (mostly) matches; lookarounds are ignored."""
    out: list[str] = []
    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append(rng.choice([c for c in _CHAR_POOL if c != chr(arg)]))
        elif name == "ANY":
            out.append(rng.choice("a "))
        elif name == "IN":
            out.append(_sample_class(arg, rng))
        elif name == "BRANCH":
            out.append(_sample(rng.choice(arg[1]), rng, depth + 1))
        elif name == "SUBPATTERN":
            out.append(_sample(arg[-1], rng, depth + 1))
        elif name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
            low, high, item = arg
            high = min(high, low + 3) if high != sre_constants.MAXREPEAT else low + 3
            out.extend(_sample(item, rng, depth + 1) for _ in range(rng.randint(low, high)))
        elif name == "ASSERT" and arg[0] == 1 and rng.random() < 0.5:
            out.append(_sample(arg[1], rng, depth + 1))  # sometimes satisfy a lookahead
        # AT, ASSERT_NOT, GROUPREF…: nothing to emit.
    return "".join(out)


def _sample_class(items: Any, rng: random.Random) -> str:
    negate = any(str(op) == "NEGATE" for op, _ in items)
    members: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            members.add(chr(arg))
        elif name == "RANGE":
            low, high = arg
            members.update(chr(c) for c in range(low, min(high, low + 40) + 1))
        elif name == "CATEGORY":
            members.update(
                {
                    "CATEGORY_DIGIT": "7",
                    "CATEGORY_WORD": "a",
                    "CATEGORY_SPACE": " ",
                }.get(str(arg), ".")
            )
    if negate:
        pool = [c for c in _CHAR_POOL if c not in members]
        return rng.choice(pool) if pool else "#"
    return rng.choice(sorted(members)) if members else ""


def _cue_samples(rng: random.Random, per_cue: int) -> list[str]:
    """Strings generated from every flag and safety cue, inside waking contexts."""
    from intimacy_rules.analysis.flag_patterns import FLAG_RULES  # noqa: PLC0415
    from intimacy_rules.analysis.safety_patterns import SAFETY_RULES  # noqa: PLC0415

    samples: list[str] = []
    for rules in (*FLAG_RULES, *SAFETY_RULES):
        for cue in rules.cues:
            parsed = sre_parse.parse(cue.pattern)
            for _ in range(per_cue):
                body = _sample(parsed, rng)
                samples.append(rng.choice(_PREFIXES) + body + rng.choice(_SUFFIXES))
    return samples


def _stretch(text: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    for i in sorted(rng.sample(letters, min(len(letters), rng.randint(1, 3))), reverse=True):
        text = text[:i] + text[i] * rng.randint(2, 5) + text[i:]
    return text


def _mutate(text: str, rng: random.Random, pool: Sequence[str]) -> str:
    kind = rng.randrange(10)
    if kind == 0:
        return text.upper()
    if kind == 1:
        return _stretch(text, rng)
    if kind == 2:
        at = rng.randint(0, len(text))
        return text[:at] + rng.choice(_EMOJI) + text[at:]
    if kind == 3:
        return text.replace("'", rng.choice(["\u2019", "", "`"]))
    if kind == 4:
        return re.sub(r"[.,!?]", "", text)
    if kind == 5:
        return " ".join(rng.choice(pool) for _ in range(rng.randint(2, 5)))
    if kind == 6:
        return rng.choice(_PREFIXES) + text + rng.choice(_SUFFIXES)
    if kind == 7:
        return text.title()
    if kind == 8:
        return re.sub(r"\s+", rng.choice(["  ", "\n", " , "]), text)
    return _stretch(text.upper(), rng) + rng.choice(_EMOJI)


def inputs(corpora: Sequence[Path], seed: int = 20261125) -> list[str]:
    """Every input of the check, in a fixed order (see the module docstring)."""
    rng = random.Random(seed)
    base = _corpus_texts(corpora)
    base.extend(_test_sentences())
    base.extend(_cue_samples(rng, per_cue=8))
    generated = [_mutate(rng.choice(base), rng, base) for _ in range(8000)]
    # Long texts: many inputs glued together, without and with punctuation.
    for size in (2_000, 10_000, 50_000, 200_000):
        for joiner in (" ", ". ", "\n", ""):
            parts: list[str] = []
            total = 0
            while total < size:
                parts.append(rng.choice(base))
                total += len(parts[-1]) + len(joiner)
            generated.append(joiner.join(parts)[:size])
    megabyte = " ".join(rng.choice(base) for _ in range(20_000))
    generated.append(megabyte[:1_000_000])
    return base + generated


#: One input's digest line: its index ``i``, text hash ``h`` and the compared keys.
Row = dict[str, Any]


def text_hash(text: str) -> str:
    """A short hash of ``text``: proves both runs read the same inputs, shows none."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _row(index: int, text: str) -> Row:
    from intimacy_rules.analysis.flags import advice_candidates, detect_flags  # noqa: PLC0415
    from intimacy_rules.analysis.safety import detect_safety  # noqa: PLC0415
    from intimacy_rules.analysis.text import normalize  # noqa: PLC0415

    norm = normalize(text)
    # Alternate the order, so a cache shared by the detectors cannot hide a bug.
    if index % 2:
        safety = detect_safety(norm)
        flags = detect_flags(norm)
    else:
        flags = detect_flags(norm)
        safety = detect_safety(norm)
    advice = [sorted(features) for features in advice_candidates(norm)]
    return {
        "i": index,
        "h": text_hash(text),
        "flags": [list(f) for f in flags],
        "safety": [list(f) for f in safety],
        "advice": advice,
    }


def compare(ours: list[Row], theirs: list[Row], keys: Sequence[str]) -> int:
    """Print how many inputs were compared and which differ (indices only); count them."""
    if len(ours) != len(theirs):
        print(f"different number of inputs: {len(ours)} vs {len(theirs)}")
        return max(len(ours), len(theirs))
    differences = 0
    for mine, other in zip(ours, theirs, strict=True):
        if mine["h"] != other["h"]:
            print(f"input {mine['i']}: a different text (were the tables the same?)")
            differences += 1
            continue
        for key in keys:
            if mine[key] != other[key]:
                differences += 1
                if differences <= 30:
                    print(f"input {mine['i']} ({key}): {other[key]} -> {mine[key]}")
                break
    print(f"compared {len(ours)} inputs: {differences} different")
    return differences


def run_digest(
    description: str,
    make_row: Callable[[int, str], Row],
    keys: Sequence[str],
    argv: Sequence[str] | None = None,
) -> int:
    """Write one digest line per input with ``make_row``; compare with a reference if given.

    The command line of this script and of ``analysis_equivalence.py``.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("corpora", nargs="*", type=Path, help="CSV, JSON Lines, JSON or folders")
    parser.add_argument("--out", type=Path, required=True, help="where the digest goes")
    parser.add_argument("--compare", type=Path, help="a reference digest to compare with")
    args = parser.parse_args(argv)

    if os.environ.get("PYTHONHASHSEED") != _HASH_SEED:
        # The advice score sums float weights over a set of features, in the
        # set's order, which follows string hashing: a sentence whose weights
        # cancel out exactly can score 1e-16 in one process and 0.0 in the
        # next. Both runs must hash alike, or they differ without any change.
        os.environ["PYTHONHASHSEED"] = _HASH_SEED
        os.execv(sys.executable, [sys.executable, *sys.argv])

    from intimacy_rules.analysis import level  # noqa: PLC0415

    # A module's own file: the package's directory, and whether it is compiled.
    print(f"code under test: {level.__file__}")
    rows = [make_row(i, text) for i, text in enumerate(inputs(args.corpora))]
    with args.out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} inputs, digest in {args.out}")
    if args.compare is None:
        return 0
    with args.compare.open(encoding="utf-8") as handle:
        reference = [json.loads(line) for line in handle]
    return 1 if compare(rows, reference, keys) else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Digest the findings of the flag and safety detectors; compare if asked."""
    return run_digest(__doc__.split("\n\n")[0], _row, ("flags", "safety", "advice"), argv)


if __name__ == "__main__":
    sys.exit(main())
