# area_xlsx.sh - compare's area workbook (-o area.xlsx, -F xlsx): read
# back with a second reader (openpyxl) and checked against compare's
# JSON, HTML and long CSV, so the formats cannot drift apart: the sheets,
# one heat-map row per school with the same scores, counts and bands,
# shaded in the HTML heat map's colours; one Ratings row per row of the
# long CSV; the Summary's facts; school names that look like formulas
# kept as text; -o never naming an input; a failed run leaving no file;
# and, where LibreOffice is installed, the workbook printed to PDF.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/compare

PY=""
for p in /usr/bin/python3 python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done

# A folder of returns: three schools, a broken return, a file that is
# not a return, and schools whose names start a spreadsheet formula.
mkdir -p "$T/r"
cp "$data/returns/"*.csv "$data/returns/README.txt" "$T/r/"
cp "$data/broken/b-bad-rating.csv" "$T/r/"
printf 'School,"=HYPERLINK(""http://x"",""click"")"\nURN,123456\nPhase,school\nindicator,rating\nwelcome-1,2\nwelcome-2,3\n' >"$T/r/evil-link.csv"
printf 'School,@SUM(A1)\nindicator,rating\nwelcome-1,1\n' >"$T/r/evil-at.csv"
printf 'School,+1+2\nindicator,rating\nvalue-1,0\n' >"$T/r/evil-plus.csv"
printf 'School,-3\nindicator,rating\ncommunicate-1,3\n' >"$T/r/evil-minus.csv"

case_ "-o area.xlsx writes a workbook; -F xlsx too"
run compare -o "$T/area.xlsx" "$T/r"
expect_status 1
expect_out_empty
expect_err "b-bad-rating.csv:4: error: rating 'sometimes'"
check "a zip archive" test "$(head -c 2 "$T/area.xlsx")" = "PK"
run compare -F xlsx -o "$T/no-extension" "$T/r"
expect_status 1
check "-F xlsx with a name without extension" test "$(head -c 2 "$T/no-extension")" = "PK"
run compare -F xlsx "$T/r"
expect_status 1
check "-F xlsx to a pipe" test "$(head -c 2 "$out")" = "PK"
run compare -F xlsx -o "$T/area-wrong.csv" "$T/r"
expect_status 2
expect_err "-F xlsx disagrees with the name"
expect_file_absent "$T/area-wrong.csv"
run compare --long -o "$T/area-long.xlsx" "$T/r"
expect_status 2
expect_err "--long is a CSV table"
expect_file_absent "$T/area-long.xlsx"
run score -o "$T/school.xlsx" "$data/returns/oak-primary.csv"
expect_status 2
expect_err "names a xlsx file, but score writes markdown, html or json"
expect_file_absent "$T/school.xlsx"
if command -v script >/dev/null 2>&1; then
	script -qec "'$OAIP' compare -F xlsx '$T/r'" /dev/null >"$T/tty.txt" 2>&1 </dev/null
	check "-F xlsx refuses to write to a terminal" grep -qF "a workbook is not text: give it a name with -o area.xlsx" "$T/tty.txt"
	check "no workbook on the terminal" sh -c "! grep -q 'PK' '$T/tty.txt'"
else
	echo "SKIP: no script(1) to give a terminal"
fi
run compare --help
expect_out "markdown (default), html, json, csv or xlsx"

case_ "the workbook agrees with compare's JSON, HTML and long CSV"
run compare -F json "$T/r"
cp "$out" "$T/area.json"
run compare -F html "$T/r"
cp "$out" "$T/area.html"
run compare -F csv --long "$T/r"
cp "$out" "$T/area-long.csv"
if [ -n "$PY" ]; then
	"$PY" - "$T/area.xlsx" "$T/area.json" "$T/area.html" "$T/area-long.csv" >"$T/inspect.txt" 2>&1 <<'PYEOF'
import csv, json, re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
js = json.load(open(sys.argv[2], encoding="utf-8"))
html = open(sys.argv[3], encoding="utf-8").read()
problems = []
def bad(msg):
    problems.append(msg)
print("sheets", wb.sheetnames)

# Heat map: one row per school, the JSON's numbers and bands.
hm = wb["Heat map"]
head = [c.value for c in hm[1]]
print("heat header", head[:8])
rows = {}
r = 2
while hm.cell(r, 1).value is not None:
    rows[hm.cell(r, 4).value] = [c for c in hm[r]]
    r += 1
