package yarnlock

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

const (
	npm    = inventory.EcosystemNPM
	direct = inventory.RelationshipDirect
	trans  = inventory.RelationshipTransitive
	req    = inventory.ScopeRequired
	opt    = inventory.ScopeOptional
	dev    = inventory.ScopeDev
)

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"yarn.lock":                true,
		"web/yarn.lock":            true,
		"node_modules/x/yarn.lock": true,
		"yarn.lock.bak":            false,
		"myyarn.lock":              false,
		"web/old.yarn.lock":        false,
		"web/yarn.lockfile":        false,
		"yarn-lock.yaml":           false,
		"package-lock.json":        false,
		"pnpm-lock.yaml":           false,
		"yarn.lock/README":         false,
		".yarn/install-state.gz":   false,
	})
}

// TestExtract reads lock files that yarn 1.22 (classic), yarn 4.18 (lock
// version 10) and yarn 3.8 (lock version 6) wrote for sample projects, with
// their package.json files. From yarn 4's lock the tree of node-gyp (which
// fsevents depends on) was cut out to keep the fixture short: fsevents's
// dependency on it resolves nowhere and is left out.
func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		name string
		file string
		want []inventory.Package
	}{
		{"classic", "v1/yarn.lock", wantClassic()},
		{"classic_workspaces", "v1-workspaces/yarn.lock", wantClassicWorkspaces()},
		{"berry", "berry/yarn.lock", wantBerry()},
		{"berry_v3", "berry-v3/yarn.lock", wantBerryV3()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, tc.want)
		})
	}
}

