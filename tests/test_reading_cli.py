"""The reading options of the dataset commands (issue 17.3): --mapping, --edge-types, --na-values,
the stop when no ego can be profiled, and output into a closed pipe."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from netles import cli

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "network_canvas_export.zip"
NETLES = str(Path(sys.executable).parent / "netles")


def _folder(tmp_path: Path, egos: str, alters: str, ties: str = "ego_id,source,target\n") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, text in (("egos.csv", egos), ("alters.csv", alters), ("ties.csv", ties)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", ["validate", "profile", "rapport", "anonymise"])
def test_every_dataset_command_has_the_reading_options(command, capsys):
    with pytest.raises(SystemExit):
        cli.main([command, "--help"])
    text = capsys.readouterr().out
    for option in ("--mapping", "--edge-types", "--na-values"):
        assert option in text, (command, option)


def test_validate_and_profile_a_network_canvas_zip_with_edge_types(tmp_path, capsys):
    assert cli.main(["validate", str(EXPORT), "--edge-types", "Close"]) == 0
    assert "0 problems; 9 of 9 egos kept" in capsys.readouterr().out
    out = tmp_path / "p.csv"
    assert cli.main(["profile", str(EXPORT), "--edge-types", "Close", "--out", str(out)]) == 0
    profiles = pd.read_csv(out, index_col="ego_id")
    assert abs(profiles["density"].mean() - 0.385856531573766) < 1e-12
    assert cli.main(["validate", str(EXPORT), "--edge-types", "close"]) == 2  # a type that is not there
    assert "the types there are: 'Close', 'DrugTie', 'SexTie'" in capsys.readouterr().err


def test_na_values_from_the_command_line(tmp_path, capsys):
    folder = _folder(tmp_path / "d", "ego_id,age\ne1,-99\ne2,.\n", "ego_id,alter_id,relation\ne1,A,friend\ne2,A,parent\n")
    assert cli.main(["validate", str(folder)]) == 1
    assert cli.main(["validate", str(folder), "--na-values=-99,."]) == 0  # "=": the value starts with a dash
    assert "0 problems; 2 of 2 egos kept" in capsys.readouterr().out


def test_mapping_from_the_command_line(tmp_path, capsys):
    folder = _folder(tmp_path / "d", "ego_id\ne1\n", "ego_id,alter_id,relatie\ne1,A,zus\ne1,B,buurman\n")
    mapping = tmp_path / "m.yaml"
    mapping.write_text("alters:\n  columns: {relation: relatie}\n  values:\n    relation: {zus: sibling, buurman: neighbour}\n")
    assert cli.main(["profile", str(folder), "--mapping", str(mapping), "--out", str(tmp_path / "p.csv")]) == 0
    assert pd.read_csv(tmp_path / "p.csv", index_col="ego_id").loc["e1", "share_family"] == 0.5


def test_several_datasets_in_one_folder_is_one_line(capsys):
    assert cli.main(["profile", str(DATA / "egor_sets")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("netles: ") and err.count("\n") == 1 and "choose one by giving one of its files" in err
    assert cli.main(["profile", str(DATA / "egor_sets" / "egos_32.csv")]) == 0


def test_no_ego_can_be_profiled_says_what_to_do(tmp_path, capsys):
    folder = _folder(tmp_path / "d", "ego_id\ne1\ne2\n", "ego_id,alter_id,relation\ne1,A,friend\ne2,A,parent\n",
                     "ego_id,source,target\ne1,A,B\ne2,A,C\n")
    for command in (["profile", str(folder)], ["rapport", str(folder), "--group", "group", "--out", str(tmp_path / "r.html")],
                    ["anonymise", str(folder), "--out", str(tmp_path / "anon"), "--key-file", str(tmp_path / "key.txt")]):
        assert cli.main(command) == 2, command
        err = capsys.readouterr().err
        assert "no ego can be profiled: every one of the 2 ego(s)" in err and "field 'target'" in err
        assert f"run netles validate {folder}" in err and "docs/research.md" in err and "Traceback" not in err
    assert not (tmp_path / "key.txt").exists() and not (tmp_path / "r.html").exists()


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    # thousands of problems: far more output than a pipe buffer holds, cut off after 3 lines
    egos = "ego_id\n" + "".join(f"e{i}\n" for i in range(3000))
    alters = "ego_id,alter_id,relation\n" + "".join(f"e{i},A,cousin\ne{i},B,friend\ne{i},C,parent\n" for i in range(3000))
    folder = _folder(tmp_path / "d", egos, alters)
    assert os.path.exists(NETLES)
    result = subprocess.run(["bash", "-c", f'"{NETLES}" validate "{folder}" --all | head -n 3; echo "status ${{PIPESTATUS[0]}}" >&2'],
                            capture_output=True, text=True, timeout=300)
    assert result.stdout.count("\n") == 3 and result.stdout.startswith("3000 problems; 0 of 3000 egos kept")
    assert result.stderr.strip() == "status 0"  # nothing else on stderr: no traceback, no "Exception ignored"
    full = subprocess.run([NETLES, "validate", str(folder), "--all"], capture_output=True, text=True, timeout=300)
    assert len(full.stdout) > 200_000 and full.returncode == 1
