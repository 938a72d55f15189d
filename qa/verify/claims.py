"""What a sentence asserts, read from its dependency parse: who says it and how surely, which actions it reports
with their doer, receiver and places, whether each is negated or only contemplated, directions ("X north of Y"),
numbers and dates.

Hand-written rules over spaCy's parse (no maintained library extracts attribution and modality for news claims).
Every word list here is generic English (attribution verbs, hedges, modals, negators, titles, a small thesaurus of
reporting verbs), never names or phrases of particular articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qa.text import (
    MONTHS,
    UNITS,
    WEEKDAYS,
    DateMention,
    Quantity,
    dates,
    key,
    name_bases,
    normalize,
    quantities,
    squash,
)
from qa.verify.lexicon import known
from qa.verify.nlp import irregular_verbs, parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# ---- generic English word lists ------------------------------------------------------------------------------
# Reporting verbs and what they commit the speaker to.
SAY_VERBS = frozenset("""say tell state add announce declare claim insist note explain respond reply warn caution
stress tell report write quote remark assert comment acknowledge admit argue suggest describe call vow pledge
threaten reveal disclose""".split())
CONFIRM_VERBS = frozenset("confirm verify corroborate".split())
# Verbs that present what follows as established fact ("showed that", "proved that"): a speaker who only "argued"
# or "said" it is not credited with this (ranked like "confirmed").
FACTIVE_VERBS = frozenset("show prove demonstrate establish".split())
THING_NOUNS = frozenset("""number paper letter order error factor sector indicator figure register monitor
computer meter chapter filter layer border corridor quarter water weather power matter""".split())
DENY_VERBS = frozenset("deny reject dismiss refute".split())
REPORT_NOUNS = frozenset("report reports account accounts".split())
# Reporting verbs that are actions when they take a thing rather than a clause: "vowed to fight" / "said it would"
# reports, "pledged $200m" / "threatened the city" / "rejected the fund" / "called a strike" do something.
# ("added an expression of concern", "wrote to the board" act; "added that ..." reports)
ACT_OR_REPORT_VERBS = frozenset("pledge vow threaten promise reject dismiss call warn caution alert announce "
                                "add reveal disclose write".split())
# What a denial is about when it is a statement: "rejected the claims", "dismissed reports".
CLAIM_NOUNS = frozenset("""report claim allegation accusation suggestion charge rumour rumor story idea notion account
assertion statement""".split())
# Passive reporting verbs that make a statement hearsay: "X is reported / said / believed to ...".
HEARSAY_VERBS = frozenset("report say believe understand think allege rumour rumor claim".split())
# Adverbs and phrases that make a statement second-hand.
# Verbs of belief: what the subject believes is at most what it said, never what it confirmed.
BELIEF_VERBS = frozenset("believe suspect think fear assume presume".split())
HEDGES = frozenset("reportedly allegedly purportedly apparently supposedly ostensibly".split())
# Adverbs that make an action only probable or possible: "was probably linked to", "possibly the worst".
EPISTEMIC_ADVERBS = frozenset("probably possibly perhaps presumably maybe".split())
# Governors and auxiliaries under which an action is contemplated, not done.
IRREALIS_VERBS = frozenset("""consider weigh mull contemplate study explore discuss plan intend propose threaten
vow pledge promise commit aim hope seek want wish try attempt prepare expect ponder debate envisage eye examine review
assess evaluate depend hinge investigate probe project forecast predict appear seem set schedule""".split())
IRREALIS_PHRASES = frozenset({"look at", "think about", "think of", "look into", "rule out"})
# Verbs that ask someone else to act ("was asked by sponsors to move the event", "called on residents to leave"): the
# act in their infinitive is wanted, not done.
REQUEST_VERBS = frozenset("ask urge request implore beg invite encourage press call push pressure lobby".split())
# Verbs that advise an act ("recommends lowering the limit", "advised residents to stay indoors"): the act is
# advised, not done.
ADVISING_VERBS = frozenset("recommend advise".split())
# Verbs that tell someone to act ("told residents to boil their water", "instructed staff to leave"); not "order",
# whose act a claim may state as what someone "must" do.
INSTRUCTING_VERBS = frozenset("tell instruct".split())
# Adjectives under which an action is near or likely, not done: "close to agreeing a move", "poised to sign".
IRREALIS_ADJECTIVES = frozenset("close near poised likely unlikely due ready willing prepared".split())
# Adjectives of an "it is ... that" sentence that leave its clause unsettled ("it is likely that", "it was unclear
# whether").
_POSSIBLE_ADJECTIVES = frozenset("possible likely unlikely probable conceivable plausible unclear uncertain "
                                 "doubtful".split())
# Nouns after "under" that leave a thing only weighed: "under discussion", "under review".
_PENDING_NOUNS = frozenset("discussion consideration review negotiation study examination evaluation".split())
# Nouns of a plan put forward, under which an act "would" happen only if it is adopted ("under the proposals").
_PROPOSAL_NOUNS = frozenset("proposal plan scheme draft".split())
# Adjectives under which an action is a future stated as sure ("certain to rise"): "will", not "likely".
_SURE_ADJECTIVES = frozenset("certain sure bound".split())
# Of those, the ones under which an action is only weighed (weakest), as against intended or announced
# ("plans to", "vowed to", "expected to"): a claim may not move an action up this scale
# (contemplated 0 < intended or future 1 < asserted 2).
CONTEMPLATION_VERBS = frozenset("""consider weigh mull contemplate study explore discuss propose ponder debate envisage
eye examine review assess evaluate depend hinge appear seem""".split()) | (IRREALIS_PHRASES - {"rule out"})
POSSIBILITY_MODALS = frozenset("could may might".split())
# Modals that make an action possible, conditional or future rather than done ("must", "can" and "should" are
# obligation and ability: not compared).
IRREALIS_MODALS = frozenset("would could may might will shall should ought 'd 'll wo".split())
FUTURE_MODALS = frozenset("will shall 'll wo".split())
# Verbs that only lay an act at someone's door ("accused her of embezzling", "charged with stealing"): the act under
# them is not asserted.
ALLEGATION_VERBS = frozenset("accuse charge blame".split())
# Nouns whose "that" clause is alleged, not asserted: "over claims that the company lets sewage ..."
ALLEGATION_NOUNS = frozenset("claim allegation accusation suggestion rumour rumor".split())
# Nouns an act can hang from as their infinitive: under talks it is only weighed ("in talks to acquire"), under a
# plan or bid only intended ("a bid to take over", "plans to build").
# (and "applied for permission to demolish": the act waits on someone else's decision)
CONTEMPLATION_NOUNS = frozenset("talk negotiation discussion consideration permission approval consent".split())
INTENT_NOUNS = frozenset("plan bid attempt effort proposal intention offer threat".split())
# Verbs whose complement did (manage) or did not (fail) happen.
NEGATIVE_IMPLICATIVES = frozenset("fail refuse decline neglect cease stop avoid unable reject hesitate".split())
# Verbs whose object noun names the act ("reach agreement", "launch an investigation", "made a decision").
SUPPORT_VERBS = frozenset("""make take give reach hold launch open conduct carry undertake stage reach pay issue
announce""".split())
# Endings of nouns that name an act ("agreement", "investigation", "decision", "approval", "closure").
ACT_NOUN_ENDINGS = ("ment", "tion", "sion", "ance", "ence", "al", "ure", "sis")
LIGHT_VERBS = frozenset("""be have do make take get give put go come keep hold set carry conduct stage undertake
perform complete provide""".split())
TITLES = frozenset("""president prime minister secretary spokesman spokeswoman spokesperson chief general admiral
brigadier colonel major captain lieutenant commander minister ambassador governor senator representative mayor
king queen prince chancellor official officials leader director head chairman chairwoman judge envoy sheikh
ayatollah cleric pope rear vice deputy foreign interior defence defense police premier officer inspector
detective""".split())
DIRECTIONS = frozenset("""north south east west northeast northwest southeast southwest north-east north-west
south-east south-west""".split())
NEGATORS = frozenset("not n't never no neither nor".split())
PRONOUNS = frozenset("he she they him her them it its his their we i you".split())

CERTAINTY_RANK = {"not_confirmed": 0, "denied": 0, "reportedly": 1, "said": 2, "confirmed": 3}


@dataclass
class Attribution:
    """"X said/confirmed/could not confirm/denied ..." or "reportedly"/"according to reports"."""

    certainty: str  # confirmed | said | reportedly | not_confirmed | denied
    verb: str  # as written ("could not confirm", "told", "reportedly")
    speaker: str = ""  # as written ("a senior security official in Baghdad", "he")
    speaker_words: frozenset[str] = frozenset()  # lower-case content words of the speaker phrase
    pronoun: bool = False  # the speaker is a pronoun or a bare title ("he", "the president")
    recipient: str = ""  # "told AFP" -> "AFP"
    recipient_words: frozenset[str] = frozenset()
    verb_i: int = -1
    head: str = ""  # the speaker phrase's head word, keyed ("official", "president", "obama")
    person: bool = False  # the speaker phrase names a person ("President Obama", "spokesman John Kirby")


@dataclass
class Predicate:
    """One action or state the sentence reports, with its arguments."""

    lemma: str  # "stall", "rule out", "step up"
    text: str  # as written, with its auxiliaries and negation ("would not rule out")
    negated: bool
    irrealis: str  # "" when asserted as done/true, else what makes it contemplated ("is considering", "would")
    subject: frozenset[str]  # content words of the doer (passive: of the "by" phrase)
    obj: frozenset[str]  # content words of what is acted on (passive: the grammatical subject)
    preps: dict[str, frozenset[str]] = field(default_factory=dict)  # "to" -> {"iraq"}, "from" -> {...}
    light: bool = False
    i: int = -1
    dep: str = ""  # the verb's dependency label ("acl" for "men backed by ...")
    forms: frozenset[str] = frozenset()  # the lemma and its phrasal forms: {"look", "look at"}, {"make progress"}
    subject_names: tuple[str, ...] = ()  # the proper names in the subject, in order ("united", "states")
    object_names: tuple[str, ...] = ()  # the proper name of what is acted on ("mosul")
    # the heads of the arguments (head noun, its compounds, possessor, names describing it, an "of" object):
    # "the militants' rapid advance" -> {"advance", "militant"}; used to see swapped roles
    subject_core: frozenset[str] = frozenset()
    object_core: frozenset[str] = frozenset()
    prep_core: dict[str, frozenset[str]] = field(default_factory=dict)
    strength: int = 2  # 0 only weighed ("would consider"), 1 intended or future ("will", "plans to"), 2 asserted
    subject_core_names: frozenset[str] = frozenset()  # the names among subject_core ("iraq" in "Iraq's leaders")
    explicit_subject: bool = False  # the subject is the verb's own (not inherited through "managed to ...")
    definite_subject: bool = False  # the subject is a description ("the 26-year-old Italian"), not a name
    infinitive: bool = False  # "to help": its modality is its governor's
    condition: str = ""  # "if" / "unless" when the action is a condition ("unless the levy is withdrawn")
    # the "if" / "unless" clause the action itself depends on ("strike ... unless management improves its offer")
    conditioned: str = ""
    # "to V" after a verb that has its own object: a purpose ("blocked the avenue to oppose a bill"), however parsed
    purpose: bool = False
    governor: str = ""  # the lemma of the verb a "to" infinitive completes ("voted to ban" -> "vote")
    able: bool = False  # said with "can" / "could": an ability ("could detect", reported, is "can detect")
    # in the present tense, simple or progressive ("closes", "is closing"): what a timetable says will happen too
    present: bool = False
    passive: bool = False  # "has been toppled", "was admitted": the grammatical subject is acted on


@dataclass
class Analysis:
    text: str
    attributions: list[Attribution]
    hedged: str  # the hedge word when the content is only reported ("reportedly"), else ""
    predicates: list[Predicate]
    directions: list[tuple[frozenset[str], str, frozenset[str]]]  # ({"samarra"}, "north", {"baghdad"})
    quantities: list[Quantity]
    dates: list[DateMention]
    doc: Doc | None = None


def _words(tokens) -> frozenset[str]:
    """Content words (lower-case, lemmatised, possessive stripped) of a token sequence."""
    out = set()
    for t in tokens:
        # "US" is a name, not the pronoun spaCy's stop list holds it for
        acronym = t.pos_ == "PROPN" and len(t.text) > 1 and t.text.isupper()
        if t.is_punct or (t.is_stop and not acronym) or t.pos_ in ("DET", "ADP", "CCONJ", "PART", "PRON", "AUX",
                                                                   "SCONJ"):
            continue
        if "-" in t.text[1:] and t.text[:1].isupper() and t.text.split("-")[0][-1:] == ".":
            # "U.S.-led" is "U.S." and "led", as "United States-led" is read in its parts
            parts = t.text.split("-")
            out |= {key(x) for x in parts[:-1] if key(x)}
            last = parts[-1].lower()  # the participle's lemma, as the claim's own "led" token has it
            out.add(key((irregular_verbs().get(last) or [last])[0]))
            continue
        w = key(t.text if t.pos_ == "PROPN" else t.lemma_)
        if w:
            out.add(w)
    return frozenset(out)


def _head_names(tok: Token) -> tuple[str, ...]:
    """The proper name a noun phrase is headed by ("the United States", "Iraq"), not names inside its modifiers
    ("Iraq's government" is headed by "government"), with conjoined heads ("Iran and Syria")."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    if tok.pos_ == "NOUN":  # "the city of Mosul", "Mosul, Iraq's second city" seen from "city"
        named = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        named += [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            named.append(tok.head)
        heads = named[:1] or heads
    out = []
    for h in heads:
        if h.pos_ != "PROPN" or h.ent_type_ == "NORP" or h.text[:1].isdigit():
            continue  # ("34C", "90mph": an amount the quantity check compares, tagged a name)
        out.extend(key(x.text) for x in sorted(_compounds(h), key=lambda x: x.i) if x.pos_ == "PROPN")
    return tuple(out)


def _compounds(h: Token) -> list[Token]:
    """`h` with its compound modifiers, nested ones included ("North" in "North Atlantic Treaty Organization",
    which the parser hangs from "Atlantic")."""
    out = [h]
    for c in h.children:
        if c.dep_ == "compound":
            out.extend(_compounds(c))
    return out


def _np_words(tok: Token) -> frozenset[str]:
    """Content words of the noun phrase headed by `tok`, without its relative and participle clauses."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("relcl", "acl"):
            skip |= {x.i for x in c.subtree}
    return _words(t for t in tok.subtree if t.i not in skip)


def _subtree_words(tok: Token, stop: set[int] | None = None) -> frozenset[str]:
    stop = stop or set()
    return _words(t for t in tok.subtree if not any(a.i in stop for a in [t, *t.ancestors] if a.i != tok.i))


def _phrase(tok: Token) -> str:
    """The noun phrase headed by `tok` as written, without its relative or clausal modifiers."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("relcl", "acl", "ccomp", "advcl"):
            skip |= {x.i for x in c.subtree}
    return " ".join(t.text for t in tok.subtree if t.i not in skip).strip(" ,")


def _verb_lemma(tok: Token) -> str:
    # (a particle the parser calls an adverb: "ahead", and "in" tagged RP, as in "close in on")
    prt = [c.text.lower() for c in tok.children if c.dep_ == "prt" or (c.dep_ == "advmod" and (
        c.lower_ == "ahead" or c.lower_ == "in" and c.tag_ == "RP" and c.i == tok.i + 1))]
    lemma = tok.lemma_.lower()
    if not prt:
        # ("pushed the release back", the particle after the object read as an adverb: "push back" when the
        # thesaurus knows the phrase)
        near = [*tok.children, *(g for c in tok.children if c.dep_ == "dobj" for g in c.children)]
        prt = [c.lower_ for c in near if c.dep_ == "advmod" and c.i > tok.i and
               c.lower_ in ("back", "off", "out", "up", "down", "away", "forward") and
               known({f"{lemma} {c.lower_}"})][:1]
    text = tok.lower_
    if tok.tag_ in ("VBD", "VBN", "VBG") and not known({f"{lemma} {prt[0]}" if prt else lemma}):
        # the small model's lemma of a rarer verb may be wrong ("cordoned" -> "cordone"): the thesaurus's own form
        # with the inflection taken off, if it knows one
        alts = (text[:-2], text[:-1]) if text.endswith("ed") else (text[:-3], text[:-3] + "e") \
            if text.endswith("ing") else ()
        lemma = next((a for a in alts if known({f"{a} {prt[0]}" if prt else a})), lemma)
    if lemma in ("raise", "voice", "express") and any(c.dep_ == "dobj" and c.lemma_.lower() in _CONCERN_NOUNS
                                                      for c in tok.children):
        return "raise concern"  # "raised concerns about the sale": a thing said, not an increase
    if not prt and tok.pos_ == "VERB" and known({f"{lemma} out"}):
        # "pulled 2,500 soldiers out of the region" is "pull out" (the parser may hang "out of" on the object)
        objects = [o for o in tok.children if o.dep_ == "dobj"]
        holders = [tok, *objects, *(c for o in objects for c in o.conjuncts)]
        if any(c.lower_ == "out" and c.dep_ == "prep" and any(g.lower_ == "of" for g in c.children)
               for x in holders for c in x.children):
            return f"{lemma} out"
    return f"{lemma} {prt[0]}" if prt else lemma


# What one "raises" by saying it.
_CONCERN_NOUNS = frozenset("concern question issue alarm objection doubt fear worry".split())
# Verbs that keep someone from an act ("stop them from leaving", "barred from entering").
_PREVENTING_VERBS = frozenset("prevent stop keep bar ban block prohibit deter restrain".split())
# Those one reports a thing to ("reported the scam to the police").
_AUTHORITY_NOUNS = frozenset("police authority authorities regulator watchdog council court prosecutor prosecutors "
                             "ombudsman inspector inspectors manufacturer company employer school".split())
# Verbs of an act's phase, whose tense is their complement's ("shares start trading on Thursday").
_PHASE_VERBS = frozenset("start begin stop continue resume".split())
# Nouns of intent: "no plans to cut jobs" says the cutting is not intended.
# Nouns of a meaning or a plan, whose act ("no plans to cut", "the intention of selling") is not done.
_INTENT_NOUNS = frozenset("plan intention intent desire wish proposal bid attempt threat promise pledge hope aim "
                          "ambition".split())


# What a source gives none of when it says nothing ("gave no details", "reported no figures").
_WITHHELD_NOUNS = frozenset("detail details comment information word explanation reason indication figure figures "
                            "timeline timetable estimate".split())


def _reports_none(tok: Token) -> bool:
    """"reported no injuries", "recorded no rise": a report that there were none, not silence (no negation of
    the verb itself, and the object is not what a silent source withholds)."""
    if tok.lemma_.lower() not in ("report", "record", "note", "find") or \
            any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() not in _WITHHELD_NOUNS and
               any(g.lower_ == "no" and g.dep_ == "det" for g in c.children) for c in tok.children)


