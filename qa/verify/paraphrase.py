"""Whether a phrase the claim adds is the evidence's own words put differently ("to persistently high food costs" for
"citing stubborn food prices"), by the sentence embedder the index already uses.

Used only to spare a phrase the structural checks would call added: never to accept a claim on its own, and not for
the closed checks (a manner, a ranking, a kind, another party), where a near word is a changed fact ("rescued
unharmed", "the finance minister"). Hand-written because no paraphrase or entailment model ships inside a package
(docs/verifier.md); the embedder is the MiniLM model of `qa.index.embeddings`, loaded once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Cosine similarity from which an added phrase counts as restated. Set on the first readings of eight tuning probe
# sets (1,248 pairs, each read with the code before rules were written from it): at 0.70, 5 of 15 wrongly refused
# true claims were spared and none of 24 rightly refused ones; on the tuned sets 11 of 28 against 4 of 88, two of
# them closed checks this does not touch. A little above that, for text it has not seen.
RESTATED_SIMILARITY = 0.72
# Windows of the evidence compared with a phrase of n words: n - SPAN to n + SPAN words.
SPAN = 2
# Only a detail is spared: a long stretch of the claim shares its topic with any long stretch of the evidence.
MAX_WORDS = 10


def _windows(phrase: str, evidence: str) -> list[str]:
    n = len(phrase.split())
    out: set[str] = set()
    for sentence in re.split(r"(?<=[.!?])\s+", evidence):
        words = sentence.split()
        for size in range(max(1, n - SPAN), n + SPAN + 1):
            for i in range(max(1, len(words) - size + 1)):
                out.add(" ".join(words[i:i + size]))
    return sorted(out)


@lru_cache(maxsize=4096)
def restated(phrase: str, evidence: str) -> bool:
    """Whether some stretch of `evidence` about as long as `phrase` says nearly what it says."""
    from qa.index.embeddings import get_embedder  # (the embedder loads on first use, not when the verifier does)

    windows = _windows(phrase, evidence)
    if not phrase.strip() or not windows or len(phrase.split()) > MAX_WORDS:
        return False
    if re.search(r"\b[A-Z]", phrase):
        return False  # a name is a fact of its own ("from Harlow's main reservoir"): the name checks' business
    vectors = get_embedder().embed([phrase, *windows])
    return float((vectors[1:] @ vectors[0]).max()) >= RESTATED_SIMILARITY
