"""CLI: python -m knowledge build | check | ask "question" --province X [--lang vi] [--role host] | docs."""

from __future__ import annotations

import argparse
import json
import sys
import time

from knowledge.errors import KnowledgeError


def _build() -> int:
    from knowledge.builder.build import build, write  # spaCy only for the builder

    started = time.perf_counter()
    kb, report = build()
    write(kb, report)
    print(
        f"wrote knowledge/data/kb.json ({report['units_total']} units) in {time.perf_counter() - started:.2f} s"
    )
    return 0


def _check() -> int:
    from knowledge.builder.build import DATA, build, dump

    kb, report = build(progress=lambda _line: None)
    stale = [
        name
        for name, data in (("kb.json", kb), ("build_report.json", report))
        if not (DATA / name).exists() or (DATA / name).read_text(encoding="utf-8") != dump(data)
    ]
    if stale:
        print(f"stale: {', '.join(stale)}; run `python -m knowledge build`", file=sys.stderr)
        return 1
    print("knowledge base is up to date")
    return 0


def _ask(question: str, province: str | None, lang: str, role: str | None, as_json: bool) -> int:
    from knowledge import answer, find_province_in_text, render_answer, search

    if province is None:
        found = find_province_in_text(question)
        province = found[1] or found[0].name_vi if found else None
    hits = search(question, lang=lang, province=province, limit=3) or search(question, lang=lang, limit=3)
    topic = next((h.topic for h in hits if h.topic), None)
    if topic is None:
        print("no matching clause; try other words / không tìm thấy quy định phù hợp")
        return 1
    ans = answer(topic, province, role=role, lang=lang)
    if as_json:
        print(json.dumps(ans.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(f"[topic: {topic}]")
        print(render_answer(ans, lang=lang))
    return 0


def _docs() -> int:
    from knowledge.docs import write_docs, write_samples

    print(f"wrote {write_docs()} and {write_samples()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="parse the decrees and write knowledge/data/kb.json")
    sub.add_parser("check", help="exit 1 if the committed artifact is not what the builder produces")
    ask = sub.add_parser("ask", help="answer a question from the shell")
    ask.add_argument("question")
    ask.add_argument("--province")
    ask.add_argument("--lang", default="en", choices=("en", "vi"))
    ask.add_argument("--role", choices=("foreigner", "host", "employer"))
    ask.add_argument("--json", action="store_true")
    sub.add_parser("docs", help="regenerate docs/answers.md and docs/knowledge/answers-by-role.md")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            return _build()
        if args.command == "check":
            return _check()
        if args.command == "docs":
            return _docs()
        return _ask(args.question, args.province, args.lang, args.role, args.json)
    except KnowledgeError as e:
        print(str(e), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
