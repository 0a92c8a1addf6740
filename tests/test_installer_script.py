"""The Windows installer script (installer/craffu.iss) and its Welsh messages (installer/Welsh.isl).

Pure text checks, on Linux and Windows alike: they need neither Inno Setup nor Wine. The
comparison with Inno Setup's own English messages (Default.isl) runs when Inno Setup is at hand:
in $INNOSETUP_DIR, or where the Windows build unpacks the npm package ``innosetup``
(~/.cache/craffu-windows/innosetup/node_modules/innosetup/bin); otherwise it is skipped.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "installer" / "craffu.iss"
WELSH_ISL = ROOT / "installer" / "Welsh.isl"
NPM_INNOSETUP = Path("~/.cache/craffu-windows/innosetup/node_modules/innosetup/bin").expanduser()

# The stand-in DLLs the Wine test prefix carries (docs: /work/shared/WINDOWS.md, "What Wine 8.0
# lacks"); a real Windows has the genuine ones and must load those.
WINE_ONLY_DLLS = {"icuuc.dll", "bcryptprimitives.dll", "mscms.dll"}

# Messages Default.isl itself leaves empty: they may stay empty in Welsh.
EMPTY_IN_ENGLISH = {"HelpTextNote", "BeveledLabel", "AboutSetupNote"}

# Controls shown together (one wizard page, dialog or task dialog): their access keys must differ.
# The wizard's Next button reads ButtonInstall on the Ready page and ButtonFinish on the last one.
SHOWN_TOGETHER = {
    "wizard buttons": ["ButtonBack", "ButtonNext"],
    "ready page": ["ButtonBack", "ButtonInstall"],
    "install mode, all users recommended": [
        "PrivilegesRequiredOverrideAllUsersRecommended",
        "PrivilegesRequiredOverrideCurrentUser",
    ],
    "install mode, me only recommended": [
        "PrivilegesRequiredOverrideAllUsers",
        "PrivilegesRequiredOverrideCurrentUserRecommended",
    ],
    "password page": ["ButtonBack", "ButtonNext", "PasswordEditLabel"],
    "licence page": ["ButtonBack", "ButtonNext", "LicenseAccepted", "LicenseNotAccepted"],
    "user information page": [
        "ButtonBack",
        "ButtonNext",
        "UserInfoName",
        "UserInfoOrg",
        "UserInfoSerial",
    ],
    "destination page": ["ButtonBack", "ButtonNext", "ButtonWizardBrowse"],
    "start menu page": ["ButtonBack", "ButtonNext", "ButtonWizardBrowse", "NoProgramGroupCheck2"],
    "tasks page": ["ButtonBack", "ButtonNext", "CreateDesktopIcon"],
    "download page": ["ButtonBack", "ButtonNext", "ButtonStopDownload"],
    "extraction page": ["ButtonBack", "ButtonNext", "ButtonStopExtraction"],
    "preparing page": ["ButtonBack", "ButtonNext", "CloseApplications", "DontCloseApplications"],
    "finished page": ["ButtonBack", "ButtonFinish", "YesRadio", "NoRadio"],
    "message box": ["ButtonYes", "ButtonYesToAll", "ButtonNo", "ButtonNoToAll"],
    "browse dialog": ["ButtonNewFolder"],
    "next disk dialog": ["PathLabel", "ButtonBrowse"],
    "file error": [
        "AbortRetryIgnoreRetry",
        "FileAbortRetryIgnoreSkipNotRecommended",
        "FileAbortRetryIgnoreIgnoreNotRecommended",
    ],
    "install error": ["AbortRetryIgnoreRetry", "AbortRetryIgnoreIgnore"],
    "read-only file": ["ExistingFileReadOnlyRetry", "ExistingFileReadOnlyKeepExisting"],
    "file exists": [
        "FileExistsOverwriteExisting",
        "FileExistsKeepExisting",
        "FileExistsOverwriteOrKeepAll",
    ],
    "newer file exists": [
        "ExistingFileNewerOverwriteExisting",
        "ExistingFileNewerKeepExisting",
        "ExistingFileNewerOverwriteOrKeepAll",
    ],
}


# ---- reading the files --------------------------------------------------------------------------


def read_isl(path: Path) -> dict[str, dict[str, str]]:
    """An .isl file's sections as {section: {name: value}} (comments and blank lines skipped)."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, line in enumerate(raw.decode("utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = sections.setdefault(header.group(1), {})
            continue
        name, sep, value = line.partition("=")
        assert current is not None and sep, f"{path.name}:{number}: not 'Name=value': {line!r}"
        assert name not in current, f"{path.name}:{number}: {name} defined twice"
        current[name] = value
    return sections


