"""The team's map (``karta --team``): per phase, the moments on the latest map of every consultant
in the reports folder, grouped by the team's names, with how many have each and who.

Only the process leaves a consultant's reports: moment names and whom they involve – never notes,
answers, comments or plan reasons.  A report without a recorded author, or anonymised, counts
without a name (all of them together as one consultant: the newest such map).  A consultant the
vocabulary lists under ``utanfor`` is left out entirely.  The maps come from the header index and the
kept map facts (``facts.read_facts``), so a warm run over a big folder reads no report in full.
Where the candidates' or the customer's feedback forms asked about a moment, each team moment also
has the received experience pooled over those reports (``team_experience``: counts and medians only).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from intervjufas.errors import IntervjufasError
from intervjufas.folder.header_row import FolderHeader
from intervjufas.folder.scan import Header, Progress, read_headers, sort_key
from intervjufas.folder.team_vocabulary import Vocabulary, read_vocabulary
from intervjufas.model.answers import Moment, involved
from intervjufas.model.questions import PHASES
from intervjufas.reading.feedback.aggregate import MIN_RESPONDENTS
from intervjufas.reading.process_map.facts import read_facts
from intervjufas.reading.process_map.team_experience import Experience, Ratings, pooled, reports_ratings
from intervjufas.reading.process_map.team_names import name_groups

UNNAMED = ""  # the key of the maps counted without an author


@dataclass(frozen=True)
class TeamMoment:
    """One moment of the team's map."""

    name: str  # the spelling most of the team uses
    names: tuple[str, ...]  # every spelling grouped under it
    authors: tuple[str, ...]  # the named consultants whose latest map has it
    unnamed: bool  # the maps without an author have it
    involves: tuple[str, ...]
    experience: tuple[Experience, ...] = ()  # per audience that was asked about it

    @property
    def count(self) -> int:
        return len(self.authors) + int(self.unnamed)


@dataclass(frozen=True)
class TeamMap:
    phases: tuple[tuple[str, tuple[TeamMoment, ...]], ...]
    authors: tuple[str, ...]  # the named consultants counted
    unnamed: bool  # maps without an author counted (as one consultant)
    folder: Path
    warnings: tuple[str, ...] = ()
    vocabulary: Vocabulary = field(default_factory=Vocabulary)

    @property
    def consultants(self) -> int:
        return len(self.authors) + int(self.unnamed)

    @property
    def empty(self) -> bool:
        return not any(moments for _, moments in self.phases)


def latest_maps(
    folder: Path, vocabulary: Vocabulary, warnings: list[str], *, progress: Progress | None = None
) -> dict[str, dict[str, tuple[Moment, ...]]]:
    """Each consultant's latest map (phase -> moments) by author; ``UNNAMED`` for the newest map
    without an author or anonymised."""
    return maps_of(latest_reports(folder, vocabulary, warnings, progress=progress), folder, warnings)


def latest_reports(
    folder: Path, vocabulary: Vocabulary, warnings: list[str], *, progress: Progress | None = None
) -> dict[str, Path]:
    """The report of each consultant's latest map, by author (``UNNAMED`` as in ``latest_maps``)."""
    return {author: path for author, (path, _) in latest_entries(folder, vocabulary, warnings, progress).items()}


def latest_entries(
    folder: Path, vocabulary: Vocabulary, warnings: list[str], progress: Progress | None = None
) -> dict[str, tuple[Path, FolderHeader]]:
    """``latest_reports`` with each chosen report's header."""
    headers, found = read_headers(folder, progress=progress)
    warnings += found
    return chosen_reports(headers, vocabulary)


def chosen_reports(
    headers: Iterable[tuple[Path, FolderHeader]], vocabulary: Vocabulary
) -> dict[str, tuple[Path, FolderHeader]]:
    """Of these reports, the one with each consultant's latest map (and its header), by author."""
    outside = {name.casefold() for name in vocabulary.outside}
    newest_first = sorted(
        (entry for entry in headers if _map_size(entry[1]) > 0 and not entry[1].get(_CONFLICT)),
        key=lambda entry: sort_key(*entry),
        reverse=True,
    )
    chosen: dict[str, tuple[Path, FolderHeader]] = {}
    for path, header in newest_first:
        author = str(header.get("forfattare") or "").strip()
        if author.casefold() in outside or author in chosen:
            continue
        if author and _anonymised(path):
            author = UNNAMED
        chosen.setdefault(author, (path, header))
    return chosen


def counted_author(path: Path, header: FolderHeader, vocabulary: Vocabulary) -> str | None:
    """Under whom a report's map counts in the team's map (``UNNAMED`` without an author or when
    anonymised), or None when it does not count (no map, a conflict copy, an author outside)."""
    author = str(header.get("forfattare") or "").strip()
    outside = {name.casefold() for name in vocabulary.outside}
    if _map_size(header) <= 0 or header.get(_CONFLICT) or author.casefold() in outside:
        return None
    return UNNAMED if author and _anonymised(path) else author


