#!/bin/sh
# Checks for what statusgen needs and installs what is missing from Debian's
# packages (apt-get, when run as root; otherwise prints the exact command).
#   tools/deps.sh build   what `make site` needs
#   tools/deps.sh test    that, plus what `make test` needs
set -eu
mode=${1:-build}
missing=""

need_pc() { pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"; }
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }

need_cmd cc gcc
need_cmd make make
need_cmd pkg-config pkg-config
if command -v pkg-config >/dev/null 2>&1; then
	need_pc libcmark libcmark-dev
	need_pc libxml-2.0 libxml2-dev
	need_pc yaml-0.1 libyaml-dev
	need_pc jansson libjansson-dev
	need_pc opencc libopencc-dev
	need_pc libutf8proc libutf8proc-dev
	need_pc libmicrohttpd libmicrohttpd-dev
else
	missing="$missing libcmark-dev libxml2-dev libyaml-dev libjansson-dev libopencc-dev libutf8proc-dev libmicrohttpd-dev"
fi
if [ "$mode" = test ]; then
	if command -v pkg-config >/dev/null 2>&1; then need_pc criterion libcriterion-dev; else missing="$missing libcriterion-dev"; fi
	need_cmd java default-jre-headless
	need_cmd node nodejs
	need_cmd npm npm
	need_cmd xmllint libxml2-utils
	need_cmd valgrind valgrind
	need_cmd clang clang
	need_cmd chromium chromium
	need_cmd clang-format clang-format
	need_cmd mandoc mandoc
	need_cmd shellcheck shellcheck
	need_cmd opencc opencc
	need_cmd curl curl
	# A Chinese font, so that the browser tests and screenshots render 中文.
	fc-list 2>/dev/null | grep -q 'Noto Sans CJK' || missing="$missing fonts-noto-cjk"
	# libFuzzer and the sanitizer runtimes for clang.
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
		missing="$missing libclang-rt-dev"
fi

if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "deps: installing$missing"
		apt-get update -qq
		# shellcheck disable=SC2086 # one word per package
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "deps: missing packages; run:"
		echo "  sudo apt-get install$missing"
		exit 1
	fi
fi

npm_missing=0
for m in vnu-jar/build/dist/vnu.jar ajv playwright-core axe-core @action-validator/cli; do
	[ -e "tests/node_modules/$m" ] || npm_missing=1
done
if [ "$mode" = test ] && [ $npm_missing = 1 ]; then
	echo "deps: installing the test tools from npm (tests/package-lock.json)"
	(cd tests && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
fi
exit 0
