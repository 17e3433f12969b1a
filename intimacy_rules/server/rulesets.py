"""The rulesets a server runs, by name: load, validate, swap atomically, reload.

Each name maps to YAML from one of three places: a built-in ruleset shipped in
``intimacy_rules.rulesets`` (``dating``, ``counseling``), a file named in the
settings, or an upload (``PUT /v1/rulesets/{name}``), which is written under
``<data_dir>/rulesets/<name>.yaml`` so that it survives a restart and is what
``reload`` reads back. Every change goes through the same path: load (parse,
validate, compile), and only if that succeeds, swap it into every engine that
runs the name. A ruleset that fails to load never replaces a working one.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from intimacy_rules.errors import ConfigurationError, RulesetError

__all__ = ["BUILTIN_RULESETS", "RulesetCatalog", "RulesetEntry", "load_yaml_ruleset"]

log = logging.getLogger("intimacy_rules.server")

BUILTIN_RULESETS = ("dating", "counseling")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")

Source = Literal["builtin", "file", "upload"]
Loader = Callable[[str, str], Any]


def load_yaml_ruleset(label: str, text: str) -> Any:
    """Load (parse, validate, compile) YAML ``text``; raises ``RulesetError``."""
    from intimacy_rules.rules.loader import load_ruleset  # noqa: PLC0415 - loads the rules core

    return load_ruleset(label, text=text)


@dataclass(frozen=True, slots=True)
class RulesetEntry:
    """A loaded ruleset with the YAML it came from."""

    name: str
    compiled: Any
    text: str
    source: Source
    path: Path | None


class RulesetCatalog:
    """Loaded rulesets by name, and the engines each one must be swapped into."""

    def __init__(
        self,
        files: Mapping[str, str],
        *,
        data_dir: Path,
        load: Loader = load_yaml_ruleset,
    ) -> None:
        for name in files:
            _check_name(name)
        self._files = {name: Path(path) for name, path in files.items()}
        self._uploads = data_dir / "rulesets"
        self._load = load
        self._lock = threading.Lock()
        self._entries: dict[str, RulesetEntry] = {}
        self._listeners: dict[str, list[Callable[[Any], None]]] = {}
        self._seen: dict[str, int] = {}  # the upload mtimes already swapped in
        self._upload_paths: dict[str, str] = {}

    def _upload_path(self, name: str) -> str:
        # sync runs on every event: build the path string once per name.
        path = self._upload_paths.get(name)
        if path is None:
            path = os.fspath(self._uploads / f"{name}.yaml")
            self._upload_paths[name] = path
        return path

    @property
    def names(self) -> tuple[str, ...]:
        """Every ruleset name available (loaded or not), sorted."""
        return tuple(sorted({*BUILTIN_RULESETS, *self._files, *self._upload_names()}))

    def get(self, name: str) -> RulesetEntry:
        """The ruleset called ``name``, loading it on first use; KeyError if unknown."""
        entry = self._entries.get(name)
        if entry is None:
            with self._lock:
                entry = self._entries.get(name) or self._read(name)
                self._entries[name] = entry
        return entry

    def sync(self, name: str) -> None:
        """Swap in ``name``'s uploaded file if another process replaced it since.

        Server processes on one machine share the data dir: a ``PUT`` answered
        by one writes the file before it replies, and every other process sees
        the new file on its next event for that ruleset (one ``stat``), so every
        later decision, whichever process makes it, carries the new revision.
        A file that no longer loads is logged and the working ruleset stays.
        """
        entry = self._entries.get(name)
        if entry is None:
            return
        try:
            mtime = os.stat(self._upload_path(name)).st_mtime_ns
        except OSError:
            return  # no upload: the built-in or configured file stands
        if mtime == self._seen.get(name):
            return
        with self._lock:
            if mtime == self._seen.get(name):
                return
            self._seen[name] = mtime
            try:
                fresh = self._read(name)
                if fresh.text != self._entries[name].text:
                    self._swap(name, fresh.compiled)
                self._entries[name] = fresh
            except (RulesetError, ConfigurationError) as exc:
                log.warning(
                    "ruleset %s changed on disk but does not load: %s", name, type(exc).__name__
                )

    def loaded(self) -> tuple[RulesetEntry, ...]:
        """The rulesets loaded so far, by name."""
        return tuple(self._entries[name] for name in sorted(self._entries))

    def on_swap(self, name: str, listener: Callable[[Any], None]) -> None:
        """Call ``listener(compiled)`` whenever ``name`` is replaced."""
        self._listeners.setdefault(name, []).append(listener)

    @staticmethod
    def valid_name(name: str) -> bool:
        """Whether ``name`` can name a ruleset (and its file)."""
        return bool(_NAME.match(name))

    def validate(self, name: str, text: str) -> Any:
        """Load ``text`` exactly as ``put`` would, without keeping it."""
        _check_name(name)
        return self._load(f"{name}.yaml", text)

    def put(self, name: str, text: str) -> RulesetEntry:
        """Load ``text``; if it loads, save it and swap it in everywhere ``name`` runs."""
        compiled = self.validate(name, text)
        path = self._uploads / f"{name}.yaml"
        with self._lock:
            self._swap(name, compiled)
            _write_atomically(path, text)
            self._seen[name] = path.stat().st_mtime_ns
            entry = RulesetEntry(name, compiled, text, "upload", path)
            self._entries[name] = entry
        return entry

    def reload(self) -> tuple[RulesetEntry, ...]:
        """Read every loaded ruleset back from disk and swap in those that changed.

        All of them load before any is swapped, so one broken file leaves every
        ruleset as it was and raises its ``RulesetError``.
        """
        with self._lock:
            fresh = {name: self._read(name) for name in self._entries}
            for name, entry in fresh.items():
                if entry.text != self._entries[name].text:
                    self._swap(name, entry.compiled)
                self._entries[name] = entry
            return tuple(fresh[name] for name in sorted(fresh))

    def _swap(self, name: str, compiled: Any) -> None:
        # Every engine builds its matcher before the swap takes effect; if one
        # refuses, the ones already swapped are put back.
        done: list[Callable[[Any], None]] = []
        previous = self._entries.get(name)
        try:
            for listener in self._listeners.get(name, ()):
                listener(compiled)
                done.append(listener)
        except RulesetError:
            if previous is not None:
                for listener in done:
                    listener(previous.compiled)
            raise

    def _read(self, name: str) -> RulesetEntry:
        upload = self._uploads / f"{name}.yaml"
        if upload.is_file():
            return self._from_file(name, upload, "upload")
        if name in self._files:
            return self._from_file(name, self._files[name], "file")
        if name in BUILTIN_RULESETS:
            text = (resources.files("intimacy_rules.rulesets") / f"{name}.yaml").read_text("utf-8")
            return RulesetEntry(name, self._load(f"{name}.yaml", text), text, "builtin", None)
        raise KeyError(name)

    def _from_file(self, name: str, path: Path, source: Source) -> RulesetEntry:
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise ConfigurationError(
                f"cannot read ruleset file {path}: {exc.strerror}", field=f"rulesets.{name}"
            ) from exc
        return RulesetEntry(name, self._load(str(path), text), text, source, path)

    def _upload_names(self) -> list[str]:
        if not self._uploads.is_dir():
            return []
        return [p.stem for p in self._uploads.glob("*.yaml") if _NAME.match(p.stem)]


def _check_name(name: str) -> None:
    if not _NAME.match(name):
        raise ConfigurationError(f"ruleset name {name!r} must match {_NAME.pattern}", field="name")


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)
