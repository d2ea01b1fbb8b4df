// Package licenses implements `heng licenses`, which lists the licenses
// heng knows (every SPDX license and exception, and heng's LicenseRefs)
// with their categories, and `heng licenses show`, which explains one
// license and prints its text. Everything comes from the knowledge built
// into heng (package github.com/hengdev/heng/licenses): no network.
package licenses

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/cmd/internal/output"
	"github.com/hengdev/heng/internal/human"
	lic "github.com/hengdev/heng/licenses"
)

// Output formats accepted by --format.
const (
	formatTable = "table"
	formatText  = "text"
	formatJSON  = "json"
)

// minNameWidth is the narrowest the name column is truncated to on a
// terminal, however narrow the terminal.
const minNameWidth = 20

type listOptions struct {
	IO         *iostreams.IOStreams
	Format     string
	Output     string
	Categories []lic.Category
	OSI        bool
	Exceptions bool
	Deprecated bool
	Search     string
	Wide       bool
}

// NewCmdLicenses returns the `licenses` command, which lists licenses
// itself and has the subcommands `list` (the same) and `show`. runF, when
// not nil, replaces the work of listing (of both `licenses` and
// `licenses list`) so tests can check how flags were parsed into options.
func NewCmdLicenses(f *cmdutil.Factory, runF func(*listOptions) error) *cobra.Command {
	cmd := newCmdList(f, runF, "licenses")
	cmd.Short = "List the licenses heng knows, or show one"
	// cobra suggests subcommands for typos only within a set distance;
	// the root sets it for the whole tree, this for tests of the command
	// alone.
	cmd.SuggestionsMinimumDistance = 2
	cmd.Long = listLong + `

To see one license in full (what its category asks, why, and its text),
use "heng licenses show <id>".`
	cmd.Example = listExample + `

  # Explain a license and print its text
  $ heng licenses show MulanPSL-2.0`
	cmd.AddCommand(
		newCmdList(f, runF, "list"),
		NewCmdShow(f, nil),
	)
	return cmd
}

const listLong = `List the licenses heng knows: every license of the SPDX License List and
heng's own LicenseRefs for what SPDX does not list (the Mulan family,
Commons Clause, public domain, proprietary and a few more), with its
category, whether the Open Source Initiative approved it, and its name (with
its Chinese name where it has one). The list is sorted by id.

A category says what a license asks of you (public-domain, permissive,
weak-copyleft, strong-copyleft, network-copyleft, source-available,
proprietary, unknown); docs/licenses.md explains each.

Ids SPDX deprecated (GPL-2.0, for one) are hidden unless --deprecated is
given. --search keeps the licenses whose id, English name or Chinese name
contains every word of the text, ignoring case. --exceptions lists the SPDX
license exceptions (used after WITH) instead of licenses.

The table cuts long names to fit a terminal; --wide never cuts them and
gives the Chinese name a column of its own. --format json gives every field
of every license listed, described in docs/licenses.md.`

const listExample = `  # Every license heng knows
  $ heng licenses

  # Licenses that treat a network service as distribution
  $ heng licenses --category network-copyleft

  # The Mulan family, by English or Chinese name
  $ heng licenses --search mulan
  $ heng licenses --search 木兰

  # OSI-approved copyleft licenses, as JSON
  $ heng licenses --osi --category weak-copyleft,strong-copyleft --format json

  # SPDX exceptions, deprecated ones included
  $ heng licenses --exceptions --deprecated`

