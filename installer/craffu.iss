; Craffu – Windows installer (Inno Setup 6.3 or later).
;
; Build on Windows, from the repository root (see docs/packaging.md):
;   pip install -e .[build]
;   python tools/compile_catalogues.py
;   pyinstaller --noconfirm build.spec
;   iscc installer\craffu.iss
; The installer is written to dist\installer\craffu-<version>-setup.exe.
;
; The version is read from dist\craffu\craffu.exe, whose version resource build.spec writes from
; pyproject.toml; "iscc /DAppVersion=1.2.3 installer\craffu.iss" overrides it.
;
; Upgrades: AppId below is Craffu's permanent identity. NEVER change it: a new AppId makes
; Windows treat the next version as a different program, installed beside the old one.
;
; Office data: Craffu keeps the database, its backups and the preferences in the user's data
; folder (%LOCALAPPDATA%\Craffu; preferences in %APPDATA%\Craffu), never in the program folder. This script neither installs nor
; deletes anything there, so the data survives upgrades and uninstalling. Do not add an
; [UninstallDelete] entry for it.

#define AppName "Craffu"
#define AppExe "craffu.exe"
#define BundleDir AddBackslash(SourcePath) + "..\dist\craffu"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error dist\craffu\craffu.exe is missing or has no version: run "pyinstaller --noconfirm build.spec" first
#endif

[Setup]
AppId={{ADC74AA4-4B60-45E8-91D8-9FE9DB3267AA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Craffu: scrutiny of inspection reports (Cymraeg / English)
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
; Per-user install by default (no administrator needed on locked-down laptops); the first page
; offers "Install for all users" to administrators. {autopf} follows that choice:
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
UninstallDisplayName={#AppName}
OutputDir=..\dist\installer
OutputBaseFilename=craffu-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Always offer the choice: most Welsh speakers run an English Windows.
ShowLanguageDialog=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "cy"; MessagesFile: "Welsh.isl"

[CustomMessages]
en.CraffuComment=Scrutiny of inspection reports (Welsh and English)
cy.CraffuComment=Craffu ar adroddiadau arolygu (Cymraeg a Saesneg)
en.DataKept=Your Craffu database, its backups and your settings have been kept in:%n%n%1%n%nDelete that folder yourself only if the office no longer needs the records.
cy.DataKept=Mae eich cronfa ddata Craffu, ei chopïau wrth gefn a'ch gosodiadau wedi'u cadw yn:%n%n%1%n%nDilëwch y ffolder honno eich hun dim ond os nad oes ar y swyddfa angen y cofnodion mwyach.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no module of the old version is left to be loaded.
; ({app} is the program folder only; the office's data is elsewhere, see above.)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:CraffuComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:CraffuComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{userappdata}\{#AppName}');
    if DirExists(DataDir) then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
