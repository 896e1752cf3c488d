"""CLI: python -m knowledge build | check | ask "question" [--province X] [--lang vi] [--facet fee] | docs."""

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


_ASK_KEYWORDS = ("topic", "facet", "province", "role", "zone", "lang")


def _ask(args: argparse.Namespace) -> int:
    from knowledge import ask, render_reply

    # each option of the `ask` command is the keyword of knowledge.ask it sets
    reply = ask(args.question, **{name: getattr(args, name) for name in _ASK_KEYWORDS})
    if args.json:
        print(json.dumps(reply.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(f"[topic: {reply.topic}, facet: {reply.facet}, covered: {reply.covered}]")
        print(render_reply(reply, args.lang))
    return 0 if reply.covered else 1


def _docs() -> int:
    from knowledge.docs import write_docs, write_samples

    print(f"wrote {write_docs()} and {write_samples()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build", help="parse the decrees and write knowledge/data/kb.json")
    sub.add_parser("check", help="exit 1 if the committed artifact is not what the builder produces")
    ask = sub.add_parser("ask", help="answer a question from the shell (knowledge.ask)")
    ask.add_argument("question")
    ask.add_argument("--province")
    ask.add_argument("--topic", help="else detected from the question")
    ask.add_argument("--facet", help="else detected from the question")
    ask.add_argument("--zone", choices=("inside", "outside"))
    ask.add_argument("--lang", default="en", choices=("en", "vi", "zh", "ko"))
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
        return _ask(args)
    except KnowledgeError as e:
        print(str(e), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
