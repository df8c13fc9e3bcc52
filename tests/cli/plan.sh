# plan.sh - oaip-eval plan: one row per gap, lowest rating first within
# each cornerstone, the columns in order, every format, bad input,
# never replacing a filled-in plan, escaping.
. "$top_srcdir/tests/cli/lib.sh"

EX=$top_srcdir/examples
D=$top_srcdir/tests/data/plan

# examples/devon-primary.csv has 8 gaps (see score.sh): welcome-4 and -5
# (Emerging), value-4 (Not yet) and value-1 (Emerging), communicate-2 and
# -4 (Emerging), partnership-4 (Not yet) and -2 (Emerging).
case_ "plan as CSV: columns and order"
run plan -F csv "$EX/devon-primary.csv"
expect_status 0
check "header row" sh -c "head -1 '$out' | tr -d '\r' | grep -qx \
'.*indicator,cornerstone,statement,rating,target,next_steps,owner,by_when,success_measure'"
check "one row per gap" test "$(tail -n +2 "$out" | wc -l)" -eq 8
check "lowest rating first within each cornerstone, then framework order" \
	test "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" = \
	"welcome-4 welcome-5 value-4 value-1 communicate-2 communicate-4 partnership-4 partnership-2 "
expect_out "value-4,Value and Include,Have a ‘can do’ approach.,Not yet,Established,"
# owner, by_when and success_measure are left to fill in
check "empty columns to fill in" sh -c "grep -q 'with the family after six weeks.\",,,' '$out'"
check "CRLF line ends" sh -c "head -1 '$out' | grep -q \"\$(printf '\r')\""

case_ "plan: Markdown is the default"
run plan "$EX/devon-primary.csv"
expect_status 0
expect_out "# Action plan: devon primary"
expect_out "8 indicators are rated below the target (Established)"
expect_out "2 indicators are not yet evaluated and may hold more gaps."
expect_out "## Value and Include"
expect_out "| Indicator | Statement | Rating | Next steps | Owner | By when | Success measure |"
expect_out "| value-4 | Have a ‘can do’ approach. | Not yet |"

case_ "plan: HTML"
run plan -o "$T/plan.html" "$EX/devon-primary.csv"
expect_status 0
expect_out_empty
check "html written" grep -q '<th scope="col">Success measure</th>' "$T/plan.html"
check "one table per cornerstone" test "$(grep -c '<table' "$T/plan.html")" -eq 4
check "row headers" grep -q '<th scope="row">value-4</th>' "$T/plan.html"

case_ "plan: --target moves the gaps"
run plan -F csv --target embedded "$EX/devon-primary.csv"
expect_status 0
expect_out "welcome-1,Welcome and Care"
expect_out ",Established,Embedded,"

case_ "plan: no gaps"
printf 'indicator,rating\nwelcome-1,3\n' >"$T/good.csv"
run plan "$T/good.csv"
expect_status 0
expect_out "0 indicators are rated below the target (Established): there is no gap to plan for yet."

case_ "plan: text from a school is escaped"
run plan -F html "$D/hostile.csv"
expect_status 0
expect_no_out "<script>"
expect_out "&lt;script&gt;"
run plan -F csv "$D/hostile.csv"
expect_out "\"'=HYPERLINK(\"\"http://x\"\")\""
run plan "$D/hostile.csv"
expect_no_out "](javascript:"
expect_out "a \\| b"

case_ "plan: an existing CSV plan is never replaced"
printf 'indicator,owner\nwelcome-4,Mrs Patel\n' >"$T/ours.csv"
run plan -o "$T/ours.csv" "$EX/devon-primary.csv"
expect_status 3
expect_err "already exists"
check "filled-in plan kept" grep -q "Mrs Patel" "$T/ours.csv"
run plan --force -o "$T/ours.csv" "$EX/devon-primary.csv"
expect_status 0
check "replaced with --force" grep -q "^welcome-4,Welcome and Care" "$T/ours.csv"

case_ "plan: bad input names file and line"
printf 'indicator,rating\nwelcome-1,sometimes\n' >"$T/bad.csv"
run plan -o "$T/bad-plan.md" "$T/bad.csv"
expect_status 3
expect_err "bad.csv:2: error: rating 'sometimes'"
expect_file_absent "$T/bad-plan.md"

case_ "plan --survey: parent carers' agree % beside each gap"
run plan -F csv --survey "$EX/devon-parent-survey.csv" "$EX/devon-primary.csv"
expect_status 0
check "header has parent_agree_pct" sh -c "head -1 '$out' | tr -d '\r' | grep -q ',success_measure,parent_agree_pct\$'"
# welcome-4 (W4): 13 of 14 agree; value-4 (V4): 10 of 13
expect_out "by when.\",,,,92.9"
check "value-4 row" sh -c "grep '^value-4,' '$out' | tr -d '\r' | grep -q ',76.9\$'"
run plan --survey "$EX/devon-parent-survey.csv" "$EX/devon-primary.csv"
expect_out "| 13 of 14 agree (92.9%) |"
expect_out "it is not shown for fewer than 10 answers."
# identifying columns never reach the plan
run plan -F csv --survey "$top_srcdir/tests/data/survey/microsoft-forms.csv" "$EX/devon-primary.csv"
expect_status 0
expect_no_out "Zebedee"
expect_no_out "@example.org"
expect_no_err "Zebedee"
# fewer than K respondents: the column says so, with no number
run plan -F csv --survey "$top_srcdir/tests/data/survey/entry-nine.csv" "$EX/devon-primary.csv"
expect_status 0
check "suppressed" sh -c "grep '^welcome-4,' '$out' | tr -d '\r' | grep -q ',fewer than 10 answers\$'"
run plan --min-responses 3 --survey "$EX/devon-parent-survey.csv" "$EX/devon-primary.csv"
expect_status 2
run plan --min-responses 10 "$EX/devon-primary.csv"
expect_status 2
expect_err "--min-responses needs --survey"
cp "$EX/devon-parent-survey.csv" "$T/answers.csv"
run plan --force -o "$T/answers.csv" --survey "$T/answers.csv" "$EX/devon-primary.csv"
expect_status 2
expect_err "also an input"

