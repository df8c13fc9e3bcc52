# compare.sh - oaip-eval compare: per-school scores agree with 'score',
# directories are read in name order, a broken or missing return does not
# stop the batch, a report with no readable return says so, no CSV cell
# can start a formula, the HTML report is escaped and fits the page, and
# the exit statuses.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/compare

# One line of JSON with the pretty-printing spaces taken out, so a whole
# object can be matched with expect_json.  (The objects matched hold no
# string with ", " or ": " in it.)
json_compact() {
	tr -d '\n' <"$1" | sed -e 's/: /:/g' -e 's/,  */,/g' -e 's/{  */{/g' \
		-e 's/\[  */[/g' -e 's/  *}/}/g' -e 's/  *\]/]/g'
}

expect_json() {
	if json_compact "$out" | grep -qF -- "$1"; then pass; else fail "JSON lacks '$1'"; fi
}

# The overall and four cornerstone scores of one 'score -F json' report,
# as "overall,wc,vi,co,wp" (empty where null).
score_line() {
	awk '
	/^  "overall": / { o = $2 }
	/^      "score": / { s[n++] = $2 }
	END {
		line = o
		for (i = 0; i < 4; i++) line = line s[i]
		gsub(/null/, "", line)
		sub(/,$/, "", line)
		print line
	}' "$1"
}

# Copy the return SRC to DEST with evidence TAG on its first row, so the
# copies are different returns, not duplicates of one.
variant() {
	awk -v t="$3" 'NR == 2 { sub(/,,$/, ",copy " t ",") } 1' "$1" >"$2"
}

# The overall and four cornerstone scores from the row of FILE in a
# compare CSV report (School, URN, Phase, File, then for the overall score
# and each cornerstone: score, band, rated, applicable).
csv_line() {
	awk -F, -v f="$2" '$4 == f { printf "%s,%s,%s,%s,%s\n", $5, $9, $13, $17, $21 }' "$1"
}

case_ "each school's scores are those 'score' gives for the same file"
cd "$data" || exit 1
run compare -F csv returns
expect_status 0
cp "$out" "$T/area.csv"
for f in returns/ash-academy.csv returns/elm_school.csv returns/oak-primary.csv; do
	run score -F json "$f"
	expect_status 0
	want=$(score_line "$out")
	got=$(csv_line "$T/area.csv" "$f")
	check "$f: compare gives '$got', score gives '$want'" test "$got" = "$want"
	check "$f: has scores" test -n "$(echo "$got" | tr -d ,)"
done
# The values, written out, so a change in both commands is still seen:
# for the overall score and each cornerstone, its score, band in words,
# indicators rated and indicators that apply.
check "header" grep -qF "School,URN,Phase,File,Overall,Overall band,Overall rated,Overall applicable,Welcome and Care,Welcome and Care band,Welcome and Care rated,Welcome and Care applicable,Value and Include,Value and Include band,Value and Include rated,Value and Include applicable,Communicate,Communicate band,Communicate rated,Communicate applicable,Work in Partnership,Work in Partnership band,Work in Partnership rated,Work in Partnership applicable,Error" "$T/area.csv"
check "Oak Primary row" grep -qF "oak primary,,,returns/oak-primary.csv,60.8,Below target,19,20,73.3,Mostly at target,5,5,53.3,Below target,5,5,72.2,Mostly at target,6,6,44.4,Below target,3,4," "$T/area.csv"
check "Ash Academy row" grep -qF "ash academy,,,returns/ash-academy.csv,33.3,Too few rated to judge,4,20,66.7,Too few rated to judge,1,5,0.0,Too few rated to judge,1,5,33.3,Too few rated to judge,1,6,33.3,Too few rated to judge,1,4," "$T/area.csv"
check "Elm School row" grep -qF "elm school,,,returns/elm_school.csv,62.1,Below target,19,20,53.3,Below target,5,5,73.3,Mostly at target,5,5,46.7,Below target,5,6,75.0,Mostly at target,4,4," "$T/area.csv"
# The same counts as 'score' gives for each cornerstone.
run score -F json returns/oak-primary.csv
expect_json '"id":"communicate","title":"Communicate","score":72.2,"rated":6,"total":6,'
expect_json '"id":"work-in-partnership","title":"Work in Partnership","score":44.4,"rated":3,"total":4,'
check "every row has the header's 25 columns" sh -c "test \"\$(awk -F, '{ print NF }' '$T/area.csv' | sort -u)\" = 25"
cd - >/dev/null || exit 1