def _is_negated(tok: Token) -> bool:
    # ("though not before it burned 400 hectares": when it happened, not whether)
    temporal = any(c.lower_ == "before" and c.dep_ == "mark" for c in tok.children)
    if any((c.dep_ == "neg" and not temporal) or c.lower_ in ("never",) for c in tok.children):
        return True
    if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in tok.children):
        return True  # "no longer looking"
    # (not "left it no choice but to cut": forced to cut)
    if any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and any(g.lower_ == "no" and g.dep_ == "det"
                                                            for g in c.children) and not (
            c.lemma_.lower() in ("choice", "alternative", "option") and c.i + 1 < len(c.doc) and
            c.doc[c.i + 1].lower_ == "but") for c in tok.children):
        return True  # "gave no details", "no decision had been made"
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "nothing", "none", "noone", "neither")
           for c in tok.children):
        return True  # "nothing had been decided", "nobody was hurt"
    if any(c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "neither" and g.dep_ == "det" for g in c.children)
           for c in tok.children):
        return True  # "neither delegation had signed": none of the two
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True  # "will close the plant without cutting jobs"
    if tok.dep_ == "pcomp" and tok.head.lower_ == "against" and tok.tag_ == "VBG" and \
            tok.head.head.lemma_.lower() in ("warn", "advise", "caution", "urge", "vote", "decide", "campaign"):
        return True  # "warned parents against buying" is "warned them not to buy"
    if _ruled_out(tok):
        return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of":
        # "stopped short of calling for elections", "fell short of blaming": did not
        of_head = tok.head.head
        verb = of_head.head if of_head.lower_ == "short" else of_head
        if (of_head.lower_ == "short" or any(c.lower_ == "short" for c in of_head.children)) and \
                not any(c.dep_ == "neg" for c in of_head.children) and verb.lemma_.lower() in ("stop", "fall"):
            return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "against" and tok.head.head.lemma_.lower() in ("vote", "decide",
                                                                                                "rule"):
        return True  # "voted against keeping the pool open": voted that it not be kept
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from" and tok.head.head.lemma_.lower() in _PREVENTING_VERBS:
        return True  # "preventing jihadists from gaining a foothold": they do not gain one
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "on" and \
            tok.head.head.lemma_.lower() in ("go", "carry") and tok.head.head.pos_ in ("VERB", "AUX"):
        return _is_negated(tok.head.head)  # "cannot go on selling": as "cannot keep selling", the selling too
    intent = tok.head.head if tok.dep_ == "pcomp" and tok.head.lower_ == "of" else \
        tok.head if tok.dep_ in ("acl", "relcl") else None
    if intent is not None and intent.pos_ == "NOUN" and intent.lemma_.lower() in _INTENT_NOUNS and \
            any(g.lower_ == "no" and g.dep_ == "det" for g in intent.children):
        return True  # "has no plans to cut jobs", "no intention of leaving"
    head = tok
    # "failed to stall": the complement of a negative implicative did not happen
    while head.dep_ in ("xcomp",) and head.head is not head:
        head = head.head
        # ("stopped to help a lost child": paused in order to help; "stopped paying" ceased)
        paused = head.lemma_.lower() == "stop" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if (head.lemma_.lower() in NEGATIVE_IMPLICATIVES and not paused) or \
                _verb_lemma(head) in ("rule out", "give up", "exclude"):
            return not any(c.dep_ == "neg" for c in head.children)
        if _ruled_out(head):
            return True  # "ruled out using rangers to patrol": no patrol either
        if head.lemma_.lower() in ("have", "be") and any(c.lower_ == "yet" and c.i < tok.i for c in head.children) \
                and not any(c.dep_ == "neg" for c in head.children):
            return True  # "had yet to be processed", "is yet to decide": not done (yet)
        if any(c.dep_ == "neg" for c in head.children):
            return True
        if head.lemma_.lower() == "able" and head.dep_ == "acomp" and \
                any(c.dep_ == "neg" or c.lower_ == "never" for c in head.head.children):
            return True  # "have not been able to use the runway": they did not use it
    return False


