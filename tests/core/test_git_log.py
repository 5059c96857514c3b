"""`git log` output read into commits: the format kamtui asks for, with the edges a real
repository seldom shows (a merge naming no file, odd bytes, a cut-off tail)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kamtui.core.review.git_source import (
    Commit,
    GitError,
    _commit_date,
    _git,
    _refused,
    parse_log,
)

A, B, C = "a" * 40, "b" * 40, "c" * 40
SHA256 = "d" * 64


def entry(full: str, subject: str, *names: str, date: str = "2026-01-02T12:00:00+00:00") -> str:
    """One commit as `--format=LOG_FORMAT -z --name-only` writes it."""
    header = f"\0\0{full}\0{full[:7]}\0{date}\0{1767355200}\0{subject}\0"
    # git puts one line break between a commit's header and its names.
    listed = "\n" + "\0".join(names) + "\0" if names else ""
    return header + listed


def test_commits_newest_first_with_the_path_each_had_across_a_rename() -> None:
    output = (
        entry(A, "Edit", "accounts/acme-corp.yaml")
        + entry(B, "Rename", "accounts/acme-corp.yaml")
        + entry(C, "Start", "accounts/acme.yaml")
    )
    commits = parse_log(output.encode(), "accounts/acme-corp.yaml")
    assert [(c.hash, c.short, c.subject, c.path) for c in commits] == [
        (A, A[:7], "Edit", "accounts/acme-corp.yaml"),
        (B, B[:7], "Rename", "accounts/acme-corp.yaml"),
        (C, C[:7], "Start", "accounts/acme.yaml"),
    ]
    assert commits[0].date == dt.datetime(2026, 1, 2, 12, tzinfo=dt.UTC)


def test_a_commit_naming_no_file_keeps_the_path_of_the_one_after_it() -> None:
    output = entry(A, "Rename", "new.yaml") + entry(B, "Merge") + entry(C, "Start", "old.yaml")
    assert [c.path for c in parse_log(output.encode(), "new.yaml")] == [
        "new.yaml",
        "new.yaml",
        "old.yaml",
    ]
    assert [c.path for c in parse_log(entry(B, "Merge").encode(), "asked.yaml")] == ["asked.yaml"]


def test_a_subject_or_a_path_may_hold_any_byte_but_nul() -> None:
    output = entry(
        A, "Fix\nthe\x1b[31m plan", "accounts/a\nb.yaml", "accounts/second.yaml"
    ).encode()
    output += entry(B, "Latin-1 \xff", "x.yaml").encode("latin-1")
    first, second = parse_log(output, "accounts/a\nb.yaml")
    assert (first.subject, first.path) == ("Fix\nthe\x1b[31m plan", "accounts/a\nb.yaml")
    # Bytes that are not UTF-8 are kept as they came (surrogates), not refused.
    assert second.subject == "Latin-1 \udcff"


def test_a_sha256_repository_s_ids_are_commits_too() -> None:
    [commit] = parse_log(entry(SHA256, "Start", "a.yaml").encode(), "a.yaml")
    assert commit.hash == SHA256


def test_what_is_no_commit_is_passed_over() -> None:
    """Two NULs not followed by a commit id, and a commit cut off before its subject."""
    noise = "\0\0not-a-commit\0x\0y\0z\0w\0"
    cut = f"\0\0{C}\0{C[:7]}\0"
    output = noise + entry(A, "Real", "a.yaml") + cut
    assert parse_log(output.encode(), "a.yaml") == [
        Commit(A, A[:7], dt.datetime(2026, 1, 2, 12, tzinfo=dt.UTC), "Real", "a.yaml")
    ]
    assert parse_log(b"", "a.yaml") == []


def test_a_date_python_cannot_read_is_taken_from_the_timestamp() -> None:
    [commit] = parse_log(
        entry(A, "Odd zone", "a.yaml", date="2026-01-02T12:00:00+25:00").encode(), "a.yaml"
    )
    assert commit.date == dt.datetime.fromtimestamp(1767355200, tz=dt.UTC)


def test_git_missing_or_failing_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git there
    with pytest.raises(GitError) as missing:
        _git(tmp_path, "status")
    assert str(missing.value) == "git is not installed or not on PATH"
    not_a_program = tmp_path / "git"
    not_a_program.write_text("not a program\n", encoding="utf-8")
    not_a_program.chmod(0o755)
    with pytest.raises(GitError) as broken:
        _git(tmp_path, "status")
    assert str(broken.value) == "cannot run git: Exec format error"


@pytest.mark.parametrize(
    ("script", "said"),
    [
        # No words: the command is named.
        (b"exit 3\n", "git cat-file failed"),
        # Bytes that are not UTF-8 get a stand-in.
        (b"printf 'fatal: caf\\351.yaml\\n' >&2\nexit 128\n", "fatal: caf\ufffd.yaml"),
    ],
)
def test_a_git_error_is_said_in_git_s_words_or_names_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: bytes, said: str
) -> None:
    program = tmp_path / "git"
    program.write_bytes(b"#!/bin/sh\n" + script)
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GitError) as failed:
        _git(tmp_path, "cat-file", "--batch")
    assert str(failed.value) == said


def test_a_timestamp_stands_in_for_a_date_and_nothing_for_none() -> None:
    assert _commit_date("not a date", "") == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def test_a_repository_of_another_user_is_refused_with_the_command_that_trusts_it(
    tmp_path: Path,
) -> None:
    assert _refused(tmp_path) == (
        f"git refuses to read the repository at {tmp_path}: it belongs to another user "
        "(git's safe.directory check). If you trust it: "
        f"git config --global --add safe.directory {tmp_path.resolve()}"
    )


def test_the_last_commit_may_end_the_output_without_a_nul_or_names() -> None:
    output = (entry(A, "Edit", "a.yaml") + entry(B, "Merge"))[:-1]  # no NUL after "Merge"
    assert [(c.subject, c.path) for c in parse_log(output.encode(), "a.yaml")] == [
        ("Edit", "a.yaml"),
        ("Merge", "a.yaml"),
    ]


def test_a_stray_word_before_a_commit_or_a_header_cut_before_its_subject() -> None:
    stray = "junk\0" + entry(A, "After junk", "a.yaml")
    assert [c.subject for c in parse_log(stray.encode(), "a.yaml")] == ["After junk"]
    no_subject = f"\0\0{C}\0{C[:7]}\0{'2026-01-02T12:00:00+00:00'}\0{1767355200}"
    assert (
        parse_log((entry(A, "Real", "a.yaml") + no_subject).encode(), "a.yaml")[0].subject == "Real"
    )
    assert len(parse_log(no_subject.encode(), "a.yaml")) == 0


def test_an_empty_field_before_a_commit_or_noise_between_commits_is_passed_over() -> None:
    after_a_nul = "\0" + entry(A, "First", "a.yaml")
    assert [c.hash for c in parse_log(after_a_nul.encode(), "a.yaml")] == [A]
    noise = "\0\0not-a-commit\0x\0y\0z\0w\0"
    output = entry(A, "Edit", "a.yaml") + noise + entry(B, "Start", "a.yaml")
    assert [c.hash for c in parse_log(output.encode(), "a.yaml")] == [A, B]
