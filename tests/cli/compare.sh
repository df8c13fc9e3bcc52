# compare.sh - oaip-eval compare: per-school scores agree with 'score',
# directories are read in name order, a broken return does not stop the
# batch, no CSV cell can start a formula, the HTML report is escaped, and
# the exit statuses.
. "$top_srcdir/tests/cli/lib.sh"

data=$top_srcdir/tests/data/compare

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

# The same five columns from the row of FILE in a compare CSV report.
csv_line() {
	awk -F, -v f="$2" '$2 == f { printf "%s,%s,%s,%s,%s\n", $3, $4, $5, $6, $7 }' "$1"
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
# The values, written out, so a change in both commands is still seen.
check "oak primary row" grep -qF "oak primary,returns/oak-primary.csv,60.8,73.3,53.3,72.2,44.4,19,20," "$T/area.csv"
check "ash academy row" grep -qF "ash academy,returns/ash-academy.csv,33.3,66.7,0.0,33.3,33.3,4,20," "$T/area.csv"
check "elm school row" grep -qF "elm school,returns/elm_school.csv,62.1,53.3,73.3,46.7,75.0,19,20," "$T/area.csv"
cd - >/dev/null || exit 1

case_ "JSON: schools with file, overall and cornerstones"
run compare -F json "$data/returns"
expect_status 0
expect_out '"schools":['
expect_out "{\"file\":\"$data/returns/oak-primary.csv\",\"school\":\"oak primary\",\"overall\":60.8,"
expect_out '{"id":"welcome-and-care","title":"Welcome and Care","score":73.3,"rated":5,"total":5,'
expect_out '"unreadable":['
expect_out '"priorities":['
expect_out '"area":{'
expect_no_err "error"

case_ "a directory means its .csv files in name order"
mkdir -p "$T/dir/sub.csv"
for n in 9 10 B a; do
	cp "$data/returns/elm_school.csv" "$T/dir/$n.csv"
done
cp "$data/returns/elm_school.csv" "$T/dir/.hidden.csv"
echo "not a return" >"$T/dir/notes.txt"
run compare -F json "$T/dir/"
expect_status 0
order=$(grep -o '"file":"[^"]*"' "$out" | sed 's|.*/||; s|"$||' | tr '\n' ' ')
check "order is '10.csv 9.csv B.csv a.csv', was '$order'" test "$order" = "10.csv 9.csv B.csv a.csv "
expect_out "\"file\":\"$T/dir/10.csv\""
expect_no_out "hidden"
expect_no_out "notes"
expect_no_out "sub.csv"

case_ "files and directories mixed keep the order given"
run compare -F csv "$data/returns/oak-primary.csv" "$T/dir"
expect_status 0
first=$(sed -n 2p "$out" | cut -d, -f1)
check "first row is oak primary, was '$first'" test "$first" = "oak primary"
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
expect_out "| a good | broken/a-good.csv | 33.3 |"
expect_out "| c good | broken/c-good.csv | 62.1 |"
run compare -F csv broken
expect_status 1
expect_out "b bad rating,broken/b-bad-rating.csv,,,,,,,,\"broken/b-bad-rating.csv:4: rating 'sometimes'"
expect_out "c good,broken/c-good.csv,62.1,"
run compare -F json broken
expect_status 1
expect_out '{"file":"broken/b-bad-rating.csv","school":"b bad rating","errors":[{"file":"broken/b-bad-rating.csv","line":4,"message":"rating '
cd - >/dev/null || exit 1

case_ "a named path that does not exist stops the run before any report"
run compare -o "$T/none.md" "$data/returns" "$T/no-such-dir"
expect_status 3
expect_err "$T/no-such-dir: error: no such file or directory"
expect_out_empty
expect_file_absent "$T/none.md"

case_ "CSV: no cell from a school can start a formula"
mkdir -p "$T/hostile"
for n in '=cmd|calc' '+x' '-2+3' '@SUM(A1)' 'plain'; do
	cp "$data/returns/elm_school.csv" "$T/hostile/$n.csv"
done
cd "$T/hostile" || exit 1
run compare -F csv -- '=cmd|calc.csv' '+x.csv' '-2+3.csv' '@SUM(A1).csv' plain.csv
cd - >/dev/null || exit 1
expect_status 0
expect_out "\"'=cmd|calc\",\"'=cmd|calc.csv\",62.1,"
expect_out "\"'+x\",\"'+x.csv\",62.1,"
# '-' and '_' in a file name read as spaces in the school's name.
expect_out "\" 2+3\",\"'-2+3.csv\",62.1,"
expect_out "\"'@SUM(A1)\",\"'@SUM(A1).csv\",62.1,"
check "no cell starts with = + - @" sh -c "! grep -E '(^|,)\"?[=+@-]' '$out'"
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
expect_out "<span class=\"score\">73.3</span><br>Mostly established<br><span class=\"muted\">5 of 5 rated</span>"
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

case_ "an unreadable framework or an empty directory is bad input"
run compare -f "$T/missing.xml" "$data/returns"
expect_status 3
expect_out_empty
mkdir -p "$T/empty"
run compare "$T/empty"
expect_status 3
expect_err "no .csv files in this directory"
expect_out_empty

finish
