"""The hand-written eval data (v3, the real seeds) is consistent with the articles, with itself, and the test
split is frozen and disjoint from dev by evidence paragraph."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from evals.dataset import (
    CATEGORIES,
    DATA_DIR,
    DATA_VERSION,
    ERROR_CLASSES,
    PARAGRAPH_SPLITS,
    SPLITS,
    TEST_FILES,
    ConstrainedQAItem,
    GoldSpanError,
    QAItem,
    QueryFilters,
    SummaryGroup,
    account_spans,
    checksum_status,
    filter_matches,
    gold_spans,
    load_constrained_qa,
    load_qa,
    load_summary_groups,
    load_summary_points,
    load_summary_reference,
    load_support_pairs,
    paragraph_split,
)
from evals.metrics import covered_points, key_fact_recall
from qa.errors import InputFileError
from qa.ingest.readers import load_seed_documents
from qa.schema import Document


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {d.doc_id: d for d in load_seed_documents()}


@pytest.fixture(scope="module")
def qa() -> list[QAItem]:
    return load_qa()


def _paragraph_of(text: str, doc: Document) -> int:
    """The index of the one paragraph of `doc` that contains `text` (fails if none or several)."""
    found = [i for i, p in enumerate(doc.text.split("\n\n")) if text in p]
    assert len(found) == 1, (doc.doc_id, text[:80], found)
    return found[0]


def test_the_seeds_are_the_two_documents_the_data_refers_to(docs):
    assert set(docs) == {"seed-000", "seed-003"}


def test_the_test_split_matches_its_recorded_checksums():
    """Changing a test file means a new data version: update DATA_VERSION, SHA256SUMS and the data README."""
    status = checksum_status()
    assert set(TEST_FILES) <= set(status)
    for name, sums in status.items():
        assert sums["recorded"] and sums["recorded"] == sums["actual"], f"test/{name} changed (data {DATA_VERSION})"
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert DATA_VERSION in readme
    for sums in status.values():
        assert sums["recorded"] in readme  # the README records the frozen test files


def test_checksum_status_notices_an_edited_test_file(tmp_path: Path):
    for sp in SPLITS:
        (tmp_path / sp).mkdir()
    (tmp_path / "test" / "qa.jsonl").write_text("{}\n")
    (tmp_path / "test" / "SHA256SUMS").write_text("0" * 64 + "  qa.jsonl\n")
    assert checksum_status(tmp_path)["qa.jsonl"]["recorded"] != checksum_status(tmp_path)["qa.jsonl"]["actual"]


def test_checksum_status_lists_a_missing_test_file(tmp_path: Path):
    (tmp_path / "test").mkdir()
    (tmp_path / "test" / "SHA256SUMS").write_text("")
    status = checksum_status(tmp_path)
    assert set(TEST_FILES) <= set(status)
    assert status["summary_groups.jsonl"] == {"recorded": "", "actual": ""}


def test_every_body_paragraph_has_exactly_one_split(docs):
    for doc_id, doc in docs.items():
        dev, test = (set(PARAGRAPH_SPLITS[doc_id][sp]) for sp in SPLITS)
        assert not dev & test
        assert dev | test == set(range(1, len(doc.text.split("\n\n")) + 1)), doc_id


def test_v2_items_follow_the_paragraph_table(qa, docs):
    for item in qa:
        for gold in [*item.gold, *item.near]:
            assert paragraph_split(gold.doc_id, _paragraph_of(gold.quote, docs[gold.doc_id]) + 1) == item.split, item.id
    for pair in load_support_pairs():
        if pair.origin == "synthetic":  # an invented passage (dev only): no seed paragraph
            continue
        assert paragraph_split(pair.doc_id, pair.para) == pair.split, pair.id


def test_every_gold_quote_is_exact_unique_and_within_one_paragraph(qa, docs):
    for item in qa:
        for gold in [*item.gold, *item.near]:
            assert docs[gold.doc_id].text.count(gold.quote) == 1, (item.id, gold.quote)
            _paragraph_of(gold.quote, docs[gold.doc_id])


def test_gold_spans_resolve_to_the_quoted_text(qa, docs):
    for item in qa:
        spans = gold_spans(item, list(docs.values()))
        assert len(spans) == len(item.gold)
        for (doc_id, start, end), gold in zip(spans, item.gold, strict=True):
            assert doc_id == gold.doc_id
            assert docs[doc_id].text[start:end] == gold.quote


def test_gold_spans_reports_a_quote_missing_from_the_article(docs):
    item = QAItem(id="x1", split="dev", category="fact", question="q?", reference_answer="a", key_facts=["a"],
                  gold=[{"doc_id": "seed-000", "quote": "Iran has sent 5,000 units"}])
    with pytest.raises(GoldSpanError, match="x1"):
        gold_spans(item, docs)


def test_dev_and_test_share_no_evidence_paragraph(qa, docs):
    used: dict[str, set[tuple[str, int]]] = {sp: set() for sp in SPLITS}
    for item in qa:
        for gold in [*item.gold, *item.near]:
            used[item.split].add((gold.doc_id, _paragraph_of(gold.quote, docs[gold.doc_id])))
    for pair in load_support_pairs():
        if pair.origin == "synthetic":  # an invented passage (dev only): no seed paragraph
            continue
        para = _paragraph_of(pair.evidence, docs[pair.doc_id])
        assert para == pair.para - 1, pair.id  # `para` counts body paragraphs from 1
        used[pair.split].add((pair.doc_id, para))
    for point in load_summary_points():
        assert point.split in SPLITS
    assert not used["dev"] & used["test"], sorted(used["dev"] & used["test"])


def test_the_photo_caption_is_not_evidence(qa, docs):
    assert "Iraqi policemen climb onto a roof" not in docs["seed-000"].text
    for pair in load_support_pairs():
        assert "policemen" not in pair.evidence


def test_question_counts_categories_and_followups(qa):
    assert len(qa) >= 60
    assert len({i.id for i in qa}) == len(qa)
    counts = Counter(i.category for i in qa)
    assert set(counts) == set(CATEGORIES)
    assert sum(i.must_abstain for i in qa) >= 15
    test = [i for i in qa if i.split == "test"]
    assert len(test) >= 25 and sum(i.must_abstain for i in test) >= 7
    for item in qa:
        if item.category == "followup":
            assert item.history and all(t.question and t.answer for t in item.history)
        if item.must_abstain:
            assert not item.key_facts and not item.gold and item.near


def test_answerable_items_are_grounded(qa):
    """Each key fact is stated in the reference answer and in the gold quotes (so it is checkable)."""
    missing = []
    for item in qa:
        if item.must_abstain:
            continue
        if key_fact_recall(item.reference_answer, item.key_facts) != 1.0:
            missing.append((item.id, "reference"))
    assert not missing, missing


def test_the_issue_questions_are_present(qa):
    by_question = {i.question: i for i in qa}
    who = by_question["Who confirmed the IRGC deployment?"]
    assert who.split == "dev" and "Iranian security sources" in " ".join(who.key_facts)
    assert by_question["What is the population of Tikrit?"].must_abstain
    assert by_question["Which newspaper first reported the Revolutionary Guards deployment?"].must_abstain
    assert not by_question["How far is Samarra from Baghdad?"].must_abstain


def test_both_articles_items_cite_both_articles(qa):
    for item in qa:
        if item.category == "both_articles":
            assert {g.doc_id for g in item.gold} == {"seed-000", "seed-003"}, item.id


def test_support_pairs_cover_every_error_class_with_a_supported_partner():
    pairs = load_support_pairs()
    assert len(pairs) >= 200
    assert len({p.id for p in pairs}) == len(pairs)
    by_id = {p.id: p for p in pairs}
    classes = Counter(p.kind for p in pairs if not p.supported)
    assert set(classes) == set(ERROR_CLASSES)
    for kind in ERROR_CLASSES:
        assert classes[kind] >= 10, kind
    for p in pairs:
        if not p.supported:
            partner = by_id[p.pair]
            assert partner.supported and partner.evidence == p.evidence and partner.split == p.split, p.id
        assert p.claim != p.evidence, p.id
    kinds = Counter(p.kind for p in pairs if p.supported)
    for kind in ("coreference", "abbreviation", "number_unit"):
        assert kinds[kind] >= 8, kind


def test_summary_points_span_both_articles_and_are_coverable(docs):
    points = load_summary_points()
    assert len(points) >= 10
    assert len({p.id for p in points}) == len(points)
    assert {p.doc_id for p in points} == {"seed-000", "seed-003"}
    assert any("Pentagon" in p.keywords and "could not confirm" in p.point for p in points)
    for point in points:
        # A point's keywords must be satisfiable by its own wording and by the article it comes from.
        assert covered_points(point.point, [point]) == [True], point.id
        assert covered_points(docs[point.doc_id].text, [point]) == [True], point.id


def _copy_splits(tmp_path: Path, edit) -> Path:
    for sp in SPLITS:
        (tmp_path / sp).mkdir()
        for name in ("qa.jsonl", "support.jsonl"):
            lines = (DATA_DIR / sp / name).read_text(encoding="utf-8").splitlines()
            (tmp_path / sp / name).write_text("\n".join(edit(sp, name, lines)) + "\n", encoding="utf-8")
    return tmp_path


def test_loader_names_the_line_of_a_bad_record(tmp_path: Path):
    def bad_label(sp, name, lines):
        return [lines[0], json.dumps({**json.loads(lines[1]), "label": "maybe"})] if name == "support.jsonl" \
            else lines

    root = _copy_splits(tmp_path, bad_label)
    with pytest.raises(InputFileError, match="line 2: label"):
        load_support_pairs("dev", root)


def test_loader_rejects_an_item_in_the_wrong_split(tmp_path: Path):
    def moved(sp, name, lines):
        if name == "qa.jsonl" and sp == "dev":
            first = json.loads(lines[0])
            return [json.dumps({**first, "split": "test"})] + lines[1:]
        return lines

    root = _copy_splits(tmp_path, moved)
    with pytest.raises(InputFileError, match="says split 'test' but is in dev"):
        load_qa("dev", root)


def test_loader_rejects_inconsistent_items(tmp_path: Path):
    def abstaining(sp, name, lines):
        if name == "qa.jsonl" and sp == "dev":
            answerable = next(json.loads(x) for x in lines if not json.loads(x)["must_abstain"])
            return [json.dumps({**answerable, "must_abstain": True})]
        return lines

    root = _copy_splits(tmp_path, abstaining)
    with pytest.raises(InputFileError, match="line 1"):
        load_qa("dev", root)


# --------------------------------------------------------------------------------------------------
# v3: labelled claim groups (issue 18) and questions with outlet/date constraints (issue 15)


@pytest.fixture(scope="module")
def groups() -> list[SummaryGroup]:
    return load_summary_groups()


@pytest.fixture(scope="module")
def constrained() -> list[ConstrainedQAItem]:
    return load_constrained_qa()


def _splits_of(quotes, docs) -> set[str]:
    return {paragraph_split(q.doc_id, _paragraph_of(q.quote, docs[q.doc_id]) + 1) for q in quotes}


def test_every_account_quote_is_exact_and_within_one_paragraph(groups, docs):
    for group in groups:
        for account in group.accounts:
            assert docs[account.doc_id].text.count(account.quote) == 1, (group.id, account.quote)
            _paragraph_of(account.quote, docs[account.doc_id])
        for (doc_id, start, end), account in zip(account_spans(group, docs), group.accounts, strict=True):
            assert docs[doc_id].text[start:end] == account.quote


def test_claim_groups_follow_the_paragraph_split(groups, docs):
    """All-dev evidence -> dev, all-test -> test, evidence from both -> test (the mixed groups the README names);
    apart from the mixed groups, no paragraph is evidence for both a dev and a test group."""
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    used: dict[str, set[tuple[str, int]]] = {sp: set() for sp in SPLITS}
    for group in groups:
        splits = _splits_of(group.accounts, docs)
        expected = "dev" if splits == {"dev"} else "test"
        assert group.split == expected, group.id
        if len(splits) > 1:
            assert f"`{group.id}`" in readme, f"mixed group {group.id} is not documented"
            continue
        used[group.split] |= {(a.doc_id, _paragraph_of(a.quote, docs[a.doc_id])) for a in group.accounts}
    assert not used["dev"] & used["test"], sorted(used["dev"] & used["test"])


def test_claim_groups_kinds_and_counts(groups):
    assert len({g.id for g in groups}) == len(groups)
    for group in groups:
        doc_ids = {a.doc_id for a in group.accounts}
        if group.kind in ("agreement", "conflict"):
            assert len(group.accounts) >= 2 and len(doc_ids) >= 2, group.id
        else:
            assert len(doc_ids) == 1, group.id
    for sp in SPLITS:
        kinds = Counter(g.kind for g in groups if g.split == sp)
        assert kinds["agreement"] >= 2 and kinds["conflict"] >= 1 and kinds["single"] >= 4, (sp, kinds)
    assert 8 <= sum(g.kind == "single" for g in groups) <= 12


def test_the_confirmation_conflict_is_labelled(groups):
    """Issue 18's 'done when': confirmed (Iranian security sources) vs could not confirm (the Pentagon)."""
    conflict = next(g for g in groups if g.kind == "conflict" and g.split == "dev")
    assert conflict.differs_on == "speaker_certainty"
    speakers = {a.doc_id: a.speaker for a in conflict.accounts}
    assert speakers == {"seed-000": "Iranian security sources", "seed-003": "the Pentagon"}


