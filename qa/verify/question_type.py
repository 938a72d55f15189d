"""Does a "how many / how much" answer state the asked-for quantity?

A small model asked "How many U.S. troops were killed in Iraq?" over passages that do not say tends to answer with
whatever numbers the passages hold ("$25 billion", "June 10"), each correctly cited, so citation checks pass. This
check asks for a supported sentence in which a number (not a date or a year) is followed, within a few words, by
the thing the question counts. Hand-written because it is a question-type rule specific to newsqa's answers; no
maintained library checks answer type against question type without a second model.
"""

from __future__ import annotations

import re

from qa.text import COUNT_NOUN_CLASSES, STOPWORDS, key
from qa.verify.support import NUMBER_WORDS, stem

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
_GENERAL_KIN = frozenset("member people person individual".split())
WINDOW = 4  # words after the number in which the counted noun must appear ("500 members", "two battalions of")


# Words before the question word that do not change what is asked: "Roughly how many ...", "And who ...", "So,
# where ...", and the requests below.
# A question asked as a request ("Can you tell me how many ...", "I'd like to know who ...", "Please, where ..."):
# the question it embeds is what is asked.
_ASKED = r"(?=(?:how|who|whom|when|where|what|which|on|in|at)\b)"
_LEAD = re.compile(r"^\s*(?:(?:roughly|approximately|about|around|exactly|precisely|just)\s+(?=how\b)|"
                   rf"(?:and|so|but|then|now|ok|okay|well|please)\b[\s,]+{_ASKED}|"
                   r"(?:(?:can|could|would|will)\s+(?:you|someone|anyone|anybody)\s+)?(?:please\s+)?"
                   rf"(?:tell\s+me|show\s+me|let\s+me\s+know|explain)\b[\s,]+{_ASKED}|"
                   rf"(?:do|does)\s+(?:you|anyone|anybody)\s+know\b[\s,]+{_ASKED}|"
                   r"i(?:'d|\s+would)?\s+(?:like|want|need)\s+to\s+(?:know|find\s+out|understand)\b[\s,]+"
                   rf"{_ASKED}|"
                   rf"i(?:'m|\s+am)?\s+(?:wonder|wondering)\b[\s,]+{_ASKED})", re.IGNORECASE)


def plain_question(question: str) -> str:
    """The question from its question word on ("Roughly how many fighters ...?" -> "how many fighters ...?")."""
    while (m := _LEAD.match(question)) and m.end() > 0:
        question = question[m.end():]
    return question


def _norm(word: str) -> str:
    """The support scorer's stem, trailing dots dropped ("U.S." and "U.S" match); acronyms are not plurals."""
    return word.lower().strip(".") if word.isupper() else stem(word.strip("."))


def counted_words(question: str) -> list[str] | None:
    """The words naming what a "how many/much" question counts (empty if it names nothing: "How much did X
    spend?"); None if the question does not ask for a quantity."""
    m = _ASKS.match(plain_question(question))
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
    # the other nouns of a counted noun's class ("soldiers" for "troops", "employees" for "workers"), not the
    # general ones ("members", "people" are of any group)
    kin = set().union(*(cls for cls in COUNT_NOUN_CLASSES if wanted & {_norm(w) for w in cls})) - _GENERAL_KIN
    for sentence in sentences:
        tokens = _TOKEN.findall(sentence)
        for i in range(len(tokens)):
            if not _is_quantity(tokens, i):
                continue
            # a partitive reaches further: "about 500 of its elite Revolutionary Guard soldiers"
            reach = WINDOW + 3 if i + 1 < len(tokens) and tokens[i + 1].lower() == "of" else WINDOW
            after = tokens[i + 1:i + 1 + reach]
            if not wanted or wanted & {_norm(t) for t in after} or kin & {key(t) for t in after}:
                return True
    return False


# --------------------------------------------------------------------------------------------------
# The question-type check: does a supported sentence give the kind of answer the question asks for?

# "What is the population / death toll / number of ..." asks for a quantity like "how many".
_MEASURE = re.compile(r"^\s*what\s+(?:is|was|are|were)\s+the\s+(population|number|death\s+toll|toll|size|"
                      r"percentage|share|cost|amount|total|distance)\b", re.IGNORECASE)
