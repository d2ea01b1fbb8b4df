package htmlreport

import (
	"bytes"
	"encoding/json"
	"html/template"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/licenses"
	"github.com/hengdev/heng/policy"
	"github.com/hengdev/heng/sbom/attribution"
	"github.com/hengdev/heng/sbom/sbomtest"
)

func write(t testing.TB, p *attribution.Project, lang string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, p, lang); err != nil {
		t.Fatalf("Write(%s): %v", lang, err)
	}
	return b.String()
}

func TestWrite(t *testing.T) {
	for _, lang := range Langs() {
		t.Run(lang, func(t *testing.T) {
			sbomtest.Golden(t, []byte(write(t, sample(), lang)))
		})
	}
	t.Run("lazy-en", func(t *testing.T) {
		lazy(t)
		sbomtest.Golden(t, []byte(write(t, sample(), "en")))
	})
}

// lazy makes the rest of a test write reports whose evidence is data,
// as a report on more than inlineEvidenceMax packages has it.
func lazy(t testing.TB) {
	old := inlineEvidenceMax
	inlineEvidenceMax = 0
	t.Cleanup(func() { inlineEvidenceMax = old })
}

// writeLazy writes the report on p with its evidence as data.
func writeLazy(t testing.TB, p *attribution.Project, lang string) string {
	t.Helper()
	old := inlineEvidenceMax
	inlineEvidenceMax = 0
	defer func() { inlineEvidenceMax = old }()
	return write(t, p, lang)
}

// TestLazyEvidence: a large report carries the evidence as JSON, which
// no data can break out of, and no evidence markup.
func TestLazyEvidence(t *testing.T) {
	lazy(t)
	p := sample()
	out := write(t, p, "en")
	_, blob, ok := strings.Cut(out, `<script type="application/json" id="evidence">`)
	blob, _, ok2 := strings.Cut(blob, "</script>")
	if !ok || !ok2 {
		t.Fatal("no evidence data in a lazy report")
	}
	var d evidenceData
	if err := json.Unmarshal([]byte(blob), &d); err != nil {
		t.Fatalf("evidence data: %v", err)
	}
	if len(d.Packages) != len(p.Packages) || len(d.Texts) != len(p.Texts) {
		t.Errorf("evidence data has %d packages and %d texts, want %d and %d", len(d.Packages), len(d.Texts), len(p.Packages), len(p.Texts))
	}
	for _, k := range evidenceKeys {
		if d.T[k] != catalogs["en"][k] {
			t.Errorf("evidence data: %s = %q, want %q", k, d.T[k], catalogs["en"][k])
		}
	}
	zh := write(t, p, "zh-CN")
	for _, k := range evidenceKeys {
		if v, _ := json.Marshal(catalogs["zh-CN"][k]); !strings.Contains(zh, string(v)) {
			t.Errorf("zh-CN evidence data lacks %s = %s", k, v)
		}
	}
	if strings.Contains(blob, "<") || strings.Contains(blob, ">") {
		t.Error("evidence data holds < or > unescaped")
	}
	if !strings.Contains(blob, `node_modules/\u003cscript\u003ealert(1)\u003c/script\u003e/UNLICENSE`) {
		t.Error("evidence data lacks the escaped markup-like path")
	}
	if strings.Contains(out, `<div class="ev">`) || strings.Count(out, `<button class="x"`) != len(p.Packages) {
		t.Error("a lazy report should have a button, not evidence markup, for each package")
	}
}

// TestDeterministic: the same project gives the same bytes, whatever the
// order maps are iterated in.
func TestDeterministic(t *testing.T) {
	for _, lang := range Langs() {
		first := write(t, sample(), lang)
		for range 5 {
			if got := write(t, sample(), lang); got != first {
				t.Fatalf("%s: two writes of the same project differ", lang)
			}
		}
	}
}

func TestUnknownLang(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, sample(), "fr")
	if err == nil || !strings.Contains(err.Error(), `"fr"`) || !strings.Contains(err.Error(), "en, zh-CN") {
		t.Errorf("Write(fr) = %v, want an error naming fr and the languages", err)
	}
	if b.Len() != 0 {
		t.Errorf("Write(fr) wrote %d bytes", b.Len())
	}
}

func TestNilProject(t *testing.T) {
	if err := Write(&bytes.Buffer{}, nil, "en"); err == nil {
		t.Error("Write(nil) succeeded")
	}
}

func TestLangFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"empty", nil, "en"},
		{"C", map[string]string{"LANG": "C"}, "en"},
		{"POSIX", map[string]string{"LANG": "POSIX"}, "en"},
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"en_US", map[string]string{"LANG": "en_US.UTF-8"}, "en"},
		{"de_DE", map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
		{"zh_CN", map[string]string{"LANG": "zh_CN.UTF-8"}, "zh-CN"},
		{"zh", map[string]string{"LANG": "zh"}, "zh-CN"},
		{"zh_SG.GB18030", map[string]string{"LANG": "zh_SG.GB18030"}, "zh-CN"},
		{"zh_TW", map[string]string{"LANG": "zh_TW.UTF-8"}, "zh-CN"},
		{"zh_HK@modifier", map[string]string{"LANG": "zh_HK@stroke"}, "zh-CN"},
		{"zh-Hans", map[string]string{"LANG": "zh-Hans"}, "zh-CN"},
		{"zu_ZA-is-not-chinese", map[string]string{"LANG": "zu_ZA.UTF-8"}, "en"},
		{"zhx-is-not-chinese", map[string]string{"LANG": "zhx"}, "en"},
		{"LC_ALL-wins", map[string]string{"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"},
		{"LC_ALL-C-wins", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"},
		{"LC_MESSAGES-before-LANG", map[string]string{"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh-CN"},
		{"empty-LC_ALL-skipped", map[string]string{"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh-CN"},
		{"LC_CTYPE-ignored", map[string]string{"LC_CTYPE": "zh_CN.UTF-8"}, "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LangFromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("LangFromEnv(%v) = %q, want %q", tt.env, got, tt.want)
			}
		})
	}
}

// TestCatalogs: every language has every key, and every value is
// translated.
func TestCatalogs(t *testing.T) {
	if got := slices.Sorted(keys(catalogs)); !slices.Equal(got, slices.Sorted(slices.Values(Langs()))) {
		t.Errorf("catalogs for %v, Langs() = %v", got, Langs())
	}
	en := catalogs["en"]
	for _, lang := range Langs() {
		c := catalogs[lang]
		if d := cmp.Diff(slices.Sorted(keys(en)), slices.Sorted(keys(c))); d != "" {
			t.Errorf("keys of %s differ from en's (-en +%s):\n%s", lang, lang, d)
		}
		if lang == "en" {
			continue
		}
		for k, v := range en {
			if c[k] == v {
				t.Errorf("%s: %s is not translated: %q", lang, k, v)
			}
		}
	}
}

func keys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestNoEnglishInChinese: the zh-CN report says nothing in English. The
// project's own strings (names, ids, paths, policy messages) are data and
// removed before looking, as are the script and style, which are code.
func TestNoEnglishInChinese(t *testing.T) {
	p := sample()
	out := visibleText(write(t, p, "zh-CN"))
	data := projectStrings(p)
	slices.SortFunc(data, func(a, b string) int { return len(b) - len(a) }) // longest first
	for _, s := range data {
		if s != "" {
			out = strings.ReplaceAll(out, s, "")
		}
	}
	for _, k := range slices.Sorted(keys(catalogs["en"])) {
		// Each stretch of a value between placeholders that has a word.
		for _, en := range placeholderRe.Split(catalogs["en"][k], -1) {
			en = strings.TrimSpace(en)
			if wordRe.MatchString(en) && strings.Contains(out, en) {
				t.Errorf("zh-CN report contains the English of %s: %q", k, en)
			}
		}
	}
	if !strings.Contains(out, "许可证报告") || !strings.Contains(out, "按许可证类别统计的软件包") {
		t.Errorf("zh-CN report lacks its Chinese title and chart title:\n%s", out)
	}
}

var (
	placeholderRe = regexp.MustCompile(`\{\w+\}`)
	wordRe        = regexp.MustCompile(`[A-Za-z]{3}`)
	codeRe        = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>`)
	tagRe         = regexp.MustCompile(`<[^>]*>`)
	readableRe    = regexp.MustCompile(`\b(title|placeholder|aria-label|alt|data-fmt)="([^"]*)"`)
)

// visibleText is the text a reader sees in a page, with the attributes a
// reader sees (title, placeholder, ...), unescaped.
func visibleText(page string) string {
	page = codeRe.ReplaceAllString(page, " ")
	page = tagRe.ReplaceAllStringFunc(page, func(tag string) string {
		var b strings.Builder
		for _, m := range readableRe.FindAllStringSubmatch(tag, -1) {
			b.WriteString(" " + m[2] + " ")
		}
		return b.String()
	})
	return unescape(page)
}

func unescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&#43;", "+", "&quot;", `"`, "&amp;", "&").Replace(s)
}

// projectStrings returns every string in a project.
func projectStrings(p *attribution.Project) []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(p))
	return out
}