def test_group_validation_rejects_inconsistent_groups():
    one_doc = {"doc_id": "seed-000", "quote": "x", "speaker": "the article", "value": "v"}
    with pytest.raises(ValueError, match="at least two articles"):
        SummaryGroup(id="x", split="dev", kind="agreement", about="a", accounts=[one_doc, one_doc])
    with pytest.raises(ValueError, match="differs_on"):
        SummaryGroup(id="x", split="dev", kind="conflict", about="a",
                     accounts=[one_doc, {**one_doc, "doc_id": "seed-003"}])
    with pytest.raises(ValueError, match="one article"):
        SummaryGroup(id="x", split="dev", kind="single", about="a", accounts=[one_doc, {**one_doc, "doc_id": "s"}])


def test_constrained_quotes_are_exact_and_follow_the_paragraph_split(constrained, docs):
    for item in constrained:
        spans = gold_spans(item, docs)
        assert len(spans) == len(item.gold)
        for gold in [*item.gold, *item.near]:
            assert docs[gold.doc_id].text.count(gold.quote) == 1, (item.id, gold.quote)
        assert _splits_of([*item.gold, *item.near], docs) == {item.split}, item.id


def test_constrained_answers_come_from_the_articles_the_filters_allow(constrained, docs):
    for item in constrained:
        allowed = {d for d, doc in docs.items() if filter_matches(item.filters, doc)}
        if item.must_abstain:
            assert not item.gold and item.near, item.id
            # Nothing matches, or the near miss is in an article the constraint excludes.
            assert not allowed or {n.doc_id for n in item.near} - allowed, item.id
        else:
            assert allowed and {g.doc_id for g in item.gold} <= allowed, item.id
            assert key_fact_recall(item.reference_answer, item.key_facts) == 1.0, item.id


