#!/usr/bin/env bash
# Browser tests: builds the site into a fresh temporary folder and opens it
# from file://, with the network off, in Debian's chromium driven by
# playwright-core (tests/browser/browser.mjs): search, keyboard, language
# switch, navigation, the 375 px layout, console errors and failed requests on
# every page, axe-core, and the screenshots of the README.
#   tests/browser/run.sh [--update-screenshots]
# --update-screenshots copies the new screenshots into docs/screenshots/.
# Needs chromium (apt) and tests/node_modules (npm ci in tests/); the last line
# counts the checks.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
update=0
[ "${1:-}" = --update-screenshots ] && update=1
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ] || [ ! -d tests/node_modules/playwright-core ] || [ ! -d tests/node_modules/axe-core ]; then
	echo "browser: needs $chromium (apt-get install chromium) and tests/node_modules (cd tests && npm ci --ignore-scripts)"
	echo "browser: 0 passed, 1 failed"
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/statusgen-browser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if ! gen/statusgen build --out "$tmp/site" 2>"$tmp/build.stderr"; then
	cat "$tmp/build.stderr"
	echo "browser: 0 passed, 1 failed"
	exit 1
fi
# A private profile and cache: nothing from the user's chromium.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache"
mkdir -p "$HOME"
CHROMIUM=$chromium node tests/browser/browser.mjs "$tmp/site" "$tmp/shots" "$tmp/counts"
pass=0 fail=1
[ -s "$tmp/counts" ] && read -r pass fail <"$tmp/counts"
# The preview server (statusgen serve): live reload and the error overlay.
if [ -z "${BROWSER_TESTS:-}" ] || echo serve | grep -qiE "$BROWSER_TESTS"; then
	CHROMIUM=$chromium node tests/browser/serve.mjs "$tmp/serve-counts"
	p2=0 f2=1
	[ -s "$tmp/serve-counts" ] && read -r p2 f2 <"$tmp/serve-counts"
	pass=$((pass + p2))
	fail=$((fail + f2))
fi
if [ $update = 1 ] && [ "$fail" = 0 ]; then
	mkdir -p docs/screenshots
	cp "$tmp"/shots/*.png docs/screenshots/
	echo "browser: screenshots copied to docs/screenshots/"
fi
echo "browser: $pass passed, $fail failed"
[ "$fail" = 0 ]
