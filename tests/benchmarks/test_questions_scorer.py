"""The question-set scorer judges replies as the brief says; the fake target here is the scorer's own
input (a function from question to reply), not a stand-in for any part of the product."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.questions import (
    Question,
    Reply,
    ScorerError,
    fold,
    judge,
    load_questions,
    markdown,
    score,
    write_report,
)

NOT_COVERED = {
    "en": "The documents on file do not answer this.",
    "vi": "Văn bản hiện có không trả lời câu này.",
}


def question(**overrides: object) -> Question:
    values: dict[str, object] = {
        "id": "q-1",
        "question": "How much is the fine for not declaring a foreign guest?",
        "lang": "en",
        "topic": "temporary_residence",
        "facet": "penalty",
        "answerable": True,
        "facts": (("3-5 million", "3.000.000 đến 5.000.000"),),
        "sources": ("282/2025/NĐ-CP",),
        "source_kind": "forum",
        "split": "test",
    }
    values.update(overrides)
    return Question(**values)  # type: ignore[arg-type]


def test_fold_ignores_case_diacritics_dashes_and_spacing() -> None:
    assert fold("Phạt  tiền từ 3.000.000 ĐỒNG") == "phat tien tu 3.000.000 dong"
    assert fold("3 – 5 million") == fold("3-5 million") == "3-5 million"
    assert fold("Nghị định 282/2025/NĐ-CP") == "nghi dinh 282/2025/nd-cp"


def test_answerable_needs_every_fact_and_a_source() -> None:
    q = question()
    ok = judge(q, Reply("Fine: VND 3–5 million (Decree 282/2025/NĐ-CP, Art. 21)."), "")
    assert ok.answered and ok.reason == ""
    no_source = judge(q, Reply("Fine: VND 3-5 million."), "")
    assert not no_source.answered and "names none" in no_source.reason
    no_fact = judge(q, Reply("See Decree 282/2025/ND-CP."), "")
    assert not no_fact.answered and "missing fact" in no_fact.reason


def test_a_source_is_named_by_its_number_and_year_core_or_by_a_citation() -> None:
    q = question()
    assert judge(q, Reply("Phạt 3.000.000 đến 5.000.000 đồng (Nghị định 282/2025, Điều 21)."), "").answered
    assert judge(q, Reply("Fine: 3-5 million.", cited=("282/2025/NĐ-CP",)), "").answered
    assert not judge(q, Reply("Fine: 3-5 million (Decree 144/2021)."), "").answered


def test_one_of_several_sources_is_enough_but_every_fact_counts() -> None:
    q = question(
        facts=(("2 years", "2 năm"), ("once", "một lần")),
        sources=("219/2025/NĐ-CP", "45/2019/QH14"),
        topic="work_permit",
        facet="validity",
    )
    assert judge(q, Reply("Up to 2 years, extended once (Labour Code 45/2019/QH14, Art. 155)."), "").answered
    assert not judge(q, Reply("Up to 2 years (Decree 219/2025/NĐ-CP)."), "").answered


def test_not_answerable_uses_covered_flag_or_the_fixed_sentence() -> None:
    q = question(answerable=False, facts=(), sources=())
    text = NOT_COVERED["en"]
    assert judge(q, Reply("anything", covered=False), text).answered
    assert not judge(q, Reply(f"{text} ...", covered=True), text).answered
    assert judge(q, Reply(f"{text} Ask the provincial health department."), text).answered
    summary = judge(q, Reply("Work permits are issued by the province."), text)
    assert not summary.answered and "do not cover" in summary.reason


def test_score_breaks_down_by_topic_language_and_facet_and_lists_misses() -> None:
    questions = [
        question(id="q-a"),
        question(id="q-b", lang="vi", topic="work_permit", facet="validity", facts=(("2 năm",),)),
        question(id="q-c", answerable=False, facts=(), sources=(), topic="health_check", facet="documents"),
    ]
    replies = {
        "q-a": Reply("3-5 million (282/2025/NĐ-CP)"),
        "q-b": Reply("Giấy phép lao động có thời hạn tối đa 3 năm (219/2025/NĐ-CP)."),
        "q-c": Reply(NOT_COVERED["en"]),
    }
    report = score(
        questions, lambda q: replies[q.id], lambda lang: NOT_COVERED[lang], target="fake", split="test"
    )
    data = report.as_dict()
    assert data["overall"] == {"answered": 2, "total": 3, "share": 0.667}
    assert data["by_lang"]["vi"] == {"answered": 0, "total": 1, "share": 0.0}
    assert data["by_topic"]["health_check"]["answered"] == 1
    assert data["by_facet"]["validity"]["total"] == 1
    assert [m["id"] for m in data["misses"]] == ["q-b"]
    assert data["misses"][0]["reply"].startswith("Giấy phép lao động")
    text = markdown(data)
    assert "2/3" in text and "q-b" in text and "| vi | 0 | 1 | 0.0% |" in text


def test_reply_preview_is_cut_at_200_characters(tmp_path: Path) -> None:
    q = question()
    report = score([q], lambda _: Reply("x" * 500), lambda _: "", target="fake", split="dev")
    json_path, md_path = write_report(report, tmp_path)
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert len(data["misses"][0]["reply"]) == 200
    assert json_path.name == "questions-fake-dev.json" and md_path.exists()


def test_only_the_test_split_writes_the_reported_results_file(tmp_path: Path) -> None:
    for split, name in (("test", "questions-fake.json"), ("tune", "questions-fake-tune.json")):
        report = score([question()], lambda _: Reply(""), lambda _: "", target="fake", split=split)
        assert write_report(report, tmp_path)[0].name == name


def test_load_questions_reads_the_real_files_and_rejects_broken_ones(tmp_path: Path) -> None:
    dev, test, tune = load_questions("dev"), load_questions("test"), load_questions("tune")
    assert len(load_questions("all")) == len(dev) + len(test) + len(tune)
    assert {q.split for q in dev} == {"dev"} and {q.split for q in tune} == {"tune"}
    (tmp_path / "dev.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ScorerError):
        load_questions("dev", tmp_path)
    with pytest.raises(ScorerError):
        load_questions("test", tmp_path)