def _ruled_out(tok: Token) -> bool:
    """"ruled out using conscripts", which the parser reads as an adverbial clause: no use of them ("ruled out
    involvement, saying ..." is another clause)."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i and \
        _verb_lemma(tok.head) in ("rule out", "exclude") and \
        not any(c.dep_ in ("neg", "dobj") for c in tok.head.children) and \
        not any(x.is_punct for x in tok.doc[tok.head.i:tok.i])


def _with_governors(tok: Token):
    """`tok`, then each verb it is the "xcomp" complement of ("threatened to strike": strike, threatened)."""
    while True:
        yield tok
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            return
        tok = tok.head


def _condition(tok: Token) -> str:
    """"if" or "unless" when the action is the condition of such a clause, itself or as the complement of its head
    ("unless they move to address" holds "address"), else ""."""
    return next((c.lower_ for t in _with_governors(tok) for c in t.children
                 if c.dep_ == "mark" and c.lower_ in ("if", "unless")), "")


def _conditioned(tok: Token) -> str:
    """The "if" / "unless" clause that the action at `tok`, or the verb it is the complement of, depends on
    ("threatened to strike ... unless management improves its pay offer"), as written; else ""."""
    return next((" ".join(x.text for x in c.subtree) for t in _with_governors(tok) for c in t.children
                 if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)),
                "")


_FUTURE_TIME_WORDS = frozenset("next tomorrow upcoming coming".split())
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"weekend"}


def _scheduled_progressive(tok: Token) -> bool:
    """"is taking over ... next month", "are halting the service starting Friday": a present progressive with a
    time to come is the future, as "will" is (English uses it for what is arranged)."""
    # (or its passive: "is being shut over a weekend in March")
    being = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children)
    # (or the present simple of a timetable: "the east wing reopens on 4 May", "the festival opens next week")
    timetable = tok.tag_ in ("VBZ", "VBP") and tok.lemma_.lower() in _TIMETABLE_VERBS and not any(
        c.dep_ in ("aux", "auxpass", "neg") for c in tok.children)
    if not timetable and (tok.tag_ != "VBG" and not being or not any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re") for c in tok.children)):
        return False
    # ("starting Friday" is read as a clause of its own: it is a time, not a clause)
    # (nor is a day said in a clause of its own anywhere below: "asking anyone who witnessed the crash on Thursday")
    clausal = {x.i for c in tok.subtree if c is not tok and (
        c.dep_ in ("ccomp", "advcl", "relcl", "conj", "xcomp") and c.head is tok or c.dep_ in ("relcl", "acl") and
        c.tag_ != "VBG") and c.lower_ not in _STARTING for x in c.subtree}
    when = [x for x in tok.subtree if x.i not in clausal and x.i != tok.i]
    # (a named day or month is a date it is arranged for: "is closing on Friday", "is being shut in March")
    return any(x.lower_ in _FUTURE_TIME_WORDS | CALENDAR_WORDS for x in when) or any(
        x.lower_ in _STARTING | {"from"} and any(y.ent_type_ == "DATE" for y in x.subtree) for x in when)


_STARTING = frozenset({"starting", "beginning"})
# Verbs of a timetable, whose present simple with a date is what is arranged ("reopens on 4 May").
_TIMETABLE_VERBS = frozenset("open reopen close shut start begin end finish launch resume return depart arrive "
                             "kick".split())


def irrealis(tok: Token) -> str:
    """What makes the action at `tok` only contemplated, possible or future, or "" when it is asserted: a modal
    on it or on a verb it depends on ("would consider intervening"), or a governor of contemplation ("is
    considering shifting troops", "looking at options", "would not rule out air strikes"). Verbs of
    contemplation themselves are asserted ("he is considering it" is true)."""
    cur = tok
    prev: Token | None = None
    if _done_participle(tok):
        return ""
    if _scheduled_progressive(tok):
        return "will"  # "is taking over as head next month": the present progressive of a scheduled act
    pending = next((f"under {g.text}" for c in tok.children if c.dep_ == "prep" and c.lower_ == "under"
                    for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in _PENDING_NOUNS), "")
    if pending and tok.lemma_.lower() == "be":
        return pending  # "the hotline was under discussion": weighed, not agreed
    # "under proposals published on Monday, charges would rise": what a proposal would do, not what will happen
    proposed = next((f"under {g.text}" for c in tok.children if c.dep_ == "prep" and c.lower_ == "under"
                     for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in _PROPOSAL_NOUNS), "")
    if proposed and any(c.dep_ == "aux" and c.lower_ in ("would", "could") for c in tok.children):
        return proposed
    for depth in range(8):
        # "would probably be published": the adverb's doubt, not the modal's future, is how sure it is said
        hedged = next((c for c in cur.children if c.dep_ == "advmod" and c.lower_ in EPISTEMIC_ADVERBS), None)
        # ("was likely the work of", "was likely caused by": "likely" as an adverb, which the parser may call the
        # complement of "be" when a noun follows)
        hedged = hedged or next((c for c in cur.children if c.lower_ == "likely" and (
            c.dep_ == "advmod" or c.dep_ == "acomp" and cur.lemma_ == "be" and
            any(x.dep_ == "attr" for x in cur.children))), None)
        if hedged is not None:
            return hedged.text
        for c in cur.children:
            if c.dep_ == "aux" and c.lower_ in IRREALIS_MODALS:
                return "will" if c.lower_ in FUTURE_MODALS else c.text
        if depth and cur.pos_ in ("VERB", "AUX"):
            lemma = _verb_lemma(cur) if not _adverb_particle(cur) else ""
            prep_forms = {f"{cur.lemma_.lower()} {c.lower_}" for c in cur.children if c.dep_ == "prep"}
            if lemma in IRREALIS_VERBS or (lemma in IRREALIS_PHRASES and lemma != "rule out") or \
                    prep_forms & (IRREALIS_PHRASES - {"rule out"}):
                return cur.text
            if lemma == "rule out" and _is_negated(cur):
                return f"not {cur.text} out"
        if depth and cur.pos_ == "ADP" and f"{cur.head.lemma_.lower()} {cur.lower_}" in IRREALIS_PHRASES - {"rule out"}:
            return f"{cur.head.text} {cur.text}"
        if depth and cur.pos_ == "ADJ" and cur.lemma_.lower() in IRREALIS_ADJECTIVES:
            return cur.text  # "close to agreeing", "poised to sign", "likely to fall": not (yet) done
        # ("and plans to appeal", the verb "plans" read as a noun with the infinitive its complement)
        if depth and cur.pos_ == "NOUN" and cur.lemma_.lower() in _INTENT_NOUNS and prev is not None and \
                prev.dep_ in ("prep", "acl", "xcomp"):
            return cur.text  # "no intention of selling", "plans to close": meant, not done
        if depth and cur.lemma_.lower() == "be" and prev is not None and prev.dep_ == "ccomp" and (adj := next(
                (x for x in cur.children if x.dep_ == "acomp" and x.lemma_.lower() in _POSSIBLE_ADJECTIVES), None)):
            return adj.text  # "it was possible that a gas leak had caused it": not said to have happened
        if depth and (cur.pos_ == "ADJ" and cur.lemma_.lower() in _SURE_ADJECTIVES or cur.lower_ == "bound") and \
                prev is not None and prev.dep_ == "xcomp":
            # "certain to rise", "bound to fail" (which the parser may read as the verb "bind"): a future stated as
            # sure, above "likely to"
            return "will"
        if depth and _be_to(cur, prev):
            return "will"  # "the call centre is to shut": arranged, as "will close" is
        if depth and _going_to(cur, prev):
            return "will"  # "is going to be shut": the future, as "will close" is
        # ("agent": "accused by a former teammate of using", the "of" hung on the teammate)
        if cur.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "dobj", "advcl", "acl", "prep", "conj",
                            "nsubjpass", "acomp", "agent") or cur.head is cur:
            break
        if _unconfirmed(cur.head):
            return "not confirmed"  # "could not confirm reports that ...", "had no confirmation of ..."
        gov = cur.head.lemma_.lower() if cur.head.pos_ in ("VERB", "AUX") and not _adverb_particle(cur.head) else ""
        if gov in IRREALIS_VERBS and cur.dep_ in ("xcomp", "ccomp") or gov in REQUEST_VERBS and cur.dep_ == "xcomp":
            return cur.head.text  # "vowed to advance", "threatening to march", "asked to move": said, not done
        if gov in REQUEST_VERBS | ADVISING_VERBS | _MANDATIVE_VERBS and cur.dep_ == "ccomp" and _subjunctive(cur):
            return cur.head.text  # "asked that donations be made", "recommended that the bridge close": wanted
        if gov in ADVISING_VERBS | INSTRUCTING_VERBS and cur.dep_ == "xcomp":
            # "recommends lowering the speed limit", "advised residents to leave", "told residents to boil water":
            # wanted of someone, not done
            return cur.head.text
        if gov in DENY_VERBS and cur.dep_ not in ("advcl", "prep", "agent", "npadvmod"):
            # what is denied is not asserted (not a clause of time or cause: "had been rejected since the sanctions
            # took effect")
            return cur.head.text
        if gov == "suspect" and cur.dep_ == "ccomp":
            return cur.head.text  # "said they suspected the break-in was linked to ...": suspected, not established
        if gov in SAY_VERBS | CONFIRM_VERBS:
            break  # the reporting verb's own mood is the attribution's business
        if _own_clause_conjunct(cur):
            break  # "... and that his government is looking at": a conjunct with its own clause
        if _past_subordinate(cur):
            break  # "will stay closed after a burst pipe flooded its hall": the flood has happened
        if _finite_conjunct(cur):
            break  # "would cooperate and expected ...": a finite verb cannot share the first verb's modal

        prev = cur
        cur = cur.head
    return ""


# Verbs whose "that" clause in the subjunctive is what is wanted ("demanded that Almuraq release its commander").
_MANDATIVE_VERBS = frozenset("demand insist require stipulate suggest".split())


def _subjunctive(verb: Token) -> bool:
    """A clause in the mandative subjunctive ("that donations be made", "that the bridge close"): a bare verb or a
    bare "be" with a subject of its own, no modal, in a clause introduced by "that" or none."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or \
            any(c.dep_ == "aux" and c.lower_ in IRREALIS_MODALS for c in verb.children):
        return False
    third = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NN", "NNP") for c in verb.children)
    bare_be = any(c.dep_ in ("aux", "auxpass") and c.lower_ == "be" for c in verb.children)
    # ("that they close" is also the indicative; only a singular subject's bare verb is plainly subjunctive; a
    # plural noun's plain verb in the present is read so too, as what is asked or advised is wanted, not done:
    # "recommending that councillors approve the scheme")
    plural = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NNS", "NNPS") for c in verb.children)
    return bare_be or (verb.tag_ == "VB" and third or verb.tag_ in ("VB", "VBP") and plural) and \
        not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _adverb_particle(verb: Token) -> bool:
    """"sets aside 3 million to repair roads": a particle the parser calls an adverb makes another verb (the
    thesaurus knows it), not the "set" of "set to"."""
    return any(c.dep_ == "advmod" and c.i == verb.i + 1 and c.pos_ == "ADV" and
               known({f"{verb.lemma_.lower()} {c.lower_}"}) for c in verb.children)


def _be_to(cur: Token, prev: Token | None) -> bool:
    """"is to shut", "are to be closed": the verb "be" with an infinitive as its complement (an arrangement)."""
    return prev is not None and cur.lemma_ == "be" and cur.pos_ in ("AUX", "VERB") and prev.dep_ == "xcomp" and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in prev.children)


