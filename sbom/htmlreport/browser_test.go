package htmlreport

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"github.com/hengdev/heng/sbom/attribution"
)

var screenshot = flag.Bool("screenshot", false, "write full-page screenshots of the sample report to docs/report.png and docs/report-zh-CN.png")

// browserTimeout bounds each browser session, start-up included.
const browserTimeout = 60 * time.Second

// findBrowser returns the Chromium to test with: $HENG_CHROMIUM, else
// chromium, chromium-browser or google-chrome on the PATH. Without one the
// test is skipped, unless HENG_REQUIRE_BROWSER=1 (CI) makes that a
// failure.
func findBrowser(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("HENG_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("HENG_REQUIRE_BROWSER") == "1" {
		t.Fatal("no browser: set HENG_CHROMIUM or install chromium (HENG_REQUIRE_BROWSER=1 forbids skipping)")
	}
	t.Skip("no browser: set HENG_CHROMIUM or install chromium")
	return ""
}

// session is a headless browser tab that records what would make a
// report broken: script exceptions, console errors and network requests.
type session struct {
	ctx context.Context

	mu       sync.Mutex
	problems []string
	requests []string
	pages    map[string]bool // opened: the only requests allowed
}

func newSession(t testing.TB, width, height int) *session {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(findBrowser(t)),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root
		chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(width, height),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, browserTimeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	s := &session{ctx: ctx, pages: map[string]bool{}}
	chromedp.ListenTarget(ctx, func(ev any) {
		s.mu.Lock()
		defer s.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			s.problems = append(s.problems, "exception: "+ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning || ev.Type == runtime.APITypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				s.problems = append(s.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.LevelError || ev.Entry.Level == log.LevelWarning {
				s.problems = append(s.problems, fmt.Sprintf("log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		case *network.EventRequestWillBeSent:
			s.requests = append(s.requests, ev.Request.URL)
		}
	})
	if err := chromedp.Run(ctx); err != nil { // start the browser
		t.Fatalf("start %s: %v", findBrowser(t), err)
	}
	return s
}

// check fails the test on any exception, console error or request for
// anything but the reports opened.
func (s *session) check(t testing.TB) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.problems {
		t.Errorf("browser: %s", p)
	}
	for _, r := range s.requests {
		if !s.pages[r] {
			t.Errorf("browser requested %s", r)
		}
	}
}

func (s *session) run(t testing.TB, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(s.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// writeReport writes the report on p to a temporary file and returns its
// file:// URL.
func writeReport(t testing.TB, p *attribution.Project, lang string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "report-"+lang+".html")
	out, err := os.Create(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(out, p, lang); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(f)}).String()
}

// open loads a report and waits for its script to be ready.
func (s *session) open(t testing.TB, page string) {
	t.Helper()
	s.mu.Lock()
	s.pages[page] = true
	s.mu.Unlock()
	// Drop the mark of the page shown, so as not to take it for the new
	// one's: reopening a page can return before the new document is in.
	s.run(t,
		chromedp.Evaluate(`document.documentElement.removeAttribute("data-ready")`, nil),
		chromedp.Navigate(page),
		chromedp.WaitReady(`html[data-ready="1"]`, chromedp.ByQuery),
	)
}

// visible returns the names of the packages the table shows, in order.
const visibleJS = `Array.from(document.querySelectorAll("#pkgs > .p")).filter(b => !b.hidden && b.offsetParent !== null).map(b => b.firstElementChild.children[0].firstChild ? b.firstElementChild.children[0].firstChild.data.trim() : "")`

func (s *session) visible(t testing.TB) []string {
	t.Helper()
	var names []string
	s.run(t, chromedp.Evaluate(visibleJS, &names))
	return names
}

func (s *session) eval(t testing.TB, js string, res any) {
	t.Helper()
	s.run(t, chromedp.Evaluate(js, res))
}

// clearFilter empties the filter box. (chromedp.SetValue cannot: it
// sends "" as undefined.)
var clearFilter = chromedp.Evaluate(`(() => { const f = document.getElementById("filter"); f.value = ""; f.dispatchEvent(new Event("input", {bubbles: true})); })()`, nil)

// selectValue picks an option as a reader does, which fires "change".
func selectValue(id, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); })()`, id, value), nil)
}

func sortedNames(names ...string) []string {
	return slices.Sorted(slices.Values(names))
}

// TestBrowser opens the sample report in headless Chromium and uses it as
// a reader would.
func TestBrowser(t *testing.T) {
	s := newSession(t, 1280, 900)
	p := sample()
	page := writeReport(t, p, "en")
	s.open(t, page)

	all := s.visible(t)
	if len(all) != len(p.Packages) {
		t.Fatalf("table shows %d packages, want %d: %q", len(all), len(p.Packages), all)
	}
	var count string
	s.eval(t, `document.getElementById("count").textContent`, &count)
	if count != "14 of 14 packages shown" {
		t.Errorf("counter = %q", count)
	}

	t.Run("filter-text", func(t *testing.T) {
		for _, tc := range []struct {
			typed string
			want  []string
			count string
		}{
			{"left", []string{"left-pad"}, "1 of 14 packages shown"},
			{"PKG:PYPI", []string{"ghostscript-py", "requests"}, "2 of 14 packages shown"}, // a purl, any case
			{"agpl", []string{"ghostscript-py"}, "1 of 14 packages shown"},                 // a license
			{"npm mit", []string{"left-pad", "react"}, "2 of 14 packages shown"},           // every word
			{"nothing-like-this", []string{}, "0 of 14 packages shown"},
		} {
			s.run(t, clearFilter, chromedp.SendKeys("#filter", tc.typed, chromedp.ByID))
			got := s.visible(t)
			if d := cmp.Diff(sortedNames(tc.want...), sortedNames(got...)); d != "" {
				t.Errorf("typing %q shows (-want +got):\n%s", tc.typed, d)
			}
			s.eval(t, `document.getElementById("count").textContent`, &count)
			if count != tc.count {
				t.Errorf("typing %q: counter = %q, want %q", tc.typed, count, tc.count)
			}
		}
		s.run(t, clearFilter, chromedp.SendKeys("#filter", "x\b", chromedp.ByID))
		if got := s.visible(t); len(got) != len(p.Packages) {
			t.Errorf("cleared filter shows %d packages", len(got))
		}
	})

	t.Run("filter-selects", func(t *testing.T) {
		for _, tc := range []struct {
			id, value string
			want      []string
		}{
			{"f-verdict", "error", []string{"@acme/search-engine", "ghostscript-py", "mysql-legacy", "mystery"}},
			{"f-verdict", "warning", []string{"github.com/hashicorp/vault/api"}},
			{"f-verdict", "waived", []string{"org.mariadb.jdbc:mariadb-java-client", "private-sdk"}},
			{"f-category", "weak-copyleft", []string{"github.com/hashicorp/vault/api", "org.mariadb.jdbc:mariadb-java-client"}},
			{"f-category", "public-domain", []string{"<script>alert(1)</script>"}},
			{"f-ecosystem", "golang", []string{"github.com/hashicorp/vault/api", "github.com/spf13/cobra"}},
			{"f-ecosystem", "generic", []string{"zlib"}},
		} {
			s.run(t, selectValue(tc.id, tc.value))
			if d := cmp.Diff(sortedNames(tc.want...), sortedNames(s.visible(t)...)); d != "" {
				t.Errorf("%s=%s shows (-want +got):\n%s", tc.id, tc.value, d)
			}
			s.run(t, selectValue(tc.id, ""))
		}
		// Filters combine.
		s.run(t, selectValue("f-ecosystem", "npm"), selectValue("f-verdict", "pass"))
		if d := cmp.Diff(sortedNames("<script>alert(1)</script>", "left-pad", "react"), sortedNames(s.visible(t)...)); d != "" {
			t.Errorf("npm and pass shows (-want +got):\n%s", d)
		}
		s.run(t, selectValue("f-ecosystem", ""), selectValue("f-verdict", ""))
	})

	t.Run("disagreements", func(t *testing.T) {
		s.run(t, chromedp.Click("#f-disagree", chromedp.ByID))
		if d := cmp.Diff([]string{"left-pad"}, s.visible(t)); d != "" {
			t.Errorf("disagreements only (-want +got):\n%s", d)
		}
		var marker string
		s.eval(t, `document.querySelector(".p[data-d] abbr.dis").title`, &marker)
		if !strings.Contains(marker, "differ") {
			t.Errorf("disagreement marker title = %q", marker)
		}
		s.run(t, chromedp.Click("#f-disagree", chromedp.ByID))
		if got := s.visible(t); len(got) != len(p.Packages) {
			t.Errorf("toggle off shows %d packages", len(got))
		}
	})

	t.Run("sort", func(t *testing.T) {
		letters := func(names []string) []string { // names a collator orders like ASCII
			var out []string
			for _, n := range names {
				if n[0] >= 'a' && n[0] <= 'z' {
					out = append(out, n)
				}
			}
			return out
		}
		s.run(t, chromedp.Click(`[data-key="name"] button`, chromedp.ByQuery))
		asc := s.visible(t)
		want := []string{"ghostscript-py", "github.com/hashicorp/vault/api", "github.com/spf13/cobra", "left-pad", "mysql-legacy", "mystery", "org.mariadb.jdbc:mariadb-java-client", "private-sdk", "react", "requests", "serde", "zlib"}
		if d := cmp.Diff(want, letters(asc)); d != "" {
			t.Errorf("name ascending (-want +got):\n%s", d)
		}
		if len(asc) != len(p.Packages) {
			t.Errorf("sorting lost rows: %q", asc)
		}
		s.run(t, chromedp.Click(`[data-key="name"] button`, chromedp.ByQuery))
		desc := s.visible(t)
		rev := slices.Clone(desc)
		slices.Reverse(rev)
		if d := cmp.Diff(asc, rev); d != "" {
			t.Errorf("name descending is not ascending reversed (-asc +reversed desc):\n%s", d)
		}
		var state []string
		s.eval(t, `Array.from(document.querySelectorAll("#pkgs [role=columnheader]")).map(th => th.getAttribute("aria-sort") || "")`, &state)
		if state[0] != "descending" || slices.ContainsFunc(state[1:], func(s string) bool { return s != "" }) {
			t.Errorf("aria-sort = %q", state)
		}

		// Versions compare as numbers; a package without one comes last.
		s.run(t, chromedp.Click(`[data-key="version"] button`, chromedp.ByQuery))
		var versions []string
		s.eval(t, `Array.from(document.querySelectorAll("#pkgs > .p")).map(b => b.firstElementChild.children[1].textContent)`, &versions)
		wantVersions := []string{"0.0.1", "0.1.0", "0.7.1", "1.0.0", "1.0.210", "1.3.0", "2.0.0", "2.32.3", "3.1.0", "8.0.0", "18.3.1", "v1.8.1", "v1.14.0", ""}
		if d := cmp.Diff(wantVersions, versions); d != "" {
			t.Errorf("version ascending (-want +got):\n%s", d)
		}

		// Verdicts sort worst first.
		s.run(t, chromedp.Click(`[data-key="verdict"] button`, chromedp.ByQuery))
		var verdicts []string
		s.eval(t, `Array.from(document.querySelectorAll("#pkgs > .p")).map(b => b.dataset.v)`, &verdicts)
		if d := cmp.Diff([]string{"error", "error", "error", "error", "warning", "waived", "waived", "pass", "pass", "pass", "pass", "pass", "pass", "pass"}, verdicts); d != "" {
			t.Errorf("verdict ascending (-want +got):\n%s", d)
		}
		// Sorting keeps each package's evidence with it.
		var paired bool
		s.eval(t, `Array.from(document.querySelectorAll("#pkgs > .p")).every(b => b.children.length === 2 && b.children[1].matches("details.x"))`, &paired)
		if !paired {
			t.Error("a package lost its evidence row")
		}
	})

	t.Run("evidence", func(t *testing.T) {
		const pkg = `Array.from(document.querySelectorAll("#pkgs > .p")).find(b => b.firstElementChild.children[0].textContent === "left-pad")`
		var open bool
		s.eval(t, pkg+`.querySelector("details.x").open`, &open)
		if open {
			t.Fatal("evidence open before the reader asks")
		}
		// A click on the row unfolds it, as does one on its summary.
		s.eval(t, pkg+`.firstElementChild.children[1].click()`, nil)
		s.eval(t, pkg+`.querySelector("details.x").open`, &open)
		if !open {
			t.Fatal("a click on the row did not unfold the evidence")
		}
		var ev string
		// On screen: innerText is empty where content-visibility skips.
		s.eval(t, pkg+`.scrollIntoView()`, nil)
		s.run(t, chromedp.Poll(pkg+`.querySelector("details.x").innerText`, &ev, chromedp.WithPollingTimeout(5*time.Second)))
		for _, want := range []string{"web/node_modules/left-pad/LICENSE", "1–21", "Copyright (c) 2018 left-pad contributors", "MIT — the text of vendor/serde/LICENSE-MIT"} {
			if !strings.Contains(ev, want) {
				t.Errorf("evidence lacks %q:\n%s", want, ev)
			}
		}
		var text string
		s.eval(t, pkg+`.querySelector("details.lt pre").textContent`, &text)
		if text != "" {
			t.Errorf("license text copied before it was asked for: %q", text)
		}
		s.eval(t, pkg+`.querySelector("details.lt > summary").click()`, nil)
		s.run(t, chromedp.Poll(pkg+`.querySelector("details.lt pre").textContent.length > 0`, nil, chromedp.WithPollingTimeout(5*time.Second)))
		s.eval(t, pkg+`.querySelector("details.lt pre").textContent`, &text)
		if !strings.Contains(text, "Permission is hereby granted, free of charge") {
			t.Errorf("license text shown = %q", text)
		}
		var seeHidden bool
		s.eval(t, pkg+`.querySelector("details.lt .see").offsetParent === null`, &seeHidden)
		if !seeHidden {
			t.Error("the no-script link to the text is shown beside the text")
		}

		// A link to a text unfolds it in the License texts section.
		s.eval(t, `location.hash = "#t4"`, nil)
		s.run(t, chromedp.Poll(`document.getElementById("t4").closest("details").open`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	})

	t.Run("charts", func(t *testing.T) {
		for _, tc := range []struct {
			sel  string
			want int
		}{
			{"#chart-categories rect.seg", 8},
			{"#chart-categories rect.key", 8},
			{"#chart-licenses rect.bar", 11},
			{"#chart-ecosystems rect.bar", 6},
		} {
			var n int
			s.eval(t, fmt.Sprintf(`Array.from(document.querySelectorAll(%q)).filter(r => r.getBBox().width > 0).length`, tc.sel), &n)
			if n != tc.want {
				t.Errorf("%s: %d drawn, want %d", tc.sel, n, tc.want)
			}
		}
		var label string
		s.eval(t, `document.querySelector("#chart-categories").getAttribute("aria-labelledby").split(" ").map(id => document.getElementById(id).textContent).join(" | ")`, &label)
		if !strings.HasPrefix(label, "Packages by license category | Public domain: 1; Permissive: 6;") {
			t.Errorf("category chart's accessible name and description = %q", label)
		}
	})

	t.Run("no-script-fallback", func(t *testing.T) {
		// What a reader without JavaScript gets: the controls stay hidden,
		// every row and its folded evidence are there.
		var n int
		s.eval(t, `(() => { const d = new DOMParser().parseFromString(document.documentElement.outerHTML, "text/html"); return d.querySelectorAll("#pkgs > .p details").length; })()`, &n)
		if n < len(p.Packages) {
			t.Errorf("%d evidence blocks in the page, want at least %d", n, len(p.Packages))
		}
	})

	if *screenshot {
		shoot(t, s, page, filepath.Join("..", "..", "docs", "report.png"))
	}
	t.Run("lazy-evidence", func(t *testing.T) {
		// A large report writes the evidence from data when asked: it must
		// read as the evidence written in the rows.
		read := func(into *[]string) {
			// The texts are copied on the toggle event, which follows.
			s.eval(t, `document.querySelectorAll("#pkgs details.lt").forEach(d => d.open = true)`, nil)
			s.run(t, chromedp.Poll(`Array.from(document.querySelectorAll("#pkgs details.lt pre")).every(p => p.textContent)`, nil, chromedp.WithPollingTimeout(5*time.Second)))
			// innerText is empty for rows content-visibility skips: show
			// them all.
			s.run(t, chromedp.EmulateViewport(1280, 20000),
				chromedp.Evaluate(`window.scrollTo(0, 0)`, nil),
				chromedp.Poll(`(() => { const a = Array.from(document.querySelectorAll("#pkgs > .p")).map(p => p.querySelector("details.x").innerText); return a.every(Boolean) && a; })()`, into, chromedp.WithPollingTimeout(5*time.Second)),
				chromedp.EmulateViewport(1280, 900))
		}
		s.open(t, page)
		var inline []string
		s.eval(t, `document.querySelectorAll("#pkgs details.x").forEach(d => d.open = true)`, nil)
		read(&inline)
		if len(inline) != len(p.Packages) || !strings.Contains(inline[7], "web/node_modules/left-pad/LICENSE") || !strings.Contains(inline[7], "Permission is hereby granted") {
			t.Fatalf("evidence in the rows reads %q", inline)
		}

		lazy(t)
		lazyPage := writeReport(t, p, "en")
		s.open(t, lazyPage)
		var buttons int
		s.eval(t, `document.querySelectorAll("#pkgs > .p > button.x").length`, &buttons)
		if buttons != len(p.Packages) {
			t.Fatalf("%d evidence buttons, want %d", buttons, len(p.Packages))
		}
		// By the button, or by a click on the row.
		s.eval(t, `document.querySelectorAll("#pkgs > .p").forEach((p, i) => i % 2 ? p.querySelector("button.x").click() : p.firstElementChild.children[1].click())`, nil)
		var got []string
		read(&got)
		if d := cmp.Diff(inline, got); d != "" {
			t.Errorf("evidence from data differs from evidence in the rows (-rows +data):\n%s", d)
		}
		var text string
		s.eval(t, `document.querySelector("#pkgs details.lt pre").textContent`, &text)
		if len(text) < 100 {
			t.Errorf("license text in lazy evidence = %q", text)
		}
		var open bool
		s.eval(t, `(() => { const d = document.querySelector("#pkgs details.x"); d.firstElementChild.click(); return d.open; })()`, &open)
		if open {
			t.Error("unfolded evidence does not fold again")
		}
	})

	s.check(t)

	t.Run("zh-CN", func(t *testing.T) {
		zs := newSession(t, 1280, 900)
		zpage := writeReport(t, p, "zh-CN")
		zs.open(t, zpage)
		var heads []string
		zs.eval(t, `Array.from(document.querySelectorAll("h2")).map(h => h.textContent)`, &heads)
		if d := cmp.Diff([]string{"概要", "图表", "软件包", "策略", "许可证文本"}, heads); d != "" {
			t.Errorf("zh-CN headings (-want +got):\n%s", d)
		}
		var lang, count string
		zs.eval(t, `document.documentElement.lang`, &lang)
		zs.run(t, chromedp.SendKeys("#filter", "left", chromedp.ByID))
		zs.eval(t, `document.getElementById("count").textContent`, &count)
		if lang != "zh-CN" || count != "显示 1 / 14 个软件包" {
			t.Errorf("lang = %q, counter = %q", lang, count)
		}
		zs.run(t, clearFilter, chromedp.SendKeys("#filter", "x\b", chromedp.ByID))
		if *screenshot {
			shoot(t, zs, zpage, filepath.Join("..", "..", "docs", "report-zh-CN.png"))
		}
		zs.check(t)
	})
}

// shoot writes a full-page PNG of the report as it first shows, with one
// package's evidence and license text unfolded to show what they hold.
func shoot(t *testing.T, s *session, page, file string) {
	t.Helper()
	s.open(t, page)
	const pkg = `Array.from(document.querySelectorAll("#pkgs > .p")).find(b => b.firstElementChild.children[0].textContent === "left-pad")`
	var png []byte
	var height int64
	s.run(t,
		chromedp.Evaluate(pkg+`.querySelector("details.x").open = true`, nil),
		chromedp.Evaluate(pkg+`.querySelector("details.lt").open = true`, nil),
		chromedp.Evaluate(`document.querySelectorAll("#texts details")[0].open = true`, nil),
		// Draw what content-visibility skips off screen (the page draws it
		// as the reader scrolls to it).
		chromedp.Evaluate(`document.head.appendChild(document.createElement("style")).textContent = ".pkgs .p, #policy, #texts {content-visibility: visible !important}"`, nil),
		chromedp.Evaluate(`document.documentElement.scrollHeight`, &height),
		chromedp.EmulateViewport(1280, height),
		chromedp.FullScreenshot(&png, 100),
	)
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d KB)", file, len(png)>>10)
}

// BenchmarkBrowserLoad10k measures how long Chromium takes to open the
// report on 10,000 packages: from navigation to the first paint, to
// DOMContentLoaded, to the script's ready mark (the page is interactive)
// and to the load event; then how long filtering the table (and clearing
// the filter), sorting it by name and unfolding a package's evidence take,
// each until the layout is done.
//
//	go test ./sbom/htmlreport -run '^$' -bench BrowserLoad -benchtime 5x
func BenchmarkBrowserLoad10k(b *testing.B) {
	benchmarkLoad(b, 10000)
}

// BenchmarkBrowserLoad1k is the largest report that has its evidence in
// the rows (inlineEvidenceMax).
func BenchmarkBrowserLoad1k(b *testing.B) {
	benchmarkLoad(b, inlineEvidenceMax)
}

func benchmarkLoad(b *testing.B, n int) {
	s := newSession(b, 1280, 900)
	page := writeReport(b, synthetic(n), "en")
	fi, err := os.Stat(strings.TrimPrefix(page, "file://"))
	if err != nil {
		b.Fatal(err)
	}
	unfold := `document.querySelector("#pkgs button.x").click()`
	if n <= inlineEvidenceMax {
		unfold = `document.querySelector("#pkgs details.x").open = true`
	}
	measure := `(() => {
		const timed = f => { const t = performance.now(); f(); document.body.offsetHeight; return performance.now() - t; };
		const nav = performance.getEntriesByType("navigation")[0];
		const paint = performance.getEntriesByName("first-contentful-paint")[0];
		const filter = document.getElementById("filter");
		const type = v => () => { filter.value = v; filter.dispatchEvent(new Event("input")); };
		return {
			paint: paint ? paint.startTime : 0,
			dcl: nav.domContentLoadedEventEnd,
			ready: performance.getEntriesByName("heng-ready")[0].startTime,
			load: nav.loadEventEnd,
			filter: timed(type("package-0001")),
			clear: timed(type("")),
			sort: timed(() => document.querySelector('[data-key="name"] button').click()),
			evidence: timed(() => ` + unfold + `),
		};
	})()`
	keys := []string{"paint", "dcl", "ready", "load", "filter", "clear", "sort", "evidence"}
	sum := map[string]float64{}
	var wall time.Duration
	runs := 0
	for b.Loop() {
		runs++
		start := time.Now()
		s.open(b, page)
		wall += time.Since(start)
		var m map[string]float64
		s.eval(b, measure, &m)
		for _, k := range keys {
			sum[k] += m[k]
		}
	}
	b.ReportMetric(float64(fi.Size())/1e6, "MB")
	b.ReportMetric(float64(wall.Milliseconds())/float64(runs), "ms-open")
	for _, k := range keys {
		b.ReportMetric(sum[k]/float64(runs), "ms-"+k)
	}
	var names []string
	s.eval(b, visibleJS, &names)
	if len(names) != n {
		b.Errorf("table shows %d packages, want %d", len(names), n)
	}
	s.check(b)
}