def test_constrained_questions_cover_each_kind_of_constraint(constrained, docs, qa):
    assert len({i.id for i in constrained} | {i.id for i in qa}) == len(constrained) + len(qa)
    for sp in SPLITS:
        items = [i for i in constrained if i.split == sp]
        assert len(items) >= 8
        no_match = [i for i in items if not any(filter_matches(i.filters, d) for d in docs.values())]
        excluded = [i for i in items if i.must_abstain and i not in no_match]
        dated = [i for i in items if (i.filters.since or i.filters.until) and not i.must_abstain]
        assert any(i.filters.source and i.filters.source != docs["seed-000"].source for i in no_match), sp
        assert any(i.filters.since or i.filters.until for i in no_match), sp
        assert excluded and dated, sp
    for item in constrained:
        if item.filters.source:
            # Outlets in the corpus are named as it records them; seed-003's outlet is unknown and never a filter.
            assert item.filters.source.casefold() != "unknown"


def test_filter_matches_reads_month_only_dates_as_ranges():
    june = Document(doc_id="d", text="t", source="International Business Times UK", published="2014-06")
    unknown = Document(doc_id="e", text="t", source="unknown", published="unknown")
    assert filter_matches(QueryFilters(since="2014-06-13"), june)
    assert filter_matches(QueryFilters(until="2014-06-01"), june)
    assert not filter_matches(QueryFilters(since="2014-07-01"), june)
    assert not filter_matches(QueryFilters(until="2014-05-31"), june)
    assert filter_matches(QueryFilters(source="international business times  uk"), june)
    assert not filter_matches(QueryFilters(source="IBTimes"), june)
    assert not filter_matches(QueryFilters(source="unknown"), unknown)
    assert not filter_matches(QueryFilters(since="2000-01-01"), unknown)
    with pytest.raises(ValueError, match="since is after until"):
        QueryFilters(since="2014-06-30", until="2014-06-01")


