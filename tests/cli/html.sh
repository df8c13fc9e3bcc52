# html.sh - the HTML score report through the command line: one
# self-contained page (no script, no URL, nothing fetched), a chart with its
# text alternative, every percentage beside its counts, hostile school text
# shown as text, and -o writing the file atomically.
. "$top_srcdir/tests/cli/lib.sh"

ex=$top_srcdir/examples/devon-primary.csv
today=$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)

not_grep() {
	! grep -q "$@"
}

# Every href in $out points inside the page (#id).
only_in_page_links() {
	! grep -o 'href="[^"]*"' "$out" | grep -qv '^href="#'
}

# Files in directory $1, one per line, sorted.
listing() {
	(cd "$1" && ls -A | LC_ALL=C sort)
}

case_ "score -F html: one self-contained, accessible page"
run score -F html "$ex"
expect_status 0
check "starts with the doctype" [ "$(head -n 1 "$out")" = "<!DOCTYPE html>" ]
check "ends the document" [ "$(tail -n 1 "$out")" = "</html>" ]
check "one document" [ "$(grep -c '<!DOCTYPE' "$out")" -eq 1 ]
expect_out '<html lang="en-GB">'
expect_out '<meta charset="utf-8">'
expect_out '<meta name="viewport" content="width=device-width, initial-scale=1">'
check "one <h1>" [ "$(grep -o '<h1' "$out" | wc -l)" -eq 1 ]
expect_out '<header>'
expect_out '<nav aria-label="Contents">'
expect_out '<main id="main">'
expect_out '<footer>'
expect_out '<th scope="col">Cornerstone</th>'
expect_out '<th scope="row" class="name">Welcome and Care</th>'
expect_out "Report date</dt><dd>$today</dd>"
expect_out 'Devon County Council'
check "no script" not_grep -i '<script' "$out"
check "no http(s) URL" not_grep -iE 'https?:' "$out"
check "no external resource" not_grep -iE '<(link|img|iframe|object|embed)|url\(|@import' "$out"
check "links stay in the page" only_in_page_links
check "CSS is inline, once" [ "$(grep -c '<style>' "$out")" -eq 1 ]
check "A4 print styles" grep -qF '@page{size:A4;margin:17mm 14mm 15mm}' "$out"
# every printed page: the school, the report and "page N of M" in its margins
school=$(sed -n 's/^<h1>\(.*\)<\/h1>$/\1/p' "$out")
check "running head: the school's name" grep -qF "@media print{@page{@top-left{content:\"$school\";" "$out"
check "running head: the report's title" grep -qF '@top-right{content:"Partnership with parent carers · Four Cornerstones self-evaluation";' "$out"
check "page N of M" grep -qF '@bottom-right{content:"page " counter(page) " of " counter(pages);' "$out"
# on a phone the summary is one card per cornerstone, each cell labelled
expect_out '<table class="data cards">'
expect_out '<td data-label="In plain words" data-band>Below target</td>'
expect_out '<td class="num" data-label="Not yet evaluated">1</td>'
# what the target score means, beside the overall score
expect_out '<strong>Overall: 48.8%</strong>, the average of 4 cornerstone scores. <strong>Target: 66.7%, the score when every rated indicator is at the target (Established).</strong>'



case_ "score -F html: the chart and its text alternative"
run score -F html "$ex"
expect_out '<svg viewBox='
expect_out 'role="img" aria-labelledby="score-chart-title score-chart-desc"'
expect_out '<title id="score-chart-title">Scores for the four cornerstones</title>'
expect_out '<desc id="score-chart-desc">Bar chart of the score for each of the four cornerstones'
check "one chart" [ "$(grep -c '<svg ' "$out")" -eq 1 ]
# each cornerstone's score (or "not evaluated") stands beside its counts,
# in the table: four rows and the overall row
check "percentages beside counts" [ "$(grep -cE '(%|Not evaluated)</span> — [0-9]+ of [0-9]+ indicators? rated( \([0-9]+ not applicable\))?, [0-9]+ at or above target' "$out")" -eq 5 ]

