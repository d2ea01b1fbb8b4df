package pom

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/hengdev/heng/scanner/extractor/extractortest"
	"github.com/hengdev/heng/scanner/inventory"
)

const (
	root   = inventory.RelationshipRoot
	direct = inventory.RelationshipDirect
	req    = inventory.ScopeRequired
	opt    = inventory.ScopeOptional
	dev    = inventory.ScopeDev
	test   = inventory.ScopeTest
)

var props = extractortest.Props

// dep is a direct dependency as the tests expect them.
func dep(name, version, purl, scope string, kv ...string) inventory.Package {
	return inventory.Package{Name: name, Version: version, Ecosystem: "maven", PURL: purl,
		Relationship: direct, Scope: scope, Properties: props(kv...)}
}

func TestMatch(t *testing.T) {
	extractortest.CheckMatch(t, Extractor{}, map[string]bool{
		"pom.xml":                       true,
		"core/pom.xml":                  true,
		"a/b/c/pom.xml":                 true,
		"pom.xml.bak":                   false,
		"pom.xml.versionsBackup":        false,
		"mypom.xml":                     false,
		".flattened-pom.xml":            false,
		"pom.xml/readme":                false,
		"commons-lang3-3.14.0.pom":      false,
		"pom":                           false,
		"POM.XML":                       false,
		"src/main/resources/pom.xml.in": false,
	})
}

