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

finish
