"""The customer text a consultant edited (``exportera --kundversion --redigera``), kept beside its
report as ``<report>.kundversion.md``.

The file begins with a small front matter that records the SHA-256 of the report's bytes the text
was made from; a later export uses the text only while the report still has that hash.  The file is
the user's own content in a shared folder: it is read with the program's limits, and nothing in it
decides where anything is written – its path always comes from the report's.  Folder commands do
not take it for a report (``is_customer_text``); ``rensa`` removes it with its report, and
``granska`` scans it.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.files.atomic import atomic_write, remove_file
from intervjufas.files.bounded import MEGABYTE, REPORT_LIMIT, read_bounded

SUFFIX = ".kundversion.md"
LIMIT = 2 * MEGABYTE
HASH_KEY = "rapportens-sha256"
_FRONT = re.compile(r"\A---\n(?P<header>(?:[^\n]*\n){0,20}?)---\n(?P<body>.*)\Z", re.DOTALL)
_HASH = re.compile(rf"^{HASH_KEY}:[ \t]*(?P<hash>[0-9a-f]{{64}})[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class KeptText:
    """An edited customer text and the hash of the report it was made from ("" when not said)."""

    text: str
    report_hash: str


def is_customer_text(name: str) -> bool:
    return name.casefold().endswith(SUFFIX)


def customer_texts(folder: Path) -> list[Path]:
    """The kept customer texts in a folder, sorted by name (none when it cannot be read)."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if is_customer_text(e.name) and not e.name.startswith(".")]
    except OSError:
        return []
    return [folder / name for name in sorted(names)]


def kept_path(report: Path) -> Path:
    """Where the customer text of ``report`` is kept: beside it, ``<stem>.kundversion.md``."""
    return report.with_name(f"{report.stem}{SUFFIX}")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def report_hash(report: Path) -> str:
    """The hash of the report's bytes as they are now."""
    return content_hash(read_bounded(report, REPORT_LIMIT))


def read_kept(report: Path) -> KeptText | None:
    """The kept customer text of ``report``; None when there is none.  A file that cannot be read
    (not an ordinary file, too big, not UTF-8) is an IntervjufasError."""
    path = kept_path(report)
    if not path.exists() and not path.is_symlink():
        return None
    data = read_bounded(path, LIMIT)
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise IntervjufasError(f"{path} är inte en UTF-8-textfil.") from None
    found = _FRONT.match(text)
    if found is None:
        return KeptText(text, "")
    digest = _HASH.search(found["header"])
    return KeptText(found["body"].lstrip("\n"), digest["hash"] if digest else "")


def write_kept(report: Path, text: str, digest: str) -> Path:
    """Keep ``text`` beside ``report``, noting the report's hash ``digest``; the file's path."""
    path = kept_path(report)
    header = (
        "---\n"
        "# Din redigerade kundversion av rapporten bredvid. Raden nedan visar vilken version av\n"
        "# rapporten texten gjordes från; ändras rapporten används texten inte längre.\n"
        f"{HASH_KEY}: {digest}\n"
        "---\n\n"
    )
    atomic_write(path, header + text.lstrip("\n"))
    return path


def remove_kept(report: Path) -> None:
    """Remove the customer text kept beside ``report``, if there is one (SaveError if that fails)."""
    path = kept_path(report)
    if path.exists() or path.is_symlink():
        remove_file(path)
