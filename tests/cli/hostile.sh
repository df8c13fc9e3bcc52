# hostile.sh - whatever a spreadsheet or editor produces, oaip-eval gives a
# clear error or a correct result within seconds, never a crash, a hang or
# a partial report; and crash inputs found by fuzzing stay fixed.
. "$top_srcdir/tests/cli/lib.sh"

# Run with a time limit; a signal or a timeout is always a failure.
run_limited() {
	status=0
	timeout 60 ${TESTS_WRAPPER:-} "$OAIP" "$@" >"$out" 2>"$err" </dev/null || status=$?
	if [ "$status" -ge 124 ]; then
		fail "crashed or hung (status $status): $*"
	fi
}

hdr='indicator,rating,evidence,next_steps'

case_ "NUL byte in a CSV"
printf '%s\nwelcome-1,2,ok\nwelcome-2,2,a\000b\n' "$hdr" >"$T/nul.csv"
run_limited score "$T/nul.csv"
expect_status 3
expect_err "nul.csv:3:"
expect_out_empty

case_ "invalid UTF-8 (overlong, stray continuation) is read as Windows-1252"
printf '%s\r\nwelcome-1,1,caf\351 \300\257 \200\r\n' "$hdr" >"$T/bad-utf8.csv"
run_limited score -F json "$T/bad-utf8.csv"
expect_status 0
expect_err "Windows-1252"
expect_out "$(printf 'caf\303\251')"
expect_out "$(printf '\342\202\254')" # 0x80 is the euro sign in Windows-1252

case_ "a million rows: a bounded list of errors, within seconds"
if ! too_slow_wrapped; then
	{
		echo "$hdr"
		awk 'BEGIN { for (i = 0; i < 1000000; i++) print "welcome-1,2,row " i }'
	} >"$T/million.csv"
	run_limited score "$T/million.csv"
	expect_status 3
	expect_err "million.csv:3: error: duplicate indicator 'welcome-1'"
	expect_err "million.csv: error: and at least 9980 more errors not shown"
	check "stderr is bounded ($(wc -l <"$err") lines)" test "$(wc -l <"$err")" -le 200
	expect_out_empty
fi

case_ "a 10 MB evidence field is reported, escaped, in full"
{
	echo "$hdr"
	printf 'welcome-1,1,"'
	awk 'BEGIN { for (i = 0; i < 163840; i++) printf "<b>evidence</b> & more, \"\"q\"\" ...........x\n" }'
	printf '",next\n'
} >"$T/big.csv"
run_limited score -F html -o "$T/big.html" "$T/big.csv"
expect_status 0
check "report written" test -s "$T/big.html"
check "markup escaped" grep -q '&lt;b&gt;evidence&lt;/b&gt; &amp; more' "$T/big.html"
check "no raw markup from the field" sh -c "! grep -q '<b>evidence' '$T/big.html'"

case_ "ragged rows"
printf '%s\nwelcome-1\nwelcome-2,2,a,b,c,d\nwelcome-3,1\n' "$hdr" >"$T/ragged.csv"
run_limited score -F json "$T/ragged.csv"
check "a result or a clear error (status $status)" test "$status" -eq 0 -o "$status" -eq 3
if [ "$status" -eq 3 ]; then expect_err "ragged.csv:"; fi

case_ "unterminated quoted field names the line where it opened"
printf '%s\nwelcome-1,2,"fine"\nwelcome-2,2,"never\nclosed\n' "$hdr" >"$T/quote.csv"
run_limited score "$T/quote.csv"
expect_status 3
expect_err "quote.csv:3:"
expect_out_empty

case_ "an empty file and a header-only file"
: >"$T/empty.csv"
run_limited score "$T/empty.csv"
expect_status 3
expect_err "empty.csv"
echo "$hdr" >"$T/header.csv"
run_limited score -F json "$T/header.csv"
expect_status 0
expect_out '"overall": null'

case_ "a binary file (an image renamed to .csv)"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$T/image.csv"
run_limited score "$T/image.csv"
expect_status 3
expect_err "image.csv:3: error: binary file"