// newCmdList returns the listing command named use: the `licenses`
// command itself, or its `list` subcommand.
func newCmdList(f *cmdutil.Factory, runF func(*listOptions) error, use string) *cobra.Command {
	opts := &listOptions{IO: f.IOStreams}
	var categories []string
	example := listExample
	if use != "licenses" {
		example = strings.ReplaceAll(example, "heng licenses", "heng licenses "+use)
	}
	cmd := &cobra.Command{
		Use:     use,
		Short:   "List the licenses heng knows",
		Long:    listLong,
		Example: example,
		Args:    noArguments,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != formatTable && opts.Format != formatJSON {
				return cmdutil.FlagErrorf("unknown format %q for --format; available: %s, %s", opts.Format, formatTable, formatJSON)
			}
			cats, err := parseCategories(categories)
			if err != nil {
				return err
			}
			opts.Categories = cats
			opts.Search = strings.TrimSpace(opts.Search)
			if runF != nil {
				return runF(opts)
			}
			return runList(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", formatTable, "output `format`: table or json")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` instead of stdout (written whole or not at all)")
	fl.StringSliceVar(&categories, "category", nil, "list only licenses of this `category` (repeatable, or a comma-separated list)")
	fl.BoolVar(&opts.OSI, "osi", false, "list only licenses the Open Source Initiative approved")
	fl.BoolVar(&opts.Exceptions, "exceptions", false, "list the SPDX license exceptions instead of licenses")
	fl.BoolVar(&opts.Deprecated, "deprecated", false, "include ids that SPDX deprecated, and show what replaces them")
	fl.StringVar(&opts.Search, "search", "", "list only licenses whose id or name contains every word of `text` (any case, English or Chinese)")
	fl.BoolVar(&opts.Wide, "wide", false, "never cut names, and show Chinese names in a column of their own")
	_ = cmd.RegisterFlagCompletionFunc("category", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return categoryNames(), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{formatTable, formatJSON}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// noArguments rejects words after `heng licenses` (or `heng licenses
// list`). A known license id gets a pointer to `show`, which is what was
// likely meant; a near miss of a subcommand gets a suggestion.
func noArguments(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if info, ok := lic.Lookup(args[0]); ok {
		return cmdutil.FlagErrorf("unknown command %q for %q; to show a license, run \"heng licenses show %s\"", args[0], cmd.CommandPath(), info.ID)
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		return cmdutil.FlagErrorf("unknown command %q for %q; did you mean %q?", args[0], cmd.CommandPath(), s[0])
	}
	return cmdutil.FlagErrorf("unknown command %q for %q", args[0], cmd.CommandPath())
}

func categoryNames() []string {
	var names []string
	for _, c := range lic.Categories() {
		names = append(names, string(c))
	}
	return names
}

// parseCategories checks the values of --category, given in any case,
// and returns them without duplicates, in the order given.
func parseCategories(values []string) ([]lic.Category, error) {
	var out []lic.Category
	for _, v := range values {
		c := lic.Category(strings.ToLower(strings.TrimSpace(v)))
		if !c.Valid() {
			return nil, cmdutil.FlagErrorf("unknown category %q for --category; available: %s", v, strings.Join(categoryNames(), ", "))
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// filter returns the entries of all (as licenses.All gives them) that
// opts selects, in order, and how many deprecated ones matched every
// other filter but were left out because --deprecated was not given.
func filter(all []lic.Info, opts *listOptions) (shown []lic.Info, hiddenDeprecated int) {
	words := strings.Fields(strings.ToLower(opts.Search))
	for _, info := range all {
		if info.Exception != opts.Exceptions {
			continue
		}
		if opts.OSI && !info.OSIApproved {
			continue
		}
		if len(opts.Categories) > 0 && !slices.Contains(opts.Categories, info.Category) {
			continue
		}
		if !matches(info, words) {
			continue
		}
		if info.Deprecated && !opts.Deprecated {
			hiddenDeprecated++
			continue
		}
		shown = append(shown, info)
	}
	return shown, hiddenDeprecated
}

// matches reports whether every word (in lower case) occurs in the id,
// the name or the Chinese name of info. A word also matches when it does
// once punctuation is dropped on both sides, so "apache2" finds Apache-2.0
// and "mulanpsl" MulanPSL-2.0.
func matches(info lic.Info, words []string) bool {
	fields := []string{strings.ToLower(info.ID), strings.ToLower(info.Name), strings.ToLower(info.NameZH)}
	var squashed []string
	for _, w := range words {
		found := false
		for _, f := range fields {
			if strings.Contains(f, w) {
				found = true
				break
			}
		}
		if !found {
			sw := squash(w)
			if sw == "" {
				return false
			}
			if squashed == nil {
				for _, f := range fields {
					squashed = append(squashed, squash(f))
				}
			}
			for _, f := range squashed {
				if strings.Contains(f, sw) {
					found = true
					break
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// squash drops spaces and punctuation from a lower-case string, keeping
// letters, digits and every non-ASCII character.
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 0x7f {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func runList(opts *listOptions) error {
	ios := opts.IO
	all := lic.All()
	shown, hidden := filter(all, opts)
	toStdout := opts.Output == "" || opts.Output == output.Stdout

	err := output.WriteFile(opts.Output, ios.Out, func(w io.Writer) error {
		if opts.Format == formatJSON {
			return writeJSONList(w, shown)
		}
		if len(shown) == 0 {
			return nil
		}
		t := listTable(shown, opts)
		if toStdout && ios.IsStdoutTTY() && !opts.Wide {
			t.fitLast(ios.TerminalWidth(), minNameWidth)
		}
		if toStdout && ios.ColorEnabled() {
			t.headerStyle = ios.ColorScheme().Bold
		}
		return t.write(w)
	})
	if err != nil {
		return err
	}

	if ios.IsQuiet() {
		return nil
	}
	kind := "licenses"
	if opts.Exceptions {
		kind = "exceptions"
	}
	if len(shown) == 0 {
		msg := "no " + kind + " match"
		if hidden > 0 {
			msg += fmt.Sprintf("; %d deprecated %s: add --deprecated", hidden, human.Plural(hidden, "id does", "ids do"))
		}
		fmt.Fprintln(ios.ErrOut, msg)
		return nil
	}
	if ios.IsStderrTTY() {
		fmt.Fprintln(ios.ErrOut, ios.ColorScheme().Gray(footer(all, len(shown), hidden, opts.Exceptions)))
	}
	return nil
}

// footer summarizes a listing for a person at a terminal: how many
// entries were shown, how many deprecated ones were hidden, and what heng
// knows in all.
func footer(all []lic.Info, shown, hidden int, exceptions bool) string {
	var spdx, heng, excs int
	for _, info := range all {
		switch {
		case info.Exception:
			excs++
		case info.Source == "heng":
			heng++
		default:
			spdx++
		}
	}
	s := fmt.Sprintf("%d shown", shown)
	if hidden > 0 {
		s += fmt.Sprintf(", %d deprecated hidden (--deprecated shows them)", hidden)
	}
	if exceptions {
		return s + fmt.Sprintf("; heng knows %d exceptions (SPDX License List %s)", excs, lic.ListVersion)
	}
	return s + fmt.Sprintf("; heng knows %d licenses (SPDX License List %s) and %d heng LicenseRefs", spdx, lic.ListVersion, heng)
}

// listTable lays out the listing: ID, CATEGORY, OSI, DEPRECATED (with
// --deprecated only) and NAME. The Chinese name follows the English one in
// parentheses, or has a column of its own with --wide. Exceptions have no
// category and are never OSI-approved, so their table leaves both out.
func listTable(infos []lic.Info, opts *listOptions) *table {
	t := &table{header: []string{"ID"}}
	if !opts.Exceptions {
		t.header = append(t.header, "CATEGORY", "OSI")
	}
	if opts.Deprecated {
		t.header = append(t.header, "DEPRECATED")
	}
	t.header = append(t.header, "NAME")
	if opts.Wide {
		t.header = append(t.header, "NAME_ZH")
	}
	for _, info := range infos {
		row := []string{info.ID}
		if !opts.Exceptions {
			row = append(row, string(info.Category), yes(info.OSIApproved))
		}
		if opts.Deprecated {
			row = append(row, deprecatedCell(info))
		}
		switch {
		case opts.Wide:
			row = append(row, info.Name, info.NameZH)
		case info.NameZH != "":
			row = append(row, info.Name+" ("+info.NameZH+")")
		default:
			row = append(row, info.Name)
		}
		t.rows = append(t.rows, row)
	}
	return t
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// deprecatedCell is the DEPRECATED column: blank for current ids, else
// what to use instead.
func deprecatedCell(info lic.Info) string {
	switch {
	case !info.Deprecated:
		return ""
	case info.Replacement != "":
		return "use " + info.Replacement
	default:
		return "yes"
	}
}

// jsonLicense is one license in --format json, of both `heng licenses`
// and `heng licenses show`. Its keys are part of heng's interface for
// scripts (docs/licenses.md): add keys freely, never rename or remove one.
type jsonLicense struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	NameZH      string `json:"name_zh"`
	Category    string `json:"category"`
	Reason      string `json:"reason"`
	OSIApproved bool   `json:"osi_approved"`
	Deprecated  bool   `json:"deprecated"`
	Replacement string `json:"replacement"`
	Exception   bool   `json:"exception"`
	URL         string `json:"url"`
	HasText     bool   `json:"has_text"`
	Source      string `json:"source"`
}

func toJSON(info lic.Info) jsonLicense {
	return jsonLicense{
		ID:          info.ID,
		Name:        info.Name,
		NameZH:      info.NameZH,
		Category:    string(info.Category),
		Reason:      info.Reason,
		OSIApproved: info.OSIApproved,
		Deprecated:  info.Deprecated,
		Replacement: info.Replacement,
		Exception:   info.Exception,
		URL:         info.URL,
		HasText:     info.HasText,
		Source:      info.Source,
	}
}

func writeJSONList(w io.Writer, infos []lic.Info) error {
	out := make([]jsonLicense, 0, len(infos)) // [] rather than null when empty
	for _, info := range infos {
		out = append(out, toJSON(info))
	}
	return encodeJSON(w, out)
}

// encodeJSON writes v indented, without escaping <, > and & (which URLs
// and names contain) as \u003c and the like.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
