package cyclonedx

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"time"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// MergeOptions tune Merge.
type MergeOptions struct {
	// Tool is the program writing the merged document.
	ToolName, ToolVersion string
	// Created is the merged document's timestamp; zero leaves it out.
	Created time.Time
}

// Merge joins the SBOMs of a monorepo's parts into one document:
//
//   - the first document's metadata.component is the merged project; the
//     other documents' metadata.components become components it depends
//     on;
//   - components are de-duplicated by purl (by bom-ref for components
//     without one), the first occurrence kept; a bom-ref two different
//     components use is renamed in the later document ("<ref>-2"), so
//     references stay unique;
//   - the dependency graphs are united, references rewritten to the kept
//     components;
//   - the graph is complete only if every input says its graph is.
//
// The inputs are not modified.
func Merge(boms []*cdx.BOM, opts MergeOptions) *cdx.BOM {
	out := cdx.NewBOM()
	var main *cdx.Component
	var comps []cdx.Component
	byKey := map[string]string{}  // component key -> kept bom-ref
	used := map[string]string{}   // kept bom-ref -> its key
	deps := map[string][]string{} // kept bom-ref -> dependsOn (kept refs)
	var order []string            // kept refs in the graph, first seen first
	complete := len(boms) > 0

	for i, bom := range boms {
		refs := map[string]string{} // this document's bom-ref -> kept bom-ref
		// keep registers a component (and its nested ones) and returns
		// whether it is new.
		var keep func(c *cdx.Component) bool
		keep = func(c *cdx.Component) bool {
			key := cmp.Or(c.PackageURL, c.BOMRef, c.Group+"/"+c.Name+"@"+c.Version)
			if kept, ok := byKey[key]; ok {
				if c.BOMRef != "" {
					refs[c.BOMRef] = kept
				}
				return false
			}
			ref := cmp.Or(c.BOMRef, c.PackageURL, key)
			for n := 2; used[ref] != "" && used[ref] != key; n++ {
				ref = fmt.Sprintf("%s-%d", cmp.Or(c.BOMRef, key), n)
			}
			if c.BOMRef != "" {
				refs[c.BOMRef] = ref
			}
			c.BOMRef = ref
			byKey[key] = ref
			used[ref] = key
			if c.Components != nil {
				nested := slices.Clone(*c.Components)
				kept := nested[:0]
				for j := range nested {
					if keep(&nested[j]) {
						kept = append(kept, nested[j])
					}
				}
				c.Components = &kept
			}
			return true
		}

		if bom.Metadata != nil && bom.Metadata.Component != nil {
			c := *bom.Metadata.Component
			if keep(&c) {
				if main == nil {
					main = &c
				} else {
					comps = append(comps, c)
				}
			}
			if i > 0 && main != nil {
				deps[main.BOMRef] = append(deps[main.BOMRef], refs[bom.Metadata.Component.BOMRef])
			}
		}
		if bom.Components != nil {
			for _, c := range *bom.Components {
				if keep(&c) {
					comps = append(comps, c)
				}
			}
		}
		if bom.Dependencies != nil {
			for _, d := range *bom.Dependencies {
				from := cmp.Or(refs[d.Ref], d.Ref)
				if _, ok := deps[from]; !ok {
					order = append(order, from)
					deps[from] = nil
				}
				if d.Dependencies != nil {
					for _, to := range *d.Dependencies {
						deps[from] = append(deps[from], cmp.Or(refs[to], to))
					}
				}
			}
		}
		if !graphComplete(bom) {
			complete = false
		}
	}

	out.Metadata = &cdx.Metadata{
		Timestamp: timestamp(opts.Created),
		Tools: &cdx.ToolsChoice{Components: &[]cdx.Component{{
			Type: cdx.ComponentTypeApplication, Name: cmp.Or(opts.ToolName, "heng"), Version: opts.ToolVersion,
		}}},
		Component: main,
	}
	slices.SortStableFunc(comps, func(a, b cdx.Component) int { return cmp.Compare(a.BOMRef, b.BOMRef) })
	out.Components = &comps

	var graph []cdx.Dependency
	if main != nil {
		if _, ok := deps[main.BOMRef]; !ok {
			order = append(order, main.BOMRef)
		}
	}
	for _, c := range comps {
		if _, ok := deps[c.BOMRef]; !ok {
			order = append(order, c.BOMRef)
			deps[c.BOMRef] = nil
		}
	}
	for _, ref := range order {
		if used[ref] == "" {
			continue // a reference to nothing in any input
		}
		to := []string{}
		for _, t := range deps[ref] {
			if used[t] != "" && t != ref && !slices.Contains(to, t) {
				to = append(to, t)
			}
		}
		slices.Sort(to)
		graph = append(graph, cdx.Dependency{Ref: ref, Dependencies: &to})
	}
	slices.SortFunc(graph, func(a, b cdx.Dependency) int {
		// The project first, then by reference.
		if main != nil && (a.Ref == main.BOMRef) != (b.Ref == main.BOMRef) {
			if a.Ref == main.BOMRef {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Ref, b.Ref)
	})
	out.Dependencies = &graph
	if main != nil {
		aggregate := cdx.CompositionAggregateIncomplete
		if complete {
			aggregate = cdx.CompositionAggregateComplete
		}
		out.Compositions = &[]cdx.Composition{{Aggregate: aggregate, Dependencies: &[]cdx.BOMReference{cdx.BOMReference(main.BOMRef)}}}
	}
	out.SerialNumber = ""
	out.SerialNumber = serialNumber(out)
	return out
}

// graphComplete reports whether a document says its dependency graph is
// complete.
func graphComplete(bom *cdx.BOM) bool {
	if bom.Compositions == nil {
		return false
	}
	for _, c := range *bom.Compositions {
		if c.Aggregate != cdx.CompositionAggregateComplete {
			return false
		}
	}
	return len(*bom.Compositions) > 0
}

// Write encodes a BOM in a spec version, JSON or XML.
func Write(w io.Writer, bom *cdx.BOM, spec cdx.SpecVersion, xml bool) error {
	return encode(w, bom, spec, xml)
}
