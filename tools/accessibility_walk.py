"""What a screen reader finds in Craffu: every control of every section, in both languages.

    dbus-run-session -- xvfb-run -a -s "-screen 0 1366x768x24" \\
        /usr/bin/python3 tools/accessibility_walk.py --python .venv/bin/python --out walk.json

Runs under the system Python 3, which has pyatspi (Debian: python3-pyatspi; also at-spi2-core,
dbus-x11 and xvfb). It starts Craffu (``--python``: the interpreter that has Craffu installed) on
a fresh demonstration database in a temporary folder, with Qt's accessibility bridge switched on,
finds the application on the accessibility bus, and, for each interface language, moves through
the sections by pressing the View menu's items through AT-SPI actions (as an assistive tool would)
and writes down the role, name, description and states of every control a user can reach: the
menus, and everything showing in the window. Languages are switched live through the Language
menu, so the names are checked after a retranslation too. In each language it also opens a
record in Reports, Recommendations and Board meetings (with the dashboard items' own action) and,
in the last language, the dialogs each record offers, closed again with Cancel. The result is
JSON::

    {"languages": {"en": {"dashboard": [control, ...], ...}, "cy": {...}},
     "dashboard_link": {"pressed", "section_after"}, "app_stderr": "..."}

where a control is ``{"role", "name", "description", "states", "path", "id"}`` (``id``: Qt's
object names from the window down), and a combo box also has its ``value`` and the captions it
is ``labelled_by``. ``app_stderr`` is what Craffu printed, less the bridge's known chatter.
``--summary`` prints the unnamed controls per section.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = (
    "dashboard",
    "reports",
    "recommendations",
    "meetings",
    "responses",
    "translations",
    "settings",
)
# Menu bar order (desktop/ui/main_window.py: File, Edit, View, Language, Help).
VIEW_MENU, LANGUAGE_MENU = 2, 3
LANGUAGE_NAMES = {"cy": "Cymraeg", "en": "English"}

# Roles a user operates or reads as a unit: each must have a name.
INTERACTIVE_ROLES = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "spin button",
    "date editor",
    "table",
    "tree table",
    "tree",
    "list",
    "list box",
    "page tab",
    "menu",
    "menu item",
    "check menu item",
    "radio menu item",
    "slider",
    "link",
    "document frame",
}
# Their children are cells or popup entries, named from the data: not walked.
LEAF_ROLES = {"table", "tree table", "tree", "list", "list box", "combo box", "spin button"}


_PYATSPI = None


def import_pyatspi():
    global _PYATSPI
    import pyatspi  # noqa: PLC0415 - only the system Python has it

    _PYATSPI = pyatspi
    return pyatspi


def role_of(acc) -> str:
    try:
        return acc.getRoleName()
    except Exception:  # noqa: BLE001 - a control that went away while walking
        return "gone"


def states_of(acc, pyatspi) -> list[str]:
    try:
        state_set = acc.getState()
    except Exception:  # noqa: BLE001
        return []
    wanted = {
        "focusable": pyatspi.STATE_FOCUSABLE,
        "focused": pyatspi.STATE_FOCUSED,
        "showing": pyatspi.STATE_SHOWING,
        "visible": pyatspi.STATE_VISIBLE,
        "enabled": pyatspi.STATE_ENABLED,
        "checked": pyatspi.STATE_CHECKED,
        "selected": pyatspi.STATE_SELECTED,
        "editable": pyatspi.STATE_EDITABLE,
    }
    return [name for name, state in wanted.items() if state_set.contains(state)]


def children(acc):
    try:
        count = acc.childCount
    except Exception:  # noqa: BLE001
        return []
    found = []
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:  # noqa: BLE001
            continue
        if child is not None:
            found.append(child)
    return found


def describe(acc, pyatspi, path: str) -> dict:
    try:
        ident = acc.accessibleId or ""  # Qt: the objectNames from the window down
    except Exception:  # noqa: BLE001
        ident = ""
    role = role_of(acc)
    info = {
        "role": role,
        "name": (acc.name or "").strip(),
        "description": (acc.description or "").strip(),
        "states": states_of(acc, pyatspi),
        "path": path,
        "id": ident.removeprefix("QApplication.mainWindow."),
    }
    if role == "combo box":
        # Qt on Linux names a combo box by its current value ("Any"), as GTK does, and points
        # to its caption through a labelled-by relation, which Orca reads: note both.
        info["value"] = combo_value(acc)
        info["labelled_by"] = labelled_by(acc)
    return info


def labelled_by(acc) -> list[str]:
    names = []
    try:
        relations = acc.getRelationSet()
    except Exception:  # noqa: BLE001
        return names
    for relation in relations:
        if relation.getRelationType() != _PYATSPI.RELATION_LABELLED_BY:
            continue
        for i in range(relation.getNTargets()):
            target = relation.getTarget(i)
            if target is not None and (target.name or "").strip():
                names.append(target.name.strip())
    return names


def combo_value(acc) -> str:
    for child in children(acc):
        if role_of(child) in ("list", "menu", "list box"):
            for item in children(child):
                try:
                    if item.getState().contains(_PYATSPI.STATE_SELECTED):
                        return (item.name or "").strip()
                except Exception:  # noqa: BLE001
                    continue
    return ""


def walk_showing(acc, pyatspi, path: str = "", out: list | None = None) -> list[dict]:
    """Every showing control below ``acc`` whose role is interactive or that takes focus."""
    out = [] if out is None else out
    for child in children(acc):
        try:
            if not child.getState().contains(pyatspi.STATE_SHOWING):
                continue  # asked first: most of the tree is hidden pages and popups
        except Exception:  # noqa: BLE001 - gone while walking
            continue
        role = role_of(child)
        if role in ("menu bar", "popup menu"):
            continue  # walked on their own (walk_menus)
        states = states_of(child, pyatspi)
        if role in INTERACTIVE_ROLES or "focusable" in states:
            info = describe(child, pyatspi, path)
            out.append(info)
            label = info["name"] or role
        else:
            label = (child.name or "").strip() or role
        if role not in LEAF_ROLES:
            walk_showing(child, pyatspi, f"{path}/{label}" if path else label, out)
    return out


def walk_menus(menubar, pyatspi) -> list[dict]:
    """The menu bar's menus and their items, open or not."""
    out = []

    def visit(acc, path: str) -> None:
        for child in children(acc):
            info = describe(child, pyatspi, path)
            if info["role"] == "separator":
                continue
            if info["role"] == "popup menu":
                visit(child, path)
                continue
            out.append(info)
            visit(child, f"{path}/{info['name'] or info['role']}")

    visit(menubar, "menu bar")
    return out


