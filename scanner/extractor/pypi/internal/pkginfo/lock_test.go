package pkginfo

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestDecodePackages(t *testing.T) {
	const lock = `
[[package]]
name = "Six"
version = "1.16.0"

[[package]]
name = "bad"
version = 3

[[package]]
version = "1"

[[package]]
name = "--"

[[package]]
name = "idna"
version = "3.7"
`
	var raw struct {
		Package []toml.Primitive `toml:"package"`
	}
	md, err := toml.Decode(lock, &raw)
	if err != nil {
		t.Fatal(err)
	}
	type pkg struct {
		Name    string `toml:"name"`
		Version string `toml:"version"`
	}
	got, errs := DecodePackages(md, raw.Package, func(p *pkg) string { return p.Name })
	if fmt.Sprint(got) != "[{Six 1.16.0} {idna 3.7}]" {
		t.Errorf("packages %v", got)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	if len(msgs) != 3 || !strings.HasPrefix(msgs[0], "package 2: ") || msgs[1] != "package 3: no name" || msgs[2] != "package 4: no name" {
		t.Errorf("errors %q", msgs)
	}
	if got, errs := DecodePackages(md, nil, func(p *pkg) string { return p.Name }); len(got) != 0 || len(errs) != 0 {
		t.Errorf("DecodePackages(none) = %v, %v", got, errs)
	}
}
