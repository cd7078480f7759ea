; Inno Setup 6 script for Katib on Windows: installs the PyInstaller folder
; dist\katib (katib.exe, katib-desktop.exe, _internal\, models\) with a Start
; menu entry. build.ps1 builds that folder from installers\katib.spec and runs:
;   iscc /DAppVersion=<pyproject version> /DSourceDir=<dist\katib> /DOutputDir=<dist> katib.iss
; Uninstalling removes the program; the user's data (%LOCALAPPDATA%\Katib:
; settings, drafts, imported models) stays unless the user says yes when asked.

#ifndef AppVersion
  #error Pass /DAppVersion=<version>: build.ps1 reads it from pyproject.toml
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\katib"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Katib"
#define AppExe "katib-desktop.exe"

[Setup]
; Never change AppId: it is how a new version finds and replaces the old one.
AppId={{5E0C7A7B-3F0D-4C55-9A53-6B1D9B2F7C41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Katib
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; A clerk without administrator rights can install for themselves; an
; administrator can choose to install for every user of the computer.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=Katib-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\katib.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"
; Arabic ships with Inno Setup 6.5 and later.
#if FileExists(CompilerPath + "Languages\Arabic.isl")
  #define HaveArabic
Name: "ar"; MessagesFile: "compiler:Languages\Arabic.isl"
#endif

[CustomMessages]
fr.PurgeData=Supprimer aussi vos données Katib (réglages, brouillons, résumés, modèles importés) ?%n%n%1%n%nRépondez Non pour les garder.
en.PurgeData=Also delete your Katib data (settings, drafts, summaries, imported models)?%n%n%1%n%nAnswer No to keep it.
#ifdef HaveArabic
ar.PurgeData=هل تريد أيضًا حذف بيانات كاتب (الإعدادات والمسودات والملخصات والنماذج المستوردة)؟%n%n%1%n%nأجب بـ «لا» للاحتفاظ بها.
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The model is already compressed: storing it as is saves minutes of build time.
Source: "{#SourceDir}\*"; Excludes: "\models\*.gguf"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#SourceDir}\models\*.gguf"; DestDir: "{app}\models"; Flags: ignoreversion nocompression

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// katib.core.paths uses platformdirs: on Windows every Katib folder is under
// %LOCALAPPDATA%\Katib. It is deleted only if the user explicitly says yes.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and (not UninstallSilent) then
  begin
    DataDir := ExpandConstant('{localappdata}\Katib');
    if DirExists(DataDir) then
      if MsgBox(FmtMessage(CustomMessage('PurgeData'), [DataDir]), mbConfirmation,
                MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