// wantClassic: the project depends on @sindresorhus/is (scoped), abbrev (a
// tarball URL), debug 2 and, through the alias debug4, debug 4, a local
// tarball (local-thing), ms (which debug 2 wants at 2.0.0 too), react and
// react-dom (a peer of react); for development on chokidar (with its
// optional fsevents) and is-number 7; optionally on is-odd, which wants
// is-number 6. Classic yarn appends the tarball's SHA-1 to resolved URLs.
func wantClassic() []inventory.Package {
	return []inventory.Package{
		{Name: "@sindresorhus/is", Version: "4.6.0", Ecosystem: npm, PURL: "pkg:npm/%40sindresorhus/is@4.6.0", Relationship: direct, Scope: req,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "3c7c9c46e678feefe7a2e5bb609d3dbd665ffb3f"}, {Algorithm: "SHA-512", Value: "b74f6f48ddcc75fb32087a057134421ff894b46ece2740ac8f307c72302629cfef6bf90881e0c8fd3c6c8a0767704ff86deef7e26d1cbc863035a5788b65ea03"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/@sindresorhus/is/-/is-4.6.0.tgz#3c7c9c46e678feefe7a2e5bb609d3dbd665ffb3f"}}},
		{Name: "abbrev", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/abbrev@2.0.0", Relationship: direct, Scope: req,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "cf59829b8b4f03f89dda2771cb7f3653828c89bf"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.npmjs.org/abbrev/-/abbrev-2.0.0.tgz#cf59829b8b4f03f89dda2771cb7f3653828c89bf"}}},
		{Name: "anymatch", Version: "3.1.3", Ecosystem: npm, PURL: "pkg:npm/anymatch@3.1.3", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/normalize-path@3.0.0", "pkg:npm/picomatch@2.3.2"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "790c58b19ba1720a84205b57c618d5ad8524973e"}, {Algorithm: "SHA-512", Value: "28c45e154af4078b7e0fe381923477298aafa1ca765da4b33b9e54701ea681031ddca6dc13e9964f2bd557b0ffcec7446cd9d5e9a71952eb64887417bd3af547"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/anymatch/-/anymatch-3.1.3.tgz#790c58b19ba1720a84205b57c618d5ad8524973e"}}},
		{Name: "binary-extensions", Version: "2.3.0", Ecosystem: npm, PURL: "pkg:npm/binary-extensions@2.3.0", Relationship: trans, Scope: dev,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "f6e14a97858d327252200242d4ccfe522c445522"}, {Algorithm: "SHA-512", Value: "09e87eee8c79a9eecb26e2c7a18d1f7a1de91ee5031c071151ec8bd95620859c1fa64348cbffbc39c8346b752e4a86336af9b2970b8b59039fde19748e330c23"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/binary-extensions/-/binary-extensions-2.3.0.tgz#f6e14a97858d327252200242d4ccfe522c445522"}}},
		{Name: "braces", Version: "3.0.3", Ecosystem: npm, PURL: "pkg:npm/braces@3.0.3", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/fill-range@7.1.1"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "490332f40919452272d55a8480adc0c441358789"}, {Algorithm: "SHA-512", Value: "c906d780efce499543d88b222e5ae8fbb1dfe90d7c109aca484b1da0ccca78f29772dde0bc3f282dc390748cc6ba9af9163f840def203bf9717350737cca71bc"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/braces/-/braces-3.0.3.tgz#490332f40919452272d55a8480adc0c441358789"}}},
		{Name: "chokidar", Version: "3.6.0", Ecosystem: npm, PURL: "pkg:npm/chokidar@3.6.0", Relationship: direct, Scope: dev,
			Dependencies: []string{"pkg:npm/anymatch@3.1.3", "pkg:npm/braces@3.0.3", "pkg:npm/fsevents@2.3.3", "pkg:npm/glob-parent@5.1.2", "pkg:npm/is-binary-path@2.1.0", "pkg:npm/is-glob@4.0.3", "pkg:npm/normalize-path@3.0.0", "pkg:npm/readdirp@3.6.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "197c6cc669ef2a8dc5e7b4d97ee4e092c3eb0d5b"}, {Algorithm: "SHA-512", Value: "ed54f5ddf9a3a2d2a91a2a425bd244400bac10f13e122f2797afe0e050409889b418e38b32e6bd3430e8fc35a9d190310abddc3eae59a41aa63c04200dd6b63f"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/chokidar/-/chokidar-3.6.0.tgz#197c6cc669ef2a8dc5e7b4d97ee4e092c3eb0d5b"}}},
		{Name: "debug", Version: "2.6.9", Ecosystem: npm, PURL: "pkg:npm/debug@2.6.9", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "5d128515df134ff327e90a4c93f4e077a536341f"}, {Algorithm: "SHA-512", Value: "6c2ec496b7496899cf6c03fed44a2d62fa99b1bdde725e708ba05f8ba0494d470da30a7a72fb298348d7ce74532838e6fc4ec076014155e00f54c35c286b0730"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/debug/-/debug-2.6.9.tgz#5d128515df134ff327e90a4c93f4e077a536341f"}}},
		{Name: "debug", Version: "4.4.3", Ecosystem: npm, PURL: "pkg:npm/debug@4.4.3", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.1.3"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "c6ae432d9bd9662582fce08709b038c58e9e3d6a"}, {Algorithm: "SHA-512", Value: "446c305a7c10be455f6af295b76d8518bc3ec5849dcc04709b4aeee83853540dee994e6165cdbc57790ee2cb6062bcab4e52e9baf808f468a28e5b408cd6dca8"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/debug/-/debug-4.4.3.tgz#c6ae432d9bd9662582fce08709b038c58e9e3d6a"}}},
		{Name: "fill-range", Version: "7.1.1", Ecosystem: npm, PURL: "pkg:npm/fill-range@7.1.1", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/to-regex-range@5.0.1"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "44265d3cac07e3ea7dc247516380643754a05292"}, {Algorithm: "SHA-512", Value: "62c1a97b75872caf19622e2d583836272dde6d1cf6ad7a300f19e57786e4401d3471cff5670f405a70b48bdced0c98ad8afb50bda23d29a2f22ab73e8415b4ca"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/fill-range/-/fill-range-7.1.1.tgz#44265d3cac07e3ea7dc247516380643754a05292"}}},
		{Name: "fsevents", Version: "2.3.3", Ecosystem: npm, PURL: "pkg:npm/fsevents@2.3.3", Relationship: trans, Scope: dev,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "cac6407785d03675a2a5e1a5305c697b347d90d6"}, {Algorithm: "SHA-512", Value: "e71a037d7f9f2fb7da0139da82658fa5b16dc21fd1efb5a630caaa1c64bae42defbc1d181eb805f81d58999df8e35b4c8f99fade4d36d765cda09c339617df43"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/fsevents/-/fsevents-2.3.3.tgz#cac6407785d03675a2a5e1a5305c697b347d90d6"}}},
		{Name: "glob-parent", Version: "5.1.2", Ecosystem: npm, PURL: "pkg:npm/glob-parent@5.1.2", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/is-glob@4.0.3"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "869832c58034fe68a4093c17dc15e8340d8401c4"}, {Algorithm: "SHA-512", Value: "00e22049009ea62258c0fdc04671b1fb95674eed870587736c63f8e5e2f0d6faf7cc1def64b7b279dd6c0bd8676dc39cf7f4ab33233944f42b906cf8692f59a3"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/glob-parent/-/glob-parent-5.1.2.tgz#869832c58034fe68a4093c17dc15e8340d8401c4"}}},
		{Name: "is-binary-path", Version: "2.1.0", Ecosystem: npm, PURL: "pkg:npm/is-binary-path@2.1.0", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/binary-extensions@2.3.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "ea1f7f3b80f064236e83470f86c09c254fb45b09"}, {Algorithm: "SHA-512", Value: "64c11161eb3aa43c9dcae1a276c7bb3ac1f1b5b23b595794128ce047f83baddd31522998365bd9444fcad8c8194e35b2ef6e487de94b79570433dee69ad4465f"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/is-binary-path/-/is-binary-path-2.1.0.tgz#ea1f7f3b80f064236e83470f86c09c254fb45b09"}}},
		{Name: "is-extglob", Version: "2.1.1", Ecosystem: npm, PURL: "pkg:npm/is-extglob@2.1.1", Relationship: trans, Scope: dev,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "a88c02535791f02ed37c76a1b9ea9773c833f8c2"}, {Algorithm: "SHA-512", Value: "49b29b00d90deb4dd58b88c466fe3d2de549327e321b0b1bcd9c28ac4a32122badb0dde725875b3b7eb37e1189e90103a4e6481640ed9eae494719af9778eca1"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/is-extglob/-/is-extglob-2.1.1.tgz#a88c02535791f02ed37c76a1b9ea9773c833f8c2"}}},
		{Name: "is-glob", Version: "4.0.3", Ecosystem: npm, PURL: "pkg:npm/is-glob@4.0.3", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/is-extglob@2.1.1"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "64f61e42cbbb2eec2071a9dac0b28ba1e65d5084"}, {Algorithm: "SHA-512", Value: "c5e9526b21c7dfa66013b6568658bba56df884d6cd97c3a3bf92959a4243e2105d0f7b61f137e4f6f61ab0b33e99758e6611648197f184b4a7af046be1e9524a"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/is-glob/-/is-glob-4.0.3.tgz#64f61e42cbbb2eec2071a9dac0b28ba1e65d5084"}}},
		{Name: "is-number", Version: "6.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@6.0.0", Relationship: trans, Scope: opt,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "e6d15ad31fc262887cccf217ae5f9316f81b1995"}, {Algorithm: "SHA-512", Value: "5aed551de20b04af0a016254022499417f781a6384e39460ebfe77f1f2b08a5a14bb6d4a9dc1246063eaa1bda8499e66513ef7bcb1ab1d08cac3728c3f07c3ce"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/is-number/-/is-number-6.0.0.tgz#e6d15ad31fc262887cccf217ae5f9316f81b1995"}}},
		{Name: "is-number", Version: "7.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@7.0.0", Relationship: direct, Scope: dev,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "7535345b896734d5f80c4d06c50955527a14f12b"}, {Algorithm: "SHA-512", Value: "e350a27e483a7bc4f2952a5db53a5e2d532abd20445734edb47bc4443ef8d7ea6767c00dbf4d34e0c44be3740a3c394af5c1af369e8d6566540656c65d8c719e"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/is-number/-/is-number-7.0.0.tgz#7535345b896734d5f80c4d06c50955527a14f12b"}}},
		{Name: "is-odd", Version: "3.0.1", Ecosystem: npm, PURL: "pkg:npm/is-odd@3.0.1", Relationship: direct, Scope: opt,
			Dependencies: []string{"pkg:npm/is-number@6.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "65101baf3727d728b66fa62f50cda7f2d3989601"}, {Algorithm: "SHA-512", Value: "090a6758fac3c263f5f923075d986d2ed26ff74ca2c957e5b86b17e62342564ae142d5374d01ec5163c6f7091d93d2e0779c8da4083d8d0128f7408169781630"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/is-odd/-/is-odd-3.0.1.tgz#65101baf3727d728b66fa62f50cda7f2d3989601"}}},
		{Name: "js-tokens", Version: "4.0.0", Ecosystem: npm, PURL: "pkg:npm/js-tokens@4.0.0", Relationship: trans, Scope: req,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "19203fb59991df98e3a287050d4647cdeaf32499"}, {Algorithm: "SHA-512", Value: "45d2547e5704ddc5332a232a420b02bb4e853eef5474824ed1b7986cf84737893a6a9809b627dca02b53f5b7313a9601b690f690233a49bce0e026aeb16fcf29"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/js-tokens/-/js-tokens-4.0.0.tgz#19203fb59991df98e3a287050d4647cdeaf32499"}}},
		{Name: "local-thing", Version: "0.3.0", Ecosystem: npm, PURL: "pkg:npm/local-thing@0.3.0", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.1.3"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "a7c6524cbbd18e250cf40d8355ce9a98bd0184b0"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "file:./vendor/local-thing-0.3.0.tgz#a7c6524cbbd18e250cf40d8355ce9a98bd0184b0"}}},
		{Name: "loose-envify", Version: "1.4.0", Ecosystem: npm, PURL: "pkg:npm/loose-envify@1.4.0", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/js-tokens@4.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "71ee51fa7be4caec1a63839f7e682d8132d30caf"}, {Algorithm: "SHA-512", Value: "972bb13c6aff59f86b95e9b608bfd472751cd7372a280226043cee918ed8e45ff242235d928ebe7d12debe5c351e03324b0edfeb5d54218e34f04b71452a0add"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/loose-envify/-/loose-envify-1.4.0.tgz#71ee51fa7be4caec1a63839f7e682d8132d30caf"}}},
		{Name: "ms", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/ms@2.0.0", Relationship: trans, Scope: req,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "5608aeadfc00be6c2901df5f9861788de0d597c8"}, {Algorithm: "SHA-512", Value: "4e9a7ad0fe885090d3b8eabfe59f1c76c93326e8dfc2a7ce4e4af02308fb211212a679099d3e92c89e0f08f9c63281630bd75d85a979295218b40b7dee2c74e4"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/ms/-/ms-2.0.0.tgz#5608aeadfc00be6c2901df5f9861788de0d597c8"}}},
		{Name: "ms", Version: "2.1.3", Ecosystem: npm, PURL: "pkg:npm/ms@2.1.3", Relationship: direct, Scope: req,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "574c8138ce1d2b5861f0b44579dbadd60c6615b2"}, {Algorithm: "SHA-512", Value: "e85973b9b4cb646dc9d9afcd542025784863ceae68c601f268253dc985ef70bb2fa1568726afece715c8ebf5d73fab73ed1f7100eb479d23bfb57b45dd645394"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz#574c8138ce1d2b5861f0b44579dbadd60c6615b2"}}},
		{Name: "normalize-path", Version: "3.0.0", Ecosystem: npm, PURL: "pkg:npm/normalize-path@3.0.0", Relationship: trans, Scope: dev,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "0dcd69ff23a1c9b11fd0978316644a0388216a65"}, {Algorithm: "SHA-512", Value: "e9e66ce4bb375ad0a2b075a9f52d86532f1daa4a468b80554b3dc66aa884e9ecee6f4e75d844b3b57530501e82e8829b4246363e76ff983e166288c24707302c"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/normalize-path/-/normalize-path-3.0.0.tgz#0dcd69ff23a1c9b11fd0978316644a0388216a65"}}},
		{Name: "picomatch", Version: "2.3.2", Ecosystem: npm, PURL: "pkg:npm/picomatch@2.3.2", Relationship: trans, Scope: dev,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "5a942915e26b372dc0f0e6753149a16e6b1c5601"}, {Algorithm: "SHA-512", Value: "57bfaf404274e99f9ce6d4b27bc4be9c751f239d71a172178c743df5c42d294910aaa3b590efca08951f657b81e3b87f60194385a8761f785d5065e7f227b4a0"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/picomatch/-/picomatch-2.3.2.tgz#5a942915e26b372dc0f0e6753149a16e6b1c5601"}}},
		{Name: "react-dom", Version: "18.3.1", Ecosystem: npm, PURL: "pkg:npm/react-dom@18.3.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0", "pkg:npm/scheduler@0.23.2"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "c2265d79511b57d479b3dd3fdfa51536494c5cb4"}, {Algorithm: "SHA-512", Value: "e66e2740aa7ead945bd3d2cd1f9f463380714e1f76e75ff295b2886e97bb4e91b17c9fbd92fe812e42c15c88e3b296e06e720136a948db7b519d3593d2c9d423"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/react-dom/-/react-dom-18.3.1.tgz#c2265d79511b57d479b3dd3fdfa51536494c5cb4"}}},
		{Name: "react", Version: "18.3.1", Ecosystem: npm, PURL: "pkg:npm/react@18.3.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "49ab892009c53933625bd16b2533fc754cab2891"}, {Algorithm: "SHA-512", Value: "c12fa1020252851d0a844bcf240adfb8f54dd7e1f3d6dd18ea7e632eb1906e46f8bab80f13fd11bdefb590c075bffa16807826e1621c57e8bb176a53563fb689"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/react/-/react-18.3.1.tgz#49ab892009c53933625bd16b2533fc754cab2891"}}},
		{Name: "readdirp", Version: "3.6.0", Ecosystem: npm, PURL: "pkg:npm/readdirp@3.6.0", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/picomatch@2.3.2"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "74a370bd857116e245b29cc97340cd431a02a6c7"}, {Algorithm: "SHA-512", Value: "84e4b4f3da27f1176ea9d6e1bd0e59dfb0341128ecab3eaa9d171f7ec314df8f7916e4dda929beedb849dbd26f20eb010c41276a7e433eef6ddd3a3d55194ccc"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/readdirp/-/readdirp-3.6.0.tgz#74a370bd857116e245b29cc97340cd431a02a6c7"}}},
		{Name: "scheduler", Version: "0.23.2", Ecosystem: npm, PURL: "pkg:npm/scheduler@0.23.2", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "414ba64a3b282892e944cf2108ecc078d115cdc3"}, {Algorithm: "SHA-512", Value: "50e4a1b0fc33ecdacc52a851eadd215a315dbaf3b36edbfbb680c7d7f848adf44d2030679c159dd02c094c6bd3a67815966c0609d3fdfd997fb55ac3a9cb98cd"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/scheduler/-/scheduler-0.23.2.tgz#414ba64a3b282892e944cf2108ecc078d115cdc3"}}},
		{Name: "to-regex-range", Version: "5.0.1", Ecosystem: npm, PURL: "pkg:npm/to-regex-range@5.0.1", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/is-number@7.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "1648c44aae7c8d988a326018ed72f5b4dd0392e4"}, {Algorithm: "SHA-512", Value: "eb93fb8b3e97e7212bd5cc1c82f4316db230ed493780ecb974876d678ac3bde2ea86b7493fe2e2fc7c7ab722b43446fed860b29de08c2621aaac00c248d93cb1"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/to-regex-range/-/to-regex-range-5.0.1.tgz#1648c44aae7c8d988a326018ed72f5b4dd0392e4"}}},
	}
}

// wantClassicWorkspaces: a root with two workspaces (packages/*) read
// through its "workspaces" patterns; the workspaces themselves are not in
// the lock, and app's dependency on lib resolves to nothing.
func wantClassicWorkspaces() []inventory.Package {
	return []inventory.Package{
		{Name: "@sindresorhus/is", Version: "4.6.0", Ecosystem: npm, PURL: "pkg:npm/%40sindresorhus/is@4.6.0", Relationship: direct, Scope: dev,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "3c7c9c46e678feefe7a2e5bb609d3dbd665ffb3f"}, {Algorithm: "SHA-512", Value: "b74f6f48ddcc75fb32087a057134421ff894b46ece2740ac8f307c72302629cfef6bf90881e0c8fd3c6c8a0767704ff86deef7e26d1cbc863035a5788b65ea03"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/@sindresorhus/is/-/is-4.6.0.tgz#3c7c9c46e678feefe7a2e5bb609d3dbd665ffb3f"}}},
		{Name: "is-number", Version: "6.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@6.0.0", Relationship: trans, Scope: req,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "e6d15ad31fc262887cccf217ae5f9316f81b1995"}, {Algorithm: "SHA-512", Value: "5aed551de20b04af0a016254022499417f781a6384e39460ebfe77f1f2b08a5a14bb6d4a9dc1246063eaa1bda8499e66513ef7bcb1ab1d08cac3728c3f07c3ce"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/is-number/-/is-number-6.0.0.tgz#e6d15ad31fc262887cccf217ae5f9316f81b1995"}}},
		{Name: "is-number", Version: "7.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@7.0.0", Relationship: direct, Scope: dev,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "7535345b896734d5f80c4d06c50955527a14f12b"}, {Algorithm: "SHA-512", Value: "e350a27e483a7bc4f2952a5db53a5e2d532abd20445734edb47bc4443ef8d7ea6767c00dbf4d34e0c44be3740a3c394af5c1af369e8d6566540656c65d8c719e"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/is-number/-/is-number-7.0.0.tgz#7535345b896734d5f80c4d06c50955527a14f12b"}}},
		{Name: "is-odd", Version: "3.0.1", Ecosystem: npm, PURL: "pkg:npm/is-odd@3.0.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/is-number@6.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "65101baf3727d728b66fa62f50cda7f2d3989601"}, {Algorithm: "SHA-512", Value: "090a6758fac3c263f5f923075d986d2ed26ff74ca2c957e5b86b17e62342564ae142d5374d01ec5163c6f7091d93d2e0779c8da4083d8d0128f7408169781630"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/is-odd/-/is-odd-3.0.1.tgz#65101baf3727d728b66fa62f50cda7f2d3989601"}}},
		{Name: "left-pad", Version: "1.3.0", Ecosystem: npm, PURL: "pkg:npm/left-pad@1.3.0", Relationship: direct, Scope: req,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "5b8a3a7765dfe001261dde915589e782f8c94d1e"}, {Algorithm: "SHA-512", Value: "5c8e4c3f354d0298c0ca1433a615fc06498ab0a5310f82ddc8adb88997901a29c137dc93413ddb165081cbf695c761eb35ca901ac768b7c821ae3cabbcc0a810"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#5b8a3a7765dfe001261dde915589e782f8c94d1e"}}},
		{Name: "ms", Version: "2.1.3", Ecosystem: npm, PURL: "pkg:npm/ms@2.1.3", Relationship: direct, Scope: req,
			Hashes:     []inventory.Hash{{Algorithm: "SHA-1", Value: "574c8138ce1d2b5861f0b44579dbadd60c6615b2"}, {Algorithm: "SHA-512", Value: "e85973b9b4cb646dc9d9afcd542025784863ceae68c601f268253dc985ef70bb2fa1568726afece715c8ebf5d73fab73ed1f7100eb479d23bfb57b45dd645394"}},
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz#574c8138ce1d2b5861f0b44579dbadd60c6615b2"}}},
	}
}

// wantBerry: the project of wantClassic as a berry workspace root, with the
// workspace packages/lib, which depends on left-pad and ms, and on
// @sindresorhus/is for development. The npm and the patched fsevents are
// one package.
func wantBerry() []inventory.Package {
	return []inventory.Package{
		{Name: "@sindresorhus/is", Version: "4.6.0", Ecosystem: npm, PURL: "pkg:npm/%40sindresorhus/is@4.6.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/33b6fb1d0834ec8dd7689ddc0e2781c2bfd8b9c4e4bacbcb14111e0ae00621f2c264b8a7d36541799d74888b5dccdf422a891a5cb5a709ace26325eedc81e22e"}}},
		{Name: "abbrev", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/abbrev@2.0.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/f742a5a107473946f426c691c08daba61a1d15942616f300b5d32fd735be88fef5cba24201757b6c407fd564555fb48c751cfa33519b2605c8a7aadd22baf372"}, {Name: "resolution", Value: "abbrev@https://registry.npmjs.org/abbrev/-/abbrev-2.0.0.tgz"}}},
		{Name: "anymatch", Version: "3.1.3", Ecosystem: npm, PURL: "pkg:npm/anymatch@3.1.3", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/normalize-path@3.0.0", "pkg:npm/picomatch@2.3.2"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/57b06ae984bc32a0d22592c87384cd88fe4511b1dd7581497831c56d41939c8a001b28e7b853e1450f2bf61992dfcaa8ae2d0d161a0a90c4fb631ef07098fbac"}}},
		{Name: "binary-extensions", Version: "2.3.0", Ecosystem: npm, PURL: "pkg:npm/binary-extensions@2.3.0", Relationship: trans, Scope: dev,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/75a59cafc10fb12a11d510e77110c6c7ae3f4ca22463d52487709ca7f18f69d886aa387557cc9864fbdb10153d0bdb4caacabf11541f55e89ed6e18d12ece2b5"}}},
		{Name: "braces", Version: "3.0.3", Ecosystem: npm, PURL: "pkg:npm/braces@3.0.3", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/fill-range@7.1.1"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/7c6dfd30c338d2997ba77500539227b9d1f85e388a5f43220865201e407e076783d0881f2d297b9f80951b4c957fcf0b51c1d2d24227631643c3f7c284b0aa04"}}},
		{Name: "chokidar", Version: "3.6.0", Ecosystem: npm, PURL: "pkg:npm/chokidar@3.6.0", Relationship: direct, Scope: dev,
			Dependencies: []string{"pkg:npm/anymatch@3.1.3", "pkg:npm/braces@3.0.3", "pkg:npm/fsevents@2.3.3", "pkg:npm/glob-parent@5.1.2", "pkg:npm/is-binary-path@2.1.0", "pkg:npm/is-glob@4.0.3", "pkg:npm/normalize-path@3.0.0", "pkg:npm/readdirp@3.6.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/8361dcd013f2ddbe260eacb1f3cb2f2c6f2b0ad118708a343a5ed8158941a39cb8fb1d272e0f389712e74ee90ce8ba864eece9e0e62b9705cb468a2f6d917462"}}},
		{Name: "debug", Version: "2.6.9", Ecosystem: npm, PURL: "pkg:npm/debug@2.6.9", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.0.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/121908fb839f7801180b69a7e218a40b5a0b718813b886b7d6bdb82001b931c938e2941d1e4450f33a1b1df1da653f5f7a0440c197f29fbf8a6e9d45ff6ef589"}}},
		{Name: "debug", Version: "4.4.3", Ecosystem: npm, PURL: "pkg:npm/debug@4.4.3", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.1.3"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/d79136ec6c83ecbefd0f6a5593da6a9c91ec4d7ddc4b54c883d6e71ec9accb5f67a1a5e96d00a328196b5b5c86d365e98d8a3a70856aaf16b4e7b1985e67f5a6"}}},
		{Name: "fill-range", Version: "7.1.1", Ecosystem: npm, PURL: "pkg:npm/fill-range@7.1.1", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/to-regex-range@5.0.1"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/b75b691bbe065472f38824f694c2f7449d7f5004aa950426a2c28f0306c60db9b880c0b0e4ed819997ffb882d1da02cfcfc819bddc94d71627f5269682edf018"}}},
		{Name: "fsevents", Version: "2.3.3", Ecosystem: npm, PURL: "pkg:npm/fsevents@2.3.3", Relationship: trans, Scope: dev,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/a1f0c44595123ed717febbc478aa952e47adfc28e2092be66b8ab1635147254ca6cfe1df792a8997f22716d4cbafc73309899ff7bfac2ac3ad8cf2e4ecc3ec60"}, {Name: "resolution", Value: "fsevents@patch:fsevents@npm%3A2.3.3#optional!builtin<compat/fsevents>::version=2.3.3&hash=df0bf1"}}},
		{Name: "glob-parent", Version: "5.1.2", Ecosystem: npm, PURL: "pkg:npm/glob-parent@5.1.2", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/is-glob@4.0.3"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/cab87638e2112bee3f839ef5f6e0765057163d39c66be8ec1602f3823da4692297ad4e972de876ea17c44d652978638d2fd583c6713d0eb6591706825020c9ee"}}},
		{Name: "is-binary-path", Version: "2.1.0", Ecosystem: npm, PURL: "pkg:npm/is-binary-path@2.1.0", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/binary-extensions@2.3.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/a16eaee59ae2b315ba36fad5c5dcaf8e49c3e27318f8ab8fa3cdb8772bf559c8d1ba750a589c2ccb096113bb64497084361a25960899cb6172a6925ab6123d38"}}},
		{Name: "is-extglob", Version: "2.1.1", Ecosystem: npm, PURL: "pkg:npm/is-extglob@2.1.1", Relationship: trans, Scope: dev,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/5487da35691fbc339700bbb2730430b07777a3c21b9ebaecb3072512dfd7b4ba78ac2381a87e8d78d20ea08affb3f1971b4af629173a6bf435ff8a4c47747912"}}},
		{Name: "is-glob", Version: "4.0.3", Ecosystem: npm, PURL: "pkg:npm/is-glob@4.0.3", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/is-extglob@2.1.1"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/17fb4014e22be3bbecea9b2e3a76e9e34ff645466be702f1693e8f1ee1adac84710d0be0bd9f967d6354036fd51ab7c2741d954d6e91dae6bb69714de92c197a"}}},
		{Name: "is-number", Version: "6.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@6.0.0", Relationship: trans, Scope: opt,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/5da4c68401529675c575878d2760d66f18eaef4b014858577f6003daf66488d7fe4eae684b1e8574e3fa1bb447c6c6c56b8491d2b4b3239da2d32e5f6f218008"}}},
		{Name: "is-number", Version: "7.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@7.0.0", Relationship: direct, Scope: dev,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/b4686d0d3053146095ccd45346461bc8e53b80aeb7671cc52a4de02dbbf7dc0d1d2a986e2fe4ae206984b4d34ef37e8b795ebc4f4295c978373e6575e295d811"}}},
		{Name: "is-odd", Version: "3.0.1", Ecosystem: npm, PURL: "pkg:npm/is-odd@3.0.1", Relationship: direct, Scope: opt,
			Dependencies: []string{"pkg:npm/is-number@6.0.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/89ee2e353c5a3f3bd400c79db1c307a5b3506198ee8169d521e533a9b1d8a08fc95f21a919c084e98845b4286d7ffe309778da03744dfe66c3c1763ab1a030c6"}}},
		{Name: "js-tokens", Version: "4.0.0", Ecosystem: npm, PURL: "pkg:npm/js-tokens@4.0.0", Relationship: trans, Scope: req,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/e248708d377aa058eacf2037b07ded847790e6de892bbad3dac0abba2e759cb9f121b00099a65195616badcb6eca8d14d975cb3e89eb1cfda644756402c8aeed"}}},
		{Name: "left-pad", Version: "1.3.0", Ecosystem: npm, PURL: "pkg:npm/left-pad@1.3.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/3fb59c76e281a2f5c810ad71dbbb8eba8b10c6cf94733dc7f27b8c516a5376cacea53543e76f6ae477d866c8954b27f1e15ca349424c2542474eb5bb1d2b6955"}}},
		{Name: "local-thing", Version: "0.3.0", Ecosystem: npm, PURL: "pkg:npm/local-thing@0.3.0", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.1.3"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/88f690e5f37457c928f522fe9c77361b2a1b68867486a20418ed6a9d3d05113585abb6bff83628cb2ed2fc2476991affb5efa9387e2fbf8af7ed133d5617e27f"}, {Name: "resolution", Value: "local-thing@file:./vendor/local-thing-0.3.0.tgz#./vendor/local-thing-0.3.0.tgz::hash=55dd17&locator=heng-fixture%40workspace%3A."}}},
		{Name: "loose-envify", Version: "1.4.0", Ecosystem: npm, PURL: "pkg:npm/loose-envify@1.4.0", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/js-tokens@4.0.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/655d110220983c1a4b9c0c679a2e8016d4b67f6e9c7b5435ff5979ecdb20d0813f4dec0a08674fcbdd4846a3f07edbb50a36811fd37930b94aaa0d9daceb017e"}}},
		{Name: "ms", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/ms@2.0.0", Relationship: trans, Scope: req,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/f8fda810b39fd7255bbdc451c46286e549794fcc700dc9cd1d25658bbc4dc2563a5de6fe7c60f798a16a60c6ceb53f033cb353f493f0cf63e5199b702943159d"}}},
		{Name: "ms", Version: "2.1.3", Ecosystem: npm, PURL: "pkg:npm/ms@2.1.3", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/d924b57e7312b3b63ad21fc5b3dc0af5e78d61a1fc7cfb5457edaf26326bf62be5307cc87ffb6862ef1c2b33b0233cdb5d4f01c4c958cc0d660948b65a287a48"}}},
		{Name: "normalize-path", Version: "3.0.0", Ecosystem: npm, PURL: "pkg:npm/normalize-path@3.0.0", Relationship: trans, Scope: dev,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/e008c8142bcc335b5e38cf0d63cfd39d6cf2d97480af9abdbe9a439221fd4d749763bab492a8ee708ce7a194bb00c9da6d0a115018672310850489137b3da046"}}},
		{Name: "picomatch", Version: "2.3.2", Ecosystem: npm, PURL: "pkg:npm/picomatch@2.3.2", Relationship: trans, Scope: dev,
			Properties: []inventory.Property{{Name: "checksum", Value: "10c0/a554d1709e59be97d1acb9eaedbbc700a5c03dbd4579807baed95100b00420bc729335440ef15004ae2378984e2487a7c1cebd743cfdb72b6fa9ab69223c0d61"}}},
		{Name: "react-dom", Version: "18.3.1", Ecosystem: npm, PURL: "pkg:npm/react-dom@18.3.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0", "pkg:npm/scheduler@0.23.2"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/a752496c1941f958f2e8ac56239172296fcddce1365ce45222d04a1947e0cc5547df3e8447f855a81d6d39f008d7c32eab43db3712077f09e3f67c4874973e85"}}},
		{Name: "react", Version: "18.3.1", Ecosystem: npm, PURL: "pkg:npm/react@18.3.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/283e8c5efcf37802c9d1ce767f302dd569dd97a70d9bb8c7be79a789b9902451e0d16334b05d73299b20f048cbc3c7d288bbbde10b701fa194e2089c237dbea3"}}},
		{Name: "readdirp", Version: "3.6.0", Ecosystem: npm, PURL: "pkg:npm/readdirp@3.6.0", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/picomatch@2.3.2"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/6fa848cf63d1b82ab4e985f4cf72bd55b7dcfd8e0a376905804e48c3634b7e749170940ba77b32804d5fe93b3cc521aa95a8d7e7d725f830da6d93f3669ce66b"}}},
		{Name: "scheduler", Version: "0.23.2", Ecosystem: npm, PURL: "pkg:npm/scheduler@0.23.2", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/26383305e249651d4c58e6705d5f8425f153211aef95f15161c151f7b8de885f24751b377e4a0b3dd42cce09aad3f87a61dab7636859c0d89b7daf1a1e2a5c78"}}},
		{Name: "to-regex-range", Version: "5.0.1", Ecosystem: npm, PURL: "pkg:npm/to-regex-range@5.0.1", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/is-number@7.0.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "10c0/487988b0a19c654ff3e1961b87f471702e708fa8a8dd02a298ef16da7206692e8552a0250e8b3e8759270f62e9d8314616f6da274734d3b558b1fc7b7724e892"}}},
	}
}

