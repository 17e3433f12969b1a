"""A cheap guess at whether a message is English, the only language analysed.

The lexicons are English, so on other languages they would guess. The issue
asks for no confident labels there: the analyzer gives level 0, no flags and
no safety categories to text this module calls non-English. Two signals, both
one regex pass: letters outside the Latin script (Cyrillic, CJK, Arabic...)
outnumbering Latin ones, or function words of the common European languages
outnumbering English ones. Short English texting ("ok", "lol") has no
function words of either kind and stays English.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["is_english"]

_LATIN: Final = re.compile(r"[a-z\u00c0-\u024f]")
_NON_LATIN_LETTER: Final = re.compile(r"[^\W\d_a-z\u00c0-\u024f]")

_ENGLISH_WORDS: Final = re.compile(
    r"\b(?:i|you|the|and|to|is|it|my|me|of|that|in|was|for|with|this|so|but|not|are|have|"
    r"be|im|i'm|just|what|your|we|he|she|they|do|don't|dont|can|like|love|feel|about|at|"
    r"on|how|if|or|all|get|know|lol|omg|u|ur|really|want|think|when|been|am|will|it's|"
    r"you're|an|a|our|us|from|had|did|would|there|out|up|today|tonight|why|who|yes|ok|"
    r"okay|hey|hi|thanks|sorry|please|because|still|never|always)\b"
)
_OTHER_WORDS: Final = re.compile(
    r"\b(?:que|el|los|las|es|una|por|para|pero|muy|estoy|eres|soy|yo|tu|te|mi|"
    r"nos|lo|le|les|je|suis|et|est|pas|une|des|du|avec|mais|très|tres|vous|moi|toi|"
    r"ich|und|nicht|der|das|ist|mit|mich|dich|sehr|aber|ein|eine|não|nao|eu|"
    r"você|voce|uma|muito|estou|sou|che|di|il|sono|ma|ti|molto|ik|het|"
    r"een|niet|jij|maar|del|se|su|como|más|mas|cuando|porque|también|tambien|"
    r"quiero|siento|estás|estas|esto|eso|hoy|nunca|siempre|c'est|j'ai|"
    r"dans|sur|qui|quoi|mes|tes|ne|bien|oui|merci|wir|sie|"
    r"auch|noch|mein|dein|wie|wenn|weil|heute|immer|nie|danke|sei|tutto|"
    r"sempre|oggi|anche|questo|della|sto|voglio|ja|nein|obrigado|gracias|hola|"
    r"bonjour|ciao|hallo)\b"
)

# The same words as a set, for a cheap first look (punctuation may hide some,
# which only sends the text to the exact count below).
_OTHER_WORDS_SET: Final = frozenset(
    _OTHER_WORDS.pattern.removeprefix(r"\b(?:").removesuffix(r")\b").split("|")
)

# Words that are also English ("was", "die", "per", "plus", "con") are left out
# of the list above, so they count for English only.
_MIN_OTHER: Final = 2


def is_english(norm: str) -> bool:
    """Guess whether ``norm`` (``text.normalize`` output) is English."""
    if not norm.isascii():
        non_latin = len(_NON_LATIN_LETTER.findall(norm))
        if non_latin and non_latin > len(_LATIN.findall(norm)):
            return False
    # Fast path: most messages share no word with the other-language list.
    if _OTHER_WORDS_SET.isdisjoint(norm.split()):
        return True
    other = len(_OTHER_WORDS.findall(norm))
    if other < _MIN_OTHER and not (other == 1 and len(norm) < 24):
        return True
    english = len(_ENGLISH_WORDS.findall(norm))
    return other <= english
