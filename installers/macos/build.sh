#!/usr/bin/env bash
# Build Katib.app on macOS (11 or newer, Apple silicon or Intel) from the same
# spec as Linux and Windows, self-test it, and pack it into a .dmg:
#
#   bash installers/macos/build.sh
#
# Needs: Python 3.11+ from python.org (or Homebrew) and the Xcode command line
# tools (`xcode-select --install`: llama-cpp-python compiles llama.cpp; on Apple
# silicon it includes the Metal back end). Result: dist/Katib.app and
# dist/Katib-<version>-macos-<arch>.dmg. Set CODESIGN_IDENTITY to a "Developer
# ID Application" certificate to sign for distribution; otherwise the app is
# signed ad hoc and a user opens it the first time with right-click > Open.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(uname -s)" != "Darwin" ]; then
  echo "build.sh: this builds the macOS app; on Linux run 'make dist'" >&2
  exit 1
fi
PYTHON="${PYTHON:-python3}"
venv=".venv-macos"
py="$venv/bin/python"
llama_version="$(sed -n 's/^LLAMA_VERSION := //p' Makefile)"
llama_cmake_args="$(sed -n 's/^LLAMA_CMAKE_ARGS := //p' Makefile)"

[ -x "$py" ] || "$PYTHON" -m venv "$venv"
version="$("$py" -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")"
echo "Katib $version, llama-cpp-python $llama_version"

"$py" -m pip install --upgrade pip wheel
# Built outside pip's cache, which ignores CMAKE_ARGS.
CMAKE_ARGS="$llama_cmake_args" "$py" -m pip install --no-cache-dir "llama-cpp-python==$llama_version"
"$py" -m pip install -e ".[dist]"
for ts in resources/translations/katib_*.ts; do
  "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

"$venv/bin/pyinstaller" --noconfirm --distpath dist --workpath build/pyinstaller installers/katib.spec
# The spec put the model into Contents/Resources/models after PyInstaller signed
# the app: sign it again so the seal covers the model.
codesign --force --deep --sign "${CODESIGN_IDENTITY:--}" dist/Katib.app
codesign --verify --deep --strict dist/Katib.app

# The same self-test as CI on Linux: model, French and Arabic, a .docx, a PDF.
test_home="$(mktemp -d)"
KATIB_HOME="$test_home" dist/Katib.app/Contents/MacOS/katib --selftest
rm -rf "$test_home"

dmg="dist/Katib-$version-macos-$(uname -m).dmg"
rm -f "$dmg"
hdiutil create -volname "Katib $version" -srcfolder dist/Katib.app -ov -format UDZO "$dmg"
echo "Built dist/Katib.app and $dmg"