func TestExtract(t *testing.T) {
	junit := dep("org.junit.jupiter:junit-jupiter", "5.10.2", "pkg:maven/org.junit.jupiter/junit-jupiter@5.10.2", test)
	parentProp := []string{"parent", "com.example.shop:shop-parent:2.3.1-SNAPSHOT"}
	for _, tc := range []struct {
		name string
		file string
		want []inventory.Package
	}{{
		// The parent: its managed dependencies are not dependencies,
		// its plugins not packages.
		name: "parent",
		file: "multimodule/pom.xml",
		want: []inventory.Package{
			{Name: "com.example.shop:shop-parent", Version: "2.3.1-SNAPSHOT", Ecosystem: "maven",
				PURL: "pkg:maven/com.example.shop/shop-parent@2.3.1-SNAPSHOT", Relationship: root,
				DeclaredLicense: &inventory.DeclaredLicense{Expression: "Apache-2.0", Raw: "The Apache Software License, Version 2.0"},
				Dependencies:    []string{"pkg:maven/org.junit.jupiter/junit-jupiter@5.10.2"},
				Properties:      props("homepage", "https://github.com/example/shop", "packaging", "pom", "repository", "https://github.com/example/shop/tree/main")},
			junit,
		},
	}, {
		// A module: groupId and version from the parent, versions from
		// its dependencyManagement, the child's property winning over
		// the parent's, the parent's dependencies inherited.
		name: "child",
		file: "multimodule/core/pom.xml",
		want: []inventory.Package{
			{Name: "com.example.shop:shop-core", Version: "2.3.1-SNAPSHOT", Ecosystem: "maven",
				PURL: "pkg:maven/com.example.shop/shop-core@2.3.1-SNAPSHOT", Relationship: root,
				Dependencies: []string{
					"pkg:maven/com.fasterxml.jackson.core/jackson-databind",
					"pkg:maven/com.google.guava/guava@32.1.3-jre",
					"pkg:maven/com.h2database/h2@2.2.224",
					"pkg:maven/org.apache.commons/commons-lang3@3.14.0",
					"pkg:maven/org.junit.jupiter/junit-jupiter@5.10.2",
					"pkg:maven/org.mockito/mockito-core@5.11.0",
					"pkg:maven/org.projectlombok/lombok@1.18.32",
					"pkg:maven/org.slf4j/slf4j-api@2.0.13",
					"pkg:maven/org.slf4j/slf4j-simple@2.0.13",
				},
				Properties: props(parentProp...)},
			// Managed by the Jackson BOM, which heng cannot read.
			dep("com.fasterxml.jackson.core:jackson-databind", "", "pkg:maven/com.fasterxml.jackson.core/jackson-databind", req),
			dep("com.google.guava:guava", "32.1.3-jre", "pkg:maven/com.google.guava/guava@32.1.3-jre", req),
			dep("com.h2database:h2", "2.2.224", "pkg:maven/com.h2database/h2@2.2.224", opt),
			dep("org.apache.commons:commons-lang3", "3.14.0", "pkg:maven/org.apache.commons/commons-lang3@3.14.0", req),
			junit,
			dep("org.mockito:mockito-core", "5.11.0", "pkg:maven/org.mockito/mockito-core@5.11.0", test),
			dep("org.projectlombok:lombok", "1.18.32", "pkg:maven/org.projectlombok/lombok@1.18.32", dev, "scope", "provided"),
			dep("org.slf4j:slf4j-api", "2.0.13", "pkg:maven/org.slf4j/slf4j-api@2.0.13", req),
			// The scope comes from the parent's management.
			dep("org.slf4j:slf4j-simple", "2.0.13", "pkg:maven/org.slf4j/slf4j-simple@2.0.13", req, "scope", "runtime"),
		},
	}, {
		// relativePath to a directory; ${project.version} in
		// dependencies; type and classifier qualifiers; ranges; system
		// scope; an unresolvable property; a profile; licenses by name
		// and, for a name heng does not know, by URL.
		name: "war_module",
		file: "multimodule/web/pom.xml",
		want: []inventory.Package{
			dep("com.acme.legacy:acme-crypto", "1.0", "pkg:maven/com.acme.legacy/acme-crypto@1.0", dev,
				"scope", "system", "system_path", "${project.basedir}/lib/acme-crypto-1.0.jar"),
			dep("com.example.shop:shop-core", "2.3.1-SNAPSHOT", "pkg:maven/com.example.shop/shop-core@2.3.1-SNAPSHOT", req),
			dep("com.example.shop:shop-core", "2.3.1-SNAPSHOT", "pkg:maven/com.example.shop/shop-core@2.3.1-SNAPSHOT?type=test-jar", test),
			{Name: "com.example.shop:shop-web", Version: "2.3.1-SNAPSHOT", Ecosystem: "maven",
				PURL: "pkg:maven/com.example.shop/shop-web@2.3.1-SNAPSHOT", Relationship: root,
				DeclaredLicense: &inventory.DeclaredLicense{Expression: "Apache-2.0 AND OFL-1.1", Raw: "Apache-2.0; https://opensource.org/licenses/OFL-1.1"},
				Dependencies: []string{
					"pkg:maven/com.acme.legacy/acme-crypto@1.0",
					"pkg:maven/com.example.shop/shop-core@2.3.1-SNAPSHOT",
					"pkg:maven/com.example.shop/shop-core@2.3.1-SNAPSHOT?type=test-jar",
					"pkg:maven/com.oracle.database.jdbc/ojdbc11@23.4.0.24.05",
					"pkg:maven/io.micrometer/micrometer-core",
					"pkg:maven/io.netty/netty-transport-native-epoll@4.1.109.Final?classifier=linux-x86_64",
					"pkg:maven/jakarta.servlet/jakarta.servlet-api@6.0.0",
					"pkg:maven/org.apache.tomcat.embed/tomcat-embed-core",
					"pkg:maven/org.junit.jupiter/junit-jupiter@5.10.1",
					"pkg:maven/org.postgresql/postgresql@42.7.3",
				},
				Properties: props("homepage", "https://shop.example.com/web/", "packaging", "war", "parent", "com.example.shop:shop-parent:2.3.1-SNAPSHOT")},
			// [x] is exactly x.
			dep("com.oracle.database.jdbc:ojdbc11", "23.4.0.24.05", "pkg:maven/com.oracle.database.jdbc/ojdbc11@23.4.0.24.05", req),
			dep("io.micrometer:micrometer-core", "", "pkg:maven/io.micrometer/micrometer-core", req, "constraint", "${micrometer.version}"),
			dep("io.netty:netty-transport-native-epoll", "4.1.109.Final", "pkg:maven/io.netty/netty-transport-native-epoll@4.1.109.Final?classifier=linux-x86_64", req),
			dep("jakarta.servlet:jakarta.servlet-api", "6.0.0", "pkg:maven/jakarta.servlet/jakarta.servlet-api@6.0.0", dev, "scope", "provided"),
			dep("org.apache.tomcat.embed:tomcat-embed-core", "", "pkg:maven/org.apache.tomcat.embed/tomcat-embed-core", req, "constraint", "[10.1,11.0)"),
			// The module's junit, not the parent's.
			dep("org.junit.jupiter:junit-jupiter", "5.10.1", "pkg:maven/org.junit.jupiter/junit-jupiter@5.10.1", test),
			dep("org.postgresql:postgresql", "42.7.3", "pkg:maven/org.postgresql/postgresql@42.7.3", req, "profile", "postgres", "scope", "runtime"),
		},
	}, {
		// CI-friendly ${revision}${changelist}; ${project.parent.version};
		// a groupId of its own, so that the parent's managed
		// ${project.groupId}:shop-core is com.example.shop.app:shop-core
		// here and does not manage com.example.shop:shop-core (Maven
		// would fail for the missing version).
		name: "own_group_and_revision",
		file: "multimodule/app/pom.xml",
		want: []inventory.Package{
			{Name: "com.example.shop.app:shop-app", Version: "2.4.0-SNAPSHOT", Ecosystem: "maven",
				PURL: "pkg:maven/com.example.shop.app/shop-app@2.4.0-SNAPSHOT", Relationship: root,
				Dependencies: []string{
					"pkg:maven/com.example.shop/shop-core",
					"pkg:maven/com.example.shop/shop-web@2.3.1-SNAPSHOT?type=war",
					"pkg:maven/org.junit.jupiter/junit-jupiter@5.10.2",
				},
				Properties: props(parentProp...)},
			dep("com.example.shop:shop-core", "", "pkg:maven/com.example.shop/shop-core", req),
			dep("com.example.shop:shop-web", "2.3.1-SNAPSHOT", "pkg:maven/com.example.shop/shop-web@2.3.1-SNAPSHOT?type=war", req),
			junit,
		},
	}, {
		// A Spring Boot project as start.spring.io writes it: the parent
		// is not in the tree, so the versions it manages are unknown; the
		// empty <license/> is no license.
		name: "parent_not_in_tree",
		file: "external-parent/pom.xml",
		want: []inventory.Package{
			{Name: "com.example:demo", Version: "0.0.1-SNAPSHOT", Ecosystem: "maven",
				PURL: "pkg:maven/com.example/demo@0.0.1-SNAPSHOT", Relationship: root,
				Dependencies: []string{
					"pkg:maven/org.projectlombok/lombok",
					"pkg:maven/org.springframework.boot/spring-boot-devtools",
					"pkg:maven/org.springframework.boot/spring-boot-starter-test",
					"pkg:maven/org.springframework.boot/spring-boot-starter-web",
				},
				Properties: props("parent", "org.springframework.boot:spring-boot-starter-parent:3.2.5")},
			dep("org.projectlombok:lombok", "", "pkg:maven/org.projectlombok/lombok", opt),
			dep("org.springframework.boot:spring-boot-devtools", "", "pkg:maven/org.springframework.boot/spring-boot-devtools", opt, "scope", "runtime"),
			dep("org.springframework.boot:spring-boot-starter-test", "", "pkg:maven/org.springframework.boot/spring-boot-starter-test", test),
			dep("org.springframework.boot:spring-boot-starter-web", "", "pkg:maven/org.springframework.boot/spring-boot-starter-web", req),
		},
	}, {
		name: "iso_8859_1",
		file: "latin1/pom.xml",
		want: []inventory.Package{
			{Name: "de.beispiel:buecherei", Version: "1.0.2", Ecosystem: "maven",
				PURL: "pkg:maven/de.beispiel/buecherei@1.0.2", Relationship: root,
				DeclaredLicense: &inventory.DeclaredLicense{Expression: "LGPL-2.1-only", Raw: "GNU Lesser General Public License, Version 2.1"},
				Dependencies:    []string{"pkg:maven/junit/junit@3.8.1", "pkg:maven/log4j/log4j@1.2.17"}},
			dep("junit:junit", "3.8.1", "pkg:maven/junit/junit@3.8.1", test),
			dep("log4j:log4j", "1.2.17", "pkg:maven/log4j/log4j@1.2.17", req),
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckExtract(t, Extractor{}, "testdata", tc.file, tc.want)
		})
	}
}

