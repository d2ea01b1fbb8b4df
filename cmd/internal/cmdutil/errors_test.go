package cmdutil

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestFlagError(t *testing.T) {
	tests := []struct {
		name    string
		err     error
		wantMsg string
		wantIs  error
	}{
		{
			name:    "formatted",
			err:     FlagErrorf("unknown format %q for --format; available: %s", "xml", "json, text"),
			wantMsg: `unknown format "xml" for --format; available: json, text`,
		},
		{
			name:    "wraps_with_w",
			err:     FlagErrorf("read --policy %q: %w", "p.yaml", fs.ErrNotExist),
			wantMsg: `read --policy "p.yaml": file does not exist`,
			wantIs:  fs.ErrNotExist,
		},
		{
			name:    "wrap",
			err:     FlagErrorWrap(errors.New("unknown flag: --bogus")),
			wantMsg: "unknown flag: --bogus",
		},
		{
			name:    "found_through_wrapping",
			err:     fmt.Errorf("scan: %w", FlagErrorf("bad")),
			wantMsg: "scan: bad",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.wantMsg {
				t.Errorf("Error() = %q, want %q", got, tt.wantMsg)
			}
			var fe *FlagError
			if !errors.As(tt.err, &fe) {
				t.Errorf("errors.As(%v, *FlagError) = false", tt.err)
			}
			if tt.wantIs != nil && !errors.Is(tt.err, tt.wantIs) {
				t.Errorf("errors.Is(%v, %v) = false", tt.err, tt.wantIs)
			}
		})
	}
	if fe := FlagErrorf("once"); FlagErrorWrap(fe) != fe {
		t.Errorf("FlagErrorWrap wrapped a FlagError again")
	}
	if err := FlagErrorWrap(nil); err != nil {
		t.Errorf("FlagErrorWrap(nil) = %v, want nil", err)
	}
}
