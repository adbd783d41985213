package csvio

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"orderdesk/model"
)

// customersFile is a small customer file with Chinese names, in UTF-8.
const customersFile = "code,name_zh,name_en,tier,billing_address\r\nE001,新順紙業股份有限公司,Hsin Shun Paper,B,台北市中山區南京東路二段100號\r\nE002,藍天印刷,,A,\"高雄市, 前鎮區\"\r\n"

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportEncodings: a file in any encoding Excel writes is stored as the
// same Chinese text; a file in none of them is refused by line, with the
// advice to save it as CSV UTF-8, and nothing is stored.
func TestImportEncodings(t *testing.T) {
	ctx := context.Background()
	big5 := encode(t, traditionalchinese.Big5, customersFile)
	cases := []struct {
		name    string
		file    []byte
		refuse  string // a part of the refusal; "" to accept
		refLine int
	}{
		{"UTF-8 with BOM", append([]byte(bom), customersFile...), "", 0},
		{"UTF-8 without BOM", []byte(customersFile), "", 0},
		{"Big5 from Excel on Traditional Chinese Windows", big5, "", 0},
		{"UTF-16 LE with BOM", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), customersFile), "", 0},
		{"UTF-16 BE with BOM", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), customersFile), "", 0},
		{"Latin-1", []byte("code,name_zh,name_en,tier\r\nE001,\xe9,Caf\xe9,B\r\nE002,Z\xfcrich,,A\r\n"), "neither UTF-8 nor Big5", 2},
		{"Big5 cut in the middle of a character", big5[:bytes.Index(big5, []byte("\r\nE002"))-1], "neither UTF-8 nor Big5", 2},
		{"UTF-8 BOM then Big5 on line 3", append(append([]byte(bom), "code,name_zh,tier\r\nE001,新順,B\r\n"...), encode(t, traditionalchinese.Big5, "E002,藍天,A\r\n")...), "not valid UTF-8", 3},
		{"UTF-16 LE with a lone surrogate", append(encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "code,name_zh,tier\nE001,"), 0x00, 0xD8, ',', 0, 'B', 0, '\n', 0), "cannot be read as UTF-16 LE", 2},
		{"text lost before it was saved", []byte("code,name_zh,tier\nE001,新\ufffd紙業,B\n"), "cannot be read", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := demoStore(t)
			before, _ := s.CountCustomers(ctx, model.ListFilter{IncludeInactive: true})
			n, err := ImportCustomers(ctx, s, by, bytes.NewReader(c.file))
			after, _ := s.CountCustomers(ctx, model.ListFilter{IncludeInactive: true})
			if c.refuse != "" {
				var ie *ImportError
				if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.refuse) || !strings.Contains(err.Error(), "CSV UTF-8") || ie.Problems[0].Line != c.refLine {
					t.Fatalf("want a refusal at line %d naming %q and how to save as CSV UTF-8, got %v", c.refLine, c.refuse, err)
				}
				if after != before {
					t.Errorf("a refused file stored %d customers", after-before)
				}
				return
			}
			if err != nil || n != 2 {
				t.Fatalf("%d rows, %v", n, err)
			}
			c1, _ := s.CustomerByCode(ctx, "E001")
			c2, _ := s.CustomerByCode(ctx, "E002")
			if c1 == nil || c1.NameZH != "新順紙業股份有限公司" || c1.BillingAddress != "台北市中山區南京東路二段100號" || c2 == nil || c2.NameZH != "藍天印刷" || c2.BillingAddress != "高雄市, 前鎮區" {
				t.Errorf("stored %+v and %+v", c1, c2)
			}
		})
	}
}

// FuzzDecodeCSV: any bytes come back as UTF-8 with no byte-order mark and
// no U+FFFD, or as a refusal a clerk can act on (a line, the advice); a
// file that was UTF-8 already comes back unchanged.
func FuzzDecodeCSV(f *testing.F) {
	f.Add([]byte(customersFile))
	f.Add(append([]byte(bom), customersFile...))
	f.Add([]byte("\xff\xfec\x00o\x00d\x00e\x00\n\x00"))
	f.Add([]byte("\xfe\xff\x00c\x00\n"))
	f.Add([]byte("code\n\xb7\x73\xb6\xb6\n"))
	f.Add([]byte("Caf\xe9\n"))
	f.Fuzz(func(t *testing.T, file []byte) {
		out, enc, err := DecodeCSV(bytes.NewReader(file))
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Line < 1 || !strings.Contains(err.Error(), "CSV UTF-8") {
				t.Fatalf("a refusal a clerk cannot act on: %v", err)
			}
			return
		}
		if !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) || bytes.HasPrefix(out, []byte(bom)) {
			t.Fatalf("%s decoded to %q", enc, out)
		}
		if utf8.Valid(file) && !bytes.HasPrefix(file, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(file, []byte{0xFE, 0xFF}) &&
			!bytes.Equal(out, bytes.TrimPrefix(file, []byte(bom))) {
			t.Fatalf("UTF-8 changed: %q → %q", file, out)
		}
	})
}
