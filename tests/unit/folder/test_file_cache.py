"""The per-file cache: values kept between runs while a file is unchanged, files too fresh to trust,
vanished files dropped, corrupt or foreign caches rebuilt silently, two writers merged, and a
cache private to its owner in the user's cache folder."""

from __future__ import annotations

import marshal
import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import read_cache
from intervjufas.files.sealed import seal
from intervjufas.files.settings import cache_dir
from intervjufas.folder.file_cache import (
    CACHE_FORMAT,
    PYTHON,
    SETTLED_AFTER_NS,
    FileCache,
    file_key,
    forget_files,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX permissions")
HOUR_AGO = time.time() - 3600


def settled_file(folder: Path, name: str, text: str = "x") -> Path:
    """A file last changed an hour ago (so the cache may trust its time stamp)."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    os.utime(path, (HOUR_AGO, HOUR_AGO))
    return path


def key(path: Path) -> tuple[int, int, int, int]:
    return file_key(os.stat(path))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "rapporter"
    folder.mkdir()
    return folder


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_forgetting_files_drops_them_in_every_namespace_and_keeps_the_rest(folder: Path, root: Path) -> None:
    a, b = settled_file(folder, "a.md"), settled_file(folder, "b.md")
    for namespace in ("rubriker", "granska"):
        cache = FileCache(namespace, folder, "v1", root=root)
        cache.put("a.md", key(a), f"{namespace}-a")
        cache.put("b.md", key(b), f"{namespace}-b")
        cache.save()
    other = folder.parent / "annan"
    other.mkdir()
    elsewhere = FileCache("rubriker", other, "v1", root=root)
    elsewhere.put("a.md", key(settled_file(other, "a.md")), "annan-a")
    elsewhere.save()
    forget_files(folder, ["a.md"], root=root)
    for namespace in ("rubriker", "granska"):
        cache = FileCache(namespace, folder, "v1", root=root)
        assert (cache.get("a.md", key(a)), cache.get("b.md", key(b))) == (None, f"{namespace}-b")
        assert b"a.md" not in cache.path.read_bytes()
    assert FileCache("rubriker", other, "v1", root=root).get("a.md", key(other / "a.md")) == "annan-a"


def test_forgetting_in_an_unreadable_cache_removes_it(folder: Path, root: Path) -> None:
    cache = FileCache("granska", folder, "v1", root=root)
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(b"\x00 skr\xe4p med a.md")
    forget_files(folder, ["a.md"], root=root)
    assert not cache.path.exists()


def test_a_value_is_kept_between_runs_while_the_file_is_unchanged(folder: Path, root: Path) -> None:
    path = settled_file(folder, "a.md")
    cache = FileCache("prov", folder, "v1", root=root)
    assert cache.get("a.md", key(path)) is None
    cache.put("a.md", key(path), [[3, "telefon", "***"]])
    cache.save()
    again = FileCache("prov", folder, "v1", root=root)
    assert again.get("a.md", key(path)) == [[3, "telefon", "***"]]


def remembered(folder: Path, root: Path, path: Path) -> object:
    """Store a value for the file as it is now; return what a new run finds for it afterwards."""
    cache = FileCache("prov", folder, "v1", root=root)
    cache.put(path.name, key(path), "värde")
    cache.save()
    return lambda: FileCache("prov", folder, "v1", root=root).get(path.name, key(path))


def test_a_file_of_another_size_is_not_taken_from_the_cache(folder: Path, root: Path) -> None:
    path = settled_file(folder, "a.md", "före")
    lookup = remembered(folder, root, path)
    settled_file(folder, "a.md", "efter, längre")
    assert lookup() is None


def test_a_file_with_another_time_stamp_is_not_taken_from_the_cache(folder: Path, root: Path) -> None:
    path = settled_file(folder, "a.md", "abcd")
    lookup = remembered(folder, root, path)
    path.write_text("efgh", encoding="utf-8")  # same size
    os.utime(path, ns=(key(path)[1], key(path)[1] + 1))
    assert lookup() is None


def test_another_file_in_the_same_place_is_not_taken_from_the_cache(folder: Path, root: Path) -> None:
    path = settled_file(folder, "a.md", "abcd")
    lookup = remembered(folder, root, path)
    stamp = key(path)[1]
    other = settled_file(folder, "b.md", "efgh")  # same size, then the same time stamp
    os.utime(other, ns=(stamp, stamp))
    os.replace(other, path)
    assert key(path)[:2] == (4, stamp)
    assert lookup() is None  # told apart by the inode


def test_a_file_changed_in_the_last_seconds_is_not_cached(folder: Path, root: Path) -> None:
    path = folder / "ny.md"
    path.write_text("x", encoding="utf-8")
    cache = FileCache("prov", folder, "v1", root=root)
    cache.put("ny.md", key(path), "värde")
    assert cache.get("ny.md", key(path)) is None
    cache.put("ny.md", key(path), "värde", now_ns=key(path)[1] + SETTLED_AFTER_NS)
    assert cache.get("ny.md", key(path)) == "värde"


def test_putting_many_at_once_keeps_what_put_keeps(folder: Path, root: Path) -> None:
    old = settled_file(folder, "gammal.md", "a")
    fresh = folder / "ny.md"
    fresh.write_text("b", encoding="utf-8")
    one, many = FileCache("prov", folder, "v1", root=root), FileCache("prov", folder, "v2", root=root)
    for name, value in (("gammal.md", [1, "x"]), ("ny.md", "y")):
        one.put(name, key(folder / name), value)
    many.put_all((name, key(folder / name), value) for name, value in (("gammal.md", [1, "x"]), ("ny.md", "y")))
    for cache in (one, many):
        assert cache.get("gammal.md", key(old)) == [1, "x"]
        assert cache.get("ny.md", key(fresh)) is None  # (too fresh to trust)
        cache.save()
    assert FileCache("prov", folder, "v2", root=root).get("gammal.md", key(old)) == [1, "x"]


def test_putting_nothing_trustworthy_saves_nothing(folder: Path, root: Path) -> None:
    fresh = folder / "ny.md"
    fresh.write_text("b", encoding="utf-8")
    cache = FileCache("prov", folder, "v1", root=root)
    cache.put_all([("ny.md", key(fresh), "y")])
    cache.save()
    assert not cache.path.exists()


def test_names_that_vanished_are_dropped_on_save(folder: Path, root: Path) -> None:
    kept, gone = settled_file(folder, "kvar.md"), settled_file(folder, "borta.md")
    cache = FileCache("prov", folder, "v1", root=root)
    cache.put("kvar.md", key(kept), 1)
    cache.put("borta.md", key(gone), 2)
    cache.save()
    gone.unlink()
    FileCache("prov", folder, "v1", root=root).save()  # nothing new, but a name to drop
    entries = read_cache(FileCache("prov", folder, "v1", root=root).path)["entries"]
    assert set(entries) == {"kvar.md"}


VALID = {"format": CACHE_FORMAT, "python": PYTHON, "version": "v1"}
NOW = time.time_ns()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        marshal.dumps(None),
        marshal.dumps({**VALID, "entries": {}}),  # (the right document, not sealed)
        b"[\x00\x00\x00\x80",  # five bytes that claim a list of 2**31 items
        seal(None, 0)[:-1],  # truncated
        seal({**VALID, "entries": {}}, 2**31),  # a count that is not there
        seal({**VALID, "entries": {}}, 0)[:-2] + b"0\x00",  # sealed, then changed
        seal(None, 0),
        seal([], 0),
        seal(VALID, 0),
        seal({**VALID, "entries": []}, 0),
        seal({**VALID, "entries": {"a.md": "x", "b.md": (1, 2)}}, 2),
        seal({**VALID, "entries": {"a.md": ("1", 2, 3, NOW, "x")}}, 1),
        seal({**VALID, "entries": {"a.md": [1, 2, 3, NOW, "x"]}}, 1),
        seal({**VALID, "entries": {"a.md": (1, 2, 3, "x")}}, 1),  # (the key of an earlier format)
        seal({**VALID, "format": 2, "entries": {}}, 0),
        b'{"format": 1, "version": "v1", "entries": {}}',
        "\x00\xff binärt skräp".encode("utf-8", "surrogateescape"),
    ],
)
def test_a_corrupt_cache_is_rebuilt_silently(folder: Path, root: Path, content: bytes) -> None:
    path = settled_file(folder, "a.md")
    cache = FileCache("prov", folder, "v1", root=root)
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(content)
    broken = FileCache("prov", folder, "v1", root=root)
    assert broken.get("a.md", key(path)) is None
    broken.put("a.md", key(path), "nytt")
    broken.save()
    assert FileCache("prov", folder, "v1", root=root).get("a.md", key(path)) == "nytt"


def test_a_cache_of_another_version_or_namespace_is_not_used(folder: Path, root: Path) -> None:
    path = settled_file(folder, "a.md")
    cache = FileCache("prov", folder, "v1", root=root)
    cache.put("a.md", key(path), "v1-värde")
    cache.save()
    assert FileCache("prov", folder, "v2", root=root).get("a.md", key(path)) is None
    assert FileCache("annat", folder, "v1", root=root).get("a.md", key(path)) is None
    other = folder.parent / "andra"
    other.mkdir()
    assert FileCache("prov", other, "v1", root=root).path != cache.path


def test_two_writers_are_merged(folder: Path, root: Path) -> None:
    a, b = settled_file(folder, "a.md"), settled_file(folder, "b.md")
    first = FileCache("prov", folder, "v1", root=root)
    second = FileCache("prov", folder, "v1", root=root)  # read before the first one saved
    first.put("a.md", key(a), "A")
    second.put("b.md", key(b), "B")
    first.save()
    second.save()
    merged = FileCache("prov", folder, "v1", root=root)
    assert (merged.get("a.md", key(a)), merged.get("b.md", key(b))) == ("A", "B")


WRITER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from intervjufas.folder.file_cache import FileCache, file_key
    folder, root, prefix = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    names = sorted(n for n in os.listdir(folder) if n.startswith(prefix))
    for round_ in range(15):
        cache = FileCache("prov", folder, "v1", root=root)
        for name in names[round_::15]:
            cache.put(name, file_key(os.stat(folder / name)), prefix)
        cache.save()
    """
)