def placeholders(text: str) -> tuple[frozenset[str], int, frozenset[str]]:
    """What Inno Setup substitutes in a message: %1..%9, the number of %n line breaks, and the
    wizard's [name], [name/ver], [mb], [gb]."""
    return (
        frozenset(re.findall(r"%[1-9]", text)),
        len(re.findall(r"%n", text)),
        frozenset(re.findall(r"\[[a-z/]+\]", text)),
    )


def access_keys(text: str) -> list[str]:
    """The access keys a label marks with & (&& is a literal ampersand)."""
    return [key.lower() for key in re.findall(r"&(.)", text.replace("&&", ""))]


def _default_isl() -> Path | None:
    candidates = []
    if os.environ.get("INNOSETUP_DIR"):
        base = Path(os.environ["INNOSETUP_DIR"])
        candidates += [base / "Default.isl", base / "bin" / "Default.isl"]
    candidates.append(NPM_INNOSETUP / "Default.isl")
    return next((path for path in candidates if path.is_file()), None)


@pytest.fixture(scope="module")
def welsh() -> dict[str, dict[str, str]]:
    return read_isl(WELSH_ISL)


@pytest.fixture(scope="module")
def english() -> dict[str, dict[str, str]]:
    path = _default_isl()
    if path is None:
        pytest.skip("Inno Setup's Default.isl not found (set INNOSETUP_DIR to compare with it)")
    return read_isl(path)


def _iss_sections() -> dict[str, list[str]]:
    """craffu.iss by section, preprocessor lines (#ifdef...) kept in place; comments dropped."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return sections


def _defines() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8")
    return dict(re.findall(r'^#define (\w+) "([^"]*)"$', text, flags=re.M))


def _expand(value: str) -> str:
    """Replace {#Name} by the script's literal #define values (others, like AppVersion, stay)."""
    defines = _defines()
    return re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), value)


def _directive(section: list[str], name: str) -> str:
    values = [line.split("=", 1)[1] for line in section if line.startswith(f"{name}=")]
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


def _header_comment() -> str:
    lines = []
    for line in ISS.read_text(encoding="utf-8").splitlines():
        if not line.startswith(";"):
            break
        lines.append(line)
    return "\n".join(lines)


# ---- Welsh.isl against Inno Setup's English messages --------------------------------------------


def test_default_isl_is_read_whole(english: dict[str, dict[str, str]]) -> None:
    assert english["LangOptions"]["LanguageName"] == "English"
    assert len(english["Messages"]) > 250
    assert "CreateDesktopIcon" in english["CustomMessages"]


@pytest.mark.parametrize("section", ["Messages", "CustomMessages"])
def test_welsh_translates_every_message_and_no_other(
    english: dict[str, dict[str, str]], welsh: dict[str, dict[str, str]], section: str
) -> None:
    missing = sorted(set(english[section]) - set(welsh[section]))
    unknown = sorted(set(welsh[section]) - set(english[section]))
    assert not missing, f"[{section}] not translated (ISCC would show English): {missing}"
    assert not unknown, f"[{section}] not in this Inno Setup's Default.isl: {unknown}"


@pytest.mark.parametrize("section", ["Messages", "CustomMessages"])
def test_welsh_keeps_each_messages_placeholders(
    english: dict[str, dict[str, str]], welsh: dict[str, dict[str, str]], section: str
) -> None:
    wrong = {
        name: (text, welsh[section].get(name, ""))
        for name, text in english[section].items()
        if placeholders(text) != placeholders(welsh[section].get(name, ""))
    }
    assert not wrong, "placeholders differ (English, Welsh): " + repr(wrong)


