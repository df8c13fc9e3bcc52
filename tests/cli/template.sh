# template.sh - oaip-eval template: the blank self-evaluation a school
# fills in, its phases and options, and that it reads back once filled in.
. "$top_srcdir/tests/cli/lib.sh"

BOM=$(printf '\357\273\277')
CR=$(printf '\r')
HEADER="indicator,cornerstone,statement,rating,evidence,next_steps"

case_ "the Devon template: details, header and one row per indicator"
run template
expect_status 0
check "28 lines (6 details, a blank line, header and 20 indicators)" test "$(wc -l <"$out")" -eq 28
check "starts with a UTF-8 BOM and the School detail" \
	test "$(head -n 1 "$out")" = "${BOM}School,$CR"
check "the Framework detail is filled in" grep -q "^Framework,devon$CR\$" "$out"
check "the exact header on line 8" test "$(sed -n 8p "$out")" = "$HEADER$CR"
check "every line ends CRLF" test "$(grep -c "$CR\$" "$out")" -eq 28
expect_out "welcome-1,welcome-and-care,Welcome parent carers into the school or setting community.,,,$CR"
expect_out "communicate-1,communicate,\"Provide the information parent carers need, in a form parent carers understand\",,,$CR"
check "rows in framework order" test "$(sed -n '9s/,.*//p;28s/,.*//p' "$out" | tr '\n' ' ')" = "welcome-1 partnership-4 "
expect_no_err "error"
cp "$out" "$T/devon.csv"

case_ "-f devon and the framework file give the same template"
run template -f devon
expect_status 0
check "-f devon is the default" cmp -s "$out" "$T/devon.csv"
run template --framework "$top_srcdir/frameworks/devon.xml"
expect_status 0
check "-f PATH" cmp -s "$out" "$T/devon.csv"

case_ "-o writes the file, stdout stays empty"
run template -o "$T/written.csv"
expect_status 0
expect_out_empty
check "the file holds the template" cmp -s "$T/written.csv" "$T/devon.csv"
run template --output=-
expect_status 0
check "-o - is stdout" cmp -s "$out" "$T/devon.csv"

case_ "west-sussex phases"
run template -f west-sussex
expect_status 0
check "29 lines (21 indicators)" test "$(wc -l <"$out")" -eq 29
expect_out "e1-09,value-and-include,"
run template -f west-sussex --phase post-16
expect_status 0
check "post-16: 28 lines" test "$(wc -l <"$out")" -eq 28
check "the phase is written as a detail" grep -q "^Phase,post-16$CR\$" "$out"
expect_no_out "e1-09"
expect_out "e1-16,work-in-partnership,"
expect_out "e1-17,communicate,"
expect_out "e1-10,value-and-include,"
run template -f west-sussex --phase school
expect_status 0
check "school: 26 lines" test "$(wc -l <"$out")" -eq 26
expect_no_out "e1-09"
expect_no_out "e1-16"
expect_no_out "e1-17"
run template -f west-sussex --phase EARLY-YEARS
expect_status 0
expect_out "e1-09,"
expect_no_out "e1-10,"

case_ "usage errors exit 2 and print nothing on stdout"
run template --phase kindergarten
expect_status 2
expect_err "unknown phase 'kindergarten'"
expect_out_empty
run template --phase
expect_status 2
expect_out_empty
run template --colour
expect_status 2
expect_err "'--colour'"
expect_out_empty
run template -x
expect_status 2
expect_err "'-x'"
run template school.csv
expect_status 2
expect_err "unexpected argument 'school.csv'"
expect_out_empty

case_ "an unknown framework is bad input (3)"
run template -f nosuch -o "$T/none.csv"
expect_status 3
expect_err "nosuch"
expect_out_empty
expect_file_absent "$T/none.csv"

case_ "an output that cannot be written is bad input (3)"
run template -o "$T/no/such/dir/t.csv"
expect_status 3
expect_err "$T/no/such/dir/t.csv"
expect_file_absent "$T/no/such/dir/t.csv"

case_ "--help"
run template --help
expect_status 0
expect_out "Usage: oaip-eval template"
expect_out "--phase"

case_ "the blank template reads back: nothing evaluated"
run validate -f devon "$T/devon.csv"
expect_status 0
expect_no_err "error"

case_ "the template, filled in, reads back cleanly"
# Fill every row's rating, evidence and next steps as a spreadsheet would
# save them (the row ends ",,,CR").
sed "s/,,,$CR\$/,Established,\"Termly forum, 12 parent carers\",Add an evening session$CR/" \
	"$T/devon.csv" >"$T/filled.csv"
check "every row filled" test "$(grep -c ',Established,' "$T/filled.csv")" -eq 20
run validate -f devon "$T/filled.csv"
expect_status 0
expect_no_err "error"
run score -f devon -F json "$T/filled.csv"
expect_status 0
expect_out '"not_evaluated"'
expect_no_err "error"

case_ "a west-sussex post-16 template, filled in, scores"
run template -f west-sussex --phase post-16 -o "$T/ws.csv"
expect_status 0
sed "s/,,,$CR\$/,2,,$CR/" "$T/ws.csv" >"$T/ws-filled.csv"
run validate -f west-sussex "$T/ws-filled.csv"
expect_status 0
run score -f west-sussex --phase post-16 "$T/ws-filled.csv"
expect_status 0
cp "$out" "$T/ws-with-options.md"
# the template remembers its framework and phase
run score "$T/ws-filled.csv"
expect_status 0
expect_no_err "note"
check "no -f and no --phase: the same report" cmp -s "$out" "$T/ws-with-options.md"

case_ "-o never replaces a filled-in file unless --force"
printf 'indicator,rating\nwelcome-1,3\n' >"$T/ours.csv"
cp "$T/ours.csv" "$T/ours.orig"
run template -o "$T/ours.csv"
expect_status 3
expect_err "'$T/ours.csv' already exists"
expect_err "--force"
check "the school's file is untouched" cmp -s "$T/ours.csv" "$T/ours.orig"
run template --force -o "$T/ours.csv"
expect_status 0
check "--force replaces it with the template" grep -q 'indicator,cornerstone,statement,rating,evidence,next_steps' "$T/ours.csv"

finish