case_ "JSON: schools with file, overall and cornerstones"
run compare -F json "$data/returns"
expect_status 0
expect_json '"schools":['
expect_json "{\"file\":\"$data/returns/oak-primary.csv\",\"school\":\"oak primary\",\"overall\":60.8,"
expect_json '{"id":"welcome-and-care","title":"Welcome and Care","score":73.3,"rated":5,"total":5,'
expect_json '"unreadable":['
expect_json '"priorities":['
expect_json '"area":{'
expect_no_err "error"

case_ "a directory means its .csv files, schools in natural order by name"
mkdir -p "$T/dir/sub.csv"
for n in 9 10 B a; do
	variant "$data/returns/elm_school.csv" "$T/dir/$n.csv" "$n"
done
cp "$data/returns/elm_school.csv" "$T/dir/.hidden.csv"
echo "not a return" >"$T/dir/notes.txt"
run compare -F csv "$T/dir/"
expect_status 0
order=$(sed 1d "$out" | cut -d, -f4 | sed 's|.*/||' | tr '\n' ' ')
check "order is '9.csv 10.csv a.csv B.csv', was '$order'" test "$order" = "9.csv 10.csv a.csv B.csv "
expect_out ",$T/dir/10.csv,"
expect_no_out "hidden"
expect_no_out "notes"
expect_err "$T/dir/notes.txt: note: skipped: not a .csv or .xlsx file"
expect_err "$T/dir/sub.csv: note: skipped: a folder: its files are not read"
run compare -F json "$T/dir/"
expect_json "\"skipped\":[{\"file\":\"$T/dir/notes.txt\",\"reason\":\"not a .csv or .xlsx file\"}"
run compare "$T/dir/"
expect_out "## Files skipped"
expect_no_out "hidden"

case_ "parent carers' survey responses in a folder are skipped, named ones say what they are"
survey_hint="parent carers' survey responses, not a self-evaluation return (use it with 'score --survey', 'compare --survey' or 'survey summary')"
mkdir -p "$T/mixed"
cp "$data/returns/oak-primary.csv" "$T/mixed/"
cp "$top_srcdir/examples/devon-parent-survey.csv" "$T/mixed/survey.csv"
cp "$top_srcdir/tests/data/survey/microsoft-forms.xlsx" "$T/mixed/forms.xlsx"
cp "$top_srcdir/examples/west-sussex-secondary.csv" "$T/mixed/"
run compare -F json "$T/mixed"
expect_status 1
expect_err "$T/mixed/survey.csv: note: skipped: $survey_hint"
expect_err "$T/mixed/forms.xlsx: note: skipped: $survey_hint"
expect_no_err "missing required column"
expect_json "{\"file\":\"$T/mixed/survey.csv\",\"reason\":\"parent carers' survey responses,not a self-evaluation return"
expect_json "\"returns\":2,\"read\":1,"
# Another built-in framework's return: one line naming the -f to use.
expect_err "$T/mixed/west-sussex-secondary.csv: error: the indicators are those of framework 'west-sussex', not 'devon': use -f west-sussex"
lines=$(grep -c "west-sussex-secondary.csv" "$err")
check "one line about the West Sussex return, not $lines" test "$lines" -eq 1
run compare "$T/mixed"
expect_out "## Files skipped"
expect_out "- **$T/mixed/survey.csv:** $survey_hint"
run compare -F csv "$T/mixed/oak-primary.csv" "$T/mixed/survey.csv"
expect_status 1
expect_err "$T/mixed/survey.csv:1: error: $survey_hint"
expect_no_err "missing required column"
expect_out "$T/mixed/survey.csv:1: $survey_hint"
run score "$T/mixed/survey.csv"
expect_status 3
expect_err "$T/mixed/survey.csv:1: error: $survey_hint"
check "one line on stderr" test "$(wc -l <"$err")" -eq 1
run score -f west-sussex "$T/mixed/forms.xlsx"
expect_status 3
expect_err "$T/mixed/forms.xlsx: Sheet1!A1: error: $survey_hint"

