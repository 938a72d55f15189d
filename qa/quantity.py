"""Does a "how many / how much" answer state the asked-for quantity?

A small model asked "How many U.S. troops were killed in Iraq?" over passages that do not say tends to answer with
whatever numbers the passages hold ("$25 billion", "June 10"), each correctly cited, so citation checks pass. This
check asks for a supported sentence in which a number (not a date or a year) is followed, within a few words, by
the thing the question counts. Hand-written because it is a question-type rule specific to newsqa's answers; no
maintained library checks answer type against question type without a second model.
"""

from __future__ import annotations

import re

from qa.support import NUMBER_WORDS, STOPWORDS, stem

_ASKS = re.compile(r"^\s*how\s+(many|much)\b(.*)$", re.IGNORECASE | re.DOTALL)
# Words that end the counted noun phrase: auxiliaries and other verbs' helpers ("how many troops WERE killed").
_AUX = frozenset("""am is are was were be been being do does did have has had will would can could shall should may
might must""".split())
# The support scorer's number words, plus plurals and teens ("hundreds of", "fifteen"); added here rather than
# there because its table feeds the calibrated judge.
_NUMBER_WORDS = frozenset(NUMBER_WORDS) | {w + "s" for w in ("hundred", "thousand", "million", "billion", "dozen")} | {
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
_MONTHS = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec""".split())
_TOKEN = re.compile(r"\$?\d+(?:[,.]\d+)*%?|[A-Za-z][A-Za-z.'-]*")
WINDOW = 4  # words after the number in which the counted noun must appear ("500 members", "two battalions of")


def _norm(word: str) -> str:
    """The support scorer's stem, trailing dots dropped ("U.S." and "U.S" match); acronyms are not plurals."""
    return word.lower().strip(".") if word.isupper() else stem(word.strip("."))


def counted_words(question: str) -> list[str] | None:
    """The words naming what a "how many/much" question counts (empty if it names nothing: "How much did X
    spend?"); None if the question does not ask for a quantity."""
    m = _ASKS.match(question)
    if not m:
        return None
    words = []
    for tok in _TOKEN.findall(m.group(2))[:3]:
        low = tok.lower()
        if low in _AUX:
            break
        if low not in STOPWORDS:
            words.append(_norm(tok))
    return words


def _is_quantity(tokens: list[str], i: int) -> bool:
    tok = tokens[i]
    low = tok.lower()
    if low in _NUMBER_WORDS:
        return True
    if not tok[0].isdigit() and not tok.startswith("$"):
        return False
    if i > 0 and tokens[i - 1].lower().strip(".") in _MONTHS:
        return False  # "June 10"
    if re.fullmatch(r"(19|20)\d\d", tok):
        return False  # "the 2003 invasion"
    return not (i + 1 < len(tokens) and tokens[i + 1].lower().strip(".") in _MONTHS)  # "10 June"


def states_quantity(question: str, sentences: list[str]) -> bool:
    """True unless `question` asks how many/much of something and none of `sentences` gives a number of it.

    With a counted noun ("How many people fled?"), a sentence must have a number followed within WINDOW words by
    one of the counted words; without one ("How much did the U.S. spend?"), any number that is not a date will do.
    """
    counted = counted_words(question)
    if counted is None:
        return True
    wanted = set(counted)
    for sentence in sentences:
        tokens = _TOKEN.findall(sentence)
        for i in range(len(tokens)):
            if not _is_quantity(tokens, i):
                continue
            if not wanted or wanted & {_norm(t) for t in tokens[i + 1:i + 1 + WINDOW]}:
                return True
    return False
