package model

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// Mail intake (seed 001: "a ticket is automatically created through
// e-mail"): saved e-mails (.eml) dropped in a watched folder become New
// tickets. A file that is read moves to processed/, one that cannot be read
// moves to failed/ with a .reason.txt beside it: never lost, never a crash.

// maxMailSize keeps one huge file from filling the memory of a desk.
const maxMailSize = 50 << 20

// AttachmentDir is where attachments of e-mails are kept: beside the
// SQLite file, or under the app's storage for a PostgreSQL database.
func (s *Store) AttachmentDir() string {
	if s.Path != "" {
		return filepath.Join(filepath.Dir(s.Path), "attachments")
	}
	return filepath.Join(AppDir(), "attachments")
}

// MailResult is what happened to one file of the folder.
type MailResult struct {
	File   string
	Ticket string // the new ticket's number, when it worked
	// Returns are the attachments imported as returned confirmations; when
	// they were all its attachments, the e-mail made no ticket.
	Returns []ScanResult
	Err     error
}

// ProcessMailFolder turns every .eml file in dir into a New ticket, keeping
// attachments in attachDir (content-addressed: the same file is stored
// once). by is who the tickets are recorded as opened by (System for the
// watcher). With decode, attachments that are returned confirmations are
// imported as the scan folder's files are (returnsInMail).
func (s *Store) ProcessMailFolder(ctx context.Context, by Actor, dir, attachDir string, decode ScanDecoder) ([]MailResult, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []MailResult
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".eml") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		res := MailResult{File: e.Name()}
		t, returns, err := s.fromMailFile(ctx, by, path, attachDir, decode)
		res.Returns = returns
		dest := "processed"
		if err != nil {
			res.Err, dest = err, "failed"
		} else if t != nil {
			res.Ticket = t.No
		}
		if merr := moveAside(path, filepath.Join(dir, dest), err); merr != nil && res.Err == nil {
			res.Err = merr
		}
		out = append(out, res)
	}
	return out, nil
}

// fromMailFile reads one e-mail: its returned confirmations (with decode)
// and the ticket it makes (nil when it carried only returned confirmations).
func (s *Store) fromMailFile(ctx context.Context, by Actor, path, attachDir string, decode ScanDecoder) (t *Ticket, returns []ScanResult, err error) {
	defer func() {
		// A malformed file must never take the app down with it.
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("unreadable e-mail: %v", r)
		}
	}()
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	raw, err := io.ReadAll(io.LimitReader(f, maxMailSize+1))
	if err != nil {
		return nil, nil, err
	}
	m, err := ParseMail(bytes.NewReader(raw))
	if err != nil {
		return nil, nil, err
	}
	returns, all := s.returnsInMail(ctx, by, m, st.ModTime(), decode)
	for _, r := range returns {
		var ref *Refusal
		if r.Err != nil && !errors.As(r.Err, &ref) {
			return nil, returns, fmt.Errorf("attachment %s: %w", r.File, r.Err)
		}
	}
	if all {
		return nil, returns, nil
	}
	t, err = s.ticketFrom(ctx, by, m, raw, attachDir)
	return t, returns, err
}

// ticketFrom makes the New ticket of an e-mail, its attachments kept.
func (s *Store) ticketFrom(ctx context.Context, by Actor, m *Mail, raw []byte, attachDir string) (*Ticket, error) {
	in := m.TicketInput()
	in.CustomerID = s.customerByEmail(ctx, m.FromAddress)
	var stored []string
	if cut, ok := boundDescription(in.Description, maxDescription, len(raw)); ok {
		// The ticket keeps what a clerk reads; the message keeps every byte.
		in.Description = cut
		m.Attachments = append([]Attachment{{Name: wholeMessageName, Data: raw}}, m.Attachments...)
	}
	for _, a := range m.Attachments {
		p, err := storeAttachment(attachDir, a)
		if err != nil {
			return nil, err
		}
		stored = append(stored, a.Name+" → "+p)
	}
	if len(stored) > 0 {
		in.Description += "\n\nAttachments:\n" + strings.Join(stored, "\n")
	}
	return s.CreateTicket(ctx, by, in)
}

// customerByEmail finds the customer whose e-mail or domain sent the mail.
func (s *Store) customerByEmail(ctx context.Context, addr string) *uint {
	addr = strings.ToLower(strings.TrimSpace(addr))
	if addr == "" {
		return nil
	}
	var c Customer
	if s.reader(ctx).Select("id").Where("LOWER(email) = ?", addr).Take(&c).Error == nil {
		return &c.ID
	}
	return nil
}