case_ "files and directories mixed: one list, in natural order by name"
run compare -F csv "$data/returns/oak-primary.csv" "$T/dir"
expect_status 0
first=$(sed -n 2p "$out" | cut -d, -f1)
last=$(sed -n 6p "$out" | cut -d, -f1)
check "first row is 9, was '$first'" test "$first" = "9"
check "last row is oak primary, was '$last'" test "$last" = "oak primary"
check "5 rows and a header" test "$(wc -l <"$out")" -eq 6

case_ "a broken return in a batch: listed with file:line, the others still reported, exit 1"
cd "$data" || exit 1
run compare broken
expect_status 1
expect_err "broken/b-bad-rating.csv:4: error: rating 'sometimes' is not one of"
expect_err "broken/d-unterminated.csv:2: error: unterminated quoted field"
expect_err "2 of 4 returns could not be read"
expect_out "**Returns:** 4: 2 read, 2 could not be read"
expect_out "broken/b-bad-rating.csv:4: rating 'sometimes' is not one of"
expect_out "broken/d-unterminated.csv:2: unterminated quoted field"
expect_out "| a good | broken/a-good.csv | 33.3 "
expect_out "| c good | broken/c-good.csv | 62.1 "
run compare -F csv broken
expect_status 1
expect_out "b bad rating,,,broken/b-bad-rating.csv,,,,,,,,,,,,,,,,,,,,,\"broken/b-bad-rating.csv:4: rating 'sometimes'"
expect_out "c good,,,broken/c-good.csv,62.1,"
run compare -F json broken
expect_status 1
expect_json '{"file":"broken/b-bad-rating.csv","school":"b bad rating","errors":[{"file":"broken/b-bad-rating.csv","line":4,"message":"rating '
cd - >/dev/null || exit 1

case_ "a named file that does not exist is an unreadable return: listed, the batch goes on, exit 1"
cd "$data" || exit 1
run compare -o "$T/missing.md" returns/oak-primary.csv no-such-school.csv returns/elm_school.csv
expect_status 1
expect_err "no-such-school.csv: error: no such file or directory"
expect_err "1 of 3 returns could not be read; it is listed in the report"
expect_out_empty
check "the report is written" test -s "$T/missing.md"
check "report: counts" grep -qF "**Returns:** 3: 2 read, 1 could not be read" "$T/missing.md"
check "report: the missing file with its error" grep -qF "  - no-such-school.csv: no such file or directory" "$T/missing.md"
check "report: the return before it scored" grep -qF "| oak primary | returns/oak-primary.csv | 60.8 " "$T/missing.md"
check "report: the return after it scored" grep -qF '| elm school | returns/elm_school.csv | 62.1 ' "$T/missing.md"
run compare -F csv returns/oak-primary.csv no-such-school.csv
expect_status 1
expect_out "no such school,,,no-such-school.csv,,,,,,,,,,,,,,,,,,,,,no-such-school.csv: no such file or directory"
cd - >/dev/null || exit 1

case_ "a named directory that does not exist is listed as unreadable, in the order given"
run compare -F json -o "$T/nodir.json" "$T/no-such-dir/" "$data/returns"
expect_status 1
expect_err "$T/no-such-dir/: error: no such file or directory"
check "the report is written" test -s "$T/nodir.json"
out=$T/nodir.json
expect_json "\"returns\":4,\"read\":3,"
expect_json "{\"file\":\"$T/no-such-dir/\",\"school\":\"no such dir\",\"errors\":[{\"file\":\"$T/no-such-dir/\",\"line\":0,\"message\":\"no such file or directory\"}],\"errors_total\":1}"
out=$T/stdout

