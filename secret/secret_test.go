package secret

import (
	"testing"

	"github.com/zalando/go-keyring"
)

type mapKeychain map[string]string

func (m mapKeychain) Get(s, u string) (string, error) {
	if v, ok := m[s+"|"+u]; ok {
		return v, nil
	}
	return "", keyring.ErrNotFound
}
func (m mapKeychain) Set(s, u, p string) error { m[s+"|"+u] = p; return nil }
func (m mapKeychain) Delete(s, u string) error {
	if _, ok := m[s+"|"+u]; !ok {
		return keyring.ErrNotFound
	}
	delete(m, s+"|"+u)
	return nil
}

func TestPasswordsStayOutOfTheURL(t *testing.T) {
	kc := mapKeychain{}
	keychain = kc
	defer func() { keychain = osKeychain{} }()

	typed := "postgres://desk:s3cr%40t@db.office:5432/orderdesk?sslmode=disable"
	bare, pw := Split(typed)
	if bare != "postgres://desk@db.office:5432/orderdesk?sslmode=disable" || pw != "s3cr@t" {
		t.Fatalf("split: %q %q", bare, pw)
	}
	if got := WithPassword(bare); got != bare {
		t.Errorf("no password anywhere yet, got %q", got)
	}
	if err := Save(bare, pw); err != nil {
		t.Fatal(err)
	}
	if got := WithPassword(bare); got != "postgres://desk:s3cr%40t@db.office:5432/orderdesk?sslmode=disable" {
		t.Errorf("from the keychain: %q", got)
	}
	t.Setenv(EnvPassword, "from-env")
	if got := WithPassword(bare); got != "postgres://desk:from-env@db.office:5432/orderdesk?sslmode=disable" {
		t.Errorf("the environment comes first: %q", got)
	}
	if got := Redact(WithPassword(bare)); got != "postgres://desk:xxxxx@db.office:5432/orderdesk?sslmode=disable" {
		t.Errorf("redacted: %q", got)
	}
	if err := Save(bare, ""); err != nil || len(kc) != 0 {
		t.Errorf("removing the password: %v %v", err, kc)
	}
	for _, file := range []string{"/tmp/orderdesk.db", `C:\Users\me\orderdesk.db`} {
		if WithPassword(file) != file || Redact(file) != file {
			t.Errorf("a file path was changed: %q", file)
		}
	}
}
