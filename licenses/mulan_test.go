package licenses

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/hengdev/heng/licenses/internal/index"
)

// mulanMembers are the Mulan licenses heng ships texts of, with the
// version and names their references use.
var mulanMembers = []struct {
	id, short, zh string
	v             int
	url           string
	header        bool
}{
	{"MulanPSL-1.0", "Mulan PSL v1", "木兰宽松许可证", 1, "http://license.coscl.org.cn/MulanPSL", true},
	{"MulanPSL-2.0", "Mulan PSL v2", "木兰宽松许可证", 2, "http://license.coscl.org.cn/MulanPSL2", true},
	{"LicenseRef-MulanPubL-1.0", "Mulan PubL v1", "木兰公共许可证", 1, "http://license.coscl.org.cn/MulanPubL-1.0", true},
	{"LicenseRef-MulanPubL-2.0", "Mulan PubL v2", "木兰公共许可证", 2, "https://license.coscl.org.cn/MulanPubL-2.0/", true},
	{"LicenseRef-MulanOWL-BY-1.0", "MulanOWL BY v1", "木兰开放作品许可协议 署名", 1, "http://license.coscl.org.cn/MulanOWLBYv1", false},
	{"LicenseRef-MulanOWL-BY-SA-1.0", "MulanOWL BY-SA v1", "木兰开放作品许可协议 署名-相同方式共享", 1, "http://license.coscl.org.cn/MulanOWLBYSAv1", false},
}

func mulanText(t *testing.T, id string) string {
	t.Helper()
	b, err := os.ReadFile("data/mulan/" + id + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rewrap joins each paragraph and breaks it again at width (in runes),
// anywhere in Chinese, between words otherwise, with CRLF line ends.
func rewrap(text string, width int) string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		var lines []string
		line := ""
		for _, r := range para {
			line += string(r)
			if utf8.RuneCountInString(line) >= width && (r == ' ' || r > 0x2E80) {
				lines = append(lines, strings.TrimSpace(line))
				line = ""
			}
		}
		lines = append(lines, strings.TrimSpace(line))
		out = append(out, strings.Join(lines, "\r\n"))
	}
	return strings.Join(out, "\r\n\r\n")
}

// markdown decorates a text as a README would: a heading, bold first
// words, bullets.
func markdown(text string) string {
	paras := strings.Split(text, "\n\n")
	for i, p := range paras {
		p = strings.TrimSpace(p)
		switch {
		case i == 0:
			paras[i] = "# " + p
		case i%2 == 0:
			paras[i] = "- " + p
		default:
			if f := strings.Fields(p); len(f) > 1 {
				paras[i] = "**" + f[0] + "** " + strings.Join(f[1:], " ")
			}
		}
	}
	return strings.Join(paras, "\n\n")
}

// comment puts text in a comment of the given style.
func comment(style, text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	switch style {
	case "/*":
		return "/*\n * " + strings.Join(lines, "\n * ") + "\n */\n"
	case "<!--":
		return "<!--\n  " + strings.Join(lines, "\n  ") + "\n-->\n"
	default:
		return style + " " + strings.Join(lines, "\n"+style+" ") + "\n"
	}
}

func encodeWith(t *testing.T, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	t.Helper()
	b, err := enc.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// detectIDs decodes raw as the scanner does and returns "id kind" of each
// finding.
func detectIDs(t *testing.T, d *Detector, raw []byte, mode Mode) []string {
	t.Helper()
	text, _ := Decode(raw)
	fs, err := d.Detect(text, mode)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, f.ID+f.Expression+" "+string(f.Kind))
	}
	return out
}

