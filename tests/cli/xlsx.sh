# xlsx.sh - returns from spreadsheets: the workbook template, .xlsx read
# wherever a return is read, the round trip template -> filled in a
# spreadsheet -> score with no -f and no --phase, files that are not
# returns, and -o agreeing with the format.
. "$top_srcdir/tests/cli/lib.sh"

EX=$top_srcdir/examples
X=$top_srcdir/tests/data/xlsx

# A Python that has openpyxl, the second reader the workbooks are checked
# with; the checks that need it are skipped without one.
PY=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done

case_ "template -o x.xlsx writes a workbook"
run template -o "$T/our-school.xlsx"
expect_status 0
expect_out_empty
check "a zip archive" test "$(head -c 2 "$T/our-school.xlsx")" = "PK"
run template -F xlsx -o "$T/no-extension"
expect_status 0
check "-F xlsx with a name without extension" cmp -s "$T/no-extension" "$T/our-school.xlsx"
run template -F xlsx
expect_status 0
check "-F xlsx to a pipe or file" test "$(head -c 2 "$out")" = "PK"
run score "$T/our-school.xlsx"
expect_status 0
expect_out "Not yet evaluated"

case_ "the workbook as another reader sees it"
if [ -n "$PY" ]; then
	"$PY" - "$T/our-school.xlsx" >"$T/inspect.txt" 2>&1 <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", wb.sheetnames)
ws = wb["Self-evaluation"]
print("detail", ws["A4"].value, ws["B4"].value)
print("header", [c.value for c in ws[9]])
print("first", ws["A10"].value, ws["B10"].value)
for dv in ws.data_validations.dataValidation:
    if dv.type == "list":
        print("list", dv.formula1, dv.sqref, dv.errorStyle or "stop", bool(dv.showErrorMessage), bool(dv.error), bool(dv.prompt))
print("protected", bool(ws.protection.sheet))
print("locked", ws["C10"].protection.locked, ws["D10"].protection.locked, ws["E10"].protection.locked, ws["B1"].protection.locked)
print("frozen", ws.freeze_panes)
print("wrapped", ws["C10"].alignment.wrap_text)
gp = wb["Good practice"]
print("practice", gp["A1"].value)
print("levels", [wb["Levels"].cell(r, 2).value for r in range(2, 7)])
PYEOF
	check "three sheets" grep -qF "sheets ['Self-evaluation', 'Levels', 'Good practice']" "$T/inspect.txt"
	check "Framework detail filled in" grep -qF "detail Framework devon" "$T/inspect.txt"
	check "the header on row 9" grep -qF "header ['indicator', 'cornerstone', 'statement', 'rating', 'evidence', 'next_steps']" "$T/inspect.txt"
	check "first indicator on row 10" grep -qF "first welcome-1 Welcome and Care" "$T/inspect.txt"
	check "a drop-down of the labels and n/a on every rating, refusing others, with messages" \
		grep -qF 'list "Not yet,Emerging,Established,Embedded,n/a" D10:D29 stop True True True' "$T/inspect.txt"
	check "the sheet is protected" grep -qF "protected True" "$T/inspect.txt"
	check "statements locked; rating, evidence and the details editable" grep -qF "locked True False False False" "$T/inspect.txt"
	check "frozen below the header" grep -qF "frozen B10" "$T/inspect.txt"
	check "statements wrapped" grep -qF "wrapped True" "$T/inspect.txt"
	check "Good practice sheet" grep -qF "practice What good practice could look like" "$T/inspect.txt"
	check "Levels sheet" grep -qF "levels ['Not yet', 'Emerging', 'Established', 'Embedded', 'n/a']" "$T/inspect.txt"
else
	echo "SKIP: no Python with openpyxl"
fi

case_ "the workbook opens in LibreOffice"
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$T/lo"
	HOME=$T soffice --headless --convert-to csv --outdir "$T/lo" "$T/our-school.xlsx" >/dev/null 2>&1
	check "converted to CSV" test -s "$T/lo/our-school.csv"
	check "its header" grep -q "^indicator,cornerstone,statement,rating,evidence,next_steps" "$T/lo/our-school.csv"
	check "its details" grep -q "^Framework,devon" "$T/lo/our-school.csv"
	check "20 indicators" test "$(grep -c '^\(welcome\|value\|communicate\|partnership\)-' "$T/lo/our-school.csv")" -eq 20