def maps_of(chosen: dict[str, Path], folder: Path, warnings: list[str]) -> dict[str, dict[str, tuple[Moment, ...]]]:
    """The maps of the chosen reports (one without a readable map is left out)."""
    facts = {f.ref.path: f for f in read_facts(sorted(set(chosen.values())), folder, warnings)}
    return {
        author: facts[path].phases or {}
        for author, path in chosen.items()
        if path in facts and facts[path].phases is not None
    }


_CONFLICT = "konfliktkopia_av"


def _map_size(header: Header) -> int:
    size = header.get("karta")
    return size if type(size) is int else 0


def _anonymised(path: Path) -> bool:
    """Whether the report's header says it was anonymised (its header read alone, and only when
    the word is in the file's first part at all)."""
    from intervjufas.files.bounded import HEADER_LIMIT, open_regular
    from intervjufas.report.anonymise import ANONYMISED_KEY, is_anonymised
    from intervjufas.report.front_matter import read_front_matter

    try:
        with open(open_regular(path), "rb") as handle:
            if ANONYMISED_KEY.encode() not in handle.read(HEADER_LIMIT):
                return False
        return is_anonymised(read_front_matter(path, check=True))
    except (ValueError, OSError, IntervjufasError):  # (unreadable: counted as named)
        return False


def team_map(
    folder: Path, *, progress: Progress | None = None, minimum: int | None = None, experience: bool = True
) -> TeamMap:
    """The team's map of the folder (see the module docstring); ``minimum`` is the minimum count of
    answers behind a shown experience (``feedback.minimum.minimum_count`` when None); without
    ``experience`` no answers file is read (the session's suggestions need only the names)."""
    from intervjufas.reading.feedback.minimum import minimum_count

    vocabulary, warnings = read_vocabulary(folder)
    chosen = latest_reports(folder, vocabulary, warnings, progress=progress)
    maps = maps_of(chosen, folder, warnings)
    if not experience:
        return team_map_of(maps, vocabulary, folder, tuple(warnings))
    ratings = reports_ratings({author: chosen[author] for author in maps}, warnings)
    return team_map_of(maps, vocabulary, folder, tuple(warnings), ratings, minimum_count(minimum))


def team_map_of(
    maps: dict[str, dict[str, tuple[Moment, ...]]],
    vocabulary: Vocabulary,
    folder: Path,
    warnings: tuple[str, ...] = (),
    ratings: dict[str, Ratings] | None = None,
    minimum: int = MIN_RESPONDENTS,
) -> TeamMap:
    """The team's map of ``maps`` (author -> phase -> moments), with the experience pooled from
    ``ratings`` (author -> audience -> moment id -> ratings) when given."""
    phases = []
    for phase in PHASES:
        in_phase = {author: phases_of.get(phase, ()) for author, phases_of in maps.items()}
        groups = name_groups({m.name for moments in in_phase.values() for m in moments}, vocabulary)
        phases.append((phase, _moments(in_phase, groups, ratings or {}, minimum)))
    authors = tuple(sorted((a for a in maps if a != UNNAMED), key=str.casefold))
    return TeamMap(tuple(phases), authors, UNNAMED in maps, folder, warnings, vocabulary)


def _moments(
    in_phase: dict[str, tuple[Moment, ...]], groups: dict[str, str], ratings: dict[str, Ratings], minimum: int
) -> tuple[TeamMoment, ...]:
    spellings: dict[str, Counter[str]] = {}
    holders: dict[str, set[str]] = {}
    involves: dict[str, list[str]] = {}
    members: dict[str, list[tuple[str, str]]] = {}  # group -> (author, moment id) of its moments
    for author, moments in in_phase.items():
        for moment in moments:
            group = groups[moment.name]
            spellings.setdefault(group, Counter())[moment.name] += 1
            holders.setdefault(group, set()).add(author)
            involves.setdefault(group, []).extend(moment.involves)
            members.setdefault(group, []).extend([(author, moment.id)] if moment.id else [])
    found = []
    for group, counted in spellings.items():
        name = min(counted, key=lambda n: (-counted[n], len(n), n.casefold(), n))
        who = holders[group]
        found.append(
            TeamMoment(
                name,
                tuple(sorted(counted, key=lambda n: (n.casefold(), n))),
                tuple(sorted((a for a in who if a != UNNAMED), key=str.casefold)),
                UNNAMED in who,
                involved(involves[group]),
                pooled(ratings, members[group], minimum) if ratings else (),
            )
        )
    found.sort(key=lambda m: (-m.count, m.name.casefold(), m.name))
    return tuple(found)
