"""Light checks of the packaging files (build.spec, the installer, the bundle script).

The bundle itself is built and smoke-tested by ``bash tools/dev.sh bundle`` (CI runs it after
the tests); these tests only read the files, so they need neither PyInstaller nor Windows.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build.spec"
ISS = ROOT / "installer" / "craffu.iss"
WELSH_ISL = ROOT / "installer" / "Welsh.isl"


def _pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]


@pytest.fixture
def spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict:
    """build.spec's definitions, executed up to the Analysis (PyInstaller stubbed out)."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda *a, **k: []  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    source = SPEC.read_text(encoding="utf-8")
    head, sep, _ = source.partition("\na = Analysis(")
    assert sep, "build.spec has no Analysis"
    namespace = {
        "SPECPATH": str(ROOT),
        "workpath": str(tmp_path / "work"),
        "DISTPATH": str(tmp_path / "dist"),
        "__name__": "build_spec",
    }
    exec(compile(head, str(SPEC), "exec"), namespace)  # noqa: S102 - our own spec
    return namespace


# ---- build.spec ---------------------------------------------------------------------------------


def test_spec_takes_name_and_version_from_pyproject(spec: dict) -> None:
    project = _pyproject()
    assert spec["NAME"] == project["name"] == "craffu"
    assert spec["VERSION"] == project["version"]
    text = SPEC.read_text(encoding="utf-8")
    assert project["version"] not in re.sub(r"#.*", "", text), "version written into build.spec"


def test_the_program_reports_the_version_the_bundle_is_named_by() -> None:
    from desktop import __version__

    assert __version__ == _pyproject()["version"]


def test_spec_never_compresses_and_builds_one_folder() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "upx=True" not in text
    assert text.count("upx=False") >= 2
    assert "COLLECT(" in text and "exclude_binaries=True" in text
    assert "console=False" in text
    assert 'desktop" / "__main__.py' in text


def test_windows_version_resource_follows_pyproject(spec: dict) -> None:
    text = Path(spec["version_file"]()).read_text(encoding="utf-8")
    version = _pyproject()["version"]
    assert f"StringStruct('ProductVersion', '{version}')" in text
    numbers = tuple(int(x) for x in re.findall(r"\d+", version)[:4])
    numbers += (0,) * (4 - len(numbers))
    assert f"filevers={numbers}" in text
    assert "0x0452" in text  # Welsh is named in the translation table


def test_data_files_mirror_the_repository(spec: dict, tmp_path: Path) -> None:
    fake = tmp_path / "repo"
    for lang in ("cy", "en"):
        folder = fake / "locales" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "messages.po").write_text("", encoding="utf-8")
        (folder / "messages.mo").write_bytes(b"mo")
    (fake / "resources" / "fonts").mkdir(parents=True)
    (fake / "resources" / "fonts" / "DejaVuSans.ttf").write_bytes(b"ttf")
    (fake / "resources" / "style.qss").write_text("", encoding="utf-8")
    spec["ROOT"] = fake

    catalogues = spec["catalogue_datas"]()
    assert sorted(dest for _src, dest in catalogues) == [
        str(Path("locales/cy/LC_MESSAGES")),
        str(Path("locales/en/LC_MESSAGES")),
    ]
    resources = dict(spec["resource_datas"]())
    assert resources[str(fake / "resources" / "fonts" / "DejaVuSans.ttf")] == str(
        Path("resources/fonts")
    )
    assert resources[str(fake / "resources" / "style.qss")] == "resources"


def test_spec_refuses_to_bundle_without_the_welsh_catalogue(spec: dict, tmp_path: Path) -> None:
    fake = tmp_path / "repo"
    (fake / "locales" / "en" / "LC_MESSAGES").mkdir(parents=True)
    (fake / "locales" / "en" / "LC_MESSAGES" / "messages.mo").write_bytes(b"mo")
    spec["ROOT"] = fake
    with pytest.raises(SystemExit, match="compile_catalogues"):
        spec["catalogue_datas"]()


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",  # QtGui needs it on Linux
        "PySide6/Qt/lib/libQt6Network.so.6",  # QtPdf links it
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/QtPdfWidgets.abi3.so",
        "cryptography/hazmat/bindings/_rust.abi3.so",
        "libcrypto.so.3",
        "PySide6\\Qt6Core.dll",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
    ],
)
def test_spec_keeps_what_craffu_needs(spec: dict, dest: str) -> None:
    assert spec["keep_binary"](dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Designer.so.6",
        "PySide6/Qt/lib/libQt6WaylandCompositor.so.6",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6\\opengl32sw.dll",
        "PySide6\\Qt6Quick.dll",
        "PySide6\\plugins\\platforms\\qdirect2d.dll",
    ],
)
def test_spec_drops_what_craffu_never_uses(spec: dict, dest: str) -> None:
    assert not spec["keep_binary"](dest)


