"""The loaded-terms lexicon: words a neutral summary may use only inside attributed quotation marks.

The built-in list is `prompts/loaded_terms.txt` (its header documents the format); `Settings.loaded_terms_file`
names an optional user file in the same format whose terms are added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from qa.config import PROMPTS_DIR, Settings
from qa.errors import UsageError

BUILTIN_FILE = PROMPTS_DIR / "loaded_terms.txt"


@dataclass(frozen=True)
class LoadedTerm:
    """One lexicon entry. `replacement` is None when no safe neutral substitute exists, "" to delete."""

    term: str
    prefix: bool = False
    replacement: str | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.term, self.prefix)


@dataclass(frozen=True)
class TermMatch:
    """A lexicon term found in a text: `text[start:end] == word`."""

    entry: LoadedTerm
    word: str
    start: int
    end: int


@cache
def _pattern(term: str, prefix: bool) -> re.Pattern[str]:
    words = [re.escape(w) for w in term.split()]
    body = r"\s+".join(words)
    tail = r"[\w'’\-]*" if prefix else r""
    return re.compile(rf"(?<![\w\-]){body}{tail}(?![\w\-])", re.I)


class Lexicon:
    """An ordered set of loaded terms (longer phrases first, so "claimed that" wins over a bare word)."""

    def __init__(self, entries: list[LoadedTerm]) -> None:
        by_term: dict[tuple[str, bool], LoadedTerm] = {}
        for entry in entries:
            by_term[(entry.term, entry.prefix)] = entry  # later entries (the user's file) win
        self.entries = sorted(by_term.values(), key=lambda e: (-len(e.term), e.term))

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> list[TermMatch]:
        """Every non-overlapping occurrence of a term in `text`, in text order."""
        found: list[TermMatch] = []
        for entry in self.entries:
            for m in entry.pattern.finditer(text):
                if any(m.start() < f.end and f.start < m.end() for f in found):
                    continue
                found.append(TermMatch(entry, m.group(0), m.start(), m.end()))
        return sorted(found, key=lambda f: f.start)


def parse_lexicon(text: str, origin: str = "lexicon") -> list[LoadedTerm]:
    """Entries from the text of a lexicon file (format: see prompts/loaded_terms.txt)."""
    entries: list[LoadedTerm] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        replacement: str | None = None
        if "=>" in line:
            line, replacement = (part.strip() for part in line.split("=>", 1))
        prefix = line.endswith("*")
        term = " ".join(line.rstrip("*").lower().split())
        if not term or "*" in term:
            raise UsageError(f"{origin}, line {lineno}: not a valid loaded term: {raw.strip()!r}")
        if prefix:
            replacement = None  # a replacement cannot know which inflection it replaces
        entries.append(LoadedTerm(term=term, prefix=prefix, replacement=replacement))
    return entries


@cache
def _read(path: str) -> tuple[LoadedTerm, ...]:
    file = Path(path).expanduser()
    if not file.is_file():
        raise UsageError(f"loaded_terms_file not found: {file}")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read loaded_terms_file {file}: {exc}") from None
    return tuple(parse_lexicon(text, str(file)))


def load_lexicon(extra_file: str | Path | None = None) -> Lexicon:
    """The built-in lexicon plus the terms of `extra_file` (if given)."""
    entries = list(_read(str(BUILTIN_FILE)))
    if extra_file:
        entries.extend(_read(str(extra_file)))
    return Lexicon(entries)


def lexicon_for(settings: Settings) -> Lexicon:
    """The lexicon the settings ask for (built-in + `settings.loaded_terms_file`)."""
    return load_lexicon(settings.loaded_terms_file or None)
