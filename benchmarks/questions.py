"""Score the assistant on real questions people asked (tests/questions/{dev,test,tune}.jsonl).

Targets:
  --target knowledge   knowledge.ask(question, lang=...) + knowledge.render_reply (the query API)
  --target bot         each question as the first message of a new conversation, through Rasa's REST
                       channel (bot/rasa_client.py) at --rasa-url, or on a stack this command starts
                       itself (--start-stack: bot.stack.running_stack on free ports)

A question counts as answered when
  answerable:     every fact has one of its spellings in the reply and at least one of the question's
                  sources is named (the document number, e.g. "282/2025/NĐ-CP" or its "282/2025" core);
  not answerable: the knowledge reply says covered is False / the bot reply contains
                  knowledge.not_covered_text(lang).
Matching is on folded text: lowercase, diacritics removed (đ -> d), dashes unified, whitespace collapsed.

Writes benchmarks/results/questions-<target>.json and .md for the test split, questions-<target>-<split>.*
for the others (per topic, language, facet, source kind, and
every miss with the first 200 characters of the reply).

Run: PYTHONPATH=$PWD .venv/bin/python benchmarks/questions.py --target knowledge --split test
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
import time
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

REPO = Path(__file__).resolve().parents[1]
# Appended, not prepended: a PYTHONPATH pointing at another worktree's knowledge/ must win.
if str(REPO) not in sys.path:
    sys.path.append(str(REPO))

QUESTIONS_DIR = REPO / "tests" / "questions"
RESULTS_DIR = REPO / "benchmarks" / "results"
SPLITS = ("dev", "test", "tune")  # --split all reads every file
REPLY_PREVIEW_CHARS = 200
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_DOC_CORE = re.compile(r"^(\d+/\d{4})")


class ScorerError(Exception):
    """The question files or the target could not be used."""


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    lang: str
    topic: str
    facet: str
    answerable: bool
    facts: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...]
    source_kind: str
    split: str

    @classmethod
    def from_json(cls, raw: dict[str, Any], split: str) -> Question:
        return cls(
            id=str(raw["id"]),
            question=str(raw["question"]),
            lang=str(raw["lang"]),
            topic=str(raw["topic"]),
            facet=str(raw["facet"]),
            answerable=bool(raw["answerable"]),
            facts=tuple(tuple(str(alt) for alt in fact) for fact in raw["facts"]),
            sources=tuple(str(s) for s in raw["sources"]),
            source_kind=str(raw["source_kind"]),
            split=split,
        )


@dataclass(frozen=True)
class Reply:
    """What a target said to one question: the text a user sees, and what the target says it covers."""

    text: str
    covered: bool | None = None  # None: the target does not say (the bot); decided from the text
    cited: tuple[str, ...] = ()  # document numbers the target cites outside the text, if any


@dataclass
class Outcome:
    question: Question
    answered: bool
    reason: str
    reply: Reply


@dataclass
class Tally:
    total: int = 0
    answered: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.answered += int(ok)

    def as_dict(self) -> dict[str, float | int]:
        share = self.answered / self.total if self.total else 0.0
        return {"answered": self.answered, "total": self.total, "share": round(share, 3)}


@dataclass
class Report:
    target: str
    split: str
    outcomes: list[Outcome] = field(default_factory=list)

    def breakdown(self, key: Callable[[Question], str]) -> dict[str, dict[str, float | int]]:
        tallies: dict[str, Tally] = defaultdict(Tally)
        for outcome in self.outcomes:
            tallies[key(outcome.question)].add(outcome.answered)
        return {name: tallies[name].as_dict() for name in sorted(tallies)}

    def as_dict(self) -> dict[str, Any]:
        overall = Tally()
        for outcome in self.outcomes:
            overall.add(outcome.answered)
        return {
            "target": self.target,
            "split": self.split,
            "overall": overall.as_dict(),
            "by_topic": self.breakdown(lambda q: q.topic),
            "by_lang": self.breakdown(lambda q: q.lang),
            "by_facet": self.breakdown(lambda q: q.facet),
            "by_source_kind": self.breakdown(lambda q: q.source_kind),
            "by_answerable": self.breakdown(lambda q: "answerable" if q.answerable else "not_covered"),
            "misses": [
                {
                    "id": o.question.id,
                    "split": o.question.split,
                    "lang": o.question.lang,
                    "topic": o.question.topic,
                    "facet": o.question.facet,
                    "question": o.question.question,
                    "reason": o.reason,
                    "reply": o.reply.text[:REPLY_PREVIEW_CHARS],
                }
                for o in self.outcomes
                if not o.answered
            ],
        }


def fold(text: str) -> str:
    """Lowercase, strip diacritics (đ -> d), unify dashes, collapse whitespace and spaces around '-'."""
    text = text.replace("đ", "d").replace("Đ", "D").translate(_DASHES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    collapsed = " ".join(stripped.lower().split())
    return re.sub(r"\s*-\s*", "-", collapsed)


def source_spellings(source: str) -> tuple[str, ...]:
    """The full document number and its number/year core ("282/2025/NĐ-CP" -> also "282/2025")."""
    core = _DOC_CORE.match(source)
    return (source, core.group(1)) if core else (source,)


def names_source(reply: Reply, sources: Iterable[str]) -> bool:
    haystack = fold(" ".join((reply.text, *reply.cited)))
    return any(fold(spelling) in haystack for s in sources for spelling in source_spellings(s))


def missing_facts(reply: Reply, facts: Iterable[Sequence[str]]) -> list[str]:
    haystack = fold(reply.text)
    return [fact[0] for fact in facts if not any(fold(alt) in haystack for alt in fact)]


def judge(question: Question, reply: Reply, not_covered_text: str) -> Outcome:
    if not question.answerable:
        said_not_covered = (
            reply.covered is False
            if reply.covered is not None
            else bool(not_covered_text) and fold(not_covered_text) in fold(reply.text)
        )
        reason = "" if said_not_covered else "should say the sources do not cover it"
        return Outcome(question, said_not_covered, reason, reply)
    missing = missing_facts(reply, question.facts)
    cited = names_source(reply, question.sources)
    problems = [f"missing fact {m!r}" for m in missing]
    if not cited:
        problems.append(f"names none of {list(question.sources)}")
    return Outcome(question, not problems, "; ".join(problems), reply)


def load_questions(split: str, directory: Path = QUESTIONS_DIR) -> list[Question]:
    names = SPLITS if split == "all" else (split,)
    questions: list[Question] = []
    for name in names:
        path = directory / f"{name}.jsonl"
        if not path.exists():
            raise ScorerError(f"No question file {path}")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    questions.append(Question.from_json(json.loads(line), name))
                except (ValueError, KeyError, TypeError) as error:
                    raise ScorerError(f"{path}:{number}: {error}") from error
    return questions


AnswerFn = Callable[[Question], Reply]


def score(
    questions: Sequence[Question],
    answer: AnswerFn,
    not_covered_text: Callable[[str], str],
    *,
    target: str,
    split: str,
) -> Report:
    report = Report(target=target, split=split)
    for question in questions:
        report.outcomes.append(judge(question, answer(question), not_covered_text(question.lang)))
    return report


ContractApi = tuple[Callable[..., Any], Callable[..., str], Callable[[str], str]]


def contract_api() -> ContractApi:
    """ask, render_reply and not_covered_text from the knowledge package on the path (kb contract)."""
    try:
        import knowledge
    except ImportError as error:
        raise ScorerError(f"knowledge is not importable: {error}") from error
    api = vars(knowledge)
    missing = [name for name in ("ask", "render_reply", "not_covered_text") if name not in api]
    if missing:
        raise ScorerError(
            f"knowledge has no {', '.join(missing)}: this branch predates the knowledge contract"
        )
    return (
        cast(Callable[..., Any], api["ask"]),
        cast(Callable[..., str], api["render_reply"]),
        cast(Callable[[str], str], api["not_covered_text"]),
    )


def knowledge_target() -> tuple[AnswerFn, Callable[[str], str]]:
    """The query API of the knowledge contract (standard library only, both interpreters)."""
    ask, render_reply, not_covered_text = contract_api()

    def answer(question: Question) -> Reply:
        reply = ask(question.question, lang=question.lang)
        text = render_reply(reply, question.lang)
        cited = tuple(
            str(getattr(c, "doc_number", "") or getattr(c, "number", "") or "") for c in reply.citations
        )
        return Reply(text=text, covered=bool(reply.covered), cited=cited)

    return answer, not_covered_text


def bot_answers(questions: Sequence[Question], rasa_url: str, cli_secret: str) -> dict[str, Reply]:
    """Each question as the first message of a fresh conversation; all bot messages of that turn.
    Rasa's channel takes signed calls only: this signs as the terminal chat (CLI_CHANNEL_SECRET)."""
    from bot.rasa_client import ChannelCredentials, RasaClient, RasaError

    async def run() -> dict[str, Reply]:
        replies: dict[str, Reply] = {}
        async with RasaClient(rasa_url, ChannelCredentials("cli", cli_secret), timeout=60.0) as client:
            for question in questions:
                sender = f"questions-{question.id}-{uuid.uuid4().hex[:8]}"
                try:
                    messages = await client.send(sender, question.question)
                except RasaError as error:
                    replies[question.id] = Reply(text=f"[no reply: {error}]")
                    continue
                parts = [m.text for m in messages if m.text]
                parts += [b.title for m in messages for b in m.buttons]
                replies[question.id] = Reply(text="\n".join(parts))
        return replies

    return asyncio.run(run())


