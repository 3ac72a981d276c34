"""The settings that stay: what the value of each setting is, and where it comes from.

One table, ``SETTINGS``, says what can be set (the reports folder, the author, the follow-up default,
colour, the pager – each with its key in the settings file, its environment variable and the flag
that goes before it); ``found(key, given)`` answers "what is the value, and from where" with the one
precedence of the program: **flag > environment > file > default**.  The settings file is TOML in the
user's config folder (``installningar.toml``, platformdirs), read only when a command needs a value –
never for ``--help`` – and then once per process while it is unchanged.  It is read as the program's
other private files are (``private_folders``: the folder and the file must be the user's own and
private, at most ``FILE_LIMIT`` bytes); a file that is unsafe, too large, not TOML, or has an unknown
key or a wrong value gives one ``Varning:`` and the defaults (for that key).  It is written whole,
atomically, mode 0600 (``write_private``).

Writing: the file is one flat table of strings, so it is written here (``toml_text``: each value a
TOML basic string, every character TOML forbids escaped) rather than with another dependency; a
property test reads every written text back with ``tomllib``.

To add a setting: add a ``Setting`` to ``SETTINGS`` (key, Swedish label, choices or free text, the
default, its environment variable and flag if any) and read it with ``value(key, given)`` where it is
used; ``intervjufas installningar`` shows and sets it at once, and the README's table lists it.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from intervjufas.files.private_folders import checked_folder, read_private, warn

FILE_NAME = "installningar.toml"
FILE_LIMIT = 64 * 1024
NAME_FILE_LIMIT = 64 * 1024
REPORTS_ENV = "INTERVJUFAS_KATALOG"
AUTHOR_ENV = "INTERVJUFAS_FORFATTARE"
YES_NO = ("ja", "nej")

FROM_FLAG, FROM_ENV, FROM_FILE, FROM_DEFAULT = "flagga", "miljövariabel", "inställningsfilen", "standard"


# -- defaults --------------------------------------------------------------------------------------
def config_home() -> Path:
    """The program's folder in the user's config folder (``~/.config/intervjufas`` on Linux)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("intervjufas", appauthor=False))


def settings_path() -> Path:
    """Where the settings file is."""
    return config_home() / FILE_NAME


def login_name() -> str:
    """The user's login name, or "" when the system does not say."""
    import getpass  # (only when the name is not given: not before a session's first question)

    with contextlib.suppress(Exception):
        return getpass.getuser()
    return ""


def remembered_file() -> Path:
    """The author's name, as the first session asked it."""
    return config_home() / "forfattare.txt"


def remembered_author() -> str:
    """The name the first session remembered ('' when none)."""
    path = remembered_file()
    data = read_private(path, NAME_FILE_LIMIT) if checked_folder(path.parent) is not None else None
    with contextlib.suppress(UnicodeDecodeError):
        remembered = (data or b"").decode("utf-8").strip()
        if remembered:
            return remembered.splitlines()[0].strip()
    return ""


def _documents_folder() -> tuple[str, str]:
    from platformdirs import user_documents_dir

    return str(Path(user_documents_dir()) / "intervjufas"), FROM_DEFAULT


def _author_default() -> tuple[str, str]:
    remembered = remembered_author()
    if remembered:
        return remembered, f"sparat namn ({remembered_file().name})"
    return login_name(), f"{FROM_DEFAULT} (ditt inloggningsnamn)"


def _fixed(value: str) -> Callable[[], tuple[str, str]]:
    return lambda: (value, FROM_DEFAULT)


def _as_set(text: str) -> str | None:
    """An environment variable's own text (None when empty: as if unset)."""
    return text.strip() or None


def _no_color(text: str) -> str | None:
    """``NO_COLOR`` with any value but the empty one turns colour off (no-color.org)."""
    return "nej" if text != "" else None


def _no_suggestions(text: str) -> str | None:
    """``INTERVJUFAS_UTAN_FORSLAG`` set to anything but an empty, 0, nej or false turns the
    colleagues' suggestions off."""
    return "nej" if text.strip().casefold() not in ("", "0", "nej", "false") else None


# -- the table -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Setting:
    """One setting: its key in the file, what it means (Swedish), what it may be, its default, and
    the environment variable and flag that go before the file."""

    key: str
    label: str
    default: Callable[[], tuple[str, str]]  # (value, where it comes from)
    choices: tuple[str, ...] = ()  # () = free text
    env: str = ""
    env_value: Callable[[str], str | None] = _as_set
    flag: str = ""
    path: bool = False  # a folder: ~ is expanded where it is used

    def check(self, text: str) -> str:
        """The value as it is kept; ValueError (Swedish) when it cannot be one."""
        value = " ".join(text.split()) if not self.path else text.strip()
        wanted = value.casefold()
        if self.choices:
            if wanted not in self.choices:
                raise ValueError(f"'{text}' går inte för {self.key}; välj {_either(self.choices)}")
            return wanted
        if not value or any(ord(c) < 32 or ord(c) == 127 for c in value):
            raise ValueError(f"{self.key} behöver en text på en rad")
        return value