def find_app(pyatspi, pid: int, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == pid:
                    frames = [c for c in children(app) if role_of(c) == "frame"]
                    if frames and "showing" in states_of(frames[0], pyatspi):
                        return app, frames[0]
            except Exception:  # noqa: BLE001 - an application that is just starting or leaving
                continue
        time.sleep(0.2)
    raise SystemExit(f"Craffu did not appear on the accessibility bus within {timeout:.0f} s")


def find_role(acc, role: str, depth: int = 3):
    for child in children(acc):
        if role_of(child) == role:
            return child
        if depth > 0:
            found = find_role(child, role, depth - 1)
            if found is not None:
                return found
    return None


def press(acc) -> None:
    action = acc.queryAction()
    action.doAction(0)


def settle(frame, pyatspi, seconds: float) -> list[dict]:
    """The window's showing controls once they stop changing (a section builds and fills on
    first show): the same three looks in a row."""
    deadline = time.monotonic() + seconds
    looks: list[str] = []
    controls: list[dict] = []
    while time.monotonic() < deadline:
        time.sleep(0.08)
        controls = walk_showing(frame, pyatspi)
        looks.append(json.dumps(controls, sort_keys=True))
        if len(looks) >= 3 and looks[-1] == looks[-2] == looks[-3]:
            break
    return controls


def showing_tabs(acc, pyatspi) -> list:
    found = []
    for child in children(acc):
        role = role_of(child)
        if role in ("menu bar", "popup menu") or role in LEAF_ROLES:
            continue
        if "showing" not in states_of(child, pyatspi):
            continue
        if role == "page tab":
            found.append(child)
        found.extend(showing_tabs(child, pyatspi))
    return found


def menu_items(menubar, index: int) -> list:
    """The items of the menu bar's ``index``-th menu (Qt: a menu item holding a popup menu)."""
    menu = children(menubar)[index]
    popup = next(c for c in children(menu) if role_of(c) == "popup menu")
    return [c for c in children(popup) if role_of(c) != "separator"]


def walk_search(frame, pyatspi, result: dict) -> None:
    """Type a word into the global search (as a screen reader's text entry does) and walk the
    results panel and the field's clear button; then empty the field again."""
    fields = find_showing(frame, pyatspi, "text", "globalSearch")
    if not fields:
        return
    editable = fields[0].queryEditableText()
    editable.setTextContents("Homicide")
    result["search"] = settle(frame, pyatspi, 8.0)
    editable.setTextContents("")
    settle(frame, pyatspi, 5.0)


def walk_language(frame, pyatspi, app=None) -> dict[str, list[dict]]:
    """Every section (and its other tabs, and a record opened in it) of the window; with
    ``app``, the dialogs of those records too."""
    menubar = find_role(frame, "menu bar")
    if menubar is None:
        raise SystemExit("the window has no menu bar on the accessibility bus")
    view_items = menu_items(menubar, VIEW_MENU)
    result: dict[str, list[dict]] = {}
    for index, key in enumerate(SECTIONS):
        press(view_items[index])
        result[key] = settle(frame, pyatspi, 8.0)
        # Each other tab of the section (Translations' interface strings, a response's preview).
        tabs = showing_tabs(frame, pyatspi)
        chosen = [t for t in tabs if "selected" in states_of(t, pyatspi)]
        for number, tab in enumerate(tabs):
            if tab in chosen:
                continue
            press(tab)
            result[f"{key} (tab {number + 1})"] = settle(frame, pyatspi, 8.0)
        for tab in chosen:
            press(tab)
    walk_opened_records(frame, pyatspi, result, app=app)
    walk_search(frame, pyatspi, result)
    result["menus"] = walk_menus(menubar, pyatspi)
    return result


RECORD_SECTIONS = ("reports", "recommendations", "meetings")  # what the dashboard's items open


# The buttons that close a dialog without changing anything, in either language.
CLOSE_WORDS = {"Cancel", "Canslo", "No", "Na", "Close", "Cau"}


def walk_dialogs(app, frame, pyatspi, key: str, result: dict) -> None:
    """Open each dialog the section's record offers (an enabled button whose name ends in "…"),
    walk it, and close it with its Cancel (or No) button: nothing is changed. File choosers
    are Qt's own and are closed unwalked."""
    for button in find_showing(frame, pyatspi, "push button", ""):
        name = (button.name or "").strip()
        if not name.endswith("…") or "enabled" not in states_of(button, pyatspi):
            continue
        before = len(children(app))
        press(button)
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline and len(children(app)) <= before:
            time.sleep(0.1)
        windows = children(app)
        if len(windows) <= before:
            continue  # a menu, or nothing to ask
        dialog = windows[-1]
        ident = (dialog.accessibleId or "").rsplit(".", 1)[-1] or name
        controls = settle(dialog, pyatspi, 5.0)
        if "FileDialog" not in ident:
            result[f"{key} dialog {ident}"] = controls
        closers = [
            c
            for c in find_showing(dialog, pyatspi, "push button", "")
            if (c.name or "").replace("&", "").strip() in CLOSE_WORDS
        ]
        if not closers:
            raise SystemExit(f"no Cancel button in the dialog {ident}: it was left open")
        press(closers[0])
        deadline = time.monotonic() + 5.0
        while time.monotonic() < deadline and len(children(app)) > before:
            time.sleep(0.1)


def walk_opened_records(frame, pyatspi, result: dict, most: int = 8, app=None) -> None:
    """Open records from the dashboard's items (a report due, an overdue recommendation, the
    next meeting) with the items' own action, and walk each section showing one: the editor
    filled and enabled, with what hangs off the record (assurances, history, agenda)."""
    menubar = find_role(frame, "menu bar")
    dashboard = menu_items(menubar, VIEW_MENU)[0]
    # The first items are a report due and an overdue recommendation; the last, an open action
    # of a meeting: try those first.
    for index in (0, 1, -1, *range(2, most)):
        press(dashboard)
        settle(frame, pyatspi, 8.0)
        links = find_showing(frame, pyatspi, "link", "linkRow")
        if index >= len(links) or not links:
            return
        press(links[index])
        controls = settle(frame, pyatspi, 8.0)
        key = SECTIONS[current_section_index(frame, pyatspi)]
        if key != "dashboard" and f"{key} (a record)" not in result:
            result[f"{key} (a record)"] = controls
            if app is not None:
                walk_dialogs(app, frame, pyatspi, key, result)
        if all(f"{k} (a record)" in result for k in RECORD_SECTIONS):
            return


def find_showing(acc, pyatspi, role: str, id_part: str) -> list:
    found = []
    for child in children(acc):
        info_role = role_of(child)
        if info_role in ("menu bar", "popup menu"):
            continue
        if "showing" not in states_of(child, pyatspi):
            continue
        try:
            ident = child.accessibleId or ""
        except Exception:  # noqa: BLE001
            ident = ""
        if info_role == role and id_part in ident:
            found.append(child)
        if info_role not in LEAF_ROLES:
            found.extend(find_showing(child, pyatspi, role, id_part))
    return found


def current_section_index(frame, pyatspi) -> int:
    for sidebar in find_showing(frame, pyatspi, "list", "sidebar"):
        for index, item in enumerate(children(sidebar)):
            if "selected" in states_of(item, pyatspi):
                return index
    return 0


def current_section(frame, pyatspi) -> str:
    """The sidebar's chosen entry, as the screen reader would say it."""
    for sidebar in find_showing(frame, pyatspi, "list", "sidebar"):
        for item in children(sidebar):
            if "selected" in states_of(item, pyatspi):
                return (item.name or "").strip()
    return ""


def press_first_dashboard_link(frame, pyatspi) -> dict:
    """Show the dashboard, open its first item with the item's own action (what a screen
    reader's "activate" does), and say which section is shown then."""
    menubar = find_role(frame, "menu bar")
    press(menu_items(menubar, VIEW_MENU)[0])
    settle(frame, pyatspi, 8.0)
    links = find_showing(frame, pyatspi, "link", "linkRow")
    if not links:
        return {"pressed": "", "section_after": current_section(frame, pyatspi)}
    name = (links[0].name or "").strip()
    press(links[0])
    settle(frame, pyatspi, 8.0)
    return {"pressed": name, "section_after": current_section(frame, pyatspi)}


def switch_language(frame, pyatspi, code: str) -> None:
    menubar = find_role(frame, "menu bar")
    for item in menu_items(menubar, LANGUAGE_MENU):
        if (item.name or "").replace("&", "") == LANGUAGE_NAMES[code]:
            press(item)
            time.sleep(0.3)
            return
    raise SystemExit(f"no {LANGUAGE_NAMES[code]} item in the Language menu")


def start_app(python: str, folder: Path, lang: str) -> subprocess.Popen:
    env = dict(os.environ)
    env.update(
        {
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_QPA_PLATFORM": "xcb",
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_DATA_HOME": str(folder / "data"),
            "LOCALAPPDATA": str(folder / "local"),
            "CRAFFU_USER": "accessibility-check",
            "PYTHONPATH": str(ROOT),
        }
    )
    env.pop("CRAFFU_PSEUDO", None)
    command = [python, "-m", "desktop", "--db", str(folder / "demo.db"), "--demo"]
    command += ["--ui-lang", lang]
    return subprocess.Popen(  # noqa: S603 - our own interpreter and module
        command,
        env=env,
        cwd=str(ROOT),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# What the accessibility bridge itself says on stderr when a client (pyatspi) asks the
# application for something Qt does not offer: harmless, and nothing Craffu did.
KNOWN_CHATTER = (
    re.compile(r'^qt\.accessibility\.atspi: AtSpiAdaptor::\w+ does not implement "\w+"'),
)


def unexpected_stderr(text: str) -> str:
    """The application's stderr less the known accessibility-bridge chatter."""
    lines = text.splitlines()
    return "\n".join(ln for ln in lines if not any(p.match(ln) for p in KNOWN_CHATTER))


def is_named(control: dict) -> bool:
    """Whether a screen reader has a name to say for the control, other than its value."""
    if control["role"] == "combo box" and control.get("labelled_by"):
        return True
    if not control["name"]:
        return False
    return not (control["role"] == "combo box" and control["name"] == control.get("value"))


def summary(data: dict) -> str:
    lines = []
    for lang, sections in data["languages"].items():
        for key, controls in sections.items():
            unnamed = [c for c in controls if not is_named(c)]
            lines.append(f"{lang} {key:16} {len(unnamed):3} unnamed of {len(controls)}")
            for c in unnamed:
                lines.append(f"      {c['role']:14} {c['id'] or c['path']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="the Python that runs Craffu")
    parser.add_argument("--out", type=Path, help="write the JSON here (default: stdout)")
    parser.add_argument("--langs", nargs="+", default=["en", "cy"], choices=("en", "cy"))
    parser.add_argument("--summary", action="store_true", help="print the unnamed controls")
    parser.add_argument("--timeout", type=float, default=40.0)
    args = parser.parse_args(argv)

    pyatspi = import_pyatspi()
    folder = Path(tempfile.mkdtemp(prefix="craffu-a11y-"))
    app = start_app(args.python, folder, args.langs[0])
    data: dict = {"languages": {}}
    try:
        app_acc, frame = find_app(pyatspi, app.pid, args.timeout)
        settle(frame, pyatspi, 8.0)
        for number, lang in enumerate(args.langs):
            if number:
                switch_language(frame, pyatspi, lang)
            # The dialogs once, in the last language: each is made anew in the language shown.
            last = number == len(args.langs) - 1
            data["languages"][lang] = walk_language(frame, pyatspi, app_acc if last else None)
        data["dashboard_link"] = press_first_dashboard_link(frame, pyatspi)
    finally:
        app.terminate()
        try:
            _out, err = app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            _out, err = app.communicate()
        shutil.rmtree(folder, ignore_errors=True)
    data["app_stderr"] = unexpected_stderr(err)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    elif not args.summary:
        print(text)
    if args.summary:
        print(summary(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
