"""Settings tests see only what they set: the developer's environment is cleared of every setting."""

from __future__ import annotations

import pytest

from deployment.app_settings import AppSettings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in AppSettings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