def _going_to(cur: Token, prev: Token | None) -> bool:
    """"is going to close", "are going to be shut": "going" with a form of "be" and an infinitive complement."""
    return prev is not None and cur.lower_ == "going" and prev.dep_ == "xcomp" and \
        any(c.dep_ == "aux" and c.lemma_ == "be" for c in cur.children) and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in prev.children)


# Conjunctions of a clause that says what happened before or why, whatever the main clause's mood.
_PAST_MARKS = frozenset("after because since although though as once".split())


def _past_subordinate(tok: Token) -> bool:
    """A past-tense clause with its own subject after "after" / "because" ("will stay closed after a burst pipe
    flooded its hall"): asserted, not under the main clause's future or modal."""
    # (a past passive or perfect too: "after a vulnerability was found", "once it had been discovered")
    past = tok.tag_ == "VBD" or tok.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and
                                                          c.lower_ in ("was", "were", "had") for c in tok.children)
    return tok.dep_ == "advcl" and past and \
        any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and \
        any(c.dep_ == "mark" and c.lower_ in _PAST_MARKS for c in tok.children)


def _own_clause_conjunct(tok: Token) -> bool:
    """A conjoined verb with a clause of its own ("... and that his government is looking at", "will orbit ... and is
    designed to ..."): its own auxiliary, subject or marker, so it does not share the first verb's mood."""
    return tok.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass", "nsubj", "mark") for c in tok.children)


def _finite_conjunct(tok: Token) -> bool:
    """A conjoined verb in a finite form of its own ("expected" in "would cooperate and expected"): it cannot share
    the first verb's modal ("shut", the same in every form, is not told apart and may share it)."""
    return tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ") and tok.lower_ != tok.lemma_.lower()


def _done_participle(tok: Token) -> bool:
    """A past participle describing something already done ("most of it pledged by Australia", "a report
    published on Monday"): it keeps its own time, whatever the verb it hangs on says."""
    # (the tagger may call the participle of a reduced relative a past tense: "a ceasefire agreed in March")
    # (with no subject of its own: "allegations that the union paid for votes" is the allegation's content)
    return (tok.tag_ == "VBN" or tok.tag_ == "VBD" and tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)) and \
        tok.dep_ in ("acl", "advcl") and not any(c.dep_ in ("aux", "auxpass", "mark") for c in tok.children)


def _unconfirmed(tok: Token) -> bool:
    """"could not confirm", "was unable to verify", "could not be confirmed", "had no confirmation", "there was
    no evidence that ..." (what no evidence shows is not established)."""
    lemma = tok.lemma_.lower()
    if lemma in ("confirmation", "evidence", "proof", "indication", "sign") and tok.pos_ == "NOUN":
        return any(c.lower_ == "no" for c in tok.children) or _is_negated(tok.head)
    if lemma not in CONFIRM_VERBS or tok.pos_ not in ("VERB", "AUX"):
        return False
    if _is_negated(tok):
        return True
    return any(a.lower_ == "unable" or (a.lemma_.lower() == "able" and _is_negated(a.head)) or
               (a.lower_ == "nothing") for a in list(tok.ancestors)[:3])


_MARGIN_NOUNS = frozenset("vote votes margin majority".split())


def _agent_doer(agent: Token) -> Token | None:
    """The doer a passive's "by" phrase names, or None when it gives a margin ("passed by 23 votes to 18", "won by
    a narrow majority"), not a doer."""
    g = next((g for g in agent.children if g.dep_ == "pobj"), None)
    if g is None:
        # a "by" left without its object ("threatened by the complainant days before": the parser made the
        # complainant describe "days"): the first noun after it, a word or two on
        g = next((x for x in agent.doc[agent.i + 1:agent.i + 4] if x.pos_ in ("NOUN", "PROPN")), None)
    if g is not None and g.lemma_.lower() in _MARGIN_NOUNS and (
            any(c.like_num or c.lower_ in ("narrow", "wide", "large", "small", "slim", "big") for c in g.children)):
        return None
    return g