// moveAside moves a processed file into dest (processed/ or failed/),
// never overwriting; a failure leaves the reason beside it.
func moveAside(path, destDir string, reason error) error {
	if err := os.MkdirAll(destDir, 0o700); err != nil {
		return err
	}
	base := filepath.Base(path)
	dest := filepath.Join(destDir, base)
	for i := 2; ; i++ {
		if _, err := os.Stat(dest); errors.Is(err, os.ErrNotExist) {
			break
		}
		dest = filepath.Join(destDir, fmt.Sprintf("%s-%d%s", strings.TrimSuffix(base, filepath.Ext(base)), i, filepath.Ext(base)))
	}
	if err := os.Rename(path, dest); err != nil {
		return err
	}
	if reason != nil {
		return os.WriteFile(dest+".reason.txt", []byte(time.Now().Format(time.RFC3339)+"\n"+reason.Error()+"\n"), 0o600)
	}
	return nil
}

// maxDescription bounds the text of a ticket made from an e-mail: a 40 MB
// message once became a 40 MB description, and every list that read it
// took seconds. The whole message is kept as an attachment instead.
const maxDescription = 64 << 10

// wholeMessageName is the attachment holding a cut e-mail as it came.
const wholeMessageName = "message.eml"

// boundDescription returns text cut to at most limit bytes (and ok), at
// the end of a line when there is one in the second half, never inside a
// character, followed by a note, in both languages the clerks read, that
// says where the rest is. Text within limit comes back unchanged (not ok).
func boundDescription(text string, limit, mailSize int) (string, bool) {
	if len(text) <= limit {
		return text, false
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if nl := strings.LastIndexByte(text[:cut], '\n'); nl > limit/2 {
		cut = nl
	}
	size := fmt.Sprintf("%.1f MB", float64(mailSize)/(1<<20))
	return strings.TrimRight(text[:cut], "\r") + "\n\n[…] The e-mail is longer than a ticket keeps; it was cut here. The whole message (" + size +
		") is attached as " + wholeMessageName + ".\n[…] 郵件過長，內容於此截斷；完整郵件（" + size + "）已附加為 " + wholeMessageName + "。", true
}

// Mail is a parsed e-mail: who, what, the text, the attachments.
type Mail struct {
	From, FromAddress string
	Subject           string
	Date              time.Time
	Text              string
	Attachments       []Attachment
}

// Attachment is a file that came with an e-mail.
type Attachment struct {
	Name string
	Data []byte
}

// TicketInput turns the mail into a new ticket: a question by default, the
// sender and date at the top of the description.
func (m *Mail) TicketInput() TicketInput {
	// Mail may carry control characters the store refuses: take them out.
	subject := strings.TrimSpace(plainText(m.Subject))
	if subject == "" {
		subject = "(no subject)"
	}
	if utf8.RuneCountInString(subject) > 200 {
		subject = string([]rune(subject)[:200])
	}
	head := "From: " + plainText(m.From)
	if !m.Date.IsZero() {
		head += "\nDate: " + m.Date.Format("2006-01-02 15:04 -0700")
	}
	return TicketInput{Type: "QUESTION", Subject: subject, Description: head + "\n\n" + strings.TrimSpace(plainText(m.Text))}
}

var wordDecoder = &mime.WordDecoder{CharsetReader: charsetReader}

// charsetReader decodes the charsets Taiwanese and other mail uses (Big5,
// GB2312, Shift_JIS, ISO-8859-x…) into UTF-8.
func charsetReader(charset string, r io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return nil, fmt.Errorf("unknown charset %q", charset)
	}
	return enc.NewDecoder().Reader(r), nil
}

// ParseMail reads an RFC 5322 message: headers (encoded words decoded),
// the text body (plain text preferred, HTML reduced to text), attachments.
func ParseMail(r io.Reader) (*Mail, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if len(data) > maxMailSize {
		return nil, errors.New("the e-mail is larger than 50 MB")
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not an e-mail: %w", err)
	}
	m := &Mail{}
	m.Subject = decodeHeader(msg.Header.Get("Subject"))
	from := msg.Header.Get("From")
	if a, err := (&mail.AddressParser{WordDecoder: wordDecoder}).Parse(from); err == nil {
		m.From, m.FromAddress = strings.TrimSpace(a.Name+" <"+a.Address+">"), a.Address
	} else {
		m.From = decodeHeader(from)
	}
	if m.From == "" {
		return nil, errors.New("the e-mail has no sender (From)")
	}
	m.Date, _ = msg.Header.Date()
	var html string
	if err := walkPart(textproto(msg.Header), msg.Body, m, &html, 0); err != nil {
		return nil, err
	}
	if strings.TrimSpace(m.Text) == "" && html != "" {
		m.Text = htmlToText(html)
	}
	return m, nil
}

