#!/usr/bin/env bash
# Dialogue tests on the trained model: NLU on the held-out split (tests/nlu/, never used in training)
# and story tests (tests/stories/) that fail on any prediction error. Reports go to var/dialogue-results/.
set -euo pipefail
cd "$(dirname "$0")/.."
RASA=.venv-rasa/bin/rasa
OUT=var/dialogue-results
mkdir -p "$OUT"
if compgen -G "tests/nlu/*.yml" >/dev/null; then
  $RASA test nlu --model models/assistant.tar.gz --nlu tests/nlu --config config.yml --domain bot/domain \
    --out "$OUT/nlu" --successes --no-plot > "$OUT/nlu.log" 2>&1 || { tail -40 "$OUT/nlu.log"; exit 1; }
  # The issue's target: held-out intent macro-F1 and facet F1 >= 0.95 in each of en, vi, zh, ko (round-5
  # model: en 0.971, vi 0.997, zh 0.965, ko 1.000; facet 1.000, 0.962, 0.955, 0.986; docs/dialogue.md).
  .venv/bin/python -m scripts.nlu_report "$OUT/nlu" --fail-under 0.95 --targets en,vi,zh,ko
fi
# Story tests run the custom actions, so they get their own action server on a free port.
PORT=$(.venv/bin/python -c 'from bot.stack import free_port; print(free_port())')
SANIC_HOST=127.0.0.1 .venv-rasa/bin/python -m rasa_sdk --actions actions --port "$PORT" > "$OUT/actions.log" 2>&1 &
ACTIONS_PID=$!
trap 'kill $ACTIONS_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
export ACTION_ENDPOINT_URL="http://127.0.0.1:$PORT/webhook"
# bot/endpoints.yml also names the tracker and lock stores (bot/dialogue_tier.py sets them for the
# stack): story tests get a throwaway SQLite store with its own key, and the in-memory lock.
rm -f "$OUT/trackers.sqlite3"
export TRACKER_STORE_URL="sqlite:///$PWD/$OUT/trackers.sqlite3" TRACKER_RETENTION_DAYS=30 \
  LOCK_STORE_TYPE=in_memory LOCK_STORE_URL=redis://127.0.0.1:6379/1
TRACKER_STORE_KEY=$(.venv-rasa/bin/python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')
export TRACKER_STORE_KEY
$RASA test core --model models/assistant.tar.gz --stories tests/stories --endpoints bot/endpoints.yml \
  --out "$OUT/core" --fail-on-prediction-errors --no-plot > "$OUT/core.log" 2>&1 \
  || { tail -60 "$OUT/core.log"; echo "Story tests failed: see $OUT/core/failed_test_stories.yml"; exit 1; }
echo "Story tests passed: $(grep -cE '^\s*- story:' tests/stories/*.yml | awk -F: '{s+=$2} END {print s}') stories"
