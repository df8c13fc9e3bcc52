#!/usr/bin/env bash
# run.sh - check HTML reports in a real browser.
#
#   bash tests/browser/run.sh REPORT.html...
#
# Each report is opened from disk in headless Chromium and must:
#   - make no network request (only its own file:// URL, or data: URIs);
#   - contain no script;
#   - pass axe-core with the WCAG 2.0/2.1 A and AA and WCAG 2.2 AA rules;
#   - lay out for print (A4 PDF) without error.
# A full-page screenshot is saved next to each report (REPORT.png), and the
# A4 print version as REPORT.pdf, for people to look at.
#
# Needs Debian's chromium and Node.js (>= 20) with npm.  Missing pieces are
# installed: chromium with apt-get (through sudo when not root), and the npm
# packages pinned in package.json into tests/browser/node_modules.  Not part
# of 'make check', which must run offline; CI runs it (see .ci/run).
#
# Prints one line per report and closes with "N passed, N failed"; exits 1
# if any report failed, 2 on a usage error.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ $# -eq 0 ]; then
	echo "usage: bash tests/browser/run.sh REPORT.html..." >&2
	exit 2
fi

. "$here/setup.sh"

CHROMIUM=$chromium exec node "$here/check.mjs" "$@"
