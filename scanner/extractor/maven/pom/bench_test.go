package pom

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// bigPOM is a POM with n dependencies, half of them managed, and a
// property for each managed version.
func bigPOM(n int) []byte {
	var props, managed, deps strings.Builder
	for i := range n {
		if i%2 == 0 {
			fmt.Fprintf(&props, "    <lib%d.version>%d.%d.0</lib%d.version>\n", i, i/10, i%10, i)
			fmt.Fprintf(&managed, "      <dependency>\n        <groupId>org.example.g%d</groupId>\n        <artifactId>lib%d</artifactId>\n        <version>${lib%d.version}</version>\n      </dependency>\n", i%50, i, i)
			fmt.Fprintf(&deps, "    <dependency>\n      <groupId>org.example.g%d</groupId>\n      <artifactId>lib%d</artifactId>\n    </dependency>\n", i%50, i)
			continue
		}
		fmt.Fprintf(&deps, "    <dependency>\n      <groupId>org.example.g%d</groupId>\n      <artifactId>lib%d</artifactId>\n      <version>1.%d</version>\n      <scope>test</scope>\n      <exclusions>\n        <exclusion>\n          <groupId>*</groupId>\n          <artifactId>*</artifactId>\n        </exclusion>\n      </exclusions>\n    </dependency>\n", i%50, i, i)
	}
	return []byte(minimal(`  <groupId>org.example</groupId>
  <artifactId>big</artifactId>
  <version>1.0.0</version>
  <properties>
` + props.String() + `  </properties>
  <dependencyManagement>
    <dependencies>
` + managed.String() + `    </dependencies>
  </dependencyManagement>
  <dependencies>
` + deps.String() + `  </dependencies>`))
}

func BenchmarkExtract(b *testing.B) {
	data := bigPOM(5000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		pkgs, err := packages([]*pom{p})
		if err != nil || len(pkgs) != 5001 {
			b.Fatalf("%d packages, %v", len(pkgs), err)
		}
	}
}
