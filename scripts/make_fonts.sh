#!/bin/sh
# Makes public/fonts/*.woff2: DejaVu Sans (regular, bold) and DejaVu Sans Mono, cut down to the characters
# the page writes. Run it again when the interface gains a character they lack (scripts/fonts.test.ts says
# which). Needs Debian's fonts-dejavu-core and python3-fonttools and python3-brotli.
#
# Why the page brings its own fonts: the diagram's labels are placed for one font's metrics, and the layout
# tests measure them in this one, so every user sees what was tested; and on Linux a page that names system
# fonts pays a font lookup in the browser process for each family and size it uses, 15–35 ms of its first
# layouts (see DEVELOPERS.md).
set -eu
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/dejavu
out=public/fonts
mkdir -p "$out"

# Every non-ASCII character in the interface's source (comments included: a few extra glyphs cost little).
chars=$(mktemp)
trap 'rm -f "$chars"' EXIT
git ls-files 'src/*.ts' 'src/*.tsx' | grep -v '\.test\.' | xargs cat | grep -oP '[^\x00-\x7F]' | sort -u | tr -d '\n' >"$chars"

# Latin-1, Greek, general punctuation and the arrows on top of those: what a user may type or a label say.
ranges='U+0020-007E,U+00A0-00FF,U+0391-03C9,U+2010-2027,U+2030-203A,U+2190-2193,U+2212'

for face in DejaVuSans DejaVuSans-Bold DejaVuSansMono; do
  /usr/bin/python3 -m fontTools.subset "$src/$face.ttf" --unicodes="$ranges" --text-file="$chars" \
    --layout-features='kern,liga' --flavor=woff2 --output-file="$out/$face.woff2"
done
cp /usr/share/doc/fonts-dejavu-core/copyright "$out/LICENSE.txt"
ls -l "$out"
