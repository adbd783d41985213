//go:build !windows

package ui

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
)

// doDoc runs try's command: lp is waited for and its complaint ("no
// default destination") becomes the error; a viewer is started and left.
func doDoc(try docTry, path string) error {
	cmd := exec.Command(try.Command[0], try.Command[1:]...)
	if !try.Wait {
		return cmd.Start()
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(out.String()); msg != "" {
			return errors.New(msg)
		}
		return err
	}
	return nil
}
