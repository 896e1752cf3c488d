"""Summarise one `rasa test nlu` run on the held-out split: intent macro-F1, facet F1 and province F1 per language.

    python -m scripts.nlu_report RESULTS_DIR [--nlu tests/nlu] [--fail-under 0.95]

Rasa scores all held-out files together, but the target is per language: qa_en + core_en vs
qa_vi + core_vi + facet_vi, qa_zh, qa_ko (the language is the file name's suffix). Each
held-out sentence is mapped back to its file by its text (tests/test_nlu_data.py keeps them unique).
Predictions come from intent_successes.json / intent_errors.json (`rasa test nlu --successes`);
without the successes file, a sentence missing from the errors file was predicted right, which is
what Rasa means by leaving it out. Entities likewise: DIETClassifier_errors.json lists every
sentence with a wrong token, so any other sentence got exactly its gold spans.

Facets (what a question asks: documents, fee, penalty...) are found by the RegexEntityExtractor and mapped to
facet names by the EntitySynonymMapper. Facet F1 counts (sentence, facet name) pairs over the held-out files
that annotate facets (facet_*.yml, qa_zh.yml, qa_ko.yml), from RegexEntityExtractor_successes.json /
_errors.json; a sentence in neither file got exactly its gold facets.

Macro-F1 is scikit-learn's (and Rasa's) definition: the mean over every label that is either
gold or predicted in that language, so predicting an intent the language's files never use costs a
zero-F1 class, not only a recall point. Writes RESULTS_DIR/summary.json and prints a short table.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Rasa's markup: [text](entity), [text](entity:value) or [text]{"entity": ..., "value": ...}.
_ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\((?P<short>[^)]+)\)|(?P<json>\{[^}]+\}))")
PROVINCE = "province"
FACET = "facet"
FACET_EXTRACTOR = "RegexEntityExtractor"
FACET_LOOKUP = ROOT / "nlu_data" / "qa" / "facet_lookup.yml"


class ReportError(Exception):
    """The results directory or the held-out files cannot be read as a `rasa test nlu` run."""


Span = tuple[int, int, str]  # start, end, entity type


@dataclass(frozen=True)
class HeldOut:
    text: str
    intent: str
    group: str  # language: "en", "vi", "zh", "ko"
    spans: frozenset[Span]
    facets: frozenset[str] = frozenset()
    facet_file: bool = False  # its file annotates facets, so an unannotated sentence asks none


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


@dataclass
class GroupResult:
    files: set[str] = field(default_factory=set)
    pairs: list[tuple[HeldOut, str, float | None]] = field(default_factory=list)
    province: Scores = field(default_factory=Scores)
    facet: Scores = field(default_factory=Scores)


def parse_example(example: str) -> tuple[str, frozenset[Span]]:
    """Plain text of a markup example and its entity spans (offsets in the plain text)."""
    parts: list[str] = []
    spans: set[Span] = set()
    position = 0
    length = 0
    for match in _ANNOTATION.finditer(example):
        before = example[position : match.start()]
        parts.append(before)
        length += len(before)
        text = match.group("text")
        if match.group("json"):
            entity = str(json.loads(match.group("json"))["entity"])
        else:
            entity = match.group("short").partition(":")[0]
        spans.add((length, length + len(text), entity))
        parts.append(text)
        length += len(text)
        position = match.end()
    parts.append(example[position:])
    return "".join(parts).strip(), frozenset(spans)


def facet_values(example: str) -> frozenset[str]:
    """The facet names annotated in a markup example."""
    found = set()
    for match in _ANNOTATION.finditer(example):
        if match.group("json"):
            spec = json.loads(match.group("json"))
            if spec.get("entity") == FACET:
                found.add(str(spec.get("value", match.group("text"))))
        elif match.group("short").partition(":")[0] == FACET:
            found.add(match.group("short").partition(":")[2] or match.group("text"))
    return frozenset(found)


def language_of(path: Path) -> str:
    """qa_en.yml -> en, core_vi.yml -> vi, qa_zh.yml -> zh."""
    _, sep, suffix = path.stem.partition("_")
    return suffix if sep else path.stem


def load_held_out(nlu_dir: Path) -> dict[str, HeldOut]:
    files = sorted(nlu_dir.glob("*.yml"))
    if not files:
        raise ReportError(f"no held-out files in {nlu_dir}")
    held_out: dict[str, HeldOut] = {}
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        facet_file = '"entity": "facet"' in path.read_text(encoding="utf-8")
        for block in data.get("nlu") or []:
            if "intent" not in block:
                continue
            for line in str(block["examples"]).splitlines():
                line = line.strip()
                if not line.startswith("- "):
                    continue
                text, spans = parse_example(line[2:].strip())
                if text in held_out:
                    raise ReportError(f"{path.name}: {text!r} is held out twice; sentences must be unique")
                example = line[2:].strip()
                held_out[text] = HeldOut(
                    text, str(block["intent"]), language_of(path), spans, facet_values(example), facet_file
                )
    return held_out


def _read_json_list(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ReportError(f"{path}: expected a JSON list")
    return data


def intent_predictions(results: Path, held_out: dict[str, HeldOut]) -> dict[str, tuple[str, float | None]]:
    """Predicted intent (and confidence) for every held-out text."""
    successes_file = results / "intent_successes.json"
    if not (results / "intent_report.json").exists():
        raise ReportError(f"{results}/intent_report.json missing: is this a `rasa test nlu` output dir?")
    predicted: dict[str, tuple[str, float | None]] = {}
    for row in _read_json_list(successes_file) + _read_json_list(results / "intent_errors.json"):
        guess = row.get("intent_prediction") or {}
        predicted[str(row["text"]).strip()] = (str(guess.get("name")), guess.get("confidence"))
    unknown = sorted(set(predicted) - set(held_out))
    if unknown:
        raise ReportError(f"results name sentences not in the held-out files (stale run?): {unknown[:5]}")
    missing = [text for text in held_out if text not in predicted]
    if missing and successes_file.exists():
        raise ReportError(f"{len(missing)} held-out sentences have no prediction, e.g. {missing[:3]}")
    for text in missing:  # no successes file: not an error, so predicted right
        predicted[text] = (held_out[text].intent, None)
    return predicted


def entity_predictions(results: Path, held_out: dict[str, HeldOut]) -> dict[str, frozenset[Span]]:
    """Predicted entity spans for every held-out text (gold spans where Rasa listed no error)."""
    predicted = {text: example.spans for text, example in held_out.items()}
    rows = _read_json_list(results / "DIETClassifier_successes.json")
    rows += _read_json_list(results / "DIETClassifier_errors.json")  # later rows win
    for row in rows:
        text = str(row["text"]).strip()
        if text in predicted:
            predicted[text] = frozenset(
                (int(e["start"]), int(e["end"]), str(e["entity"]))
                for e in row.get("predicted_entities") or []
            )
    return predicted


def facet_synonyms() -> dict[str, str]:
    """Matched phrase (lower case) -> facet name, from the generated facet table."""
    data = yaml.safe_load(FACET_LOOKUP.read_text(encoding="utf-8")) or {}
    return {
        line[2:].strip().lower(): str(block["synonym"])
        for block in data.get("nlu") or []
        if "synonym" in block
        for line in str(block["examples"]).splitlines()
        if line.strip().startswith("- ")
    }


def facet_predictions(results: Path, held_out: dict[str, HeldOut]) -> dict[str, frozenset[str]]:
    """Predicted facet names for every held-out text (gold where the extractor's files list no row)."""
    synonyms = facet_synonyms()
    predicted = {text: example.facets for text, example in held_out.items()}
    rows = _read_json_list(results / f"{FACET_EXTRACTOR}_successes.json")
    rows += _read_json_list(results / f"{FACET_EXTRACTOR}_errors.json")
    for row in rows:
        text = str(row["text"]).strip()
        if text in predicted:
            predicted[text] = frozenset(
                synonyms.get(str(e.get("value", "")).lower(), str(e.get("value")))
                for e in row.get("predicted_entities") or []
                if e.get("entity") == FACET
            )
    return predicted


def intent_scores(pairs: list[tuple[HeldOut, str, float | None]]) -> dict[str, Scores]:
    scores: dict[str, Scores] = defaultdict(Scores)
    for example, guess, _ in pairs:
        if guess == example.intent:
            scores[guess].tp += 1
        else:
            scores[example.intent].fn += 1
            scores[guess].fp += 1
    return dict(sorted(scores.items()))


def province_scores(gold: frozenset[Span], guess: frozenset[Span]) -> Scores:
    gold_p = {s for s in gold if s[2] == PROVINCE}
    guess_p = {s for s in guess if s[2] == PROVINCE}
    return Scores(tp=len(gold_p & guess_p), fp=len(guess_p - gold_p), fn=len(gold_p - guess_p))


def summarise(results: Path, nlu_dir: Path) -> dict[str, Any]:
    held_out = load_held_out(nlu_dir)
    intents = intent_predictions(results, held_out)
    entities = entity_predictions(results, held_out)
    facets = facet_predictions(results, held_out)
    groups: dict[str, GroupResult] = defaultdict(GroupResult)
    for path in sorted(nlu_dir.glob("*.yml")):
        groups[language_of(path)].files.add(path.name)
    for text, example in held_out.items():
        group = groups[example.group]
        guess, confidence = intents[text]
        group.pairs.append((example, guess, confidence))
        found = province_scores(example.spans, entities[text])
        group.province.tp += found.tp
        group.province.fp += found.fp
        group.province.fn += found.fn
        if example.facet_file:
            group.facet.tp += len(example.facets & facets[text])
            group.facet.fp += len(facets[text] - example.facets)
            group.facet.fn += len(example.facets - facets[text])

    languages: dict[str, Any] = {}
    for name, group in sorted(groups.items()):
        per_intent = intent_scores(group.pairs)
        support = Counter(example.intent for example, _, _ in group.pairs)
        macro = sum(s.f1() for s in per_intent.values()) / len(per_intent) if per_intent else 0.0
        correct = sum(1 for example, guess, _ in group.pairs if guess == example.intent)
        languages[name] = {
            "files": sorted(group.files),
            "examples": len(group.pairs),
            "intent_macro_f1": round(macro, 4),
            "intent_accuracy": round(correct / len(group.pairs), 4) if group.pairs else None,
            "intents": {
                intent: {
                    "precision": round(s.precision(), 4),
                    "recall": round(s.recall(), 4),
                    "f1": round(s.f1(), 4),
                    "support": support.get(intent, 0),
                }
                for intent, s in per_intent.items()
            },
            "errors": [
                {"text": example.text, "intent": example.intent, "predicted": guess, "confidence": confidence}
                for example, guess, confidence in group.pairs
                if guess != example.intent
            ],
            "province_f1": round(group.province.f1(), 4) if group.province.tp + group.province.fn else None,
            "province_counts": {"tp": group.province.tp, "fp": group.province.fp, "fn": group.province.fn},
            "facet_f1": round(group.facet.f1(), 4) if group.facet.tp + group.facet.fn else None,
            "facet_counts": {"tp": group.facet.tp, "fp": group.facet.fp, "fn": group.facet.fn},
            "facet_errors": [
                {"text": text, "gold": sorted(example.facets), "predicted": sorted(facets[text])}
                for text, example in held_out.items()
                if example.group == name and example.facet_file and example.facets != facets[text]
            ],
        }

    report_file = results / "intent_report.json"
    overall = json.loads(report_file.read_text(encoding="utf-8"))
    summary: dict[str, Any] = {
        "intent_macro_f1": (overall.get("macro avg") or {}).get("f1-score"),
        "intent_accuracy": overall.get("accuracy"),
        "languages": languages,
    }
    entity_file = results / "DIETClassifier_report.json"
    if entity_file.exists():
        report = json.loads(entity_file.read_text(encoding="utf-8"))
        # Rasa's own token-level F1 over all files, per entity type.
        summary["entity_f1"] = {k: v.get("f1-score") for k, v in report.items() if isinstance(v, dict)}
    return summary


def render(summary: dict[str, Any], low: float = 0.9) -> list[str]:
    lines = [
        f"NLU held-out, all files: intent macro-F1 {summary['intent_macro_f1']:.3f}"
        if summary.get("intent_macro_f1") is not None
        else "NLU held-out: no intents"
    ]
    for name, lang in summary["languages"].items():
        province, facet = lang["province_f1"], lang["facet_f1"]
        lines.append(
            f"  {name:<6} ({'+'.join(f.removesuffix('.yml') for f in lang['files'])}, {lang['examples']} ex): "
            f"intent macro-F1 {lang['intent_macro_f1']:.3f}, accuracy {lang['intent_accuracy']:.3f}, "
            f"facet F1 {'n/a' if facet is None else f'{facet:.3f}'}, "
            f"province F1 {'n/a' if province is None else f'{province:.3f}'}"
        )
        weak = {i: s["f1"] for i, s in lang["intents"].items() if s["f1"] < low}
        if weak:
            lines.append(f"         below {low}: " + ", ".join(f"{i} {f:.2f}" for i, f in weak.items()))
        for error in lang["errors"]:
            lines.append(f"         {error['text']!r}: {error['intent']} -> {error['predicted']}")
        for miss in lang["facet_errors"]:
            lines.append(f"         facet {miss['text']!r}: {miss['gold']} -> {miss['predicted']}")
    if "entity_f1" in summary:
        entity = ", ".join(
            f"{k} {v:.3f}" for k, v in summary["entity_f1"].items() if v is not None and "avg" not in k
        )
        lines.append(f"  entities (Rasa token-level, all files): {entity}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("results_dir", type=Path, help="the --out directory of `rasa test nlu`")
    parser.add_argument("--nlu", type=Path, default=ROOT / "tests" / "nlu", help="held-out files")
    parser.add_argument(
        "--fail-under",
        type=float,
        default=None,
        help="exit 1 if a target language's intent macro-F1 or facet F1 is below this",
    )
    parser.add_argument("--targets", default="en,vi,zh,ko", help="languages --fail-under applies to")
    args = parser.parse_args(argv)
    try:
        summary = summarise(args.results_dir, args.nlu)
    except (ReportError, OSError, ValueError, KeyError) as error:
        print(f"nlu_report: {error}", file=sys.stderr)
        return 2
    (args.results_dir / "summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print("\n".join(render(summary)))
    if args.fail_under is not None:
        targets = {name.strip() for name in args.targets.split(",") if name.strip()}
        below = [
            f"{name} {measure}"
            for name, lang in summary["languages"].items()
            if name in targets
            for measure in ("intent_macro_f1", "facet_f1")
            if lang[measure] is not None and lang[measure] < args.fail_under
        ]
        if below:
            print(f"below {args.fail_under}: {', '.join(below)}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
