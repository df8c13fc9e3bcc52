# area_survey.sh - 'compare --survey DIR': each school's own score beside
# its parent carers', the area's parent carers pooled, survey files matched
# to schools by name, small numbers suppressed, privacy and escaping.
#
# The fixtures (tests/data/area) are made by tests/data/area/make-fixtures;
# its header says what each file is for.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/area
returns=$data/returns
surveys=$data/surveys

case_ "compare --survey: each school beside its parent carers"
run compare "$returns" --survey "$surveys"
expect_status 1
expect_out "## Parent carers across the area"
expect_out "5 of the 6 schools counted have a parent carers’ survey: 3 are shown, with 33 parent carers who answered; 1 has fewer than 10, so it is not shown; 1 could not be read."
# Oak Primary's survey is named after its URN, Elm's after its name with
# markup around it, St Mary's after its name with the apostrophe left out.
expect_out "| Oak Primary | The school’s own | 63.9% | 66.7% | 66.7% | 72.2% | 50.0% |"
expect_out "| Oak Primary | Parent carers (12 answered) | 74.9% | 77.8% | 77.8% | 71.8% | 72.2% |"
expect_out "| elm school | Parent carers (11 answered) | 76.6% |"
expect_out "| St Mary’s \\*C of E\\* & \\<Friends> | Parent carers (10 answered) |"
expect_out "| Ash Academy | Parent carers: fewer than 10 answered | – | – | – | – | – |"
expect_out "| Beech Class | Parent carers: no survey | – |"
expect_out "| Willow House | Parent carers: the survey could not be read | – |"
expect_out "- Beech Class ($returns/beech-class.csv)"

case_ "compare --survey: the area pooled, only what each school shows"
# W5: Elm's 8 answers are hidden (fewer than 10), so the area pools only
# Oak's and St Mary's 22: Elm's cannot be worked out by subtraction.
expect_out "| W5 | I know what the school expects of me. | 2 of the 2 schools that rated it | 22 of 22 parent carers who answered agree (100.0%) at 2 schools |"
expect_out "| Communicate | 68.5% (3 schools) | 72.2% | 33 parent carers at 3 schools; 181 of 198 answers agree |"
expect_out "**Parent carers see a gap the schools do not:** C3 (communicate-3) Listen calmly and respectfully. Parent carers were asked: “Staff listen to me calmly and with respect.” 3 of the 3 schools"
expect_out "3 of the 3 schools that rated it (100.0%) rate it at or above the target, but 16 of 33 parent carers who answered agree (48.5%)."
expect_out "**Parent carers see a strength:** P2 (partnership-2)"
check "the largest difference first" sh -c "grep -n 'see a strength:\\*\\* P2' '$out' | cut -d: -f1 >'$T/p2'; grep -n 'do not:\\*\\* C3' '$out' | cut -d: -f1 >'$T/c3'; [ \$(cat '$T/p2') -lt \$(cat '$T/c3') ]"
# Ash Academy's 6 respondents strongly disagreed with W1: none of it shows.
expect_out "| W1 | I feel welcome at the school. | 3 of the 3 schools that rated it | 33 of 33 parent carers who answered agree (100.0%) at 3 schools | Strongly agree 12, Agree 21, Disagree 0, Strongly disagree 0, Don’t know 0 |"

case_ "compare --survey: files not used, and why"
expect_out "Birch Infants survey.csv:** its name is no school’s name, URN or return file name"
expect_out "willow-house-responses.csv:** could not be read: $surveys/willow-house-responses.csv:4: a response that could not be read (its error is on standard error only, as it may quote a parent carer’s answer)"
# What a parent carer typed stays out of the report, which is shared.
expect_no_out "sometimes"
expect_err "willow-house-responses.csv:4: error: answer 'sometimes' to question W2 is not one of"
expect_err "notes.txt: note: skipped: not a .csv or .xlsx file"
expect_err "1 survey file could not be read; it is listed in the report"

case_ "compare --survey: hostile file and school names are text"
expect_no_raw "<img"
expect_out '\<img src=x onerror=alert(1)> survey.csv'
expect_no_out "](javascript"
run compare "$returns" --survey "$surveys" -F html
expect_status 1
expect_out '<h2 id="survey">Parent carers across the area</h2>'
expect_no_out "<img"
expect_out "&lt;img src=x onerror=alert(1)&gt; survey.csv"
expect_out "St Mary’s *C of E* &amp; &lt;Friends&gt;"
expect_no_out 'href="javascript'

