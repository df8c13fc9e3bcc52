# survey.sh - 'oaip-eval survey' and 'score --survey': the questionnaire,
# parent carers' answers from Microsoft and Google Forms, small numbers,
# privacy and escaping.
#
# The fixtures are made by tests/data/survey/make-fixtures in the shapes
# Microsoft Forms ("Open in Excel", saved as CSV UTF-8) and Google Forms
# (Responses > Download CSV) export, as documented by Microsoft and Google
# (see that script's header for the shapes and where they come from).
. "$top_srcdir/tests/cli/lib.sh"

ex=$top_srcdir/examples
data=$top_srcdir/tests/data/survey
school=$ex/devon-primary.csv
google=$ex/devon-parent-survey.csv
ms=$data/microsoft-forms.csv

case_ "survey template: the question list as CSV"
run survey template
expect_status 0
expect_out "code,indicator,cornerstone,question"
expect_out "W1,welcome-1,welcome-and-care,I feel welcome at the school."
expect_out "P4,partnership-4,work-in-partnership,"
check "one row per indicator" test "$(wc -l <"$out")" -eq 21
run survey template -f west-sussex --phase school
expect_status 0
expect_no_out "e1-09"
expect_out "e1-10"

case_ "survey template: a printable questionnaire"
run survey template -o "$T/q.html"
expect_status 0
check "written" test -s "$T/q.html"
check "tick boxes" grep -q 'class="tick"' "$T/q.html"
check "privacy notice" grep -q 'Please do not write your name' "$T/q.html"
check "comments box" grep -q 'comments-box' "$T/q.html"
check "A4" grep -q 'size:A4' "$T/q.html"
check "not the authority's words" grep -q 'not Devon County Council' "$T/q.html"
check "the code beside each sentence" grep -q '<span class="code">C3</span>Staff listen to me calmly' "$T/q.html"
run survey template -F html --min-responses 5
expect_status 0
expect_out "least 5 parent carers have answered it"
run survey template -F markdown
expect_status 2
run survey template -o "$T/q.pdf"
expect_status 2
expect_file_absent "$T/q.pdf"

case_ "survey template: a response-entry workbook, read back"
run survey template -o "$T/entry.xlsx"
expect_status 0
check "a workbook" sh -c "head -c 2 '$T/entry.xlsx' | grep -q PK"
run survey template -F xlsx -o "$T/entry.csv"
expect_status 2
expect_file_absent "$T/entry.csv"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	check "headings, drop-downs, answers typed in" /usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Responses"]
head = [c.value for c in ws[1]]
assert head[0] == "W1 I feel welcome at the school.", head[0]
assert head[-1] == "Comments"
dv = ws.data_validations.dataValidation
assert len(dv) == 20 and "Strongly disagree" in dv[0].formula1
for r in range(2, 12):
    for c in range(1, 21):
        ws.cell(row=r, column=c, value=["Strongly agree", "Agree", "Disagree", "Don\u2019t know"][(r + c) % 4])
ws.cell(row=2, column=21, value="Typed in from paper.")
wb.save(sys.argv[2])
' "$T/entry.xlsx" "$T/filled.xlsx"
	run survey summary "$T/filled.xlsx" --comments Comments --min-responses 5
	expect_status 0
	expect_out "10 parent carers answered the survey."
	expect_out "Typed in from paper."
	expect_out "| W1 | I feel welcome at the school. | 5 of 7 parent carers who answered agree (71.4%) |"
else
	echo "SKIP: no openpyxl for /usr/bin/python3 (python3-openpyxl)"
fi

case_ "survey summary: Google Forms, grid rows"
run survey summary "$google"
expect_status 0
expect_out "14 parent carers answered the survey."
expect_out "| W1 | I feel welcome at the school. | 12 of 14 parent carers who answered agree (85.7%) |"
expect_out "| P4 | The school works with parent carers like me to make things better. | Fewer than 10 answered: not shown | Not shown |"
expect_err "2 columns identifying parent carers dropped unread: 'Timestamp', 'Email Address'"
expect_no_out "n="

