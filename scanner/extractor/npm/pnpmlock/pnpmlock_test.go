package pnpmlock

import (
	"os"
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
		"pnpm-lock.yaml":                  true,
		"apps/web/pnpm-lock.yaml":         true,
		"pnpm-lock.yaml.bak":              false,
		"mypnpm-lock.yaml":                false,
		"pnpm-lock.yml":                   false,
		"pnpm-workspace.yaml":             false,
		"yarn.lock":                       false,
		"node_modules/.pnpm/lock.yaml":    false,
		"pnpm-lock.yaml/x":                false,
		"apps/web/old-pnpm-lock.yaml":     false,
		"node_modules/.pnpm-lock.yaml.gz": false,
	})
}

// TestExtract reads lock files that pnpm 7 (lockfileVersion 5.4), pnpm 8
// ('6.0') and pnpm 9 ('9.0') wrote for the same workspace, and for the
// same single project, with their package.json files: each version of the
// format must give the same packages.
func TestExtract(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []inventory.Package
	}{
		{"v5/pnpm-lock.yaml", wantWorkspace()},
		{"v6/pnpm-lock.yaml", wantWorkspace()},
		{"v9/pnpm-lock.yaml", wantWorkspace()},
		{"v5-single/pnpm-lock.yaml", wantSingle()},
		{"v6-single/pnpm-lock.yaml", wantSingle()},
	} {
		t.Run(strings.TrimSuffix(tc.file, "/pnpm-lock.yaml"), func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, tc.want)
		})
	}
}