// wantBerryV3: yarn 3 writes dependency ranges without "npm:".
func wantBerryV3() []inventory.Package {
	return []inventory.Package{
		{Name: "@sindresorhus/is", Version: "4.6.0", Ecosystem: npm, PURL: "pkg:npm/%40sindresorhus/is@4.6.0", Relationship: direct, Scope: dev,
			Properties: []inventory.Property{{Name: "checksum", Value: "83839f13da2c29d55c97abc3bc2c55b250d33a0447554997a85c539e058e57b8da092da396e252b11ec24a0279a0bed1f537fa26302209327060643e327f81d2"}}},
		{Name: "debug", Version: "2.6.9", Ecosystem: npm, PURL: "pkg:npm/debug@2.6.9", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.0.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "d2f51589ca66df60bf36e1fa6e4386b318c3f1e06772280eea5b1ae9fd3d05e9c2b7fd8a7d862457d00853c75b00451aa2d7459b924629ee385287a650f58fe6"}}},
		{Name: "debug", Version: "4.4.3", Ecosystem: npm, PURL: "pkg:npm/debug@4.4.3", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.1.3"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "4805abd570e601acdca85b6aa3757186084a45cff9b2fa6eee1f3b173caa776b45f478b2a71a572d616d2010cea9211d0ac4a02a610e4c18ac4324bde3760834"}}},
		{Name: "is-number", Version: "6.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@6.0.0", Relationship: trans, Scope: opt,
			Properties: []inventory.Property{{Name: "checksum", Value: "f73bfced022128b5684bf77e0266a74e5222522bbc40f81cc1e949170c774a3c14b59a208be025d2d97a9c6b79c7c45fe351ab1c2c780872464fdedde0ae067a"}}},
		{Name: "is-odd", Version: "3.0.1", Ecosystem: npm, PURL: "pkg:npm/is-odd@3.0.1", Relationship: direct, Scope: opt,
			Dependencies: []string{"pkg:npm/is-number@6.0.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "4e2b20764dd2296bafe44823d127f281c7039b37d2feaf5caffc1bf162502ef2920bcd4ad171490f371d3f15f52232c763a8ffc0b3633d4c83385fe20f3493af"}}},
		{Name: "js-tokens", Version: "4.0.0", Ecosystem: npm, PURL: "pkg:npm/js-tokens@4.0.0", Relationship: trans, Scope: req,
			Properties: []inventory.Property{{Name: "checksum", Value: "8a95213a5a77deb6cbe94d86340e8d9ace2b93bc367790b260101d2f36a2eaf4e4e22d9fa9cf459b38af3a32fb4190e638024cf82ec95ef708680e405ea7cc78"}}},
		{Name: "loose-envify", Version: "1.4.0", Ecosystem: npm, PURL: "pkg:npm/loose-envify@1.4.0", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/js-tokens@4.0.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "6517e24e0cad87ec9888f500c5b5947032cdfe6ef65e1c1936a0c48a524b81e65542c9c3edc91c97d5bddc806ee2a985dbc79be89215d613b1de5db6d1cfe6f4"}}},
		{Name: "ms", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/ms@2.0.0", Relationship: trans, Scope: req,
			Properties: []inventory.Property{{Name: "checksum", Value: "0e6a22b8b746d2e0b65a430519934fefd41b6db0682e3477c10f60c76e947c4c0ad06f63ffdf1d78d335f83edee8c0aa928aa66a36c7cd95b69b26f468d527f4"}}},
		{Name: "ms", Version: "2.1.3", Ecosystem: npm, PURL: "pkg:npm/ms@2.1.3", Relationship: trans, Scope: req,
			Properties: []inventory.Property{{Name: "checksum", Value: "aa92de608021b242401676e35cfa5aa42dd70cbdc082b916da7fb925c542173e36bce97ea3e804923fe92c0ad991434e4a38327e15a1b5b5f945d66df615ae6d"}}},
		{Name: "react-dom", Version: "18.3.1", Ecosystem: npm, PURL: "pkg:npm/react-dom@18.3.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0", "pkg:npm/scheduler@0.23.2"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "298954ecd8f78288dcaece05e88b570014d8f6dce5db6f66e6ee91448debeb59dcd31561dddb354eee47e6c1bb234669459060deb238ed0213497146e555a0b9"}}},
		{Name: "react", Version: "18.3.1", Ecosystem: npm, PURL: "pkg:npm/react@18.3.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "a27bcfa8ff7c15a1e50244ad0d0c1cb2ad4375eeffefd266a64889beea6f6b64c4966c9b37d14ee32d6c9fcd5aa6ba183b6988167ab4d127d13e7cb5b386a376"}}},
		{Name: "scheduler", Version: "0.23.2", Ecosystem: npm, PURL: "pkg:npm/scheduler@0.23.2", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Properties:   []inventory.Property{{Name: "checksum", Value: "3e82d1f419e240ef6219d794ff29c7ee415fbdc19e038f680a10c067108e06284f1847450a210b29bbaf97b9d8a97ced5f624c31c681248ac84c80d56ad5a2c4"}}},
	}
}

