"""Offline guarantee: Craffu's main flows work with the network switched off.

Every flow runs as ``python -m desktop ...`` in a process whose ``sitecustomize`` (first on
PYTHONPATH) replaces name lookup and every way of opening an internet connection with a function
that writes the attempt to a log and raises. A flow passes when it succeeds *and* the log is empty:
code that tried the network and quietly carried on would still be caught.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from test_publishing_support import (
    draft_report_id,
    fix_welsh_and_approve,
    homicide_report_id,
    open_store,
)

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = b"offline-test"

SITECUSTOMIZE = '''
"""Installed by tests/test_offline.py: no network for this process."""
import os
import socket
import threading

_LOG = os.environ["CRAFFU_NET_LOG"]
_NET = {socket.AF_INET, socket.AF_INET6}


class NetworkBlocked(OSError):
    pass


def _refuse(what, detail=""):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(f"{what} {detail}\\n")
    raise NetworkBlocked(f"network blocked by the offline test: {what} {detail}")


_connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto
_socketpair = socket.socketpair
_in_socketpair = threading.local()


def socketpair(*args, **kwargs):
    # On Windows a socket pair is two loopback sockets joined inside this process (asyncio makes
    # one for every event loop): not the network, so its own connect is let through.
    _in_socketpair.active = True
    try:
        return _socketpair(*args, **kwargs)
    finally:
        _in_socketpair.active = False


def _blocked(sock):
    return sock.family in _NET and not getattr(_in_socketpair, "active", False)


def connect(self, address):
    if _blocked(self):
        _refuse("connect", address)
    return _connect(self, address)


def connect_ex(self, address):
    if _blocked(self):
        _refuse("connect_ex", address)
    return _connect_ex(self, address)


def sendto(self, *args):
    if self.family in _NET:
        _refuse("sendto", args[-1])
    return _sendto(self, *args)


socket.socketpair = socketpair
socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.socket.sendto = sendto
socket.getaddrinfo = lambda *a, **k: _refuse("getaddrinfo", a[:2])
socket.gethostbyname = lambda *a, **k: _refuse("gethostbyname", a[:1])
socket.gethostbyname_ex = lambda *a, **k: _refuse("gethostbyname_ex", a[:1])
socket.create_connection = lambda *a, **k: _refuse("create_connection", a[:1])
'''


@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> tuple[dict[str, str], Path]:
    folder = tmp_path_factory.mktemp("offline")
    (folder / "site").mkdir()
    (folder / "site" / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = folder / "network-attempts.log"
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(folder / "site"), str(ROOT)]),
        PYTHONIOENCODING="utf-8",
        CRAFFU_NET_LOG=str(log),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
        APPDATA=str(folder / "config"),  # the same two folders on Windows
        LOCALAPPDATA=str(folder / "data"),
        HOME=str(folder / "home"),
        # Proxies would not help, but they must not be what made a flow pass either.
        no_proxy="*",
    )
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env.pop(var, None)
    return env, log


# The blocker is imported explicitly as well as through PYTHONPATH: the embeddable Windows
# CPython that runs these tests under Wine ignores PYTHONPATH, and a blocker that silently failed
# to load would let every flow pass. test_the_blocker_really_blocks proves it is in place.
LAUNCH = """
import runpy, sys
sys.path[:0] = {paths!r}
import sitecustomize  # noqa: F401  (already imported where PYTHONPATH is honoured)
if sys.argv[1] == "--code":
    exec(sys.argv[2])
else:
    sys.argv = ["craffu", *sys.argv[1:]]
    runpy.run_module("desktop", run_name="__main__", alter_sys=True)
