# Build the Windows installer: the PyInstaller one-folder bundle, then an Inno Setup
# installer over it (dist\mot-workshop-VERSION-windows-x64-setup.exe), then the smoke test.
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# Needs: Python 3.11 with  pip install -e ".[build]"  and Inno Setup 6 (iscc on PATH,
# e.g. choco install innosetup). Not run on the development machine (Linux): see README.md.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$py = if ($env:PYTHON) { $env:PYTHON } elseif (Test-Path ".venv\Scripts\python.exe") { ".venv\Scripts\python.exe" } else { "python" }
$version = & $py -c "import sys; sys.path.insert(0, 'installer'); import bundle_data; print(bundle_data.version())"

& $py installer\make_icons.py --all build\icons | Out-Null
if ($LASTEXITCODE) { throw "icons failed" }
& $py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\mot-workshop.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\windows\mot-workshop.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
bash installer/smoke.sh dist/mot-workshop
if ($LASTEXITCODE) { throw "smoke test failed" }
Get-ChildItem dist\*.exe | ForEach-Object { "{0}  {1:N1} MB" -f $_.Name, ($_.Length / 1MB) }