else
	echo "SKIP: no soffice"
fi

case_ "examples/devon-primary.xlsx scores the same as examples/devon-primary.csv"
run score -F json "$EX/devon-primary.xlsx"
expect_status 0
expect_no_err "error"
grep -v '"file"' "$out" >"$T/xlsx.json"
run score -F json "$EX/devon-primary.csv"
grep -v '"file"' "$out" >"$T/csv.json"
check "the same JSON but for the file" cmp -s "$T/xlsx.json" "$T/csv.json"
run score "$EX/devon-primary.xlsx"
sed 's/devon-primary\.xlsx/devon-primary.csv/' "$out" >"$T/xlsx.md"
run score "$EX/devon-primary.csv"
check "the same Markdown report but for the file" cmp -s "$T/xlsx.md" "$out"

case_ "round trip: template.xlsx, filled in a spreadsheet, scored with no -f and no --phase"
if [ -n "$PY" ]; then
	run template -f west-sussex --phase secondary,sixth-form -o "$T/ws.xlsx"
	expect_status 0
	"$PY" "$EX/fill-workbook.py" "$T/ws.xlsx" "$EX/west-sussex-secondary.csv" "$T/ws-filled.xlsx" "Oak Academy"
	run score -F json "$T/ws-filled.xlsx"
	expect_status 0
	expect_no_err "error"
	expect_no_err "note"
	expect_out '"framework": "west-sussex"'
	expect_out '"school": "Oak Academy"'
	grep -v '"file"\|"school"' "$out" >"$T/ws-xlsx.json"
	run score -f west-sussex --phase school,post-16 -F json "$EX/west-sussex-secondary.csv"
	grep -v '"file"\|"school"' "$out" >"$T/ws-csv.json"
	check "the same report as the CSV with -f and --phase" cmp -s "$T/ws-xlsx.json" "$T/ws-csv.json"
	run validate "$T/ws-filled.xlsx"
	expect_status 0
	expect_out "ws-filled.xlsx: ok (self-evaluation for framework 'west-sussex'"
	expect_out "; phase school, post-16)"
	# --school wins over the School detail
	run score --school "St Mary's" -F json "$T/ws-filled.xlsx"
	expect_out "\"school\": \"St Mary's\""
else
	echo "SKIP: no Python with openpyxl"
fi

case_ "an error in a workbook names the sheet and cell"
if [ -n "$PY" ]; then
	"$PY" - "$T/our-school.xlsx" "$T/bad.xlsx" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Self-evaluation"]
ws["D10"] = "sometimes"
ws["D11"] = "Embeded"
ws["D12"] = "2 - Established"
ws["D13"] = "Not\u00a0yet"
ws["E9"] = "evidence of impact"
wb.save(sys.argv[2])
PYEOF
	run score -o "$T/bad.md" "$T/bad.xlsx"
	expect_status 3
	expect_err "bad.xlsx: Self-evaluation!D10: error: rating 'sometimes' is not one of 0-3, not yet, emerging, established, embedded, n/a"
	expect_err "bad.xlsx: Self-evaluation!D11: error: rating 'Embeded' is not one of 0-3, not yet, emerging, established, embedded, n/a: did you mean 'Embedded'?"
	expect_err "bad.xlsx: Self-evaluation!E9: warning: column 'evidence of impact' ignored: did you mean 'evidence'?"
	check "two errors: the forgiven forms are not among them" test "$(grep -c ': error: ' "$err")" -eq 2
	expect_file_absent "$T/bad.md"
	run validate --format github "$T/bad.xlsx"
	expect_status 1
	expect_out "::error file=$T/bad.xlsx,line=10::Self-evaluation!D10: rating 'sometimes'"
else
	echo "SKIP: no Python with openpyxl"
fi

