package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"orderdesk/model"
)

// PasswordEnv is the environment variable a script gives the password of
// the person named by -as in (the terminal asks for it otherwise).
const PasswordEnv = "ORDERDESK_PASSWORD"

// openAs opens the database db and signs in the person as names (cliActor);
// the caller closes the store.
func openAs(ctx context.Context, env *Env, db, as string) (*model.Store, model.Actor, error) {
	s, err := env.Open(ctx, db)
	if err != nil {
		return nil, model.Actor{}, err
	}
	by, err := cliActor(ctx, env, s, as)
	if err != nil {
		s.Close()
		return nil, model.Actor{}, err
	}
	return s, by, nil
}

// cliActor is who the command line writes as: the person named by -as,
// signed in with their password, or "command line" when -as is not given
// (which the model refuses for anything reserved to a person). A wrong
// password ends the command before it changes anything.
func cliActor(ctx context.Context, env *Env, s *model.Store, as string) (model.Actor, error) {
	if strings.TrimSpace(as) == "" {
		return model.Actor{Name: "command line"}, nil
	}
	pw, err := readPassword(env, fmt.Sprintf("Password for %s: ", as))
	if err != nil {
		return model.Actor{}, err
	}
	e, err := s.SignIn(ctx, as, pw)
	if err != nil {
		return model.Actor{}, err
	}
	return e.Actor(), nil
}

// readPassword returns the password from ORDERDESK_PASSWORD, or asks for it
// on the terminal without echoing it. Nothing else is asked: a password
// piped on stdin would sit in a script or a shell history.
func readPassword(env *Env, prompt string) (string, error) {
	if pw, ok := os.LookupEnv(PasswordEnv); ok {
		return pw, nil
	}
	f, ok := env.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", errors.New("no password: set " + PasswordEnv + " or run the command in a terminal")
	}
	fmt.Fprint(env.Stderr, prompt)
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(env.Stderr)
	if err != nil {
		return "", fmt.Errorf("read the password: %w", err)
	}
	return strings.TrimRight(string(b), "\r\n"), nil
}

// newPassword returns a new password from ORDERDESK_PASSWORD, or asks for it
// twice on the terminal.
func newPassword(env *Env, prompt string) (string, error) {
	if pw, ok := os.LookupEnv(PasswordEnv); ok {
		return pw, nil
	}
	pw, err := readPassword(env, prompt)
	if err != nil {
		return "", err
	}
	again, err := readPassword(env, "The same again: ")
	if err != nil {
		return "", err
	}
	if pw != again {
		return "", errors.New("the two passwords differ; nothing was changed")
	}
	return pw, nil
}
