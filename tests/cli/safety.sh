# safety.sh - output and input safety: -o never replaces an input or a
# device, interrupted runs leave nothing behind, names are escaped on the
# terminal, messages are bounded, odd files do not block.
. "$top_srcdir/tests/cli/lib.sh"

E=$top_srcdir/examples
ESC=$(printf '\033')

case_ "control characters in a file name are escaped on stderr"
name=$(printf 'a\033]0;pwned\007\nb.csv: error: forged.csv')
run score "$T/$name"
expect_status 3
expect_err 'a\x1b]0;pwned\x07\nb.csv: error: forged.csv'
check "no raw escape on stderr" sh -c "! grep -q '$ESC' '$err'"
check "one line of stderr, not a forged second one" test "$(wc -l <"$err")" -eq 1
cp "$E/devon-primary.csv" "$T/$(printf 'ok\033[2J.csv')"
run validate "$T/$(printf 'ok\033[2J.csv')"
expect_status 0
expect_out 'ok\x1b[2J.csv: ok'
check "no raw escape on stdout" sh -c "! grep -q '$ESC' '$out'"

# Run with a time limit; a timeout is a failure (a hang).
run_limited() {
	status=0
	timeout 30 ${TESTS_WRAPPER:-} "$OAIP" "$@" >"$out" 2>"$err" </dev/null || status=$?
	if [ "$status" -ge 124 ]; then
		fail "hung or crashed (status $status): $*"
	fi
}

school=$E/devon-primary.csv

case_ "-o through a link to /dev/stdout writes standard output, keeps the link"
ln -s /dev/stdout "$T/to-stdout"
status=0
"$OAIP" score -o "$T/to-stdout" "$school" >"$T/r.md" 2>"$err" </dev/null || status=$?
expect_status 0
check "the report reached standard output" grep -q "Four Cornerstones" "$T/r.md"
check "the link is still a link" test -L "$T/to-stdout"

case_ "-o /dev/stdout in a private /dev: written in place, never replaced"
# Never on the machine's real /dev: a tmpfs /dev in a private mount
# namespace holds the link.
cat >"$T/ns.sh" <<'NS'
mount -t tmpfs tmpfs /dev || exit 77
ln -s /proc/self/fd/1 /dev/stdout || exit 77
"$1" score -o /dev/stdout "$2" >"$3" 2>"$4" <"$2"
echo "status=$?" >"$5"
if test -L /dev/stdout; then echo link >>"$5"; fi
NS
if unshare -m true 2>/dev/null; then
	ns="unshare -m"
elif unshare -rm true 2>/dev/null; then
	ns="unshare -rm"
else
	ns=""
fi
if [ -n "$ns" ]; then
	$ns sh "$T/ns.sh" "$OAIP" "$school" "$T/ns.md" "$T/ns.err" "$T/ns.res"
	rc=$?
	if [ "$rc" -eq 77 ]; then
		echo "SKIP: cannot mount a private /dev here"
	else
		check "exit 0 ($(cat "$T/ns.res" 2>/dev/null))" grep -q '^status=0$' "$T/ns.res"
		check "the report reached standard output" grep -q "Four Cornerstones" "$T/ns.md"
		check "/dev/stdout is still a link" grep -q '^link$' "$T/ns.res"
	fi
else
	echo "SKIP: mount namespaces are not available (unshare -m)"
fi

fw=$top_srcdir/frameworks/devon.xml

case_ "-o never names the framework file"
cp "$fw" "$T/fw.xml"
cp "$school" "$T/school.csv"
for args in "score -f $T/fw.xml -o $T/fw.xml $T/school.csv" \
	"compare -f $T/fw.xml -o $T/fw.xml $T/school.csv" \
	"show -o $T/fw.xml $T/fw.xml" \
	"template -f $T/fw.xml -o $T/fw.xml --force"; do
	# shellcheck disable=SC2086
	run $args
	expect_status 2
	expect_err "the output '$T/fw.xml' is also an input"
	check "the framework is untouched after: $args" cmp -s "$fw" "$T/fw.xml"
done

