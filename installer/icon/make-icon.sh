#!/usr/bin/env bash
# Renders installer/icon/boxwork.png (256 x 256) from boxwork.svg; the PNG is committed, so this only runs when the SVG changes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# /usr/bin/convert explicitly: a stand-in `convert` may sit earlier on PATH.
/usr/bin/convert -background none -density 96 "$here/boxwork.svg" -resize 256x256 "PNG32:$here/boxwork.png"
