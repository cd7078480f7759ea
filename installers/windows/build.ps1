<#
.SYNOPSIS
    Build Katib for Windows: the PyInstaller folder dist\katib, its self-test,
    and the installer dist\Katib-<version>-windows-x64-setup.exe.

.DESCRIPTION
    Run in the checkout, in PowerShell, on Windows 10 or 11 (x64):

        powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1

    Needs, installed once:
      - Python 3.11 or newer from python.org (the "py" launcher);
      - Visual Studio 2022 Build Tools with "Desktop development with C++"
        (it includes CMake): llama-cpp-python compiles llama.cpp;
      - Inno Setup 6 (iscc.exe) for the installer; -SkipInstaller builds the folder only.
    The llama.cpp version and build flags are read from the Makefile, the
    version from pyproject.toml, and the bundle's content from installers\katib.spec:
    the same as on Linux.
#>
param(
    [string]$PythonVersion = "3.11",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"

function Invoke-Checked {
    # PowerShell does not stop on a failing program by itself. A simple function
    # (no param block) so that arguments such as -m reach the program untouched.
    $Program = $args[0]
    $Rest = @($args | Select-Object -Skip 1)
    & $Program @Rest
    if ($LASTEXITCODE -ne 0) { throw "failed ($LASTEXITCODE): $Program $Rest" }
}

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root
$Venv = Join-Path $Root ".venv-windows"
$Py = Join-Path $Venv "Scripts\python.exe"

$Makefile = Get-Content (Join-Path $Root "Makefile")
$LlamaVersion = (($Makefile | Select-String '^LLAMA_VERSION := (.+)$').Matches[0].Groups[1].Value).Trim()
$LlamaCmakeArgs = (($Makefile | Select-String '^LLAMA_CMAKE_ARGS := (.+)$').Matches[0].Groups[1].Value).Trim()

if (-not (Test-Path $Py)) { Invoke-Checked py "-$PythonVersion" -m venv $Venv }
$Version = (& $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
Write-Host "Katib $Version, llama-cpp-python $LlamaVersion"

Invoke-Checked $Py -m pip install --upgrade pip wheel
# Portable llama.cpp (no -march=native), built outside pip's cache, which ignores CMAKE_ARGS.
$env:CMAKE_ARGS = $LlamaCmakeArgs
Invoke-Checked $Py -m pip install --no-cache-dir "llama-cpp-python==$LlamaVersion"
Remove-Item Env:CMAKE_ARGS
Invoke-Checked $Py -m pip install -e ".[dist]"

# The interface translations (.qm) are built, not committed.
$Lrelease = Join-Path $Venv "Scripts\pyside6-lrelease.exe"
Get-ChildItem "resources\translations\katib_*.ts" | ForEach-Object {
    Invoke-Checked $Lrelease -silent $_.FullName -qm ([IO.Path]::ChangeExtension($_.FullName, ".qm"))
}

Invoke-Checked $Py -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller installers\katib.spec

# The same self-test as CI on Linux: model, French and Arabic, a .docx, a PDF.
$TestHome = Join-Path ([IO.Path]::GetTempPath()) ("katib-selftest-" + [guid]::NewGuid())
$env:KATIB_HOME = $TestHome
try {
    Invoke-Checked (Join-Path $Root "dist\katib\katib.exe") --selftest
} finally {
    Remove-Item Env:KATIB_HOME
    Remove-Item -Recurse -Force $TestHome -ErrorAction SilentlyContinue
}

if ($SkipInstaller) { Write-Host "dist\katib is ready (installer skipped)."; exit 0 }
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    $Iscc = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
              "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it, or pass -SkipInstaller" }
Invoke-Checked $Iscc "/DAppVersion=$Version" "/DSourceDir=$Root\dist\katib" "/DOutputDir=$Root\dist" `
    (Join-Path $Root "installers\windows\katib.iss")
Write-Host "Installer: dist\Katib-$Version-windows-x64-setup.exe"
