"""The README's example account and `kam.yaml` are what a new user copies first: they
must validate as they stand."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from kamtui.cli import main

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_s_account_and_settings_validate(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    account, settings = re.findall(
        r"```yaml\n(.*?)```", text[text.index("## The account file") :], re.S
    )[:2]
    assert settings.startswith("currency: ")
    (tmp_path / "acme.yaml").write_text(account, encoding="utf-8")
    (tmp_path / "kam.yaml").write_text(settings, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert (result.exit_code, result.output) == (0, "1 account checked, 0 with errors\n")
