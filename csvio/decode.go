package csvio

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"orderdesk/model"
)

// The encodings a clerk's CSV file arrives in. Excel writes "CSV UTF-8"
// with a byte-order mark; plain "CSV" on a Traditional Chinese Windows is
// Big5 (code page 950); "Unicode text" is UTF-16 with a byte-order mark.
const (
	encUTF8    = "UTF-8"
	encUTF16LE = "UTF-16 LE"
	encUTF16BE = "UTF-16 BE"
	encBig5    = "Big5"
)

// saveAsUTF8 is the advice every refusal of an encoding ends with.
const saveAsUTF8 = `In Excel, open the file and use Save As → "CSV UTF-8 (Comma delimited) (*.csv)", then import that file.`

// source is an imported file, copied to a temporary file while its
// encoding is found, so that each pass of an import (validate, then write)
// reads it again from the start without holding it in memory.
type source struct {
	f   *os.File
	enc string
}

// spool copies r to a temporary file and finds its encoding: a byte-order
// mark names it; without one, a file that is valid UTF-8 throughout is
// UTF-8, else one that is valid Big5 (code page 950) throughout is Big5,
// else the file is refused, naming the first line that is neither.
func spool(r io.Reader) (*source, error) {
	f, err := os.CreateTemp("", "orderdesk-import-*.csv")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name()) // nobody else needs its name; the file goes when it is closed (on Windows, Close removes it)
	src := &source{f: f}
	var sc scan
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte(bom)):
		src.enc = encUTF8
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		src.enc = encUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		src.enc = encUTF16BE
	}
	buf := make([]byte, 64<<10)
	for {
		n, rerr := br.Read(buf)
		if n > 0 {
			if src.enc == "" || src.enc == encUTF8 {
				sc.feed(buf[:n])
			}
			if _, err := f.Write(buf[:n]); err != nil {
				src.Close()
				return nil, err
			}
		}
		if errors.Is(rerr, io.EOF) {
			break
		}
		if rerr != nil {
			src.Close()
			return nil, rerr
		}
	}
	sc.end()
	switch {
	case src.enc == encUTF8 && sc.utf8Bad > 0:
		src.Close()
		return nil, encodingProblem(sc.utf8Bad, model.M("Line {{.Line}} is not valid UTF-8, though the file starts with UTF-8's byte-order mark: part of it was saved in another encoding. "+saveAsUTF8, "Line", sc.utf8Bad))
	case src.enc == "" && sc.utf8Bad == 0:
		src.enc = encUTF8
	case src.enc == "" && sc.big5Bad == 0:
		src.enc = encBig5
	case src.enc == "":
		src.Close()
		return nil, encodingProblem(sc.big5Bad, model.M("The file is neither UTF-8 nor Big5: line {{.Line}} holds bytes that are text in neither (a file from a Western Windows, Latin-1, is one such). "+saveAsUTF8, "Line", sc.big5Bad))
	}
	return src, nil
}

// Close removes the temporary copy.
func (s *source) Close() error {
	name := s.f.Name()
	err := s.f.Close()
	os.Remove(name)
	return err
}

