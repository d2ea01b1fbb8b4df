package composerlock

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// syntheticLock writes a composer.lock of n packages shaped as Packagist
// locks them, each requiring php and the two packages before it.
func syntheticLock(n int) []byte {
	var b strings.Builder
	b.WriteString("{\n    \"_readme\": [\n        \"This file is @generated automatically\"\n    ],\n    \"content-hash\": \"8d3f1f0b1c9a6e7d2b4a5c6e7f809a1b\",\n    \"packages\": [\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		ref := fmt.Sprintf("%040x", i)
		fmt.Fprintf(&b, `        {
            "name": "vendor%d/package%d",
            "version": "v1.%d.0",
            "source": {
                "type": "git",
                "url": "https://github.com/vendor%d/package%d.git",
                "reference": "%s"
            },
            "dist": {
                "type": "zip",
                "url": "https://api.github.com/repos/vendor%d/package%d/zipball/%s",
                "reference": "%s",
                "shasum": ""
            },
            "require": {
                "php": ">=8.1"`, i%97, i, i%13, i%97, i, ref, i%97, i, ref, ref)
		for _, d := range []int{i - 1, i - 2} {
			if d >= 0 {
				fmt.Fprintf(&b, ",\n                \"vendor%d/package%d\": \"^1.0\"", d%97, d)
			}
		}
		fmt.Fprintf(&b, `
            },
            "require-dev": {
                "phpunit/phpunit": "^10.1"
            },
            "type": "library",
            "autoload": {
                "psr-4": {
                    "Vendor\\Package%d\\": "src/"
                }
            },
            "notification-url": "https://packagist.org/downloads/",
            "license": [
                "MIT"
            ],
            "description": "Package number %d",
            "keywords": [
                "synthetic"
            ],
            "time": "2023-10-27T15:32:31+00:00"
        }`, i, i)
	}
	b.WriteString("\n    ],\n    \"packages-dev\": [],\n    \"aliases\": [],\n    \"minimum-stability\": \"stable\",\n    \"stability-flags\": [],\n    \"prefer-stable\": false,\n    \"prefer-lowest\": false,\n    \"platform\": [],\n    \"platform-dev\": [],\n    \"plugin-api-version\": \"2.6.0\"\n}\n")
	return []byte(b.String())
}

func BenchmarkParse(b *testing.B) {
	data := syntheticLock(5000)
	manifest := parseManifest([]byte(`{"name": "acme/app", "require": {"vendor0/package0": "^1"}}`))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		l, err := parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if pkgs := l.packages(manifest, "."); len(pkgs) != 5001 {
			b.Fatalf("%d packages", len(pkgs))
		}
	}
}