_MEASURE_WORDS = {"population": ["people", "resident", "inhabitant", "population"], "distance": []}
_HOW_FAR = re.compile(r"^\s*how\s+(far|long|big|large|old)\b", re.IGNORECASE)
_UNITS = {"far": {"km", "kilometre", "kilometer", "mile", "metre", "meter", "kilometres", "kilometers"},
          "long": {"day", "week", "month", "year", "hour", "minute", "decade"}}
_WHEN = re.compile(r"^\s*(?:when|on\s+what\s+(?:day|date)|what\s+(?:day|date|time|year))\b", re.IGNORECASE)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_RELATIVE_TIME = re.compile(r"\b(?:yesterday|today|tomorrow|earlier|later|last|this|next)\s+(?:week|month|year|"
                            r"day)\b|\b(?:days?|weeks?|months?|years?)\s+(?:ago|after|before|earlier|later)\b|"
                            r"\b(?:yesterday|today|tonight)\b", re.IGNORECASE)
_GLUED_UNIT = re.compile(r"(\d)([A-Za-z]+)")  # "110km" -> "110 km"


def _asks_measure(question: str) -> list[str] | None:
    m = _MEASURE.match(question)
    if not m:
        return None
    word = " ".join(m.group(1).lower().split())
    return [_norm(w) for w in _MEASURE_WORDS.get(word, [])]


def _gives_date(sentence: str) -> bool:
    tokens = [t.lower().strip(".") for t in _TOKEN.findall(sentence)]
    if any(t in _WEEKDAYS or t in _MONTHS for t in tokens) or _RELATIVE_TIME.search(sentence):
        return True
    return any(re.fullmatch(r"(1[89]|20)\d\d", t) for t in tokens)


def _gives_unit(sentence: str, units: set[str]) -> bool:
    tokens = _TOKEN.findall(_GLUED_UNIT.sub(r"\1 \2", sentence))
    for i in range(len(tokens)):
        if _is_quantity(tokens, i) and {_norm(t) for t in tokens[i + 1:i + 1 + WINDOW]} & {_norm(u) for u in units}:
            return True
    return False


_WHO = re.compile(r"^\s*(?:who|whom)\b", re.IGNORECASE)
_WHO_IS = re.compile(r"^\s*who\s+(?:is|was|are|were)\s+(.+?)\s*\??\s*$", re.IGNORECASE | re.DOTALL)
_WHERE = re.compile(r"^\s*(?:where\b|(?:in|at|to|from|near)\s+(?:what|which)\s+(?:part|city|cities|town|country|"
                    r"province|region|area|place|district|state)s?\b|(?:what|which)\s+(?:city|cities|town|country|"
                    r"province|region|area|place|district)\b)", re.IGNORECASE)
_EXACT_DAY = re.compile(r"^\s*(?:on\s+)?(?:what|which)\s+(?:exact\s+|precise\s+)?(?:day|date)\b", re.IGNORECASE)
# Generic English: the people and groups a "who" answer may name without a proper name ("security sources",
# "local armed men"), and the nouns that make a "where" answer a place ("in the region", "the northern part").
PERSON_NOUNS = frozenset("""source official spokesman spokeswoman spokesperson minister president leader chief
militant fighter insurgent rebel soldier troop force army police policeman government ministry council agency
group man woman men women people resident witness analyst commander general officer member aide adviser advisor
diplomat envoy ambassador authority authorities administration military guard tribe channel network newspaper
reporter journalist correspondent media organisation organization party movement coalition alliance""".split())
PLACE_NOUNS = frozenset("""region world country city capital town village province district area border north south
east west part territory state coast island frontier neighbourhood neighborhood zone centre center outskirts edge
heart suburb suburbs street road port harbour harbor valley river""".split())
DIRECTION_WORDS = frozenset("""north south east west northern southern eastern western northeast northwest southeast
southwest north-east north-west south-east south-west""".split())
_PARTY_ENTS = ("PERSON", "ORG", "NORP", "GPE")
_LOCATIVE = frozenset("in at near across throughout inside outside around into to from towards toward".split())
_PLACE_ENTS = ("GPE", "LOC", "FAC")