def _agent(t: Token) -> Token | None:
    """The "by" phrase of the passive verb `t`: its agent, or a "by" the parser hung on the noun of one of the
    verb's own prepositional phrases ("was knocked out in the second round by qualifier Tomaz Greer": a round is
    not done by anyone, so the "by" names who knocked him out)."""
    agent = next((c for c in t.children if c.dep_ == "agent"), None)
    if agent is not None or not any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
        return agent
    for p in (c for c in t.children if c.dep_ == "prep" and c.i > t.i and c.lower_ != "by"):
        for n in (g for g in p.children if g.dep_ == "pobj"):
            by = next((b for b in n.children if b.dep_ == "prep" and b.lower_ == "by"), None)
            doer = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if doer is not None and (doer.pos_ == "PROPN" or doer.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
                return by
    return None


def _argument_words(tok: Token) -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """(subject words, object words, {preposition: words}) of the verb `tok`."""
    subj: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    preps: dict[str, frozenset[str]] = {}
    clausal = ("ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl")
    stop = {c.i for c in tok.children if c.dep_ in clausal}
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj", "expl") and not subj:
            subj = _np_words(c)
        elif c.dep_ in ("nsubjpass",):
            obj = obj | _np_words(c)
        elif c.dep_ == "agent":
            doer = _agent_doer(c)
            subj = _np_words(doer) if doer is not None else subj
        elif c.dep_ in ("dobj", "attr", "oprd", "dative"):
            obj = obj | _subtree_words(c, stop)
            if c.dep_ == "oprd" and c.pos_ == "ADJ":  # "found guilty of arson": what the state is of
                for g in (g for g in c.children if g.dep_ == "prep"):
                    pobj = [x for x in g.children if x.dep_ in ("pobj", "pcomp")]
                    if pobj:
                        preps[g.lower_] = preps.get(g.lower_, frozenset()) | _subtree_words(pobj[0])
        elif c.dep_ == "ccomp" and c.pos_ == "ADJ":  # "found Hurst guilty": Hurst is who was found so
            obj = obj | frozenset().union(*(_np_words(g) for g in c.children if g.dep_ == "nsubj"))
        elif c.dep_ == "prep":
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                preps[c.lower_] = preps.get(c.lower_, frozenset()) | _subtree_words(pobj[0])
    stray = _agent(tok)
    if stray is not None and stray.dep_ != "agent" and not subj:
        doer = _agent_doer(stray)
        subj = _np_words(doer) if doer is not None else subj
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and not obj and any(c.dep_ == "agent" for c in tok.children):
        # "militants - backed by tribal leaders - advance": the participle describes the main clause's subject
        head_subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if head_subj is not None:
            obj = _np_words(head_subj)
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "men backed by tribal leaders" (the men are backed), "forces operating inside Iraq" (the forces operate)
        if tok.tag_ == "VBN":
            obj = obj | _np_words(tok.head)
        elif not subj:
            subj = _np_words(tok.head)
    if not subj:
        # a verb in a relative clause, xcomp or conjunction inherits its doer from its head
        head = tok
        seen = 0
        while not subj and head.head is not head and seen < 4:
            seen += 1
            if head.dep_ == "relcl":
                subj = _subtree_words(head.head, {head.i})
                break
            if head.dep_ in ("xcomp", "conj", "advcl") and head.head.pos_ in ("VERB", "AUX"):
                head = head.head
                subj = next((_subtree_words(c, {x.i for x in head.children if x.dep_ in clausal})
                             for c in head.children if c.dep_ == "nsubj"), frozenset())
                if head.dep_ == "xcomp" or not subj:
                    continue
                break
            break
    return subj, obj, preps


def _attributions(doc: Doc) -> tuple[list[Attribution], str]:
    out: list[Attribution] = []
    hedge = ""
    for t in doc:
        low = t.lower_
        if low in HEDGES:
            hedge = t.text
            continue
        lemma = t.lemma_.lower()
        if low == "according" and any(c.dep_ == "prep" or c.lower_ == "to" for c in t.children) or \
                (low == "to" and t.head.lower_ == "according"):
            prep = t if low == "to" else next((c for c in t.children if c.lower_ == "to"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is not None and low == "to":
                continue
            if pobj is None:
                continue
            # "according to (media) reports" is hearsay; "according to the operator's annual report", "its report",
            # "the Reuters report" name the document that says it
            named = any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in pobj.children) or (
                pobj.tag_ == "NN" and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the")
                                          for c in pobj.children))
            author = next((g for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                           for g in c.children if g.dep_ == "pobj"), None)
            if author is None:
                # "figures released by the election office": the author through a participle of publishing
                author = next((g for c in pobj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                               for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"),
                              None)
            owner = next((c for c in pobj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if owner is not None and author is None and \
                    pobj.lemma_.lower() in _DATA_NOUNS | _STATEMENT_NOUNS:
                # "according to the electoral commission's Monday announcement": the commission says it
                out.append(_make_attr("said", f"according to {pobj.text}", owner, t))
                continue
            if pobj.lemma_.lower() in REPORT_NOUNS | _DATA_NOUNS and author is not None and not named and \
                    (author.pos_ == "PROPN" or author.ent_type_ in ("ORG", "PERSON", "GPE") or
                     author.lemma_.lower() in _org_nouns() or
                     any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in author.children)):
                # ("figures from the centre's owners, Crestline Properties": a body named in apposition)
                # "according to a report by the Child Rights Observatory": the body that wrote it says it
                out.append(_make_attr("said", f"according to {pobj.text}", author, t))
                continue
            if pobj.lemma_.lower() in REPORT_NOUNS and not named:
                hedge = hedge or f"according to {pobj.text}"
                continue
            out.append(_make_attr("said", f"according to {pobj.text}", pobj, t))
            continue
        if t.pos_ not in ("VERB", "AUX") and not (t.pos_ == "NOUN" and lemma == "confirmation"):
            continue
        if t.pos_ == "VERB" and t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and t.lower_.endswith("s") and \
                any(c.dep_ in ("compound", "det", "amod", "poss") for c in t.children):
            continue  # "rejected opposition claims that ...": a noun the tagger took for a verb (its role says so)
        if lemma in CONFIRM_VERBS and t.tag_ == "VBN" and _is_negated(t) and any(c.dep_ == "auxpass"
                                                                                   for c in t.children):
            # "a claim that could not be independently verified": what it says is unconfirmed, by nobody named
            hedge = hedge or " ".join(x.text for x in sorted([*(c for c in t.children if c.dep_ in (
                "aux", "auxpass", "neg")), t], key=lambda x: x.i))
        if t.dep_ == "amod" and (lemma in CONFIRM_VERBS or low.startswith(("confirm", "verifi", "corroborat"))):
            continue  # "200 confirmed cases": a kind of case, not a report that someone confirms
        if lemma in CONFIRM_VERBS or lemma == "confirmation":
            cert = "not_confirmed" if _is_negated(t) or _no_object(t) else "confirmed"
            if any(a.lemma_.lower() in ("unable", "able") and any(c.dep_ == "neg" for c in [*a.children,
                                                                                          *a.head.children])
                   for a in list(t.ancestors)[:2]) or any(a.lower_ == "unable" for a in t.ancestors):
                cert = "not_confirmed"
        elif lemma in ACT_OR_REPORT_VERBS and not _reports_clause(t):
            continue
        elif lemma == "call" and any(c.dep_ == "prep" and c.lower_ in ("on", "for") for c in t.children) and \
                not any(c.dep_ in ("ccomp", "oprd") for c in t.children):
            # "called on both sides to free ...", "called for her resignation": an appeal, as "urged" is, not a
            # report of words
            continue
        elif lemma in SAY_VERBS and lemma not in HEARSAY_VERBS and t.tag_ == "VBN" and t.dep_ == "acl" and \
                t.head.pos_ == "NOUN" and t.head.lemma_.lower() not in CLAIM_NOUNS and not any(
                c.dep_ in ("ccomp", "xcomp", "agent") for c in t.children):
            continue  # "under a deal announced on Monday": the thing announced, not who speaks
        elif lemma in SAY_VERBS and lemma not in HEARSAY_VERBS and t.tag_ == "VBN" and not any(
                c.dep_ in ("ccomp", "xcomp") for c in t.children) and (any(
                c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN") and c.lemma_.lower() not in CLAIM_NOUNS
                for c in t.children) or (any(c.dep_ == "auxpass" for c in t.children) and t.dep_ == "xcomp" and
                                         not any(c.dep_ == "nsubjpass" for c in t.children))):
            # "the results will be announced on Wednesday", "were likely to be announced" (the subject raised to
            # "were"): announcing a thing is an act, not a report
            continue
        elif lemma in _TELLING_VERBS and any(c.dep_ == "nsubjpass" for c in t.children) and not any(
                c.dep_ in ("ccomp", "xcomp", "agent") for c in t.children):
            continue  # "she had never been told about the leak": being told is what happened to her, not a report
        elif lemma == "report" and any(c.dep_ == "dobj" for c in t.children) and (any(
                c.dep_ == "prep" and c.lower_ == "to" for c in t.children) or any(
                g.dep_ == "prep" and g.lower_ == "to" and any(
                    p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.lemma_.lower() in _AUTHORITY_NOUNS)
                    for p in g.children)
                for x in t.children if x.dep_ == "dobj" for g in x.children)) and \
                not any(c.dep_ == "ccomp" for c in t.children):
            # (the parser may hang "to the police" on the object; not "to report a return to profit")
            continue  # "reported the fake apps to the police": handed over to someone, an act, not a report of words
        elif lemma == "say" and any(c.lower_ == "sorry" for c in t.children):
            continue  # "the company has said sorry": an apology, the act itself
        elif lemma == "explain" and any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in t.children):
            continue  # "the work could explain how the species survived": what accounts for a thing, not speech
        elif lemma in DENY_VERBS:
            cert = "denied"
        elif lemma in HEARSAY_VERBS and t.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass")
                                                                 for c in t.children):
            hedge = hedge or f"{' '.join(c.text for c in t.children if c.dep_ == 'auxpass')} {t.text}".strip()
            continue  # "are reported to have made", "is said to be", "is believed to"
        elif lemma in FACTIVE_VERBS and any(c.dep_ == "ccomp" for c in t.children) and _speaking_subject(t):
            cert = "not_confirmed" if _is_negated(t) else "confirmed"  # "showed that": stated as established
        elif lemma == "allege" and t.tag_ != "VBN" and (any(c.dep_ == "ccomp" for c in t.children) or
                                                        _that_clause_under_phrase(t)):
            cert = "said"
            hedge = hedge or t.text  # "the opposition alleged that ...": an accusation, not an established fact
        elif lemma in BELIEF_VERBS and t.tag_ != "VBN" and any(c.dep_ == "ccomp" for c in t.children) and \
                _speaking_subject(t):
            cert = "not_confirmed" if _is_negated(t) else "said"  # "police believe the fire was started ..."
        elif lemma in SAY_VERBS or (lemma in ("indicate", "show") and _subject_is_report(t)):
            if lemma == "report" and t.tag_ == "VBN" and t.dep_ != "ROOT" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                continue
            if _subject_is_report(t):
                hedge = hedge or f"{_subject_text(t)} {t.text}"
                continue
            # "declined to comment", "did not say": the speaker said nothing of it ("reported no rise in side
            # effects" says there was none)
            cert = "not_confirmed" if _is_negated(t) and not _reports_none(t) else "said"
        else:
            continue
        verb = " ".join(x.text for x in sorted([*(c for c in t.children if c.dep_ in ("aux", "neg")), t],
                                               key=lambda x: x.i))
        speaker = _speaker_token(t)
        quoter = t.head.head if t.dep_ == "pcomp" and t.head.lower_ == "as" else None
        if quoter is not None and quoter.lemma_.lower() in ("quote", "cite") and \
                (quoted := next((c for c in quoter.children if c.dep_ == "dobj"), None)) is not None:
            # "State television quoted President Marsk as saying ...": Marsk speaks, state television relays it
            out.append(_make_attr(cert, verb, quoted, t))
        out.append(_make_attr(cert, verb, speaker, t))
    return out, hedge


# What a body publishes as numbers: "according to figures from the health department" is the department's word.
_DATA_NOUNS = frozenset("figure data statistic estimate record number".split())
_STATEMENT_NOUNS = frozenset("announcement statement release bulletin briefing".split())


# Verbs whose object is the hearer: in the passive their subject is told, it does not tell.
_TELLING_VERBS = frozenset("tell inform brief notify assure".split())


def _org_nouns() -> frozenset[str]:
    from qa.verify.context import ORG_NOUNS  # (context imports this module: read when first needed)

    return ORG_NOUNS


def _speaking_subject(t: Token) -> bool:
    """The verb's subject is someone who can assert ("the minister showed that"), not a thing that shows
    ("the slim margin showed that", "the data show")."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    lemma = subj.lemma_.lower()
    # agent nouns name people ("councillors", "analysts", "researchers"); "paper", "number" are things
    agent = subj.pos_ == "NOUN" and lemma.endswith(("ist", "or", "er", "ian")) and lemma not in THING_NOUNS
    return (subj.pos_ in ("PROPN", "PRON") and subj.lower_ not in ("it", "this", "that", "these", "those") or
            lemma in TITLES or agent or subj.ent_type_ in ("PERSON", "ORG", "NORP"))


def _reports_clause(t: Token) -> bool:
    """Whether a verb that can act or report ("pledged", "rejected") reports here: it governs a clause ("vowed
    to fight", "rejected suggestions that ...", "denied it") rather than acting on a thing ("pledged $200m")."""
    if any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in t.children):
        return True  # "oprd": "called the offer 'fair and final'" describes; "called a strike" acts
    obj = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if t.lemma_.lower() == "write" and any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in t.children):
        return False  # "wrote to the managers about the cuts": a letter sent, no words reported
    if obj is not None and t.lemma_.lower() == "announce" and obj.lemma_.lower() in _INFORMATION_NOUNS:
        return True  # "announced positive results" tells what is known; "announced a ceasefire" makes one
    return obj is None and not any(c.dep_ == "agent" for c in t.children) or (
        obj is not None and (obj.lemma_.lower() in CLAIM_NOUNS or obj.pos_ == "PRON"))


_INFORMATION_NOUNS = frozenset("""result finding figure data detail plan estimate number profit loss earning earnings
sale forecast outcome""".split())


def _that_clause_under_phrase(t: Token) -> bool:
    """"alleges in a lawsuit that staff falsified records": the verb's "that" clause, which the parser hangs on the
    noun of the phrase between as a relative clause (a relative "that" is its clause's subject or object, not its
    marker)."""
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" and any(
        r.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in r.children) for r in g.children)
        for g in c.children) for c in t.children)


def _no_object(t: Token) -> bool:
    """"had no confirmation", "nothing to confirm"."""
    if t.lemma_.lower() == "confirmation":
        return any(c.lower_ in ("no",) for c in t.children) or t.head.lemma_.lower() == "lack"
    return any(a.lower_ in ("nothing",) for a in t.ancestors) or t.head.lower_ == "nothing"


_OWNED_MEDIA = frozenset("state state-run state-owned government government-run official".split())


