// Package classify tells the language and the tags (vendored, generated,
// documentation, binary, license) of each file of a scanned tree.
//
// The answers are go-enry's (github.com/go-enry/go-enry/v2), but the
// package runs on every file of trees with hundreds of thousands of files,
// where calling go-enry naively costs well over a hundred microseconds a
// file: enry.GetLanguage runs regexps over the content of every file, and
// enry.IsVendor, IsDocumentation and IsGenerated run dozens of unanchored
// regexps over every path. Here:
//
//   - path rules are split into what depends only on the directory,
//     evaluated once per directory and cached, and what depends on the
//     base name, guarded by literal tests derived from the regexps
//     themselves (pathmatch.go, gates.go); the tags stay exactly go-enry's;
//   - the language comes from the file name when it can, and content is
//     only looked at when the name leaves it open (language.go); the
//     content heuristics are go-enry's own regexps behind the same kind of
//     literal tests (heuristics.go), and the Bayesian classifier sees the
//     first 4 KiB;
//   - the generated-code test runs only the checks that apply to a file's
//     extension (generated.go).
//
// Tests compare every answer with go-enry's on large path lists, crafted
// contents and real trees, and say where and how often the language
// differs.
package classify

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"

	"github.com/go-enry/go-enry/v2"
	"github.com/go-enry/go-enry/v2/data"
	"github.com/go-enry/go-enry/v2/regex"

	"github.com/hengdev/heng/scanner/inventory"
)

// Result is what Classify tells about one file.
type Result struct {
	Language string   // go-enry language name, "" when unknown
	Tags     []string // sorted, from the inventory Tag constants; nil when none
}

// Bits of the path rules.
const (
	bitVendor  uint8 = 1 << iota // enry.IsVendor
	bitDoc                       // enry.IsDocumentation
	bitGenName                   // the name half of enry.IsGenerated
)

// rules is built once from go-enry's data and shared by every Classifier.
var rules = sync.OnceValue(buildRules)

// ruleSet holds the compiled path rules, or says to call go-enry directly
// when they cannot be derived.
type ruleSet struct {
	m pathMatcher
	// own holds the generated-name rules that are about a file itself, not
	// about the dependency tree it sits in (see dependencyTreeRules).
	own pathMatcher
	// exact is false when go-enry was built with its Oniguruma engine:
	// its rules then have Ruby semantics that Go's regexp does not share,
	// and Classify asks go-enry itself.
	exact bool
}

func buildRules() *ruleSet {
	rs := &ruleSet{exact: regex.Name == regex.RE2}
	if !rs.exact {
		return rs
	}
	// enry.IsVendor runs data.FastVendorMatcher, the alternation of
	// data.VendorMatchers; the tests check that they agree.
	for _, re := range data.VendorMatchers {
		if re != nil { // a rule RE2 refused, which go-enry skips too
			rs.m.addRule(source(re), bitVendor)
		}
	}
	for _, re := range data.DocumentationMatchers {
		if re != nil {
			rs.m.addRule(source(re), bitDoc)
		}
	}
	if fastGenerated {
		for _, src := range generatedNameRules {
			rs.m.addRule(src, bitGenName)
			if !dependencyTreeRules[src] {
				rs.own.addRule(src, bitGenName)
			}
		}
	}
	return rs
}

// source returns the text of a go-enry regexp. The assertion keeps the
// package building with go-enry's oniguruma tag, where EnryRegexp is
// another type (and rules are then not derived at all).
func source(re regex.EnryRegexp) string {
	return any(re).(interface{ String() string }).String()
}

// Classifier classifies files. It is safe for concurrent use by many
// goroutines; it caches per-directory results, so one Classifier should
// serve a whole scan, and its cache holds one small entry per directory
// seen.
type Classifier struct {
	rules *ruleSet
	dirs  dirCache
}

// New returns a Classifier with an empty directory cache.
func New() *Classifier {
	c := &Classifier{rules: rules()}
	c.dirs.init()
	return c
}

