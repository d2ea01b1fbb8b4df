package cli

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script when heng's output changed")

// TestMain lets the test binary act as heng: testscript puts a copy named
// "heng" on the scripts' PATH, and that copy runs Main instead of the tests.
// Scripts thus exercise the real entry point (arguments, streams, exit
// codes) without a separate go build, and without the network.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"heng": func() { os.Exit(Main()) },
	})
}

// TestScripts runs every testdata/script/*.txtar at the repository root.
// Rerun with -update to rewrite the files that `cmp` compares against.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("..", "..", "..", "testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup:               setupScript,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"encode":   cmdEncode,
			"exitcode": cmdExitCode,
			"mkfifo":   cmdMkfifo,
		},
	})
}

// setupScript gives every script a copy of the example project in
// $WORK/example, so that scripts scan a real tree by a relative path and
// their expected output holds no machine's directory names.
func setupScript(env *testscript.Env) error {
	src := filepath.Join("..", "..", "..", "testdata", "example")
	return copyTree(src, filepath.Join(env.WorkDir, "example"))
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// cmdExitCode implements `exitcode <code> <program> [args...]`: it runs the
// program like exec, keeping its stdout and stderr for the next commands,
// and fails unless it exits with exactly <code>. `! exec` alone cannot tell
// exit status 1 (policy violations) from 2 (anything else).
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exitcode; give the expected code instead")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode <code> <program> [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: bad code %q: %v", args[0], err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("exec %s: %v", args[1], err)
		}
		got = exitErr.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdEncode implements `encode <gb18030|utf16le-bom> <src> <dst>`: it writes
// the UTF-8 file src re-encoded to dst, so that scripts can hold Chinese
// projects' encodings as readable UTF-8 text.
func cmdEncode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: encode <gb18030|utf16le-bom> <src> <dst>")
	}
	var enc encoding.Encoding
	switch args[0] {
	case "gb18030":
		enc = simplifiedchinese.GB18030
	case "utf16le-bom":
		enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	default:
		ts.Fatalf("encode: unknown encoding %q", args[0])
	}
	out, err := enc.NewEncoder().Bytes([]byte(ts.ReadFile(args[1])))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
}
