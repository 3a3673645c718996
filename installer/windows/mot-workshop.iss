; Inno Setup script for MOT Workshop over the PyInstaller one-folder build (dist\mot-workshop).
; Built by installer\build-windows.ps1:  iscc /DAppVersion=0.1.0 installer\windows\mot-workshop.iss
; Per-user install by default (no administrator needed); .motw files open in the app.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6F1C2B7E-4D4F-5457-9A31-5E7C0D2B8A10}
AppName=MOT Workshop
AppVersion={#AppVersion}
AppPublisher=MOT Workshop
DefaultDirName={autopf}\MOT Workshop
DefaultGroupName=MOT Workshop
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#Root}\dist
OutputBaseFilename=mot-workshop-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\build\icons\mot-workshop.ico
UninstallDisplayIcon={app}\MOT Workshop.exe
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\mot-workshop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\build\icons\mot-workshop.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\MOT Workshop"; Filename: "{app}\MOT Workshop.exe"; IconFilename: "{app}\mot-workshop.ico"
Name: "{group}\{cm:UninstallProgram,MOT Workshop}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\MOT Workshop"; Filename: "{app}\MOT Workshop.exe"; IconFilename: "{app}\mot-workshop.ico"; Tasks: desktopicon

[Registry]
; The .motw file type: double-clicking a workshop file opens it in the windowed executable.
Root: HKA; Subkey: "Software\Classes\.motw"; ValueType: string; ValueName: ""; ValueData: "MOTWorkshop.File"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.motw"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-mot-workshop"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\MOTWorkshop.File"; ValueType: string; ValueName: ""; ValueData: "MOT Workshop file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\MOTWorkshop.File\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\mot-workshop.ico,0"
Root: HKA; Subkey: "Software\Classes\MOTWorkshop.File\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\MOT Workshop.exe"" ""%1"""

[Run]
Filename: "{app}\MOT Workshop.exe"; Description: "{cm:LaunchProgram,MOT Workshop}"; Flags: nowait postinstall skipifsilent
