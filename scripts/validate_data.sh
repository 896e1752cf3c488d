#!/usr/bin/env bash
# `rasa data validate`, failing on its errors and on every warning except the ones Rasa 3.6 raises for
# things it cannot see being used: form questions (utter_ask_<form>_<slot>, utter_ask_<slot>), the
# fallback responses that Rasa's own default actions utter, and EXTERNAL_ intents that only the outbox
# worker triggers, and responses that custom actions utter by name.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(.venv-rasa/bin/rasa data validate --config config.yml --domain bot/domain --data nlu_data bot/data 2>&1)
status=$?
warnings=$(grep -o "UserWarning: .*" <<<"$out" \
  | grep -vE "utterance 'utter_ask_[a-z_]+' is not used|utterance 'utter_(default|ask_rephrase)' is not used|intent 'EXTERNAL_[a-z_]+' is listed in the domain file, but is not found in the NLU" \
  | sort -u \
  | while read -r line; do
      # A response uttered by a custom action (dispatcher.utter_message(response=...)) is used.
      name=$(grep -oE "utterance '[a-z_]+'" <<<"$line" | cut -d"'" -f2)
      if [ -n "$name" ] && grep -rqF "\"$name\"" actions/; then continue; fi
      echo "$line"
    done)
if [ $status -ne 0 ]; then
  echo "$out" | tail -40
  echo "rasa data validate failed (exit $status)"
  exit 1
fi
if [ -n "$warnings" ]; then
  echo "$warnings"
  echo "rasa data validate: the warnings above must be fixed"
  exit 1
fi
echo "Rasa data valid: domain, NLU, rules and stories agree"
