"""One exception hierarchy for the knowledge package; messages say what to fix, in English and Vietnamese."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class of every error raised by `knowledge`."""


class UnknownNameError(KnowledgeError, ValueError):
    """A topic, facet or role that the knowledge base does not know; the message lists the known ones.
    Each subclass says what the name is (English, Vietnamese) and what else may be passed instead."""

    what: tuple[str, str]
    otherwise: tuple[str, str] = ("", "")

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        listed = ", ".join(known)
        (what_en, what_vi), (else_en, else_vi) = self.what, self.otherwise
        super().__init__(
            f"Unknown {what_en} {name!r}; use one of {listed}{else_en}. / "
            f"{what_vi} {name!r} không hợp lệ; dùng một trong: {listed}{else_vi}."
        )
        self.name = name


class UnknownTopicError(UnknownNameError):
    what = ("topic", "Chủ đề")


class UnknownFacetError(UnknownNameError):
    what = ("facet", "Khía cạnh")
    otherwise = (", 'overview' or None", ", 'overview' hoặc để trống")


class UnknownRoleError(UnknownNameError):
    what = ("role", "Vai trò")
    otherwise = (" or None", " hoặc để trống")


class ArtifactError(KnowledgeError):
    """The knowledge-base artifact is missing, unreadable or of another schema version."""


class SourceError(KnowledgeError):
    """A source decree or its metadata file is missing or malformed (builder side)."""