// TestExtractWithoutManifest: without package.json a classic lock says
// nothing of relationships or scopes; berry's workspace entries still tell
// direct from transitive, and dependenciesMeta tells optional.
func TestExtractWithoutManifest(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		want       []inventory.Package
		relation   bool
		scopes     map[string]string
	}{
		{name: "classic", file: "v1/yarn.lock", want: wantClassic()},
		{name: "berry", file: "berry/yarn.lock", want: wantBerry(), relation: true, scopes: map[string]string{
			"pkg:npm/is-odd@3.0.1":    opt,
			"pkg:npm/is-number@6.0.0": opt,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := extractortest.ExtractBytes(Extractor{}, "yarn.lock", data, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			for i := range want {
				if !tc.relation {
					want[i].Relationship = ""
				}
				want[i].Scope = tc.scopes[want[i].PURL]
			}
			if d := extractortest.Diff(want, got); d != "" {
				t.Errorf("Extract(%q) without package.json diff (-want +got):\n%s", tc.file, d)
			}
		})
	}
}

// TestScopes follows runtime, optional and dev dependencies through the
// lock: a package takes the scope of the neediest path that reaches it.
func TestScopes(t *testing.T) {
	lock := `# yarn lockfile v1


a@^1.0.0:
  version "1.0.0"
  dependencies:
    b "^1.0.0"
  optionalDependencies:
    c "^1.0.0"

b@^1.0.0:
  version "1.1.0"

c@^1.0.0:
  version "1.2.0"
  dependencies:
    g "^1.0.0"

d@^1.0.0:
  version "1.3.0"
  dependencies:
    b "^1.0.0"
    e "^1.0.0"

e@^1.0.0:
  version "1.4.0"

f@^1.0.0:
  version "1.5.0"

g@^1.0.0:
  version "1.6.0"

o@^1.0.0:
  version "1.7.0"
  dependencies:
    f "^1.0.0"

stale@^1.0.0:
  version "9.9.9"
`
	manifest := `{
  "dependencies": {"a": "^1.0.0", "both": "^1.0.0"},
  "devDependencies": {"d": "^1.0.0", "e": "^1.0.0"},
  "optionalDependencies": {"o": "^1.0.0"}
}`
	got, err := extractortest.ExtractBytes(Extractor{}, "app/yarn.lock", []byte(lock), map[string]string{"app/package.json": manifest})
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		{Name: "a", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/a@1.0.0", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/b@1.1.0", "pkg:npm/c@1.2.0"}},
		{Name: "b", Version: "1.1.0", Ecosystem: npm, PURL: "pkg:npm/b@1.1.0", Relationship: trans, Scope: req},
		{Name: "c", Version: "1.2.0", Ecosystem: npm, PURL: "pkg:npm/c@1.2.0", Relationship: trans, Scope: opt,
			Dependencies: []string{"pkg:npm/g@1.6.0"}},
		{Name: "d", Version: "1.3.0", Ecosystem: npm, PURL: "pkg:npm/d@1.3.0", Relationship: direct, Scope: dev,
			Dependencies: []string{"pkg:npm/b@1.1.0", "pkg:npm/e@1.4.0"}},
		{Name: "e", Version: "1.4.0", Ecosystem: npm, PURL: "pkg:npm/e@1.4.0", Relationship: direct, Scope: dev},
		{Name: "f", Version: "1.5.0", Ecosystem: npm, PURL: "pkg:npm/f@1.5.0", Relationship: trans, Scope: opt},
		{Name: "g", Version: "1.6.0", Ecosystem: npm, PURL: "pkg:npm/g@1.6.0", Relationship: trans, Scope: opt},
		{Name: "o", Version: "1.7.0", Ecosystem: npm, PURL: "pkg:npm/o@1.7.0", Relationship: direct, Scope: opt,
			Dependencies: []string{"pkg:npm/f@1.5.0"}},
		{Name: "stale", Version: "9.9.9", Ecosystem: npm, PURL: "pkg:npm/stale@9.9.9"},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract diff (-want +got):\n%s", d)
	}
}

