#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Katib needs, only those missing.
#   --build   : what the first set-up needs (a C++ compiler, binutils, venv)
#   --runtime : what the window needs to draw (Qt's X11/EGL libraries)
#   (default) : that, plus what the test suite drives: LibreOffice, poppler,
#               Tesseract with French/Arabic/English, Xvfb, strace,
#               desktop-file-validate (the Linux menu entry's check).
set -euo pipefail

runtime=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
         libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
         libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core fonts-noto-core)
testing=(desktop-file-utils libreoffice-writer-nogui poppler-utils tesseract-ocr tesseract-ocr-fra
         tesseract-ocr-ara tesseract-ocr-eng xvfb xauth strace util-linux iproute2)

# What the first set-up needs to compile llama.cpp (the C++ compiler and
# binutils, also used by PyInstaller) and to create the virtual environment.
build=(g++ binutils)

case "${1:-}" in
  --build)
    wanted=("${build[@]}")
    "${PYTHON:-python3}" -c "import ensurepip, venv" 2>/dev/null || wanted+=(python3-venv)
    ;;
  --runtime) wanted=("${runtime[@]}") ;;
  *) wanted=("${runtime[@]}" "${testing[@]}") ;;
esac

if ! command -v dpkg >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; install the equivalents of: ${wanted[*]}" >&2
  exit 0
fi
missing=()
for pkg in "${wanted[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system-deps: installing ${missing[*]}" >&2
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