def test_two_processes_saving_at_once_never_tear_the_cache_and_lose_nothing(folder: Path, root: Path) -> None:
    for prefix in ("a", "b"):
        for number in range(60):
            settled_file(folder, f"{prefix}{number:02d}.md")
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(root), prefix])
        for prefix in ("a", "b")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    cache = FileCache("prov", folder, "v1", root=root)
    assert read_cache(cache.path)["format"] == CACHE_FORMAT  # whole
    for path in sorted(folder.iterdir()):
        assert cache.get(path.name, key(path)) == path.name[0], path.name


def test_a_cache_that_cannot_be_written_is_skipped(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "en-fil"
    blocked.write_text("inte en mapp", encoding="utf-8")
    path = settled_file(folder, "a.md")
    cache = FileCache("prov", folder, "v1", root=blocked)
    cache.put("a.md", key(path), 1)
    cache.save()  # no error: the cache is only a help
    assert blocked.read_text(encoding="utf-8") == "inte en mapp"


def test_the_cache_lives_in_the_user_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_dir() == tmp_path / "xdg" / "intervjufas"
    assert FileCache("granska", tmp_path, "v").path.is_relative_to(cache_dir() / "granska")


@posix_only
def test_the_cache_is_private_to_its_owner(folder: Path, tmp_path: Path) -> None:
    root = tmp_path / "ny" / "cache"
    path = settled_file(folder, "a.md")
    previous = os.umask(0o022)
    try:
        cache = FileCache("prov", folder, "v1", root=root)
        cache.put("a.md", key(path), 1)
        cache.save()
    finally:
        os.umask(previous)
    assert stat.S_IMODE(os.stat(cache.path).st_mode) == 0o600
    for made in (cache.path.parent, root, root.parent):
        assert stat.S_IMODE(os.stat(made).st_mode) == 0o700, made


def test_an_edit_of_the_same_length_with_its_time_put_back_is_not_taken_from_the_cache(
    folder: Path, root: Path
) -> None:
    path = settled_file(folder, "a.md", "abcd")
    lookup = remembered(folder, root, path)
    before = os.stat(path)
    with path.open("r+b") as handle:  # (in place: the same inode)
        handle.write(b"efgh")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert key(path)[:3] == file_key(before)[:3]
    assert lookup() is None  # told apart by the status-change time


@pytest.mark.parametrize("error", [MemoryError, RecursionError, OverflowError])
def test_any_failure_while_loading_means_rebuild(
    folder: Path, root: Path, error: type[Exception], monkeypatch: pytest.MonkeyPatch
) -> None:
    from intervjufas.files import sealed

    path = settled_file(folder, "a.md")
    lookup = remembered(folder, root, path)

    def failing(_data: bytes) -> object:
        raise error()

    with monkeypatch.context() as patched:
        patched.setattr(sealed.marshal, "loads", failing)
        assert FileCache("prov", folder, "v1", root=root).get("a.md", key(path)) is None
    assert lookup() == "värde"


cache_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.lists(inner, max_size=4).map(tuple)
    | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300) | cache_values.map(lambda v: seal(v, 1)))
