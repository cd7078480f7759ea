#!/usr/bin/env bash
# Check a built Linux bundle the way an office uses it: install it into a
# temporary prefix with its own install.sh, run the installed program's
# self-test with an empty home and no development environment (no venv on
# PATH, no KATIB_HOME, no network needed), open its window, then uninstall it.
# CI runs this after `make dist`:   bash installers/linux/check-bundle.sh dist/katib
set -euo pipefail

bundle="$(cd "${1:-dist/katib}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
clean=(env -i "HOME=$work/home" "PATH=/usr/local/bin:/usr/bin:/bin" "LANG=C.UTF-8"
       "QT_QPA_PLATFORM=offscreen")

"${clean[@]}" bash "$bundle/install.sh" --prefix "$work/prefix"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$work/prefix/share/applications/katib.desktop"
fi

start=$(date +%s)
"${clean[@]}" "$work/prefix/bin/katib" --selftest | tee "$work/selftest.txt"
echo "bundle self-test: $(( $(date +%s) - start )) s"
# The model must be the one beside the executable, not one assembled from a venv.
grep -q "($work/prefix/lib/katib/models/gemma-3-270m-q4_k_m.gguf)" "$work/selftest.txt" \
  || { echo "check-bundle: the self-test did not use the bundle's models/ folder" >&2; exit 1; }

# The window, as the menu entry starts it (offscreen): it must open and stay open;
# a missing Qt plugin or module would end it at once with a traceback.
status=0
"${clean[@]}" timeout 30 "$work/prefix/bin/katib-desktop" > "$work/window.txt" 2>&1 || status=$?
if [ "$status" -ne 124 ] || grep -q "Traceback" "$work/window.txt"; then
  echo "check-bundle: the window did not stay open (exit $status):" >&2
  cat "$work/window.txt" >&2
  exit 1
fi
echo "bundle window: opened and still running after 30 s"

"${clean[@]}" bash "$work/prefix/lib/katib/uninstall.sh"
if [ -e "$work/prefix/lib/katib" ] || [ -e "$work/prefix/bin/katib" ]; then
  echo "check-bundle: uninstall left the program behind" >&2
  exit 1
fi
[ -d "$work/home/.config/Katib" ] || { echo "check-bundle: user data not kept" >&2; exit 1; }
echo "check-bundle: ok"