case_ "-o never names the previous return or the survey"
cp "$E/devon-primary-2025.csv" "$T/last-year.md"
run score --previous "$T/last-year.md" -o "$T/last-year.md" "$school"
expect_status 2
expect_err "is also an input"
check "last year's return is untouched" cmp -s "$E/devon-primary-2025.csv" "$T/last-year.md"
cp "$E/devon-parent-survey.csv" "$T/survey.md"
run score --survey "$T/survey.md" -o "$T/survey.md" "$school"
expect_status 2
expect_err "is also an input"
check "the survey is untouched" cmp -s "$E/devon-parent-survey.csv" "$T/survey.md"

case_ "-o never names a file read through standard input"
cp "$school" "$T/victim.md"
run_in "$T/victim.md" score -o "$T/victim.md" -
expect_status 2
expect_err "is also an input"
check "the return read through stdin is untouched" cmp -s "$school" "$T/victim.md"
run_in "$school" score -F html -o "$T/victim.csv" -
expect_status 2
expect_file_absent "$T/victim.csv"

case_ "replacing a report keeps its permission bits"
run score -o "$T/private.md" "$school"
chmod 600 "$T/private.md"
run score -F markdown --target embedded -o "$T/private.md" "$school"
expect_status 0
check "still mode 600 ($(stat -c %a "$T/private.md"))" test "$(stat -c %a "$T/private.md")" = 600
check "the new report is there" grep -q 'Embedded' "$T/private.md"

case_ "a read-only report is not replaced"
run score -o "$T/locked.md" "$school"
cp "$T/locked.md" "$T/locked.before"
chmod 444 "$T/locked.md"
run score --target embedded -o "$T/locked.md" "$school"
expect_status 3
expect_err "read-only"
check "the read-only report is unchanged" cmp -s "$T/locked.md" "$T/locked.before"
chmod 644 "$T/locked.md"

case_ "a name of 250 bytes can be written (short temporary name)"
long=$(printf 'r%.0s' $(seq 1 245)).md
run score -o "$T/$long" "$school"
expect_status 0
check "the report is written" test -s "$T/$long"

case_ "-o a FIFO that nothing reads: an error, not a hang"
mkfifo "$T/out.fifo"
run_limited score -o "$T/out.fifo" "$school"
expect_status 3
expect_err "no program is reading"

case_ "a FIFO input that nothing writes: an error within seconds"
mkfifo "$T/in.fifo"
run_limited score "$T/in.fifo"
expect_status 3
expect_err "no program is writing"

case_ "a FIFO input with a writer is read like a pipe"
mkfifo "$T/fed.fifo"
(cat "$school" >"$T/fed.fifo") &
run_limited score "$T/fed.fifo"
wait
expect_status 0
expect_out "Four Cornerstones"

case_ "the report date is today where TZ says"
for tz in Etc/GMT-14 Etc/GMT+12; do
	status=0
	env -u SOURCE_DATE_EPOCH TZ=$tz "$OAIP" score -F json "$school" >"$out" 2>"$err" || status=$?
	expect_status 0
	expect_out "\"date\": \"$(TZ=$tz date +%F)\""
done

case_ "SOURCE_DATE_EPOCH out of range is ignored, not 0000-00-00"
for v in 99999999999999999 -5 1e9; do
	status=0
	SOURCE_DATE_EPOCH=$v "$OAIP" score -F json "$school" >"$out" 2>"$err" || status=$?
	expect_status 0
	expect_no_out "0000-00-00"
	expect_out "\"date\": \"$(date +%F)\""
done

hdr='indicator,rating,evidence,next_steps'

case_ "one invalid byte in a UTF-8 file is an error on its line"
printf '%s\nwelcome-1,2,Caf\303\251 mornings\nwelcome-2,1,caf\351 stray\n' "$hdr" >"$T/mixed.csv"
run score "$T/mixed.csv"
expect_status 3
expect_err "mixed.csv:3: error: byte 0xE9 is not valid UTF-8"
expect_no_err "Windows-1252"
expect_out_empty