def test_loader_rejects_a_constrained_item_without_a_constraint(tmp_path: Path):
    for sp in SPLITS:
        (tmp_path / sp).mkdir()
    line = (DATA_DIR / "dev" / "qa_constrained.jsonl").read_text(encoding="utf-8").splitlines()[0]
    empty = {"source": None, "since": None, "until": None}
    (tmp_path / "dev" / "qa_constrained.jsonl").write_text(json.dumps({**json.loads(line), "filters": empty}) + "\n")
    with pytest.raises(InputFileError, match="line 1"):
        load_constrained_qa("dev", tmp_path)


def test_reference_summary_attributes_both_sides_of_the_conflict():
    text = load_summary_reference()
    assert 150 <= len(text.split()) <= 210
    for phrase in ("Iranian security sources", "Pentagon", "could not confirm", "International Business Times UK",
                   "CNN"):
        assert phrase in text, phrase
    assert "seed-" not in text  # outlets are named, not file ids


def test_blind_pairs_are_synthetic_separate_and_cover_every_kind():
    from evals.dataset import ERROR_CLASSES, SUPPORTED_KINDS, load_blind_pairs

    blind = load_blind_pairs()
    assert len(blind) >= 100
    assert all(p.origin == "synthetic" and p.evidence in p.context for p in blind)
    assert not {p.id for p in blind} & {p.id for p in load_support_pairs()}, "a blind pair is also in dev/test"
    assert not {p.context for p in blind} & {p.context for p in load_support_pairs() if p.context}
    assert {p.kind for p in blind} == set(ERROR_CLASSES) | set(SUPPORTED_KINDS)