def test_spec_keeps_the_platform_plugins_for_this_system(spec: dict) -> None:
    plugin = {"win32": "qwindows.dll", "darwin": "libqcocoa.dylib"}.get(sys.platform, "libqxcb.so")
    assert spec["keep_binary"](f"PySide6/Qt/plugins/platforms/{plugin}")
    assert spec["keep_binary"]("PySide6/Qt/plugins/platforms/libqminimal.so")


def test_spec_drops_qt_translations_and_foreign_babel_data(spec: dict) -> None:
    keep = spec["keep_data"]
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6\\translations\\qtbase_de.qm")  # the Windows wheel's layout
    assert not keep("PySide6/Qt/qml/QtQuick/Controls/qmldir")
    assert not keep("babel/locale-data/de.dat")
    assert not keep("babel/locale-data/fr_CA.dat")
    for name in ("root", "en", "en_GB", "cy"):
        assert keep(f"babel/locale-data/{name}.dat"), name
    assert keep("babel/global.dat")
    assert keep("resources/fonts/DejaVuSans.ttf")
    assert keep("locales/cy/LC_MESSAGES/messages.mo")


def test_trimmed_babel_data_formats_welsh_and_british_dates(
    spec: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Babel loads a locale's parents too (en_GB -> en_001 -> en -> root): with only the files
    the spec keeps, Craffu's dates and numbers still format in both languages."""
    from datetime import date

    import babel.localedata as localedata
    from babel.dates import format_date
    from babel.numbers import format_decimal

    source = Path(localedata._dirname)
    trimmed = tmp_path / "locale-data"
    trimmed.mkdir()
    for dat in source.glob("*.dat"):
        if spec["keep_data"](f"babel/locale-data/{dat.name}"):
            (trimmed / dat.name).write_bytes(dat.read_bytes())
    assert len(list(trimmed.iterdir())) < 10
    monkeypatch.setattr(localedata, "_dirname", str(trimmed))
    monkeypatch.setattr(localedata, "_cache", {})
    assert format_date(date(2023, 8, 11), "long", locale="cy") == "11 Awst 2023"
    assert format_date(date(2023, 8, 11), "long", locale="en_GB") == "11 August 2023"
    assert format_decimal(1234.5, locale="en_GB") == "1,234.5"
    with pytest.raises(OSError):
        localedata.load("de")


def _icu_package(items: dict[str, bytes], prefix: str = "icudt73l") -> bytes:
    """A small ICU common data package in the layout ICU's own tools write."""
    import struct

    header = struct.pack("<HBB", 32, 0xDA, 0x27) + struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0)
    header += b"CmnD" + bytes([1, 0, 0, 0]) + bytes(4)
    header += bytes(32 - len(header))
    names = sorted(items)
    encoded = [f"{prefix}/{name}".encode() + b"\0" for name in names]
    at = 4 + 8 * len(names)
    name_offsets = []
    for raw in encoded:
        name_offsets.append(at)
        at += len(raw)
    at += -at % 16
    table, chunks = [], []
    for name, name_at in zip(names, name_offsets, strict=True):
        table.append(struct.pack("<II", name_at, at))
        chunk = items[name] + bytes(-len(items[name]) % 16)
        chunks.append(chunk)
        at += len(chunk)
    body = struct.pack("<I", len(names)) + b"".join(table) + b"".join(encoded)
    body += bytes(-len(body) % 16)
    return header + body + b"".join(chunks)


