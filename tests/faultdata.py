"""A 10,000-ego dataset folder with one bad row of each kind, and the problems it must give.

The folder is made here, deterministically, at test time (it is too large to keep in the
repository). ``tests/data/faults_expected.json`` holds the problems that the row-by-row reader of
netles gave for it before the reader was rewritten on pyarrow (captured with
``python tests/faultdata.py --capture``): the fast reader must report exactly the same problems,
with the same file, row, ego, alter, field, value, wording and allowed values.

Kinds left out on purpose: an alter with no relation (since issue 17 a dataset alter without a
relation is kept; its relation metrics are NaN) and a CSV cell over 131,072 characters (the old
reader could not read such a file at all; the new one reads it).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

EXPECTED = Path(__file__).parent / "data" / "faults_expected.json"
N_EGOS = 10_000
PER_EGO = 14

RELATIONS = ["partner", "child", "sibling", "friend", "neighbour", "colleague", "professional", "volunteer"]
CONTACT = ["daily", "weekly", "monthly", "yearly", "rarely"]

ALTER_HEADER = [
    "ego_id", "alter_id", "relation", "circle", "sector", "gender", "age", "contact", "travel_minutes",
    "support", "support_practical", "support_emotional", "support_direction", "valence", "status", "since",
]


def _rows():
    """The three tables as lists of text rows, the bad rows put in place."""
    rng = np.random.default_rng(17)
    egos = [["ego_id", "gender", "age", "group"]]
    for i in range(N_EGOS):
        egos.append([f"e{i}", ["F", "M", "X"][i % 3], str(18 + i % 70), ["lvb", "ggz", "ouderen"][i % 3]])
    alters = [ALTER_HEADER]
    ties = [["ego_id", "source", "target", "weight"]]
    for i in range(N_EGOS):
        for j in range(PER_EGO):
            alters.append([
                f"e{i}", f"a{j}", RELATIONS[(i + j) % len(RELATIONS)], str(1 + (i + j) % 4), "", ["F", "M", ""][j % 3],
                str(20 + (i * j) % 60), CONTACT[(i + 2 * j) % 5], str((i + j) % 90), "",
                ["true", "false"][(i + j) % 2], ["false", "true", ""][j % 3], ["receives", "gives", "mutual"][j % 3],
                ["supportive", "ambivalent"][j % 2], "active", str(1990 + j),
            ])
        pairs = set()
        while len(pairs) < 25:
            a, b = sorted(rng.integers(0, PER_EGO, 2).tolist())
            if a != b:
                pairs.add((a, b))
        for a, b in sorted(pairs):
            ties.append([f"e{i}", f"a{a}", f"a{b}", str(1 + (a + b) % 3)])

    def alter(i, j):
        return 1 + i * PER_EGO + j  # list position of ego i's alter j (the header is 0)

    def col(name):
        return ALTER_HEADER.index(name)

    # -- egos (a row's number is its list position: the header is 0)
    egos.append(["", "F", "40", "lvb"])                 # empty ego id
    egos.append(["e5", "M", "41", "ggz"])               # duplicate ego id (also row 6)
    egos[31][1] = "V"                                   # gender not a code
    egos[41][2] = "oud"                                 # age not a number
    egos[51][2] = "300"                                 # age out of range
    # -- alters
    extra = alters[alter(100, 0)]
    alters.append(["ghost", *extra[1:]])                # ego not in the egos table
    alters.append(["", *extra[1:]])                     # empty ego id
    alters.append(["e120", "", *extra[2:]])             # empty alter id
    alters.append(["e130", "ego", *extra[2:]])          # reserved alter id
    alters.append(["e140", "a2", *extra[2:]])           # duplicate alter id within the ego
    alters[alter(150, 4)][col("relation")] = "cousin"
    alters[alter(160, 5)][col("circle")] = "7"
    alters[alter(170, 6)][col("circle")] = "2.5"
    alters[alter(180, 7)][col("circle")] = "x"
    alters[alter(190, 8)][col("sector")] = "work"
    alters[alter(200, 9)][col("gender")] = "female"
    alters[alter(210, 10)][col("age")] = "-1"
    alters[alter(220, 11)][col("contact")] = "hourly"
    alters[alter(230, 12)][col("travel_minutes")] = "-5"
    alters[alter(240, 13)][col("travel_minutes")] = "ver"
    alters[alter(250, 0)][col("support")] = "practical;money"
    alters[alter(260, 1)][col("support_practical")] = "maybe"
    alters[alter(270, 2)][col("support_direction")] = "takes"
    alters[alter(280, 3)][col("valence")] = "awful"
    alters[alter(290, 4)][col("status")] = "gone"
    alters[alter(300, 5)][col("since")] = "1800"
    alters[alter(310, 6)] = alters[alter(310, 6)] + ["extra"]        # one value too many
    alters[alter(320, 7)] = [";".join(alters[alter(320, 7)])]        # a row separated by ';'
    alters[alter(330, 8)][col("relation")] = "fri\udce9nd"           # a latin-1 byte (written raw)
    alters.append(["e340", "zz", *extra[2:]])           # an alter id only ego e340 has

    # -- ties (ego i's first tie is at position 1 + 25 i)
    def tie(i):
        return 1 + 25 * i

    ties.append(["ghost", "a1", "a2", "1"])
    ties.append(["", "a1", "a2", "1"])
    ties[tie(420)][1] = ""                              # empty source
    ties[tie(430)][2] = "q9"                            # not an alter of the ego
    ties[tie(440)][2] = "zz"                            # an alter of another ego (e340)
    ties[tie(450)][2] = ties[tie(450)][1]               # tied to itself
    ties[tie(460) + 1] = [ties[tie(460)][0], ties[tie(460)][2], ties[tie(460)][1], "1"]  # the same pair reversed
    ties[tie(470)][3] = "sterk"
    ties[tie(480)][3] = "-2"
    ties[tie(490)] = ties[tie(490)][:3]                 # one value too few
    return egos, alters, ties


def _encode(rows) -> bytes:
    text = "\n".join(",".join(row) for row in rows) + "\n"
    return text.encode("utf-8", errors="surrogateescape")


def write_fault_folder(folder: str | Path) -> Path:
    """Write ``egos.csv``, ``alters.csv`` and ``ties.csv`` with one bad row of each kind."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in zip(("egos.csv", "alters.csv", "ties.csv"), _rows()):
        (folder / name).write_bytes(_encode(rows))
    return folder


def problem_records(report) -> list[dict]:
    """The problems of a report as JSON-ready records (value as its repr)."""
    return [
        {"file": p.file, "row": p.row, "ego": p.ego, "alter": p.alter, "field": p.field,
         "value": repr(p.value), "message": p.message, "allowed": p.allowed}
        for p in report.problems
    ]


def capture(folder: Path) -> dict:
    import netles

    ds = netles.read_dataset(folder)
    report = ds.meta["problems"]
    return {"problems": problem_records(report), "kept": len(report.kept), "excluded": sorted(map(str, report.excluded)),
            "n_egos": report.n_egos}


if __name__ == "__main__":
    if "--capture" in sys.argv:
        import tempfile

        result = capture(write_fault_folder(Path(tempfile.mkdtemp()) / "faults"))
        EXPECTED.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{len(result['problems'])} problems, {result['kept']} egos kept; written to {EXPECTED}")
