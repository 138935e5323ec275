; Inno Setup 6 script: the Windows installer of PerpusDesa.
;
; Build the bundle first (from the repository root):
;   pyinstaller --noconfirm --distpath dist --workpath build packaging\perpusdesa.spec
; then:
;   iscc packaging\windows\perpusdesa.iss
; which writes dist\installer\PerpusDesa-<version>-setup.exe.
;
; Installs for the current user by default (no administrator needed); the first
; page offers "all users" to an administrator. Start-menu entry, optional desktop
; shortcut. Installing a newer version over an older one replaces the program's
; files only. The uninstaller removes the program's files and never the library's
; data folder (%LOCALAPPDATA%\PerpusDesa, see app/paths.py), and says so.
; Relative paths are relative to this file's folder.

#define AppName "PerpusDesa"
#define AppExeName "perpusdesa.exe"
#define DataFolder "PerpusDesa"
; Keep equal to [project] version in pyproject.toml (tests/unit/test_windows_files.py checks).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\perpusdesa"
#endif

[Setup]
; The AppId ties versions together: never change it, or an upgrade installs beside the old one.
AppId={{A4FCC496-3488-452B-AEAB-CCF5C3E0D09A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PerpusDesa
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=PerpusDesa-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\perpusdesa.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
; Inno Setup ships no Indonesian translation of its own pages; the messages below are ours.
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.DataKept=PerpusDesa telah dihapus dari komputer ini. Data perpustakaan TIDAK dihapus: database, foto dan cadangan tetap ada di%n%1%nPasang PerpusDesa lagi untuk memakainya, atau hapus folder itu sendiri bila benar-benar tidak diperlukan.%n%nPerpusDesa has been removed. The library's data was NOT removed: it stays in the folder above.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's modules: none of an older version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what it installed, never the data folder.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\{#DataFolder}')]),
      mbInformation, MB_OK);
end;
