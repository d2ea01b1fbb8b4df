// Package tomlsafe reads TOML files for heng's extractors without letting
// a hostile file stall the scan.
//
// github.com/BurntSushi/toml, the TOML parser heng uses, keeps the full
// key of the table it is in (its "context") and copies or walks it for
// every key part it reads, so its running time grows with the square of
// the nesting: of inline tables ("a = {b = {c = ...}}"), of dotted keys
// ("a.b.c... = 1", "[a.b.c...]") and of both together. On a current
// machine 2,000 nested inline tables (an 8 KB file) take half a second,
// 8,000 (32 KB) take 13 s, and 200,000 (800 KB) would take hours; a
// dotted key of 8,000 parts (16 KB) takes 3 s. Real manifests and lock
// files nest a handful of levels deep, so the extractors refuse anything
// deeper than a small bound before the parser sees it. Nested arrays are
// cheap for the parser but are counted too: they are nesting all the
// same, and no real file needs many.
//
// CheckNesting is that bound: one linear pass over the bytes that knows
// just enough TOML (comments and the four kinds of strings) not to
// count brackets and dots that are text. It does not validate anything
// else; the parser does. Read bounds the size of what is read, and Decode
// does both before handing the text to the parser.
package tomlsafe

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/BurntSushi/toml"
)

// ErrTooLarge is the error, wrapped, of a file larger than the limit.
var ErrTooLarge = errors.New("too large")

// ErrTooDeep is the error, wrapped, of a file that nests deeper than the
// bound.
var ErrTooDeep = errors.New("tables, arrays or dotted keys nested too deep")

// Read reads all of r, up to limit bytes: a reader with more is an error
// wrapping ErrTooLarge, without the data.
func Read(r io.Reader, limit int64) ([]byte, error) {
	if limit < 0 {
		limit = 0
	}
	n := limit
	if n < math.MaxInt64 {
		n++ // one byte more tells a file of exactly limit bytes from a larger one
	}
	data, err := io.ReadAll(io.LimitReader(r, n))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: larger than %s", ErrTooLarge, size(limit))
	}
	return data, nil
}

// size writes a byte count in MiB when it is a whole number of them.
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// level is an open bracket: what it adds to the depth and whether it is
// an inline table.
type level struct {
	depth int
	table bool
}

// CheckNesting returns an error wrapping ErrTooDeep, with the line where
// it happens, when TOML text nests deeper than maxDepth.
//
// The depth counts the brackets and braces that are open (a table header
// "[a]" is one level while it is open, "[[a]]" two) and the dots of the
// key that leads into each of them and of the key being read: "[a.b.c]"
// is three deep, "x.y = {z = [1]}" four at its deepest. Brackets, braces
// and dots inside strings and comments are text and do not count. The
// count is conservative: it may count a dot of a value ("a = 1.5" is one
// deep) but never misses a level of the parser's nesting, and it does
// not carry a table header's depth into the lines below it, so a file
// that passes never makes the parser track a key of more than about
// 2×maxDepth parts. maxDepth < 1 refuses any bracket or dot.
//
// It runs in time linear in len(data) and does not check anything else:
// text that is not TOML may pass, for the parser to refuse.
func CheckNesting(data []byte, maxDepth int) error {
	var open []level
	depth := 0 // the sum of open's depths
	dots := 0  // dots of the key being read since the last bracket, comma or new line
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '#':
			if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
				i += j - 1 // the new line is read next: it ends a key
			} else {
				i = len(data)
			}
		case '"', '\'':
			i = skipString(data, i)
		case '.':
			dots++
			if depth+dots > maxDepth {
				return tooDeep(data, i, maxDepth)
			}
		case '[', '{':
			l := level{depth: dots + 1, table: data[i] == '{'}
			if depth+l.depth > maxDepth {
				return tooDeep(data, i, maxDepth)
			}
			open = append(open, l)
			depth += l.depth
			dots = 0
		case ']', '}':
			if n := len(open); n > 0 {
				depth -= open[n-1].depth
				open = open[:n-1]
			}
			dots = 0
		case ',':
			dots = 0
		case '\n':
			// A new line ends a key, but inside an inline table (TOML
			// 1.1 lets them span lines) only a comma does.
			if n := len(open); n == 0 || !open[n-1].table {
				dots = 0
			}
		}
	}
	return nil
}

func tooDeep(data []byte, i, maxDepth int) error {
	line := bytes.Count(data[:i], []byte{'\n'}) + 1
	return fmt.Errorf("line %d: %w: more than %d levels", line, ErrTooDeep, maxDepth)
}

// skipString returns the index of the last byte of the string that starts
// with the quote at data[i]: its closing quote; for a one-line string
// that a new line cuts short, the byte before the new line; for a string
// that does not end, the last byte of data. Basic strings, in double
// quotes, have backslash escapes; literal strings, in single quotes, have
// none. Tripled quotes start a multi-line string, which may end with up
// to two more quotes that are part of its text.
func skipString(data []byte, i int) int {
	q := data[i]
	if i+2 < len(data) && data[i+1] == q && data[i+2] == q { // multi-line
		for j := i + 3; j < len(data); j++ {
			switch {
			case data[j] == '\\' && q == '"':
				j++ // the escaped byte
			case data[j] == q && j+2 < len(data) && data[j+1] == q && data[j+2] == q:
				j += 2
				for k := 0; k < 2 && j+1 < len(data) && data[j+1] == q; k++ {
					j++
				}
				return j
			}
		}
		return len(data) - 1
	}
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case q:
			return j
		case '\n':
			return j - 1
		}
	}
	return len(data) - 1
}

// Decode reads r as Read does, checks its nesting with CheckNesting and
// decodes it into v with toml.Decode, whose metadata it returns (for
// toml.Primitive values and undecoded keys).
func Decode(r io.Reader, limit int64, maxDepth int, v any) (toml.MetaData, error) {
	data, err := Read(r, limit)
	if err != nil {
		return toml.MetaData{}, err
	}
	if err := CheckNesting(data, maxDepth); err != nil {
		return toml.MetaData{}, err
	}
	return toml.Decode(string(data), v)
}
