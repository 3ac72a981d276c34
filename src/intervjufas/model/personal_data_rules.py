"""The personal-data detector's rules as a version: ``rules_digest``.

What keeps findings – the scan's cache (``reading/privacy_scan.scan_version``) and ``granska``'s
kept output (``views/privacy_kept.py``) – is versioned by a digest of the detector's source, so
that a new rule makes them stale and a form found only by the new rule is never hidden by what was
kept before it.  One home for that digest, light to import: a warm ``granska`` makes it without
loading the scan.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from intervjufas.model import personal_data, personal_data_filter, personal_numbers


def rules_digest() -> str | None:
    """A digest of the source of the detector (``personal_data``, ``personal_numbers``) and of the
    pre-filter run before it (``personal_data_filter``); None when one cannot be read."""
    modules = (personal_data, personal_numbers, personal_data_filter)
    try:
        rules = b"".join(Path(module.__file__ or "").read_bytes() for module in modules)
    except (OSError, TypeError):
        return None
    return hashlib.sha256(rules).hexdigest()
