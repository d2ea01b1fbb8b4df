package notice

import (
	_ "embed"
	"html/template"
	"io"
)

// notice.html.tmpl is the HTML notice: one page with no external
// resource (styles inline, no script), so that it reads the same from a
// product's about box, an e-mail or a file share, offline. html/template
// escapes every value.
//
//go:embed notice.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("notice").Funcs(template.FuncMap{
	"packages": packagesCount,
	"lines":    bodyLines,
}).Parse(htmlSource))

func writeHTML(w io.Writer, v *view) error {
	return htmlTemplate.Execute(w, v)
}
