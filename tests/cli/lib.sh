# lib.sh - helpers for the command-line tests; sourced by tests/cli/*.sh.
#
# Each test script runs the built binary ($OAIP) and checks what a user
# would see: the exit status, stdout, stderr and files written.
#
#   run ARGS...              run $OAIP ARGS..., stdin from /dev/null; sets
#                            $status and files $out and $err
#   run_in FILE ARGS...      the same with stdin from FILE
#   expect_status N          the last run exited N
#   expect_out TEXT          stdout contains TEXT (fixed string)
#   expect_no_out TEXT       stdout does not contain TEXT
#   expect_err TEXT          stderr contains TEXT
#   expect_no_err TEXT       stderr does not contain TEXT
#   expect_no_raw TEXT       stdout holds no TEXT without a backslash (the
#                            Markdown escape) before it; TEXT is a pattern
#   expect_out_empty         nothing on stdout
#   expect_file_absent PATH  PATH does not exist
#   check NAME CMD...        a named assertion: CMD must succeed
#   too_slow_wrapped         true (and says so) when TESTS_WRAPPER is set:
#                            for the few cases that prove speed on huge
#                            inputs, which a memory checker makes 50 times
#                            slower (the plain and sanitizer builds run them)
#   finish                   print the summary and exit 1 if anything failed
#
# Failures are counted, not fatal, so one run shows every broken check.

set -u
: "${OAIP:?OAIP must name the oaip-eval binary}"
: "${top_srcdir:?top_srcdir must name the source tree}"
# A canonical path: under make distcheck it is reached through '..'.
top_srcdir=$(cd "$top_srcdir" && pwd -P)
LC_ALL=C.UTF-8
export LC_ALL

T=$(mktemp -d "${TMPDIR:-/tmp}/oaip-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
out=$T/stdout
err=$T/stderr
status=0
passed=0
failed=0
current=""

fail() {
	failed=$((failed + 1))
	printf 'FAIL: %s: %s\n' "${current:-?}" "$*"
	if [ -s "$err" ]; then
		printf '  stderr was:\n'
		sed -n '1,10s/^/    /p' "$err"
	fi
}

pass() {
	passed=$((passed + 1))
}

# Name the case the following checks belong to.
case_() {
	current=$*
}

too_slow_wrapped() {
	[ -n "${TESTS_WRAPPER:-}" ] || return 1
	printf 'SKIP: %s: a speed case, not run under %s\n' "$current" "${TESTS_WRAPPER%% *}"
	return 0
}

# TESTS_WRAPPER (e.g. valgrind) runs in front of the binary when set.
run() {
	status=0
	${TESTS_WRAPPER:-} "$OAIP" "$@" >"$out" 2>"$err" </dev/null || status=$?
}

run_in() {
	input=$1
	shift
	status=0
	${TESTS_WRAPPER:-} "$OAIP" "$@" >"$out" 2>"$err" <"$input" || status=$?
}

expect_status() {
	if [ "$status" -eq "$1" ]; then pass; else fail "exit status $status, expected $1"; fi
}

expect_out() {
	if grep -qF -- "$1" "$out"; then pass; else fail "stdout lacks '$1'"; fi
}

expect_no_out() {
	if grep -qF -- "$1" "$out"; then fail "stdout has '$1'"; else pass; fi
}

expect_err() {
	if grep -qF -- "$1" "$err"; then pass; else fail "stderr lacks '$1'"; fi
}

expect_no_err() {
	if grep -qF -- "$1" "$err"; then fail "stderr has '$1'"; else pass; fi
}

expect_no_raw() {
	if grep -q -- "\(^\|[^\\]\)$1" "$out"; then fail "stdout has unescaped '$1'"; else pass; fi
}

expect_out_empty() {
	if [ -s "$out" ]; then fail "stdout is not empty"; else pass; fi
}

expect_file_absent() {
	if [ -e "$1" ]; then fail "'$1' exists"; else pass; fi
}

check() {
	name=$1
	shift
	if "$@"; then pass; else fail "$name"; fi
}

finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
}