def test_whatever_a_cache_file_holds_it_never_fails_a_command(folder: Path, root: Path, content: bytes) -> None:
    path = settled_file(folder, "a.md")
    cache = FileCache("prov", folder, "v1", root=root)
    cache.path.parent.mkdir(parents=True, exist_ok=True)
    cache.path.write_bytes(content)
    os.chmod(cache.path, 0o600)
    broken = FileCache("prov", folder, "v1", root=root)
    broken.get("a.md", key(path))  # (whatever it finds, asking never fails)
    broken.put("a.md", key(path), "nytt")
    broken.save()
    assert FileCache("prov", folder, "v1", root=root).get("a.md", key(path)) == "nytt"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.dictionaries(st.text(max_size=6), cache_values, max_size=4))
def test_sealed_entries_of_any_shape_are_passed_over(folder: Path, root: Path, entries: dict) -> None:
    path = settled_file(folder, "a.md")
    cache = FileCache("prov", folder, "v1", root=root)
    cache.path.parent.mkdir(parents=True, exist_ok=True)
    cache.path.write_bytes(seal({**VALID, "entries": entries}, len(entries)))
    found = FileCache("prov", folder, "v1", root=root).get("a.md", key(path))
    assert found is None or entries.get("a.md", (None,))[:4] == key(path)
