#!/usr/bin/env bash
# Install the Katib bundle (the folder made by `make dist`) so that Katib
# appears in the applications menu. No network is used.
#
#   ./install.sh                  as a user: ~/.local/lib/katib, ~/.local/bin/katib,
#                                 menu entry and icon under ~/.local/share
#   sudo ./install.sh             for every user: /opt/katib, /usr/local/bin/katib,
#                                 /usr/local/share/applications
#   ./install.sh --prefix DIR     DIR/lib/katib, DIR/bin, DIR/share (tests, custom places)
#   --bundle DIR                  the bundle to install (default: the folder holding this
#                                 script if it is a bundle, else dist/katib of the checkout)
#
# Installing again upgrades in place. User data (settings, drafts, imported
# models) lives elsewhere and is never touched. Remove with uninstall.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix=""
bundle=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --bundle) bundle="${2:?--bundle needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -z "$bundle" ]; then
  if [ -x "$here/katib" ] && [ -d "$here/_internal" ]; then
    bundle="$here"
  else
    bundle="$here/../../dist/katib"
  fi
fi
if [ ! -x "$bundle/katib" ] || [ ! -d "$bundle/_internal" ]; then
  echo "install.sh: no Katib bundle in $bundle (build it with 'make dist')" >&2
  exit 1
fi
bundle="$(cd "$bundle" && pwd)"

if [ -n "$prefix" ]; then
  mkdir -p "$prefix"
  prefix="$(cd "$prefix" && pwd)"
  app_dir="$prefix/lib/katib"; bin_dir="$prefix/bin"; share="$prefix/share"
elif [ "$(id -u)" -eq 0 ]; then
  app_dir="/opt/katib"; bin_dir="/usr/local/bin"; share="/usr/local/share"
else
  app_dir="$HOME/.local/lib/katib"; bin_dir="$HOME/.local/bin"
  share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
if [ "$bundle" = "$app_dir" ]; then
  echo "install.sh: $bundle is already the installed copy" >&2
  exit 1
fi

# Copy next to the old version first, then swap: an interrupted copy never
# leaves a half-installed program in place.
echo "Installing Katib from $bundle into $app_dir"
mkdir -p "$(dirname "$app_dir")" "$bin_dir" "$share/applications" \
         "$share/icons/hicolor/scalable/apps" "$share/icons/hicolor/256x256/apps"
rm -rf "$app_dir.new"
cp -a "$bundle" "$app_dir.new"
cp "$here/uninstall.sh" "$app_dir.new/uninstall.sh" 2>/dev/null || true
rm -rf "$app_dir.old"
if [ -e "$app_dir" ]; then mv "$app_dir" "$app_dir.old"; fi
mv "$app_dir.new" "$app_dir"
rm -rf "$app_dir.old"

icons="$app_dir/_internal/resources/icons"
svg_icon="$share/icons/hicolor/scalable/apps/katib.svg"
png_icon="$share/icons/hicolor/256x256/apps/katib.png"
cp "$icons/katib.svg" "$svg_icon"
cp "$icons/katib.png" "$png_icon"
ln -sfn "$app_dir/katib" "$bin_dir/katib"
ln -sfn "$app_dir/katib-desktop" "$bin_dir/katib-desktop"

template="$here/katib.desktop"
[ -f "$template" ] || template="$app_dir/katib.desktop"
entry="$share/applications/katib.desktop"
# The icon by absolute path: a custom prefix is not in the icon theme's search path.
sed -e "s|@EXEC@|$app_dir/katib-desktop|g" -e "s|@ICON@|$svg_icon|g" "$template" > "$entry"
chmod 644 "$entry"

# What uninstall.sh removes besides the program folder.
printf '%s\n' "$entry" "$svg_icon" "$png_icon" "$bin_dir/katib" "$bin_dir/katib-desktop" \
  > "$app_dir/.installed-files"

# Menus notice the new entry sooner with their caches refreshed (optional tools).
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$share/applications" 2>/dev/null || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
fi

echo "Katib is installed: the applications menu (Office) or '$bin_dir/katib-desktop';"
echo "  check it with '$bin_dir/katib --selftest'; remove it with '$app_dir/uninstall.sh'."
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "  ($bin_dir is not in your PATH.)" ;; esac