case_ "a directory that cannot be listed is listed as unreadable"
mkdir -p "$T/locked"
cp "$data/returns/oak-primary.csv" "$T/locked/"
chmod 000 "$T/locked"
if ls "$T/locked" >/dev/null 2>&1; then
	echo "SKIP: a directory with mode 000 can still be listed (running as root?)"
else
	run compare -F csv "$T/locked" "$data/returns/elm_school.csv"
	expect_status 1
	expect_err "$T/locked: error: cannot read directory: "
	expect_out "Locked,,,$T/locked,,,,,,,,,,,,,,,,,,,,,$T/locked: cannot read directory: "
	expect_out "elm school,,,$data/returns/elm_school.csv,62.1,"
fi
chmod 755 "$T/locked"

case_ "no return could be read: the report says so plainly in every format, exit 1"
cd "$data" || exit 1
run compare broken/b-bad-rating.csv gone.csv
expect_status 1
expect_err "2 of 2 returns could not be read; they are listed in the report"
expect_out "**Returns:** 2: 0 read, 2 could not be read"
expect_out "**None of the returns could be read, so this report has no scores, area figures or training priorities.**"
expect_out "None of the returns could be read, so there are no training priorities."
expect_out "None of the returns could be read, so there are no area figures."
expect_out "broken/b-bad-rating.csv:4: rating 'sometimes'"
expect_out "gone.csv: no such file or directory"
expect_no_out "No school rated any indicator"
expect_no_out "Over the 0"
expect_no_out "None: every"
run compare -F html broken/b-bad-rating.csv gone.csv
expect_status 1
expect_out "<p class=\"notice\"><strong>None of the returns could be read, so this report has no scores, area figures or training priorities.</strong>"
expect_out "<code>broken/b-bad-rating.csv:4</code>: rating"
expect_no_out "No school rated any indicator"
expect_no_out "Over the 0"
expect_no_out "<svg"
run compare -F csv broken/b-bad-rating.csv gone.csv
expect_status 1
check "CSV: a header and both returns" test "$(wc -l <"$out")" -eq 3
expect_out "b bad rating,,,broken/b-bad-rating.csv,,,,,,,,,,,,,,,,,,,,,\"broken/b-bad-rating.csv:4: rating 'sometimes'"
expect_out "gone,,,gone.csv,,,,,,,,,,,,,,,,,,,,,gone.csv: no such file or directory"
run compare -F json broken/b-bad-rating.csv gone.csv
expect_status 1
expect_json '"returns":2,"read":0,"schools":[],'
expect_json '{"id":"overall","title":"Overall","schools":0,"mean":null,"min":null,"q1":null,"median":null,"q3":null,"max":null}'
expect_json '"priorities":[],'
expect_json '"low_coverage":{"threshold":50,"schools":[]},'
cd - >/dev/null || exit 1

case_ "CSV: no cell from a school can start a formula"
mkdir -p "$T/hostile"
k=0
for n in '=cmd|calc' '+x' '-2+3' '@SUM(A1)' 'plain'; do
	k=$((k + 1))
	variant "$data/returns/elm_school.csv" "$T/hostile/$n.csv" "$k"
