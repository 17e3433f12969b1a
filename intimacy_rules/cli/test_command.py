"""``intimacy-rules test PATH...``: run ruleset test files, as an operator's CI would.

Exit status: 0 when every case passes, 1 when any fails, 2 when a test file
does not parse or its ruleset does not load (the other files still run).
``--junit FILE`` writes JUnit XML for CI systems; the last lines name, per
ruleset, the rules that no case asserted to fire.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

# Only ever used to *write* XML from our own results, never to parse input.
from xml.etree import ElementTree as ET

from intimacy_rules.analysis.analyzer import Analyzer
from intimacy_rules.engine.ruleset_runner import FileResult, run_test_file
from intimacy_rules.errors import IntimacyRulesError
from intimacy_rules.rules.loader import load_ruleset

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="test files, or directories searched for *.yaml / *.yml test files",
    )
    parser.add_argument("--junit", type=Path, metavar="FILE", help="write JUnit XML here")
    parser.add_argument(
        "--ruleset",
        type=Path,
        metavar="FILE",
        help="test this ruleset file instead of the one each test file names",
    )
    parser.add_argument(
        "--matcher",
        default="durable",
        help="the matcher to decide with: durable (as in production) or reference",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print failures only")


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")))
        else:
            files.append(path)
    return files


def _report(result: FileResult, out: TextIO, *, quiet: bool) -> None:
    for case in result.cases:
        if case.passed:
            if not quiet:
                print(f"PASS {result.path} :: {case.name}", file=out)
            continue
        print(f"FAIL {result.path} :: {case.name}", file=out)
        for line in case.failures:
            print(f"  {line}", file=out)


def _coverage(results: list[FileResult], out: TextIO) -> None:
    by_ruleset: dict[tuple[str, str], tuple[tuple[str, ...], set[str]]] = {}
    for result in results:
        key = (result.ruleset, result.revision)
        rules, exercised = by_ruleset.setdefault(key, (result.rules, set()))
        exercised |= result.exercised
    for (name, revision), (rules, exercised) in by_ruleset.items():
        untested = [rule for rule in rules if rule not in exercised]
        covered = len(rules) - len(untested)
        line = f"coverage {name} {revision}: {covered}/{len(rules)} rules asserted to fire"
        line += f"; not exercised: {', '.join(untested)}" if untested else "; all exercised"
        print(line, file=out)


def _junit(results: list[FileResult], errors: dict[Path, str], path: Path) -> None:
    root = ET.Element("testsuites", name="intimacy-rules test")
    for result in results:
        failures = sum(not case.passed for case in result.cases)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=str(result.path),
            tests=str(len(result.cases)),
            failures=str(failures),
            errors="0",
            time=f"{sum(case.seconds for case in result.cases):.6f}",
        )
        for case in result.cases:
            element = ET.SubElement(
                suite,
                "testcase",
                classname=f"{result.ruleset}.{result.path.stem}",
                name=case.name,
                time=f"{case.seconds:.6f}",
            )
            if not case.passed:
                failure = ET.SubElement(element, "failure", message=case.failures[0].strip())
                failure.text = "\n".join(case.failures)
    for file, message in errors.items():
        suite = ET.SubElement(
            root, "testsuite", name=str(file), tests="1", failures="0", errors="1"
        )
        element = ET.SubElement(suite, "testcase", classname="load", name=str(file))
        ET.SubElement(element, "error", message=message).text = message
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def run(args: argparse.Namespace) -> int:
    """Run the test files; 0 all pass, 1 any fail, 2 a file could not be run."""
    out = sys.stdout
    override = None
    if args.ruleset is not None:
        override = load_ruleset(args.ruleset)
    files = _expand(args.paths)
    if not files:
        print("intimacy-rules test: no test files found", file=sys.stderr)
        return 2
    analyzer: Analyzer | None = None
    results: list[FileResult] = []
    errors: dict[Path, str] = {}
    for file in files:
        if analyzer is None:
            analyzer = Analyzer()  # one for every file
        try:
            result = run_test_file(file, ruleset=override, analyzer=analyzer, matcher=args.matcher)
        except IntimacyRulesError as exc:
            # Most errors already start with the file's path (and line).
            message = str(exc) if str(exc).startswith(str(file)) else f"{file}: {exc}"
            errors[file] = message
            print(f"ERROR {message}", file=out)
            continue
        results.append(result)
        _report(result, out, quiet=args.quiet)
    cases = [case for result in results for case in result.cases]
    failed = sum(not case.passed for case in cases)
    print(
        f"{len(cases) - failed} passed, {failed} failed"
        + (f", {len(errors)} file(s) could not be run" if errors else ""),
        file=out,
    )
    _coverage(results, out)
    if args.junit is not None:
        _junit(results, errors, args.junit)
    if errors:
        return 2
    return 1 if failed else 0