// wantWorkspace: the root project depends on the workspace project
// packages/lib (not a package here), @sindresorhus/is (scoped), abbrev (a
// tarball URL that pnpm recorded as the registry's), debug 2 and, through
// the alias debug4, debug 4, a local tarball (local-thing), ms (which
// debug 2 wants at 2.0.0), react and react-dom (with react as its peer);
// for development on chokidar (with its optional fsevents) and is-number
// 7; optionally on is-odd, which wants is-number 6. packages/lib depends on
// left-pad and ms, and on @sindresorhus/is for development.
func wantWorkspace() []inventory.Package {
	return []inventory.Package{
		{Name: "@sindresorhus/is", Version: "4.6.0", Ecosystem: npm, PURL: "pkg:npm/%40sindresorhus/is@4.6.0", Relationship: direct, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "b74f6f48ddcc75fb32087a057134421ff894b46ece2740ac8f307c72302629cfef6bf90881e0c8fd3c6c8a0767704ff86deef7e26d1cbc863035a5788b65ea03"}}},
		{Name: "abbrev", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/abbrev@2.0.0", Relationship: direct, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "ebf9a1d44daed98804b021dd634631e685beeb581953ed6f5daa221c7ae929eb9134d805bd2fbf8ebc07890841e5aa407f9a01ed407b135f689764762ca1fc85"}}},
		{Name: "anymatch", Version: "3.1.3", Ecosystem: npm, PURL: "pkg:npm/anymatch@3.1.3", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/normalize-path@3.0.0", "pkg:npm/picomatch@2.3.2"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "28c45e154af4078b7e0fe381923477298aafa1ca765da4b33b9e54701ea681031ddca6dc13e9964f2bd557b0ffcec7446cd9d5e9a71952eb64887417bd3af547"}}},
		{Name: "binary-extensions", Version: "2.3.0", Ecosystem: npm, PURL: "pkg:npm/binary-extensions@2.3.0", Relationship: trans, Scope: dev,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "09e87eee8c79a9eecb26e2c7a18d1f7a1de91ee5031c071151ec8bd95620859c1fa64348cbffbc39c8346b752e4a86336af9b2970b8b59039fde19748e330c23"}}},
		{Name: "braces", Version: "3.0.3", Ecosystem: npm, PURL: "pkg:npm/braces@3.0.3", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/fill-range@7.1.1"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "c906d780efce499543d88b222e5ae8fbb1dfe90d7c109aca484b1da0ccca78f29772dde0bc3f282dc390748cc6ba9af9163f840def203bf9717350737cca71bc"}}},
		{Name: "chokidar", Version: "3.6.0", Ecosystem: npm, PURL: "pkg:npm/chokidar@3.6.0", Relationship: direct, Scope: dev,
			Dependencies: []string{"pkg:npm/anymatch@3.1.3", "pkg:npm/braces@3.0.3", "pkg:npm/fsevents@2.3.3", "pkg:npm/glob-parent@5.1.2", "pkg:npm/is-binary-path@2.1.0", "pkg:npm/is-glob@4.0.3", "pkg:npm/normalize-path@3.0.0", "pkg:npm/readdirp@3.6.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "ed54f5ddf9a3a2d2a91a2a425bd244400bac10f13e122f2797afe0e050409889b418e38b32e6bd3430e8fc35a9d190310abddc3eae59a41aa63c04200dd6b63f"}}},
		{Name: "debug", Version: "2.6.9", Ecosystem: npm, PURL: "pkg:npm/debug@2.6.9", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "6c2ec496b7496899cf6c03fed44a2d62fa99b1bdde725e708ba05f8ba0494d470da30a7a72fb298348d7ce74532838e6fc4ec076014155e00f54c35c286b0730"}}},
		{Name: "debug", Version: "4.4.3", Ecosystem: npm, PURL: "pkg:npm/debug@4.4.3", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.1.3"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "446c305a7c10be455f6af295b76d8518bc3ec5849dcc04709b4aeee83853540dee994e6165cdbc57790ee2cb6062bcab4e52e9baf808f468a28e5b408cd6dca8"}}},
		{Name: "fill-range", Version: "7.1.1", Ecosystem: npm, PURL: "pkg:npm/fill-range@7.1.1", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/to-regex-range@5.0.1"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "62c1a97b75872caf19622e2d583836272dde6d1cf6ad7a300f19e57786e4401d3471cff5670f405a70b48bdced0c98ad8afb50bda23d29a2f22ab73e8415b4ca"}}},
		{Name: "fsevents", Version: "2.3.3", Ecosystem: npm, PURL: "pkg:npm/fsevents@2.3.3", Relationship: trans, Scope: dev,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "e71a037d7f9f2fb7da0139da82658fa5b16dc21fd1efb5a630caaa1c64bae42defbc1d181eb805f81d58999df8e35b4c8f99fade4d36d765cda09c339617df43"}}},
		{Name: "glob-parent", Version: "5.1.2", Ecosystem: npm, PURL: "pkg:npm/glob-parent@5.1.2", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/is-glob@4.0.3"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "00e22049009ea62258c0fdc04671b1fb95674eed870587736c63f8e5e2f0d6faf7cc1def64b7b279dd6c0bd8676dc39cf7f4ab33233944f42b906cf8692f59a3"}}},
		{Name: "is-binary-path", Version: "2.1.0", Ecosystem: npm, PURL: "pkg:npm/is-binary-path@2.1.0", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/binary-extensions@2.3.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "64c11161eb3aa43c9dcae1a276c7bb3ac1f1b5b23b595794128ce047f83baddd31522998365bd9444fcad8c8194e35b2ef6e487de94b79570433dee69ad4465f"}}},
		{Name: "is-extglob", Version: "2.1.1", Ecosystem: npm, PURL: "pkg:npm/is-extglob@2.1.1", Relationship: trans, Scope: dev,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "49b29b00d90deb4dd58b88c466fe3d2de549327e321b0b1bcd9c28ac4a32122badb0dde725875b3b7eb37e1189e90103a4e6481640ed9eae494719af9778eca1"}}},
		{Name: "is-glob", Version: "4.0.3", Ecosystem: npm, PURL: "pkg:npm/is-glob@4.0.3", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/is-extglob@2.1.1"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "c5e9526b21c7dfa66013b6568658bba56df884d6cd97c3a3bf92959a4243e2105d0f7b61f137e4f6f61ab0b33e99758e6611648197f184b4a7af046be1e9524a"}}},
		{Name: "is-number", Version: "6.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@6.0.0", Relationship: trans, Scope: opt,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "5aed551de20b04af0a016254022499417f781a6384e39460ebfe77f1f2b08a5a14bb6d4a9dc1246063eaa1bda8499e66513ef7bcb1ab1d08cac3728c3f07c3ce"}}},
		{Name: "is-number", Version: "7.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@7.0.0", Relationship: direct, Scope: dev,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "e350a27e483a7bc4f2952a5db53a5e2d532abd20445734edb47bc4443ef8d7ea6767c00dbf4d34e0c44be3740a3c394af5c1af369e8d6566540656c65d8c719e"}}},
		{Name: "is-odd", Version: "3.0.1", Ecosystem: npm, PURL: "pkg:npm/is-odd@3.0.1", Relationship: direct, Scope: opt,
			Dependencies: []string{"pkg:npm/is-number@6.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "090a6758fac3c263f5f923075d986d2ed26ff74ca2c957e5b86b17e62342564ae142d5374d01ec5163c6f7091d93d2e0779c8da4083d8d0128f7408169781630"}}},
		{Name: "js-tokens", Version: "4.0.0", Ecosystem: npm, PURL: "pkg:npm/js-tokens@4.0.0", Relationship: trans, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "45d2547e5704ddc5332a232a420b02bb4e853eef5474824ed1b7986cf84737893a6a9809b627dca02b53f5b7313a9601b690f690233a49bce0e026aeb16fcf29"}}},
		{Name: "left-pad", Version: "1.3.0", Ecosystem: npm, PURL: "pkg:npm/left-pad@1.3.0", Relationship: direct, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "5c8e4c3f354d0298c0ca1433a615fc06498ab0a5310f82ddc8adb88997901a29c137dc93413ddb165081cbf695c761eb35ca901ac768b7c821ae3cabbcc0a810"}}},
		{Name: "local-thing", Version: "0.3.0", Ecosystem: npm, PURL: "pkg:npm/local-thing@0.3.0", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.1.3"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "55dd17ecd3efb5fe744821e8046f058b5430328246227464e8771e464a783309e754ef813eca295e366f79036b97438b9975ea9287890e07b4050ffcc94fc891"}},
			Properties:   []inventory.Property{{Name: "resolved", Value: "file:vendor/local-thing-0.3.0.tgz"}}},
		{Name: "loose-envify", Version: "1.4.0", Ecosystem: npm, PURL: "pkg:npm/loose-envify@1.4.0", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/js-tokens@4.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "972bb13c6aff59f86b95e9b608bfd472751cd7372a280226043cee918ed8e45ff242235d928ebe7d12debe5c351e03324b0edfeb5d54218e34f04b71452a0add"}}},
		{Name: "ms", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/ms@2.0.0", Relationship: trans, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "4e9a7ad0fe885090d3b8eabfe59f1c76c93326e8dfc2a7ce4e4af02308fb211212a679099d3e92c89e0f08f9c63281630bd75d85a979295218b40b7dee2c74e4"}}},
		{Name: "ms", Version: "2.1.3", Ecosystem: npm, PURL: "pkg:npm/ms@2.1.3", Relationship: direct, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "e85973b9b4cb646dc9d9afcd542025784863ceae68c601f268253dc985ef70bb2fa1568726afece715c8ebf5d73fab73ed1f7100eb479d23bfb57b45dd645394"}}},
		{Name: "normalize-path", Version: "3.0.0", Ecosystem: npm, PURL: "pkg:npm/normalize-path@3.0.0", Relationship: trans, Scope: dev,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "e9e66ce4bb375ad0a2b075a9f52d86532f1daa4a468b80554b3dc66aa884e9ecee6f4e75d844b3b57530501e82e8829b4246363e76ff983e166288c24707302c"}}},
		{Name: "picomatch", Version: "2.3.2", Ecosystem: npm, PURL: "pkg:npm/picomatch@2.3.2", Relationship: trans, Scope: dev,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "57bfaf404274e99f9ce6d4b27bc4be9c751f239d71a172178c743df5c42d294910aaa3b590efca08951f657b81e3b87f60194385a8761f785d5065e7f227b4a0"}}},
		{Name: "react-dom", Version: "18.3.1", Ecosystem: npm, PURL: "pkg:npm/react-dom@18.3.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0", "pkg:npm/react@18.3.1", "pkg:npm/scheduler@0.23.2"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "e66e2740aa7ead945bd3d2cd1f9f463380714e1f76e75ff295b2886e97bb4e91b17c9fbd92fe812e42c15c88e3b296e06e720136a948db7b519d3593d2c9d423"}}},
		{Name: "react", Version: "18.3.1", Ecosystem: npm, PURL: "pkg:npm/react@18.3.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "c12fa1020252851d0a844bcf240adfb8f54dd7e1f3d6dd18ea7e632eb1906e46f8bab80f13fd11bdefb590c075bffa16807826e1621c57e8bb176a53563fb689"}}},
		{Name: "readdirp", Version: "3.6.0", Ecosystem: npm, PURL: "pkg:npm/readdirp@3.6.0", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/picomatch@2.3.2"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "84e4b4f3da27f1176ea9d6e1bd0e59dfb0341128ecab3eaa9d171f7ec314df8f7916e4dda929beedb849dbd26f20eb010c41276a7e433eef6ddd3a3d55194ccc"}}},
		{Name: "scheduler", Version: "0.23.2", Ecosystem: npm, PURL: "pkg:npm/scheduler@0.23.2", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "50e4a1b0fc33ecdacc52a851eadd215a315dbaf3b36edbfbb680c7d7f848adf44d2030679c159dd02c094c6bd3a67815966c0609d3fdfd997fb55ac3a9cb98cd"}}},
		{Name: "to-regex-range", Version: "5.0.1", Ecosystem: npm, PURL: "pkg:npm/to-regex-range@5.0.1", Relationship: trans, Scope: dev,
			Dependencies: []string{"pkg:npm/is-number@7.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "eb93fb8b3e97e7212bd5cc1c82f4316db230ed493780ecb974876d678ac3bde2ea86b7493fe2e2fc7c7ab722b43446fed860b29de08c2621aaac00c248d93cb1"}}},
	}
}

