package licenses

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hengdev/heng/cmd/internal/cmdutil"
	"github.com/hengdev/heng/cmd/internal/iostreams"
	"github.com/hengdev/heng/cmd/internal/output"
	"github.com/hengdev/heng/internal/human"
	lic "github.com/hengdev/heng/licenses"
)

// showWidth is the width show wraps its longer fields to. It is fixed,
// not the terminal's, so the output is the same everywhere.
const showWidth = 80

// labelWidth is the width of the field labels of show, "Chinese name: "
// the widest.
const labelWidth = 14

// suggestions is how many "did you mean" ids an unknown id gets.
const suggestions = 3

type showOptions struct {
	IO     *iostreams.IOStreams
	ID     string
	Format string
	Output string
}

// NewCmdShow returns the `licenses show` command. runF, when not nil,
// replaces the command's work so tests can check how flags and arguments
// were parsed into options.
func NewCmdShow(f *cmdutil.Factory, runF func(*showOptions) error) *cobra.Command {
	opts := &showOptions{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "show <id>",
		Short: "Explain one license and print its text",
		Long: `Show what heng knows about one license or exception: its names (English and
Chinese), its category and what that asks of you, why it has that category,
whether the Open Source Initiative approved it, whether SPDX deprecated it
and what replaces it, its reference URL, and then its full text when heng
ships one (every SPDX license, and the Mulan texts that were found).

The id is an SPDX id or a heng LicenseRef, in any case: "mit" shows MIT. An
id heng does not know is an error that suggests the closest ids. show takes
one id; for an SPDX expression such as "MIT OR Apache-2.0", show each id.

--format json gives the fields of "heng licenses --format json" plus
"obligations" and "text".`,
		Example: `  # The Mulan Permissive Software License v2, with its Chinese and English text
  $ heng licenses show MulanPSL-2.0

  # Ids are not case-sensitive
  $ heng licenses show mit

  # An exception (used after WITH)
  $ heng licenses show Classpath-exception-2.0

  # One field, for scripts
  $ heng licenses show mit --format json | jq -r .category

  # Save a license text
  $ heng licenses show Apache-2.0 --format json | jq -r .text > LICENSE`,
		Args: showArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != formatText && opts.Format != formatJSON {
				return cmdutil.FlagErrorf("unknown format %q for --format; available: %s, %s", opts.Format, formatText, formatJSON)
			}
			opts.ID = strings.TrimSpace(args[0])
			if runF != nil {
				return runF(opts)
			}
			return runShow(opts)
		},
		ValidArgsFunction: completeIDs,
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", formatText, "output `format`: text or json")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` instead of stdout (written whole or not at all)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{formatText, formatJSON}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// showArgs accepts exactly one license id. Several words, or one with
// operators or parentheses, are an SPDX expression (perhaps unquoted),
// which show cannot explain as one license: the error names the ids to
// show one by one.
func showArgs(_ *cobra.Command, args []string) error {
	joined := strings.TrimSpace(strings.Join(args, " "))
	if joined == "" {
		return cmdutil.FlagErrorf("missing license id: heng licenses show <id>, for example heng licenses show MIT")
	}
	if len(args) == 1 && !strings.ContainsAny(joined, " \t\r\n()") {
		return nil
	}
	ids, isExpr := splitExpression(joined)
	if isExpr {
		return cmdutil.FlagErrorf("show takes one license id, not an SPDX expression (%q); show each id on its own: %s", joined, strings.Join(ids, ", "))
	}
	return cmdutil.FlagErrorf("show takes one license id, got %d: %s", len(ids), strings.Join(ids, ", "))
}

// splitExpression returns the ids in what may be an SPDX expression, and
// whether it has operators (AND, OR, WITH in any case) or parentheses.
func splitExpression(s string) (ids []string, isExpr bool) {
	isExpr = strings.ContainsAny(s, "()")
	for _, w := range strings.Fields(strings.NewReplacer("(", " ", ")", " ").Replace(s)) {
		switch strings.ToUpper(w) {
		case "AND", "OR", "WITH":
			isExpr = true
			continue
		}
		ids = append(ids, w)
	}
	return ids, isExpr
}

// completeIDs completes the argument of show with every id heng knows.
func completeIDs(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var ids []string
	prefix := strings.ToLower(toComplete)
	for _, info := range lic.All() {
		if strings.HasPrefix(strings.ToLower(info.ID), prefix) {
			ids = append(ids, info.ID+"\t"+info.Name)
		}
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}

// lookup finds id, compared without regard to case, or returns an error
// that suggests the closest known ids.
func lookup(id string) (lic.Info, error) {
	if info, ok := lic.Lookup(id); ok {
		return info, nil
	}
	if s := lic.Suggest(id, suggestions); len(s) > 0 {
		return lic.Info{}, fmt.Errorf("unknown license %q; did you mean %s?", id, strings.Join(s, ", "))
	}
	return lic.Info{}, fmt.Errorf("unknown license %q; to search the names, run: heng licenses --search %q", id, id)
}

func runShow(opts *showOptions) error {
	info, err := lookup(opts.ID)
	if err != nil {
		return err
	}
	text, hasText := lic.Text(info.ID)
	if info.HasText && !hasText {
		return errors.New("the text of " + info.ID + " is missing from heng's data; this is a bug in heng")
	}
	ios := opts.IO
	color := (opts.Output == "" || opts.Output == output.Stdout) && ios.ColorEnabled()
	return output.WriteFile(opts.Output, ios.Out, func(w io.Writer) error {
		if opts.Format == formatJSON {
			return encodeJSON(w, jsonShow{
				jsonLicense: toJSON(info),
				Obligations: obligationsOf(info),
				Text:        text,
			})
		}
		var cs *iostreams.ColorScheme
		if color {
			cs = ios.ColorScheme()
		}
		return writeShow(w, info, text, hasText, cs)
	})
}

// jsonShow is `heng licenses show --format json`: the fields of the
// listing plus what the category asks and the full text ("" when heng
// ships none; see has_text).
type jsonShow struct {
	jsonLicense
	Obligations string `json:"obligations"`
	Text        string `json:"text"`
}

// writeShow writes the readable form of show: the id, one field per line
// (long ones wrapped, continuation lines indented), a blank line and the
// text. cs may be nil for no colour.
func writeShow(w io.Writer, info lic.Info, text string, hasText bool, cs *iostreams.ColorScheme) error {
	var b strings.Builder
	field := func(label, value string) {
		if value == "" {
			return
		}
		lines := human.Wrap(value, showWidth-labelWidth)
		fmt.Fprintf(&b, "%-*s%s\n", labelWidth, label+":", lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(&b, "%*s%s\n", labelWidth, "", l)
		}
	}
	id := info.ID
	if cs != nil {
		id = cs.Bold(id)
	}
	b.WriteString(id + "\n")
	field("Name", info.Name)
	field("Chinese name", info.NameZH)
	if info.Exception {
		field("Kind", "license exception (used after WITH)")
	}
	category := string(info.Category)
	if zh := CategoryNameZH(info.Category); zh != "" && !info.Exception {
		category += " (" + zh + ")"
	}
	if info.Exception {
		category += " (exceptions have no category of their own)"
	}
	field("Category", category)
	field("Obligations", obligationsOf(info))
	field("Why", info.Reason)
	if !info.Exception {
		field("OSI", map[bool]string{true: "approved", false: "not approved"}[info.OSIApproved])
	}
	switch {
	case !info.Deprecated:
		field("Deprecated", "no")
	case info.Replacement != "":
		field("Deprecated", "yes; use "+info.Replacement+" instead")
	default:
		field("Deprecated", "yes; SPDX names no single replacement")
	}
	field("URL", info.URL)
	if info.Source == "heng" {
		field("Source", "heng (a LicenseRef heng defines; not on the SPDX License List)")
	} else {
		field("Source", "SPDX License List "+lic.ListVersion)
	}
	if !hasText {
		note := "heng ships no text for " + info.ID
		if info.URL != "" {
			note += "; see its URL"
		}
		field("Text", note)
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("\n")
	b.WriteString(text)
	if !strings.HasSuffix(text, "\n") {
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
