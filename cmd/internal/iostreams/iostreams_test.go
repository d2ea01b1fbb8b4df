package iostreams

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// env turns a map into a getenv function.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestColorEnabled(t *testing.T) {
	tests := []struct {
		name    string
		tty     bool
		env     map[string]string
		noColor bool
		want    bool
	}{
		{name: "terminal", tty: true, env: map[string]string{"TERM": "xterm-256color"}, want: true},
		{name: "not_a_terminal", tty: false, want: false},
		{name: "no_color_set", tty: true, env: map[string]string{"NO_COLOR": "1"}, want: false},
		{name: "no_color_any_value", tty: true, env: map[string]string{"NO_COLOR": "false"}, want: false},
		{name: "no_color_empty_is_unset", tty: true, env: map[string]string{"NO_COLOR": ""}, want: true},
		{name: "term_dumb", tty: true, env: map[string]string{"TERM": "dumb"}, want: false},
		{name: "flag", tty: true, noColor: true, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, _ := Test()
			s.SetStdoutTTY(tt.tty)
			s.readEnv(env(tt.env))
			s.SetNoColor(tt.noColor)
			if got := s.ColorEnabled(); got != tt.want {
				t.Errorf("ColorEnabled() = %v, want %v", got, tt.want)
			}
			if got := s.ColorScheme().Enabled(); got != tt.want {
				t.Errorf("ColorScheme().Enabled() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDetectCI(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want bool
	}{
		{name: "nothing", want: false},
		{name: "ci_true", env: map[string]string{"CI": "true"}, want: true},
		{name: "ci_1", env: map[string]string{"CI": "1"}, want: true},
		{name: "ci_false", env: map[string]string{"CI": "false"}, want: false},
		{name: "ci_0", env: map[string]string{"CI": "0"}, want: false},
		{name: "github_actions", env: map[string]string{"GITHUB_ACTIONS": "true"}, want: true},
		{name: "jenkins_build_number", env: map[string]string{"BUILD_NUMBER": "42"}, want: true},
		{name: "taskcluster_run_id", env: map[string]string{"RUN_ID": "7"}, want: true},
		{name: "unrelated", env: map[string]string{"HOME": "/root", "TERM": "xterm"}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectCI(env(tt.env)); got != tt.want {
				t.Errorf("detectCI(%v) = %v, want %v", tt.env, got, tt.want)
			}
		})
	}
}

func TestProgressEnabled(t *testing.T) {
	tests := []struct {
		name      string
		stderrTTY bool
		ci        bool
		quiet     bool
		want      bool
	}{
		{name: "terminal", stderrTTY: true, want: true},
		{name: "redirected", stderrTTY: false, want: false},
		{name: "ci", stderrTTY: true, ci: true, want: false},
		{name: "quiet", stderrTTY: true, quiet: true, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, _ := Test()
			s.SetStderrTTY(tt.stderrTTY)
			s.SetCI(tt.ci)
			s.SetQuiet(tt.quiet)
			if got := s.ProgressEnabled(); got != tt.want {
				t.Errorf("ProgressEnabled() = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestTestStreams checks that Test's streams are wired to the returned
// buffers and start out as no terminal, whatever the real environment.
func TestTestStreams(t *testing.T) {
	t.Setenv("CI", "true")
	s, in, out, errOut := Test()
	in.WriteString("input")
	if _, err := s.Out.Write([]byte("data")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ErrOut.Write([]byte("diag")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := s.In.Read(buf); err != nil {
		t.Fatal(err)
	}
	got := []string{string(buf), out.String(), errOut.String()}
	if d := cmp.Diff([]string{"input", "data", "diag"}, got); d != "" {
		t.Errorf("streams diff (-want +got):\n%s", d)
	}
	if s.IsStdinTTY() || s.IsStdoutTTY() || s.IsStderrTTY() || s.IsCI() || s.IsQuiet() {
		t.Errorf("Test() streams claim a terminal, CI or quiet")
	}
	if got := s.TerminalWidth(); got != DefaultWidth {
		t.Errorf("TerminalWidth() = %d, want %d", got, DefaultWidth)
	}
	s.SetTerminalWidth(120)
	if got := s.TerminalWidth(); got != 120 {
		t.Errorf("TerminalWidth() after SetTerminalWidth(120) = %d", got)
	}
}

func TestColorScheme(t *testing.T) {
	on := &ColorScheme{enabled: true}
	off := &ColorScheme{enabled: false}
	tests := []struct {
		name string
		fn   func(*ColorScheme, string) string
		on   string
	}{
		{name: "bold", fn: (*ColorScheme).Bold, on: "\x1b[1mx\x1b[0m"},
		{name: "red", fn: (*ColorScheme).Red, on: "\x1b[31mx\x1b[0m"},
		{name: "green", fn: (*ColorScheme).Green, on: "\x1b[32mx\x1b[0m"},
		{name: "yellow", fn: (*ColorScheme).Yellow, on: "\x1b[33mx\x1b[0m"},
		{name: "cyan", fn: (*ColorScheme).Cyan, on: "\x1b[36mx\x1b[0m"},
		{name: "gray", fn: (*ColorScheme).Gray, on: "\x1b[90mx\x1b[0m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.fn(on, "x"); got != tt.on {
				t.Errorf("enabled: got %q, want %q", got, tt.on)
			}
			if got := tt.fn(off, "x"); got != "x" {
				t.Errorf("disabled: got %q, want %q", got, "x")
			}
			if got := tt.fn(on, ""); got != "" {
				t.Errorf("enabled on empty string: got %q, want empty", got)
			}
		})
	}
}