done
cd "$T/hostile" || exit 1
run compare -F csv -- '=cmd|calc.csv' '+x.csv' '-2+3.csv' '@SUM(A1).csv' plain.csv
cd - >/dev/null || exit 1
expect_status 0
expect_out "\"'=cmd|calc\",,,\"'=cmd|calc.csv\",62.1,"
expect_out "\"'+x\",,,\"'+x.csv\",62.1,"
# '-' and '_' in a file name read as spaces in the school's name, and
# none is left at its start.
expect_out "2+3,,,\"'-2+3.csv\",62.1,"
expect_out "\"'@SUM(A1)\",,,\"'@SUM(A1).csv\",62.1,"
check "no cell starts with = + - @" sh -c "! grep -E '(^|,)\"?[=+@-]' '$out'"
expect_out "plain,,,plain.csv,62.1,"
check "lines end in CRLF" sh -c "test \"\$(grep -c \"\$(printf '\r')\$\" '$out')\" -eq 6"
check "starts with a UTF-8 byte order mark" sh -c "head -c 3 '$out' | od -An -tx1 | grep -q 'ef bb bf'"
run compare -o "$T/area.csv" "$T/hostile"
expect_status 0
check "-o FILE.csv writes CSV" grep -qF "\"'=cmd|calc\"," "$T/area.csv"

case_ "HTML: escaped, no script, a heat map with numbers and words"
mkdir -p "$T/html"
cp "$data/returns/oak-primary.csv" "$T/html/<script>alert(1)<!script>.csv"
cp "$data/returns/ash-academy.csv" "$T/html/a&b \"quoted\".csv"
printf 'indicator,rating\nwelcome-1,<img src=x onerror=alert(1)>\n' >"$T/html/<img src=x>.csv"
run compare -F html "$T/html"
expect_status 1
expect_no_out "<script"
expect_no_out "<img"
expect_out "&lt;script&gt;alert(1)&lt;!script&gt;"
expect_out "a&amp;b &quot;quoted&quot;"
expect_out "<caption id=\"heat-caption\">"
expect_out "<th scope=\"col\" class=\"num\">Welcome and Care</th>"
expect_out "<th scope=\"col\" class=\"num\">Work in Partnership</th>"
# Each cell: the number, the band in words, the count (band words are
# not fixed here: only that there is one).
check "a heat-map cell holds number, band and count" grep -qE '<td class="num heat-[a-z0-9-]+"><span class="score">73\.3</span><br><span class="cell-band">[^<]+</span><br><span class="cell-count muted">5 of 5 rated</span></td>' "$out"
# It fits the page: fixed column widths on paper and wide screens, set
# by the report's own style sheet in the head.
expect_out "<colgroup><col class=\"school\"><col class=\"score\" span=\"5\"></colgroup>"
check "the heat map's style sheet is in the head" sh -c "sed -n '/<head>/,/<\/head>/p' '$out' | grep -qF 'table.heat{table-layout:fixed;'"
expect_out "<html lang=\"en-GB\">"
expect_out "<main id=\"main\">"
expect_err "<img src=x>.csv:2: error: rating '"

case_ "Markdown report by default, with every section"
run compare "$data/returns"
expect_status 0
expect_out "# Area comparison: Working in partnership with parent carers"
expect_out "## Schools by cornerstone"
expect_out "## Area averages and spread"
expect_out "QUARTILE.INC"
expect_out "| Overall | 3 of 3 | 52.1 | 33.3 | 47.1 | 60.8 | 61.5 | 62.1 |"
expect_out "## Training priorities"
expect_out "## Schools with low coverage"
expect_out "| ash academy |"
expect_out "4 of 20 (20.0%)"
expect_out "## Returns that could not be read"
expect_out "None: every return could be read."
expect_no_err "comparing returns"

case_ "a Windows-1252 return is read, with a note"
run compare -F csv "$top_srcdir/examples/excel-export-windows1252.csv"
expect_status 0
expect_err "read as Windows-1252"

case_ "writing to a device writes in place"
if [ -c /dev/null ] && [ -w /dev/null ]; then
	run compare -F json -o /dev/null "$data/returns"
	expect_status 0
	check "/dev/null is still a device" test -c /dev/null
fi

case_ "usage errors"
run compare
expect_status 2
expect_err "no returns given"
run compare -F pdf "$data/returns"
expect_status 2
expect_err "unknown format 'pdf'"
expect_out_empty
run compare --frobnicate "$data/returns"
expect_status 2

