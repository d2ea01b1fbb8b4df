package licenses

import (
	"slices"
	"strings"
	"testing"
)

// TestReferences: short references to common licenses, in the phrasings
// real files use, are notices of the license.
func TestReferences(t *testing.T) {
	d := NewDetector()
	for _, tc := range referenceCases {
		t.Run(tc.name, func(t *testing.T) {
			got := detectIDs(t, d, []byte(tc.text), ModeSource)
			if strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// referenceCase is a text with the findings ("id kind") it must give.
type referenceCase struct {
	name, text string
	want       []string
	ids        []string // the license ids of want
}

var referenceCases = withIDs([]referenceCase{
	{"mit_readme", "## License\n\nThis project is licensed under the MIT License - see the LICENSE file for details.\n", []string{"MIT notice"}, nil},
	{"mit_licensed", "A tiny helper, MIT licensed.\n", []string{"MIT notice"}, nil},
	{"mit_released", "Released under the MIT license.\n", []string{"MIT notice"}, nil},
	{"apache_short", "Licensed under the Apache License 2.0.\n", []string{"Apache-2.0 notice"}, nil},
	{"rust_dual", "Licensed under either of\n\n * Apache License, Version 2.0 (LICENSE-APACHE or http://www.apache.org/licenses/LICENSE-2.0)\n * MIT license (LICENSE-MIT or http://opensource.org/licenses/MIT)\n\nat your option.\n", []string{"Apache-2.0 notice", "Apache-2.0 url", "MIT notice", "MIT url"}, nil},
	{"gplv2_or_later", "This library is licensed under the GPLv2 or later.\n", []string{"GPL-2.0-or-later notice"}, nil},
	{"gpl3_any_later", "Distributed under the GNU General Public License version 3 or (at your option) any later version.\n", []string{"GPL-3.0-or-later notice"}, nil},
	{"gpl2_only", "Licensed under the GPL v2 only.\n", []string{"GPL-2.0-only notice"}, nil},
	{"gpl2_bare", "Copyright 2020 Foo.\nReleased under the GPLv2.\n", []string{"GPL-2.0 notice"}, nil},
	{"lgpl21", "This package is licensed under the LGPL v2.1 or later.\n", []string{"LGPL-2.1-or-later notice"}, nil},
	{"agpl3", "## License\n\nPublished under the AGPLv3.\n", []string{"AGPL-3.0 notice"}, nil},
	{"mpl2", "Licensed under the Mozilla Public License 2.0.\n", []string{"MPL-2.0 notice"}, nil},
	{"bsd3", "Distributed under the 3-Clause BSD License.\n", []string{"BSD-3-Clause notice"}, nil},
	{"bsd2_simplified", "Licensed under the Simplified BSD License.\n", []string{"BSD-2-Clause notice"}, nil},
	{"isc", "ISC licensed; see LICENSE.\n", []string{"ISC notice"}, nil},
	{"unlicense", "Released under the Unlicense.\n", []string{"Unlicense notice"}, nil},
	{"cc0", "## License\n\nThis work is released under CC0 1.0 Universal.\n", []string{"CC0-1.0 notice"}, nil},
	{"zlib", "Licensed under the zlib license.\n", []string{"Zlib notice"}, nil},
	{"boost", "Distributed under the Boost Software License, Version 1.0.\n", []string{"BSL-1.0 notice"}, nil},
	{"epl2", "Made available under the Eclipse Public License 2.0.\n", []string{"EPL-2.0 notice"}, nil},
	{"jsdoc_license", "/**\n * left-pad\n * @license MIT\n */\n", []string{"MIT notice"}, nil},
	{"license_line", "# License: Apache-2.0\n", []string{"Apache-2.0 notice"}, nil},
	{"license_line_name", "License: Apache License, Version 2.0\n", []string{"Apache-2.0 notice"}, nil},
	{"license_line_dual", "// License: MIT OR Apache-2.0\n", []string{"MIT OR Apache-2.0 notice"}, nil},
	{"licence_line_mulan", "Licence: MulanPSL2\n", []string{"MulanPSL-2.0 notice"}, nil},
	{"license_in_prose", "We think the license: MIT, GPL or BSD are all fine here.\n", nil, nil},
	{"license_see_below", "License: see below\n", nil, nil},
	// Names of license files that name their license.
	{"file_apache", "// see LICENSE-APACHE\npackage x\n", []string{"Apache-2.0 notice"}, nil},
	{"file_mit_markdown_link", "See [LICENSE-MIT](LICENSE-MIT).\n", []string{"MIT notice"}, nil},
	{"file_mulan", "本项目许可证见 LICENSE.MulanPSL2 文件。\n", []string{"MulanPSL-2.0 notice"}, nil},
	{"file_spdx_id", "Full text in LICENCE-BSL-1.0.\n", []string{"BSL-1.0 notice"}, nil},
	{"file_with_notice", "# Licensed under the Apache License, Version 2.0; see LICENSE-APACHE\n", []string{"Apache-2.0 notice"}, nil},
	{"file_extension_only", "See LICENSE.txt and LICENSE.md for details.\n", nil, nil},
	{"file_gpl_no_version", "See LICENSE.GPL for the license.\n", nil, nil},
	{"file_url_version", "The license: http://www.apache.org/licenses/LICENSE-2.0\n", []string{"Apache-2.0 url"}, nil},
})

func withIDs(cs []referenceCase) []referenceCase {
	for i := range cs {
		for _, w := range cs[i].want {
			id := w[:strings.LastIndexByte(w, ' ')] // drop the kind
			if !slices.Contains(cs[i].ids, id) {
				cs[i].ids = append(cs[i].ids, id)
			}
		}
	}
	return cs
}

// mentions are texts that name licenses without licensing anything under
// them: docs comparing licenses, code handling license names, news.
var mentions = []string{
	"Unlike the GPL, the MIT license lets you relicense derived works. The Apache License 2.0 adds a patent grant.\n",
	"func isPermissive(id string) bool { return id == \"MIT\" || id == \"Apache-2.0\" || id == \"BSD-3-Clause\" }\n",
	"// choose the license: MIT, GPLv3 or Apache 2.0 are all fine for this template\n",
	"We compared the GPL v2 and the GPL v3 and found the anti-tivoization clause decisive.\n",
	"The Free Software Foundation published the GNU General Public License version 3 in 2007.\n",
	"Copyright law differs across countries; an MIT-style license is simple to comply with.\n",
	"var licenses = []string{\"Mozilla Public License 2.0\", \"Eclipse Public License 2.0\"}\n",
	"Tip: the Unlicense and CC0 both aim at the public domain, with differences in fallback clauses.\n",
	"花木兰的故事家喻户晓。木兰宽松许可证是一种开源许可证。\n",
	"The Mulan PSL is a permissive license written in Chinese and English.\n",
	"Which is better for a library, LGPL or MPL? It depends on how you link.\n",
	"BSD 3-Clause vs 2-Clause: the difference is the non-endorsement clause.\n",
}

// TestMentionsAreNotReferences measures false positives: a text that only
// mentions licenses yields no finding.
func TestMentionsAreNotReferences(t *testing.T) {
	d := NewDetector()
	fp := 0
	for _, text := range mentions {
		if got := detectIDs(t, d, []byte(text), ModeSource); len(got) > 0 {
			fp++
			t.Errorf("%q: got %q, want nothing", text, got)
		}
	}
	t.Logf("%d of %d mentions reported as licenses", fp, len(mentions))
}
