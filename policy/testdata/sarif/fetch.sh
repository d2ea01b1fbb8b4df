#!/bin/sh
# Fetches the SARIF 2.1.0 JSON schema (OASIS, final "rtm.5" revision) that
# the SARIF output's tests validate against. Neither the OASIS site nor the
# schemastore are reachable from heng's build machines; Microsoft's
# @microsoft/jest-sarif package (MIT) ships the schema unchanged.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
(cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar xzf ./*.tgz)
cp "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" sarif-schema-2.1.0.json
rm -rf "$tmp"
chmod 644 sarif-schema-2.1.0.json
sha256sum sarif-schema-2.1.0.json
