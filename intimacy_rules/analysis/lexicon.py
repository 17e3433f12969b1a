"""The word lists the level detectors read, and a builder of fast regexes from them.

Every list here was written for this project (no third-party lexicon is
copied), so it carries the project's licence. The lists hold what the
criteria call a feeling (``spec/criteria.md`` section 1): an emotion the
speaker owns, stated or plainly implied. Words that name a feeling only after
"feel" ("I feel safe", "I feel small") are kept apart from words that name one
after any copula ("I'm scared"), because "I'm safe" and "I'm small" say nothing
about feelings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

__all__ = [
    "EMOTIONAL_ING",
    "EMOTION_ADJECTIVES",
    "EMOTION_VERBS",
    "FEEL_ONLY_ADJECTIVES",
    "PAST_EMOTION_VERBS",
    "PLEASANT_FEELINGS",
    "REACTION_ADJECTIVES",
    "word_regex",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a set (keeps lists readable)."""
    return frozenset(text.split())


#: Emotions named after "I am", "I feel", "I've been", "I got"... (with the
#: misspellings texting makes most often: "lonley", "embarassed", "greatful").
EMOTION_ADJECTIVES: Final = words(
    """
    sad unhappy happy glad joyful cheerful content relieved grateful thankful blessed
    scared afraid frightened terrified petrified fearful nervous anxious worried uneasy
    stressed overwhelmed tense panicked panicky paranoid
    angry mad furious livid enraged pissed annoyed irritated frustrated upset bitter
    resentful disgusted appalled outraged
    hurt heartbroken devastated crushed gutted shattered broken heartsick
    lonely lonesome isolated homesick
    ashamed embarrassed humiliated mortified guilty remorseful regretful
    jealous envious insecure vulnerable self-conscious
    proud excited thrilled ecstatic elated overjoyed delighted giddy stoked pumped hyped
    psyched buzzing
    hopeful hopeless helpless worthless desperate defeated
    confused torn conflicted
    empty numb depressed miserable exhausted drained burnt burned tired weary
    bored disappointed discouraged
    calm peaceful serene
    loved unloved unwanted rejected abandoned betrayed
    close closer distant disconnected connected attached
    smitten infatuated shy awkward uncomfortable comfortable
    touched moved emotional sentimental nostalgic
    horrified shocked
    crying sobbing shaking trembling blushing panicking grieving hurting smiling grinning
    beaming dreading loving hating adoring enjoying
    heartbroke sorry teary weepy bawling choked_up tearing_up
    happier sadder angrier lonelier calmer safer closer prouder
    bummed obsessed struggling falling_for falling_in_love grossed_out creeped_out
    weirded_out spooked rattled shaken moody cranky grumpy irritable antsy jittery
    restless salty stressed_out lucky fortunate a_mess a_hot_mess a_wreck a_nervous_wreck
    unlovable unworthy confident
    an_emotional_wreck a_disaster
    lonley embarassed embarrased jelous jellous nervus anxios greatful gratefull
    exausted exhuasted depresed frustated dissapointed disapointed angery scard
    in_love at_peace worn_out fed_up sick_of freaked_out freaking_out
    on_edge so_done over_the_moon dying_to
    saddened disheartened heartened traumatized traumatised scarred inspired motivated
    unmotivated uninspired inferior sensitive choked_up welled_up teared_up relaxed
    heartsore exasperated
    surprised amazed impressed stunned speechless floored repentant concerned
    repulsed revolted sickened crazy_about nuts_about head_over_heels
    """
)

#: Words that name a feeling only right after "feel"/"felt": "I feel safe".
FEEL_ONLY_ADJECTIVES: Final = words(
    """
    good bad great awful terrible horrible better worse weird off strange wonderful
    amazing fine okay alright safe unsafe alone lost small stupid dumb ugly fat useless
    invisible trapped stuck suffocated smothered used cheated ignored misunderstood
    unheard judged pressured inadequate hated appreciated seen heard understood
    special low down blue sick dead alive free whole complete this_way that_way the_same
    lighter light heavy heavier anything nothing at_home
    love pain pressure guilt shame relief joy anger rage fear hope peace jealousy
    attraction sadness anxiety grief regret gratitude resentment dread panic hatred
    """
)