def _names_a_party(tok) -> bool:
    """Whether the noun phrase headed by `tok` names a person or an organisation (an entity, a proper name, or a
    generic people/group noun)."""
    phrase = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl") and not any(
        a.dep_ in ("relcl", "acl") and a.i != tok.i and tok.is_ancestor(a) for a in t.ancestors)]
    return any(t.ent_type_ in _PARTY_ENTS or t.pos_ == "PROPN" for t in phrase) or _is_person_noun(tok)


def _is_person_noun(tok) -> bool:
    from qa.verify.claims import TITLES  # generic titles ("mayor", "spokesman", "minister")

    return bool({tok.lemma_.lower(), tok.lower_} & (PERSON_NOUNS | TITLES))


def gives_party(sentence: str) -> bool:
    """Whether `sentence` has a person or organisation in a subject or speaker role: the subject (or passive
    agent) of a verb, or the speaker of a reporting verb."""
    from qa.verify.nlp import parse

    for t in parse(sentence):
        if t.dep_ in ("nsubj", "csubj") and t.lower_ not in ("it", "this", "that", "which", "there") \
                and _names_a_party(t):
            if t.head.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in PLACE_NOUNS
                                             for c in t.head.children):
                continue  # "X is a town": a place described
            if t.head.lemma_ != "be" or t.ent_type_ in ("PERSON", "ORG", "NORP") or _is_person_noun(t):
                return True  # "Mosul is a city" names a place, not who did something
        if t.dep_ == "pobj" and t.head.dep_ == "agent" and _names_a_party(t):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according" and _names_a_party(t):
            return True
    return False


