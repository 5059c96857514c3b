"""`kamtui fmt` and `--check`: exit codes, what is written, what is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, MINIMAL, kamtui
from tests.core.test_account_format import CANONICAL, MESSY


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "messy.yaml").write_text(MESSY, encoding="utf-8")
    (tmp_path / "tidy.yaml").write_text(CANONICAL.replace("Acme", "Tidy"), encoding="utf-8")
    (tmp_path / "kam.yaml").write_text("currency:   EUR\n", encoding="utf-8")
    return tmp_path


def test_check_lists_what_would_change_and_exits_1(folder: Path) -> None:
    code, out, _ = kamtui("fmt", "--check", str(folder))
    assert code == 1
    assert out.splitlines() == [
        f"would reformat {folder / 'kam.yaml'}",
        f"would reformat {folder / 'messy.yaml'}",
    ]
    assert (folder / "messy.yaml").read_text(encoding="utf-8") == MESSY


def test_fmt_writes_the_layout_then_check_passes(folder: Path) -> None:
    code, out, _ = kamtui("fmt", str(folder))
    assert code == 0
    assert out.splitlines() == [
        f"formatted {folder / 'kam.yaml'}",
        f"formatted {folder / 'messy.yaml'}",
    ]
    assert (folder / "messy.yaml").read_text(encoding="utf-8") == CANONICAL
    assert (folder / "kam.yaml").read_text(encoding="utf-8") == "currency: EUR\n"
    assert kamtui("fmt", "--check", str(folder))[0] == 0


def test_a_formatting_only_change_is_no_change_to_diff(folder: Path, tmp_path: Path) -> None:
    before = tmp_path / "before.yaml"
    before.write_text(MESSY, encoding="utf-8")
    kamtui("fmt", str(folder / "messy.yaml"))
    code, out, _ = kamtui("diff", str(before), str(folder / "messy.yaml"))
    assert code == 0
    assert "No change in meaning" in out


def test_an_invalid_file_is_reported_and_left_alone(folder: Path) -> None:
    broken = MINIMAL.replace("product_fit: 4", "product_fit: 9")
    (folder / "broken.yaml").write_text(broken, encoding="utf-8")
    code, _, err = kamtui("fmt", str(folder))
    assert code == 1
    assert "broken.yaml:6:16: error: criteria.product_fit: 9 is out of range" in err
    assert (folder / "broken.yaml").read_text(encoding="utf-8") == broken
    assert (folder / "messy.yaml").read_text(encoding="utf-8") == CANONICAL


def test_a_byte_order_mark_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MESSY.encode())
    assert kamtui("fmt", str(path))[0] == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + CANONICAL.encode()


def test_nothing_to_do_says_so(folder: Path) -> None:
    code, out, err = kamtui("fmt", str(folder / "tidy.yaml"))
    assert (code, out) == (0, "")
    assert "every file is formatted" in err


def test_the_example_portfolio_is_in_the_layout_fmt_makes() -> None:
    """A new user's first `kamtui fmt --check` runs on it."""
    code, out, err = kamtui("fmt", "--check", str(EXAMPLES))
    assert (code, out, err) == (0, "", "every file is formatted\n")


def test_what_init_and_new_write_is_in_the_layout_fmt_makes(tmp_path: Path) -> None:
    """A new portfolio's first `kamtui fmt --check` (in CI, say) passes: names that need
    quotes and names that do not, with the schema modeline and without."""
    assert kamtui("init", str(tmp_path / "book"))[0] == 0
    for name in ("Globex", "Acme: East #1", "'Quoted' Ltd", "yes"):
        assert kamtui("new", name, "--dir", str(tmp_path / "book"))[0] == 0
    (tmp_path / "loose").mkdir()
    assert kamtui("new", "Initech", "--dir", str(tmp_path / "loose"))[0] == 0
    for folder in ("book", "loose"):
        code, out, err = kamtui("fmt", "--check", str(tmp_path / folder))
        assert (code, out, err) == (0, "", "every file is formatted\n")
    code, out, _ = kamtui("show", str(tmp_path / "book" / "yes.yaml"))
    assert code == 0 and "\nname: yes\n" in out