case_ "a byte order mark says UTF-8: an invalid byte is an error"
printf '\357\273\277%s\nwelcome-1,2,caf\351\n' "$hdr" >"$T/bom-bad.csv"
run score "$T/bom-bad.csv"
expect_status 3
expect_err "bom-bad.csv:2: error: byte 0xE9 is not valid UTF-8"

case_ "no multibyte sequence at all: read as Windows-1252 with a note"
printf '%s\nwelcome-1,2,caf\351\n' "$hdr" >"$T/cp.csv"
run score -F json "$T/cp.csv"
expect_status 0
expect_err "cp.csv: note: not valid UTF-8; read as Windows-1252"
expect_out "$(printf 'caf\303\251')"

case_ "messages about one input are bounded: a 12 MB header"
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "column%d,", i; printf "\n" }' >"$T/wide.csv"
run_limited score "$T/wide.csv"
expect_status 3
expect_err "missing required column 'indicator'"
expect_err "and 999980 more"
check "stderr is small ($(wc -c <"$err") bytes)" test "$(wc -c <"$err")" -lt 8192
run_limited compare -F html -o "$T/wide.html" "$T/wide.csv"
expect_status 1
check "the area report is small ($(wc -c <"$T/wide.html") bytes)" test "$(wc -c <"$T/wide.html")" -lt 200000

case_ "messages about one input are bounded: the first 20, then how many more"
{
	echo "$hdr"
	awk 'BEGIN { for (i = 0; i < 500; i++) print "no-such-" i ",2" }'
} >"$T/unknown.csv"
run score "$T/unknown.csv"
expect_status 3
check "at most 22 lines on stderr ($(wc -l <"$err"))" test "$(wc -l <"$err")" -le 22
expect_err "unknown.csv:21: error: unknown indicator 'no-such-19'"
expect_err "unknown.csv: error: and 480 more errors not shown"

case_ "linear time: 10 MB of CR-only line ends in a quoted field"
{
	printf '%s\rwelcome-1,1,"' "$hdr"
	head -c 10485760 /dev/zero | tr '\0' '\r'
	printf '",done\r'
} >"$T/cr.csv"
run_limited score -F json -o /dev/null "$T/cr.csv"
expect_status 0

case_ "linear time: 30,000 long ids and unknown long ids in a return"
if ! too_slow_wrapped; then
	awk 'BEGIN {
		srand(7)
		print "<framework id=\"hostile\" version=\"1\"><title>T</title><publisher>P</publisher>"
		print "<source section=\"S\"/><attribution>A.</attribution><strand id=\"s\"><title>S</title>"
		print "<expectation id=\"e\"><statement>S.</statement>"
		split("welcome-and-care value-and-include communicate work-in-partnership", cs, " ")
		for (i = 0; i < 30000; i++) {
			id = ""
			for (k = 0; k < 120; k++) id = id substr("abcdefghijklmnopqrstuvwxyz0123456789", int(rand() * 36) + 1, 1)
			printf "<indicator id=\"%s\" cornerstone=\"%s\">T.</indicator>\n", id, cs[i % 4 + 1]
		}
		print "</expectation></strand></framework>"
	}' >"$T/hostile.xml"
	{
		echo "indicator,rating"
		awk 'BEGIN { srand(8); for (i = 0; i < 150; i++) { id = ""; for (k = 0; k < 120; k++) id = id substr("abcdefghijklmnopqrstuvwxyz0123456789", int(rand() * 36) + 1, 1); print id ",1" } }'
	} >"$T/hostile.csv"
	run_limited score -f "$T/hostile.xml" "$T/hostile.csv"
	expect_status 3
	expect_err "more errors not shown"
fi

case_ "-f /dev/zero stops at the 16 MiB framework limit"
run_limited score -f /dev/zero "$school"
expect_status 3
expect_err "/dev/zero: error: file is larger than the limit of 16 MiB"