// TestClassicFormat covers what the sample projects do not: CRLF line
// ends, several descriptors on one entry, escapes, scoped aliases, git and
// codeload URLs (whose fragment is a commit, not a SHA-1), an old sha1
// integrity, fields and blocks the extractor skips, and a dependency that
// resolves nowhere.
func TestClassicFormat(t *testing.T) {
	lock := strings.ReplaceAll(`# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4", "@babel/code-frame@7.12.11":
  version "7.12.11"
  resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.12.11.tgz#f4ad435aa263db935b8f10f2c552d23fb716a63f"
  integrity sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=
  dependencies:
    "@babel/highlight" "^7.10.4"
    missing "^1.0.0"

"@babel/highlight@^7.10.4":
  version "7.10.4"
  resolved "https://registry.yarnpkg.com/@babel/highlight/-/highlight-7.10.4.tgz"
  uid "abc"
  bin:
    highlight "cli.js"

"my-fork@git+https://github.com/someone/fork.git#v1.0.0":
  version "1.0.0"
  resolved "git+https://github.com/someone/fork.git#0123456789abcdef0123456789abcdef01234567"

"tarball@https://codeload.github.com/someone/tarball/tar.gz/0123456789abcdef0123456789abcdef01234567":
  version "2.0.0"
  resolved "https://codeload.github.com/someone/tarball/tar.gz/0123456789abcdef0123456789abcdef01234567"

"@my/alias@npm:@babel/highlight@^7.10.4":
  version "7.10.4"
  resolved "https://registry.yarnpkg.com/@babel/highlight/-/highlight-7.10.4.tgz"

"quote@npm:^1.0.0":
  version "1.0.0"
  resolved "https://example.com/q\"uote-1.0.0.tgz"
`, "\n", "\r\n")
	manifest := `{"dependencies": {"@babel/code-frame": "7.12.11", "@my/alias": "npm:@babel/highlight@^7.10.4", "my-fork": "git+https://github.com/someone/fork.git#v1.0.0"}}`
	got, err := extractortest.ExtractBytes(Extractor{}, "yarn.lock", []byte(lock), map[string]string{"package.json": manifest})
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		{Name: "@babel/code-frame", Version: "7.12.11", Ecosystem: npm, PURL: "pkg:npm/%40babel/code-frame@7.12.11", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/%40babel/highlight@7.10.4"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-1", Value: "f4ad435aa263db935b8f10f2c552d23fb716a63f"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.12.11.tgz#f4ad435aa263db935b8f10f2c552d23fb716a63f"}}},
		{Name: "@babel/highlight", Version: "7.10.4", Ecosystem: npm, PURL: "pkg:npm/%40babel/highlight@7.10.4", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "resolved", Value: "https://registry.yarnpkg.com/@babel/highlight/-/highlight-7.10.4.tgz"}}},
		{Name: "my-fork", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/my-fork@1.0.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "resolved", Value: "git+https://github.com/someone/fork.git#0123456789abcdef0123456789abcdef01234567"}}},
		{Name: "quote", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/quote@1.0.0",
			Properties: []inventory.Property{{Name: "resolved", Value: `https://example.com/q"uote-1.0.0.tgz`}}},
		{Name: "tarball", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/tarball@2.0.0",
			Properties: []inventory.Property{{Name: "resolved", Value: "https://codeload.github.com/someone/tarball/tar.gz/0123456789abcdef0123456789abcdef01234567"}}},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract diff (-want +got):\n%s", d)
	}
}

