package yarnlock

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hengdev/heng/scanner/extractor/internal/yamlsafe"
)

// berryEntry is one entry of a berry lock file, as YAML decodes it.
type berryEntry struct {
	Version          string                         `yaml:"version"`
	Resolution       string                         `yaml:"resolution"`
	Checksum         string                         `yaml:"checksum"`
	Dependencies     map[string]string              `yaml:"dependencies"`
	DependenciesMeta map[string]berryDependencyMeta `yaml:"dependenciesMeta"`
}

type berryDependencyMeta struct {
	Optional bool `yaml:"optional"`
}

// parseBerry reads a berry lock file. A value of the wrong type spoils
// only its entry, which is reported while the others are kept; after a
// syntax error (a truncated file, a merge conflict) the top-level blocks
// are read one by one.
func parseBerry(data []byte) (*lockfile, error) {
	raw, errs, err := decodeEntries(data)
	if err != nil {
		raw, errs = decodeBlocks(data)
		if len(raw) == 0 {
			return nil, err
		}
		if len(errs) == 0 {
			errs = append(errs, err)
		}
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		if k != "__metadata" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	entries := make([]entry, 0, len(keys))
	for _, k := range keys {
		be := raw[k]
		e := entry{resolution: be.Resolution, checksum: be.Checksum, version: be.Version}
		for _, d := range strings.Split(k, ",") {
			if d = strings.TrimSpace(d); d != "" {
				e.descriptors = append(e.descriptors, d)
			}
		}
		if len(e.descriptors) == 0 {
			continue
		}
		if be.Resolution != "" {
			e.name = realName(be.Resolution)
		} else {
			e.name = realName(e.descriptors[0])
		}
		_, rng := splitDescriptor(be.Resolution)
		switch {
		case strings.HasPrefix(rng, "workspace:"):
			e.isWorkspace = true
			e.workspace = strings.TrimPrefix(rng, "workspace:")
		case strings.HasPrefix(rng, "link:"):
			e.skip = true
		case e.version == "":
			if len(errs) < maxErrors {
				errs = append(errs, fmt.Errorf("entry %q has no version", k))
			}
			continue
		}
		names := make([]string, 0, len(be.Dependencies))
		for name := range be.Dependencies {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			e.deps = append(e.deps, edge{name: name, rng: be.Dependencies[name], optional: be.DependenciesMeta[name].Optional})
		}
		entries = append(entries, e)
	}
	return newLockfile(true, entries), errors.Join(errs...)
}

// decodeEntries decodes the entries of a berry lock file by key. The
// entries are decoded one by one: yaml.v3 checks a mapping's keys for
// duplicates in quadratic time, too slow for the thousands of keys of a
// large lock file, and an entry of the wrong shape is then one error
// among entries that decode. err is set when the file is not YAML at all.
func decodeEntries(data []byte) (raw map[string]berryEntry, errs []error, err error) {
	var doc yaml.Node
	if err := yamlsafe.Unmarshal(data, &doc); err != nil {
		return nil, nil, err
	}
	raw = map[string]berryEntry{}
	if doc.Kind == 0 {
		return raw, nil, nil // empty
	}
	root, err := yamlsafe.Mapping(&doc)
	if err != nil {
		return nil, nil, err
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			errs = append(errs, fmt.Errorf("line %d: key is not a string", k.Line))
			continue
		}
		if k.Value == "__metadata" {
			continue
		}
		var e berryEntry
		if err := v.Decode(&e); err != nil {
			if len(errs) < maxErrors {
				errs = append(errs, fmt.Errorf("entry %q: %w", k.Value, err))
			}
			var typeErr *yaml.TypeError
			if !errors.As(err, &typeErr) {
				continue
			}
		}
		raw[k.Value] = e
	}
	return raw, errs, nil
}

// decodeBlocks decodes each top-level block of a berry lock file (an
// unindented line and the indented lines after it) on its own, keeping the
// entries of the blocks that decode.
func decodeBlocks(data []byte) (map[string]berryEntry, []error) {
	raw := map[string]berryEntry{}
	var errs []error
	flush := func(block []byte, line int) {
		if len(block) == 0 {
			return
		}
		m, berrs, err := decodeEntries(block)
		if err != nil {
			berrs = append(berrs, err)
		}
		for _, e := range berrs {
			if len(errs) < maxErrors {
				errs = append(errs, fmt.Errorf("entry at line %d: %w", line, e))
			}
		}
		for k, v := range m {
			raw[k] = v
		}
	}
	start, startLine, line := 0, 1, 0
	for off := 0; off < len(data); {
		line++
		end := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		if c := data[off]; c != ' ' && c != '\t' && c != '#' && c != '\r' && c != '\n' {
			flush(data[start:off], startLine)
			start, startLine = off, line
		}
		off = end
	}
	flush(data[start:], startLine)
	return raw, errs
}