@pytest.mark.parametrize("section", ["Messages", "CustomMessages"])
def test_welsh_marks_an_access_key_exactly_where_english_does(
    english: dict[str, dict[str, str]], welsh: dict[str, dict[str, str]], section: str
) -> None:
    wrong = {
        name: (text, welsh[section].get(name, ""))
        for name, text in english[section].items()
        if len(access_keys(text)) != len(access_keys(welsh[section].get(name, "")))
    }
    assert not wrong, "access keys differ (English, Welsh): " + repr(wrong)


def test_welsh_is_empty_only_where_english_is(
    english: dict[str, dict[str, str]], welsh: dict[str, dict[str, str]]
) -> None:
    empty = {name for name, text in english["Messages"].items() if not text}
    assert empty <= EMPTY_IN_ENGLISH | {"TranslatorNote"}
    for name in set(english["Messages"]) - empty:
        assert welsh["Messages"][name].strip(), f"{name} is empty in Welsh"


def test_welsh_language_options_are_valid_for_inno_setup(
    english: dict[str, dict[str, str]], welsh: dict[str, dict[str, str]]
) -> None:
    assert set(welsh["LangOptions"]) <= set(english["LangOptions"]) | {
        "DialogFontName",
        "DialogFontSize",
        "WelcomeFontName",
        "WelcomeFontSize",
        "RightToLeft",
    }


# ---- Welsh.isl on its own -----------------------------------------------------------------------


def test_welsh_language_options(welsh: dict[str, dict[str, str]]) -> None:
    assert WELSH_ISL.read_bytes().startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    options = welsh["LangOptions"]
    assert options["LanguageName"] == "Cymraeg"
    assert options["LanguageID"] == "$0452"  # Welsh (United Kingdom)
    # ŵ and ŷ are in no ANSI code page: 0 (Unicode only) is the only right value.
    assert options["LanguageCodePage"] == "0"
    assert options.get("RightToLeft", "no") == "no"


def test_welsh_messages_are_all_filled_in(welsh: dict[str, dict[str, str]]) -> None:
    for section in ("Messages", "CustomMessages"):
        for name, text in welsh[section].items():
            assert text.strip() or name in EMPTY_IN_ENGLISH, f"{name} is empty"


def test_welsh_uses_only_inno_setups_placeholders(welsh: dict[str, dict[str, str]]) -> None:
    for section in ("Messages", "CustomMessages"):
        for name, text in welsh[section].items():
            stray = re.findall(r"%(?![1-9n])", text)
            assert not stray, f"{name}: a % that is not %1..%9 or %n: {text!r}"


@pytest.mark.parametrize("group", sorted(SHOWN_TOGETHER))
def test_welsh_access_keys_differ_where_controls_are_shown_together(
    welsh: dict[str, dict[str, str]], group: str
) -> None:
    flat = {**welsh["CustomMessages"], **welsh["Messages"]}
    keys = {name: access_keys(flat[name]) for name in SHOWN_TOGETHER[group]}
    used = [key for found in keys.values() for key in found]
    clashes = [key for key, count in Counter(used).items() if count > 1]
    assert not clashes, f"{group}: access key(s) {clashes} used twice in {keys}"


def test_welsh_button_texts_follow_craffus_own_catalogue(welsh: dict[str, dict[str, str]]) -> None:
    messages = welsh["Messages"]
    assert messages["ButtonOK"] == "Iawn"
    assert messages["ButtonCancel"] == "Canslo"
    assert messages["ButtonBack"].replace("&", "") == "< Yn ôl"
    assert messages["ButtonNext"].replace("&", "") == "Nesaf >"
    assert messages["ButtonFinish"].replace("&", "") == "Gorffen"


# ---- craffu.iss ---------------------------------------------------------------------------------


def test_installer_is_written_where_the_windows_pipeline_expects_it() -> None:
    setup = _iss_sections()["Setup"]
    assert _directive(setup, "OutputDir") == "..\\dist\\windows"
    name = _expand(_directive(setup, "OutputBaseFilename"))
    assert name == "Craffu-{#AppVersion}-setup"