print("heat rows", len(rows), "schools", len(js["schools"]))
col = {h: i for i, h in enumerate(head)}
for s in js["schools"]:
    row = rows.get(s["file"])
    if row is None:
        bad("no heat-map row for " + s["file"]); continue
    def val(h):
        return row[col[h]].value
    if val("School") != s["school"]:
        bad("school %r != %r" % (val("School"), s["school"]))
    if row[col["School"]].data_type != "s":
        bad("school %r is not a string cell" % val("School"))
    if val("Overall") != s["overall"]:
        bad("%s overall %r != %r" % (s["file"], val("Overall"), s["overall"]))
    if val("Overall rated") != s["rated"] or val("Overall applicable") != s["total"]:
        bad("%s overall counts" % s["file"])
    if s["overall"] is not None and row[col["Overall"]].number_format != "0.0":
        bad("overall number format " + row[col["Overall"]].number_format)
    for c in s["cornerstones"]:
        t = c["title"]
        if val(t) != c["score"]:
            bad("%s %s score %r != %r" % (s["file"], t, val(t), c["score"]))
        if val(t + " rated") != c["rated"] or val(t + " applicable") != c["total"]:
            bad("%s %s counts" % (s["file"], t))
        if not c["band"].startswith(val(t + " band")):
            bad("%s %s band %r, JSON %r" % (s["file"], t, val(t + " band"), c["band"]))
print("heat autofilter", hm.auto_filter.ref, "frozen", hm.freeze_panes)
print("heat print", hm.page_setup.orientation, hm.page_setup.paperSize, hm.print_title_rows)

# The shading: the HTML heat map's colours, by band.
css = dict(re.findall(r"\.(heat-[a-z0-9]+)\{background:(?:repeating-linear-gradient\(135deg,)?(#[0-9a-f]{6})", html))
classes = {"Above target": "heat-4", "At target": "heat-3", "Mostly at target": "heat-2",
           "Below target": "heat-1", "Well below target": "heat-0", "Too few rated to judge": "heat-few"}
seen = {}
for rng in hm.conditional_formatting:
    for rule in rng.rules:
        m = re.match(r'^\$[A-Z]+2="(.*)"$', rule.formula[0])
        if not m:
            bad("rule formula " + rule.formula[0]); continue
        fill = rule.dxf.fill
        colour = (fill.fgColor.rgb if fill.fill_type else fill.bgColor.rgb)[-6:].lower()
        seen.setdefault(m.group(1), set()).add((colour, fill.fill_type or "solid"))
for band, cls in classes.items():
    want = css.get(cls, "?")[1:]
    got = seen.get(band, set())
    kind = "darkUp" if band.startswith("Too few") else "solid"
    if got != {(want, kind)}:
        bad("band %s: rules %r, HTML %s" % (band, got, want))
print("rules per band", sorted((b, len(v)) for b, v in seen.items()), "ranges", len(hm.conditional_formatting))

# Ratings: the long CSV's rows, in its order.
ra = wb["Ratings"]
long_rows = list(csv.reader(open(sys.argv[4], encoding="utf-8-sig", newline="")))
print("ratings header", [c.value for c in ra[1]] == long_rows[0], long_rows[0][:7])
xl = []
for row in ra.iter_rows(min_row=2, values_only=True):
    xl.append(["" if v is None else str(v) for v in row])
print("ratings rows", len(xl), "long rows", len(long_rows) - 1)
def unquote(v):
    # The CSV keeps a formula character behind a quote mark; the
    # workbook stores the text as it is, as a string.
    return v[1:] if v[:2] in ("'=", "'+", "'-", "'@") else v
for a, b in zip(xl, long_rows[1:]):
    if a != [unquote(v) for v in b]:
        bad("ratings row %r != %r" % (a, b)); break
print("ratings autofilter", ra.auto_filter.ref, "frozen", ra.freeze_panes)

# Summary: the facts of the JSON.
su = wb["Summary"]
text = "\n".join(str(v) for row in su.iter_rows(values_only=True) for v in row if v is not None)
for p in js["priorities"]:
    if p["indicator"] + ": " not in text:
        bad("summary lacks priority " + p["indicator"])
for s in js["support"]["schools"]:
    if s["reasons"] not in text:
        bad("summary lacks the reasons of " + s["file"])
for u in js["unreadable"]:
    if u["file"] not in text or u["errors"][0]["message"] not in text:
        bad("summary lacks unreadable " + u["file"])