// TestOffline: the report fetches nothing. No attribute or style names
// a URL but a same-page anchor or a data: URL, and the
// Content-Security-Policy, the first thing in <head> after the charset,
// forbids every fetch.
func TestOffline(t *testing.T) {
	for _, mode := range []string{"inline", "lazy"} {
		t.Run(mode, func(t *testing.T) {
			if mode == "lazy" {
				lazy(t)
			}
			offline(t)
		})
	}
}

func offline(t *testing.T) {
	for _, lang := range Langs() {
		out := write(t, sample(), lang)
		for _, re := range []*regexp.Regexp{
			regexp.MustCompile(`(?i)\b(src|href|action|srcset|poster|data|xlink:href)\s*=\s*"?\s*(https?:|//|ftp:|file:)`),
			regexp.MustCompile(`(?i)url\(\s*['"]?\s*(https?:|//)`),
			regexp.MustCompile(`(?i)@import`),
			regexp.MustCompile(`(?i)<(iframe|object|embed|img|link rel="stylesheet"|base)\b`),
			regexp.MustCompile(`(?i)\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\b`),
		} {
			if m := re.FindString(out); m != "" {
				t.Errorf("%s: report may fetch something: %q", lang, m)
			}
		}
		for _, m := range regexp.MustCompile(`(?i)\b(?:src|href)="([^"]*)"`).FindAllStringSubmatch(out, -1) {
			if !strings.HasPrefix(m[1], "#") && !strings.HasPrefix(m[1], "data:") {
				t.Errorf("%s: link to %q", lang, m[1])
			}
		}
		const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`
		head, _, _ := strings.Cut(out, "</head>")
		i := strings.Index(head, csp)
		if i < 0 || i > strings.Index(head, "<style") || i > strings.Index(head, "<title") {
			t.Errorf("%s: the Content-Security-Policy is missing or not before the styles:\n%s", lang, head)
		}
		if n := strings.Count(out, "<script"); n != 1+strings.Count(out, `<script type="application/json" id="evidence">`) {
			t.Errorf("%s: %d script elements, want the inline script and at most the evidence data", lang, n)
		}
		if n := strings.Count(out, "<script>"); n != 1 {
			t.Errorf("%s: %d scripts, want one", lang, n)
		}
	}
}

// TestEscaping: data that looks like markup is shown, not run.
func TestEscaping(t *testing.T) {
	out := write(t, sample(), "en")
	lazy(t)
	out += write(t, sample(), "en")
	for _, bad := range []string{"<script>alert", "</script><script>", "alert('text')</script>"} {
		if strings.Contains(out, bad) {
			t.Errorf("report holds unescaped %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;/script&gt;&lt;script&gt;alert(&#39;text&#39;)"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks escaped %q", want)
		}
	}
}

// TestContents checks what the golden file would only show in passing:
// each text once, the charts' bars, the summary's facts.
func TestContents(t *testing.T) {
	p := sample()
	out := write(t, p, "en")
	for i, tx := range p.Texts {
		body := template.HTMLEscapeString(tx.Body)
		if n := strings.Count(out, body); n != 1 {
			t.Errorf("text %d (%v) appears %d times, want once", i, tx.Licenses, n)
		}
	}
	for _, c := range []struct {
		re   string
		want int
	}{
		{`<div class="p"`, len(p.Packages)},
		{`<rect class="seg"`, len(licenses.Categories())}, // the sample has them all
		{`<svg id="chart-licenses"(?s:.*?)</svg>`, 1},
		{`data-d="1"`, 1},
		{`class="expired"`, 1},
		{`<details class="lt"`, 13},
	} {
		if got := len(regexp.MustCompile(c.re).FindAllString(out, -1)); got != c.want {
			t.Errorf("%s: %d matches, want %d", c.re, got, c.want)
		}
	}
	lic := regexp.MustCompile(`(?s)<svg id="chart-licenses".*?</svg>`).FindString(out)
	if n := strings.Count(lic, `<rect class="bar"`); n != topLicenses+1 || !strings.Contains(lic, "other (2 licenses)") {
		t.Errorf("license chart: %d bars, want %d with other (2 licenses):\n%s", n, topLicenses+1, lic)
	}
	eco := regexp.MustCompile(`(?s)<svg id="chart-ecosystems".*?</svg>`).FindString(out)
	if n := strings.Count(eco, `<rect class="bar"`); n != 6 {
		t.Errorf("ecosystem chart: %d bars, want 6", n)
	}
	for _, want := range []string{
		`<html lang="en">`,
		`<time datetime="2025-03-14T09:30:00Z">2025-03-14</time>`,
		"<dd>heng v1.2.3</dd>", "<dd>1234</dd>", "<dd>14</dd>",
		`failed (5 errors, 2 warnings, 2 waived)`,
		"no license file found in the package: the canonical text of MIT is given",
		"Copyright (C) 2009 Old DB Team",
		"1–339",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestVariants covers what the sample does not: no policy, an SBOM, no
// date, no packages, indices out of range, unknown verdicts and
// categories.
func TestVariants(t *testing.T) {
	tests := []struct {
		name          string
		edit          func(p *attribution.Project)
		want, notWant []string
	}{
		{
			name: "no-policy",
			edit: func(p *attribution.Project) {
				p.Policy, p.Result, p.Exceptions = "", nil, nil
				for i := range p.Packages {
					p.Packages[i].Verdict, p.Packages[i].Findings = "", nil
				}
			},
			want:    []string{"no policy checked", "No policy was checked", `<option value="none">Not checked</option>`},
			notWant: []string{`<option value="pass">`, "Exceptions"},
		},
		{
			name:    "sbom",
			edit:    func(p *attribution.Project) { p.FromSBOM, p.Files = true, -1 },
			want:    []string{"not known: the packages come from an SBOM"},
			notWant: []string{"<dd>1234</dd>"},
		},
		{
			name:    "no-date",
			edit:    func(p *attribution.Project) { p.Created = time.Time{} },
			notWant: []string{"<time", ">Date<"},
		},
		{
			name: "no-packages",
			edit: func(p *attribution.Project) {
				p.Packages, p.Texts, p.Roots, p.Name = nil, nil, nil, ""
				p.Result = &policy.Result{Passed: true, Findings: []policy.Finding{}}
			},
			want:    []string{"No third-party packages were found.", "No packages.", "(unnamed project)", "passed (0 errors, 0 warnings, 0 waived)", "No license text is at hand."},
			notWant: []string{`id="pkgs"`, `<rect class="bar"`},
		},
		{
			name: "bad-indices-and-values",
			edit: func(p *attribution.Project) {
				p.Packages[0].Texts = []int{-1, 99}
				p.Packages[0].Verdict = "catastrophic"
				p.Packages[0].Category = "made-up"
				p.Packages[1].Category = ""
			},
			want: []string{`data-v="none"`},
		},
		{
			name: "braces-in-data",
			edit: func(p *attribution.Project) { p.Texts[0].File = "{file}/{n}" },
			want: []string{"the text of {file}/{n}"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sample()
			tt.edit(p)
			for _, lang := range Langs() {
				out := write(t, p, lang)
				writeLazy(t, p, lang) // must not fail either
				if lang != "en" {
					continue
				}
				for _, w := range tt.want {
					if !strings.Contains(out, w) {
						t.Errorf("report lacks %q", w)
					}
				}
				for _, w := range tt.notWant {
					if strings.Contains(out, w) {
						t.Errorf("report holds %q", w)
					}
				}
			}
		})
	}
}

// FuzzWrite: whatever the strings of a project hold, Write succeeds and
// the page has exactly its own script and style elements, with the
// evidence in the rows and as data.
func FuzzWrite(f *testing.F) {
	f.Add("<script>alert(1)</script>", "</script", "MIT OR <b>", "{n}")
	f.Add("", "\x00\xff", "]]>", "<!--")
	f.Add("名称", "</style><style>", "' onerror='x", "javascript:alert(1)")
	defer func(limit int) { inlineEvidenceMax = limit }(inlineEvidenceMax)
	f.Fuzz(func(t *testing.T, name, body, license, note string) {
		p := sample()
		p.Name = name
		p.Packages[1].Name = name
		p.Packages[1].PURL = license
		p.Packages[1].Declared = license
		p.Packages[1].License = license
		p.Packages[1].Ecosystem = note
		p.Packages[1].Notes = []string{note}
		p.Packages[1].Copyrights = []string{body}
		p.Packages[1].Evidence[0].File = name
		p.Texts[0].Body = body
		p.Texts[0].File = note
		p.Exceptions[0].Reason = body
		p.Result.Findings[0].Message = note
		for _, lang := range Langs() {
			for _, limit := range []int{1000, 0} {
				inlineEvidenceMax = limit
				var b bytes.Buffer
				if err := Write(&b, p, lang); err != nil {
					t.Fatal(err)
				}
				out := strings.ToLower(b.String())
				want := 1
				if limit == 0 {
					want = 2 // and the evidence data
				}
				if n := strings.Count(out, "<script"); n != want {
					t.Errorf("%s, %d inline: %d script elements, want %d", lang, limit, n, want)
				}
				if n := strings.Count(out, "<style"); n != 1 {
					t.Errorf("%s, %d inline: %d style elements", lang, limit, n)
				}
			}
		}
	})
}
