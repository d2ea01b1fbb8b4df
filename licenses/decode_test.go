package licenses

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	zh := "本项目采用木兰宽松许可证，第2版。\n您可以在遵守本许可证的前提下使用本软件。\n"
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantEnc string
	}{
		{"utf8", []byte(zh), zh, ""},
		{"utf8_bom", []byte("\ufeff" + zh), "\ufeff" + zh, ""},
		{"utf16le_bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), zh), zh, EncodingUTF16LE},
		{"utf16be_bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), zh), zh, EncodingUTF16BE},
		{"gb18030", encode(t, simplifiedchinese.GB18030, zh), zh, EncodingGB18030},
		{"gbk", encode(t, simplifiedchinese.GBK, zh), zh, EncodingGB18030},
		// Latin-1 French decodes "cleanly" as GBK into rare ideographs.
		{"latin1_stays_bytes", encode(t, charmap.ISO8859_1, "Été déjà passé, café crème à côté.\n"), "", ""},
		{"binary", []byte{0x00, 0x9f, 0x92, 0x96, 0xff}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, enc := Decode(tc.in)
			if enc != tc.wantEnc {
				t.Fatalf("encoding = %q, want %q", enc, tc.wantEnc)
			}
			want := tc.want
			if want == "" {
				want = string(tc.in)
			}
			if !bytes.Equal(got, []byte(want)) {
				t.Fatalf("text = %q, want %q", got, want)
			}
		})
	}
}