#: The words above (and verbs below) that name a pleasant feeling: pride, joy,
#: relief, closeness. A disclosed feeling named by none of them counts as a
#: painful one (``spec/criteria.md`` section 4: premature disclosure is about
#: heavy *negative* disclosure, and "I'm so proud of myself" is not that).
PLEASANT_FEELINGS: Final = words(
    """
    happy glad joyful cheerful content relieved grateful thankful blessed proud excited
    thrilled ecstatic elated overjoyed delighted giddy stoked pumped hyped psyched buzzing
    hopeful calm peaceful serene loved close closer connected attached comfortable touched
    moved smitten infatuated confident lucky fortunate in_love at_peace over_the_moon
    heartened inspired motivated relaxed amazed impressed beaming smiling grinning loving
    adoring enjoying happier calmer safer prouder greatful gratefull good great wonderful
    amazing fine okay alright safe better lighter light free whole complete alive special
    appreciated seen heard understood at_home love relief joy hope peace gratitude
    attraction adore cherish enjoy enjoyed admire admired savor savour savored savoured
    loved adored cherished trust trusted care_about cared_about care_for long_for
    can't_wait cant_wait dying_to falling_for falling_in_love crazy_about nuts_about
    head_over_heels
    """
)

#: Verbs whose first-person subject owns a feeling: "I love", "I miss".
EMOTION_VERBS: Final = words(
    """
    love adore hate despise miss dread fear regret resent envy cherish trusted
    cry sob weep trust long_for longed_for yearn_for enjoy enjoyed can't_stand cant_stand
    can't_wait cant_wait care_about care_for cared_about
    loved adored hated despised missed dreaded feared regretted resented envied
    cherished cried sobbed wept bawled broke_down burst_into_tears teared_up tear_up
    admire admired savor savour savored savoured
    """
)

#: The past forms among ``EMOTION_VERBS`` (they make the feeling past).
PAST_EMOTION_VERBS: Final = words(
    """
    loved adored hated despised missed dreaded feared regretted resented envied
    cherished cried sobbed wept enjoyed cared_about trusted bawled broke_down
    burst_into_tears teared_up admired savored savoured
    """
)

#: Adjectives in -ing (and a few others) that name the speaker's own reaction when
#: said of a thing: "it's heartbreaking" says the speaker's heart breaks. Judging
#: words ("amazing", "great", "stupid") are not here: "that's amazing" is an opinion.
REACTION_ADJECTIVES: Final = words(
    """
    heartbreaking heartwarming heart-wrenching gut-wrenching infuriating maddening
    frustrating annoying irritating upsetting depressing saddening disheartening
    discouraging disappointing devastating terrifying frightening scary horrifying
    nerve-wracking nerve-racking stressful embarrassing humiliating mortifying
    sickening exciting thrilling heartening touching sad
    """
)

#: "feel like + -ing" forms that name a feeling ("I feel like crying"); any
#: other -ing after "feel like" is a preference ("I feel like dancing").
EMOTIONAL_ING: Final = words(
    """
    crying sobbing screaming yelling puking throwing dying hiding running
    giving breaking falling exploding drowning suffocating melting shaking
    disappearing vanishing punching
    """
)


def word_regex(words: Iterable[str], *, stretch: bool = True) -> str:
    """Build one alternation for ``words`` shaped as a trie, so matching is fast.

    Python's ``re`` tries the branches of an alternation one after another;
    factoring shared prefixes keeps that to a few character tests. With
    ``stretch`` the last letter of each word may repeat, for texting like
    "sadddd" or "lonelyyy". An underscore in a word matches any run of spaces
    ("worn_out" matches "worn  out").
    """
    trie: dict[str, object] = {}
    for word in sorted(set(words)):
        node = trie
        for char in word:
            node = node.setdefault(char, {})  # type: ignore[assignment]
        node[""] = {}
    return _render(trie, stretch=stretch)


def _render(node: dict[str, object], *, stretch: bool) -> str:
    branches: list[str] = []
    ends_here = "" in node
    for char in sorted(k for k in node if k):
        child = node[char]
        assert isinstance(child, dict)
        rest = _render(child, stretch=stretch)
        literal = "\\s+" if char == "_" else _escape(char)
        # A word ending here may repeat its last letter ("sooo sad", "madddd").
        if stretch and "" in child and char.isalpha():
            literal += "+"
        branches.append(literal + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


def _escape(char: str) -> str:
    return "\\" + char if char in ".^$*+?{}[]\\|()-" else char