SETTINGS: dict[str, Setting] = {
    setting.key: setting
    for setting in (
        Setting(
            "katalog",
            "Mappen med rapporter",
            _documents_folder,
            env=REPORTS_ENV,
            flag="--katalog",
            path=True,
        ),
        Setting("forfattare", "Ditt namn i nya rapporter", _author_default, env=AUTHOR_ENV),
        Setting(
            "uppfoljning",
            "Vilka tidigare utvecklingsplaner en kartläggning följer upp",
            _fixed("kund"),
            choices=("kund", "alla", "ingen"),
            flag="--uppfoljning",
        ),
        Setting("farg", "Färger i terminalen", _fixed("ja"), choices=YES_NO, env="NO_COLOR", env_value=_no_color),
        Setting(
            "bladdring",
            "Bläddra i långa texter (visa, karta) i stället för att skriva ut allt",
            _fixed("ja"),
            choices=YES_NO,
            flag="--ingen-pager",
        ),
        Setting(
            "forslag",
            "Föreslå kollegornas moment efter din karta i varje fas",
            _fixed("ja"),
            choices=YES_NO,
            env="INTERVJUFAS_UTAN_FORSLAG",
            env_value=_no_suggestions,
            flag="--utan-forslag",
        ),
    )
}


@dataclass(frozen=True)
class Found:
    """A setting's value and where it comes from (``flagga``, the environment variable's name,
    ``inställningsfilen`` or ``standard`` – with a note)."""

    setting: Setting
    value: str
    source: str


def found(key: str, given: str | None = None) -> Found:
    """The value of setting ``key``: ``given`` (a flag's value), else its environment variable, else
    the settings file, else its default."""
    setting = SETTINGS[key]
    if given is not None:
        return Found(setting, given, f"{FROM_FLAG} {setting.flag}".strip())
    if setting.env:
        from_env = setting.env_value(os.environ[setting.env]) if setting.env in os.environ else None
        if from_env is not None:
            return Found(setting, from_env, f"{FROM_ENV} ${setting.env}")
    kept = file_values().get(key)
    if kept is not None:
        return Found(setting, kept, FROM_FILE)
    value, source = setting.default()
    return Found(setting, value, source)


def value(key: str, given: str | None = None) -> str:
    """``found(key, given).value``."""
    return found(key, given).value


def every_setting() -> list[Found]:
    """Every setting as it is now (no flags), in the table's order."""
    return [found(key) for key in SETTINGS]


# -- the file --------------------------------------------------------------------------------------
_READ: dict[Path, tuple[tuple[int, int, int], dict[str, str]]] = {}


def file_values() -> dict[str, str]:
    """The settings in the file that are known and right ({} when there is no file, or it cannot be
    used: then with a warning)."""
    path = settings_path()
    try:
        info = os.stat(path)
    except OSError:
        return {}
    stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
    cached = _READ.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    values = _checked(read_table(path), path)
    _READ[path] = (stamp, values)
    return values


def read_table(path: Path) -> dict[str, object]:
    """The file's table as TOML gives it ({} with a warning when it cannot be used)."""
    if checked_folder(path.parent) is None:
        return {}
    if os.path.getsize(path) > FILE_LIMIT:
        warn(f"Filen {path} är större än {FILE_LIMIT // 1024} kB; inställningarna i den används inte.")
        return {}
    data = read_private(path, FILE_LIMIT)
    if data is None:
        return {}
    import tomllib

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        warn(f"Filen {path} är inte UTF-8; inställningarna i den används inte.")
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        place = f" (rad {where[1]}, kolumn {where[2]})" if where else ""
        warn(f"Filen {path} är ingen giltig TOML-fil{place}; inställningarna i den används inte.")
    return {}


def _checked(table: Mapping[str, object], path: Path) -> dict[str, str]:
    values = {}
    for key, kept in table.items():
        setting = SETTINGS.get(key)
        if setting is None:
            warn(f"Filen {path} har en okänd inställning '{key}'; välj bland {_either(tuple(SETTINGS))}.")
            continue
        try:
            if not isinstance(kept, str):
                raise ValueError(f"{key} ska vara en text inom citattecken")
            values[key] = setting.check(kept)
        except ValueError as error:
            warn(f"Filen {path}: {error}; standardvärdet används.")
    return values


def set_value(key: str, text: str | None) -> Path:
    """Keep ``text`` as the value of ``key`` in the settings file (None: remove it, so the default
    applies); the file's other keys stay.  Raises ValueError (Swedish) for a value that cannot be,
    OSError when the file cannot be written."""
    from intervjufas.files.private_folders import make_private_dir, write_private

    setting = SETTINGS[key]
    path = settings_path()
    table = {k: v for k, v in read_table(path).items() if isinstance(v, str)} if path.exists() else {}
    if text is None:
        table.pop(key, None)
    else:
        table[key] = setting.check(text)
    make_private_dir(path.parent)
    write_private(path, toml_text(table).encode("utf-8"))
    _READ.pop(path, None)
    return path


def toml_text(table: Mapping[str, str]) -> str:
    """A flat TOML table of strings, with a comment that says how to change it."""
    lines = ["# Inställningar för intervjufas. Ändra med: intervjufas installningar NAMN VÄRDE", ""]
    lines += [f"{_key(key)} = {_basic_string(text)}" for key, text in table.items()]
    return "\n".join(lines) + "\n"


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _basic_string(key)


def _basic_string(text: str) -> str:
    """A TOML basic string: the quotation mark, the backslash and every control character but tab
    escaped (as TOML requires); everything else as it is."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif (ord(char) < 32 and char != "\t") or ord(char) == 127:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _either(choices: tuple[str, ...]) -> str:
    return choices[0] if len(choices) == 1 else f"{', '.join(choices[:-1])} eller {choices[-1]}"
