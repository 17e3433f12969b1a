"""The accuracy benchmark's metric code, on tiny made-up data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import analyzer_accuracy as bench


def _labels(level: int = 0, flags: tuple[str, ...] = (), safety: tuple[str, ...] = ()) -> object:
    return bench.Labels(level, frozenset(flags), frozenset(safety), feelings=level >= 2)


def test_prf_counts_and_derived_scores() -> None:
    counts = bench.score_binary(
        [(True, True), (True, True), (True, False), (False, True), (False, False)]
    )
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (2, 1, 1, 1)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 3)
    assert counts.f1 == pytest.approx(2 / 3)
    assert counts.support == 3
    assert counts.accuracy == pytest.approx(3 / 5)
    # false class: tp=1 (tn), fp=1 (fn), fn=1 (fp) -> F1 0.5; mean with 2/3
    assert counts.macro_f1 == pytest.approx((2 / 3 + 0.5) / 2)


def test_prf_without_predictions_or_support_does_not_divide_by_zero() -> None:
    nothing = bench.score_binary([(False, False), (False, False)])
    assert nothing.precision == 1.0
    assert nothing.recall == 1.0
    missed = bench.score_binary([(True, False)])
    assert missed.recall == 0.0
    assert missed.f1 == 0.0


def test_score_gold_counts_levels_labels_and_unsafe() -> None:
    items = [
        bench.Item("a", "one", _labels(4, ("bid_for_closeness",))),
        bench.Item("b", "two", _labels(0, (), ("threat",))),
        bench.Item("c", "three", _labels(1)),
        bench.Item("d", "four", _labels(0)),
    ]
    predictions = {
        "one": _labels(4, ("bid_for_closeness",)),
        "two": _labels(0, ("controlling",), ()),
        "three": _labels(2),
        "four": _labels(0, (), ("contempt",)),
    }
    report = bench.score_gold(items, predictions.__getitem__)
    assert report.total == 4
    assert report.level_accuracy == pytest.approx(3 / 4)
    assert report.confusion[1][2] == 1
    assert report.labels["bid_for_closeness"].f1 == 1.0
    assert report.labels["threat"].recall == 0.0
    assert report.labels["controlling"].fp == 1
    assert report.unsafe.recall == 0.0
    assert report.unsafe_false_positive_rate == pytest.approx(1 / 3)
    assert [item.id for item, _ in report.errors] == ["b", "c", "d"]


def test_error_focus_selects_errors_on_one_label() -> None:
    gold = _labels(2, ("advice",))
    assert bench._wrong_on("advice", gold, _labels(2))
    assert not bench._wrong_on("advice", gold, _labels(3, ("advice",)))
    assert bench._wrong_on("level", gold, _labels(3, ("advice",)))
    assert bench._wrong_on(None, gold, _labels(2))


def test_readers_parse_gold_and_offmychest(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"id": "x1", "text": "made up", "level": 3, "flags": ["merging"], "safety": []},
        {"id": "x2", "text": "also made up", "level": 0, "safety": ["crisis"]},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    items = bench.read_gold(gold)
    assert [i.id for i in items] == ["x1", "x2"]
    assert items[0].labels.flags == frozenset({"merging"})
    assert items[0].labels.feelings
    assert items[1].labels.safety == frozenset({"crisis"})

    table = tmp_path / "omc.csv"
    table.write_text(
        "sentenceid,full_text,Emotional_disclosure,Information_disclosure,Info_support\n"
        '7,"you could, maybe, ask",0,0,1\n'
        "8,i am sad,1,0,0\n",
        encoding="utf-8",
    )
    parsed = bench.read_offmychest(table)
    assert parsed[0] == (
        "7",
        {"Emotional_disclosure": False, "Information_disclosure": False, "Info_support": True},
        "you could, maybe, ask",
    )
    assert parsed[1][1]["Emotional_disclosure"] is True


def test_offmychest_mapping_reads_advice_and_disclosure() -> None:
    got = bench.Labels(0, frozenset({"advice"}), frozenset(), facts=True, feelings=False)
    assert bench.offmychest_prediction(got) == {
        "Emotional_disclosure": False,
        "Information_disclosure": True,
        "Info_support": True,
    }


def test_main_without_inputs_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as excinfo:
        bench.main([])
    assert excinfo.value.code == 2


def test_offmychest_halves_keep_whole_authors_apart(tmp_path: Path) -> None:
    table = tmp_path / "omc.csv"
    lines = ["sentenceid,author,full_text,Emotional_disclosure,Information_disclosure,Info_support"]
    lines += [f"{n},writer{n % 7},made up line {n},0,0,0" for n in range(40)]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    half_a = bench.read_offmychest(table, "A")
    half_b = bench.read_offmychest(table, "B")
    assert len(half_a) + len(half_b) == len(bench.read_offmychest(table)) == 40
    authors = {n: f"writer{n % 7}" for n in range(40)}
    for rows, half in ((half_a, "A"), (half_b, "B")):
        assert all(bench.author_half(authors[int(sid)]) == half for sid, _, _ in rows)