for k in js["skipped"]:
    if k["file"] not in text:
        bad("summary lacks skipped " + k["file"])
for s in js["low_coverage"]["schools"]:
    if s["file"] not in text:
        bad("summary lacks low coverage " + s["file"])
for w in ("Framework", "Target level", "Returns", "Made with oaip-eval", "Rotherham",
          "Area averages and spread", "Whom to invite", "How scores are worked out"):
    if w not in text:
        bad("summary lacks " + w)
print("summary print", su.page_setup.orientation, su.page_setup.paperSize)
import zipfile
custom = zipfile.ZipFile(sys.argv[1]).read("docProps/custom.xml").decode()
print("property", 'name="oaip-eval area workbook"' in custom)
for p in problems:
    print("PROBLEM", p)
print("problems", len(problems))
PYEOF
	check "sheets" grep -qF "sheets ['Summary', 'Heat map', 'Ratings']" "$T/inspect.txt"
	check "heat map header in words" grep -qF "heat header ['School', 'URN', 'Phase', 'File', 'Overall', 'Overall band', 'Overall rated', 'Overall applicable']" "$T/inspect.txt"
	check "one heat-map row per school" grep -qF "heat rows 7 schools 7" "$T/inspect.txt"
	check "heat map filtered and frozen" grep -qF "heat autofilter A1:X8 frozen B2" "$T/inspect.txt"
	check "heat map on A4 landscape, header repeated" grep -qF "heat print landscape 9 \$1:\$1" "$T/inspect.txt"
	check "six shading rules for each measure" grep -qF "rules per band [('Above target', 1), ('At target', 1), ('Below target', 1), ('Mostly at target', 1), ('Too few rated to judge', 1), ('Well below target', 1)] ranges 5" "$T/inspect.txt"
	check "Ratings header is the long CSV's" grep -qF "ratings header True ['school', 'urn', 'phase', 'file', 'indicator', 'cornerstone', 'rating']" "$T/inspect.txt"
	check "one Ratings row per long CSV row" grep -qE "ratings rows ([0-9]+) long rows \\1\$" "$T/inspect.txt"
	check "Ratings filtered and frozen" grep -qE "ratings autofilter A1:I[0-9]+ frozen A2" "$T/inspect.txt"
	check "summary on A4 landscape" grep -qF "summary print landscape 9" "$T/inspect.txt"
	check "the workbook says it is an area workbook" grep -qF "property True" "$T/inspect.txt"
	check "every value agrees with JSON, HTML and the long CSV" grep -qF "problems 0" "$T/inspect.txt"
	grep -E "PROBLEM|Error|rules per|property" "$T/inspect.txt" | head -8
else
	echo "SKIP: no Python with openpyxl"
fi

case_ "with --previous: a Since last time sheet, the JSON's numbers"
mkdir -p "$T/then"
sed 's/^2,/1,/' "$data/returns/elm_school.csv" >"$T/then/elm_school.csv"
cp "$data/returns/oak-primary.csv" "$T/then/Oak Primary.csv"
run compare --previous "$T/then" -o "$T/since.xlsx" "$data/returns"
expect_status 0
run compare --previous "$T/then" -F json "$data/returns"
cp "$out" "$T/since.json"
if [ -n "$PY" ]; then
	"$PY" - "$T/since.xlsx" "$T/since.json" >"$T/since.txt" 2>&1 <<'PYEOF'
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
js = json.load(open(sys.argv[2], encoding="utf-8"))["previous"]
print("sheets", wb.sheetnames)
ws = wb["Since last time"]
head = [c.value for c in ws[1]]
print("header", head[:6])
print("autofilter", ws.auto_filter.ref, "frozen", ws.freeze_panes)
titles = {"overall": "Overall", "welcome-and-care": "Welcome and Care",
          "value-and-include": "Value and Include", "communicate": "Communicate",
          "work-in-partnership": "Work in Partnership"}
rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
print("rows", len(rows), "matched", len(js["schools"]))
problems = 0
for s in js["schools"]:
    r = rows[s["file"]]
    if r[2] != {"urn": "URN", "name": "name", "file": "file name"}[s["matched_by"]]:
        problems += 1
    for i, m in enumerate(js["measures"]):
        for what in ("then", "now", "change"):
            got = r[head.index(titles[m] + " " + what)]
            if got != s[what][i]:
                print("PROBLEM", s["file"], m, what, got, s[what][i])
                problems += 1
