#!/bin/sh
# shellcheck disable=SC2016 # the expected lines quote `code`, as Markdown does
# `make update-iana`, offline: fed IANA's 2018 registry updated to today's
# (a copy of each is in tests/fixtures/), then today's updated to a made-up
# newer one, the report says what IANA added, removed, renamed and
# re-referenced and which content files need work; a download that is not
# a valid registry leaves the snapshot as it was.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
update() { make -s --no-print-directory update-iana IANA_SNAPSHOT="$tmp/snap.xml" \
	IANA_REPORT="$tmp/report.md" IANA_URL="file://$1" >"$tmp/out" 2>&1; }
says() {
	grep -qF -- "$1" "$tmp/report.md" || {
		echo "update-iana: the report lacks: $1"
		cat "$tmp/report.md"
		exit 1
	}
}

# 2018 → today: the names RFC 9110 changed, every reference moved to it, 103
# and 104 since, nothing removed.
cp tests/fixtures/iana-2018-09-21.xml "$tmp/snap.xml"
update "$PWD/tests/fixtures/iana-http-status-codes.xml"
cmp -s "$tmp/snap.xml" tests/fixtures/iana-http-status-codes.xml || {
	echo "update-iana did not install the new snapshot"
	exit 1
}
says '- **413**: Payload Too Large → Content Too Large'
says '- **422**: Unprocessable Entity → Unprocessable Content'
says '`content/413.md`: `title.en` becomes "Content Too Large"; keep "Payload Too Large" in `aliases`'
says '- **404 Not Found**: RFC7231, Section 6.5.4 → RFC9110, Section 15.5.5'
says '## Added'
if grep -q '^## Removed' "$tmp/report.md"; then
	echo "update-iana: 2018 → today removed nothing, but the report says it did"
	exit 1
fi

# Today → a made-up newer registry: 299 added, 404 renamed, 200 cited
# elsewhere, 418 given back.
sed -e 's|<value>227-299</value>|<value>227-298</value>|' \
	-e 's|<description>Not Found</description>|<description>Not There</description>|' \
	-e 's|<xref type="rfc" data="rfc9110">RFC9110, Section 15.3.1</xref>|<xref type="rfc" data="rfc9999">RFC9999, Section 1.2</xref>|' \
	-e 's|<value>418</value>|<value>418</value><!-- given back -->|' \
	tests/fixtures/iana-http-status-codes.xml |
	awk '/<value>227-298<\/value>/ { print; getline; print; getline; print
		print "    <record date=\"2027-01-01\">\n      <value>299</value>\n      <description>Made Up</description>\n      <xref type=\"rfc\" data=\"rfc9999\">RFC9999, Section 2</xref>\n    </record>"; next }
	/<!-- given back -->/ { sub(/<!-- given back -->/, ""); print; getline; sub(/\(Unused\)/, "Unassigned"); print; getline; next }
	{ print }' >"$tmp/newer.xml"
update "$tmp/newer.xml"
says '- **299 Made Up** (RFC9999, Section 2), registered 2027-01-01'
says '`content/299.md`: new; start it with `statusgen new 299`'
says '- **404**: Not Found → Not There'
says '- **200 OK**: RFC9110, Section 15.3.1 → RFC9999, Section 1.2'
says '- **418 (Unused)**: no longer assigned'
says '`content/418.md`: IANA no longer assigns 418'

# A download that is not a registry: an error, and the snapshot stays.
cp "$tmp/snap.xml" "$tmp/before.xml"
printf 'not a registry\n' >"$tmp/bad.xml"
if update "$tmp/bad.xml"; then
	echo "update-iana accepted a download that is not a registry"
	exit 1
fi
cmp -s "$tmp/snap.xml" "$tmp/before.xml" || { echo "a bad download changed the snapshot"; exit 1; }
[ ! -e "$tmp/snap.xml.new" ] || { echo "a bad download was left beside the snapshot"; exit 1; }
echo "update-iana: 2018 → today and today → a newer registry reported; a bad download refused"