case_ "score --survey: Two views in every format"
run score "$school" --survey "$google"
expect_status 0
expect_out "## Two views"
expect_out "Parent carers see a gap the school does not:** C3 (communicate-3)"
expect_out "but 5 of 14 parent carers who answered agree (35.7%)"
run score "$school" --survey "$google" -F html
expect_status 0
expect_out '<h2 id="survey">Two views</h2>'
expect_out 'Parent carers see a gap the school does not'
# The spread of answers as a bar beside its numbers: W1 is Strongly
# agree 4, Agree 8, Disagree 2 of 14; a question not shown has none.
expect_out "Strongly agree 4, Agree 8, Disagree 2, Strongly disagree 0, Don’t know 0<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"bar-0\" x=\"0.0\" width=\"28.6\" height=\"10\"/><rect class=\"bar-1\" x=\"28.6\" width=\"57.1\" height=\"10\"/><rect class=\"bar-2\" x=\"85.7\" width=\"14.3\" height=\"10\"/></svg></td>"
expect_out '<p class="bar-key" aria-hidden="true">'
check "no bar for a question fewer than 10 answered" sh -c "grep '<th scope=\"row\">P4</th>' '$out' | grep -q 'Not shown</td></tr>'"
run survey summary "$google" -F html
expect_status 0
expect_out "Strongly agree 4, Agree 8, Disagree 2, Strongly disagree 0, Don’t know 0<svg class=\"bar\""
run score "$school" --survey "$google" -F json
expect_status 0
check "JSON survey object" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["survey"]
assert s["respondents"] == 14 and s["min_responses"] == 10
i = {x["indicator"]: x for x in s["indicators"]}
assert i["welcome-1"]["answered"] == 14
assert i["welcome-1"]["counts"] == {"strongly_agree": 4, "agree": 8, "disagree": 2, "strongly_disagree": 0, "dont_know": 0}
assert i["welcome-1"]["agree_pct"] == 85.7
assert i["partnership-4"]["answered"] is None and i["partnership-4"]["counts"] is None
assert {"indicator": "communicate-3", "rating": 3, "agree_pct": 35.7, "direction": "parents-see-gap"} in s["differ"]
assert [c["id"] for c in s["cornerstones"]] == ["welcome-and-care", "value-and-include", "communicate", "work-in-partnership"]
' "$out"

case_ "Microsoft Forms: statements as headings, any case, either apostrophe, any order"
run score "$school" --survey "$ms" -F json
expect_status 0
check "every question matched" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["survey"]
assert len(s["indicators"]) == 20, len(s["indicators"])
assert s["respondents"] == 12
' "$out"

case_ "Microsoft Forms' own workbook (.xlsx) counts as its CSV"
run survey summary "$ms" -F json
cp "$out" "$T/from-csv.json"
run survey summary "$data/microsoft-forms.xlsx" -F json
expect_status 0
expect_err "microsoft-forms.xlsx: note: Sheet1!A1: 5 columns identifying parent carers dropped unread"
check "same counts from xlsx and CSV" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["survey"]; b = json.load(open(sys.argv[2]))["survey"]
for k in ("respondents", "indicators", "cornerstones"):
    assert a[k] == b[k], k
' "$T/from-csv.json" "$out"
for secret in Zebedee Quaggan example.org anonymous "19:06" "2026-07"; do
	check "xlsx: no '$secret'" sh -c "! grep -qF -- '$secret' '$out' && ! grep -qF -- '$secret' '$err'"
done
run survey summary "$data/bad-answer.xlsx"
expect_status 3
expect_err "bad-answer.xlsx: error: Responses!D3: answer 'Sometimes' to question W3 is not one of"
expect_no_err "Quaggan"
printf '%%PDF-1.4\n%%\342\343\317\323\n' >"$T/responses.pdf"
run survey summary "$T/responses.pdf"
expect_status 3
expect_err "responses.pdf: error: this is a PDF document, not a CSV or .xlsx file"

case_ "privacy: no name, email, id or time reaches any output or message"
for fmt in markdown html json; do
	run score "$school" --survey "$ms" --comments "Any other comments" -F "$fmt"
	expect_status 0
	for secret in Zebedee Quaggan example.org anonymous "19:06:23" "7/1/26"; do
		check "$fmt output has no '$secret'" sh -c "! grep -qF -- '$secret' '$out' && ! grep -qF -- '$secret' '$err'"
	done
	run survey summary "$ms" --comments "Any other comments" -F "$fmt"
	expect_status 0
	for secret in Zebedee Quaggan example.org "19:06:23"; do
		check "summary $fmt has no '$secret'" sh -c "! grep -qF -- '$secret' '$out' && ! grep -qF -- '$secret' '$err'"
	done
