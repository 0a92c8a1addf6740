"""What a screen reader finds: the real window under Xvfb, on the accessibility bus (AT-SPI, what
Orca reads), walked section by section in English and then in Welsh after a live switch.

``tools/accessibility_walk.py`` (system Python with pyatspi) starts Craffu on a fresh demo
database, moves between sections with the View menu's items as an assistive tool would, and dumps
every control a user can reach, then opens a record in each list section and the dialogs it
offers (closing them with Cancel); these tests read that dump. They need at-spi2-core,
python3-pyatspi, dbus and xvfb (``bash tools/dev.sh`` installs them on Debian and Ubuntu): without
them the tests are skipped, except under CI, where they must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WALKER = ROOT / "tools" / "accessibility_walk.py"
SYSTEM_PYTHON = "/usr/bin/python3"

sys.path.insert(0, str(ROOT / "tools"))
import accessibility_walk as walk  # noqa: E402 - the walker's pure parts import without pyatspi

# The page each section's controls sit in (object names in the accessible ids).
SECTION_PAGES = {
    "dashboard": "dashboardSection",
    "reports": "ReportsSection",
    "recommendations": "RecommendationsSection",
    "meetings": "MeetingsSection",
    "responses": "ResponsesSection",
    "translations": "TranslationsSection",
    "settings": "settingsSection",
}


def _missing_tools() -> list[str]:
    missing = [tool for tool in ("dbus-run-session", "xvfb-run") if shutil.which(tool) is None]
    if not Path(SYSTEM_PYTHON).exists():
        return [*missing, SYSTEM_PYTHON]
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        missing.append("python3-pyatspi")
    if not any(
        Path(p).exists()
        for p in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
    ):
        missing.append("at-spi2-core")
    return missing


@pytest.fixture(scope="module")
def walked(tmp_path_factory) -> dict:
    if not sys.platform.startswith("linux"):
        pytest.skip("AT-SPI is the Linux accessibility bus (Windows has UI Automation)")
    missing = _missing_tools()
    if missing:
        reason = "needs " + ", ".join(missing) + " (bash tools/dev.sh installs them)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the screen-reader walk: {reason}", pytrace=False)
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("atspi") / "walk.json"
    command = [
        "dbus-run-session",
        "--",
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1366x768x24",
        SYSTEM_PYTHON,
        str(WALKER),
        "--python",
        sys.executable,
        "--out",
        str(out),
        "--langs",
        "en",
        "cy",
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-4000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _unnamed(controls: list[dict]) -> list[str]:
    return [f"{c['role']} {c['id'] or c['path']}" for c in controls if not walk.is_named(c)]


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_control_in_every_section_has_a_name(walked, lang):
    views = walked["languages"][lang]
    for key, page in SECTION_PAGES.items():
        controls = views[key]
        # The walk really reached the section, and found its controls.
        assert any(page in c["id"] for c in controls), f"{lang} {key}: the section never showed"
        assert len(controls) >= 15, f"{lang} {key}: only {len(controls)} controls found"
    # Each section's other tabs (a response's preview, the interface strings) and the menus.
    assert "responses (tab 2)" in views and "translations (tab 2)" in views
    # A record opened from the dashboard in each list section: its editor filled and enabled.
    for key in ("reports", "recommendations", "meetings"):
        opened = views[f"{key} (a record)"]
        assert sum("enabled" in c["states"] for c in opened) >= 20, f"{lang} {key}: no record"
    assert len(views["menus"]) >= 20
    # The global search with results: the results list and the field's clear button.
    assert any("searchResults" in c["id"] for c in views["search"]), "no search results shown"
    if lang == "cy":  # the dialogs are walked once, in the last language
        for dialog in (
            "recommendations dialog AssuranceDialog",
            "recommendations dialog SeekUpdateDialog",
            "meetings dialog AgendaItemDialog",
            "meetings dialog ActionDialog",
        ):
            assert len(views.get(dialog, [])) >= 5, f"{dialog} was not walked"
    problems = {key: _unnamed(controls) for key, controls in views.items()}
    problems = {key: found for key, found in problems.items() if found}
    assert problems == {}, f"unnamed controls in {lang}:\n" + json.dumps(problems, indent=1)


def _named(walked: dict, lang: str, view: str, id_part: str) -> list[str]:
    return [c["name"] for c in walked["languages"][lang][view] if id_part in c["id"]]


def test_names_follow_a_live_language_switch(walked):
    """The names are the interface's own words, renewed when the language changes."""
    assert _named(walked, "en", "dashboard", "sidebar") == ["Sections"]
    assert _named(walked, "cy", "dashboard", "sidebar") == ["Adrannau"]
    assert _named(walked, "en", "recommendations", "QTableView") == ["Recommendations"]
    assert _named(walked, "cy", "recommendations", "QTableView") == ["Argymhellion"]
    # A combo box's caption reaches the screen reader (Qt names it by its value on Linux).
    filters = [c for c in walked["languages"]["cy"]["recommendations"] if c["role"] == "combo box"]
    captions = {name for c in filters for name in c["labelled_by"]}
    assert {"Statws", "Perchennog", "Adroddiad"} <= captions
    english = {c["name"] for c in walked["languages"]["en"]["settings"] if c["name"]}
    welsh = {c["name"] for c in walked["languages"]["cy"]["settings"] if c["name"]}
    assert "Settings" in english and "Gosodiadau" in welsh and "Settings" not in welsh


def test_dashboard_items_are_reachable_by_keyboard_and_announced(walked):
    for lang in ("en", "cy"):
        items = [c for c in walked["languages"][lang]["dashboard"] if "linkRow" in c["id"]]
        chart = [c for c in walked["languages"][lang]["dashboard"] if "ragChart" in c["id"]]
        # Overdue recommendations, the next meeting and its agenda, the open actions.
        assert len(items) >= 8
        for control in items + chart:
            assert "focusable" in control["states"], control
            assert control["name"], control
        # Announced as links (what they do), with the full text of a cut title, not markup.
        assert {c["role"] for c in items} == {"link"}
        assert not any("<p>" in c["description"] for c in items)
        assert chart and chart[0]["description"], "the RAG chart says its figures"
    # The first item (the most urgent report) opens when a screen reader activates it: the walk
    # ends in Welsh, so the section it lands on is named in Welsh.
    link = walked["dashboard_link"]
    assert link["pressed"], "no dashboard item could be activated"
    assert link["section_after"] in ("Adroddiadau", "Argymhellion", "Cyfarfodydd y bwrdd")


def test_the_application_said_nothing_unexpected_on_stderr(walked):
    assert walked["app_stderr"] == ""


@pytest.mark.parametrize(
    ("control", "named"),
    [
        ({"role": "text", "name": ""}, False),
        ({"role": "text", "name": "Owner"}, True),
        # Qt on Linux names a combo box by its value: only a caption makes it named.
        ({"role": "combo box", "name": "Any", "value": "Any", "labelled_by": []}, False),
        ({"role": "combo box", "name": "Any", "value": "Any", "labelled_by": ["Owner"]}, True),
        ({"role": "combo box", "name": "Report", "value": "", "labelled_by": []}, True),
    ],
)
def test_what_counts_as_named(control, named):
    assert walk.is_named(control) is named


def test_known_bridge_chatter_is_all_that_is_filtered():
    chatter = (
        "qt.accessibility.atspi: AtSpiAdaptor::applicationInterface does not implement "
        '"GetApplicationBusAddress" "/org/a11y/atspi/accessible/root"'
    )
    warning = "qt.qpa.xcb: could not connect to display"
    assert walk.unexpected_stderr(f"{chatter}\n{warning}\n") == warning