def _subject_is_report(t: Token) -> bool:
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ == "media" and t.lemma_.lower() == "report":
        # "local media reported": the press, not a named outlet, as the source; "state media (in Morvath)
        # reported" names whose
        # ("local media in Dravonsk reported": the local press all the same)
        local = any(c.lower_ == "local" for c in subj.children)
        return not any(c.lower_ in _OWNED_MEDIA or c.dep_ == "prep" and not local or c.pos_ == "PROPN"
                       for c in subj.children)
    return subj is not None and subj.lemma_.lower() in REPORT_NOUNS and not any(
        c.dep_ in ("poss",) or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in subj.children)


def _subject_text(t: Token) -> str:
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    return subj.text if subj is not None else ""


def _inverted_speaker(t: Token) -> Token | None:
    """"'...,' said Ahmed Karimi, the interior minister, hours after ...": after a quotation the speaker follows the
    verb, and the small parser may hang the name from a later verb. The noun phrase right after the verb, when the
    verb has no subject of its own and follows the quotation's closing comma or quote mark."""
    doc = t.doc
    quotes = ("'", '"', "”", "’")
    if t.lemma_.lower() not in SAY_VERBS or t.tag_ not in ("VBD", "VBZ") or t.i < 2 or t.i + 1 >= len(doc) or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or not (
                doc[t.i - 1].text in quotes or doc[t.i - 1].text == "," and doc[t.i - 2].text in quotes):
        return None
    for k in range(t.i + 1, min(len(doc), t.i + 6)):
        x = doc[k]
        if x.pos_ in ("PROPN", "NOUN") and x.left_edge.i == t.i + 1 and x.head.i != t.i + 1 and \
                x.dep_ in ("nsubj", "dobj", "appos", "attr", "npadvmod", "conj"):
            return x
    return None


def _speaker_token(t: Token) -> Token | None:
    """Who speaks at the reporting verb `t`: its subject (or passive agent); for a participle or infinitive
    ("responded saying", "insisting that", "was unable to confirm") the subject of the reporting verb or
    controlling clause above it."""
    if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
        return t.head  # "a video of the militants threatening to march": the militants threaten
    inverted = _inverted_speaker(t)
    if inverted is not None:
        return inverted
    cur = t
    for depth in range(5):
        subjects = [c for c in cur.children if c.dep_ == "nsubj"]
        if len(subjects) > 1:  # a misparse ("X died when a tunnel caved in, the company said"): the nearest
            return min(subjects, key=lambda c: abs(c.i - cur.i))
        for c in cur.children:
            if c.dep_ == "nsubj":
                return c
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if cur.head is cur:
            break
        controlled = cur.dep_ in ("xcomp", "acomp")
        cur = cur.head
        if not controlled and depth == 0 and cur.lemma_.lower() not in SAY_VERBS | CONFIRM_VERBS | DENY_VERBS:
            # "..., insisting that ...": climb to the reporting verb this participle belongs to
            rep = next((a for a in cur.ancestors if a.lemma_.lower() in SAY_VERBS), None)
            if rep is None:
                # "Fenn demanded its closure, saying ...": a participle's speaker is the subject of the act it
                # goes with
                # (one who can speak, and no "with X calling it ..." giving the participle a subject of its own)
                absolute = any(c.dep_ == "prep" and c.lower_ == "with" and c.i < t.i for c in cur.children)
                return next((c for c in cur.children if c.dep_ == "nsubj"), None) if \
                    t.dep_ == "advcl" and t.tag_ == "VBG" and not absolute and _speaking_subject(cur) else None
            cur = rep
    return None


# Verbs of holding an office, and the office's noun ("who chairs the network" -> "chair").
_OFFICE_VERBS = {"lead": "leader", "chair": "chair", "head": "head", "direct": "director", "manage": "manager",
                 "coach": "coach", "own": "owner", "found": "founder", "govern": "governor"}


def speaker_phrase_words(speaker: Token) -> frozenset[str]:
    """Content words naming a speaker: its noun phrase without clauses, dates or report nouns, and without
    prepositional phrases other than "of"/"in"/"for"/"at"/"from" ("chief of police", "an official in Baghdad",
    "analysts at X")."""
    skip: set[int] = set()
    living: set[str] = set()
    for t in speaker.subtree:
        if t.dep_ == "acl" and t.head == speaker and t.lemma_.lower() in ("live", "reside"):
            # "people living in Gabri" are "residents of Gabri"
            living = {"resident"} | {w for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "near")
                                     for w in _words(c.subtree)}
        if t.dep_ == "relcl" and t.head == speaker and t.lemma_.lower() in _OFFICE_VERBS and \
                (obj := next((c for c in t.children if c.dep_ == "dobj"), None)) is not None:
            # "Joan Abernethy, who leads Tarrowby council" is "the leader of Tarrowby council"
            living |= {_OFFICE_VERBS[t.lemma_.lower()]} | _words(obj.subtree)
        # ("passer-by Jean Tolley": a word joined by a hyphen is no preposition of its own)
        hyphened = t.i > 0 and t.doc[t.i - 1].text == "-"
        if t.dep_ in ("relcl", "acl") or (t.dep_ == "prep" and t.lower_ not in ("of", "in", "for", "at", "from")
                                          and t.head == speaker and not _filed_with(t) and not hyphened):
            # ("analysts at X", "an official from X")
            skip |= {x.i for x in t.subtree}
        # "Brandt, a supporter of the levy": a named speaker's description, checked as what the claim says of him
        # (it is not who speaks)
        if t.dep_ == "appos" and t.head == speaker and speaker.pos_ == "PROPN" and t.pos_ == "NOUN" and \
                t.lemma_.lower() not in TITLES and not any(x.ent_type_ in ("ORG", "GPE", "NORP") for x in t.subtree):
            skip |= {x.i for x in t.subtree}
    # (a number and its unit describing the speaker's place are the quantity check's: "forty kilometres" / "40km")
    words = _words(t for t in speaker.subtree if t.i not in skip and t.ent_type_ not in ("DATE", "TIME") and
                   not t.like_num and t.lower_ not in UNITS) | living
    if living:
        words -= {"people", "person"}
    # ("roughly 20km west of the base" describes the same place as "about 20km west")
    return frozenset(w for w in words if w not in REPORT_NOUNS and w != "report" and w not in _APPROXIMATORS)


_APPROXIMATORS = frozenset("about roughly around approximately nearly almost some".split())
# Documents named by where they were lodged: "a filing with the stock exchange" is "a stock exchange filing".
_LODGED_NOUNS = frozenset("filing filings submission submissions complaint complaints".split())


def _filed_with(prep: Token) -> bool:
    return prep.lower_ == "with" and prep.head.lemma_.lower() in _LODGED_NOUNS


def _make_attr(cert: str, verb: str, speaker: Token | None, verb_tok: Token) -> Attribution:
    recipient = next((c for c in verb_tok.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")
                      and verb_tok.lemma_.lower() in ("tell", "warn")), None)
    if recipient is None:
        prep = next((c for c in verb_tok.children if c.dep_ == "prep" and c.lower_ == "to"
                     and verb_tok.lemma_.lower() in ("say", "speak", "talk")), None)
        recipient = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    relative = verb_tok
    while relative.dep_ == "xcomp" and relative.head.i != relative.i:
        relative = relative.head  # ("exchanges that fail to verify identities")
    if speaker is not None and speaker.tag_ in ("WDT", "WP") and relative.dep_ == "relcl" and \
            relative.head.pos_ in ("NOUN", "PROPN"):
        # "The utility, which admitted the offence, said": the utility admitted it (an act on a thing; not "who
        # said it would ...", whose words stay with the sentence's own speaker)
        speaker = relative.head
    if speaker is None:
        return Attribution(cert, verb, verb_i=verb_tok.i,
                           recipient=_phrase(recipient) if recipient is not None else "",
                           recipient_words=_subtree_words(recipient) if recipient is not None else frozenset())
    words = speaker_phrase_words(speaker)
    head = key(speaker.text if speaker.pos_ == "PROPN" else speaker.lemma_)
    person = any(t.ent_type_ == "PERSON" for t in speaker.subtree)
    pronoun = speaker.lower_ in PRONOUNS or (speaker.pos_ == "NOUN" and speaker.lemma_.lower() in TITLES and any(
        c.lower_ == "the" for c in speaker.children) and not any(c.pos_ == "PROPN" for c in speaker.subtree))
    return Attribution(cert, verb, _phrase(speaker), words, pronoun,
                       _phrase(recipient) if recipient is not None else "",
                       _subtree_words(recipient) if recipient is not None else frozenset(), verb_tok.i, head, person)


def _directions(doc: Doc) -> list[tuple[frozenset[str], str, frozenset[str]]]:
    out = []
    for t in doc:
        if t.lower_ not in DIRECTIONS:
            continue
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if target is None:
            continue
        # the located thing: the noun the direction phrase describes, or the subject of the verb it modifies
        head = t.head
        if t.dep_ in ("dobj", "npadvmod", "nsubj") and head.pos_ in ("VERB", "AUX"):
            # a misparsed "... near Samarra - a city 110 km north of Baghdad": the nearest name before it
            near = next((x for x in reversed(doc[max(0, t.i - 12):t.i]) if x.pos_ == "PROPN"), None)
            if near is not None:
                head = near
        if t.dep_ == "advmod" and head.pos_ == "VERB" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ",":
            # "seized the town of Karvik, 110km north of the capital": set off after the object, it places the object
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < t.i), None)
            head = obj if obj is not None else head
        hops = 0
        while head.pos_ not in ("PROPN", "NOUN", "VERB", "AUX") and head.head is not head and hops < 4:
            head, hops = head.head, hops + 1
        if head.pos_ in ("VERB", "AUX"):
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and head.dep_ == "relcl":
                subj = head.head
            head = subj if subj is not None else head
        # "Samarra - a city 110 km north of Baghdad": from "city" up to the name it is in apposition to
        while head.dep_ == "appos" and head.head is not head:
            head = head.head
        if head.pos_ == "NOUN" and head.dep_ == "attr":  # "Baghdad is a city 110 km north of Samarra"
            subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
            head = subj if subj is not None else head
        while head.pos_ == "NOUN" and head.dep_ in ("pobj",) and head.head.head.pos_ == "PROPN":
            head = head.head.head
        out.append((_place_words(head), t.lower_, _place_words(target)))
    return out