// TestBerryFormat: yarn 2's lock (version 4), with a git dependency, a
// portal (a local package, kept) and a link (a plain directory, dropped),
// a conditional package and a dependency bound to its parent's locator.
func TestBerryFormat(t *testing.T) {
	lock := `# This file is generated by running "yarn install" inside your project.
# Manual changes might be lost - proceed with caution!

__metadata:
  version: 4
  cacheKey: 7

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    fork: "https://github.com/someone/fork.git#v1.0.0"
    linked: "link:./linked"
    local: "portal:./local"
    tgz: "file:./tgz-1.0.0.tgz"
  languageName: unknown
  linkType: soft

"fork@https://github.com/someone/fork.git#v1.0.0":
  version: 1.0.0
  resolution: "fork@https://github.com/someone/fork.git#commit=0123456789abcdef0123456789abcdef01234567"
  checksum: 2d1c0d7e0b4e4b5f3a
  languageName: node
  linkType: hard

"linked@link:./linked::locator=app%40workspace%3A.":
  version: 0.0.0-use.local
  resolution: "linked@link:./linked::locator=app%40workspace%3A."
  languageName: node
  linkType: soft

"local@portal:./local::locator=app%40workspace%3A.":
  version: 0.0.0-use.local
  resolution: "local@portal:./local::locator=app%40workspace%3A."
  dependencies:
    tgz: "file:./tgz-1.0.0.tgz"
  languageName: node
  linkType: soft

"tgz@file:./tgz-1.0.0.tgz::locator=app%40workspace%3A.":
  version: 1.0.0
  resolution: "tgz@file:./tgz-1.0.0.tgz#./tgz-1.0.0.tgz::hash=1a2b3c&locator=app%40workspace%3A."
  conditions: os=linux
  languageName: node
  linkType: hard
`
	got, err := extractortest.ExtractBytes(Extractor{}, "yarn.lock", []byte(lock), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		{Name: "fork", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/fork@1.0.0", Relationship: direct,
			Properties: []inventory.Property{
				{Name: "checksum", Value: "2d1c0d7e0b4e4b5f3a"},
				{Name: "resolution", Value: "fork@https://github.com/someone/fork.git#commit=0123456789abcdef0123456789abcdef01234567"},
			}},
		{Name: "local", Version: "0.0.0-use.local", Ecosystem: npm, PURL: "pkg:npm/local@0.0.0-use.local", Relationship: direct,
			Dependencies: []string{"pkg:npm/tgz@1.0.0"},
			Properties:   []inventory.Property{{Name: "resolution", Value: "local@portal:./local::locator=app%40workspace%3A."}}},
		{Name: "tgz", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/tgz@1.0.0", Relationship: direct,
			Properties: []inventory.Property{{Name: "resolution", Value: "tgz@file:./tgz-1.0.0.tgz#./tgz-1.0.0.tgz::hash=1a2b3c&locator=app%40workspace%3A."}}},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract diff (-want +got):\n%s", d)
	}
}