case_ "compare --survey -F json: the survey object"
run compare "$returns" --survey "$surveys" -F json
expect_status 1
check "JSON survey" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["survey"]
assert s["min_responses"] == 10 and s["surveys_shown"] == 3 and s["respondents"] == 33
k = {x["school"]: x for x in s["schools"]}
assert k["Oak Primary"]["matched_by"] == "urn" and k["Oak Primary"]["respondents"] == 12
assert k["Oak Primary"]["overall"] == 63.9 and k["Oak Primary"]["parent_overall"] == 74.9
assert k["elm school"]["matched_by"] == "name"
a = k["Ash Academy"]
assert a["status"] == "too-few" and a["respondents"] is None and a["parent_overall"] is None
assert all(c["parent_score"] is None and c["respondents"] is None for c in a["cornerstones"])
assert k["Willow House"]["status"] == "unreadable"
assert [x["school"] for x in s["no_survey"]] == ["Beech Class"]
i = {x["indicator"]: x for x in s["area"]["indicators"]}
assert i["welcome-5"]["answered"] == 22 and i["welcome-5"]["schools"] == 2
assert i["welcome-1"]["counts"] == {"strongly_agree": 12, "agree": 21, "disagree": 0, "strongly_disagree": 0, "dont_know": 0}
assert [d["indicator"] for d in s["differ"]] == ["partnership-2", "communicate-3"]
assert s["differ"][1] == {"indicator": "communicate-3", "schools_at_target_pct": 100.0, "agree_pct": 48.5, "direction": "parents-see-gap"}
n = {f["status"] for f in s["files_not_used"]}
assert n == {"unmatched", "unreadable"}, n
' "$out"

case_ "compare --survey -F csv: parent carers' columns before the error"
run compare "$returns" --survey "$surveys" -F csv
expect_status 1
check "CSV parent carers' columns" python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
k = {r["School"]: r for r in rows}
head = list(rows[0].keys())
assert head[-7:] == ["Parent carers who answered", "Parent carers overall", "Parent carers Welcome and Care", "Parent carers Value and Include", "Parent carers Communicate", "Parent carers Work in Partnership", "Error"], head
assert k["Oak Primary"]["Parent carers who answered"] == "12"
assert k["Oak Primary"]["Parent carers overall"] == "74.9"
assert k["Oak Primary"]["Parent carers Work in Partnership"] == "72.2"
assert k["Ash Academy"]["Parent carers who answered"] == "Fewer than 10"
assert k["Ash Academy"]["Parent carers overall"] == ""
assert k["Beech Class"]["Parent carers who answered"] == "No survey"
assert k["Willow House"]["Parent carers who answered"] == "Could not be read"
' "$out"
run compare "$returns" -F csv
check "no parent carers' columns without --survey" sh -c "! grep -q 'Parent carers' '$out'"

case_ "compare --survey -o area.xlsx: parent carers' columns in the heat map, nothing identifying"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
	run compare "$returns" --survey "$surveys" -o "$T/area.xlsx"
	expect_status 1
	check "the workbook's heat map" /usr/bin/python3 -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Heat map"]
rows = list(ws.iter_rows(values_only=True))
head = list(rows[0])
k = {r[0]: dict(zip(head, r)) for r in rows[1:]}
assert k["Oak Primary"]["Parent carers who answered"] == "12"
assert k["Oak Primary"]["Parent carers overall"] == 74.9
assert k["Ash Academy"]["Parent carers who answered"] == "Fewer than 10"
assert k["Ash Academy"]["Parent carers overall"] is None
for w in wb.worksheets:
    for row in w.iter_rows(values_only=True):
        for v in row:
            t = str(v).lower()
            assert not any(x in t for x in ("zebedee", "quaggan", "example.org", "19:06", "gmt+1")), v
' "$T/area.xlsx"
else
	echo "SKIP: no openpyxl for /usr/bin/python3 (python3-openpyxl)"
fi

