package licenses

import lic "github.com/hengdev/heng/licenses"

// categoryText is what `heng licenses show` says about a category: its
// Chinese name and what it asks of someone who uses and ships software
// under it. The texts condense docs/licenses.md (section "Categories");
// change both together. The licenses package documents its categories only
// in Go comments, so the words for users live here.
var categoryText = map[lic.Category]struct{ zh, obligations string }{
	lic.PublicDomain: {"公有领域",
		"No conditions at all: the author dedicated the work to the public domain or " +
			"waived all rights. You may do anything with it; giving credit is courteous, " +
			"not required."},
	lic.Permissive: {"宽松型",
		"You may use, change and redistribute the work, also inside closed-source " +
			"products, and sell it. Keep the copyright and license notices in the copies " +
			"you distribute (for binaries, in the documentation or an \"about\" screen). " +
			"Some licenses also ask you to state your changes, credit the authors in " +
			"advertising, not use their names to endorse your product, or rename modified " +
			"versions. You never have to publish source code."},
	lic.WeakCopyleft: {"弱著佐权",
		"When you distribute the licensed component (a file, a library, a font, a " +
			"document), its source and your changes to it must stay available under the " +
			"same license; the larger work that uses, links or bundles it may be under any " +
			"terms. Ship or offer the source of the component and of your modifications to " +
			"it, keep the license, and (LGPL) let users replace the library in your product."},
	lic.StrongCopyleft: {"强著佐权",
		"When you distribute the work or anything based on it, including a program that " +
			"incorporates or links it, the whole must be licensed under the same license " +
			"and come with its complete corresponding source (or a written offer of it). " +
			"Using it privately, or only inside your organisation, asks nothing."},
	lic.NetworkCopyleft: {"网络著佐权",
		"As the copyleft licenses, plus: letting people use the software over a network " +
			"(a web application, a hosted API, a cloud platform) counts as distributing it, " +
			"so the users of your service must be able to get the source of the covered " +
			"code, modifications included."},
	lic.SourceAvailable: {"源码可见（非开源）",
		"Not open source: the license restricts who may use the work or how (no " +
			"commercial use, no production use before a change date, no managed service, " +
			"no competing use, no modified versions, or no use in some fields). Check that " +
			"your use is among those permitted, or get a commercial license from the owner."},
	lic.Proprietary: {"专有",
		"No license is granted beyond what the owner agrees with you separately; all " +
			"rights reserved. Have a contract that covers your use."},
	lic.Unknown: {"未知",
		"heng cannot tell what this license asks. Review it by hand."},
}

// exceptionObligations replaces the category's text for license
// exceptions, which have no category of their own.
const exceptionObligations = "An exception adds to or relaxes the license it is attached to " +
	"with WITH (as in GPL-2.0-only WITH Classpath-exception-2.0): what you must do " +
	"depends on that license and on this exception."

// CategoryDescription returns what a category asks of someone who uses
// and redistributes software under it, in a few English sentences, as
// `heng licenses show` prints it. It returns "" for a string that is not
// one of licenses.Categories().
func CategoryDescription(c lic.Category) string {
	return categoryText[c].obligations
}

// CategoryNameZH returns the Chinese name of a category (宽松型 for
// permissive), or "" for a string that is not a category.
func CategoryNameZH(c lic.Category) string {
	return categoryText[c].zh
}

// obligationsOf is what show prints and reports as "obligations" for info.
func obligationsOf(info lic.Info) string {
	if info.Exception {
		return exceptionObligations
	}
	return CategoryDescription(info.Category)
}