def gives_place(sentence: str, question: str = "") -> bool:
    """Whether `sentence` names a place the question does not already name (a GPE/LOC/FAC entity), a direction
    ("north of X", "the northern part"), or a place noun after a locative preposition ("in the region")."""
    from qa.verify.nlp import parse

    asked = {w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", question)}
    doc = parse(sentence)
    for ent in doc.ents:
        if ent.label_ in _PLACE_ENTS and not {t.lower_ for t in ent if t.pos_ == "PROPN"} <= asked:
            return True
    for t in doc:
        if t.lower_ in DIRECTION_WORDS:
            return True
        if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE and (
                t.lemma_.lower() in PLACE_NOUNS or (t.pos_ == "PROPN" and t.lower_ not in asked)):
            return True
        # "the centre of Calder", "the outskirts of the capital": a place noun's "of" names where.
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in PLACE_NOUNS and (
                t.pos_ == "PROPN" and t.lower_ not in asked or t.lemma_.lower() in PLACE_NOUNS):
            return True
    return False


def _gives_day(sentence: str) -> bool:
    """A day, not just a year or a relative time: a weekday, or a month with a day number."""
    tokens = [t.lower().strip(".") for t in _TOKEN.findall(sentence)]
    if any(t in _WEEKDAYS for t in tokens):
        return True
    for i, t in enumerate(tokens):
        if t in _MONTHS and any(re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", x) for x in tokens[max(0, i - 1):i + 2]):
            return True
    return bool(re.search(r"\b\d{4}-\d\d-\d\d\b", sentence))


def question_type(question: str) -> str | None:
    """The kind of answer `question` asks for, when this check knows it: "count" (how many / how much / what is
    the population ...), "distance", "duration", "day", "date", "person" (who is the <title>), "party" (who),
    "place" (where); else None.
    "Who is <a name>?" asks for a description, not a party: None."""
    question = plain_question(question)
    if counted_words(question) is not None or _asks_measure(question) is not None:
        return "count"
    how = _HOW_FAR.match(question)
    if how and how.group(1).lower() in _UNITS:
        return "distance" if how.group(1).lower() == "far" else "duration"
    if _EXACT_DAY.match(question):
        return "day"
    if _WHEN.match(question):
        return "date"
    if _WHO.match(question):
        from qa.verify.nlp import parse

        root = next((t for t in parse(question.strip()) if t.dep_ == "ROOT"), None)
        identity = _WHO_IS.match(question) and root is not None and root.lemma_ == "be"
        if identity and asked_title(question):
            return "person"  # "Who is the prime minister?": a person named as holding it
        # "Who is <a name>?" asks what the named one is; "Who is the prime minister?" asks for a party
        if identity and any(t.pos_ == "PROPN" for t in parse(_WHO_IS.match(question).group(1))):
            return None
        return "party"
    if _WHERE.match(question):
        return "place"
    return None


def title_keys(word: str) -> frozenset[str]:
    """The title words a word names: itself ("minister") or an abbreviation's expansion ("PM" -> prime minister)."""
    from qa.text import key, standard_expansion
    from qa.verify.claims import TITLES

    words = standard_expansion(word) or frozenset({key(word)})
    return words if words & TITLES else frozenset()


def asked_title(question: str) -> frozenset[str]:
    """The title a "Who is/was the <title>?" question asks the holder of ("Who is the iraqi PM?" -> {"prime",
    "minister"}); empty when the described phrase is not headed by a title."""
    from qa.verify.nlp import parse

    m = _WHO_IS.match(question)
    if not m:
        return frozenset()
    phrase = [t for t in parse(m.group(1)) if not t.is_punct]
    heads = [t for t in phrase if t.dep_ == "ROOT"]
    if not heads or heads[0].i == 0 and heads[0].pos_ == "DET":
        return frozenset()
    head = heads[0]
    out = set(title_keys(head.text))
    if out:
        for t in head.lefts:  # "foreign secretary", "prime minister": title words before the head count too
            out |= title_keys(t.text)
    return frozenset(out)


def gives_person(sentence: str, title: frozenset[str]) -> bool:
    """Whether `sentence` names a person (a PERSON entity) as holding the title: a title word among the five
    words before the name ("Iraqi Prime Minister Nouri al-Maliki") or in an apposition to it."""
    from qa.text import key
    from qa.verify.nlp import parse

    doc = parse(sentence)
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        near = {key(t.text) for t in doc[max(0, ent.start - 5):ent.start]}
        near |= {key(t.text) for t in ent.root.children if t.dep_ == "appos" for t in t.subtree}
        if ent.root.dep_ == "appos":
            near |= {key(t.text) for t in ent.root.head.subtree if t.i < ent.start}
        if title & near:
            return True
    return False


def asked_topic(question: str) -> tuple[str, list[str]] | None:
    """(the phrase as asked, its words) of a question's "about"-topic: "What does X think about American air
    strikes in Iraq?" -> ("American air strikes", ["American", "air", "strikes"]). None without one."""
    from qa.verify.nlp import parse

    for t in parse(question.strip()):
        if t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN") and t.head.lower_ == "about" and \
                t.head.head.pos_ in ("VERB", "AUX") and t.head.head.dep_ == "ROOT":
            if t.lemma_.lower() in _GENERAL_TOPICS:
                # "the situation in Iraq": what is asked about is the place or thing that follows, not the word
                # "situation", which a sentence about it need not use
                after = [c for p in t.children if p.dep_ == "prep" for c in p.subtree
                         if c.pos_ in ("NOUN", "PROPN", "ADJ")]
                if not after:
                    return None
                return t.doc[after[0].i:after[-1].i + 1].text, [w.text for w in after]
            words = [c for c in t.subtree if c.i <= t.i and c.pos_ in ("NOUN", "PROPN", "ADJ")]
            first = min([t.i] + [c.i for c in t.subtree if c.i <= t.i and not c.is_punct and c.pos_ != "DET"])
            return t.doc[first:t.i + 1].text, [w.text for w in words]
    return None


# Nouns that name no topic of their own ("What did X say about the situation in Iraq?"): their phrase's own
# complement is the topic. Generic English.
_GENERAL_TOPICS = frozenset("situation matter issue issues event events development developments state affairs "
                            "thing things news subject topic question circumstance circumstances".split())


def _speaks_of(words: list[str], sentence: str) -> bool:
    """One of the topic's words in the sentence: as a word of the same stem, inside a compound ("strikes" in
    "airstrikes"), or as a name's form ("Iran's" / "Iranian")."""
    from qa.text import name_bases

    here = _TOKEN.findall(sentence)
    stems = {_norm(w) for w in here}
    bases = set().union(*(name_bases(w) for w in here if w[:1].isupper())) if here else set()
    for w in words:
        h = _norm(w)
        if h in stems or (len(h) >= 4 and any(h in x.lower() for x in here)):
            return True
        if w[:1].isupper() and name_bases(w) & bases:
            return True
    return False


_KIND_NOUNS = frozenset("kind sort type form".split())  # "what kind of support": the kind is asked, not a member
# What makes "the shrines" a particular set: its modifiers, apposition, of-phrase, relative clause, possessor.
_SPECIFIERS = frozenset("compound amod nummod appos prep relcl acl poss nmod npadvmod".split())


def asked_member(question: str) -> tuple[str, str] | None:
    """(the noun as asked, its lemma) of a "which/what <noun>" question ("Which Shiite shrines did ...?" ->
    ("shrines", "shrine")); None for other questions and for "what kind/sort/type of"."""
    from qa.verify.nlp import parse

    for t in parse(question.strip()):
        if t.pos_ == "NOUN" and t.lemma_.lower() not in _KIND_NOUNS and any(
                c.dep_ == "det" and c.lower_ in ("which", "what") for c in t.children):
            return t.text, t.lemma_.lower()
    return None


def _names_member(sentence: str, lemma: str, asked: set[str]) -> bool | None:
    """For a sentence that uses the asked noun: True when one use says which ones (a modifier, apposition,
    of-phrase or the like with a word the question does not have, or the noun inside a name), False when none
    does; None when the sentence does not use the noun (it may name a member without it: "Samarra")."""
    from qa.verify.nlp import parse

    uses = [t for t in parse(sentence) if t.lemma_.lower() == lemma and t.pos_ in ("NOUN", "PROPN")]
    if not uses:
        return None
    for t in uses:
        if t.ent_type_:
            return True
        words = {w.lower_ for c in t.children if c.dep_ in _SPECIFIERS for w in c.subtree
                 if not (w.is_stop or w.is_punct)}
        if words - asked:
            return True
    return False


def missing_answer_type(question: str, sentences: list[str]) -> str | None:
    """Why the supported `sentences` do not answer the kind of question asked, or None when they do (or when the
    question's type is not one this check knows). Kinds: how many / how much and "what is the population (number,
    toll ...) of" need a number of the thing asked about; how far / how long a number with a distance or time
    unit; when a date, weekday, month, year or relative time ("on what date / which day" a day); who a person or
    organisation in a subject or speaker role; where a place."""
    question = plain_question(question)
    if not states_quantity(question, sentences):
        return "the passages give no figure for what the question counts"
    measure = _asks_measure(question)
    if measure is not None and not any(
            states_quantity("how many " + " ".join(measure) if measure else "how much", [s]) for s in sentences):
        return "the passages give no figure for what the question asks"
    how = _HOW_FAR.match(question)
    if how and how.group(1).lower() in _UNITS and not any(_gives_unit(s, _UNITS[how.group(1).lower()])
                                                          for s in sentences):
        return f"the passages give no {'distance' if how.group(1).lower() == 'far' else 'duration'}"
    kind = question_type(question)
    if kind == "day" and not any(_gives_day(s) for s in sentences):
        return "the passages give no day"
    if _WHEN.match(question) and not any(_gives_date(s) for s in sentences):
        return "the passages give no date or time"
    if kind == "person" and not any(gives_person(s, asked_title(question)) for s in sentences):
        return "the passages name no one as holding that title"
    if kind == "party" and not any(gives_party(s) for s in sentences):
        return "the passages name no person or organisation that did it"
    if kind == "place" and not any(gives_place(s, question) for s in sentences):
        return "the passages name no place"
    # "Which shrines ...?" answered with "Shiite shrines": the question's own noun phrase, no member named.
    member = asked_member(question)
    if member is not None and sentences:
        asked = {w.lower() for w in _TOKEN.findall(question)}
        named = [_names_member(s, member[1], asked) for s in sentences]
        if all(n is False for n in named):
            return f"the passages do not say which {member[0]}"
    # "What does X think about Y?" answered with what X said about something else: true, cited, and no answer.
    topic = asked_topic(question)
    if topic is not None and not any(_speaks_of(topic[1], s) for s in sentences):
        return f"the passages say nothing about {topic[0]}"
    return None
