#!/bin/bash
# The CLI's CSV as a spreadsheet opens it: LibreOffice (headless) converts
# `metrics --region all --format csv` to xlsx, and the workbook must hold the Chinese
# text as written and no formula — also for a bundle whose quote starts with one.
# Run by `make test` (which installs LibreOffice); by hand: tests/spreadsheet.sh
#
# The import options are comma, double quote, UTF-8 (76). The headless converter does not
# look at the byte order mark: without options it reads the file as Windows-1252, and
# `row` comes out as `ï»¿row` (its import dialog, and Excel, go by the mark).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pc() { cargo run --quiet --release -- "$@"; }

pc metrics --region all --format csv > "$dir/metrics.csv"
# A hostile bundle: the first quote (and its paragraph) start with a formula.
python3 - www/bundle.json "$dir/hostile.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1], encoding='utf-8'))
formula = '=HYPERLINK("http://example.com","x")'
def paragraphs(d):
    out = list(d.get('preamble', []))
    def walk(ss):
        for s in ss:
            out.extend(s['paragraphs']); walk(s['sections'])
    walk(d['sections'])
    return out
for d in b['documents']:
    if d['metrics']:
        m = d['metrics'][0]
        p = next(p for p in paragraphs(d) if p['id'] == m['paragraph'])
        p['text'] = formula + p['text']
        m['quote'] = formula + p['text'][len(formula):][:p['text'][len(formula):].find(m['quote']) + len(m['quote'])]
        break
json.dump(b, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False, indent=2)
PY
pc metrics --region all --format csv --bundle "$dir/hostile.json" > "$dir/hostile.csv"

# The control: a cell written as is becomes a formula, so the check below can fail.
printf '\xef\xbb\xbfa,b\r\n=1+1,x\r\n' > "$dir/control.csv"
(cd "$dir" && HOME="$dir" soffice --headless --infilter="CSV:44,34,76" \
   --convert-to xlsx control.csv >/dev/null 2>&1)
python3 -c "import sys, zipfile; sys.exit('<f' not in zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())" \
  "$dir/control.xlsx" \
  || { echo "control: LibreOffice no longer makes =1+1 a formula; the check proves nothing"; exit 1; }

for name in metrics hostile; do
  (cd "$dir" && HOME="$dir" soffice --headless --infilter="CSV:44,34,76" \
     --convert-to xlsx "$name.csv" >/dev/null 2>&1)
  python3 - "$dir/$name.xlsx" "$name" <<'PY'
import html, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
# Each shared string is one cell's text, possibly in runs (a run per script).
cells = [html.unescape(''.join(re.findall(r'<t[^>]*>([^<]*)</t>', si)))
         for si in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode('utf-8'))]
sheet = z.read('xl/worksheets/sheet1.xml').decode('utf-8')
assert cells[0] == 'row', f'the header, without a stray mark: {cells[0]!r}'
assert '对沿线国家进出口总额' in cells, 'the Chinese text as written'
assert '江西省参与丝绸之路经济带和21世纪海上丝绸之路建设实施方案' in cells, 'a document title'
assert '<f' not in sheet, 'no cell is a formula'
rows = len(re.findall(r'<row ', sheet))
if sys.argv[2] == 'hostile':
    assert any(c.startswith("'=HYPERLINK") for c in cells), 'the formula is kept, as text'
print(f'{sys.argv[2]}.csv → xlsx: {rows} rows, Chinese intact, no formula')

PY
done