print("change format", ws.cell(2, head.index("Overall change") + 1).number_format)
su = "\n".join(str(v) for row in wb["Summary"].iter_rows(values_only=True) for v in row if v is not None)
print("summary has the area then and now", "Area means then and now" in su and "Improved most" in su)
print("problems", problems)
PYEOF
	check "four sheets" grep -qF "sheets ['Summary', 'Heat map', 'Ratings', 'Since last time']" "$T/since.txt"
	check "then, now and change per measure" grep -qF "header ['School', 'File', 'Matched by', 'Overall then', 'Overall now', 'Overall change']" "$T/since.txt"
	check "one row per school matched" grep -qF "rows 2 matched 2" "$T/since.txt"
	check "filtered and frozen" grep -qF "autofilter A1:R3 frozen B2" "$T/since.txt"
	check "a change shows its sign" grep -qF "change format +0.0;-0.0;0.0" "$T/since.txt"
	check "the words on the Summary" grep -qF "summary has the area then and now True" "$T/since.txt"
	check "every number agrees with the JSON" grep -qF "problems 0" "$T/since.txt"
	grep PROBLEM "$T/since.txt" | head -5
else
	echo "SKIP: no Python with openpyxl"
fi

case_ "-o never names an input; the workbook in the folder is never read as a return"
mkdir -p "$T/own"
cp "$data/returns/"*.csv "$T/own/"
run template -o "$T/own/a-school.xlsx"
cp "$T/own/a-school.xlsx" "$T/a-school-before.xlsx"
run compare -o "$T/own/a-school.xlsx" "$T/own"
expect_status 2
expect_err "the output '$T/own/a-school.xlsx' is also an input"
check "the return is untouched" cmp -s "$T/own/a-school.xlsx" "$T/a-school-before.xlsx"
run compare -o "$T/own/area.xlsx" "$T/own"
expect_status 0
cp "$T/own/area.xlsx" "$T/own-first.xlsx"
run compare -o "$T/own/area.xlsx" "$T/own"
expect_status 0
expect_err "$T/own/area.xlsx: note: skipped: the report being written"
run compare -F json "$T/own"
expect_status 0
expect_err "$T/own/area.xlsx: note: skipped: written by oaip-eval"
expect_out '"returns":4,'

case_ "a failed run leaves no file"
run compare -o "$T/no/such/dir/area.xlsx" "$data/returns"
expect_status 3
expect_file_absent "$T/no/such/dir/area.xlsx"
status=0
TMPDIR=$T/no-such-tmp "$OAIP" compare -o "$T/failed.xlsx" "$data/returns" >"$out" 2>"$err" </dev/null || status=$?
expect_status 3
expect_err "cannot make a temporary file in $T/no-such-tmp"
expect_no_err "out of memory"
expect_file_absent "$T/failed.xlsx"
cp "$T/own-first.xlsx" "$T/keep.xlsx"
status=0
TMPDIR=$T/no-such-tmp "$OAIP" compare -o "$T/keep.xlsx" "$data/returns" >"$out" 2>"$err" </dev/null || status=$?
expect_status 3
check "an earlier workbook is left as it was" cmp -s "$T/keep.xlsx" "$T/own-first.xlsx"

case_ "LibreOffice opens the workbook and prints it"
if [ -n "${TESTS_WRAPPER:-}" ]; then
	echo "SKIP: LibreOffice is not run under ${TESTS_WRAPPER%% *} (it does not run the program)"
elif command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	mkdir -p "$T/lo"
	HOME=$T timeout 180 soffice --headless --convert-to pdf --outdir "$T/lo" "$T/area.xlsx" >/dev/null 2>&1
	check "a PDF" test -s "$T/lo/area.pdf"
	pdftotext -layout "$T/lo/area.pdf" "$T/lo/area.txt" 2>/dev/null
	check "the summary printed" grep -qF "Schools most in need of support" "$T/lo/area.txt"
	check "the heat map printed, bands in words" grep -qF "Too few rated to judge" "$T/lo/area.txt"
	check "a formula-like name printed as typed" grep -qF '=HYPERLINK("http://x","click")' "$T/lo/area.txt"
	check "the ratings printed" grep -qF "below_target" "$T/lo/area.txt"
else
	echo "SKIP: no soffice (LibreOffice) or pdftotext"
fi

finish