case_ "standard input is called <stdin> in messages"
printf '%s\nwelcome-1,sometimes\n' "$hdr" >"$T/bad-rating.csv"
run_in "$T/bad-rating.csv" score -
expect_status 3
expect_err "<stdin>:2: error: rating 'sometimes'"
run_in /dev/null score -f - "$school"
check "a framework read from standard input is <stdin> too" sh -c "! grep -q '^-:' '$err'"

case_ "validate --format github: a write error on stdout is reported"
printf '%s\nwelcome-1,sometimes\n' "$hdr" >"$T/gh.csv"
status=0
"$OAIP" validate --format github "$T/gh.csv" >/dev/full 2>"$err" || status=$?
expect_status 3
expect_err "cannot write to standard output"

case_ "compare: a FIFO, a broken link and a loop in a folder are skipped with a note"
mkdir "$T/folder"
cp "$school" "$T/folder/a.csv"
mkfifo "$T/folder/b.csv"
ln -s nowhere.csv "$T/folder/c.csv"
ln -s d.csv "$T/folder/d.csv"
run_limited compare -F json "$T/folder"
expect_status 0
expect_err "b.csv: note: skipped: a FIFO, not a regular file"
expect_err "c.csv: note: skipped: a symbolic link to nothing"
expect_err "d.csv: note: skipped: a loop of symbolic links"
expect_out '"file":"'"$T"'/folder/a.csv"'

custom=$top_srcdir/tests/data/frameworks/custom.xml

case_ "XML errors always have a line: invalid ids"
for id in ABC 'a b' -x ''; do
	sed "s/id=\"c-value\"/id=\"$id\"/" "$custom" >"$T/badid.xml"
	run validate "$T/badid.xml"
	expect_status 1
	expect_err "badid.xml:20: error: indicator id '$id' is not valid"
	expect_no_err "internal error"
	check "every message has a line ('$id')" sh -c "! grep -v '^$T/badid.xml:[0-9][0-9]*: ' '$err'"
done

case_ "XML errors always have a line: a byte order mark mid-file"
sed 's/id="c-value"/id="\xef\xbb\xbfc-value"/' "$custom" >"$T/midbom.xml"
run validate "$T/midbom.xml"
expect_status 1
expect_err "midbom.xml:20: error: a byte order mark (U+FEFF"
check "every message has a line" sh -c "! grep -v '^$T/midbom.xml:[0-9][0-9]*: ' '$err'"

case_ "XML errors always have a line: an unknown encoding"
sed 's/encoding="UTF-8"/encoding="X-NOPE"/' "$custom" >"$T/enc.xml"
run validate "$T/enc.xml"
expect_status 1
expect_err "enc.xml:1: error:"

case_ "signals leave no temporary file behind"
mkdir "$T/many" "$T/sig"
i=0
while [ $i -lt 1500 ]; do
	i=$((i + 1))
	cp "$school" "$T/many/s$i.csv"
done
# Deterministic: a SIGTERM delivered in the middle of writing the report
# (as the temporary file is synced).
if command -v strace >/dev/null 2>&1 &&
	strace -f -o /dev/null -e trace=fsync -e inject=fsync:signal=SIGTERM true 2>/dev/null; then
	strace -f -o /dev/null -e trace=fsync -e inject=fsync:signal=SIGTERM \
		"$OAIP" compare -F html -o "$T/sig/area.html" "$T/many" >/dev/null 2>&1
	check "no temporary file after SIGTERM while writing ($(ls -A "$T/sig" | tr '\n' ' '))" \
		test -z "$(ls -A "$T/sig" | grep -v '^area.html$')"
	rm -f "$T/sig/area.html"
else
	echo "SKIP: strace cannot inject signals here"
fi
# And killed at several moments of a run, by each signal.
for sig in INT TERM HUP; do
	for delay in 0.05 0.1 0.2 0.3 0.4; do
		"$OAIP" compare -F html -o "$T/sig/area.html" "$T/many" >/dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		kill -s "$sig" "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		check "no temporary file after SIG$sig at ${delay}s ($(ls -A "$T/sig" | tr '\n' ' '))" \
			test -z "$(ls -A "$T/sig" | grep -v '^area.html$')"
		find "$T/sig" -mindepth 1 -delete
	done
done

finish
