"""`intimacy-rules test`: exit codes, readable failures, JUnit XML and the coverage line."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from intimacy_rules.cli.main import main

RULESET = """\
ruleset: {name: tiny, version: 1, platform: dating}
templates:
  bother: {en: "Did that bother you?"}
  name_it: {en: "What do you feel?"}
rules:
  - id: check-in
    description: "Safety: check on the recipient of an insult."
    when: message.safety.contempt
    then:
      - nudge: {to: recipients, template: bother}
  - id: thought
    description: "Immediacy: name the feeling."
    when: message.flags.thought_as_feeling
    then:
      - nudge: {to: sender, template: name_it}
  - id: never-tested
    description: "Immediacy: present feelings."
    when: {field: message.level, equals: 4}
    then:
      - signal: {name: present}
"""

PASSING = """\
ruleset: tiny.yaml
cases:
  - name: an insult checks on the other
    participants: [ana, ben]
    messages:
      - {sender: ana, text: "Hi, how are you?"}
      - {sender: ben, text: "You're an idiot."}
    expect:
      - after: 1
        fires_only: []
      - after: 2
        fires: [check-in]
        not_fires: [thought]
        outcomes:
          - {type: nudge, to: ana, template: bother}
        no_outcomes:
          - {type: nudge, to: ben}
"""

FAILING = """\
ruleset: tiny.yaml
cases:
  - name: a thought is mistaken for an insult
    participants: [ana, ben]
    messages:
      - {sender: ana, text: "Hi!"}
      - {sender: ana, text: "I feel like you're hiding something from me."}
    expect:
      - after: 2
        fires: [check-in]
        not_fires: [thought]
        outcomes:
          - {type: nudge, to: ben}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "tiny.yaml").write_text(RULESET, encoding="utf-8")
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_passing_tests_exit_0_and_name_the_untested_rules(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(folder, "ok.test.yaml", PASSING)
    assert main(["test", str(path)]) == 0
    out = capsys.readouterr().out
    assert "PASS" in out
    assert "an insult checks on the other" in out
    assert "1 passed, 0 failed" in out
    assert "coverage tiny 1@" in out
    assert "1/3 rules asserted to fire; not exercised: thought, never-tested" in out


def test_a_failing_case_exits_1_with_case_message_and_fired_rules_diff(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(folder, "bad.test.yaml", FAILING)
    assert main(["test", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"FAIL {path} :: a thought is mistaken for an insult" in out
    assert "after message 2 (ana): the rules that fired differ from the expected" in out
    assert "- check-in   (expected to fire, did not)" in out
    assert "+ thought   (fired, expected not to)" in out
    assert "fired: thought" in out
    assert "no outcome matches nudge(to=ben)" in out
    assert "I feel like" not in out  # message text is never printed
    assert "0 passed, 1 failed" in out


def test_a_folder_runs_every_test_file_and_junit_records_each_case(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tests = folder / "tests"
    tests.mkdir()
    write(tests, "a.yaml", PASSING.replace("tiny.yaml", "../tiny.yaml"))
    write(tests, "b.yml", FAILING.replace("tiny.yaml", "../tiny.yaml"))
    report = tmp_path / "junit.xml"
    assert main(["test", str(tests), "--junit", str(report), "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "PASS" not in out  # --quiet prints failures only
    root = ET.parse(report).getroot()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(tests / "a.yaml"), str(tests / "b.yml")]
    assert [s.get("failures") for s in suites] == ["0", "1"]
    failure = suites[1].find("testcase/failure")
    assert failure is not None
    assert "check-in" in (failure.text or "")
    # the two files test one ruleset: coverage is counted across them
    assert "1/3 rules asserted to fire" in out


def test_a_test_file_that_does_not_parse_exits_2_and_names_file_and_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(folder, "ok.test.yaml", PASSING)
    broken = write(
        folder, "broken.test.yaml", PASSING.replace("      - after: 2\n", "      - afterr: 2\n")
    )
    assert main(["test", str(good), str(broken)]) == 2
    out = capsys.readouterr().out
    assert "1 passed, 0 failed, 1 file(s) could not be run" in out
    assert f"ERROR {broken}:11: cases.0.expect.1.after: Field required" in out
    assert "cases.0.expect.1.afterr: Extra inputs are not permitted" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ruleset: tiny.yaml\ncases: [\n", "not YAML"),
        ("- just a list\n", "a mapping with `ruleset` and `cases`"),
        (PASSING.replace("sender: ben", "sender: bob"), "'bob' is not one of the participants"),
        (PASSING.replace("after: 2", "after: 9"), "the case has 2 messages"),
        (PASSING.replace("{type: nudge, to: ana", "{type: signal, to: ana"), "has no template, to"),
        (PASSING.replace("ruleset: tiny.yaml", "ruleset: missing.yaml"), "missing.yaml"),
    ],
)
def test_broken_test_files_are_errors_with_a_clear_message(
    folder: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    path = write(folder, "x.test.yaml", text)
    assert main(["test", str(path)]) == 2
    assert message in capsys.readouterr().out


def test_an_unknown_rule_id_in_an_expectation_fails_the_case(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        folder, "typo.test.yaml", PASSING.replace("not_fires: [thought]", "not_fires: [thougt]")
    )
    assert main(["test", str(path)]) == 1
    assert "the ruleset has no rule 'thougt'" in capsys.readouterr().out


def test_ruleset_override_runs_the_same_tests_on_an_edited_ruleset(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(folder, "ok.test.yaml", PASSING)
    edited = write(
        folder,
        "edited.yaml",
        RULESET.replace("when: message.safety.contempt", "when: message.safety.threat"),
    )
    assert main(["test", str(path), "--ruleset", str(edited)]) == 1
    assert "- check-in   (expected to fire, did not)" in capsys.readouterr().out


def test_no_test_files_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", str(tmp_path)]) == 2
    assert "no test files found" in capsys.readouterr().err


def test_junit_records_a_file_that_could_not_run_as_an_error(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(folder, "ok.test.yaml", PASSING)
    broken = write(folder, "broken.test.yaml", "ruleset: tiny.yaml\ncases: []\n")
    report = tmp_path / "junit.xml"
    assert main(["test", str(good), str(broken), "--junit", str(report)]) == 2
    capsys.readouterr()
    suites = ET.parse(report).getroot().findall("testsuite")
    assert [(s.get("name"), s.get("errors")) for s in suites] == [
        (str(good), "0"),
        (str(broken), "1"),
    ]
    error = suites[1].find("testcase/error")
    assert error is not None
    assert "cases" in (error.get("message") or "")
