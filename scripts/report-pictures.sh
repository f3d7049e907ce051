#!/bin/sh
# Writes the report sections for the bundled data (PAR INDEX, Hà Nội) and for seed 000's dossier
# figures (docs/examples/seed-000-report.csv) as .docx and .html, converts the Word files to PDF
# with LibreOffice (Debian libreoffice-writer-nogui) and the HTML with headless Chromium (Debian
# chromium) or else LibreOffice, then every PDF page to PNG with pdftoppm (poppler-utils), so
# the pages can be looked at. Each step runs when its program is installed and says so when not.
#
# Usage: scripts/report-pictures.sh [OUT_DIR]   (default /tmp/chiso-report-pictures; builds chiso)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/chiso-report-pictures}
mkdir -p "$out"
(cd "$root" && swift build --product chiso >/dev/null)
chiso="$root/.build/debug/chiso"
"$chiso" report index par --unit "Hà Nội" -q -o "$out/index-ha-noi.docx"
"$chiso" report index par --unit "Hà Nội" -q -o "$out/index-ha-noi.html"
"$chiso" report dossiers "$root/docs/examples/seed-000-report.csv" --unit "Sở Tư pháp" --period 2023-H1 --unit-system custom -q -o "$out/dossiers-seed-000.docx"
"$chiso" report dossiers "$root/docs/examples/seed-000-report.csv" --unit "Sở Tư pháp" --period 2023-H1 --unit-system custom -q -o "$out/dossiers-seed-000.html"
if command -v soffice >/dev/null 2>&1; then
    for f in "$out"/*.docx; do soffice --headless --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1; done
else
    echo "soffice not installed: apt-get install libreoffice-writer-nogui to convert the .docx files"
fi
for f in "$out"/*.html; do
    base=${f%.html}
    if command -v chromium >/dev/null 2>&1; then
        chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$base-html.pdf" "file://$f" >/dev/null 2>&1
    elif command -v soffice >/dev/null 2>&1; then
        soffice --headless --convert-to "pdf:writer_web_pdf_Export" --outdir "$out/html" "$f" >/dev/null 2>&1 && mv "$out/html/$(basename "$base").pdf" "$base-html.pdf"
    else
        echo "neither chromium nor soffice installed: the HTML is not converted"
    fi
done
if command -v pdftoppm >/dev/null 2>&1; then
    for f in "$out"/*.pdf; do pdftoppm -png -r 70 "$f" "${f%.pdf}"; done
    ls "$out"/*.png
else
    echo "pdftoppm not installed: apt-get install poppler-utils to make pictures of the pages"
fi