def test_probe_pairs_are_well_formed_and_the_probe_command_refuses_a_missing_file(tmp_path, capsys):
    """evals/data/probes: invented pairs and pairs over the seed paragraphs (tuning material, not gated); every
    row has a known kind and its label, ids are unique, a seed row's evidence is text of its article; `python -m
    evals.probes` exits 2 on a file that does not exist."""
    import json

    from evals.probes import _SUPPORTED_KINDS, PROBES_DIR, main
    from qa.ingest.readers import load_seed_documents

    articles = {d.doc_id: d.text for d in load_seed_documents()}
    ids = set()
    files = sorted(PROBES_DIR.glob("*.jsonl"))
    assert len(files) == 136
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert row["claim"].strip() and row["evidence"].strip() and row["id"] not in ids
            ids.add(row["id"])
            if "doc_id" in row:  # seed text, read with its article: it must be the article's own words
                assert row["evidence"] in articles[row["doc_id"]], row["id"]
            # ("article" names one of a helper's invented articles: never a seed, so the evidence is its own context)
            assert not ("article" in row and "doc_id" in row), row["id"]
            assert row["label"] == ("supported" if row["kind"] in _SUPPORTED_KINDS else "not_supported")
    assert len(ids) == 21096
    assert main([str(tmp_path / "missing.jsonl")]) == 2
    assert "no such probe file" in capsys.readouterr().err