case_ "exit 3: the framework cannot be loaded, there are no returns at all, or the report cannot be written"
run compare -f "$T/missing.xml" -o "$T/fw.md" "$data/returns"
expect_status 3
expect_out_empty
expect_file_absent "$T/fw.md"
run compare -f "$T/missing.xml" "$T/no-such.csv"
expect_status 3
expect_out_empty
mkdir -p "$T/empty" "$T/empty2"
run compare "$T/empty" "$T/empty2"
expect_status 3
expect_err "$T/empty: warning: no .csv or .xlsx files in this directory"
expect_err "no returns to compare"
expect_out_empty
run compare -o "$T/no-such-dir/area.md" "$data/returns"
expect_status 3
expect_err "$T/no-such-dir/area.md"
expect_file_absent "$T/no-such-dir"
# An empty directory beside a missing file: there is a return, unreadable.
run compare "$T/empty" "$T/no-such.csv"
expect_status 1
expect_out "**Returns:** 1: 0 read, 1 could not be read"
expect_out "**The return could not be read, so this report has no scores"

case_ "--phase and --target: each school scored as 'score' scores it"
ws=$top_srcdir/examples/west-sussex-secondary.csv
mkdir -p "$T/ws"
cp "$ws" "$T/ws/secondary.csv"
for opts in "--phase school" "--phase post-16 --target embedded" "--target 1"; do
	# shellcheck disable=SC2086
	run score -f west-sussex $opts -F json "$T/ws/secondary.csv"
	expect_status 0
	want=$(score_line "$out")
	# shellcheck disable=SC2086
	run compare -f west-sussex $opts -F csv "$T/ws"
	expect_status 0
	got=$(csv_line "$out" "$T/ws/secondary.csv")
	check "$opts: compare gives '$got', score gives '$want'" test "$got" = "$want"
done
run compare -f west-sussex --phase school --phase post-16 "$T/ws"
expect_status 0
expect_out "**Phase:** school or post-16"
run compare --target sometimes "$data/returns"
expect_status 2
expect_err "unknown target level 'sometimes'"
run compare --phase nursery-rhymes "$data/returns"
expect_status 2

case_ "the same school twice is counted once, with a warning naming both files"
mkdir -p "$T/dup"
cp "$data/returns/oak-primary.csv" "$T/dup/Oak Primary.csv"
cp "$data/returns/oak-primary.csv" "$T/dup/Copy of Oak Primary.csv"
cp "$data/returns/elm_school.csv" "$T/dup/elm.csv"
run compare -F csv "$T/dup"
expect_status 0
expect_err "warning: '$T/dup/Copy of Oak Primary.csv' is the same school as '$T/dup/Oak Primary.csv' (identical files): counted once, as '$T/dup/Oak Primary.csv'"
check "two rows and a header" test "$(wc -l <"$out")" -eq 3
expect_no_out "Copy of"
run compare "$T/dup"
expect_out "**Returns:** 3: 2 read"
expect_out "## Schools given twice, counted once"
run compare -F json "$T/dup"
expect_json '"because":"identical"'

case_ "--long: one row per school and indicator, for pivot tables"
cd "$data" || exit 1
run compare -F csv --long returns
expect_status 0
check "header" sh -c "head -1 '$out' | grep -qF 'school,urn,phase,file,indicator,cornerstone,rating,level,below_target'"
# Devon has 20 indicators and every one applies: 3 schools, 60 rows.
check "60 rows and a header, was $(wc -l <"$out")" test "$(wc -l <"$out")" -eq 61
expect_out "oak primary,,,returns/oak-primary.csv,welcome-1,Welcome and Care,"
check "each school has 20 rows" sh -c "test \"\$(cut -d, -f1 '$out' | sed 1d | sort | uniq -c | awk '{print \$1}' | sort -u)\" = 20"
check "ratings are words" sh -c "sed 1d '$out' | cut -d, -f7 | sort -u | grep -qx 'Established'"
check "blank is not evaluated" sh -c "sed 1d '$out' | cut -d, -f7 | sort -u | grep -qx 'not evaluated'"
run compare -o "$T/area-long.csv" returns
expect_status 0
check "-o area-long.csv means --long" sh -c "head -1 '$T/area-long.csv' | grep -qF 'school,urn,phase,file,indicator'"
run compare --long returns
expect_status 2
expect_err "--long is a CSV table"
cd - >/dev/null || exit 1

