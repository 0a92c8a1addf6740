"""The command line on the demo data: every subcommand, in process and as ``python -m desktop``."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from database import SCHEMA_VERSION
from desktop import __version__
from desktop.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def run_process(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        cwd=cwd or ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    code, out, err = run("demo", str(path))
    assert code == 0, err
    assert str(path) in out
    return path


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    shutil.copy(demo_db, target)
    return target


def test_version():
    proc = run_process("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"craffu {__version__}"


def test_demo_refuses_existing_then_force(demo_copy: Path):
    before = demo_copy.read_bytes()
    code, _out, err = run("demo", str(demo_copy))
    assert code == 2 and "--force" in err and err.count("\n") == 1
    assert demo_copy.read_bytes() == before
    code, _out, err = run("demo", str(demo_copy), "--force", "--scale", "20")
    assert code == 0, err
    code, out, _err = run("reports", "--db", str(demo_copy), "--json")
    assert len(json.loads(out)) == 3 + 2


def test_reports_json(demo_db: Path):
    code, out, err = run("reports", "--db", str(demo_db), "--json")
    assert code == 0, err
    rows = json.loads(out)
    homicide = next(r for r in rows if r["title_en"].startswith("Homicide Prevention"))
    assert homicide["published_on"] == "2023-08-11"
    assert homicide["s55_due_on"] == "2023-10-05"
    assert homicide["recommendations"] == 3
    assert homicide["title_cy"].startswith("Atal Dynladdiad")
    for row in rows:
        assert {
            "id",
            "title_en",
            "title_cy",
            "published_on",
            "s55_due_on",
            "recommendations",
        } <= set(row)
        date.fromisoformat(row["published_on"])


def test_reports_json_subprocess_and_global_db(demo_db: Path):
    proc = run_process("--db", str(demo_db), "reports", "--json")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 3


def test_reports_text_in_welsh(demo_db: Path):
    code, out, _err = run("--ui-lang", "cy", "reports", "--db", str(demo_db))
    assert code == 0 and "Atal Dynladdiad" in out


def test_recommendations_rag_as_of(demo_db: Path):
    code, out, _err = run("reports", "--db", str(demo_db), "--json")
    homicide = next(r for r in json.loads(out) if r["title_en"].startswith("Homicide"))
    code, out, err = run(
        "recommendations", "--db", str(demo_db), "--report", str(homicide["id"]),
        "--as-of", "2024-01-01", "--json",
    )  # fmt: skip
    assert code == 0, err
    rows = {r["ref"]: r for r in json.loads(out)}
    assert set(rows) == {"1", "2", "3"}
    assert rows["1"]["rag"] == "grey"
    assert rows["2"]["deadline_on"] == "2024-08-31" and rows["2"]["rag"] == "green"
    for row in rows.values():
        assert {"id", "report_id", "ref", "deadline_on", "local_status", "rag"} <= set(row)
    code, out, _err = run("recommendations", "--db", str(demo_db), "--json")
    all_rows = json.loads(out)
    assert len(all_rows) == 15
    assert {r["rag"] for r in all_rows} == {"red", "amber", "green", "grey"}


def test_recommendations_subprocess(demo_db: Path):
    proc = run_process("recommendations", "--db", str(demo_db), "--as-of", "2030-01-01", "--json")
    assert proc.returncode == 0, proc.stderr
    assert all(r["rag"] != "amber" or r["deadline_on"] is None for r in json.loads(proc.stdout))


def test_bad_as_of_is_a_usage_error(demo_db: Path):
    code, _out, err = run("recommendations", "--db", str(demo_db), "--as-of", "31/02/2024")
    assert code == 2 and "not a date" in err


def test_unknown_report_is_an_error(demo_db: Path):
    code, out, err = run("recommendations", "--db", str(demo_db), "--report", "999", "--json")
    assert code == 2 and out == "" and err.strip() == "There is no report with id 999."


def test_search(demo_db: Path):
    code, out, err = run("search", "--db", str(demo_db), "dwr", "--json")
    assert code == 0, err
    hits = json.loads(out)
    assert hits and hits[0]["kind"] == "meetings" and "dŵr" in hits[0]["snippet"]
    code, out, _err = run("search", "--db", str(demo_db), "homicide", "--json")
    english = json.loads(out)
    code, out, _err = run("search", "--db", str(demo_db), "dynladdiad", "--json")
    welsh = json.loads(out)
    assert english and welsh
    assert [h["rank"] for h in english] == sorted(h["rank"] for h in english)


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(", "AND", "", "*"])
def test_search_hostile(demo_db: Path, query: str):
    proc = run_process("search", "--db", str(demo_db), query, "--json")
    assert proc.returncode == 0, proc.stderr
    assert isinstance(json.loads(proc.stdout), list)


def test_check(demo_db: Path):
    code, out, err = run("check", "--db", str(demo_db), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["ok"] and report["problems"] == [] and report["schema_version"] == SCHEMA_VERSION
    proc = run_process("check", "--db", str(demo_db))
    assert proc.returncode == 0 and "no problems" in proc.stdout


def test_check_old_database_does_not_migrate(tmp_path: Path):
    path = tmp_path / "v1.db"
    shutil.copy(ROOT / "tests" / "databases" / "craffu-v1.db", path)
    before = path.read_bytes()
    code, out, _err = run("check", "--db", str(path))
    assert code == 0 and "Schema version 1" in out
    assert path.read_bytes() == before


def test_check_refuses_bad_files(tmp_path: Path):
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    code, out, err = run("check", "--db", str(bad))
    assert code == 2 and "not a Craffu database" in err
    code, _out, err = run("check", "--db", str(tmp_path / "missing.db"))
    assert code == 2 and "There is no database" in err
    assert not (tmp_path / "missing.db").exists()


def test_backup_and_restore(demo_copy: Path, tmp_path: Path):
    out_file = tmp_path / "b.craffu-backup"
    proc = run_process("backup", "--db", str(demo_copy), "--out", str(out_file))
    assert proc.returncode == 0, proc.stderr
    assert out_file.exists()
    code, _out, err = run("backup", "--db", str(demo_copy), "--out", str(out_file))
    assert code == 2  # will not overwrite without --force
    conn = sqlite3.connect(demo_copy)
    conn.execute("DELETE FROM actions")
    conn.commit()
    conn.close()
    code, out, err = run("restore", str(out_file), "--db", str(demo_copy))
    assert code == 0, err
    assert "restored" in out
    conn = sqlite3.connect(demo_copy)
    assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] > 0
    conn.close()
    assert list((tmp_path / "backups").glob("*before-restore*"))


def test_restore_refuses_corrupt_backup(demo_copy: Path, tmp_path: Path):
    bad = tmp_path / "bad.craffu-backup"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 200)
    before = demo_copy.read_bytes()
    proc = run_process("restore", str(bad), "--db", str(demo_copy))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert demo_copy.read_bytes() == before


def test_newer_database_refused_by_every_command(tmp_path: Path):
    path = tmp_path / "newer.db"
    shutil.copy(ROOT / "tests" / "inputs" / "db" / "newer-version.db", path)
    before = path.read_bytes()
    for argv in (
        ["reports", "--db", str(path), "--json"],
        ["recommendations", "--db", str(path)],
        ["search", "--db", str(path), "x"],
        ["check", "--db", str(path)],
        ["backup", "--db", str(path), "--out", str(tmp_path / "o.bak")],
        ["import", str(ROOT / "tests" / "inputs" / "csv" / "windows-1252.csv"), "--db", str(path)],
    ):
        code, out, err = run(*argv)
        assert code == 2, argv
        assert "newer version of Craffu" in err and out == ""
    assert path.read_bytes() == before


def test_import_good_file(tmp_path: Path):
    db = tmp_path / "office.db"
    proc = run_process("import", str(ROOT / "tests/inputs/csv/good-utf8-bom.csv"), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert "Imported 4 recommendations" in proc.stdout
    code, out, _err = run("reports", "--db", str(db), "--json")
    assert {r["title_en"] for r in json.loads(out)} == {"Water safety inspection", "Custody review"}


def test_gui_entry_is_called(monkeypatch, tmp_path: Path):
    import types

    calls = []
    fake = types.ModuleType("desktop.ui.app")
    fake.run = lambda db_path, demo, smoke: calls.append((db_path, demo, smoke)) or 0
    monkeypatch.setitem(sys.modules, "desktop.ui.app", fake)
    import desktop.ui

    monkeypatch.setattr(desktop.ui, "app", fake, raising=False)
    assert run("--db", str(tmp_path / "x.db"), "--smoke")[0] == 0
    assert calls == [(tmp_path / "x.db", False, True)]
    assert run("--demo")[0] == 0
    assert calls[-1] == (None, True, False)


def test_help_lists_commands():
    code, out, _err = run("--help")
    assert code == 0
    for name in (
        "demo",
        "reports",
        "recommendations",
        "search",
        "import",
        "check",
        "backup",
        "restore",
    ):
        assert name in out


@pytest.mark.parametrize(
    "name", ["not-sqlite.db", "truncated.db", "newer-version.db", "unknown-migration.db"]
)
@pytest.mark.parametrize("command", ["reports", "check", "search"])
def test_hostile_database_files(tmp_path: Path, name: str, command: str):
    path = tmp_path / name
    shutil.copy(ROOT / "tests" / "inputs" / "db" / name, path)
    before = path.read_bytes()
    argv = [command, "--db", str(path)] + (["anything"] if command == "search" else [])
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(path) in err
    assert "Traceback" not in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_restore_of_a_missing_backup_says_it_does_not_exist(demo_copy: Path, tmp_path: Path):
    before = demo_copy.read_bytes()
    missing = tmp_path / "nothere.db"
    code, out, err = run("restore", str(missing), "--db", str(demo_copy))
    assert code == 2 and out == ""
    assert err.strip() == f"The backup file {missing} does not exist."
    assert demo_copy.read_bytes() == before
    assert not missing.exists() and not (tmp_path / "backups").exists()


def test_backup_over_an_existing_file_says_why_and_force_replaces_it(
    demo_copy: Path, tmp_path: Path
):
    out_file = tmp_path / "office.bak"
    out_file.write_bytes(b"an older backup")
    code, out, err = run("backup", "--db", str(demo_copy), "--out", str(out_file))
    assert code == 2 and out == ""
    assert err.strip() == (
        f"{out_file} already exists; Craffu will not overwrite it. Use --force to replace it."
    )
    assert out_file.read_bytes() == b"an older backup"
    code, out, err = run("backup", "--db", str(demo_copy), "--out", str(out_file), "--force")
    assert code == 0, err
    assert out_file.read_bytes().startswith(b"SQLite format 3\x00")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "office.bak"]


def test_backup_onto_the_database_itself_is_refused(demo_copy: Path):
    before = demo_copy.read_bytes()
    code, _out, err = run("backup", "--db", str(demo_copy), "--out", str(demo_copy), "--force")
    assert code == 2
    assert err.strip() == f"{demo_copy} is the database itself; write the backup to another file."
    assert demo_copy.read_bytes() == before


def test_backup_where_a_folder_should_be_names_the_reason(demo_copy: Path, tmp_path: Path):
    (tmp_path / "a-file").write_text("x")
    target = tmp_path / "a-file" / "office.bak"
    code, _out, err = run("backup", "--db", str(demo_copy), "--out", str(target))
    assert code == 2
    assert err.strip() == f"Could not write {target}: part of the path is a file, not a folder."


def test_unknown_report_is_an_error_in_welsh_too(demo_db: Path):
    code, out, err = run(
        "--ui-lang", "cy", "recommendations", "--db", str(demo_db), "--report", "999"
    )
    assert code == 2 and out == ""
    assert "999" in err and "There is no" not in err and "no longer" not in err
