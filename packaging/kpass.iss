; Inno Setup script: the Windows installer of kpass (Inno Setup 6). It packs the one-folder
; bundle that ./scripts/build-bundle (or the same PyInstaller spec on Windows) made in
; dist\kpass. Build on a Windows machine with Inno Setup installed:
;   iscc /DAppVersion=1.0.0 packaging\kpass.iss
; (scripts/build-bundle prints the version to pass: python -c "import kpass; print(kpass.__version__)")
; The installer puts kpass under Program Files for all users; the data stay in each user's
; data folder (%LOCALAPPDATA%\Stadt Karlsruhe\kpass) and are not removed on uninstall.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\kpass.iss
#endif
; x64compatible and UTF-8 text files without a byte order mark need Inno Setup 6.3 or later
#if VER < EncodeVer(6,3,0)
  #error Inno Setup 6.3 or later is needed
#endif

[Setup]
AppId={{6E1F3B0C-5A7D-4B8E-9C21-4D7A0E2B9F11}
AppName=kpass
AppVersion={#AppVersion}
AppVerName=kpass {#AppVersion}
AppPublisher=Stadt Karlsruhe, Sozial- und Jugendbehörde
DefaultDirName={autopf}\kpass
DefaultGroupName=kpass
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesEnvironment=yes
OutputDir=..\dist
OutputBaseFilename=kpass-{#AppVersion}-setup
SetupIconFile=..\resources\icons\kpass.ico
UninstallDisplayIcon={app}\kpass-gui.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\LICENSE

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an update replaces the whole folder of libraries: Qt would load an old plugin left there
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\kpass\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\kpass"; Filename: "{app}\kpass-gui.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\kpass"; Filename: "{app}\kpass-gui.exe"; Tasks: desktopicon

[Registry]
; the command line (kpass.exe: users, backups, keys) in every new console of the machine
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;

{ on uninstall, the program folder leaves the search path again }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Current, Dir: string;
  At: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Current) then
    exit;
  Dir := ExpandConstant('{app}');
  At := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';');
  if At = 0 then
    exit;
  { the entry starts at At in ";" + Current; remove it with one of its separators }
  Delete(Current, At, Length(Dir) + 1);
  if (Length(Current) > 0) and (Current[Length(Current)] = ';') then
    Delete(Current, Length(Current), 1);
  RegWriteExpandStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Current);
end;

[Run]
Filename: "{app}\kpass-gui.exe"; Description: "{cm:LaunchProgram,kpass}"; Flags: nowait postinstall skipifsilent
