"""What the whole article tells about the names in one of its sentences: who "he" or "the president" is, which
acronym the article defined for which name, and which names the article is about.

Everything comes from the article text (never from a built-in list of names): an acronym defined in the text
("Islamic State of Iraq and Syria (ISIS)", "ISIS, the Islamic State of Iraq and al-Shams"), a person named with a
title ("U.S. President Barack Obama") and later called "the president" or "he".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from qa.text import (
    FUNCTION_WORDS,
    PERSON_NOUN_ENDINGS,
    initials,
    is_acronym,
    is_person_noun,
    key,
    name_bases,
    normalize,
    standard_expansion,
    with_hyphen_parts,
)
from qa.verify.claims import SAY_VERBS, speaker_phrase_words
from qa.verify.nlp import parse

# Definite descriptions that point back to a person (by title) or to a news organisation.
_MEDIA_NOUNS = frozenset("channel network broadcaster newspaper paper agency outlet station magazine daily".split())
_PERSON_PRONOUNS = frozenset("he she him her his".split())
# The words newspapers are named with ("the Westbury Herald", "the Evening Courant").
_NEWSPAPER_TITLES = frozenset("""tribune times herald gazette post courier chronicle observer guardian telegraph
journal mail express courant echo mirror standard argus inquirer sentinel examiner bulletin""".split())
# Ranks whose holder news copy calls "the officer" after first mention ("Colonel Tomas Reyvik ... The officer said").
_RANKS = frozenset("""general colonel major captain lieutenant sergeant commander brigadier admiral inspector
superintendent constable""".split())
# Clipped nouns for an organisation's name word ("the lab" for the "Greywell Marine Laboratory").
_CLIPPED = {"lab": "laboratory", "uni": "university"}
_TITLE_WORDS = frozenset("""president minister secretary spokesman spokeswoman spokesperson chief general admiral
brigadier colonel commander ambassador governor senator mayor king queen prince chancellor director chairman
leader envoy executive secretary manager coach judge commissioner officer""".split())
# Titles written before a person's name that no organisation's name begins with ("Councillor Imran Sattar").
_HONORIFICS = frozenset("""councillor councilor councilman councilwoman alderman alderwoman assemblyman assemblywoman
dr doctor professor prof mr mrs ms sir dame lord lady reverend rev""".split())
# Who works in a courtroom or brings a case, never "the defendant".
_COURT_ROLES = frozenset("""judge magistrate recorder prosecutor lawyer barrister solicitor counsel attorney qc kc
witness detective inspector constable sergeant officer dci di ds pc juror clerk coroner""".split())
# A general word for a post or a body, and the more particular ones it covers ("the lawyer" for "solicitor Nkechi
# Adebayo", "the authority" for "Ellingham County Council").
_KINDS_OF = {"lawyer": frozenset("solicitor barrister attorney counsel advocate qc kc".split()),
             "doctor": frozenset("surgeon physician gp consultant paediatrician pediatrician psychiatrist".split()),
             "authority": frozenset("council ministry department agency commission board regulator".split())}
# Words for a researcher: "the researcher", "the veteran zoologist" is the last person the article called a
# scientist of any kind, or titled Dr or Professor ("Dr Ana Ruiz ... the biologist")
_SCHOLAR_NOUNS = frozenset("""researcher scientist academic scholar expert professor prof dr lecturer
specialist""".split())


def is_scholar(word: str) -> bool:
    """A word for a researcher of any kind ("academic", "professor", "virologist")."""
    return word in _SCHOLAR_NOUNS or word.endswith(("ologist", "onomist"))  # (not "photographer")


# Nouns that describe an organisation: "the company" is the last organisation named before (preferably one the
# article called a company: "mining company Karst Resources").
ORG_NOUNS = frozenset("""company firm group carmaker automaker maker manufacturer producer bank lender insurer club
agency union organisation organization council ministry department party business retailer airline operator
charity team body authority commission committee board publisher chain
developer supplier utility regulator watchdog alliance bloc coalition carrier forecaster association society
federation foundation guild""".split())
BUSINESS_NOUNS = frozenset("""company firm group carmaker automaker maker manufacturer producer bank lender insurer
business retailer airline operator chain developer supplier utility carrier""".split())
# Nouns for two people named together ("the pair", "the duo", "the couple").
_PAIR_NOUNS = frozenset("pair duo couple".split())
# Organisation nouns general enough to stand for any body named just before ("the utility" for "the Vellmar
# regional water authority"); "the ministry" or "the council" name a kind of their own and are not continued.
_GENERIC_ORG_NOUNS = frozenset("company firm group organisation organization body business utility agency operator "
                               "authority "
                               "team alliance bloc coalition".split())
# A place the article last named before them ("took Tikrit ... 85 percent of the city"); not "the country", which
# often is the speaker's own one named by an adjective ("Iranian President ... the country's council")
SETTLEMENT_NOUNS = frozenset("city town village".split())
_GROUP_NOUNS = frozenset("team group panel crew".split())  # what a group of people is called as one
# How far back (characters) "the agency" looks for the same head said more fully.
_CONTINUED_SPAN = 1500
# A name the article keeps returning to is its topic: a claim may name it where the cited sentence leaves it
# implicit ("the last troops withdrew" -> "... withdrew from Iraq").
TOPIC_MIN_MENTIONS = 4


@dataclass
class Person:
    start: int  # character offset of the mention in the (normalised) article
    words: frozenset[str]  # name words, keyed ("barack", "obama")
    titles: frozenset[str]  # title words seen with the person anywhere in the article ("president")
    subject: bool = False  # named as the subject of a clause ("Judge Abara rejected ...")


@dataclass
class ArticleContext:
    text: str  # the normalised article
    persons: list[Person] = field(default_factory=list)
    media: list[tuple[int, frozenset[str]]] = field(default_factory=list)  # organisations that report
    aliases: dict[str, frozenset[str]] = field(default_factory=dict)  # acronym key <-> expansion words
    orgs: list[tuple[int, frozenset[str], frozenset[str]]] = field(default_factory=list)  # (start, name, nouns)
    mentions: dict[str, int] = field(default_factory=dict)  # name base -> mentions
    # per sentence: (start, its subject's words, what kind the subject is: person / group / org / "")
    subjects: list[tuple[int, frozenset[str], str]] = field(default_factory=list)
    phrases: list[tuple[int, str, frozenset[str]]] = field(default_factory=list)  # (end, head lemma, words)
    # a plural noun said with whose they are: "ISIS militants", "militants from ISIS" (start, lemma, names)
    members: list[tuple[int, str, frozenset[str]]] = field(default_factory=list)
    places: list[tuple[int, frozenset[str]]] = field(default_factory=list)  # (start, name) of each place named
    # each noun said with an article and what the article says of it there ("a new plan to protect Baghdad")
    nouns: list[tuple[int, str, frozenset[str]]] = field(default_factory=list)  # (start, lemma, words)

    def locate(self, sentence: str) -> int:
        """Offset of `sentence` in the article (-1 when it is not part of it)."""
        return self.text.find(normalize(sentence).strip()[:200])

    def referent(self, offset: int, word: str, strict: bool = False, first: bool = False) -> frozenset[str]:
        """Name words of who `word` ("he", "the president", "the channel") at `offset` refers to, or empty.
        `strict`: an organisation noun only names an organisation the article described by it (or, for "the
        company", one not described as another kind of body), never simply the last one named. `first`: "the
        company" is the first business named (the one an article is about: whom an officer works for), not the
        last one."""
        w = word.lower()
        if offset < 0:
            return frozenset()
        if w in _PERSON_PRONOUNS:
            before = [p for p in self.persons if p.start < offset]
            if w in ("he", "she"):
                # a subject pronoun continues the last person who was a subject, not the last one named in passing
                # ("Judge Abara rejected a request by Curtis Vale's lawyers. She said ...")
                before = [p for p in before if p.subject] or before
            return before[-1].words | before[-1].titles if before else frozenset()
        titled = [p for p in self.persons if p.start < offset and (w in p.titles or w == "officer" and
                                                                   p.titles & _RANKS or
                                                                   p.titles & _KINDS_OF.get(w, frozenset()))]
        if titled:  # "the president", "the chief executive", "the judge": the last person the article called so
            return titled[-1].words | titled[-1].titles
        if w in ("defendant", "accused"):  # "the defendant denies stalking": the person on trial, not its officers
            tried = [p for p in self.persons if p.start < offset and not p.titles & _COURT_ROLES]
            return tried[-1].words | tried[-1].titles if tried else frozenset()
        scholars = [p for p in self.persons if p.start < offset and any(is_scholar(t) for t in p.titles)]
        if is_scholar(w) and scholars:  # "the researcher" for "the climate scientist Rafaela Montrose"
            return scholars[-1].words | scholars[-1].titles
        if is_scholar(w) and w not in _TITLE_WORDS:
            # "The court heard from Arnav Sethi, a forensic accountant. The expert said": the one person the lines
            # before name, whatever their field is called
            begin = self._paragraph_before(offset)
            near = {p.words: p for p in self.persons if begin <= p.start < offset}
            one = next(iter(near.values())) if len(near) == 1 else None
            # (not someone the article gives an office: "Mayor Tom Kell opened the symposium" is no researcher)
            if one is not None and not one.titles & (_TITLE_WORDS | _HONORIFICS | _RANKS | _COURT_ROLES):
                return one.words | one.titles
        # "the carmaker" for "the carmaker Halvorsen Motors", "the fund" for "the International Monetary Fund"
        # ("the authority" for "Ellingham County Council": a public body of any kind)
        described = [names for s, names, nouns in self.orgs if s < offset and (w in nouns or key(w) in names or
                                                                             key(_CLIPPED.get(w, w)) in names or
                                                                             nouns & _KINDS_OF.get(w, frozenset()))]
        if described:
            return described[-1]
        if w in SETTLEMENT_NOUNS:  # "Security in Baghdad has been stepped up ... march on the city"
            places = [names for s, names in self.places if s < offset]
            return places[-1] if places else frozenset()
        # "the militants" for the "ISIS militants" named before
        members = [names for s, lemma, names in self.members if s < offset and lemma == w]
        if members:
            return members[-1]
        if w in _PAIR_NOUNS:
            # "Gideon Parr and Tamsin Oyelaran founded Quidly. The pair told investors ...": the two people the
            # sentence before had as its subject
            here = max((i for i, (start, _, _) in enumerate(self.subjects) if start <= offset), default=-1)
            if here >= 1 and self.subjects[here - 1][2] == "person":
                return self.subjects[here - 1][1]
            return frozenset()
        maker = len(w) > 7 and w.endswith("maker")  # "the chipmaker", "the drugmaker": a business
        if w in ORG_NOUNS or maker:
            # "the company" is the last business named, "the agency" the last organisation of any kind
            named = [(names, nouns) for s, names, nouns in self.orgs if s < offset]
            if w in BUSINESS_NOUNS or maker:
                business = [x for x in named if x[1] & BUSINESS_NOUNS]
                named = business or [x for x in named if not x[1] & (ORG_NOUNS - BUSINESS_NOUNS)]
            elif strict:
                return frozenset()
            return named[0 if first else -1][0] if named else frozenset()
        if w in _MEDIA_NOUNS:
            before = [m for s, m in self.media if s < offset]
            return before[-1] if before else frozenset()
        return frozenset()

    def described_with(self, names: set[str] | frozenset[str]) -> frozenset[str]:
        """Words the article gives a named person's post with: the capitalised words in front of the name
        ("Interior Ministry Spokesman Brigadier General Saad Maan"), and, for a post named without its body
        ("However, the Pentagon said ... . 'I have nothing to confirm', spokesman John Kirby said"), the
        organisation that last said something in the lines before the person is first named."""
        keys = {key(n) for n in names}
        people = [p for p in self.persons if p.words & keys]
        if not people:
            return frozenset()
        words = frozenset().union(*(p.titles for p in people))
        begin = self._paragraph_before(people[0].start)
        spoke = [m for s, m in self.media if begin <= s < people[0].start]
        return words | spoke[-1] if spoke else words

    def _paragraph_before(self, offset: int) -> int:
        """Start of the paragraph before the one `offset` is in (what a reader still has in mind)."""
        starts = [m.start() for m in re.finditer(r"(?:^|\n)\s*\S", self.text) if m.start() <= offset]
        return starts[-2] if len(starts) >= 2 else 0

    def said_of(self, offset: int, lemma: str) -> frozenset[str]:
        """What the lines before `offset` said of the thing a definite noun there continues ("The plan consists
        of ..." after "We put in place a new plan to protect Baghdad"): the words of its last mention, or empty."""
        begin = self._paragraph_before(offset)
        said = [words for start, noun, words in self.nouns if begin <= start < offset and noun == lemma]
        return said[-1] if said else frozenset()

    def names_before(self, offset: int) -> frozenset[str]:
        """Name bases written just before `offset`: in its paragraph and the paragraph before it (what a reader
        has in mind when the sentence says "the city", "the channel" or "the spokesman")."""
        if offset < 0:
            return frozenset()
        return _names_in(self.text[self._paragraph_before(offset):offset])

    def expansions(self, word: str) -> frozenset[str]:
        """Words the article defines `word` as (an acronym's expansion, or the acronym of an expansion)."""
        return self.aliases.get(key(word), frozenset())

    def continued(self, offset: int, lemma: str) -> frozenset[str]:
        """Words of the phrase a definite subject ("the agency", "the utility", "the editor") continues, or empty:
        the same head said more fully in the lines before ("the national disaster agency" ... "the agency"), else
        the subject of the sentence just before when it is of the same kind ("The Vellmar water authority began
        rationing ... The utility said", "Rosalind Tennant-Obi edits the Gazette. The editor told readers").
        Only for nouns that describe; the caller keeps offices and other parties ("the minister") out."""
        if offset < 0:
            return frozenset()
        for end, head, words in reversed(self.phrases):
            if end <= offset and offset - end < _CONTINUED_SPAN and head == lemma:
                return words
        here = max((i for i, (start, _, _) in enumerate(self.subjects) if start <= offset), default=-1)
        if here < 1:
            return frozenset()
        _, words, kind = self.subjects[here - 1]
        person = (is_person_noun(lemma) or lemma in _TITLE_WORDS) and lemma not in ORG_NOUNS | \
            _MEDIA_NOUNS  # "the broadcaster" is no presenter
        if kind in ("person", "name") and person or kind in ("org", "group", "name") and lemma in _GENERIC_ORG_NOUNS \
                or kind == "group" and lemma in _GROUP_NOUNS:
            return words
        return frozenset()

    def names(self) -> frozenset[str]:
        """Bases of every capitalised word of the article."""
        return _names_in(self.text)

    def is_topic(self, word: str) -> bool:
        return any(self.mentions.get(b, 0) >= TOPIC_MIN_MENTIONS for b in name_bases(word))


@lru_cache(maxsize=256)
def _names_in(text: str) -> frozenset[str]:
    out: set[str] = set()
    for w in re.findall(r"\b[A-Z][\w.'-]*", text):
        out |= name_bases(w) | standard_expansion(w)
    return frozenset(out)


_ACRONYM_AFTER = re.compile(r"((?:[A-Z][\w'-]*|of|and|the|for|al-\w+)(?:\s+(?:[A-Z][\w'-]*|of|and|the|for|al-\w+))+)"
                            r"\s*\(\s*([A-Z][A-Z.]{1,9})\s*\)")
_ACRONYM_APPOS = re.compile(r"\b([A-Z][A-Z.]{1,9}),\s+(?:the\s+)?((?:[A-Z][\w'-]*|of|and|the|for|al-\w+)"
                            r"(?:\s+(?:[A-Z][\w'-]*|of|and|the|for|al-\w+))+)")

# "St Cuthbert's Hospice Trust, known locally as SCHT": an acronym given in words
_ACRONYM_KNOWN = re.compile(r"((?:[A-Z][\w'-]*|of|and|the|for|al-\w+)(?:\s+(?:[A-Z][\w'-]*|of|and|the|for|al-\w+))+)"
                            r",?\s+(?:\w+ly\s+)?(?:known|referred\s+to|abbreviated)\s+(?:\w+ly\s+)?as"
                            r"\s+(?:the\s+)?([A-Z][A-Z.]{1,9})\b")


def _descriptors(doc, ent) -> set[str]:
    """Common nouns the article uses for a named entity: compounds in front of it ("mining company Karst
    Resources", "Judge Catherine Ellery"), the noun it is in apposition to or that is in apposition to it
    ("Karst's chief executive, Omar Haddad"; "Lumo, an electronics maker")."""
    out: set[str] = set()
    root = ent.root
    for t in doc[max(0, ent.start - 4):ent.start]:
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in ("the",) and (root.is_ancestor(t) or t.head in
                                                                               ent) and t.text[:1].islower():
            out.add(t.lemma_.lower())
        elif t.text[:1].isupper() and t.lemma_.lower() in _TITLE_WORDS | ORG_NOUNS and root.is_ancestor(t):
            out.add(t.lemma_.lower())
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        head = root.head
        out.add(head.lemma_.lower())
        out |= {c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            out.add(c.lemma_.lower())
            out |= {g.lemma_.lower() for g in c.children if g.dep_ == "compound" and g.pos_ == "NOUN"}
        # "Priya Santhanam, who chairs the transport committee": the committee's chair ("the committee chair")
        if c.dep_ == "relcl" and (office := _OFFICE_OF_VERB.get(c.lemma_.lower())):
            out.add(office)
            out |= {g.lemma_.lower() for g in c.children if g.dep_ == "dobj" and g.pos_ == "NOUN"}
    # "Hugo Brann has chaired the committee since 2019", "Ferdi Amsel commands the garrison": the same, said as the
    # sentence's own act
    if root.dep_ == "nsubj" and (office := _OFFICE_OF_VERB.get(root.head.lemma_.lower())):
        out.add(office)
        out |= {g.lemma_.lower() for g in root.head.children if g.dep_ == "dobj" and g.pos_ == "NOUN"}
    # "the budget committee, chaired by Senator Pieter Vance": the same, said in the passive of the body
    by = root.head if root.dep_ == "pobj" and root.head.lower_ == "by" else None
    if by is not None and by.head.dep_ == "acl" and (office := _OFFICE_OF_VERB.get(by.head.lemma_.lower())):
        out |= {office} | ({"chairman", "chairwoman", "chairperson"} if office == "chair" else set())
        if by.head.head.pos_ == "NOUN":
            out.add(by.head.head.lemma_.lower())
    # "Rahel Manco was appointed head of the monitoring group", "was elected mayor": the office given
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in ("appoint", "name", "elect", "make", "promote"):
        out |= {g.lemma_.lower() for g in root.head.children if g.dep_ in ("oprd", "attr") and g.pos_ == "NOUN"}
    return out


# What one who "chairs", "leads", "runs" something is called.
_OFFICE_OF_VERB = {"chair": "chair", "head": "head", "lead": "leader", "run": "head", "direct": "director",
                   "command": "commander",
                   "manage": "manager", "coach": "coach", "edit": "editor", "own": "owner", "found": "founder",
                   "captain": "captain", "govern": "governor"}


def _is_subject(tok) -> bool:
    """Whether a name's head is a clause subject, itself or through the title or apposition it sits in."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ not in ("appos", "compound") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _person_spans(doc) -> list:
    """The parser's entities, with the names its small tagger misses or cuts short: a PERSON ends at the name it
    is a compound of ("Climber Tenzin" + "Rabgyal"), and capitalised names after a title that are no entity at all
    ("Interior Minister Sofia Reinholt" tagged "Interior" ORG) are people."""
    from spacy.tokens import Span

    taken = {t.i for e in doc.ents for t in e}
    out = []
    for ent in doc.ents:
        end = ent.end
        if ent.label_ == "ORG" and _goes_on_as_person(doc, ent):
            out.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        if ent.label_ == "PERSON":
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and \
                    end not in taken and doc[end - 1].head.i == end:
                end += 1
        out.append(ent if end == ent.end else Span(doc, ent.start, end, label="PERSON"))
        taken |= set(range(ent.end, end))
    for t in doc:
        # a title or a person's description in front ("Sprinter Amaka Diallo-Reyes")
        if not (t.lemma_.lower() in _TITLE_WORDS or t.pos_ in ("NOUN", "PROPN") and is_person_noun(t.lemma_.lower())) \
                or not t.text[:1].isupper() or t.i in taken:
            continue
        end = t.i + 1
        while end < len(doc) and end not in taken and doc[end].lemma_.lower() not in _TITLE_WORDS and (
                doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() or
                # a double-barrelled name: "Diallo-Reyes" is read as "Diallo", "-", "Reyes"
                doc[end].text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc) and
                doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper()):
            end += 1
        if end - t.i - 1 >= 2 and doc[end - 1].dep_ in ("nsubj", "nsubjpass", "appos", "dobj", "pobj"):
            out.append(Span(doc, t.i + 1, end, label="PERSON"))
            taken |= set(range(t.i + 1, end))
    # a run of capitalised names the tagger left out, told as a person by the next sentence
    i = 0
    while i < len(doc):
        end = i
        # (the last word may be tagged a plural noun: "Tove Randahl")
        while end < len(doc) and end not in taken and doc[end].pos_ in ("PROPN", "NOUN") and \
                doc[end].text[:1].isupper() and (doc[end].pos_ == "PROPN" or end > i):
            end += 1
        if end - i >= 2 and _goes_on_as_person(doc, Span(doc, i, end)):
            out.append(Span(doc, i, end, label="PERSON"))
            taken |= set(range(i, end))
        i = max(end, i + 1)
    return sorted(out, key=lambda e: e.start)


def _goes_on_as_person(doc, span) -> bool:
    """Whether a name of two or more capitalised words, the subject of its sentence, is taken up by the next
    sentence as a person ("Marit Solheimsen warned ... . The 58-year-old said", "... . She said"), whatever the
    small tagger made of an unfamiliar name (no body: "Harlow Housing Trust ... . It said")."""
    # (a name only: not "The Transport Minister", whose name follows it)
    if len(span) < 2 or span[0].pos_ != "PROPN" or any(t.lemma_.lower() in ORG_NOUNS | _TITLE_WORDS or
                                                       not t.text[:1].isupper() for t in span) or \
            span.root.dep_ not in ("nsubj", "nsubjpass") or span.sent.end >= len(doc):
        return False
    return re.match(r"(?:the \d+-year-old|he|she)\b", doc[span.sent.end:].text.lower()) is not None


@lru_cache(maxsize=64)
def article_context(text: str) -> ArticleContext:
    """Parse an article once (cached) into the people, reporting organisations, acronyms and topic names it has."""
    norm = normalize(text)
    ctx = ArticleContext(norm)
    for pattern, long_first in ((_ACRONYM_AFTER, True), (_ACRONYM_APPOS, False), (_ACRONYM_KNOWN, True)):
        for m in pattern.finditer(norm):
            long, short = (m.group(1), m.group(2)) if long_first else (m.group(2), m.group(1))
            words = long.split()
            # keep the tail of the phrase whose initials spell the acronym
            for i in range(len(words)):
                # (the acronym's own letters: keying "KIMS" drops its last letter as if it were a plural)
                if is_acronym(short) and initials(words[i:]) in (key(short).replace(".", ""),
                                                                 short.replace(".", "").lower()):
                    # capitalised words only: "The Federal Aviation Administration (FAA)" must not alias "the"
                    # (with the parts of "al-Shams", which the parser reads as three tokens in a claim)
                    expansion = with_hyphen_parts(frozenset(key(w) for w in words[i:] if (w[:1].isupper() or "-" in w)
                                                            and w.lower() not in FUNCTION_WORDS))
                    ctx.aliases[key(short)] = ctx.aliases.get(key(short), frozenset()) | expansion
                    for w in expansion:
                        ctx.aliases[w] = ctx.aliases.get(w, frozenset()) | {key(short)}
                    break
    doc = parse(norm)
    titles_of: dict[str, set[str]] = {}
    # places: what the tagger calls one, or a name the text calls a city ("Samarra - a city 110km north of ...")
    called = {t.head.i for t in doc if t.dep_ == "appos" and t.lemma_.lower() in SETTLEMENT_NOUNS}
    ents = [e for e in doc.ents if e.label_ == "GPE" or any(t.i in called for t in e)]
    # not the region a place is given with ("Kelston, British Columbia": the town is Kelston)
    ends = {e.end for e in ents}
    ctx.places = [(e.start_char, frozenset(key(t.text) for t in e if t.text[:1].isupper())) for e in ents
                  if not (e.start >= 2 and doc[e.start - 1].text == "," and e.start - 1 in ends)]
    for ent in _person_spans(doc):
        if ent.label_ in ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"):
            for t in ent:
                for b in name_bases(t.text):
                    ctx.mentions[b] = ctx.mentions.get(b, 0) + 1
        nouns = _descriptors(doc, ent)
        # the small tagger sometimes calls a titled person an organisation ("Chief financial officer Marcus Hale"
        # as ORG): a name described by a title and by no organisation noun is a person
        # (or with its title inside the entity: "Councillor Imran Sattar" as ORG)
        titles_near = nouns | {ent[0].lemma_.lower()}
        # (a military rank too: "Sergeant Pavel Imrek" as ORG)
        titled_org = ent.label_ == "ORG" and bool(titles_near & (_TITLE_WORDS | _HONORIFICS | _RANKS)) and \
            not nouns & ORG_NOUNS and ent[-1].pos_ == "PROPN" and len([t for t in ent if t.pos_ == "PROPN"]) >= 2
        if ent.label_ == "PERSON" or titled_org:
            words = frozenset(key(t.text) for t in ent if t.text[:1].isupper() and
                              not (titled_org and t.lemma_.lower() in _TITLE_WORDS | _HONORIFICS))
            # titles: the compounds in front ("U.S. President Barack Obama") or an apposition head ("Iran's chief
            # of police, Esmail Ahmadi-Moghaddam")
            titles = {t.lemma_.lower() for t in doc[max(0, ent.start - 4):ent.start] if t.lemma_.lower() in
                      _TITLE_WORDS}
            root = ent.root
            if root.dep_ == "appos":
                titles |= {t.lemma_.lower() for t in root.head.subtree if t.lemma_.lower() in _TITLE_WORDS
                           and not t.is_ancestor(root) and t.i < ent.start}
                titles |= {root.head.lemma_.lower()} & _TITLE_WORDS
            # and the capitalised words describing them ("Interior Ministry Spokesman Brigadier General Saad Maan")
            titles |= {key(t.text) for t in doc[max(0, ent.start - 6):ent.start] if t.text[:1].isupper() and
                       ent.root.is_ancestor(t)}
            # any noun the article puts in front of or beside the name ("Union general secretary Helen Marsh",
            # "the hospital's chief executive, David Okoro"): a later "the general secretary" is this person
            titles |= nouns
            titles |= {t.lemma_.lower() for t in ent if t.lemma_.lower() in _TITLE_WORDS}  # "Chief ... Hale" as one
            surname = key(ent[-1].text)
            titles_of.setdefault(surname, set()).update(titles)
            ctx.persons.append(Person(ent.start_char, words, frozenset(), _is_subject(ent.root)))
            if titled_org:
                continue
        # a tagger's PERSON described as an organisation ("electronics maker Lumo"), not a person described
        # by their title in one ("union general secretary Helen Marsh")
        if ent.label_ == "ORG" or (ent.label_ == "PERSON" and nouns & ORG_NOUNS and not nouns & _TITLE_WORDS):
            names = frozenset(key(t.text) for t in ent if t.text[:1].isupper() and t.lower_ != "the")
            # "the union" is also the "Royal Nursing Union"
            ctx.orgs.append((ent.start_char, names, frozenset(nouns | {n for n in ORG_NOUNS if key(n) in names})))
        if ent.label_ == "ORG" and ent.root.dep_ in ("nsubj",) and ent.root.head.lemma_ in ("report", "say"):
            ctx.media.append((ent.start_char, frozenset(key(t.text) for t in ent)))
        elif ent[-1].text.lower() in _NEWSPAPER_TITLES and len(ent) >= 2:
            # "The Marlowe Tribune was ordered to publish a correction. The newspaper said": a paper by its title,
            # whatever the tagger typed it as
            ctx.media.append((ent.start_char, frozenset(key(t.text) for t in ent if t.lower_ != "the")))
    for t in doc:
        if t.dep_ in ("dobj", "dative", "pobj") and t.head.lemma_ in ("tell", "to") and t.pos_ == "PROPN" \
                and t.text.isupper():
            ctx.media.append((t.idx, frozenset({key(t.text)})))
        if t.dep_ == "nsubj" and t.head.lemma_ == "report" and t.pos_ == "PROPN":
            ctx.media.append((t.idx, frozenset({key(t.text)})))
    ctx.media.sort(key=lambda m: m[0])
    for sent in doc.sents:
        ctx.subjects.append(_sentence_subject(sent))
    for t in doc:
        if t.tag_ == "NNS":
            # (the small tagger calls an all-capitals name a common noun: "ISIS militants")
            whose = [c for c in t.children if c.dep_ == "compound" and (c.pos_ == "PROPN" or is_acronym(c.text))] + \
                [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            names = frozenset(key(x.text) for c in whose for x in c.subtree if x.text[:1].isupper() and
                              x.lower_ != "the")
            if names:
                ctx.members.append((t.idx, t.lemma_.lower(), names))
    for t in doc:
        if t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in t.children):
            ctx.nouns.append((t.idx, t.lemma_.lower(), frozenset(
                w for x in t.subtree if not x.is_stop and not x.is_punct for w in (key(x.text), x.lemma_.lower()))))
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.pos_ == "NOUN" and any(t.lower_ == "the" for t in chunk):
            words = speaker_phrase_words(head)
            if len(words) >= 2:  # "the national disaster agency", not "the agency"
                ctx.phrases.append((chunk.end_char, head.lemma_.lower(), words))
    # A person's titles hold for every later mention of the same surname ("President Obama" ... "Obama said").
    full: dict[str, frozenset[str]] = {}
    for p in ctx.persons:
        surname = max(p.words, key=len) if p.words else ""
        for s in p.words:
            if s in titles_of:
                surname = s
        full[surname] = full.get(surname, frozenset()) | p.words
        p.words = full[surname]
        p.titles = frozenset(titles_of.get(surname, set()))
    # a subject the tagger typed as an organisation or left untyped that the article names as a person ("Sergeant
    # Pavel Imrek was wounded ... . The soldier said"): a person
    for i, (start, words, kind) in enumerate(ctx.subjects):
        if kind in ("org", "name") and words and any(words - p.titles <= p.words and p.start >= start and
                                                     p.words for p in ctx.persons):
            ctx.subjects[i] = (start, words, "person")
    return ctx


def _sentence_subject(sent) -> tuple[int, frozenset[str], str]:
    """The subject a sentence is about, its words and kind: the main clause's, or what a reporting verb reports
    ("Ilse Jorvik was detained ..., prosecutors said" is about Ilse Jorvik)."""
    root = sent.root
    clause = next((c for c in root.children if c.dep_ == "ccomp"), None) if root.lemma_ in SAY_VERBS else None
    subj = None
    for verb in (clause, root):
        if verb is not None:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                break
    if subj is None or subj.pos_ == "PRON":
        return sent.start_char, frozenset(), ""
    span = list(subj.subtree)
    ents = {t.ent_type_ for t in span}
    lemma = subj.lemma_.lower()
    if lemma in ORG_NOUNS:
        kind = "org"  # "The Vellmar regional water authority", whatever the tagger calls "Vellmar"
    elif subj.ent_type_ == "PERSON" or subj.tag_ == "NN" and is_person_noun(lemma):
        kind = "person"
    elif subj.tag_ == "NNS" and lemma.endswith(PERSON_NOUN_ENDINGS):
        kind = "group"  # "Astronomers at the Hallam Observatory"
    elif ents & {"ORG", "GPE", "NORP"}:
        kind = "org"
    elif subj.pos_ == "PROPN" and not subj.ent_type_:
        kind = "name"  # a name the small tagger could not type ("Rosalind Tennant-Obi"): a person or a body
    else:
        kind = ""
    return sent.start_char, speaker_phrase_words(subj), kind
