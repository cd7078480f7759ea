#!/usr/bin/env bash
# Remove Katib: the program folder, its menu entry, icon and commands.
# Your settings, drafts, summaries and imported models are KEPT unless you
# ask for --purge (which removes those of the user running this script).
#
#   ./uninstall.sh                the installation this script belongs to, or
#                                 ~/.local/lib/katib (as root: /opt/katib)
#   ./uninstall.sh --prefix DIR   the installation made with install.sh --prefix DIR
#   ./uninstall.sh --purge        also delete this user's Katib data
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix=""
purge=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --purge) purge=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -n "$prefix" ]; then
  app_dir="$(cd "$prefix" 2>/dev/null && pwd)/lib/katib"
elif [ -f "$here/.installed-files" ]; then
  app_dir="$here"
elif [ "$(id -u)" -eq 0 ]; then
  app_dir="/opt/katib"
else
  app_dir="$HOME/.local/lib/katib"
fi

if [ -f "$app_dir/.installed-files" ]; then
  entry="$(head -n 1 "$app_dir/.installed-files")"
  while IFS= read -r path; do
    # Only what install.sh wrote; a symlink is removed only if it still points at us.
    if [ -L "$path" ]; then
      case "$(readlink "$path")" in "$app_dir"/*) rm -f "$path" ;; esac
    elif [ -f "$path" ]; then
      rm -f "$path"
    fi
  done < "$app_dir/.installed-files"
  rm -rf "$app_dir"
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$(dirname "$entry")" 2>/dev/null || true
  fi
  echo "Katib was removed from $app_dir."
elif [ -e "$app_dir" ]; then
  echo "uninstall.sh: $app_dir was not made by install.sh; not touching it" >&2
  exit 1
else
  echo "Katib is not installed in $app_dir."
fi

# The folders platformdirs gives Katib on Linux (katib.core.paths.user_paths).
data_dirs=("${XDG_CONFIG_HOME:-$HOME/.config}/Katib" "${XDG_DATA_HOME:-$HOME/.local/share}/Katib"
           "${XDG_STATE_HOME:-$HOME/.local/state}/Katib" "${XDG_CACHE_HOME:-$HOME/.cache}/Katib")
if [ "$purge" -eq 1 ]; then
  for dir in "${data_dirs[@]}"; do
    if [ -e "$dir" ]; then rm -rf "$dir"; echo "Deleted $dir"; fi
  done
  if [ -n "${KATIB_HOME:-}" ]; then
    echo "KATIB_HOME ($KATIB_HOME) was left alone: delete it yourself if you want."
  fi
else
  for dir in "${data_dirs[@]}"; do
    if [ -e "$dir" ]; then echo "Kept your data: $dir"; fi
  done
  echo "(uninstall.sh --purge deletes it.)"
fi
exit 0
