"""Data written as YAML text that kamtui reads back as the same data.

PyYAML writes by YAML 1.1, kamtui reads plain scalars by the YAML 1.2 core rules: `1e5`
or `0E0` is text to the one (a float needs a dot) and a number to the other, so a test
that wrote generated text with `yaml.safe_dump` sometimes wrote a file that said
something else. Text is quoted here exactly where kamtui's own writer quotes it.
"""

from __future__ import annotations

from typing import Any

import yaml

from kamtui.core.editing.account_edit import plain_or_quoted


class _KamtuiDumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    quoted = "\n" not in value and plain_or_quoted(value) != value
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'" if quoted else None)


_KamtuiDumper.add_representer(str, _text)


def as_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_KamtuiDumper, allow_unicode=True, sort_keys=False, width=10**6)