case_ "compare --survey: the area is the sum of what the schools show"
run compare "$returns" --survey "$surveys" -F json
cp "$out" "$T/area.json"
run score "$returns/oak-primary.csv" --survey "$surveys/100001 responses.xlsx" -F json
cp "$out" "$T/oak.json"
run score "$returns/elm_school.csv" --survey "$surveys/[Elm] School (parent survey).csv" -F json
cp "$out" "$T/elm.json"
run score "$returns/st-marys.csv" --survey "$surveys/st-marys-c-of-e-friends-parent-survey.csv" -F json
cp "$out" "$T/stm.json"
check "each question's area answers: the sum of those the schools' own reports show" python3 -c '
import json, sys
area = {x["indicator"]: x for x in json.load(open(sys.argv[1]))["survey"]["area"]["indicators"]}
schools = [{x["indicator"]: x for x in json.load(open(f))["survey"]["indicators"]} for f in sys.argv[2:]]
for ind, a in area.items():
    assert a["answered"] == sum(s[ind]["answered"] or 0 for s in schools), ind
' "$T/area.json" "$T/oak.json" "$T/elm.json" "$T/stm.json"

case_ "privacy: no name, email, id or time reaches any output or message"
for fmt in markdown html json csv; do
	run compare "$returns" --survey "$surveys" -F "$fmt"
	expect_status 1
	for secret in Zebedee Quaggan example.org anonymous "19:06" "7/1/26" "GMT+1" "2026/07"; do
		check "$fmt has no '$secret'" sh -c "! grep -qiF -- '$secret' '$out' && ! grep -qiF -- '$secret' '$err'"
	done
done

case_ "--min-responses: 5 shows Ash Academy's 6, never fewer than 5"
run compare "$returns" --survey "$surveys" --min-responses 5
expect_status 1
expect_out "| Ash Academy | Parent carers (6 answered) |"
expect_out ": 4 are shown, with 39 parent carers who answered; 1 could not be read."
run compare "$returns" --survey "$surveys" --min-responses 4
expect_status 2
expect_err "--min-responses 4 is too small"
run compare "$returns" --min-responses 12
expect_status 2
expect_err "--min-responses needs --survey"

case_ "compare --survey: returns and surveys in one folder"
mkdir "$T/both"
cp "$returns"/*.csv "$surveys/100001 responses.xlsx" "$surveys/Ash Academy survey.csv" "$T/both/"
run compare "$T/both" --survey "$T/both" --min-responses 5
expect_status 0
expect_out "| Oak Primary | Parent carers (12 answered) |"
expect_out "| Ash Academy | Parent carers (6 answered) |"
expect_out "2 of the 6 schools counted have a parent carers’ survey: 2 are shown, with 18 parent carers who answered."
expect_no_out "could not be read |"
expect_no_err "error"

case_ "the README's example area"
run compare --survey "$top_srcdir/examples/area/surveys" "$top_srcdir/examples/area/returns"
expect_status 0
expect_out "3 of the 4 schools counted have a parent carers’ survey: 2 are shown, with 23 parent carers who answered; 1 has fewer than 10, so it is not shown."
expect_out "| Oak Primary | Parent carers (12 answered) |"
expect_out "| elm school | Parent carers (11 answered) |"
expect_out "| Ash Academy | Parent carers: fewer than 10 answered |"
expect_out "None: every survey file was used."

case_ "compare --survey: bad survey folders and outputs"
run compare "$returns" --survey "$T/no-such-folder"
expect_status 3
expect_err "no-such-folder"
expect_out_empty
mkdir "$T/s"
cp "$surveys/Birch Infants survey.csv" "$T/s/"
run compare "$returns" --survey "$T/s" -o "$T/s/Birch Infants survey.csv"
expect_status 2
check "the survey is untouched" cmp -s "$surveys/Birch Infants survey.csv" "$T/s/Birch Infants survey.csv"
run compare "$returns" --survey "$T/s" --long -F csv
expect_status 2
# Every survey file good: exit 0; two files for one school: neither used.
run compare "$returns" --survey "$T/s"
expect_status 0
expect_out "No school’s survey can be shown"
cp "$surveys/Ash Academy survey.csv" "$T/s/ash academy responses.csv"
cp "$surveys/Ash Academy survey.csv" "$T/s/"
run compare "$returns" --survey "$T/s" -F json
expect_status 0
check "two files for one school: neither used" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["survey"]
assert [f["status"] for f in s["files_not_used"]].count("same-school") == 2
assert "Ash Academy" in [x["school"] for x in s["no_survey"]]
' "$out"
run compare "$returns" --survey "$T/s"
expect_out "| Ash Academy | Parent carers: more than one survey file, none used | – |"
expect_out "another survey file is for the same school (Ash Academy): neither is used until one is removed"
expect_out "0 of the 6 schools counted have a parent carers’ survey."

finish
