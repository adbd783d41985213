package model

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	_ "image/jpeg" // a logo may be a JPEG
	"image/png"

	"gorm.io/gorm"
)

// logoKey is the setting that holds the office's logo, base64-encoded. It is
// kept out of Office (read by every rule) and read only to print.
const logoKey = "company.logo"

// MaxLogoBytes and MaxLogoSide bound the logo a manager may set: a letterhead
// needs a few kilobytes, and every printed document embeds it.
const (
	MaxLogoBytes = 512 << 10
	MaxLogoSide  = 4000
)

// LogoInfo says what an image is, for the clerk and the history: "PNG
// 600×200, 14 KB".
func LogoInfo(data []byte) (Msg, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return Msg{}, Refuse("The logo must be a PNG or JPEG image.")
	}
	if err := CheckLogoSize(int64(len(data))); err != nil {
		return Msg{}, err
	}
	if cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide || cfg.Width == 0 || cfg.Height == 0 {
		return Msg{}, Refuse("The logo is {{.W}}×{{.H}} pixels; each side may be at most {{.Max}}.", "W", cfg.Width, "H", cfg.Height, "Max", MaxLogoSide)
	}
	kind := map[string]string{"png": "PNG", "jpeg": "JPEG"}[format]
	return M("{{.Kind}} {{.W}}×{{.H}}, {{.KB}} KB", "Kind", kind, "W", cfg.Width, "H", cfg.Height, "KB", (len(data)+1023)>>10), nil
}

// CheckLogoSize refuses a logo file of n bytes above MaxLogoBytes, before
// it is read whole (the command line checks the file's size first). The
// size is rounded up, so a file just over the bound never reads as "512 KB;
// at most 512 KB".
func CheckLogoSize(n int64) error {
	if n > MaxLogoBytes {
		return Refuse("The logo is {{.KB}} KB; it may be at most {{.Max}} KB.", "KB", (n+1023)>>10, "Max", MaxLogoBytes>>10)
	}
	return nil
}

// plainPNG re-encodes a PNG as Go writes it (not interlaced, which the PDF
// writer cannot embed); a JPEG is kept as it is.
func plainPNG(data []byte) ([]byte, error) {
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, Refuse("The logo must be a PNG or JPEG image.")
	}
	if format != "png" {
		return data, nil
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Logo returns the office's logo (nil: none).
func (s *Store) Logo(ctx context.Context) ([]byte, error) {
	var rows []Setting
	if err := s.reader(ctx).Where("key = ?", logoKey).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read the logo: %w", err)
	}
	if len(rows) == 0 || rows[0].Value == "" {
		return nil, nil
	}
	return base64.StdEncoding.DecodeString(rows[0].Value)
}

// PrintOffice returns the office's settings with its logo: what documents
// print in their letterhead.
func (s *Store) PrintOffice(ctx context.Context) (Office, error) {
	o, err := s.Office(ctx)
	if err != nil {
		return o, err
	}
	o.Logo, err = s.Logo(ctx)
	return o, err
}

// SetLogo sets the office's logo (a PNG or JPEG image), or removes it when
// data is empty. Only a manager may; the history says what the image is.
func (s *Store) SetLogo(ctx context.Context, by Actor, data []byte) error {
	after := M("none")
	if len(data) > 0 {
		info, err := LogoInfo(data)
		if err != nil {
			return err
		}
		if data, err = plainPNG(data); err != nil {
			return err
		}
		after = info
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := requireManager(tx, by, M("Only a manager may change the office settings.")); err != nil {
			return err
		}
		var rows []Setting
		if err := tx.Where("key = ?", logoKey).Limit(1).Find(&rows).Error; err != nil {
			return err
		}
		before := M("none")
		if len(rows) > 0 && rows[0].Value != "" {
			old, _ := base64.StdEncoding.DecodeString(rows[0].Value)
			if bytes.Equal(old, data) {
				return nil
			}
			if info, err := LogoInfo(old); err == nil {
				before = info
			}
		} else if len(data) == 0 {
			return nil
		}
		now := s.now()
		row := Setting{Key: logoKey, Value: base64.StdEncoding.EncodeToString(data), UpdatedAt: now, UpdatedBy: by.Name}
		if err := tx.Save(&row).Error; err != nil {
			return err
		}
		return logEvent(tx, eventWith(Event{Entity: "settings", At: now, By: by.Name, ByID: by.ID, Action: ActUpdated},
			fieldChange(logoKey, before, after)))
	})
}
