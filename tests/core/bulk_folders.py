"""A generated account folder with one file of every kind of bad input among good ones."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.gen import write_portfolio

# Index of the generated account → how it is broken.
BROKEN = {
    3: "yaml syntax",
    5: "duplicate id",
    10: "invalid value",
    33: "several problems",
    50: "dangling reference",
    77: "empty",
    120: "not utf-8",
    150: "merge conflict",
    199: "too large",
}


def mixed_folder(root: Path, count: int = 300) -> list[Path]:
    """`count` generated accounts under `root`, the BROKEN ones broken; their paths by index."""
    paths = write_portfolio(count, root, seed=7)
    for index, kind in BROKEN.items():
        path = paths[index]
        text = path.read_text(encoding="utf-8")
        if kind == "yaml syntax":
            path.write_text(text + "oops: [\n", encoding="utf-8")
        elif kind == "invalid value":
            path.write_text(text.replace("stage: ", "stage: sideways-", 1), encoding="utf-8")
        elif kind == "several problems":
            for field, wrong in (
                ("stage: ", "stage: x"),
                ("nps: ", "nps: 500"),
                ("csat: ", "csat: 9"),
            ):
                text = text.replace(field, wrong, 1)
            path.write_text(text, encoding="utf-8")
        elif kind == "dangling reference":
            path.write_text(text.replace("reports_to: ", "reports_to: nobody-", 1), "utf-8")
        elif kind == "empty":
            path.write_bytes(b"")
        elif kind == "not utf-8":
            path.write_bytes(text.encode("utf-8").replace(b"owner: ", b"owner: \xff", 1))
        elif kind == "merge conflict":
            path.write_text("<<<<<<< HEAD\n" + text + "=======\n>>>>>>> x\n", "utf-8")
        elif kind == "too large":
            path.write_text(text + "notes2: |\n" + ("  " + "x" * 99 + "\n") * 11_000, "utf-8")
        elif kind == "duplicate id":
            twin = root / "zz-twins" / path.name
            twin.parent.mkdir(exist_ok=True)
            shutil.copyfile(path, twin)
    return paths
