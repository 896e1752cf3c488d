"""A JSON response rendered by pydantic-core (Rust) instead of json.dumps: the same bytes (UTF-8, compact
separators), several times faster, which matters for the 100-record batch answers."""

from __future__ import annotations

from typing import Any

import pydantic_core
from fastapi.responses import JSONResponse


class FastJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return pydantic_core.to_json(content)