def _icu_items(package: bytes) -> dict[str, bytes]:
    """Items of a package, read the way ICU's udata does (binary search needs sorted names)."""
    import struct

    size = struct.unpack_from("<H", package, 0)[0]
    count = struct.unpack_from("<I", package, size)[0]
    toc = [struct.unpack_from("<II", package, size + 4 + 8 * i) for i in range(count)]
    starts = sorted(offset for _, offset in toc) + [len(package) - size]
    out = {}
    for name_at, data_at in toc:
        start = size + name_at
        name = package[start : package.index(b"\0", start)].decode().split("/", 1)[1]
        assert (size + data_at) % 16 == 0, f"{name} is not 16-byte aligned"
        end = starts[starts.index(data_at) + 1]
        out[name] = package[size + data_at : size + end].rstrip(b"\0")
    assert list(out) == sorted(out)
    return out


def test_icu_trimming_keeps_the_wanted_items_intact(spec: dict) -> None:
    items = {
        "cy.res": b"welsh locale",
        "de.res": b"german locale" * 50,
        "coll/cy.res": b"welsh collation",
        "coll/ucadata.icu": b"uca" * 7,
        "coll/zh.res": b"chinese collation" * 99,
        "zoneinfo64.res": b"zones",
    }
    package = _icu_package(items)
    kept = spec["trim_icu_package"](package, lambda name: not name.endswith(("de.res", "zh.res")))
    assert _icu_items(kept) == {
        name: data for name, data in items.items() if name not in ("de.res", "coll/zh.res")
    }
    assert len(kept) < len(package)
    assert kept[:32] == package[:32]
    assert spec["trim_icu_package"](package, lambda name: True) == package


def test_icu_trimming_refuses_what_is_not_a_package(spec: dict) -> None:
    with pytest.raises(ValueError):
        spec["trim_icu_package"](b"\x7fELF" + bytes(200), lambda name: True)


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("root.res", True),
        ("cy.res", True),
        ("en_GB.res", True),
        ("en_001.res", True),
        ("de.res", False),
        ("zh_Hant_TW.res", False),
        ("coll/root.res", True),
        ("coll/cy.res", True),
        ("coll/ucadata.icu", True),
        ("coll/de.res", False),
        ("zone/en.res", True),
        ("zone/fr.res", False),
        ("curr/pool.res", True),
        ("brkitr/cjdict.dict", False),
        ("translit/root.res", False),
        ("nfkc.nrm", True),
        ("zoneinfo64.res", True),
        ("likelySubtags.res", True),
        ("unames.icu", False),
        ("ibm-1047_P100-1995.cnv", False),
    ],
)
def test_icu_data_kept_for_welsh_and_english(spec: dict, item: str, kept: bool) -> None:
    assert spec["icu_item_wanted"](item) is kept


# ---- the Windows installer ----------------------------------------------------------------------


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return sections


def test_installer_has_a_fixed_app_id() -> None:
    setup = _sections(ISS.read_text(encoding="utf-8"))["Setup"]
    ids = [line for line in setup if line.startswith("AppId=")]
    assert len(ids) == 1
    assert re.fullmatch(
        r"AppId=\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", ids[0]
    ), ids[0]


def test_installer_offers_a_per_user_install() -> None:
    setup = _sections(ISS.read_text(encoding="utf-8"))["Setup"]
    assert "PrivilegesRequired=lowest" in setup
    allowed = next(line for line in setup if line.startswith("PrivilegesRequiredOverridesAllowed="))
    assert "dialog" in allowed
    assert "DefaultDirName={autopf}\\{#AppName}" in setup


def test_installer_speaks_english_and_welsh() -> None:
    sections = _sections(ISS.read_text(encoding="utf-8"))
    languages = sections["Languages"]
    assert any(
        line.startswith('Name: "en"') and "compiler:Default.isl" in line for line in languages
    )
    assert any(line.startswith('Name: "cy"') and '"Welsh.isl"' in line for line in languages)
    custom = sections["CustomMessages"]
    english = {line.split("=", 1)[0][3:] for line in custom if line.startswith("en.")}
    welsh = {line.split("=", 1)[0][3:] for line in custom if line.startswith("cy.")}
    assert english and english == welsh


def test_installer_keeps_the_office_data() -> None:
    sections = _sections(ISS.read_text(encoding="utf-8"))
    assert "UninstallDelete" not in sections
    for line in sections.get("InstallDelete", []):
        assert "{app}" in line and "appdata" not in line.lower(), line
    assert any("{autoprograms}" in line for line in sections["Icons"])


