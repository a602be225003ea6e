#!/bin/sh
# `make fonts`: copies Titillium Web (the Designers Italia typeface) from the pinned npm package
# @fontsource/titillium-web into core/static/fonts/ with its licence (SIL OFL 1.1). Only the latin
# subset of the styles the CSS uses: 400, 400 italic, 600, 700. The files are committed, so nobody
# needs npm to run the site; run this only to change the version or the styles.
set -eu
VERSION=5.3.0
STYLES="400-normal 400-italic 600-normal 700-normal"
DEST="$(cd "$(dirname "$0")/.." && pwd)/core/static/fonts"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "@fontsource/titillium-web@$VERSION" >/dev/null
tar xzf "fontsource-titillium-web-$VERSION.tgz"
mkdir -p "$DEST"
for style in $STYLES; do
    cp "package/files/titillium-web-latin-$style.woff2" "$DEST/"
done
cp package/LICENSE "$DEST/OFL.txt"
echo "Titillium Web $VERSION ($STYLES) copied to $DEST"