case_ "file names with markup are escaped in every report"
name='<img src=x onerror=alert(1)>[x](javascript:alert(1))'
mkdir -p "$T/names"
printf '%s\nwelcome-1,2,ok\n' "$hdr" >"$T/names/$name.csv"
run_limited score -F html "$T/names/$name.csv"
expect_status 0
expect_no_out "<img src=x"
expect_out "&lt;img src=x onerror=alert(1)&gt;"
run_limited score -F markdown "$T/names/$name.csv"
expect_status 0
check "no unescaped '<' in Markdown" sh -c "! grep -qE '(^|[^\\\\])<img' '$out'"
check "no unescaped link in Markdown" sh -c "! grep -qE '(^|[^\\\\])\\]\\(javascript' '$out'"
run_limited compare -F html "$T/names"
expect_no_out "<img src=x"
run_limited compare -F csv "$T/names"
expect_no_out ",<img"

case_ "outputs to places that cannot be written leave nothing behind"
printf '%s\nwelcome-1,2,ok\n' "$hdr" >"$T/ok.csv"
run_limited score -o "$T/no/such/dir/report.html" "$T/ok.csv"
expect_status 3
expect_err "$T/no/such/dir/report.html"
expect_out_empty
mkdir -p "$T/adir.html"
run_limited score -o "$T/adir.html" "$T/ok.csv"
expect_status 3
check "no temporary files left" test -z "$(ls -A "$T/adir.html")"
run_limited compare -o "$T/no/such/dir/area.csv" "$T/ok.csv"
expect_status 3

case_ "framework XML: deep nesting, huge files, entity bombs"
{
	echo '<framework id="x">'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<a>" }'
} >"$T/deep.xml"
run_limited validate "$T/deep.xml"
expect_status 1
expect_err "deep.xml:"
cat >"$T/bomb.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<framework id="x"><title>&lol9;</title></framework>
XML
run_limited validate "$T/bomb.xml"
expect_status 1
expect_err "bomb.xml:2: error: document type declarations are not allowed"
check "the bomb was not expanded ($(wc -c <"$err") bytes)" test "$(wc -c <"$err")" -lt 2000
echo "top secret parent carer data" >"$T/secret.txt"
cat >"$T/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE framework [ <!ENTITY x SYSTEM "file://$T/secret.txt"> ]>
<framework id="x"><title>&x;</title></framework>
XML
run_limited validate "$T/xxe.xml"
expect_status 1
check "the secret is never revealed" sh -c "! grep -q 'top secret' '$out' '$err'"
run_limited show "$T/xxe.xml"
expect_status 3
check "nor by show" sh -c "! grep -q 'top secret' '$out' '$err'"
awk 'BEGIN { printf "<framework id=\"x\"><title>"; for (i = 0; i < 400000; i++) printf "0123456789abcdefghijklmnopqrstuvwxyz0123456789"; printf "</title></framework>" }' >"$T/huge.xml"
run_limited validate "$T/huge.xml"
check "huge framework: a clear error (status $status)" test "$status" -eq 1 -o "$status" -eq 3
expect_err "huge.xml"

case_ "regression inputs found by fuzzing"
for f in "$top_srcdir"/tests/data/regress/*.csv; do
	[ -e "$f" ] || continue
	run_limited score -F html "$f"
	check "$(basename "$f"): status $status is 0 or 3" test "$status" -eq 0 -o "$status" -eq 3
done
for f in "$top_srcdir"/tests/data/regress/*.xlsx; do
	[ -e "$f" ] || continue
	run_limited score -F html "$f"
	check "$(basename "$f"): status $status is 0 or 3" test "$status" -eq 0 -o "$status" -eq 3
done
for f in "$top_srcdir"/tests/data/regress/survey-*; do
	[ -e "$f" ] || continue
	run_limited survey summary -F html "$f"
	check "$(basename "$f"): status $status is 0 or 3" test "$status" -eq 0 -o "$status" -eq 3
done
for f in "$top_srcdir"/tests/data/regress/*.xml; do
	[ -e "$f" ] || continue
	run_limited validate "$f"
	check "$(basename "$f"): status $status is 0 or 1" test "$status" -eq 0 -o "$status" -eq 1
done

finish
