"""The settings file's writer: every table of strings it writes is read back exactly by ``tomllib``
(TOML forbids raw control characters, quotes and backslashes in a basic string; the writer escapes
them), and the table of settings is consistent."""

from __future__ import annotations

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from intervjufas.files.user_settings import SETTINGS, Setting, toml_text

keys = st.sampled_from([*SETTINGS, "ny-nyckel", "med space", "å"])


@given(st.dictionaries(keys, st.text(), max_size=6))
def test_what_is_written_is_read_back_exactly(table: dict[str, str]) -> None:
    assert tomllib.loads(toml_text(table)) == table


def test_every_setting_is_described_and_has_a_right_default() -> None:
    for key, setting in SETTINGS.items():
        assert isinstance(setting, Setting) and setting.key == key
        assert setting.label[:1].isupper()
        default, source = setting.default()
        assert source.startswith(("standard", "sparat namn"))
        if setting.choices:
            assert setting.check(default) == default
            assert setting.check(default.upper()) == default