"""


def run(env: dict[str, str], *argv: object, code: str | None = None) -> subprocess.CompletedProcess:
    paths = env["PYTHONPATH"].split(os.pathsep)
    launch = LAUNCH.format(paths=paths)
    args = ["--code", code] if code is not None else [str(a) for a in argv]
    return subprocess.run(
        [sys.executable, "-c", launch, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
    )


def attempts(log: Path) -> str:
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_the_blocker_really_blocks(offline):
    env, log = offline
    proc = run(
        env,
        code=(
            "import urllib.request\n"
            "try:\n"
            "    urllib.request.urlopen('http://93.184.215.14/', timeout=5)\n"
            "except OSError as exc:\n"
            "    print('refused:', exc)\n"
            "else:\n"
            "    print('REACHED THE NETWORK')\n"
            "import socket\n"
            "try:\n"
            "    socket.getaddrinfo('example.org', 443)\n"
            "except OSError as exc:\n"
            "    print('refused:', exc)\n"
            "try:\n"
            "    socket.socket().connect(('127.0.0.1', 9))\n"
            "except OSError as exc:\n"
            "    print('refused:', exc)\n"
        ),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("network blocked by the offline test") == 3, proc.stdout
    logged = attempts(log)
    assert "create_connection" in logged and "getaddrinfo" in logged and "connect (" in logged
    log.unlink()


def test_main_flows_work_offline(offline, tmp_path: Path):
    from desktop.documents.test_certs import make_test_certificate

    env, log = offline
    log.unlink(missing_ok=True)
    db = tmp_path / "office.db"

    def ok(*argv: object) -> subprocess.CompletedProcess:
        proc = run(env, *argv)
        assert proc.returncode == 0, (argv, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr, proc.stderr
        assert attempts(log) == "", f"{argv} tried the network: {attempts(log)}"
        return proc

    ok("demo", db)
    ok("import", ROOT / "tests" / "inputs" / "csv" / "good-utf8-bom.csv", "--db", db)
    report_id, draft_id = _report_ids(db)
    ok("export", "response", "--db", db, "--report", draft_id, "--lang", "cy",
       "--out", tmp_path / "ymateb.pdf", "--html", tmp_path / "ymateb.html")  # fmt: skip
    assert (tmp_path / "ymateb.pdf").read_bytes().startswith(b"%PDF")

    now = datetime.now(UTC)
    p12 = make_test_certificate(
        tmp_path / "cert", "Swyddfa Comisiynydd", now - timedelta(days=1),
        now + timedelta(days=365), PASSWORD,
    )  # fmt: skip
    password = tmp_path / "password.txt"
    password.write_bytes(PASSWORD)
    # A signed draft, then the signed publication itself.
    ok("export", "response", "--db", db, "--report", draft_id, "--lang", "en",
       "--out", tmp_path / "signed-draft.pdf", "--sign", p12, "--password-file", password)  # fmt: skip
    assert "Intact: yes" in ok("verify", tmp_path / "signed-draft.pdf").stdout
    _approve(db, report_id)
    published = tmp_path / "published"
    ok("publish", "--db", db, "--report", report_id, "--sign", p12,
       "--password-file", password, "--out-dir", published)  # fmt: skip
    signed = sorted(published.glob("*.pdf"))
    assert signed, "publish wrote no PDF"
    for pdf in signed:
        assert "Intact: yes" in ok("verify", pdf, "--trust", p12.with_suffix(".pem")).stdout

    smoke = ok("--smoke", "--db", db)
    assert "startup_ms=" in smoke.stdout


def _report_ids(db: Path) -> tuple[int, int]:
    """The demo's Homicide Prevention report and the report whose response is a draft."""
    store = open_store(db)
    try:
        return homicide_report_id(store), draft_report_id(store)
    finally:
        store.db.close()


def _approve(db: Path, report_id: int) -> None:
    """Bring a response to the report to 'approved' the way the office would (services, in
    process): a new version when the demo's is already published."""
    from desktop.services import publishing

    store = open_store(db)
    try:
        current = store.current_response(report_id)
        if current is not None and current.state == "published":
            draft = publishing.new_version(store, current.id)
            publishing.save_draft(store, replace(draft, letter_date=date.today()))
        fix_welsh_and_approve(store, report_id)
    finally:
        store.db.close()
