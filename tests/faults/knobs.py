"""The suite's knobs, read once: the seed every random choice derives from (``FAULT_SEED``, else a
fresh one that is printed), how many times to repeat the random runs (``FAULT_ROUNDS``), and a
tally of what was tried, printed at the end of the run."""

from __future__ import annotations

import os
import random
from collections import Counter

SEED = int(os.environ.get("FAULT_SEED") or random.SystemRandom().randrange(2**32))
ROUNDS = max(1, int(os.environ.get("FAULT_ROUNDS") or "1"))
TALLY: Counter[str] = Counter()


def seed_line() -> str:
    return f"fault suite: FAULT_SEED={SEED} FAULT_ROUNDS={ROUNDS}"


def tally(kind: str, count: int = 1) -> None:
    """Count something tried (kill points, race rounds, hostile files) for the summary."""
    TALLY[kind] += count
