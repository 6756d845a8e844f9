"""Every status the core stores or reports, as string enums.

They are ``enum.StrEnum``: each member *is* its string, so it compares equal to what the
library file and the command line's JSON hold (``ImportStatus.ADDED == "added"``), and
``json.dumps`` writes it unchanged. Code reads and writes the members; mypy checks them.
"""

from __future__ import annotations

import enum


class ImportStatus(enum.StrEnum):
    """What happened to one article of one input."""

    ADDED = "added"
    DUPLICATE = "duplicate"
    ERROR = "error"
    QUEUED = "queued"  # a URL that waits for a connection in the read-later queue


class CodingStatus(enum.StrEnum):
    """Where a coding stands in review."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


#: Every coding status, in review order (what a filter shows when it shows all).
CODING_STATUSES: tuple[CodingStatus, ...] = tuple(CodingStatus)
#: The statuses that count as evidence by default (rejected codings are left out).
EVIDENCE_STATUSES: tuple[CodingStatus, ...] = (CodingStatus.SUGGESTED, CodingStatus.ACCEPTED)


class CodingMethod(enum.StrEnum):
    """How a coding was made. Stored as ``manual``, or ``rule:<rule id>`` for a rule."""

    MANUAL = "manual"
    RULE = "rule"

    @staticmethod
    def for_rule(rule_id: str) -> str:
        """The stored method of a coding a rule suggested: ``rule:<rule id>``."""
        return f"{CodingMethod.RULE}:{rule_id}"

    @classmethod
    def of(cls, method: str) -> CodingMethod:
        """The kind of a stored method (``rule:x`` is :attr:`RULE`)."""
        return cls.RULE if method.startswith(f"{cls.RULE}:") else cls(method)


class AnchorStatus(enum.StrEnum):
    """Whether a note's passage is where its offsets say."""

    NONE = "none"  # free-standing, or on the whole article
    OK = "ok"
    UNRESOLVED = "unresolved"  # the quote is gone from the text: flagged, never moved blindly


class FeedStatus(enum.StrEnum):
    """What refreshing one subscription gave."""

    OK = "ok"
    NOT_MODIFIED = "not_modified"
    OFFLINE = "offline"
    ERROR = "error"


#: Which copy a pack's conflict keeps (``pack resolve --keep``).
KEEP_CHOICES = ("mine", "theirs", "both")