def bot_not_covered_text() -> Callable[[str], str]:
    return contract_api()[2]


def markdown(report: dict[str, Any]) -> str:
    overall = report["overall"]
    lines = [
        f"# Real-question score: {report['target']} ({report['split']} split)",
        "",
        f"Answered with the expected facts and a source: **{overall['answered']}/{overall['total']}"
        f" ({overall['share']:.1%})**.",
        "",
    ]
    for title, key in (
        ("Topic", "by_topic"),
        ("Language", "by_lang"),
        ("Facet", "by_facet"),
        ("Source kind", "by_source_kind"),
        ("Answerable on file", "by_answerable"),
    ):
        lines += [
            f"## By {title.lower()}",
            "",
            f"| {title} | answered | total | share |",
            "|---|---|---|---|",
        ]
        for name, tally in report[key].items():
            lines.append(f"| {name} | {tally['answered']} | {tally['total']} | {tally['share']:.1%} |")
        lines.append("")
    lines += [f"## Misses ({len(report['misses'])})", ""]
    for miss in report["misses"]:
        reply = " ".join(miss["reply"].split()).replace("|", "\\|")
        lines.append(
            f"- `{miss['id']}` [{miss['lang']}/{miss['topic']}/{miss['facet']}] {miss['question'][:120]}"
        )
        lines.append(f"  - {miss['reason']}; reply: {reply or '(empty)'}")
    return "\n".join(lines) + "\n"