// wantSingle: react is a devDependency of the project, but react-dom, a
// runtime dependency, has it as its peer: it is required.
func wantSingle() []inventory.Package {
	return []inventory.Package{
		{Name: "debug", Version: "2.6.9", Ecosystem: npm, PURL: "pkg:npm/debug@2.6.9", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/ms@2.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "6c2ec496b7496899cf6c03fed44a2d62fa99b1bdde725e708ba05f8ba0494d470da30a7a72fb298348d7ce74532838e6fc4ec076014155e00f54c35c286b0730"}}},
		{Name: "is-number", Version: "7.0.0", Ecosystem: npm, PURL: "pkg:npm/is-number@7.0.0", Relationship: direct, Scope: dev,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "e350a27e483a7bc4f2952a5db53a5e2d532abd20445734edb47bc4443ef8d7ea6767c00dbf4d34e0c44be3740a3c394af5c1af369e8d6566540656c65d8c719e"}}},
		{Name: "js-tokens", Version: "4.0.0", Ecosystem: npm, PURL: "pkg:npm/js-tokens@4.0.0", Relationship: trans, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "45d2547e5704ddc5332a232a420b02bb4e853eef5474824ed1b7986cf84737893a6a9809b627dca02b53f5b7313a9601b690f690233a49bce0e026aeb16fcf29"}}},
		{Name: "loose-envify", Version: "1.4.0", Ecosystem: npm, PURL: "pkg:npm/loose-envify@1.4.0", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/js-tokens@4.0.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "972bb13c6aff59f86b95e9b608bfd472751cd7372a280226043cee918ed8e45ff242235d928ebe7d12debe5c351e03324b0edfeb5d54218e34f04b71452a0add"}}},
		{Name: "ms", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/ms@2.0.0", Relationship: trans, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "4e9a7ad0fe885090d3b8eabfe59f1c76c93326e8dfc2a7ce4e4af02308fb211212a679099d3e92c89e0f08f9c63281630bd75d85a979295218b40b7dee2c74e4"}}},
		{Name: "react-dom", Version: "18.3.1", Ecosystem: npm, PURL: "pkg:npm/react-dom@18.3.1", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0", "pkg:npm/react@18.2.0", "pkg:npm/scheduler@0.23.2"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "e66e2740aa7ead945bd3d2cd1f9f463380714e1f76e75ff295b2886e97bb4e91b17c9fbd92fe812e42c15c88e3b296e06e720136a948db7b519d3593d2c9d423"}}},
		{Name: "react", Version: "18.2.0", Ecosystem: npm, PURL: "pkg:npm/react@18.2.0", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "ff722331d6f62fd41b05d5a25b97b73f6fe7a70301694f661c24825333659f464261b71f4ec19b4c9ad4fe419e99d1f6216981da2a19fb3931b66aba834f5f19"}}},
		{Name: "scheduler", Version: "0.23.2", Ecosystem: npm, PURL: "pkg:npm/scheduler@0.23.2", Relationship: trans, Scope: req,
			Dependencies: []string{"pkg:npm/loose-envify@1.4.0"},
			Hashes:       []inventory.Hash{{Algorithm: "SHA-512", Value: "50e4a1b0fc33ecdacc52a851eadd215a315dbaf3b36edbfbb680c7d7f848adf44d2030679c159dd02c094c6bd3a67815966c0609d3fdfd997fb55ac3a9cb98cd"}}},
	}
}

