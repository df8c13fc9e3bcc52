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

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		echo "run.sh: need root or sudo to run: $*" >&2
		exit 1
	fi
}

apt_install() {
	echo "run.sh: installing $* with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	as_root apt-get update -q >&2
	as_root apt-get install -y -q --no-install-recommends "$@" >&2
}

if [ ! -x "$chromium" ]; then
	apt_install chromium
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	apt_install nodejs npm
fi

# Install the pinned npm packages unless exactly those versions are there.
if ! (cd "$here" && node --input-type=module -e '
	import { readFileSync } from "node:fs";
	const want = JSON.parse(readFileSync("package.json", "utf8")).dependencies;
	for (const [name, version] of Object.entries(want)) {
		const got = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
		if (got.version !== version) process.exit(1);
	}' 2>/dev/null); then
	echo "run.sh: installing npm packages into $here/node_modules" >&2
	(cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
		npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
fi

CHROMIUM=$chromium exec node "$here/check.mjs" "$@"
