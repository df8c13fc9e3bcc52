# setup.sh - sourced by run.sh and web.sh: make sure Chromium, Node.js and
# the npm packages pinned in package.json (into node_modules here) are
# installed.  Expects $here (this directory) and $chromium to be set.

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		echo "browser: need root or sudo to run: $*" >&2
		exit 1
	fi
}

apt_install() {
	echo "browser: installing $* with apt-get" >&2
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
	echo "browser: installing npm packages into $here/node_modules" >&2
	(cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
		npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
fi