// TestFormatV9: what the sample projects do not have, in version 9:
// packages from git (hosted, through codeload, and by commit) and from
// local directories inside and outside the scanned tree, one package
// resolved with two different peers, a dependency on a key the file lacks,
// and a package no importer reaches. The lock file is not at the root.
func TestFormatV9(t *testing.T) {
	lock := `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      fork:
        specifier: github:someone/fork#v1.0.0
        version: https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef0123456789abcdef01234567
      gitdep:
        specifier: git+https://github.com/someone/gitdep.git
        version: git+https://github.com/someone/gitdep.git#89abcdef0123456789abcdef0123456789abcdef
      host:
        specifier: ^2.0.0
        version: 2.0.0
      local-dir:
        specifier: file:../../local-dir
        version: file:../../local-dir
      outside:
        specifier: file:../../../outside
        version: file:../../../outside
      plugin-a:
        specifier: ^1.0.0
        version: 1.0.0(host@2.0.0)
    devDependencies:
      plugin-b:
        specifier: ^1.0.0
        version: 1.0.0(host@1.0.0)

packages:

  fork@https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef0123456789abcdef01234567:
    resolution: {tarball: https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef0123456789abcdef01234567}
    version: 1.0.0

  gitdep@git+https://github.com/someone/gitdep.git#89abcdef0123456789abcdef0123456789abcdef:
    resolution: {commit: 89abcdef0123456789abcdef0123456789abcdef, repo: https://github.com/someone/gitdep.git, type: git}
    version: 2.0.0

  host@1.0.0:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}

  host@2.0.0:
    resolution: {integrity: sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA==}

  local-dir@file:../../local-dir:
    resolution: {directory: ../../local-dir, type: directory}
    version: 0.1.0

  orphan@1.0.0:
    resolution: {integrity: sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA==}

  outside@file:../../../outside:
    resolution: {directory: ../../../outside, type: directory}
    version: 0.2.0

  plugin-a@1.0.0:
    resolution: {integrity: sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA==}
    peerDependencies:
      host: '*'

  plugin-b@1.0.0:
    resolution: {integrity: sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA==}
    peerDependencies:
      host: '*'

  shared@1.0.0:
    resolution: {integrity: sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA==}
    peerDependencies:
      host: '*'

snapshots:

  fork@https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef0123456789abcdef01234567:
    dependencies:
      missing: 1.0.0

  gitdep@git+https://github.com/someone/gitdep.git#89abcdef0123456789abcdef0123456789abcdef: {}

  host@1.0.0: {}

  host@2.0.0: {}

  local-dir@file:../../local-dir: {}

  orphan@1.0.0:
    optional: true

  outside@file:../../../outside: {}

  plugin-a@1.0.0(host@2.0.0):
    dependencies:
      host: 2.0.0
      shared: 1.0.0(host@2.0.0)

  plugin-b@1.0.0(host@1.0.0):
    dependencies:
      host: 1.0.0
      shared: 1.0.0(host@1.0.0)

  shared@1.0.0(host@1.0.0):
    dependencies:
      host: 1.0.0

  shared@1.0.0(host@2.0.0):
    dependencies:
      host: 2.0.0
`
	got, err := extractortest.ExtractBytes(Extractor{}, "apps/web/pnpm-lock.yaml", []byte(lock), nil)
	if err != nil {
		t.Fatal(err)
	}
	sha512 := []inventory.Hash{{Algorithm: "SHA-512", Value: "6c2ec496b7496899cf6c03fed44a2d62fa99b1bdde725e708ba05f8ba0494d470da30a7a72fb298348d7ce74532838e6fc4ec076014155e00f54c35c286b0730"}}
	want := []inventory.Package{
		{Name: "fork", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/fork@1.0.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "resolved", Value: "https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef0123456789abcdef01234567"}}},
		{Name: "gitdep", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/gitdep@2.0.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "resolved", Value: "https://github.com/someone/gitdep.git#89abcdef0123456789abcdef0123456789abcdef"}}},
		{Name: "host", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/host@1.0.0", Relationship: trans, Scope: dev,
			Hashes: []inventory.Hash{{Algorithm: "SHA-1", Value: "f4ad435aa263db935b8f10f2c552d23fb716a63f"}}},
		{Name: "host", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/host@2.0.0", Relationship: direct, Scope: req, Hashes: sha512},
		{Name: "local-dir", Version: "0.1.0", Ecosystem: npm, PURL: "pkg:npm/local-dir@0.1.0", Relationship: direct, Scope: req, Directory: "local-dir",
			Properties: []inventory.Property{{Name: "resolved", Value: "file:../../local-dir"}}},
		{Name: "orphan", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/orphan@1.0.0", Scope: opt, Hashes: sha512},
		{Name: "outside", Version: "0.2.0", Ecosystem: npm, PURL: "pkg:npm/outside@0.2.0", Relationship: direct, Scope: req,
			Properties: []inventory.Property{{Name: "resolved", Value: "file:../../../outside"}}},
		{Name: "plugin-a", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/plugin-a@1.0.0", Relationship: direct, Scope: req, Hashes: sha512,
			Dependencies: []string{"pkg:npm/host@2.0.0", "pkg:npm/shared@1.0.0"}},
		{Name: "plugin-b", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/plugin-b@1.0.0", Relationship: direct, Scope: dev, Hashes: sha512,
			Dependencies: []string{"pkg:npm/host@1.0.0", "pkg:npm/shared@1.0.0"}},
		{Name: "shared", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/shared@1.0.0", Relationship: trans, Scope: req, Hashes: sha512,
			Dependencies: []string{"pkg:npm/host@1.0.0", "pkg:npm/host@2.0.0"}},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract diff (-want +got):\n%s", d)
	}
}

