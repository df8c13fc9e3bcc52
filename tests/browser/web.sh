#!/usr/bin/env bash
# web.sh - check the browser edition in a real browser.
#
#   bash tests/browser/web.sh BUILD_DIR [SCREENSHOT.png]
#
# Opens BUILD_DIR/web/oaip-eval.html (./bootstrap web builds it) from disk
# in headless Chromium with every network request recorded, makes the
# report for each example with the keyboard, compares the downloaded JSON
# with BUILD_DIR/oaip-eval's 'score -F json', checks a broken file's
# message, and runs axe-core before and after (see web.mjs).  Needs what
# run.sh needs, installed the same way.  Exits 1 if any check failed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ $# -lt 1 ]; then
	echo "usage: bash tests/browser/web.sh BUILD_DIR [SCREENSHOT.png]" >&2
	exit 2
fi
build=$(cd "$1" && pwd)

. "$here/setup.sh"

CHROMIUM=$chromium exec node "$here/web.mjs" "$build/web/oaip-eval.html" \
	"$build/oaip-eval" "$top" ${2:+"$2"}