case_ "score -F html: hostile school text is shown as text"
hostile=$T/'<script>alert(1)<.csv'
cat >"$hostile" <<'EOF'
indicator,rating,evidence,next_steps
welcome-1,emerging,<script>alert(1)</script>,"""><img src=x onerror=alert(1)>"
welcome-2,not yet,javascript:alert(1),"<a href=""javascript:alert(1)"">click</a>"
welcome-3,embedded,"First line
Second line & more",
EOF
run score -F html "$hostile"
expect_status 0
check "no script" not_grep -i '<script' "$out"
check "no image" not_grep -i '<img' "$out"
check "no javascript: link" not_grep -i 'href="javascript' "$out"
check "no event handler" not_grep -iE '<[^>]* on[a-z]+=' "$out"
check "links stay in the page" only_in_page_links
expect_out '&lt;script&gt;alert(1)&lt;/script&gt;'
expect_out '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'
expect_out 'javascript:alert(1)'
expect_out '&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;'
expect_out 'First line<br>'
expect_out 'Second line &amp; more'
# the school name comes from the file name: escaped in the title and <h1>
expect_out '<h1>&lt;script&gt;alert(1)&lt;</h1>'
expect_out '<title>Partnership with parent carers: self-evaluation report for &lt;script&gt;alert(1)&lt;</title>'

case_ "score -o report.html writes the same page, atomically"
run score -F html "$ex"
cp "$out" "$T/expected.html"
mkdir "$T/o"
run score -o "$T/o/report.html" "$ex"
expect_status 0
expect_out_empty
check "the report is written" cmp -s "$T/expected.html" "$T/o/report.html"
check "nothing else is left beside it" [ "$(listing "$T/o")" = "report.html" ]

case_ "score -o report.html: a failed run leaves the old report untouched"
printf 'indicator,rating\nwelcome-1,sometimes\n' >"$T/bad.csv"
run score -o "$T/o/report.html" "$T/bad.csv"
expect_status 3
expect_err 'bad.csv:2:'
check "the old report is unchanged" cmp -s "$T/expected.html" "$T/o/report.html"
check "no temporary file is left" [ "$(listing "$T/o")" = "report.html" ]

case_ "score -o: a missing directory is an error, and nothing is written"
run score -o "$T/missing/report.html" "$ex"
expect_status 3
expect_err "$T/missing/report.html"
expect_file_absent "$T/missing"

case_ "score -o report.htm implies html"
run score -o "$T/o/r.htm" "$ex"
expect_status 0
check "html written" grep -q '<!DOCTYPE html>' "$T/o/r.htm"

case_ "score -F html with a phase: only that phase, said in the header"
run score -f west-sussex --phase school -F html "$top_srcdir/examples/west-sussex-secondary.csv"
expect_status 0
expect_out '<dt>Phase</dt><dd>school (3 framework indicators that do not apply in this phase are left out)</dd>'
check "no script" not_grep -i '<script' "$out"
check "no http(s) URL" not_grep -iE 'https?:' "$out"

case_ "score -F html: the file's name only, no descriptions of our own"
run score -F html "$ex"
expect_out '<dt>File</dt><dd>devon-primary.csv</dd>'
expect_no_out "$top_srcdir"
# the cornerstones are described by the framework's expectations, not by
# sentences of this program's that could pass for the framework's
expect_no_out 'Parent carers feel welcome, cared about and supported'
expect_no_out 'Communication with parent carers is clear, timely'
check "sections in order" sh -c "grep -o '<h2 id=\"[a-z-]*\"' '$out' | tr '\n' ' ' | grep -qx '<h2 id=\"summary\" <h2 id=\"how\" <h2 id=\"strengths\" <h2 id=\"gaps\" <h2 id=\"not-evaluated\" <h2 id=\"not-applicable\" <h2 id=\"about\" '"

case_ "score -F html: one indicator rated per cornerstone"
run score -F html "$top_srcdir/tests/data/score/one-each.csv"
expect_status 0
expect_out '<p class="caution"><strong>Only 4 of 20 indicators are rated so far: these scores say little yet.</strong></p>'
# the chart shows how little each bar rests on, and draws it pale
expect_out '>Welcome and Care: only 1 of 5 rated</text>'
expect_out '>Communicate: only 1 of 6 rated</text>'
expect_out '>Work in Partnership: only 1 of 4 rated</text>'
check "four pale bars, no solid one" [ "$(grep -c 'fill="#d3e3ea" stroke="#2b6a86"' "$out")" -eq 4 ]
expect_no_out 'fill="#2b6a86"/>'
check "no band for them" [ "$(grep -c '<td data-label="In plain words" data-band>Too few rated to judge</td>' "$out")" -eq 5 ]

finish