// TestFormatV6 covers a version 6 single project: a package whose key is
// not the registry's (it names itself), and packages no importer reaches,
// whose scope comes from their dev and optional flags.
func TestFormatV6(t *testing.T) {
	lock := `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

dependencies:
  fork:
    specifier: github:someone/fork
    version: github.com/someone/fork/0123456789abcdef0123456789abcdef01234567

packages:

  /both@1.0.0:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}

  /devonly@1.0.0:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}
    dev: true

  /devopt@1.0.0:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}
    dev: true
    optional: true

  /prodopt@1.0.0:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}
    dev: false
    optional: true

  github.com/someone/fork/0123456789abcdef0123456789abcdef01234567:
    resolution: {tarball: https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef0123456789abcdef01234567}
    name: fork
    version: 1.0.0
    dependencies:
      '@scope/dep': 2.0.0
    dev: false

  /@scope/dep@2.0.0:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}
    dev: false
`
	got, err := extractortest.ExtractBytes(Extractor{}, "pnpm-lock.yaml", []byte(lock), nil)
	if err != nil {
		t.Fatal(err)
	}
	sha1 := []inventory.Hash{{Algorithm: "SHA-1", Value: "f4ad435aa263db935b8f10f2c552d23fb716a63f"}}
	want := []inventory.Package{
		{Name: "@scope/dep", Version: "2.0.0", Ecosystem: npm, PURL: "pkg:npm/%40scope/dep@2.0.0", Relationship: trans, Scope: req, Hashes: sha1},
		{Name: "both", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/both@1.0.0", Scope: req, Hashes: sha1},
		{Name: "devonly", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/devonly@1.0.0", Scope: dev, Hashes: sha1},
		{Name: "devopt", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/devopt@1.0.0", Scope: dev, Hashes: sha1},
		{Name: "fork", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/fork@1.0.0", Relationship: direct, Scope: req,
			Dependencies: []string{"pkg:npm/%40scope/dep@2.0.0"},
			Properties:   []inventory.Property{{Name: "resolved", Value: "https://codeload.github.com/someone/fork/tar.gz/0123456789abcdef0123456789abcdef01234567"}}},
		{Name: "prodopt", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/prodopt@1.0.0", Scope: opt, Hashes: sha1},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract diff (-want +got):\n%s", d)
	}
}

// TestFormatV5 covers version 5's peer suffixes: "_" and the peers, with
// "+" for the slash of a scoped peer, or a hash when they are long.
func TestFormatV5(t *testing.T) {
	lock := `lockfileVersion: 5.3

specifiers:
  '@scope/plugin': ^1.0.0
  long: ^3.0.0

dependencies:
  '@scope/plugin': 1.0.0_@scope+host@1.0.0
  long: 3.1.0_3fxcbmxprqstn5qh2gfhtbwvwq

packages:

  /@scope/host/1.0.0:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}
    dev: false

  /@scope/plugin/1.0.0_@scope+host@1.0.0:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}
    peerDependencies:
      '@scope/host': ^1.0.0
    dependencies:
      '@scope/host': 1.0.0
    dev: false

  /long/3.1.0_3fxcbmxprqstn5qh2gfhtbwvwq:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}
    optionalDependencies:
      '@scope/plugin': 1.0.0_@scope+host@1.0.0
    dev: false
`
	got, err := extractortest.ExtractBytes(Extractor{}, "pnpm-lock.yaml", []byte(lock), nil)
	if err != nil {
		t.Fatal(err)
	}
	sha1 := []inventory.Hash{{Algorithm: "SHA-1", Value: "f4ad435aa263db935b8f10f2c552d23fb716a63f"}}
	want := []inventory.Package{
		{Name: "@scope/host", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/%40scope/host@1.0.0", Relationship: trans, Scope: req, Hashes: sha1},
		{Name: "@scope/plugin", Version: "1.0.0", Ecosystem: npm, PURL: "pkg:npm/%40scope/plugin@1.0.0", Relationship: direct, Scope: req, Hashes: sha1,
			Dependencies: []string{"pkg:npm/%40scope/host@1.0.0"}},
		{Name: "long", Version: "3.1.0", Ecosystem: npm, PURL: "pkg:npm/long@3.1.0", Relationship: direct, Scope: req, Hashes: sha1,
			Dependencies: []string{"pkg:npm/%40scope/plugin@1.0.0"}},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract diff (-want +got):\n%s", d)
	}
}

// TestDocuments: of a stream of documents (pnpm's lock file of its own
// configuration dependencies, then the project's), the last is read.
func TestDocuments(t *testing.T) {
	lock := `---
lockfileVersion: '9.0'

importers:

  .:
    configDependencies: {}
    packageManagerDependencies:
      pnpm:
        specifier: 10.13.1
        version: 10.13.1

packages:

  pnpm@10.13.1:
    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}

snapshots:

  pnpm@10.13.1: {}

---
lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      ms:
        specifier: ^2.1.3
        version: 2.1.3

packages:

  ms@2.1.3:
    resolution: {integrity: sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==}

snapshots:

  ms@2.1.3: {}
`
	got, err := extractortest.ExtractBytes(Extractor{}, "pnpm-lock.yaml", []byte(lock), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		{Name: "ms", Version: "2.1.3", Ecosystem: npm, PURL: "pkg:npm/ms@2.1.3", Relationship: direct, Scope: req,
			Hashes: []inventory.Hash{{Algorithm: "SHA-512", Value: "e85973b9b4cb646dc9d9afcd542025784863ceae68c601f268253dc985ef70bb2fa1568726afece715c8ebf5d73fab73ed1f7100eb479d23bfb57b45dd645394"}}},
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract diff (-want +got):\n%s", d)
	}
}

// TestExtractErrors: bad files give an error and never a panic; what is
// readable around a bad entry is kept.
func TestExtractErrors(t *testing.T) {
	v9, err := os.ReadFile("testdata/v9/pnpm-lock.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		content string
		// kept are purls that must still be there.
		kept []string
	}{
		{name: "empty", content: ""},
		{name: "not_yaml", content: "{{{\x00\xff"},
		{name: "not_a_mapping", content: "- a\n- b\n"},
		{name: "shrinkwrap", content: "shrinkwrapVersion: 3\npackages:\n  /a/1.0.0:\n    resolution: {integrity: sha1-x}\n"},
		{name: "old_version", content: "lockfileVersion: 2\npackages:\n  /a/1.0.0: {}\n"},
		{name: "bad_version", content: "lockfileVersion: next\n"},
		{name: "aliases", content: "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: &x\n    resolution: {integrity: sha1-x}\n  b@1.0.0: *x\n"},
		{name: "truncated", content: string(v9[:len(v9)*2/3]) + "\n  'trunc@1.0.0:\n", kept: []string{"pkg:npm/%40sindresorhus/is@4.6.0", "pkg:npm/ms@2.0.0"}},
		{name: "wrong_types", content: "lockfileVersion: '6.0'\n\ndependencies:\n  a:\n    - 1.0.0\n  b:\n    specifier: ^1\n    version: 1.0.0\n\npackages:\n\n  /b@1.0.0:\n    resolution: {integrity: sha1-9K1DWqJj25NbjxDyxVLSP7cWpj8=}\n    dependencies: [c]\n\n  /c@1.0.0:\n    resolution: [x]\n", kept: []string{"pkg:npm/b@1.0.0", "pkg:npm/c@1.0.0"}},
		{name: "nameless", content: "lockfileVersion: '6.0'\n\npackages:\n\n  file:vendor/x.tgz:\n    resolution: {tarball: file:vendor/x.tgz}\n\n  /b@1.0.0: {}\n", kept: []string{"pkg:npm/b@1.0.0"}},
		{name: "packages_not_a_map", content: "lockfileVersion: '9.0'\npackages: [a, b]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, "pnpm-lock.yaml", []byte(tc.content), nil)
			extractortest.WantParseError(t, err, "pnpm-lock.yaml")
			for _, purl := range tc.kept {
				if !slices.ContainsFunc(got, func(p inventory.Package) bool { return p.PURL == purl }) {
					t.Errorf("%s missing from the partial result %v", purl, got)
				}
			}
		})
	}
}

func TestNoPackages(t *testing.T) {
	for _, content := range []string{"lockfileVersion: '9.0'\n", "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n\npackages: {}\n", "lockfileVersion: 5.4\n\nspecifiers: {}\n\npackages:\n"} {
		got, err := extractortest.ExtractBytes(Extractor{}, "pnpm-lock.yaml", []byte(content), nil)
		if err != nil || len(got) != 0 {
			t.Errorf("Extract(%q) = %v, %v; want nothing", content, got, err)
		}
	}
}
