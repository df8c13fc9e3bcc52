#!/usr/bin/env bash
# run.sh - check HTML reports in a real browser.
#
#   bash tests/browser/run.sh REPORT.html...
#
# Each report is opened from disk in headless Chromium and must:
#   - make no network request (only its own file:// URL, or data: URIs);
#   - contain no script;
#   - pass axe-core with the WCAG 2.0/2.1 A and AA and WCAG 2.2 AA rules;
#   - print to PDF with every page A4, no page ending in a heading, the
#     school's name, the report's title and "page N of M" in every page's
#     margin (read back with pdftotext), and with REPORT.html=N on at most
#     N pages;
#   - on a 390 px wide phone screen: no sideways scrolling, the summary
#     reflowed with its plain-words bands in view, still axe-clean.
# Saved next to each report for people to look at: REPORT.png (full page),
# REPORT-390.png (phone), REPORT.pdf and REPORT-page-N.png (each printed
# page).
#
# Needs Debian's chromium, poppler-utils and Node.js (>= 20) with npm.
# Missing pieces are installed: chromium and poppler-utils with apt-get
# (through sudo when not root), and the npm
# packages pinned in package.json into tests/browser/node_modules.  Not part
# of 'make check', which must run offline; CI runs it (see .ci/run).
#
# Prints one line per report and closes with "N passed, N failed"; exits 1
# if any report failed, 2 on a usage error.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ $# -eq 0 ]; then
	echo "usage: bash tests/browser/run.sh REPORT.html[=MAX_PAGES]..." >&2
	exit 2
fi

. "$here/setup.sh"
# poppler-utils reads the printed PDFs back.
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
	apt_install poppler-utils
fi

CHROMIUM=$chromium exec node "$here/check.mjs" "$@"