case_ "hostile workbooks: a clear error and exit 3, quickly"
for f in bomb huge dtd xxe truncated bad-xml; do
	run score -o "$T/r-$f.md" "$X/$f.xlsx"
	expect_status 3
	expect_file_absent "$T/r-$f.md"
done
run score "$X/bomb.xlsx"
expect_err "refused as a possible zip bomb"
run score "$X/dtd.xlsx"
expect_err "a DOCTYPE (DTD) is not allowed in a workbook"
run score "$X/truncated.xlsx"
expect_err "a damaged or truncated zip archive"

case_ "files that are not returns say what they are and how to save them"
run score "$X/ods.xlsx"
expect_status 3
expect_err "this is an OpenDocument spreadsheet (.ods), not a CSV or .xlsx file: open it in a spreadsheet program and save it as 'Excel Workbook (.xlsx)' or 'CSV UTF-8'"
run score "$X/docx.xlsx"
expect_status 3
expect_err "this is a Word document (.docx)"
printf '\320\317\021\340\241\261\032\341\0\0\0' >"$T/old.xls"
run score "$T/old.xls"
expect_status 3
expect_err "old.xls: error: this is an Excel 97-2003 workbook (.xls)"
printf '%%PDF-1.7\n' >"$T/return.pdf"
run score "$T/return.pdf"
expect_status 3
expect_err "return.pdf: error: this is a PDF document"

case_ "compare and validate read workbooks beside CSV files"
mkdir -p "$T/returns"
cp "$EX/devon-primary.csv" "$T/returns/a-school.csv"
cp "$EX/devon-primary.xlsx" "$T/returns/b-school.xlsx"
: >"$T/returns/~\$b-school.xlsx"
run compare -F csv "$T/returns"
expect_status 0
expect_out "a school,,,$T/returns/a-school.csv,48.8,"
expect_out "b school,,,$T/returns/b-school.xlsx,48.8,"
check "the lock file is not a return" test "$(grep -c '^[ab] school,' "$out")" -eq 2
run validate "$T/returns"
expect_status 0
expect_out "b-school.xlsx: ok"

case_ "compare without -f: the framework the first return names or uses"
mkdir -p "$T/ws"
cp "$EX/west-sussex-secondary.csv" "$T/ws/a.csv"
sed 's/^e1-01,\([^,]*\),\([^,]*\),[^,]*,/e1-01,\1,\2,,/' "$EX/west-sussex-secondary.csv" >"$T/ws/b.csv"
run compare -F csv "$T/ws"
expect_status 0
expect_err "$T/ws/a.csv: note: framework 'west-sussex' recognised from this return (give -f to choose another)"
expect_out "a,,,$T/ws/a.csv,55.7,"
expect_out "b,,,$T/ws/b.csv,"
expect_no_err "error"

case_ "-o must agree with the format: never a file of another format"
run score -o "$T/report.pdf" "$EX/devon-primary.csv"
expect_status 2
expect_err "'$T/report.pdf' names a .pdf file, but score cannot write one: give -o a .md, .html or .json name"
expect_file_absent "$T/report.pdf"
run score -o "$T/report.xlsx" "$EX/devon-primary.csv"
expect_status 2
expect_file_absent "$T/report.xlsx"
run score -F html -o "$T/report.md" "$EX/devon-primary.csv"
expect_status 2
expect_err "-F html disagrees with the name"
expect_file_absent "$T/report.md"
run compare -o "$T/area.docx" "$EX/devon-primary.csv"
expect_status 2
expect_file_absent "$T/area.docx"
run template -o "$T/template.md"
expect_status 2
expect_err "template writes a CSV file or an Excel workbook: give -o a .csv or .xlsx name"
expect_file_absent "$T/template.md"
run template -F csv -o "$T/t.xlsx"
expect_status 2
expect_file_absent "$T/t.xlsx"
run template -F ods
expect_status 2
expect_err "unknown format 'ods': expected csv or xlsx"
# a name with no extension, -, and a device take the format from -F
run score -F html -o "$T/report" "$EX/devon-primary.csv"
expect_status 0
check "html without an extension" grep -q "<html" "$T/report"
run score -F json -o /dev/null "$EX/devon-primary.csv"
expect_status 0

finish