// open returns the file from its start as UTF-8 text without a byte-order
// mark. A decoder turns bytes it cannot read into U+FFFD; the text is
// checked as it is read, so such a character refuses the file, by line,
// instead of being stored as mojibake.
func (s *source) open() (io.Reader, error) {
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	var r io.Reader = s.f
	switch s.enc {
	case encUTF8:
		r = transform.NewReader(r, unicode.UTF8BOM.NewDecoder())
	case encUTF16LE:
		r = transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case encUTF16BE:
		r = transform.NewReader(r, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	case encBig5:
		r = transform.NewReader(r, traditionalchinese.Big5.NewDecoder())
	}
	return &checked{br: bufio.NewReaderSize(r, 64<<10), enc: s.enc, line: 1}, nil
}

// DecodeCSV reads a whole CSV file in any encoding an import accepts and
// returns it as UTF-8 with the name of the encoding it was in, or an
// *ImportError naming the line that cannot be read. Every import reads its
// file through the same spool and open.
func DecodeCSV(r io.Reader) ([]byte, string, error) {
	src, err := spool(r)
	if err != nil {
		return nil, "", err
	}
	defer src.Close()
	text, err := src.open()
	if err != nil {
		return nil, "", err
	}
	b, err := io.ReadAll(text)
	return b, src.enc, err
}

func encodingProblem(line int, m model.Msg) error {
	return &ImportError{[]Problem{{Line: line, Msg: m}}}
}

// checked passes decoded text on, refusing it at the first U+FFFD (a byte
// the decoder could not read, or text already lost before the file was
// saved) and counting lines to say where.
type checked struct {
	br      *bufio.Reader
	enc     string
	line    int
	pending []byte // a character that did not fit the caller's buffer
}

func (c *checked) Read(p []byte) (int, error) {
	n := copy(p, c.pending)
	c.pending = c.pending[n:]
	var rb [utf8.UTFMax]byte
	for n < len(p) {
		r, size, err := c.br.ReadRune()
		if err != nil {
			if n > 0 && errors.Is(err, io.EOF) {
				return n, nil
			}
			return n, err
		}
		if r == utf8.RuneError {
			if size == 1 { // not UTF-8 where UTF-8 was expected
				return n, encodingProblem(c.line, model.M("Line {{.Line}} is not valid {{.Encoding}}. "+saveAsUTF8, "Line", c.line, "Encoding", c.enc))
			}
			return n, encodingProblem(c.line, model.M("Line {{.Line}} holds characters that cannot be read as {{.Encoding}} (shown as �): the text would be stored garbled. "+saveAsUTF8, "Line", c.line, "Encoding", c.enc))
		}
		if r == '\n' {
			c.line++
		}
		k := utf8.EncodeRune(rb[:], r)
		m := copy(p[n:], rb[:k])
		n += m
		c.pending = append(c.pending[:0], rb[m:k]...)
	}
	return n, nil
}

// scan follows a file without a byte-order mark byte by byte, as UTF-8 and
// as Big5 at once, and notes the first line that each cannot read (0 while
// there is none).
type scan struct {
	line             int
	carry            []byte // the start of a UTF-8 character cut by the end of a chunk
	big5Lead         bool   // the previous byte began a Big5 character
	utf8Bad, big5Bad int
}

func (s *scan) feed(p []byte) {
	if s.line == 0 {
		s.line = 1
	}
	line := s.line
	if s.utf8Bad == 0 {
		buf := append(s.carry, p...)
		i := 0
		for i < len(buf) {
			if buf[i] < utf8.RuneSelf {
				if buf[i] == '\n' {
					line++
				}
				i++
				continue
			}
			if !utf8.FullRune(buf[i:]) {
				break
			}
			r, size := utf8.DecodeRune(buf[i:])
			if r == utf8.RuneError && size == 1 {
				s.utf8Bad = line
				break
			}
			i += size
		}
		s.carry = append(s.carry[:0], buf[i:]...)
	}
	line = s.line
	for _, b := range p {
		if s.big5Bad != 0 {
			break
		}
		switch {
		case s.big5Lead:
			// Code page 950's second bytes; a line break never is one.
			if !(b >= 0x40 && b <= 0x7E || b >= 0xA1 && b <= 0xFE) {
				s.big5Bad = line
			}
			s.big5Lead = false
		case b >= 0xA1 && b <= 0xF9: // code page 950's first bytes (HKSCS's others are not what Excel writes)
			s.big5Lead = true
		case b >= 0x80:
			s.big5Bad = line
		}
		if b == '\n' {
			line++
		}
	}
	s.line += bytes.Count(p, []byte{'\n'})
}

// end notes a character cut off by the end of the file.
func (s *scan) end() {
	if s.utf8Bad == 0 && len(s.carry) > 0 {
		s.utf8Bad = s.line
	}
	if s.big5Bad == 0 && s.big5Lead {
		s.big5Bad = s.line
	}
}