def test_installer_icon_exists_and_has_the_usual_sizes() -> None:
    from PIL import Image

    with Image.open(ROOT / "installer" / "craffu.ico") as ico:
        sizes = ico.info["sizes"]
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(sizes)


WIZARD_MESSAGES = {
    # message: placeholders the English original has (all must survive translation)
    "SetupWindowTitle": {"%1"},
    "SelectLanguageTitle": set(),
    "SelectLanguageLabel": set(),
    "PrivilegesRequiredOverrideTitle": set(),
    "PrivilegesRequiredOverrideText1": {"%1"},
    "PrivilegesRequiredOverrideText2": {"%1"},
    "PrivilegesRequiredOverrideAllUsers": set(),
    "PrivilegesRequiredOverrideCurrentUser": set(),
    "WelcomeLabel1": {"[name]"},
    "WelcomeLabel2": {"[name/ver]", "%n"},
    "WizardSelectDir": set(),
    "SelectDirLabel3": {"[name]"},
    "DiskSpaceMBLabel": {"[mb]"},
    "WizardSelectTasks": set(),
    "SelectTasksLabel2": {"[name]"},
    "WizardReady": set(),
    "ReadyLabel1": {"[name]"},
    "ReadyMemoDir": set(),
    "PreparingDesc": {"[name]"},
    "InstallingLabel": {"[name]"},
    "FinishedHeadingLabel": {"[name]"},
    "FinishedLabel": {"[name]"},
    "RunEntryExec": {"%1"},
    "ExitSetupMessage": {"%n"},
    "ConfirmUninstall": {"%1"},
    "UninstallStatusLabel": {"%1"},
    "UninstalledAll": {"%1"},
    "UninstalledMost": {"%1", "%n"},
    "SetupAppRunningError": {"%1", "%n"},
    "UninstallAppRunningError": {"%1", "%n"},
    "ButtonBack": set(),
    "ButtonNext": set(),
    "ButtonInstall": set(),
    "ButtonCancel": set(),
    "ButtonFinish": set(),
    "LaunchProgram": {"%1"},
    "CreateDesktopIcon": set(),
    "AdditionalIcons": set(),
}


def _isl_messages() -> dict[str, str]:
    raw = WELSH_ISL.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Welsh.isl must be UTF-8 with a byte-order mark"
    messages = {}
    for section, lines in _sections(raw[3:].decode("utf-8")).items():
        for line in lines:
            key, _, value = line.partition("=")
            messages[f"{section}.{key}"] = value
    return messages


def test_welsh_installer_messages_cover_the_wizard() -> None:
    messages = _isl_messages()
    assert messages["LangOptions.LanguageID"] == "$0452"
    assert messages["LangOptions.LanguageName"] == "Cymraeg"
    flat = {key.split(".", 1)[1]: value for key, value in messages.items()}
    for name, placeholders in WIZARD_MESSAGES.items():
        assert flat.get(name), f"{name} is not translated"
        found = set(re.findall(r"%\d|%n|\[[a-z/]+\]", flat[name]))
        assert found == placeholders, f"{name}: {found} != {placeholders}"


def test_welsh_wizard_buttons_have_distinct_access_keys() -> None:
    flat = {key.split(".", 1)[1]: value for key, value in _isl_messages().items()}
    keys = [
        re.search(r"&(\w)", flat[name]).group(1).lower()  # type: ignore[union-attr]
        for name in ("ButtonBack", "ButtonNext", "ButtonInstall", "ButtonWizardBrowse")
    ]
    assert len(keys) == len(set(keys)), keys


# ---- scripts ------------------------------------------------------------------------------------


def test_bundle_script_is_valid_bash() -> None:
    for script in ("tools/build_bundle.sh", "tools/dev.sh", ".ci/run"):
        result = subprocess.run(["bash", "-n", str(ROOT / script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script}: {result.stderr}"


def test_ci_runs_the_tests_before_the_bundle() -> None:
    steps = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("bash tools/dev.sh")
    ]
    assert steps == ["bash tools/dev.sh test", "bash tools/dev.sh bundle"]
    dev = (ROOT / "tools" / "dev.sh").read_text(encoding="utf-8")
    case = dev[dev.index("    bundle)") :]
    case = case[: case.index(";;")]
    assert ".[build]" in case and "tools/build_bundle.sh" in case
