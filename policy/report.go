package policy

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/hengdev/heng/internal/human"
)

// WriteMarkdown writes a result as Markdown, for a pull-request comment:
// the verdict, the counts, and a table of the findings (errors first).
func WriteMarkdown(w io.Writer, res Result, policyName string) error {
	verdict := "✅ **passed**"
	if !res.Passed {
		verdict = "❌ **failed**"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### heng license check: %s\n\n", verdict)
	fmt.Fprintf(&b, "%d packages checked against `%s`: %s, %s, %d waived.\n",
		res.Summary.Packages, mdCode(policyName), count(res.Summary.Errors, "error"), count(res.Summary.Warnings, "warning"), res.Summary.Waived)
	if len(res.Findings) > 0 {
		b.WriteString("\n| | package | license | source | why |\n|---|---|---|---|---|\n")
		for _, sev := range []string{Error, Warning, Waived} {
			icon := map[string]string{Error: "❌ error", Warning: "⚠️ warning", Waived: "☑️ waived"}[sev]
			for _, f := range res.Findings {
				if f.Severity != sev {
					continue
				}
				who := f.PURL
				if who == "" {
					who = f.Name
				}
				fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s (`%s`) |\n", icon, mdCode(who), mdCell(f.License), f.Source, mdCell(f.Message), f.Rule)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

func mdCode(s string) string { return strings.ReplaceAll(s, "`", "'") }

// WriteJUnit writes a result as JUnit XML, for CI dashboards: one test
// case per package checked, failing with its errors (and, with
// failOnWarning, its warnings).
func WriteJUnit(w io.Writer, res Result, policyName string, failOnWarning bool) error {
	type failure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string    `xml:"name,attr"`
		Classname string    `xml:"classname,attr"`
		Failures  []failure `xml:"failure"`
		SystemOut string    `xml:"system-out,omitempty"`
	}
	type suite struct {
		XMLName  xml.Name   `xml:"testsuite"`
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Cases    []testcase `xml:"testcase"`
	}
	s := suite{Name: "heng check " + policyName}
	byPkg := map[string]int{}
	for _, f := range res.Findings {
		key := f.PURL + "\x00" + f.Name
		i, ok := byPkg[key]
		if !ok {
			name := f.PURL
			if name == "" {
				name = f.Name
			}
			i = len(s.Cases)
			byPkg[key] = i
			s.Cases = append(s.Cases, testcase{Name: name, Classname: "heng.license"})
		}
		line := fmt.Sprintf("%s: %s (%s)", f.Severity, f.Message, f.Rule)
		if f.Source != "" {
			line += " [" + f.Source + "]"
		}
		if f.Severity == Error || f.Severity == Warning && failOnWarning {
			s.Cases[i].Failures = append(s.Cases[i].Failures, failure{Message: f.Message, Type: f.Rule, Text: line})
		} else {
			s.Cases[i].SystemOut = strings.TrimPrefix(s.Cases[i].SystemOut+"\n"+line, "\n")
		}
	}
	// Packages without findings passed; they count as tests too.
	s.Tests = max(res.Summary.Packages, len(s.Cases))
	for _, c := range s.Cases {
		if len(c.Failures) > 0 {
			s.Failures++
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(s); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// count writes "1 error", "2 errors".
func count(n int, noun string) string {
	return fmt.Sprintf("%d %s", n, human.Plural(n, noun, noun+"s"))
}