type headerGetter interface{ Get(string) string }

func textproto(h mail.Header) headerGetter { return h }

func decodeHeader(s string) string {
	if d, err := wordDecoder.DecodeHeader(s); err == nil {
		return strings.TrimSpace(d)
	}
	return strings.TrimSpace(s)
}

// walkPart reads one MIME part: text into m.Text (or html), files into
// attachments, multiparts recursively (to a sane depth).
func walkPart(h headerGetter, body io.Reader, m *Mail, html *string, depth int) error {
	if depth > 20 {
		return errors.New("the e-mail nests too deep")
	}
	ctype := h.Get("Content-Type")
	if ctype == "" {
		ctype = "text/plain; charset=utf-8"
	}
	mediaType, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		mediaType, params = "text/plain", map[string]string{}
	}
	body = transferDecoded(h.Get("Content-Transfer-Encoding"), body)
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("a broken MIME part: %w", err)
			}
			if err := walkPart(p.Header, p, m, html, depth+1); err != nil {
				return err
			}
		}
	}
	disposition, dparams, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	name := decodeHeader(dparams["filename"])
	if name == "" {
		name = decodeHeader(params["name"])
	}
	data, err := io.ReadAll(io.LimitReader(body, maxMailSize))
	if err != nil {
		return fmt.Errorf("read a MIME part: %w", err)
	}
	if disposition == "attachment" || (name != "" && !strings.HasPrefix(mediaType, "text/")) {
		if name == "" {
			name = "attachment"
		}
		m.Attachments = append(m.Attachments, Attachment{Name: name, Data: data})
		return nil
	}
	text := string(data)
	if cs := params["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "us-ascii") {
		if r, err := charsetReader(cs, bytes.NewReader(data)); err == nil {
			if b, err := io.ReadAll(r); err == nil {
				text = string(b)
			}
		}
	}
	text = strings.ToValidUTF8(text, "�")
	switch mediaType {
	case "text/html":
		*html += text
	default:
		if m.Text != "" {
			m.Text += "\n"
		}
		m.Text += text
	}
	return nil
}

func transferDecoded(enc string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &lineSkipper{r: r})
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	}
	return r
}

// lineSkipper drops CR and LF, which base64 bodies are wrapped with.
type lineSkipper struct{ r io.Reader }

func (l *lineSkipper) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	j := 0
	for _, b := range p[:n] {
		if b != '\r' && b != '\n' {
			p[j] = b
			j++
		}
	}
	return j, err
}

var (
	htmlBreaks = regexp.MustCompile(`(?i)<br\s*/?>|</p>|</div>|</tr>|</li>`)
	htmlTags   = regexp.MustCompile(`(?s)<[^>]*>`)
	htmlSkip   = regexp.MustCompile(`(?is)<(style|script)[^>]*>.*?</(style|script)>`)
)

// htmlToText keeps the words of an HTML body, one paragraph a line.
func htmlToText(s string) string {
	s = htmlSkip.ReplaceAllString(s, "")
	s = htmlBreaks.ReplaceAllString(s, "\n")
	s = htmlTags.ReplaceAllString(s, "")
	r := strings.NewReplacer("&nbsp;", " ", "&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'")
	return strings.TrimSpace(r.Replace(s))
}

// storeAttachment keeps a file under dir by the SHA-256 of its content and
// returns the stored path. The name is reduced to a safe base name: a
// sender cannot write outside dir ("../../x" becomes "x").
func storeAttachment(dir string, a Attachment) (string, error) {
	sum := sha256.Sum256(a.Data)
	name := safeFileName(a.Name)
	sub := filepath.Join(dir, hex.EncodeToString(sum[:2]))
	dest := filepath.Join(sub, hex.EncodeToString(sum[:])+"-"+name)
	if _, err := os.Stat(dest); err == nil {
		return dest, nil // the same file, stored before
	}
	if err := os.MkdirAll(sub, 0o700); err != nil {
		return "", err
	}
	tmp := dest + ".part"
	if err := os.WriteFile(tmp, a.Data, 0o600); err != nil {
		return "", err
	}
	return dest, os.Rename(tmp, dest)
}

var unsafeName = regexp.MustCompile(`[^\p{L}\p{N}._ -]+`)

// safeFileName returns a file name that is only a name: no folders, no
// device names, nothing a shell or Windows would read as special.
func safeFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = unsafeName.ReplaceAllString(name, "_")
	name = strings.Trim(name, ". ")
	if name == "" {
		name = "attachment"
	}
	if r := []rune(name); len(r) > 100 {
		name = string(r[len(r)-100:])
	}
	return name
}