def results_stem(target: str, split: str) -> str:
    """questions-<target> for the held-out test split (the reported score); other splits get their own
    files so a dev or tune run never overwrites it."""
    return f"questions-{target}" if split == "test" else f"questions-{target}-{split}"


def write_report(report: Report, directory: Path = RESULTS_DIR) -> tuple[Path, Path]:
    data = report.as_dict()
    directory.mkdir(parents=True, exist_ok=True)
    stem = results_stem(report.target, report.split)
    json_path = directory / f"{stem}.json"
    md_path = directory / f"{stem}.md"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown(data), encoding="utf-8")
    return json_path, md_path


def run_bot(questions: Sequence[Question], args: argparse.Namespace) -> dict[str, Reply]:
    from deployment.table import CLI_CHANNEL_SECRET

    if not args.start_stack:
        from deployment.app_settings import AppSettings

        secret = AppSettings().require("questions benchmark", CLI_CHANNEL_SECRET.variable)
        return bot_answers(questions, args.rasa_url, secret[CLI_CHANNEL_SECRET.variable])
    from bot.stack import StackConfig, running_stack

    with tempfile.TemporaryDirectory() as tmp:
        config = StackConfig.on_free_ports(Path(tmp))
        with running_stack(config):
            return bot_answers(questions, config.rasa_url, config.secret(CLI_CHANNEL_SECRET))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="test")
    parser.add_argument("--target", choices=("knowledge", "bot"), default="knowledge")
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--start-stack", action="store_true", help="start the real stack on free ports")
    args = parser.parse_args(argv)
    try:
        questions = load_questions(args.split)
        started = time.perf_counter()
        if args.target == "knowledge":
            answer, not_covered = knowledge_target()
        else:
            replies = run_bot(questions, args)
            not_covered = bot_not_covered_text()

            def answer(question: Question) -> Reply:
                return replies[question.id]

        report = score(questions, answer, not_covered, target=args.target, split=args.split)
    except ScorerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    json_path, md_path = write_report(report)
    data = report.as_dict()
    overall = data["overall"]
    print(
        f"{args.target} on {args.split}: {overall['answered']}/{overall['total']} answered "
        f"({overall['share']:.1%}) in {time.perf_counter() - started:.1f} s -> {json_path}, {md_path}"
    )
    for key in ("by_topic", "by_lang"):
        print(key, json.dumps(data[key], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
