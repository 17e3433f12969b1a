"""Pseudonyms are stable, keyed, separated by kind, and the key is never shown."""

from __future__ import annotations

import pytest

from intimacy_rules.errors import ConfigurationError
from intimacy_rules.privacy import Pseudonymizer

KEY = b"k" * 32


def test_same_key_same_pseudonym_and_kind_separates() -> None:
    p = Pseudonymizer(KEY)
    assert p.pseudonym("participant", "ana") == Pseudonymizer(KEY).pseudonym("participant", "ana")
    assert p.pseudonym("participant", "ana") != p.pseudonym("conversation", "ana")
    assert p.pseudonym("participant", "ana") != Pseudonymizer(b"x" * 32).pseudonym(
        "participant", "ana"
    )
    assert "ana" not in p.pseudonym("participant", "ana")
    assert len(p.pseudonym("participant", "ana")) == 32


def test_short_key_is_refused_with_the_setting_named() -> None:
    with pytest.raises(ConfigurationError, match="at least 32 bytes") as info:
        Pseudonymizer(b"short")
    assert info.value.field == "pseudonym_key"


def test_repr_hides_the_key() -> None:
    assert "k" * 8 not in repr(Pseudonymizer(KEY))
