; Craffu – Windows installer (Inno Setup 6.3 or later; built and tested with 6.4.1).
;
; BUILD (from the repository root, see docs/packaging.md; CI does the same under Wine):
;   python tools/compile_catalogues.py
;   pyinstaller --noconfirm build.spec
;   iscc installer\craffu.iss
; It packs dist\craffu; "iscc /DBundleDir=<folder> ..." packs a bundle built elsewhere.
; The installer is written to dist\windows\Craffu-<version>-setup.exe.
; The version is read from the bundle's craffu.exe, whose version resource build.spec writes
; from pyproject.toml; "iscc /DAppVersion=1.2.3 installer\craffu.iss" overrides it.
;
; SIGNING (optional; nothing is signed unless SignToolName is defined). Define a sign tool on
; the ISCC command line and pass its name, e.g. on Windows:
;   iscc "/Scraffu=signtool.exe sign /fd sha256 /a $f" /DSignToolName=craffu installer\craffu.iss
; ISCC then runs the command on the uninstaller (SignedUninstaller=yes: signed before it is
; packed) and on the finished setup. $f is the quoted file to sign; the command must sign it IN
; PLACE and exit 0, and ISCC refuses a file that still has no signature afterwards.
; Linux CI under Wine, with osslsigncode: ISCC must wait on a Windows process, and Wine gives it
; no handle for a Linux one ("WaitForSingleObject failed"), so the sign tool is a batch file,
;   "/Scraffu=cmd /c Z:\path\sign.bat $f" /DSignToolName=craffu
; that runs "start /unix /path/sign.sh %1" and waits until sign.sh leaves a done-marker beside
; the file. sign.sh strips the quotes and the Z: from $f, runs
;   osslsigncode sign -pkcs12 <cert.pfx> -pass <password> -h sha256 -n Craffu -in <file> -out <file>.signed
; moves <file>.signed over <file> and writes the marker (ok or failed). Tried with a test
; certificate under Wine 8 and Inno Setup 6.4.1: both signatures verify. Without a time-stamp
; (-ts <url>, which needs a network) a signature lapses when the certificate expires.
;
; SILENT INSTALL (for IT; every switch is Inno Setup's own):
;   Craffu-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER
;       per-user, no administrator rights: %LOCALAPPDATA%\Programs\Craffu (the default)
;   Craffu-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
;       all users, from an elevated prompt or a deployment tool running as SYSTEM: Program Files\Craffu
;   optional: /LANG=cy (or en) /MERGETASKS="desktopicon" (adds the desktop shortcut)
;             /DIR="D:\Apps\Craffu" /LOG="C:\Logs\craffu-setup.log" /NOCLOSEAPPLICATIONS
;   A running Craffu is closed first (Restart Manager) unless /NOCLOSEAPPLICATIONS is given.
;   Installing a newer version over an older one is an upgrade in place (fixed AppId below).
; Setup exit codes (Inno Setup's documented values):
;   0 success (or /HELP was used)     1 Setup failed to initialise
;   2 cancelled before installing     3 fatal error moving to the installation phase
;   4 fatal error while installing    5 cancelled while installing, or Abort chosen after an error
;   6 terminated by the debugger      7 Preparing to Install found Setup cannot continue
;   8 as 7, and Windows must be restarted first
;   Any other non-zero value: not installed. A log goes to %TEMP%\Setup Log <date> #<n>.txt
;   (SetupLogging=yes) unless /LOG="file" names another.
;
; SILENT UNINSTALL:
;   "<install folder>\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   The path is also in the registry, value QuietUninstallString (which uses /SILENT) under
;   HKCU (per-user) or HKLM (all users) \Software\Microsoft\Windows\CurrentVersion\Uninstall\
;   {ADC74AA4-4B60-45E8-91D8-9FE9DB3267AA}_is1
;   Exit code 0: uninstalled; any non-zero code: cancelled or failed. The uninstaller works from a
;   copy of itself in %TEMP%, so the last files may vanish a moment after the exit code arrives.
;   The office's data is never removed (see below).
;
; Upgrades: AppId below is Craffu's permanent identity. NEVER change it: a new AppId makes
; Windows treat the next version as a different program, installed beside the old one.
;
; Office data: Craffu keeps the database and its backups in %LOCALAPPDATA%\Craffu and the
; preferences in %APPDATA%\Craffu, never in the program folder. This script neither installs nor
; deletes anything there, so the data survives upgrades and uninstalling. Do not add an
; [UninstallDelete] entry for it.
;
; Taskbar identity: both shortcuts carry AppUserModelID "Craffu.Craffu"; craffu.exe sets the same
; ID for its process (SetCurrentProcessExplicitAppUserModelID), so a pinned shortcut and the
; running window are one taskbar button. Change both together or not at all.
;
; Test-only DLLs: the CI's Wine prefix holds stand-in icuuc.dll, bcryptprimitives.dll and
; mscms.dll (Wine 8 lacks them; real Windows 10/11 has all three). They must never be shipped:
; a stub beside craffu.exe would be loaded instead of the real system DLL. [Files] excludes them
; by name wherever they appear in the bundle, as a guard should PyInstaller ever collect them.

#define AppName "Craffu"
#define AppPublisher "Craffu"
#define AppCopyright "Copyright (C) Craffu contributors. GPL-3.0-or-later"
#define AppExe "craffu.exe"
#define AppUserModelID "Craffu.Craffu"
; The PyInstaller bundle to pack; a build that writes it elsewhere passes /DBundleDir=<folder>.
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\dist\craffu"
#endif
; Release builds compress hard; a throwaway test build may pass /DCompression=zip (faster).
#ifndef Compression
  #define Compression "lzma2/max"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error dist\craffu\craffu.exe is missing or has no version: run "pyinstaller --noconfirm build.spec" first
#endif
; The numeric file version (a.b.c.d) for the setup's own version resource: the one build.spec
; wrote into craffu.exe, which stays numeric even for a pre-release such as 1.0.0rc1.
#define VersionNumbers GetVersionNumbersString(BundleDir + "\" + AppExe)
#if VersionNumbers == ""
  #define VersionNumbers AppVersion
#endif

[Setup]
AppId={{ADC74AA4-4B60-45E8-91D8-9FE9DB3267AA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright={#AppCopyright}
AppComments=Craffu: scrutiny of inspection reports (Cymraeg / English)
; No AppPublisherURL/AppSupportURL: Craffu works offline and links nowhere.
VersionInfoCompany={#AppPublisher}
VersionInfoCopyright={#AppCopyright}
VersionInfoDescription={#AppName} Setup
VersionInfoProductName={#AppName}
VersionInfoVersion={#VersionNumbers}
VersionInfoProductVersion={#VersionNumbers}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductTextVersion={#AppVersion}
; Per-user install by default (no administrator needed on locked-down laptops); the first page
; offers "Install for all users" to administrators, and /ALLUSERS or /CURRENTUSER choose
; silently. {autopf} follows that choice:
; %LOCALAPPDATA%\Programs\Craffu for one user, Program Files\Craffu for all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running Craffu is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
SetupIconFile=craffu.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
; Logs for IT: %TEMP%\Setup Log <date> #<n>.txt, and the uninstaller's beside it.
SetupLogging=yes
UninstallLogging=yes
OutputDir=..\dist\windows
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
; Always offer the choice: most Welsh speakers run an English Windows.
ShowLanguageDialog=yes
#ifdef SignToolName
; Authenticode: only when the build defines a sign tool (see SIGNING at the top).
SignTool={#SignToolName}
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "cy"; MessagesFile: "Welsh.isl"

[CustomMessages]
en.CraffuComment=Scrutiny of inspection reports (Welsh and English)
cy.CraffuComment=Craffu ar adroddiadau arolygu (Cymraeg a Saesneg)
en.DataKept=Your Craffu database, its backups and your settings have been kept in:%n%n%1%n%nDelete them yourself only if the office no longer needs the records.
cy.DataKept=Mae eich cronfa ddata Craffu, ei chopïau wrth gefn a'ch gosodiadau wedi'u cadw yn:%n%n%1%n%nDylech eu dileu eich hun dim ond os nad oes ar y swyddfa angen y cofnodion mwyach.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no module of the old version is left to be loaded.
; ({app} is the program folder only; the office's data is elsewhere, see above.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; Excludes: the Wine test prefix's stand-in DLLs, never shipped (see the top of this file).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Excludes: "icuuc.dll,bcryptprimitives.dll,mscms.dll"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:CraffuComment}"; AppUserModelID: "{#AppUserModelID}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:CraffuComment}"; AppUserModelID: "{#AppUserModelID}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ After an interactive uninstall, say where the office's data was kept (database and backups in
  the local profile, preferences in the roaming one). }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir, SettingsDir, Kept: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{localappdata}\{#AppName}');
    SettingsDir := ExpandConstant('{userappdata}\{#AppName}');
    Kept := '';
    if DirExists(DataDir) then
      Kept := DataDir;
    if DirExists(SettingsDir) then
    begin
      if Kept <> '' then
        Kept := Kept + #13#10;
      Kept := Kept + SettingsDir;
    end;
    if Kept <> '' then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [Kept]), mbInformation, MB_OK);
  end;
end;