done
run survey summary "$google" -F json
for secret in quaggan example.org "GMT+1"; do
	check "Google: no '$secret'" sh -c "! grep -qiF -- '$secret' '$out' && ! grep -qiF -- '$secret' '$err'"
done
# A bad answer is reported with its line; nothing else of the row.
printf 'Name,Email,W1\nZebedee Quaggan,zq@example.org,sometimes\n' >"$T/bad.csv"
run survey summary "$T/bad.csv"
expect_status 3
expect_err "bad.csv:2: error: answer 'sometimes' to question W1 is not one of"
expect_no_err "Zebedee"
expect_no_err "zq@"
expect_out_empty
# The comments column cannot be an identifying one.
run survey summary "$ms" --comments Email
expect_status 3
expect_err "column 'Email' identifies parent carers"
expect_no_err "zebedee"

case_ "comments: escaped in every format, under a reminder"
run score "$school" --survey "$ms" --comments "any other comments" -F html
expect_status 0
expect_out "check these comments for names"
expect_no_out "<script>"
expect_out "&lt;script&gt;"
expect_no_out 'href="javascript'
run score "$school" --survey "$ms" --comments "any other comments"
expect_status 0
expect_no_raw "<script>"
expect_no_out "](javascript"
expect_out "A parent carer"
run score "$school" --survey "$ms" --comments "any other comments" -F json
check "JSON comments as plain strings" python3 -c '
import json, sys
c = json.load(open(sys.argv[1]))["survey"]["comments"]
assert "<script>alert(\x27x\x27)</script> Thank you" in c
' "$out"

case_ "small numbers: 9 respondents hide everything, 10 show"
run survey summary "$data/entry-nine.csv" --comments Comments
expect_status 0
expect_out "Fewer than 10 parent carers answered the survey, so none of their answers are shown"
expect_no_out "Kind staff"
expect_no_out "who answered agree"
run survey summary "$data/entry-nine.csv" -F json
check "JSON hides respondents and scores" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["survey"]
assert s["respondents"] is None and s["shown"] is False
assert all(i["answered"] is None and i["counts"] is None for i in s["indicators"])
assert all(c["respondents"] is None and c["score"] is None for c in s["cornerstones"])
' "$out"
run survey summary "$data/entry-ten.csv" --comments Comments
expect_status 0
expect_out "10 parent carers answered the survey."
expect_out "Kind staff"
run survey summary "$data/entry-nine.csv" --min-responses 5
expect_status 0
expect_out "9 parent carers answered the survey."
run survey summary "$data/entry-nine.csv" --min-responses 4
expect_status 2
expect_err "--min-responses 4 is too small"
run score "$school" --min-responses 12
expect_status 2

case_ "output never replaces the responses"
cp "$google" "$T/responses.csv"
run score "$school" --survey "$T/responses.csv" -o "$T/responses.csv"
expect_status 2
check "responses untouched" cmp -s "$google" "$T/responses.csv"

case_ "bad responses files"
run survey summary "$T/missing.csv"
expect_status 3
printf 'Name,Colour\nJo,Blue\n' >"$T/none.csv"
run survey summary "$T/none.csv"
expect_status 3
expect_err "none.csv:1: error: no column is a question of framework 'devon'"
run survey frobnicate
expect_status 2
run survey
expect_status 2

case_ "Microsoft Forms' workbook, read as it is, counts as its CSV"
# microsoft-forms.xlsx: made with microsoft-forms.csv by make-fixtures
# (openpyxl), ID a number and the times date cells as Forms writes them
run survey summary -F json "$data/microsoft-forms.xlsx"
expect_status 0
expect_err "microsoft-forms.xlsx: note: Sheet1!A1: 5 columns identifying parent carers dropped unread"
expect_no_out "example.org"
grep -v 'microsoft-forms' "$out" >"$T/ms-xlsx.json"
run survey summary -F json "$ms"
grep -v 'microsoft-forms' "$out" >"$T/ms-csv.json"
check "the same counts" cmp -s "$T/ms-xlsx.json" "$T/ms-csv.json"

finish