// TestLatin1 checks that the text of an ISO-8859-1 POM is decoded.
func TestLatin1(t *testing.T) {
	data, err := os.ReadFile("testdata/latin1/pom.xml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Bücherei-Verwaltung" {
		t.Errorf("name = %q, want %q", p.Name, "Bücherei-Verwaltung")
	}
}

// minimal is a POM with the given elements inside <project>.
func minimal(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
` + body + `
</project>
`
}

// only returns the package called name of pkgs.
func only(t *testing.T, pkgs []inventory.Package, name string) inventory.Package {
	t.Helper()
	for _, p := range pkgs {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no package %q in %v", name, pkgs)
	return inventory.Package{}
}

func TestParents(t *testing.T) {
	const child = `
  <parent>
    <groupId>g</groupId>
    <artifactId>parent</artifactId>
    <version>1.0</version>
    %s
  </parent>
  <artifactId>child</artifactId>
  <dependencies>
    <dependency><groupId>x</groupId><artifactId>lib</artifactId></dependency>
    <dependency><groupId>x</groupId><artifactId>other</artifactId><version>${other.version}</version></dependency>
  </dependencies>`
	parent := func(gav, body string) string {
		return minimal(gav + `
  <properties><other.version>2.0</other.version></properties>
  <dependencyManagement><dependencies>
    <dependency><groupId>x</groupId><artifactId>lib</artifactId><version>1.5</version></dependency>
  </dependencies></dependencyManagement>` + body)
	}
	good := parent("<groupId>g</groupId><artifactId>parent</artifactId><version>1.0</version>", "")
	for _, tc := range []struct {
		name       string
		file       string // the child's path
		rel        string // <relativePath> element, if any
		files      map[string]string
		lib, other string // versions found
	}{
		{name: "default_relative_path", file: "c/pom.xml", files: map[string]string{"pom.xml": good}, lib: "1.5", other: "2.0"},
		{name: "relative_path_file", file: "c/pom.xml", rel: "<relativePath>../parent/pom.xml</relativePath>",
			files: map[string]string{"parent/pom.xml": good}, lib: "1.5", other: "2.0"},
		{name: "relative_path_dir", file: "c/pom.xml", rel: "<relativePath>../parent</relativePath>",
			files: map[string]string{"parent/pom.xml": good}, lib: "1.5", other: "2.0"},
		{name: "relative_path_backslashes", file: "c/pom.xml", rel: "<relativePath>..\\parent\\pom.xml</relativePath>",
			files: map[string]string{"parent/pom.xml": good}, lib: "1.5", other: "2.0"},
		{name: "empty_relative_path", file: "c/pom.xml", rel: "<relativePath/>", files: map[string]string{"pom.xml": good}},
		{name: "missing", file: "c/pom.xml"},
		{name: "outside_the_tree", file: "pom.xml", files: map[string]string{"pom.xml.parent": good}},
		{name: "escapes_the_root", file: "c/pom.xml", rel: "<relativePath>../../pom.xml</relativePath>"},
		{name: "other_artifact", file: "c/pom.xml",
			files: map[string]string{"pom.xml": parent("<groupId>g</groupId><artifactId>aggregator</artifactId><version>1.0</version>", "")}},
		{name: "other_group", file: "c/pom.xml",
			files: map[string]string{"pom.xml": parent("<groupId>h</groupId><artifactId>parent</artifactId><version>1.0</version>", "")}},
		{name: "other_version", file: "c/pom.xml",
			files: map[string]string{"pom.xml": parent("<groupId>g</groupId><artifactId>parent</artifactId><version>0.9</version>", "")}},
		{name: "version_expression", file: "c/pom.xml",
			files: map[string]string{"pom.xml": parent("<groupId>g</groupId><artifactId>parent</artifactId><version>${revision}</version>", "")}, lib: "1.5", other: "2.0"},
		{name: "group_inherited_by_the_parent", file: "c/pom.xml",
			files: map[string]string{
				"pom.xml": parent(`<parent><groupId>g</groupId><artifactId>top</artifactId><version>1.0</version><relativePath>top</relativePath></parent>
  <artifactId>parent</artifactId>`, ""),
				"top/pom.xml": minimal(`<groupId>g</groupId><artifactId>top</artifactId><version>1.0</version>
  <properties><other.version>3.0</other.version><lib.version>9</lib.version></properties>`),
			}, lib: "1.5", other: "2.0"},
		{name: "grandparent", file: "a/b/pom.xml",
			files: map[string]string{
				"a/pom.xml": minimal(`<parent><groupId>g</groupId><artifactId>top</artifactId><version>1.0</version></parent>
  <artifactId>parent</artifactId>`),
				"pom.xml": minimal(`<groupId>g</groupId><artifactId>top</artifactId><version>1.0</version>
  <properties><other.version>3.0</other.version></properties>
  <dependencyManagement><dependencies>
    <dependency><groupId>x</groupId><artifactId>lib</artifactId><version>1.6</version></dependency>
  </dependencies></dependencyManagement>`),
			}, lib: "1.6", other: "3.0"},
		{name: "unparsable", file: "c/pom.xml", files: map[string]string{"pom.xml": "<project><groupId>"}},
		{name: "cycle", file: "c/pom.xml",
			files: map[string]string{
				// g:parent names c/pom.xml (the child) as its parent.
				"pom.xml": parent(`<parent><groupId>g</groupId><artifactId>child</artifactId><version>1.0</version><relativePath>c/pom.xml</relativePath></parent>
  <groupId>g</groupId><artifactId>parent</artifactId><version>1.0</version>`, ""),
			}, lib: "1.5", other: "2.0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := extractortest.ExtractBytes(Extractor{}, tc.file, []byte(minimal(fmt.Sprintf(child, tc.rel))), tc.files)
			if err != nil {
				t.Fatal(err)
			}
			r := only(t, got, "g:child")
			if r.Version != "1.0" || r.PURL != "pkg:maven/g/child@1.0" {
				t.Errorf("root = %q %q, want g:child 1.0 from <parent>", r.Version, r.PURL)
			}
			if v := only(t, got, "x:lib").Version; v != tc.lib {
				t.Errorf("x:lib version = %q, want %q", v, tc.lib)
			}
			if v := only(t, got, "x:other").Version; v != tc.other {
				t.Errorf("x:other version = %q, want %q", v, tc.other)
			}
		})
	}
}

// TestParentChainLimit: a chain of parents is followed up to maxParents
// POMs, and a longer one ends there without an error.
func TestParentChainLimit(t *testing.T) {
	files := map[string]string{}
	dir := ""
	for i := range 40 {
		dir += "d/"
		deps := ""
		if i == 0 {
			deps = fmt.Sprintf(`<dependencies>
    <dependency><groupId>x</groupId><artifactId>in</artifactId><version>${p%d}</version></dependency>
    <dependency><groupId>x</groupId><artifactId>out</artifactId><version>${p%d}</version></dependency>
  </dependencies>`, maxParents, maxParents+1)
		}
		files[dir+"pom.xml"] = minimal(fmt.Sprintf(`<parent><groupId>g</groupId><artifactId>p%d</artifactId><version>1</version><relativePath>d</relativePath></parent>
  <artifactId>p%d</artifactId><properties><p%d>%d.0</p%d></properties>%s`, i+1, i, i, i, i, deps))
	}
	got, err := extractortest.ExtractBytes(Extractor{}, "d/pom.xml", []byte(files["d/pom.xml"]), files)
	if err != nil {
		t.Fatal(err)
	}
	if v := only(t, got, "x:in").Version; v != fmt.Sprintf("%d.0", maxParents) {
		t.Errorf("x:in version = %q, want the last parent's property", v)
	}
	out := only(t, got, "x:out")
	if c := out.Property("constraint"); c != fmt.Sprintf("${p%d}", maxParents+1) {
		t.Errorf("x:out constraint = %q, want the unresolved reference", c)
	}
}

func TestProperties(t *testing.T) {
	var doubling, chain strings.Builder
	doubling.WriteString("<a0>x</a0>")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&doubling, "<a%d>${a%d}${a%d}</a%d>", i, i-1, i-1, i)
	}
	chain.WriteString("<c0>1.0</c0>")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&chain, "<c%d>${c%d}</c%d>", i, i-1, i)
	}
	for _, tc := range []struct {
		name, properties, version, want string // want: the version, or "~" + the constraint
	}{
		{"plain", "<v>1.2</v>", "${v}", "1.2"},
		{"nested", "<major>1</major><minor>2</minor><v>${major}.${minor}</v>", "${v}.3", "1.2.3"},
		{"project_version", "", "${project.version}", "7.0"},
		{"pom_prefix", "", "${pom.version}", "7.0"},
		{"unprefixed", "", "${version}", "7.0"},
		{"parent_version", "", "${project.parent.version}", "6.0"},
		{"project_over_property", "<project.version>9</project.version>", "${project.version}", "7.0"},
		{"missing", "", "${nope}", "~${nope}"},
		{"environment", "", "${env.VERSION}", "~${env.VERSION}"},
		{"cycle", "<a>${b}</a><b>${a}</b>", "${a}", "~${a}"},
		{"self", "<a>${a}</a>", "${a}", "~${a}"},
		{"doubling", doubling.String(), "${a40}", "~${a40}"},
		{"chain_within_limit", chain.String(), "${c20}", "1.0"},
		{"chain_beyond_limit", chain.String(), "${c40}", "~${c40}"},
		{"unclosed", "", "1.0-${x", "1.0-${x"},
		{"range", "<r>[1,2)</r>", "${r}", "~[1,2)"},
		{"empty", "<v></v>", "${v}", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := fmt.Sprintf(`<parent><groupId>g</groupId><artifactId>p</artifactId><version>6.0</version><relativePath/></parent>
  <artifactId>a</artifactId><version>7.0</version>
  <properties>%s</properties>
  <dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>%s</version></dependency></dependencies>`, tc.properties, tc.version)
			start := time.Now()
			got, err := extractortest.ExtractBytes(Extractor{}, "pom.xml", []byte(minimal(body)), nil)
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			p := only(t, got, "x:y")
			gotV := p.Version
			if c := p.Property("constraint"); c != "" {
				gotV = "~" + c
			}
			if gotV != tc.want {
				t.Errorf("version %q = %q, want %q", tc.version, gotV, tc.want)
			}
		})
	}
}

// TestProfileManagement: a profile's dependency management and
// properties apply to its dependencies, before the POM's.
func TestProfileManagement(t *testing.T) {
	body := `<groupId>g</groupId><artifactId>a</artifactId><version>1</version>
  <properties><v>1.0</v></properties>
  <dependencyManagement><dependencies>
    <dependency><groupId>x</groupId><artifactId>m</artifactId><version>${v}</version><scope>test</scope></dependency>
    <dependency><groupId>x</groupId><artifactId>n</artifactId><version>3.0</version></dependency>
    <dependency><groupId>x</groupId><artifactId>q</artifactId><version>5.0</version></dependency>
  </dependencies></dependencyManagement>
  <dependencies><dependency><groupId>x</groupId><artifactId>m</artifactId></dependency></dependencies>
  <profiles><profile>
    <id>p1</id>
    <properties><v>2.0</v></properties>
    <dependencyManagement><dependencies>
      <dependency><groupId>x</groupId><artifactId>n</artifactId><version>4.0</version></dependency>
    </dependencies></dependencyManagement>
    <dependencies>
      <dependency><groupId>x</groupId><artifactId>q</artifactId><classifier>c</classifier></dependency>
      <dependency><groupId>x</groupId><artifactId>n</artifactId></dependency>
      <dependency><groupId>x</groupId><artifactId>o</artifactId><version>${v}</version></dependency>
    </dependencies>
  </profile></profiles>`
	got, err := extractortest.ExtractBytes(Extractor{}, "pom.xml", []byte(minimal(body)), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Package{
		{Name: "g:a", Version: "1", Ecosystem: "maven", PURL: "pkg:maven/g/a@1", Relationship: root,
			Dependencies: []string{"pkg:maven/x/m@1.0", "pkg:maven/x/n@4.0", "pkg:maven/x/o@2.0", "pkg:maven/x/q?classifier=c"}},
		dep("x:m", "1.0", "pkg:maven/x/m@1.0", test),
		dep("x:n", "4.0", "pkg:maven/x/n@4.0", req, "profile", "p1"),
		dep("x:o", "2.0", "pkg:maven/x/o@2.0", req, "profile", "p1"),
		// Another classifier: not managed.
		dep("x:q", "", "pkg:maven/x/q?classifier=c", req, "profile", "p1"),
	}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract diff (-want +got):\n%s", d)
	}
}

func TestScopes(t *testing.T) {
	for _, tc := range []struct {
		scope, optional string
		want            string
		props           []inventory.Property
	}{
		{"", "", req, nil},
		{"compile", "", req, nil},
		{"COMPILE", "", req, nil},
		{"runtime", "", req, props("scope", "runtime")},
		{"provided", "", dev, props("scope", "provided")},
		{"test", "", test, nil},
		{"system", "", dev, props("scope", "system")},
		{"import", "", "", props("scope", "import")},
		{"weird", "", "", props("scope", "weird")},
		{"", "true", opt, nil},
		{"compile", "true", opt, nil},
		{"runtime", "true", opt, props("scope", "runtime")},
		{"", "false", req, nil},
		{"test", "true", test, nil},
		{"provided", "true", dev, props("scope", "provided")},
	} {
		t.Run(tc.scope+"_"+tc.optional, func(t *testing.T) {
			body := fmt.Sprintf(`<groupId>g</groupId><artifactId>a</artifactId><version>1</version>
  <dependencies><dependency><groupId>x</groupId><artifactId>y</artifactId><version>1</version>
  <scope>%s</scope><optional>%s</optional></dependency></dependencies>`, tc.scope, tc.optional)
			got, err := extractortest.ExtractBytes(Extractor{}, "pom.xml", []byte(minimal(body)), nil)
			if err != nil {
				t.Fatal(err)
			}
			want := dep("x:y", "1", "pkg:maven/x/y@1", tc.want)
			want.Properties = tc.props
			if d := extractortest.Diff([]inventory.Package{want}, []inventory.Package{only(t, got, "x:y")}); d != "" {
				t.Errorf("scope %q optional %q diff (-want +got):\n%s", tc.scope, tc.optional, d)
			}
		})
	}
}

func TestSplitVersion(t *testing.T) {
	for _, tc := range []struct{ in, version, constraint string }{
		{"", "", ""},
		{"1.0", "1.0", ""},
		{"2.0.0-SNAPSHOT", "2.0.0-SNAPSHOT", ""},
		{"[1.0]", "1.0", ""},
		{"[ 1.0 ]", "1.0", ""},
		{"[]", "", "[]"},
		{"[1.0,2.0)", "", "[1.0,2.0)"},
		{"(,1.0]", "", "(,1.0]"},
		{"[1.5,)", "", "[1.5,)"},
		{"(,1.0],[1.2,)", "", "(,1.0],[1.2,)"},
		{"[1.0],[2.0]", "", "[1.0],[2.0]"},
		{"LATEST", "", "LATEST"},
		{"RELEASE", "", "RELEASE"},
	} {
		v, c := splitVersion(tc.in)
		if v != tc.version || c != tc.constraint {
			t.Errorf("splitVersion(%q) = %q, %q; want %q, %q", tc.in, v, c, tc.version, tc.constraint)
		}
	}
}

func TestLicenses(t *testing.T) {
	for _, tc := range []struct {
		name, licenses string
		want           *inventory.DeclaredLicense
	}{
		{"none", "", nil},
		{"empty", "<licenses><license/></licenses>", nil},
		{"name", "<licenses><license><name>MIT License</name><url>https://opensource.org/licenses/MIT</url></license></licenses>",
			&inventory.DeclaredLicense{Expression: "MIT", Raw: "MIT License"}},
		{"url_only", "<licenses><license><url>http://www.apache.org/licenses/LICENSE-2.0</url></license></licenses>",
			&inventory.DeclaredLicense{Expression: "Apache-2.0", Raw: "http://www.apache.org/licenses/LICENSE-2.0"}},
		{"unknown_name_and_url", "<licenses><license><name>Acme Proprietary</name><url>https://acme.example/license</url></license></licenses>",
			&inventory.DeclaredLicense{Expression: "LicenseRef-heng-unknown-acme-proprietary", Raw: "Acme Proprietary"}},
		{"two", `<licenses>
      <license><name>Eclipse Public License - v 2.0</name></license>
      <license><name>GNU General Public License, version 2 with the GNU Classpath Exception</name></license>
    </licenses>`,
			&inventory.DeclaredLicense{Expression: "EPL-2.0 AND (GPL-2.0-only WITH Classpath-exception-2.0)",
				Raw: "Eclipse Public License - v 2.0; GNU General Public License, version 2 with the GNU Classpath Exception"}},
		{"property", "<properties><lic>BSD-3-Clause</lic></properties><licenses><license><name>${lic}</name></license></licenses>",
			&inventory.DeclaredLicense{Expression: "BSD-3-Clause", Raw: "BSD-3-Clause"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := `<groupId>g</groupId><artifactId>a</artifactId><version>1</version>` + tc.licenses
			got, err := extractortest.ExtractBytes(Extractor{}, "pom.xml", []byte(minimal(body)), nil)
			if err != nil {
				t.Fatal(err)
			}
			root := only(t, got, "g:a")
			if d := extractortest.Diff([]inventory.Package{{DeclaredLicense: tc.want}}, []inventory.Package{{DeclaredLicense: root.DeclaredLicense}}); d != "" {
				t.Errorf("declared license diff (-want +got):\n%s", d)
			}
		})
	}
}

// TestEntityBomb: entities declared in a DOCTYPE are not expanded (nor
// are external ones read): the reference is an error, found at once.
func TestEntityBomb(t *testing.T) {
	data, err := os.ReadFile("testdata/bomb/pom.xml")
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	got, err := extractortest.ExtractBytes(Extractor{}, "pom.xml", data, nil)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "lol9") {
		t.Errorf("err = %v, want an error about the entity", err)
	}
	if elapsed > time.Second {
		t.Errorf("took %v", elapsed)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 8<<20 {
		t.Errorf("allocated %d bytes", n)
	}
	// What came before the bad reference is kept; nothing after it.
	want := []inventory.Package{{Name: "com.example:bomb", Version: "1.0", Ecosystem: "maven", PURL: "pkg:maven/com.example/bomb@1.0", Relationship: root}}
	if d := extractortest.Diff(want, got); d != "" {
		t.Errorf("Extract diff (-want +got):\n%s", d)
	}
	// An external entity alone is refused too.
	xxe := strings.Replace(string(data), "<name>&lol9;</name>", "", 1)
	if _, err := extractortest.ExtractBytes(Extractor{}, "pom.xml", []byte(xxe), nil); err == nil || !strings.Contains(err.Error(), "xxe") {
		t.Errorf("external entity: err = %v, want an error about it", err)
	}
}

func TestMalformed(t *testing.T) {
	good := minimal(`<groupId>g</groupId><artifactId>a</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>x</groupId><artifactId>one</artifactId><version>1</version></dependency>
    <dependency><groupId>x</groupId><artifactId>two</artifactId><version>2</version></dependency>
  </dependencies>`)
	deep := "<project>" + strings.Repeat("<a>", maxDepth+1) + strings.Repeat("</a>", maxDepth+1) + "</project>"
	for _, tc := range []struct {
		name    string
		content string
		want    []string // names of the packages still returned
	}{
		{"empty", "", nil},
		{"not_xml", "this is not xml {", nil},
		{"json", `{"groupId": "g"}`, nil},
		{"other_root", `<?xml version="1.0"?><settings><localRepository>/tmp</localRepository></settings>`, nil},
		{"truncated", good[:strings.Index(good, "<artifactId>two")], []string{"g:a", "x:one"}},
		{"mismatched_tag", strings.Replace(good, "</dependencies>", "</dependency>", 1), []string{"g:a", "x:one", "x:two"}},
		{"too_deep", deep, nil},
		{"two_roots", good + good, []string{"g:a", "x:one", "x:two"}},
		{"no_artifact", minimal(`<groupId>g</groupId><dependencies><dependency><groupId>x</groupId></dependency></dependencies>`), nil},
		{"unsupported_encoding", `<?xml version="1.0" encoding="EBCDIC-CP-US"?><project/>`, nil},
		{"dependency_without_artifact", strings.Replace(good, "<artifactId>one</artifactId>", "", 1), []string{"g:a", "x:two"}},
		// The dependency being read when the error came is dropped.
		{"undefined_entity", strings.Replace(good, "<version>2</version>", "<version>&v;</version>", 1), []string{"g:a", "x:one"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extractortest.CheckPartial(t, Extractor{}, "pom.xml", []byte(tc.content), tc.want)
		})
	}
}

// endless reads as a POM that never ends.
type endless struct{ n int }

func (e *endless) Read(b []byte) (int, error) {
	if e.n == 0 {
		e.n++
		return copy(b, "<project>"), nil
	}
	for i := range b {
		b[i] = ' '
	}
	return len(b), nil
}

// lower sets *v to n for the duration of the test.
func lower[T any](t *testing.T, v *T, n T) {
	old := *v
	*v = n
	t.Cleanup(func() { *v = old })
}

func TestTooLarge(t *testing.T) {
	lower(t, &maxSize, 1<<20)
	_, err := parse(&endless{})
	if err == nil || !strings.Contains(err.Error(), "larger than 1048576 bytes") {
		t.Errorf("err = %v, want too large", err)
	}
}

func TestSizeLimit(t *testing.T) {
	lower(t, &maxSize, 100)
	pom := "<project><artifactId>a</artifactId></project>"
	exact := pom + strings.Repeat(" ", 100-len(pom))
	if _, err := parse(strings.NewReader(exact)); err != nil {
		t.Errorf("exactly the limit: %v", err)
	}
	if _, err := parse(strings.NewReader(exact + " ")); err == nil {
		t.Errorf("one byte over the limit: no error")
	}
}

func TestTooManyTokens(t *testing.T) {
	lower(t, &maxTokens, 1000)
	pom := "<project>" + strings.Repeat("<a/>", 600) + "</project>"
	_, err := parse(strings.NewReader(pom))
	if err == nil || !strings.Contains(err.Error(), "more than 1000 XML tokens") {
		t.Errorf("err = %v, want too many tokens", err)
	}
	if _, err := parse(strings.NewReader("<project>" + strings.Repeat("<a/>", 400) + "</project>")); err != nil {
		t.Errorf("fewer tokens: %v", err)
	}
}

func TestNotPOM(t *testing.T) {
	_, err := parse(strings.NewReader(`<settings/>`))
	if !errors.Is(err, errNotPOM) {
		t.Errorf("err = %v, want %v", err, errNotPOM)
	}
}