// Classify returns the language and tags of a file. path is relative to the
// scan root with forward slashes ("vendor/k8s.io/x/y.go"). content is the
// file's content, or nil when it was not read (too large, special file):
// then only the path decides (no binary/generated tags, language by
// name/extension only).
//
// Tags vendored and documentation are exactly enry.IsVendor and
// enry.IsDocumentation of path; generated is enry.IsGenerated(path,
// content), except that a vendored file is not generated merely for lying
// in a dependency tree (node_modules/, vendor/<domain>/, Godeps/, Pods/,
// Carthage/Build/), and binary is enry.IsBinary(content), both only when
// content is not nil; license is IsLicenseFile(path). The language follows go-enry's
// strategies in a cheaper order; see language for where it can differ from
// enry.GetLanguage.
func (c *Classifier) Classify(path string, content []byte) Result {
	slash := strings.LastIndexByte(path, '/')
	base := path[slash+1:]

	bits := c.pathBits(path, slash, content != nil)

	var res Result
	binary := content != nil && enry.IsBinary(content)
	res.Language = language(path, base, content, binary)

	var generated bool
	if content != nil {
		generated = c.isGenerated(path, base, content, bits&bitGenName != 0)
		if generated && bits&bitVendor != 0 && c.rules.exact && fastGenerated {
			// go-enry calls every file under node_modules/ or
			// vendor/<domain>/ generated; heng tags those vendored, and
			// generated only when the file itself is.
			dir := ""
			if slash >= 0 {
				dir = path[:slash+1]
			}
			own := (c.rules.own.matchDir(dir)|c.rules.own.matchFile(path, slash, 0))&bitGenName != 0
			generated = c.isGenerated(path, base, content, own)
		}
	}

	// Added in the sorted order of the tag names.
	var tags [5]string
	n := 0
	add := func(on bool, tag string) {
		if on {
			tags[n] = tag
			n++
		}
	}
	add(binary, inventory.TagBinary)
	add(bits&bitDoc != 0, inventory.TagDocumentation)
	add(generated, inventory.TagGenerated)
	add(IsLicenseFile(path), inventory.TagLicense)
	add(bits&bitVendor != 0, inventory.TagVendored)
	if n > 0 {
		res.Tags = slices.Clone(tags[:n])
	}
	return res
}

// pathBits returns the bits of the path rules that match path, whose last
// '/' is at slash. The generated-name rules are skipped unless wantGen.
func (c *Classifier) pathBits(path string, slash int, wantGen bool) uint8 {
	if !c.rules.exact {
		var bits uint8
		if enry.IsVendor(path) {
			bits |= bitVendor
		}
		if enry.IsDocumentation(path) {
			bits |= bitDoc
		}
		return bits
	}
	var bits uint8
	if slash >= 0 {
		bits = c.dirs.bits(path[:slash+1], &c.rules.m)
	}
	skip := bits
	if !wantGen {
		skip |= bitGenName
	}
	return bits | c.rules.m.matchFile(path, slash, skip)
}

// isGenerated is enry.IsGenerated(path, content); nameMatch is the result
// of the generated-name rules for path.
func (c *Classifier) isGenerated(path, base string, content []byte, nameMatch bool) bool {
	if !c.rules.exact || !fastGenerated {
		return isGeneratedSlow(path, content)
	}
	ext := ""
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		ext = strings.ToLower(base[i:])
	}
	return generatedByExt(ext) || nameMatch || generatedByContent(path, base, ext, content)
}

// dirCache maps a directory (with its trailing '/') to the bits of the dir
// rules that match it. It is sharded so that many goroutines classifying
// files of different directories rarely touch the same lock, and holds one
// entry per directory, never more.
type dirCache struct {
	seed   maphash.Seed
	shards [dirShards]dirShard
}

const dirShards = 64

type dirShard struct {
	mu sync.RWMutex
	m  map[string]uint8
	// Pad the shard (24-byte lock, 8-byte map) to a 64-byte cache line:
	// readers write the lock word, and shards sharing a line would make
	// goroutines on different directories contend.
	_ [32]byte
}

func (d *dirCache) init() {
	d.seed = maphash.MakeSeed()
	for i := range d.shards {
		d.shards[i].m = make(map[string]uint8)
	}
}

// bits returns m's dir bits for dirSlash, computing them on first use.
func (d *dirCache) bits(dirSlash string, m *pathMatcher) uint8 {
	sh := &d.shards[maphash.String(d.seed, dirSlash)%dirShards]
	sh.mu.RLock()
	b, ok := sh.m[dirSlash]
	sh.mu.RUnlock()
	if ok {
		return b
	}
	// Computed outside the lock: two goroutines may both compute the same
	// directory, and store the same value.
	b = m.matchDir(dirSlash)
	sh.mu.Lock()
	// Clone: dirSlash points into the caller's path, which the cache
	// must not keep alive.
	sh.m[strings.Clone(dirSlash)] = b
	sh.mu.Unlock()
	return b
}
