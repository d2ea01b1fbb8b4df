package licenses

import "strings"

// Category sorts licenses by what they ask of the people who use,
// change and pass on the software (or other work) they cover. Every
// license id heng knows has exactly one; docs/licenses.md explains how
// each was assigned. A category summarizes: it is not legal advice, and
// the license text is what binds.
type Category string

const (
	// Permissive licenses let you use, change and redistribute the work,
	// also inside closed-source products. You must keep the copyright
	// and license notices (and, for some, state your changes, give
	// credit in documentation, or not use the authors' names to endorse
	// your product); you need not publish any source code. Examples: MIT,
	// BSD-3-Clause, Apache-2.0, ISC, Zlib, MulanPSL-2.0.
	Permissive Category = "permissive"

	// WeakCopyleft licenses require that the licensed component itself
	// (the file, the library, the font, the document) and your changes
	// to it stay under the same license, with source, when you
	// distribute them; the larger work that uses, links or bundles it
	// may have other terms. Examples: LGPL, MPL, EPL, CDDL, CC-BY-SA.
	WeakCopyleft Category = "weak-copyleft"

	// StrongCopyleft licenses require that when you distribute the work
	// or anything based on it, including programs that incorporate or
	// link it, you license the whole under the same terms and give the
	// recipients the complete corresponding source. Examples: GPL,
	// CeCILL-2.1, Sleepycat.
	StrongCopyleft Category = "strong-copyleft"

	// NetworkCopyleft licenses ask what the copyleft licenses ask, and
	// also treat letting people use the software remotely (a web
	// service, a hosted platform) like distributing it: users of the
	// service must be offered the source. Examples: AGPL, EUPL, OSL-3.0,
	// Mulan PubL.
	NetworkCopyleft Category = "network-copyleft"

	// PublicDomain covers dedications to the public domain and waivers
	// of all rights: no conditions at all (attribution is courteous, not
	// required). Examples: CC0-1.0, Unlicense.
	PublicDomain Category = "public-domain"

	// SourceAvailable licenses let you read, and within limits use, the
	// work, but restrict who may use it or how: no commercial use, no
	// production use, no competing hosted service, no modification, or
	// a field-of-use ban. They are not open source; using the work
	// outside the permitted uses needs another license from its owner.
	// Examples: BUSL-1.1, Elastic-2.0, SSPL-1.0, PolyForm, CC-BY-NC-4.0.
	SourceAvailable Category = "source-available"

	// Proprietary means no license to use or redistribute is granted
	// beyond what the owner agrees to separately: all rights reserved.
	// Example: npm's "UNLICENSED" (LicenseRef-heng-proprietary).
	Proprietary Category = "proprietary"

	// Unknown means heng cannot tell what the license asks: an id it does
	// not know, an unmapped declaration, or a license exception (which
	// only modifies the license it is attached to with WITH). Review
	// such licenses by hand.
	Unknown Category = "unknown"
)

// Categories lists every category, from the least to the most demanding
// of a user who redistributes (Unknown last).
func Categories() []Category {
	return []Category{PublicDomain, Permissive, WeakCopyleft, StrongCopyleft, NetworkCopyleft, SourceAvailable, Proprietary, Unknown}
}

// Valid reports whether c is one of the defined categories.
func (c Category) Valid() bool {
	for _, d := range Categories() {
		if c == d {
			return true
		}
	}
	return false
}

// CategoryOf returns the category of a license id, compared without
// regard to case. A deprecated id has the category of the license it
// names (GPL-2.0 is strong-copyleft). Exceptions, ids heng does not know
// and anything else give Unknown. A trailing "+" (GPL-2.0+, Apache-2.0+)
// does not change the category.
func CategoryOf(id string) Category {
	id = strings.TrimSpace(id)
	if info, ok := Lookup(id); ok {
		return info.Category
	}
	if base, ok := strings.CutSuffix(id, "+"); ok {
		if info, ok := Lookup(base); ok {
			return info.Category
		}
	}
	return Unknown
}