// TestMulanForms checks every Mulan member in every form projects ship it
// in: whole, either half, re-wrapped with CRLF, decorated as Markdown, in
// UTF-16 and GB18030, its recommended notice in every comment style, and
// references in English and Chinese prose and by URL.
func TestMulanForms(t *testing.T) {
	d := NewDetector()
	code := "\nint main(void) { return 0; }\n"
	for _, m := range mulanMembers {
		full := mulanText(t, m.id)
		zh, en, bilingual := index.SplitBilingual(full)
		text := []string{m.id + " text"}
		type form struct {
			name string
			raw  []byte
			mode Mode
			want []string
		}
		forms := []form{
			{"whole", []byte(full), ModeLicenseFile, text},
			{"rewrapped_crlf", []byte(rewrap(full, 40)), ModeLicenseFile, text},
			{"markdown", []byte(markdown(full)), ModeLicenseFile, text},
			{"in_source_comment", []byte(comment("/*", full) + code), ModeSource, text},
			{"utf16le", encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), full), ModeLicenseFile, text},
			{"utf16be", encodeWith(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder(), full), ModeLicenseFile, text},
			{"utf8_bom", []byte("\ufeff" + full), ModeLicenseFile, text},
			{"ref_en", []byte("## License\n\nThis project is licensed under " + m.short + ".\n"), ModeSource, []string{m.id + " notice"}},
			{"ref_zh", []byte("## 许可证\n\n本项目采用" + m.zh + "，第" + fmt.Sprint(m.v) + "版。\n"), ModeSource, []string{m.id + " notice"}},
			{"ref_zh_compact", []byte("本项目采用" + m.zh + "第" + fmt.Sprint(m.v) + "版进行许可。\n"), ModeSource, []string{m.id + " notice"}},
			{"url", []byte("// Licensed: see " + m.url + " for the terms.\n"), ModeSource, []string{m.id + " url"}},
		}
		if bilingual {
			forms = append(forms,
				form{"english_half", []byte(en), ModeLicenseFile, text},
				form{"chinese_half", []byte(zh), ModeLicenseFile, text},
				form{"chinese_half_rewrapped", []byte(rewrap(zh, 23)), ModeLicenseFile, text},
				form{"chinese_half_gb18030", encodeWith(t, simplifiedchinese.GB18030.NewEncoder(), zh), ModeLicenseFile, text},
				form{"chinese_half_gbk", encodeWith(t, simplifiedchinese.GBK.NewEncoder(), zh), ModeLicenseFile, text},
			)
		}
		if m.header {
			// The notices as the texts recommend them, placeholders and all
			// (copied from the texts; see data/mulan).
			b, err := os.ReadFile("testdata/mulan/" + m.id + ".header.txt")
			if err != nil {
				t.Fatal(err)
			}
			{
				header := strings.NewReplacer("[Year]", "2024", "[2019]", "2019", "[name of copyright holder]", "Example Co., Ltd.", "[Software Name]", "heng").Replace(string(b))
				for _, style := range []string{"//", "#", "/*", "--", ";", "<!--"} {
					forms = append(forms, form{"notice_" + style, []byte(comment(style, header) + code), ModeSource, []string{m.id + " notice"}})
				}
				forms = append(forms, form{"notice_rewrapped", []byte(comment("#", rewrap(header, 50)) + code), ModeSource, []string{m.id + " notice"}})
			}
		}
		for _, f := range forms {
			t.Run(m.id+"/"+f.name, func(t *testing.T) {
				got := detectIDs(t, d, f.raw, f.mode)
				if strings.Join(got, ", ") != strings.Join(f.want, ", ") {
					t.Errorf("got %q, want %q", got, f.want)
				}
			})
		}
	}
}

// TestMulanNotLicenses: texts that merely mention Mulan, or paraphrase a
// Mulan license, are no full-text match.
func TestMulanNotLicenses(t *testing.T) {
	d := NewDetector()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"poem", "木兰辞\n\n唧唧复唧唧，木兰当户织。不闻机杼声，惟闻女叹息。\n问女何所思，问女何所忆。女亦无所思，女亦无所忆。\n版权所有：无，公版诗歌，可自由许可使用。\n", nil},
		{"film", "Mulan is a 1998 American animated musical adventure film produced by Walt Disney Feature Animation.\nCopyright 1998 Disney. The film is licensed for home viewing only.\n", nil},
		{"film_zh", "《花木兰》是一部1998年的美国动画电影。本片版权归迪士尼所有，未经许可不得复制。\n", nil},
		{"mulan_unversioned", "We are considering the Mulan license for this project, see the license discussion.\n", nil},
		{"paraphrase", "This software is offered under the Mulan Permissive Software License, Version 2, which lets you use,\ncopy and change it as you like, as long as you keep the copyright notices. The license is permissive.\n", []string{"MulanPSL-2.0 notice"}},
		{"invented_text", "Mulan Permissive Software License, Version 3\n\nEveryone may use this software for any purpose whatsoever, forever.\nThe licensor gives no warranty of any kind.\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := detectIDs(t, d, []byte(tc.text), ModeSource)
			if strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
