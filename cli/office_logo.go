package cli

import (
	"context"
	"fmt"
	"os"

	"orderdesk/model"
)

// officeLogo sets the office's logo from an image file, or removes it with
// -clear: the same rule as Settings (model.SetLogo: a manager only, a PNG
// or JPEG within the bounds, the history saying what the image is).
func officeLogo(ctx context.Context, env *Env, args []string) error {
	fs, db := flags(env, "office", "logo FILE -as MANAGER | logo -clear -as MANAGER")
	clear := fs.Bool("clear", false, "remove the logo: documents print the company's name alone")
	as := fs.String("as", "", "the manager (initials or name; password from "+PasswordEnv+" or the terminal)")
	if err := parse(fs, args, 0, 1); err != nil {
		return err
	}
	if *clear == (fs.NArg() == 1) {
		return badFlag(fs, "give the image FILE (PNG or JPEG), or -clear to remove the logo")
	}
	var data []byte
	if !*clear {
		var err error
		if data, err = readLogo(fs.Arg(0)); err != nil {
			return err
		}
	}
	s, by, err := openAs(ctx, env, *db, *as)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.SetLogo(ctx, by, data); err != nil {
		return err
	}
	if *clear {
		fmt.Fprintln(env.Stdout, "logo removed: documents print the company's name alone")
		return nil
	}
	info, _ := model.LogoInfo(data)
	fmt.Fprintf(env.Stdout, "logo set: %s\n", info)
	return nil
}

// readLogo reads an image file, refusing one too big for a logo by its
// size before reading it.
func readLogo(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := model.CheckLogoSize(st.Size()); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}