// TestExtractErrors: bad files give an error and never a panic; what is
// readable around a bad entry is kept.
func TestExtractErrors(t *testing.T) {
	classic, err := os.ReadFile("testdata/v1/yarn.lock")
	if err != nil {
		t.Fatal(err)
	}
	berry, err := os.ReadFile("testdata/berry/yarn.lock")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		content string
		// kept are purls that must still be there.
		kept []string
	}{
		{name: "classic_truncated", content: string(classic[:len(classic)/2]) + "\n\"trunc@^1", kept: []string{"pkg:npm/abbrev@2.0.0"}},
		{name: "classic_conflict", content: "# yarn lockfile v1\n\n<<<<<<< HEAD\na@^1:\n  version \"1.0.0\"\n=======\na@^1:\n  version \"1.0.1\"\n>>>>>>> branch\n", kept: []string{"pkg:npm/a@1.0.0", "pkg:npm/a@1.0.1"}},
		{name: "classic_no_version", content: "a@^1:\n  resolved \"https://x/a.tgz\"\n\nb@^1:\n  version \"1.0.0\"\n", kept: []string{"pkg:npm/b@1.0.0"}},
		{name: "classic_bad_string", content: "\"a@^1:\n  version \"1.0.0\"\n"},
		{name: "classic_bad_field", content: "a@^1:\n  version\n"},
		{name: "classic_binary", content: "\x00\x01\x02\xff\xfe"},
		{name: "berry_truncated", content: string(berry[:len(berry)/2]) + "\n\"trunc@npm:^1", kept: []string{"pkg:npm/%40sindresorhus/is@4.6.0"}},
		{name: "berry_conflict", content: "__metadata:\n  version: 8\n\n<<<<<<< HEAD\n\"a@npm:^1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n=======\n\"a@npm:^1\":\n  version: 1.0.1\n  resolution: \"a@npm:1.0.1\"\n>>>>>>> branch\n\n\"c@npm:^1\":\n  version: 1.0.0\n  resolution: \"c@npm:1.0.0\"\n", kept: []string{"pkg:npm/c@1.0.0"}},
		{name: "berry_garbage", content: "__metadata:\n  version: [\n"},
		{name: "berry_wrong_type", content: "__metadata:\n  version: 8\n\n\"a@npm:^1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n  dependencies: [b]\n\n\"c@npm:^1\":\n  version: 1.0.0\n  resolution: \"c@npm:1.0.0\"\n", kept: []string{"pkg:npm/c@1.0.0"}},
		{name: "berry_no_version", content: "__metadata:\n  version: 8\n\n\"a@npm:^1\":\n  resolution: \"a@npm:1.0.0\"\n\n\"c@npm:^1\":\n  version: 1.0.0\n  resolution: \"c@npm:1.0.0\"\n", kept: []string{"pkg:npm/c@1.0.0"}},
		{name: "berry_entry_not_a_map", content: "__metadata:\n  version: 8\n\n\"a@npm:^1\":\n- 1\n"},
		{name: "berry_alias", content: "__metadata:\n  version: 8\n\n\"a@npm:^1\": &x\n  version: 1.0.0\n\"b@npm:^1\": *x\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "yarn.lock", []byte(tc.content), nil)
			extractortest.WantParseError(t, err, "yarn.lock")
			for _, purl := range tc.kept {
				if !slices.ContainsFunc(got, func(p inventory.Package) bool { return p.PURL == purl }) {
					t.Errorf("%s missing from the partial result %v", purl, got)
				}
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	for _, content := range []string{"", "# yarn lockfile v1\n\n\n", "__metadata:\n  version: 8\n  cacheKey: 10c0\n"} {
		got, err := extractortest.ExtractBytes(Extractor{}, "yarn.lock", []byte(content), nil)
		if err != nil || len(got) != 0 {
			t.Errorf("Extract(%q) = %v, %v; want nothing", content, got, err)
		}
	}
}