case_ "the report written into the folder is never read as a return"
mkdir -p "$T/own"
cp "$data/returns/"*.csv "$T/own/"
run compare -o "$T/own/area.csv" "$T/own"
expect_status 0
run compare -o "$T/own/area.csv" "$T/own"
expect_status 0
expect_err "$T/own/area.csv: note: skipped: the report being written"
check "three schools, not four" test "$(wc -l <"$T/own/area.csv")" -eq 4
run compare -o "$T/own/area-long.csv" "$T/own"
run compare "$T/own"
expect_status 0
expect_err "$T/own/area-long.csv: note: skipped: written by oaip-eval"
expect_out "**Returns:** 3: 3 read"

case_ "--previous: each school matched to last time's return, the change shown"
mkdir -p "$T/now" "$T/then"
cp "$data/returns/oak-primary.csv" "$data/returns/elm_school.csv" "$T/now/"
cp "$data/returns/ash-academy.csv" "$T/now/new-school.csv"
cp "$data/returns/oak-primary.csv" "$T/then/Oak Primary.csv"
sed 's/^2,/1,/' "$data/returns/elm_school.csv" >"$T/then/elm_school.csv"
cp "$data/returns/ash-academy.csv" "$T/then/closed.csv"
run compare --previous "$T/then" "$T/now"
expect_status 0
expect_out "## Since last time"
expect_out "2 of the 3 schools counted now are matched to an earlier return"
expect_out "| elm school | name | 46.7 → 62.1 (+15.4) |"
expect_out "| oak primary | name | 60.8 → 60.8 (0.0) |"
expect_out "### Improved most"
expect_out "csv):** overall 46.7 → 62.1 (+15.4)"
expect_out "### Schools with no earlier return"
expect_out "- new school ("
expect_out "### Earlier returns with no school now"
expect_out "- closed ("
run compare -F json --previous "$T/then" "$T/now"
expect_status 0
expect_json '"matched_by":"name"'
expect_json '"matched_by":"name","then":[46.7,33.3,60.0,26.7,66.7],"now":[62.1,53.3,73.3,46.7,75.0],"change":[15.4,20.0,13.3,20.0,8.3]}'
run compare -o "$T/then/Oak Primary.csv" --previous "$T/then" "$T/now"
expect_status 2
expect_err "is also an input"

case_ "URN: the same URN is one school; last time's return matched by URN first"
mkdir -p "$T/urn-now" "$T/urn-then"
with_details() { # SRC DEST SCHOOL URN
	{ printf 'School,%s\nURN,%s\n' "$3" "$4"; cat "$1"; } >"$2"
}
with_details "$data/returns/oak-primary.csv" "$T/urn-now/oak.csv" "Oak Primary School" 100001
with_details "$data/returns/elm_school.csv" "$T/urn-now/oak-v2.csv" "Oak Primary" 100001
with_details "$data/returns/ash-academy.csv" "$T/urn-now/ash.csv" "Ash Academy" 100002
with_details "$data/returns/elm_school.csv" "$T/urn-then/renamed.csv" "Ash Academy (old name)" 100002
touch -d '2026-01-01' "$T/urn-now/oak.csv"
run compare -F csv "$T/urn-now"
expect_status 0
expect_err "is the same school as '$T/urn-now/oak-v2.csv' (the same URN, 100001): counted once, as '$T/urn-now/oak-v2.csv', the file changed last"
check "two schools" test "$(wc -l <"$out")" -eq 3
run compare -F csv --long "$T/urn-now"
expect_out "Ash Academy,100002,,$T/urn-now/ash.csv,welcome-1,"
run compare --previous "$T/urn-then" "$T/urn-now"
expect_status 0
expect_out "| Ash Academy | URN |"

finish
