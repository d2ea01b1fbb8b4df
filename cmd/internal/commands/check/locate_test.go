package check

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLineFinder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"package-lock.json": `{
  "packages": {
    "node_modules/@types/react": {
      "version": "18.2.0"
    },
    "node_modules/react-dom": {
      "version": "18.2.0"
    },
    "node_modules/react": {
      "version": "18.2.0"
    },
    "node_modules/left-pad": {
      "version": "1.3.0"
    }
  }
}
`,
		"go.mod":           "module example.com/app\n\nrequire (\n\tgithub.com/spf13/cobra v1.8.0\n\tgithub.com/spf13/cobra-cli v1.3.0\n)\n",
		"pom.xml":          "<project>\n  <dependency>\n    <groupId>org.example</groupId>\n    <artifactId>lib</artifactId>\n    <version>2.0</version>\n  </dependency>\n</project>\n",
		"requirements.txt": "requests==2.31.0\nrequests-toolbelt==1.0.0\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	find := lineFinder(dir)
	tests := []struct {
		file, name, version string
		want                int
	}{
		{"package-lock.json", "react", "18.2.0", 9}, // not @types/react, which comes first with the same version
		{"package-lock.json", "react-dom", "18.2.0", 6},
		{"package-lock.json", "left-pad", "1.3.0", 12},
		{"package-lock.json", "left-pad", "9.9.9", 12}, // the name alone
		{"package-lock.json", "absent", "1.0.0", 0},
		{"go.mod", "github.com/spf13/cobra", "v1.8.0", 4},
		{"go.mod", "github.com/spf13/cobra-cli", "v1.3.0", 5},
		{"pom.xml", "org.example:lib", "2.0", 4},
		{"requirements.txt", "requests", "2.31.0", 1},
		{"requirements.txt", "requests-toolbelt", "", 2},
		{"missing.lock", "x", "1", 0},
		{"go.mod", "", "", 0},
	}
	for _, tt := range tests {
		if got := find(tt.file, tt.name, tt.version); got != tt.want {
			t.Errorf("line of %s@%s in %s = %d, want %d", tt.name, tt.version, tt.file, got, tt.want)
		}
	}
}
