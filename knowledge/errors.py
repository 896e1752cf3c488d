"""One exception hierarchy for the knowledge package; messages say what to fix, in English and Vietnamese."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class of every error raised by `knowledge`."""


class UnknownTopicError(KnowledgeError, ValueError):
    def __init__(self, topic: str, known: tuple[str, ...]) -> None:
        super().__init__(
            f"Unknown topic {topic!r}; use one of {', '.join(known)}. / "
            f"Chủ đề {topic!r} không hợp lệ; dùng một trong: {', '.join(known)}."
        )
        self.topic = topic


class UnknownFacetError(KnowledgeError, ValueError):
    def __init__(self, facet: str, known: tuple[str, ...]) -> None:
        super().__init__(
            f"Unknown facet {facet!r}; use one of {', '.join(known)}, 'overview' or None. / "
            f"Khía cạnh {facet!r} không hợp lệ; dùng một trong: {', '.join(known)}, 'overview' hoặc để trống."
        )
        self.facet = facet


class UnknownRoleError(KnowledgeError, ValueError):
    def __init__(self, role: str, known: tuple[str, ...]) -> None:
        super().__init__(
            f"Unknown role {role!r}; use one of {', '.join(known)} or None. / "
            f"Vai trò {role!r} không hợp lệ; dùng một trong: {', '.join(known)} hoặc để trống."
        )
        self.role = role


class ArtifactError(KnowledgeError):
    """The knowledge-base artifact is missing, unreadable or of another schema version."""


class SourceError(KnowledgeError):
    """A source decree or its metadata file is missing or malformed (builder side)."""
