"""Weekdays in answers, dated: "on Thursday" in a checked sentence becomes "on Thursday (June 12)" when the
sentence it cites names that weekday and the cited article's publication date resolves it unambiguously
(qa/verify/event_dates.py: a bare weekday needs a publication date known to the day; "next Friday" is never
resolved). The sentence is checked before the date is added, and `AnswerSentence.dates` records each addition,
so `checked_text` gives back exactly the words the scorer saw.
"""

from __future__ import annotations

import re

from qa.metadata import parse_published
from qa.schema import AnswerSentence, Citation, DateNote
from qa.verify.event_dates import MONTHS, WEEKDAYS, find_dates

# A weekday not already followed by a date: "(June 12", ", June 12", " 12 June".
_BARE_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b(?!\s*[(,]?\s*(?:{'|'.join(MONTHS)}|\d))")


def _cited_dates(weekday: str, citation: Citation, articles: dict[str, str]) -> set[tuple[str, str]]:
    """(ISO day, basis) of each mention of `weekday` inside the cited quote, resolved in its article."""
    article = articles.get(citation.doc_id)
    published = parse_published(citation.published)
    if article is None or not published.known:
        return set()
    # The quote's own sentence, with the article offsets: the tense of its clause decides past or future.
    found = find_dates(article[citation.start:citation.end], published, offset=citation.start)
    return {(d.iso, d.note) for d in found
            if weekday.lower() in d.mention.lower() and d.precision == "day" and d.basis in ("weekday", "explicit")}


def date_weekdays(sentence: AnswerSentence, citations: dict[int, Citation], articles: dict[str, str]
                  ) -> AnswerSentence:
    """`sentence` with each bare weekday dated when every cited mention of it resolves to the same day; else
    unchanged. Only supported sentences are dated, and never an exact quote (status "quoted" or "source_quote"):
    its words are the article's own."""
    if not sentence.supported or sentence.status in ("quoted", "source_quote") or \
            not _BARE_WEEKDAY.search(sentence.text):
        return sentence
    text, notes, shift = sentence.text, [], 0
    for m in _BARE_WEEKDAY.finditer(sentence.text):
        weekday = m.group(1)
        found: set[tuple[str, str]] = set()
        doc_id = ""
        for n in sentence.citations:
            c = citations.get(n)
            if c is not None:
                here = _cited_dates(weekday, c, articles)
                found |= here
                doc_id = doc_id or (c.doc_id if here else "")
        days = {iso for iso, _ in found}
        if len(days) != 1:
            continue  # not named in the cited text, not resolvable, or cited sources disagree: left as written
        iso = days.pop()
        year, month, day = (int(x) for x in iso.split("-"))
        published_year = next((parse_published(citations[n].published).as_int // 10000
                               for n in sentence.citations if n in citations), year)
        shown = f" ({MONTHS[month - 1]} {day}" + (f", {year})" if year != published_year else ")")
        at = m.end() + shift
        text = text[:at] + shown + text[at:]
        shift += len(shown)
        notes.append(DateNote(weekday=weekday, date=iso, shown=shown, doc_id=doc_id,
                              basis=sorted(b for d, b in found if d == iso)[0]))
    if not notes:
        return sentence
    return sentence.model_copy(update={"text": text, "dates": [*sentence.dates, *notes]})


def checked_text(sentence: AnswerSentence) -> str:
    """The sentence as the scorer checked it: without the dates `date_weekdays` added."""
    text = sentence.text
    for note in sentence.dates:
        text = re.sub(rf"\b{re.escape(note.weekday)}{re.escape(note.shown)}", note.weekday, text, count=1)
    return text