def test_installer_carries_version_information_for_it() -> None:
    setup = _iss_sections()["Setup"]
    for directive in (
        "VersionInfoCompany",
        "VersionInfoCopyright",
        "VersionInfoVersion",
        "VersionInfoProductVersion",
        "VersionInfoTextVersion",
    ):
        assert _expand(_directive(setup, directive)).strip(), directive
    assert _expand(_directive(setup, "VersionInfoTextVersion")) == "{#AppVersion}"
    assert _expand(_directive(setup, "UninstallDisplayName")) == "Craffu {#AppVersion}"
    assert not any(line.startswith(("AppPublisherURL=", "AppSupportURL=")) for line in setup)


def test_shortcuts_carry_the_app_user_model_id() -> None:
    aumid = _defines()["AppUserModelID"]
    # Windows' rules: at most 128 characters, no spaces, Company.Product[.SubProduct[.Version]].
    assert aumid == "Craffu.Craffu"
    assert len(aumid) <= 128 and re.fullmatch(r"[A-Za-z0-9]+(\.[A-Za-z0-9]+){1,3}", aumid)
    icons = _iss_sections()["Icons"]
    assert any("{autoprograms}" in line for line in icons)
    for line in icons:
        assert 'AppUserModelID: "{#AppUserModelID}"' in line, line


def test_desktop_shortcut_is_an_optional_task() -> None:
    sections = _iss_sections()
    task = next(line for line in sections["Tasks"] if line.startswith('Name: "desktopicon"'))
    assert "Flags: unchecked" in task
    desktop = [line for line in sections["Icons"] if "{autodesktop}" in line]
    assert desktop and all("Tasks: desktopicon" in line for line in desktop)


def test_signing_is_used_only_when_the_build_defines_a_sign_tool() -> None:
    setup = _iss_sections()["Setup"]
    signing = [i for i, line in enumerate(setup) if line.startswith(("SignTool", "SignedUninst"))]
    assert signing, "no SignTool hook"
    start = setup.index("#ifdef SignToolName")
    end = setup.index("#endif", start)
    assert all(start < i < end for i in signing), "SignTool outside #ifdef SignToolName"
    assert setup[start + 1 : end] == ["SignTool={#SignToolName}", "SignedUninstaller=yes"]


def test_installer_never_ships_the_wine_test_dlls() -> None:
    files = _iss_sections()["Files"]
    bundle = [line for line in files if line.startswith('Source: "{#BundleDir}')]
    assert bundle
    for line in files:
        match = re.search(r'Excludes: "([^"]*)"', line)
        excluded = {name.strip().lower() for name in match.group(1).split(",")} if match else set()
        assert WINE_ONLY_DLLS <= excluded, f"Wine's stand-in DLLs could be shipped: {line}"


def test_upgrade_removes_the_old_bundle_but_never_the_data() -> None:
    sections = _iss_sections()
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in sections["InstallDelete"]
    assert "UninstallDelete" not in sections
    code = "\n".join(sections["Code"])
    # Where the uninstaller says the data was kept: desktop/services/paths.py's Windows folders.
    assert "{localappdata}\\{#AppName}" in code  # user_data_dir(): database and backups
    assert "{userappdata}\\{#AppName}" in code  # config_dir(): preferences


def test_custom_messages_keep_their_placeholders_in_both_languages() -> None:
    custom = _iss_sections()["CustomMessages"]
    by_language: dict[str, dict[str, str]] = {"en": {}, "cy": {}}
    for line in custom:
        key, _, value = line.partition("=")
        language, _, name = key.partition(".")
        by_language[language][name] = value
    assert by_language["en"].keys() == by_language["cy"].keys()
    for name, text in by_language["en"].items():
        assert placeholders(text) == placeholders(by_language["cy"][name]), name


def test_header_documents_silent_install_uninstall_and_exit_codes() -> None:
    header = _header_comment()
    for switch in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/CURRENTUSER", "/ALLUSERS", "/NORESTART"):
        assert switch in header, switch
    assert "unins000.exe" in header and "QuietUninstallString" in header
    codes = header[header.index("Setup exit codes") :]
    for code in range(9):
        assert re.search(rf"(?:;|\s){code} [a-zA-Z]", codes), f"exit code {code} not documented"
    assert "SignToolName" in header and "osslsigncode" in header
    for dll in WINE_ONLY_DLLS:
        assert dll in header
