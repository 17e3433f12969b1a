"""``intimacy-rules analyze``: the analyzer on the command line (``spec/criteria.md`` §5).

Three ways in:

- JSON Lines on standard input, one ``{"id": ..., "text": ...}`` a line, out
  one JSON object a line in the same order. A line that is not a JSON object
  with a string ``text`` is answered, in its place, with ``{"id": ...,
  "error": "line N: ..."}``; the other lines are still analysed and the exit
  status is 1 at the end. Blank lines carry no message and are skipped
  (a trailing newline or an empty line between records is not an error).
  Output is written and flushed line by line, so the command works in a pipe.
- ``--text "..."``: one message, printed for a person, evidence quoted.
- ``--conversation FILE...``: one JSON report a conversation file.

Message text is printed only where the person asked for it (``--text``);
the JSON output carries spans, never text.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
import time
from collections.abc import Iterator
from typing import IO, Any, Final, TextIO

from intimacy_rules.analysis.analyzer import Analyzer
from intimacy_rules.analysis.models import MessageAnalysis
from intimacy_rules.analysis.vocabulary import LEVEL_NAMES
from intimacy_rules.errors import IntimacyRulesError

__all__ = ["configure", "run"]

#: Inputs at least this long (in lines) get a progress bar on a terminal.
PROGRESS_FROM_LINES: Final = 1000
_PROGRESS_EVERY_S: Final = 0.2
#: Exit status when the reader closed the pipe early (128 + SIGPIPE, as shells report).
BROKEN_PIPE_STATUS: Final = 141
# A broken line may still name its id ("id" first, then the text that broke it).
_ID_FIELD: Final = re.compile(r'^\s*\{\s*"id"\s*:\s*("(?:[^"\\\n]|\\.){0,200}"|-?\d{1,18})')


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the command's arguments."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--text", help="analyse one message and print it readably")
    source.add_argument(
        "--conversation",
        nargs="+",
        metavar="FILE",
        help="replay conversation files (gold format) and print one JSON report per file",
    )
    parser.epilog = (
        "Without options, reads JSON Lines ({'id': ..., 'text': ...}) on standard input "
        "and prints one JSON object per line; blank lines are skipped; exit status 1 "
        "if any line was invalid."
    )


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    analyzer = Analyzer()
    if args.text is not None:
        print(render_text(args.text, analyzer.analyze(args.text)))
        return 0
    try:
        if args.conversation:
            return _run_conversations(args.conversation, analyzer, sys.stdout)
        return analyze_stream(sys.stdin, sys.stdout, analyzer, progress=_progress_for(sys.stdin))
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, as Unix tools do.
        _silence_stdout()
        return BROKEN_PIPE_STATUS


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (tests): nothing is left to flush


def result_object(message_id: object, result: MessageAnalysis) -> dict[str, Any]:
    """The JSON object printed for one analysed message."""
    return {
        "id": message_id,
        "level": result.level,
        "disclosure": {
            "facts": result.disclosure.facts,
            "feelings": result.disclosure.feelings,
            "negative": result.disclosure.negative,
        },
        "flags": list(result.flags),
        "safety": list(result.safety),
        "evidence": [
            {"label": e.label, "span": [e.span[0], e.span[1]], "why": e.why}
            for e in result.evidence
        ],
    }


def analyze_stream(
    source: IO[str], out: TextIO, analyzer: Analyzer, progress: _Progress | None = None
) -> int:
    """Analyse JSON Lines from ``source`` into ``out``; 1 if any line was bad."""
    status = 0
    for number, line in _lines(source):
        if line is None:
            reply: dict[str, Any] = {"id": None, "error": f"line {number}: not UTF-8 text"}
        elif not line.strip():
            continue
        else:
            reply = _answer(number, line, analyzer)
        if "error" in reply:
            status = 1
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
        out.flush()
        if progress is not None:
            progress.step()
    if progress is not None:
        progress.close()
    return status


def _answer(number: int, line: str, analyzer: Analyzer) -> dict[str, Any]:
    line = line.rstrip("\r\n")
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return {"id": _recover_id(line), "error": f"line {number}: not JSON: {reason}"}
    if not isinstance(record, dict):
        return {"id": None, "error": f"line {number}: not a JSON object"}
    message_id = record.get("id")
    if message_id is not None and (
        not isinstance(message_id, str | int) or isinstance(message_id, bool)
    ):
        return {"id": None, "error": f"line {number}: 'id' must be a string or an integer"}
    if "text" not in record:
        return {"id": message_id, "error": f"line {number}: no 'text' field"}
    text = record["text"]
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        return {"id": message_id, "error": f"line {number}: 'text' must be a string, not {kind}"}
    return result_object(message_id, analyzer.analyze(text))


def _recover_id(line: str) -> str | int | None:
    """The ``id`` of a line that is not valid JSON, when it can still be read."""
    m = _ID_FIELD.search(line)
    if m is None:
        return None
    try:
        value = json.loads(m.group(1))
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, str | int) and not isinstance(value, bool) else None


def _lines(source: IO[str]) -> Iterator[tuple[int, str | None]]:
    """Number the lines of ``source``; a line that is not UTF-8 comes as ``None``."""
    binary = getattr(source, "buffer", None)
    if binary is None:
        for number, line in enumerate(source, start=1):
            yield number, line
        return
    for number, raw in enumerate(binary, start=1):
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            yield number, None


def render_text(text: str, result: MessageAnalysis) -> str:
    """One analysis, for a person: the level by name, labels, and quoted evidence."""
    yes_no = {True: "yes", False: "no"}
    lines = [
        f"level:      {result.level} ({LEVEL_NAMES[result.level]})",
        f"disclosure: facts {yes_no[result.disclosure.facts]}, "
        f"feelings {yes_no[result.disclosure.feelings]}",
        f"flags:      {', '.join(result.flags) or 'none'}",
        f"safety:     {', '.join(result.safety) or 'none'}",
        "evidence:",
    ]
    for e in result.evidence:
        start, end = e.span
        quoted = json.dumps(text[start:end], ensure_ascii=False)
        lines.append(f"  {e.label:<20} [{start}, {end}) {quoted}: {e.why}")
    return "\n".join(lines)


def _run_conversations(paths: list[str], analyzer: Analyzer, out: TextIO) -> int:
    # Imported here: the conversation package is only needed for this option.
    from intimacy_rules.conversation.files import load_conversation_file  # noqa: PLC0415
    from intimacy_rules.conversation.replay import replay_conversation  # noqa: PLC0415

    status = 0
    for path in paths:
        try:
            report = replay_conversation(load_conversation_file(path), analyzer)
            reply: dict[str, Any] = report.model_dump(mode="json")
        except IntimacyRulesError as exc:
            status = 1
            reply = {"id": path, "error": str(exc)}
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
        out.flush()
    return status


class _Progress:
    """A one-line progress indicator on standard error, redrawn a few times a second."""

    def __init__(self, stream: TextIO, total: int | None) -> None:
        self._stream = stream
        self._total = total
        self._done = 0
        self._drawn_at = 0.0
        self._shown = False

    def step(self) -> None:
        self._done += 1
        if self._total is None and self._done < PROGRESS_FROM_LINES:
            return
        now = time.monotonic()
        if now - self._drawn_at >= _PROGRESS_EVERY_S:
            self._drawn_at = now
            self._draw()

    def _draw(self) -> None:
        self._shown = True
        if self._total:
            share = min(1.0, self._done / self._total)
            bar = "#" * int(share * 30)
            self._stream.write(f"\r[{bar:<30}] {self._done}/{self._total} lines")
        else:
            self._stream.write(f"\r{self._done} lines analysed")
        self._stream.flush()

    def close(self) -> None:
        if self._shown:
            self._draw()
            self._stream.write("\n")
            self._stream.flush()


def _progress_for(source: IO[str]) -> _Progress | None:
    """A progress bar when standard error is a terminal and the input is long."""
    if not sys.stderr.isatty():
        return None
    total = _count_lines(source)
    if total is not None and total < PROGRESS_FROM_LINES:
        return None
    return _Progress(sys.stderr, total)


def _count_lines(source: IO[str]) -> int | None:
    """Count the lines of a regular file without moving its read position."""
    try:
        fd = source.fileno()
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        count = 0
        while chunk := os.pread(fd, 1 << 20, offset):
            count += chunk.count(b"\n")
            offset += len(chunk)
    except (OSError, ValueError, AttributeError):
        return None
    return count