def _place_words(head: Token) -> frozenset[str]:
    """A place as a direction names it: the noun, its compounds, a name in apposition ("the capital Marsen") and
    the name of "the town of Karvik"."""
    words = {squash(head.text)} | {squash(c.text) for c in head.children if c.dep_ in ("compound", "appos")}
    if head.pos_ == "NOUN":
        words |= {squash(g.text) for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"}
    return frozenset(words)


def _resultative_leave(t: Token) -> bool:
    """"left thousands without power", "has left the reservoir at 25 percent", "left the town in ruins": "leave"
    naming the state something ends up in, not a departure (its thesaurus class): the state is what is compared."""
    if t.lemma_.lower() != "leave":
        return False
    if any(c.dep_ == "nsubjpass" for c in t.children):  # "was left with a broken jaw": the state it ends in
        return any(c.dep_ == "prep" and c.lower_ in ("with", "without") for c in t.children)
    if not any(c.dep_ == "dobj" for c in t.children):
        return False
    for c in t.children:
        if c.dep_ in ("oprd", "acomp", "xcomp"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("without", "at", "in", "with"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.lower_ == "without" or (pobj is not None and (pobj.like_num or pobj.pos_ in ("NUM", "NOUN") and
                                                                any(g.like_num for g in pobj.subtree))):
                return True
            if c.lower_ == "in" and pobj is not None and pobj.lemma_.lower() in _STATE_NOUNS:
                return True
    return False


# States a thing can be left in ("left the town in ruins"); a place after "in" is where someone left from.
_STATE_NOUNS = frozenset("ruin ruins darkness dark chaos limbo disarray tatter tatters shock debt doubt place "
                         "charge power control".split())


def _forms(t: Token, lemma: str) -> frozenset[str]:
    """A verb's lemma and the phrases it heads: particle, first preposition, object noun ("make progress",
    "look at", "put in place", "give details")."""
    base = t.lemma_.lower()
    out = {lemma} if lemma == "raise concern" else {lemma, base}  # (not an increase: no "raise" of its own)
    for c in t.children:
        if c.dep_ == "prep":
            out.add(f"{base} {c.lower_}")
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                out.add(f"{base} {c.lower_} {pobj.lemma_.lower()}")
        elif c.dep_ == "npadvmod" and c.lower_ in ("%", "percent") and base == "lose":
            out.add(f"{base} {c.lower_}")  # "lost 1.3% against the dollar" (a fall), the share read as an adverb
        elif c.dep_ in ("dobj", "attr", "acomp", "oprd"):
            out.add(f"{base} {c.lemma_.lower()}")
            out.add(f"{base} {c.text.lower()}")
            if base in ("remain", "stay", "become") and c.dep_ in ("attr", "acomp"):
                out.add(f"be {c.lemma_.lower()}")  # "remains an option" says it is one, "became visible" is
            if base in SUPPORT_VERBS and c.pos_ == "NOUN" and c.lower_.endswith(ACT_NOUN_ENDINGS):
                out.add(c.lemma_.lower())  # "reach an agreement" is "agree", "open an investigation" "investigate"
            if base in SUPPORT_VERBS and c.pos_ == "NOUN" and c.lower_.endswith("ing"):
                out |= _ing_verb(c.lower_)  # "issued a warning" is "warned", "gave a briefing" "briefed"
            if base in SUPPORT_VERBS and c.pos_ == "NOUN":
                # "issued a safety warning", the parser's "warning" a participle describing "safety"
                out |= {v for g in c.children if g.dep_ == "acl" and g.i == c.i + 1 and g.lower_.endswith("ing")
                        for v in _ing_verb(g.lower_)}
            for g in c.children:  # "found Lena Orme guilty": an adjective after the object is the verb's, misparsed
                if g.dep_ == "amod" and g.pos_ == "ADJ" and g.i > c.i:
                    out.add(_with_adjective(base, g))
                elif g.dep_ == "prep" and g.lower_ in ("off", "out", "away") and g.i > c.i:
                    out.add(f"{base} {g.lower_}")  # "drove the militias off the campus": "drive off"
        elif c.dep_ == "advmod" and c.lower_ in ("back", "out", "up", "down", "off", "away"):
            out.add(f"{base} {c.lower_}")
        elif c.dep_ == "ccomp" and c.pos_ == "ADJ":  # "found Hurst guilty" (the parser's small clause)
            out.add(_with_adjective(base, c))
        elif c.dep_ == "xcomp" and c.pos_ == "NOUN" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            out.add(f"{base} to {c.lemma_.lower()}")  # "has taken its partner to court", the "to" read as a verb's
        elif c.dep_ in ("ccomp", "xcomp") and base == "let" and c.lemma_.lower() == "go":
            out.add("let go")  # "let the tanker go": the bare verb after its object
    return frozenset(out)


def _ing_verb(noun: str) -> set[str]:
    """The verb a noun in -ing names, when the thesaurus knows it ("warning" -> "warn", "ruling" -> "rule",
    "shelling" -> "shell"); nothing for one it does not ("building", "evening")."""
    stem = noun[:-3]
    for base in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if base and known({base}):
            return {base}
    return set()


def _with_adjective(base: str, adj: Token) -> str:
    """The verb with the adjective it gives its object: "find guilty", "find not guilty"."""
    neg = any(x.dep_ == "neg" for x in adj.children)
    return f"{base} {'not ' if neg else ''}{adj.lemma_.lower()}"


def name_keys(doc: Doc) -> frozenset[str]:
    """Keyed words of the names in a sentence (proper nouns, nationalities, places)."""
    return frozenset(key(t.text) for t in doc if t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))


def _core(tok: Token | None) -> frozenset[str]:
    """The head-level words of the noun phrase at `tok`: the head, its compounds, its possessor, the names
    describing it ("Iranian special forces" -> force, iranian, iran), an "of" object ("the advance of
    government forces" -> advance, force, government), and conjoined heads. Adjectives and clauses are left out:
    they describe, they do not say who is who."""
    if tok is None:
        return frozenset()
    out: set[str] = set()
    heads = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    for h in heads:
        if h.pos_ in ("PRON", "DET", "NUM"):
            continue  # "he", "it": who they are is the coreference check's business
        out.add(key(h.text if h.pos_ == "PROPN" else h.lemma_))
        for c in h.children:
            if c.pos_ == "PRON":
                continue
            if c.dep_ in ("compound", "poss") or (c.dep_ == "amod" and (c.pos_ == "PROPN" or c.ent_type_ in
                                                                         ("NORP", "GPE"))):
                out.add(key(c.text if c.pos_ in ("PROPN", "ADJ") else c.lemma_))
                out |= {key(g.text) for g in c.children if g.dep_ == "compound"}
            elif c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ in ("on", "to", "for", "into") and
                                       h.lemma_.lower() in _ACTIVITY_HEADS):
                # ("work on the link road", "recruitment to all posts": the thing worked on is what is acted on)
                out |= {key(g.text if g.pos_ == "PROPN" else g.lemma_) for g in c.children if g.dep_ == "pobj"}
    return frozenset(w for w in out if w)


# Nouns of an activity whose object follows a preposition ("work on", "recruitment to", "spending on", "plans for").
_ACTIVITY_HEADS = frozenset("work construction building recruitment repair repairs plan plans project development "
                            "spending investment funding research".split())


def _role_cores(t: Token) -> tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """(subject core, object core, {preposition: core}) of the verb `t`, following the doer up through
    "managed to stall", "help X fight" and relative or participle clauses the way `_argument_words` does."""
    subj_tok = next((c for c in t.children if c.dep_ in ("nsubj", "csubj")), None)
    obj_tok = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")), None)
    agent = _agent(t)
    if agent is not None:
        subj_tok = _agent_doer(agent) or subj_tok
    if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
        if t.tag_ == "VBN" and obj_tok is None:
            obj_tok = t.head
        elif subj_tok is None:
            subj_tok = t.head
    cur, hops = t, 0
    # (a passive with its own subject has no doer to inherit: "before he was sacked" is not sacked by the main
    # clause's subject)
    own_passive = any(c.dep_ == "nsubjpass" for c in t.children)
    while subj_tok is None and not own_passive and cur.head is not cur and hops < 4:
        hops += 1
        if cur.dep_ == "relcl":
            subj_tok = cur.head
            break
        if cur.dep_ in ("xcomp", "conj", "advcl", "ccomp") and cur.head.pos_ in ("VERB", "AUX"):
            parent = cur.head
            if cur.dep_ in ("xcomp", "ccomp"):
                # "help Iraq fight": the object of the governor does the complement
                subj_tok = next((c for c in parent.children if c.dep_ == "dobj" and c.i < cur.i), None)
            if subj_tok is None and cur.dep_ != "ccomp":
                subj_tok = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            cur = parent
            continue
        break
    preps: dict[str, frozenset[str]] = {}
    # "handed over 62 soldiers, including a colonel captured in March, to the ICRC": a "to" set off by a comma
    # after the object's own phrase is the verb's, wherever the parser hung it
    stray = [x for x in obj_tok.subtree if x.dep_ == "prep" and x.lower_ in ("to", "into", "from", "onto") and
             x.i > 0 and x.doc[x.i - 1].text == "," and x.head != obj_tok] if obj_tok is not None else []
    # ("found guilty of arson": the state's preposition is the act's)
    of_state = [g for c in t.children if c.dep_ in ("oprd", "acomp") and c.pos_ == "ADJ" for g in c.children
                if g.dep_ == "prep"]
    for c in [*(c for c in t.children if c.dep_ == "prep"), *stray, *of_state]:
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is not None:
            preps[c.lower_] = preps.get(c.lower_, frozenset()) | _core(pobj)
    # ("finished ahead of Ruth Ballantyne": the parser hangs the "of" on the adverb)
    for c in t.children:
        if c.dep_ == "advmod" and c.lower_ == "ahead":
            for g in c.children:
                pobj = next((x for x in g.children if x.dep_ == "pobj"), None) if g.lower_ == "of" else None
                if pobj is not None:
                    preps["ahead of"] = preps.get("ahead of", frozenset()) | _core(pobj)
    return _core(subj_tok), _core(obj_tok), preps


_WISH_VERBS = frozenset("hope wish".split())


def _strength(tok: Token) -> int:
    """How firmly the action at `tok` is stated, the weakest marker on the way up to the reporting verb:
    0 when only weighed or possible ("would consider intervening", "may extend", "would not rule out air
    strikes", could not be confirmed), 1 when intended or future ("will intervene", "plans to", "is expected
    to"), 2 when asserted."""
    out = 1 if _scheduled_progressive(tok) else 2  # "is closing the library next month": future, as "will"
    cur = tok
    prev: Token | None = None
    if _done_participle(tok):
        return out
    came_by = ""  # the dependency by which the walk reached `cur` ("acl": "talks to acquire")
    # the walk came through "of" / "with" / "for" ("accused the clerk of stealing": "of" may hang on "clerk";
    # "blamed Manila for provoking")
    via_of = False
    for depth in range(8):
        for c in cur.children:
            if c.dep_ == "aux" and c.lower_ in IRREALIS_MODALS:
                out = min(out, 0 if c.lower_ in POSSIBILITY_MODALS else 1)
        if depth and cur.pos_ == "NOUN" and came_by == "acl":  # "talks to acquire", "a plan to build"
            noun = cur.lemma_.lower()
            # ("claims that the company lets sewage ...": an allegation's content is not asserted)
            out = 0 if noun in CONTEMPLATION_NOUNS | ALLEGATION_NOUNS else min(out, 1) if noun in INTENT_NOUNS else out
        if depth and cur.pos_ in ("VERB", "AUX", "ADJ"):
            lemma = _verb_lemma(cur)
            preps = {f"{cur.lemma_.lower()} {c.lower_}" for c in cur.children if c.dep_ == "prep"}
            if lemma in CONTEMPLATION_VERBS or preps & CONTEMPLATION_VERBS:
                out = 0
            elif lemma == "rule out" and _is_negated(cur):
                out = 0
            elif via_of and (lemma in ALLEGATION_VERBS or lemma == "suspect" and cur.tag_ == "VBN"):
                out = 0  # "accused her of embezzling", "charged with stealing", "suspected of setting"
            elif lemma in ("allege", "suspect") and prev is not None and prev.dep_ == "xcomp":
                out = 0  # "firms alleged to have sent engines", "suspected to have fled": alleged, not done
            elif lemma in _WISH_VERBS:
                out = 0  # "said he hoped work would begin in the spring": wished for, not said to be coming
            elif lemma in IRREALIS_VERBS or (lemma == "expect" and cur.tag_ == "VBN") or lemma in ("due", "poised") \
                    or lemma in REQUEST_VERBS and prev is not None and prev.dep_ == "xcomp" \
                    or _be_to(cur, prev) or _going_to(cur, prev):
                out = min(out, 1)  # "plans to", "is expected to", "is due to", "is to shut", "is going to"
            elif lemma in DENY_VERBS or _unconfirmed(cur):
                out = 0
        if depth and cur.pos_ == "ADP" and f"{cur.head.lemma_.lower()} {cur.lower_}" in CONTEMPLATION_VERBS:
            out = 0
        if cur.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "dobj", "advcl", "acl", "prep", "conj",
                            "nsubjpass", "acomp", "agent") or cur.head is cur:
            break
        gov = cur.head.lemma_.lower()
        # ("called on both sides to let ...": "call" with an infinitive asks, it does not report)
        if gov in SAY_VERBS | CONFIRM_VERBS and not _unconfirmed(cur.head) and gov not in IRREALIS_VERBS and \
                not (gov in REQUEST_VERBS and cur.dep_ == "xcomp") and \
                not (cur.head.pos_ == "NOUN" and gov in ALLEGATION_NOUNS):  # ("claims that": no one's word)
            break
        if _own_clause_conjunct(cur) or _past_subordinate(cur):
            break
        if _finite_conjunct(cur):
            break  # "would cooperate and expected ...": a finite verb keeps its own mood
        came_by = cur.dep_
        via_of = via_of or cur.pos_ == "ADP" and cur.lower_ in ("of", "with", "for")
        prev = cur
        cur = cur.head
    return out


