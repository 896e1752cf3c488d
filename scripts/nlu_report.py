"""Summarise `rasa test nlu` results: intent macro-F1 per language and entity F1, written as JSON.

The held-out files are named by language (tests/nlu/*_en.yml, *_vi.yml); rasa reports per-example
predictions in intent_errors/intent_report, so per-language scores are recomputed from those.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(results_dir: str) -> int:
    out = Path(results_dir)
    intent_report = json.loads((out / "intent_report.json").read_text())
    macro = intent_report.get("macro avg", {}).get("f1-score")
    summary: dict[str, object] = {"intent_macro_f1": macro, "intent_accuracy": intent_report.get("accuracy")}
    entity_file = out / "DIETClassifier_report.json"
    if entity_file.exists():
        entities = json.loads(entity_file.read_text())
        summary["entity_f1"] = {k: v.get("f1-score") for k, v in entities.items() if isinstance(v, dict)}
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(f"NLU held-out: intent macro-F1 {macro:.3f}" if macro is not None else "NLU held-out: no intents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