# A Python that has openpyxl reads the workbook back; skipped without one.
PY=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import openpyxl' 2>/dev/null; then
		PY=$p
		break
	fi
done

case_ "plan as a workbook to fill in"
run plan --survey "$EX/devon-parent-survey.csv" -o "$T/plan.xlsx" "$EX/devon-primary.csv"
expect_status 0
expect_out_empty
check "a zip archive" test "$(head -c 2 "$T/plan.xlsx")" = "PK"
run plan -F xlsx "$EX/devon-primary.csv"
expect_status 0
check "-F xlsx to a pipe or file" test "$(head -c 2 "$out")" = "PK"
if [ -n "$PY" ]; then
	"$PY" - "$T/plan.xlsx" >"$T/inspect.txt" 2>&1 <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", wb.sheetnames)
ws = wb["Action plan"]
print("title", ws["A1"].value)
print("header", [c.value for c in ws[6]])
print("first", [c.value for c in ws[7]])
print("order", [ws.cell(r, 1).value for r in range(7, 15)])
for dv in ws.data_validations.dataValidation:
    print("dv", dv.type, dv.formula1, dv.sqref, dv.promptTitle)
print("print", ws.page_setup.orientation, ws.page_setup.paperSize, ws.print_title_rows, ws.sheet_properties.pageSetUpPr.fitToPage, ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight)
print("frozen", ws.freeze_panes, "filter", ws.auto_filter.ref)
print("fill", ws["G7"].fill.fgColor.rgb)
PYEOF
	check "one sheet" grep -qF "sheets ['Action plan']" "$T/inspect.txt"
	check "title" grep -qF "title Action plan: devon primary" "$T/inspect.txt"
	check "header row" grep -qF "header ['indicator', 'cornerstone', 'statement', 'rating', 'target', 'next_steps', 'owner', 'by_when', 'success_measure', 'parent_agree_pct']" "$T/inspect.txt"
	check "first gap, empty columns to fill in, agree % a number" \
		grep -qF "first ['welcome-4', 'Welcome and Care', 'Help parent carers feel confident.', 'Emerging', 'Established', 'Send a one-page summary after every SEN support meeting: what was agreed, who is doing what, and by when.', None, None, None, 92.9]" "$T/inspect.txt"
	check "order" grep -qF "order ['welcome-4', 'welcome-5', 'value-4', 'value-1', 'communicate-2', 'communicate-4', 'partnership-4', 'partnership-2']" "$T/inspect.txt"
	check "by_when offers the coming terms (report date 2026-11-23)" \
		grep -qF 'dv list "Autumn term 2026,Spring term 2027,Summer term 2027,Autumn term 2027,Spring term 2028,Summer term 2028" H7:H34 By when' "$T/inspect.txt"
	check "owner prompt" grep -qF "G7:G34 Owner" "$T/inspect.txt"
	check "A4 landscape, one page wide, header repeated" \
		grep -qF 'print landscape 9 $6:$6 True 1 0' "$T/inspect.txt"
	check "frozen below the header, filtered" grep -qF "frozen B7 filter A6:J14" "$T/inspect.txt"
	check "cells to fill in shaded" grep -qF "fill FFFFF8DC" "$T/inspect.txt"
else
	echo "openpyxl not found: workbook checks skipped"
fi
printf 'x' >"$T/filled.xlsx"
run plan -o "$T/filled.xlsx" "$EX/devon-primary.csv"
expect_status 3
expect_err "already exists"
check "filled-in workbook kept" test "$(cat "$T/filled.xlsx")" = x
run plan -F xlsx -o "$T/plan.md" "$EX/devon-primary.csv"
expect_status 2
expect_file_absent "$T/plan.md"

case_ "plan: usage errors"
run plan
expect_status 2
expect_err "no self-evaluation file given"
run plan -F json "$EX/devon-primary.csv"
expect_status 2
expect_err "not json"
run plan -o "$T/plan.json" "$EX/devon-primary.csv"
expect_status 2
expect_file_absent "$T/plan.json"
run plan -o "$T/plan.pdf" "$EX/devon-primary.csv"
expect_status 2
expect_err "give -o a .md, .html, .csv or .xlsx name"
expect_file_absent "$T/plan.pdf"
run plan -F docx "$EX/devon-primary.csv"
expect_status 2
expect_err "unknown format 'docx': expected markdown, html, csv or xlsx"
run plan --bogus "$EX/devon-primary.csv"
expect_status 2
cp "$EX/devon-primary.csv" "$T/school.csv"
run plan --force -o "$T/school.csv" "$T/school.csv"
expect_status 2
expect_err "also an input"
run plan --help
expect_status 0
expect_out "Usage: oaip-eval plan"

finish