def test_a_held_out_probe_file_prints_figures_but_never_its_failures(tmp_path, capsys):
    """A file named heldout_* keeps its failures unread: `--show-errors` lists a helper file's wrong pairs and
    only the figures of a held-out one (TEST FIXTURE pair, wrongly labelled on purpose so that it is a failure)."""
    import json

    from evals.probes import main

    row = {"id": "x-1", "kind": "paraphrase", "label": "supported", "claim": "The bridge closed on Monday.",
           "evidence": "The bridge reopened on Friday."}
    for name in ("helper_x.jsonl", "heldout_x.jsonl"):
        (tmp_path / name).write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert main([str(tmp_path / "helper_x.jsonl"), "--show-errors"]) == 0
    assert "x-1" in capsys.readouterr().out
    assert main([str(tmp_path / "heldout_x.jsonl"), "--show-errors"]) == 0
    out = capsys.readouterr().out
    assert "balanced accuracy" in out and "x-1" not in out and "The bridge closed" not in out


def test_refusals_are_counted_by_the_check_that_made_them(tmp_path, capsys):
    """`--by-check` credits each refusal to one check, counts a refused false claim as right and a refused true one as
    wrong, and its net shares add up to the file's balanced accuracy less one half; it prints no pair (TEST FIXTURE
    pairs: a true restatement, a changed number, a changed day, and a true claim refused for a changed verb)."""
    import json

    from evals.probes import main, refusals_by_check, score_file

    rows = [
        ("paraphrase", "supported", "The bridge reopened on Friday.", "The bridge reopened on Friday."),
        ("changed_number", "not_supported", "The council cut 40 jobs.", "The council cut 30 jobs."),
        ("wrong_date", "not_supported", "The mill closed on Monday.", "The mill closed on Tuesday."),
        ("paraphrase", "supported", "The museum purchased the vase for £9,000.",
         "The museum bought the vase for £9,000."),
    ]
    path = tmp_path / "heldout_y.jsonl"
    path.write_text("".join(json.dumps({"id": f"y-{i}", "kind": k, "label": lab, "claim": c, "evidence": e}) + "\n"
                            for i, (k, lab, c, e) in enumerate(rows)), encoding="utf-8")
    counts = refusals_by_check([path])
    figures, wrong = score_file(path)
    assert sum(c["right"] for c in counts.values()) == 2  # both false claims refused, each by one check
    assert sum(c["wrong"] for c in counts.values()) == sum(row["label"] == "supported" for row in wrong)
    assert abs(sum(c["net"] for c in counts.values()) - (figures["balanced_accuracy"] - 0.5)) < 1e-9
    assert all("." in site and ":" in site for site in counts)  # module.function:line
    assert main([str(path), "--by-check"]) == 0
    out = capsys.readouterr().out
    assert "right" in out and "The council" not in out and "y-1" not in out


def test_unseen_questions_quote_the_articles_they_credit():
    """Every key fact of the unseen questions (and each of its alternatives) is in the seed article it is credited
    to, every "both" question has facts from two articles, and a "none" question (to be abstained on) has none."""
    from evals.unseen import load

    root = Path(__file__).resolve().parent.parent
    texts = {f"seed-{p.name[:3]}": p.read_text(encoding="utf-8") for p in (root / "seeds").glob("*.txt")}
    for name in ("session25.jsonl", "session26.jsonl", "session27.jsonl", "session36.jsonl"):
        questions = load(root / "evals" / "data" / "unseen_questions" / name)
        assert len(questions) == 24 and len({q.id for q in questions}) == 24
        for q in questions:
            assert q.kind in ("both", "single", "none"), (name, q.id)
            assert bool(q.key_facts) == (q.kind != "none"), (name, q.id)  # "none": the articles do not answer it
            for fact in q.key_facts:
                assert all(alt in texts[fact.doc] for alt in fact.text.split("|")), (name, q.id, fact.text)
            if q.kind == "both":
                assert len({f.doc for f in q.key_facts}) == 2, (name, q.id)


def test_unseen_runner_names_a_bad_line_without_loading_anything(tmp_path, capsys):
    """A malformed questions file is an error naming its line (exit 2), before any model is loaded."""
    from evals.unseen import main

    bad = tmp_path / "q.jsonl"
    bad.write_text('{"id": "u01", "kind": "both", "question": "Q?", "key_facts": []}\n{"id": "u02"}\n',
                   encoding="utf-8")
    assert main([str(bad)]) == 2
    assert f"{bad}:2: kind: Field required" in capsys.readouterr().err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    assert main([str(empty)]) == 2
    assert "holds no questions" in capsys.readouterr().err
