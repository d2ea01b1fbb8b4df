package iostreams

// SGR escape sequences; every helper resets everything afterwards, so a
// coloured piece never bleeds into the rest of the line.
const (
	sgrReset  = "\x1b[0m"
	sgrBold   = "\x1b[1m"
	sgrRed    = "\x1b[31m"
	sgrGreen  = "\x1b[32m"
	sgrYellow = "\x1b[33m"
	sgrCyan   = "\x1b[36m"
	sgrGray   = "\x1b[90m"
)

// ColorScheme wraps strings in terminal colours, or returns them unchanged
// when colour is off, so callers never need to check ColorEnabled themselves.
// Get one from IOStreams.ColorScheme.
type ColorScheme struct {
	enabled bool
}

// Enabled reports whether the scheme adds colour.
func (c *ColorScheme) Enabled() bool { return c.enabled }

func (c *ColorScheme) wrap(sgr, s string) string {
	if !c.enabled || s == "" {
		return s
	}
	return sgr + s + sgrReset
}

// Bold returns s in bold.
func (c *ColorScheme) Bold(s string) string { return c.wrap(sgrBold, s) }

// Red returns s in red: errors, denied licenses.
func (c *ColorScheme) Red(s string) string { return c.wrap(sgrRed, s) }

// Yellow returns s in yellow: warnings, licenses that need review.
func (c *ColorScheme) Yellow(s string) string { return c.wrap(sgrYellow, s) }

// Green returns s in green: success, allowed licenses.
func (c *ColorScheme) Green(s string) string { return c.wrap(sgrGreen, s) }

// Cyan returns s in cyan: names and paths worth picking out.
func (c *ColorScheme) Cyan(s string) string { return c.wrap(sgrCyan, s) }

// Gray returns s in gray: secondary detail.
func (c *ColorScheme) Gray(s string) string { return c.wrap(sgrGray, s) }