def _lost_source(doc: Doc) -> bool:
    """A sentence opening "According to X, ..." whose "to" the parser left without its object."""
    return len(doc) > 3 and doc[0].lower_ == "according" and doc[1].lower_ == "to" and \
        not any(c.dep_ == "pobj" for c in doc[1].children) and any(t.text == "," for t in doc)


def analyse(text: str) -> Analysis:
    """Read `text` (a claim or an evidence sentence) into its attributions, predicates and facts."""
    norm = normalize(text)
    doc = parse(norm)
    if _lost_source(doc):
        # "According to police chief A-B, the council would ...": the parser made the source the subject; the same
        # sentence with the source last parses as written news does ("The council would ..., according to ...")
        comma = next(t for t in doc if t.text == ",")
        reordered = f"{doc[comma.i + 1:].text.rstrip(' .')}, {doc[:comma.i].text[:1].lower()}{doc[:comma.i].text[1:]}."
        alt = parse(reordered[:1].upper() + reordered[1:])
        if not _lost_source(alt):
            norm, doc = alt.text, alt
    attributions, hedge = _attributions(doc)
    attr_verbs = {a.verb_i for a in attributions}
    preds = []
    for t in doc:
        # ("xcomp": "is likely to be the worst", a copula as unsure as its governor)
        copula = t.pos_ == "AUX" and t.lemma_ == "be" and \
            t.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp") and \
            any(c.dep_ in ("attr", "acomp", "prep") for c in t.children)
        # a clause head the tagger got wrong ("militants ... advance towards Baghdad" tagged NOUN): the parser gave it
        # a nominal subject and a clause's place, so it is a predicate whatever its tag
        mistagged = t.pos_ == "NOUN" and t.dep_ in ("advcl", "ccomp", "relcl") and \
            any(c.dep_ == "nsubj" for c in t.children)
        if (t.pos_ != "VERB" and not copula and not mistagged) or t.i in attr_verbs or \
                t.dep_ in ("amod", "compound"):
            continue
        if t.lower_ in _STARTING and t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") and \
                any(y.ent_type_ == "DATE" for y in t.subtree if y is not t) and \
                not any(c.dep_ in ("dobj", "nsubj") for c in t.children):
            continue  # "starting Friday", "starting in February": a time, not an act
        if t.dep_ == "prep" and t.tag_ in ("VBG", "VBN"):
            continue  # "including military action", "following the vote": a participle used as a preposition
        lemma = _verb_lemma(t)
        if lemma in IRREALIS_VERBS | IRREALIS_PHRASES - {"rule out"} and any(
                c.dep_ in ("xcomp", "ccomp") for c in t.children):
            pass  # the governor itself ("considering shifting troops") is also kept: it may be the claim's verb
        subj, obj, preps = _argument_words(t)
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass", "neg")]
        aux += [x for c in t.children if c.lower_ == "longer" for x in (*c.children, c) if x.lower_ in ("no", "longer")]
        text_ = " ".join(x.text for x in sorted([*aux, t, *(c for c in t.children if c.dep_ == "prt")],
                                                key=lambda x: x.i))
        subj_tok = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj_tok is None:
            agent = _agent(t)
            subj_tok = _agent_doer(agent) if agent is not None else None
        # proper names only: an adjective ("British", "Iranian") describes, it does not name the doer
        names = _head_names(subj_tok) if subj_tok is not None else ()
        forms = _forms(t, lemma)
        if copula:
            forms = frozenset(f for f in forms if f != "be" and f.startswith("be "))
        obj_tok = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass")), None)
        obj_names = _head_names(obj_tok) if obj_tok is not None else ()
        s_core, o_core, p_core = _role_cores(t)
        done = _elided_act(t, preds)
        if done is not None:
            # "Marchmont survived the sinking; his two brothers did not": the bare "did" stands for the act before
            lemma, forms, obj, preps, o_core, p_core = done.lemma, done.forms, done.obj, done.preps, \
                done.object_core, done.prep_core
            text_ = f"{text_} {done.lemma}"
        s_names = frozenset(w for w in s_core if w in name_keys(doc))
        explicit = any(c.dep_ in ("nsubj", "agent") for c in t.children) or _agent(t) is not None
        definite = subj_tok is not None and any(c.lower_ in ("the", "this", "that") and c.dep_ == "det"
                                                for c in subj_tok.children) and \
            subj_tok.ent_type_ not in ("GPE", "ORG", "PERSON", "LOC", "FAC")
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        # "unless the levy is withdrawn" is "if the levy is not withdrawn"
        preds.append(Predicate(lemma, text_, _is_negated(t), irrealis(t), subj, obj, preps,
                               lemma in LIGHT_VERBS or _resultative_leave(t), t.i,
                               "ROOT" if _verbless_sentence_act(t) else t.dep_, forms, names, obj_names,
                               s_core, o_core, p_core, _strength(t), s_names, explicit, definite, infinitive,
                               _condition(t), _conditioned(t),
                               infinitive and t.dep_ in ("xcomp", "advcl") and
                               any(c.dep_ == "dobj" for c in t.head.children),
                               t.head.lemma_.lower() if infinitive and t.dep_ == "xcomp" else "",
                               any(c.dep_ == "aux" and c.lower_ in ("can", "could", "ca") for c in t.children),
                               _present(t), any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)))
    return Analysis(norm, attributions, hedge, preds, _directions(doc), quantities(norm), dates(norm), doc)


def _verbless_sentence_act(t: Token) -> bool:
    """"A lorry overturned in the tunnel": the small model may read a sentence as a noun phrase, its verb a
    participle describing the noun (the sentence has no verb of its own). That participle is the sentence's act."""
    return t.dep_ == "acl" and t.tag_ == "VBN" and t.head.dep_ == "ROOT" and t.head.pos_ in ("NOUN", "PROPN") and \
        t.i == t.head.i + 1 and not any(c.dep_ == "agent" for c in t.children) and \
        not any(x.pos_ in ("VERB", "AUX") and x.dep_ in ("ROOT", "ccomp", "conj", "relcl") for x in t.sent)


def _elided_act(t: Token, preds: list[Predicate]) -> Predicate | None:
    """The act a bare "did" / "did not" stands for ("his brothers did not", "and so did Ruiz"): the last act
    before it in its sentence, when "do" has nothing of its own after it."""
    if t.lemma_.lower() != "do" or any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "prep", "advcl", "prt")
                                       for c in t.children if c.i > t.i):
        return None
    return next((x for x in reversed(preds) if t.sent.start <= x.i < t.i and x.lemma != "do"), None)


def _present(t: Token) -> bool:
    """Whether a verb is in the present tense without a modal: "begins", "is closing", "are losing" (not "has
    closed", "was closing", "will close"); a complement by its governor ("start trading on Thursday")."""
    if t.dep_ == "xcomp" and t.tag_ == "VBG" and t.head.pos_ == "VERB" and t.head.lemma_.lower() in _PHASE_VERBS:
        return _present(t.head)
    aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    if t.tag_ in ("VBZ", "VBP"):
        return not aux
    return t.tag_ == "VBG" and len(aux) == 1 and aux[0].lower_ in ("is", "are", "am", "'s", "'re")


CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")


def content_keys(doc) -> set[str]:
    """Content words of a parsed sentence, keyed; names also by their bases ("iranian" -> "iran")."""
    out: set[str] = set()
    for t in doc:
        if t.is_stop or t.is_punct or t.pos_ not in CONTENT_POS:
            continue
        if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"):
            out |= name_bases(t.text)
        w = key(t.lemma_ if t.pos_ != "PROPN" else t.text)
        if w:
            out.add(w)
    return out


def resolve_pronoun(analysis, att):
    """For "the Pentagon said it could not confirm", the speaker of "could not confirm" is the one who said it:
    the attribution whose verb governs this one."""
    if not att.pronoun or att.verb_i < 0:
        return att
    verb = analysis.doc[att.verb_i]
    for other in analysis.attributions:
        if other is not att and other.speaker and not other.pronoun and other.verb_i >= 0 and \
                analysis.doc[other.verb_i] in verb.ancestors:
            return other
    return att
