#!/bin/sh
# Copies the CycloneDX schemas out of the cyclonedx-go module (go generate).
set -e
dir=$(go list -m -f '{{.Dir}}' github.com/CycloneDX/cyclonedx-go)/schema
for v in 1.2 1.3 1.4 1.5 1.6 1.7; do
	cp "$dir/bom-$v.schema.json" .
done
cp "$dir/spdx.schema.json" .
mkdir -p xsd
for v in 1.4 1.5 1.6 1.7; do
	cp "$dir/bom-$v.xsd" xsd/
done
cp "$dir/spdx.xsd" xsd/
sed -i 's|schemaLocation="http://cyclonedx.org/schema/spdx"|schemaLocation="spdx.xsd"|' xsd/bom-1.7.xsd
chmod 644 xsd/*.xsd
# The module names it .schemax.json; the bom schemas refer to .schema.json.
cp "$dir/jsf-0.82.schemax.json" jsf-0.82.schema.json
chmod 644 ./*.json

# bom-1.7 refers to cryptography-defs.schema.json, which cyclonedx-go does
# not ship: take it from CycloneDX's own JavaScript library.
tmp=$(mktemp -d)
(cd "$tmp" && npm pack --silent @cyclonedx/cyclonedx-library@10.3.0 >/dev/null && tar xzf ./*.tgz)
cp "$tmp/package/res/schema/cryptography-defs.SNAPSHOT.schema.json" cryptography-defs.schema.json
rm -rf "$tmp"
chmod 644 ./*.json
