package model

import "context"

// Upgrade says that opening a database brings its schema up to this
// build's: from step From to step To, after a copy of the file is kept
// at Copy (SQLite; "" on PostgreSQL, which the office's own backups cover).
// On a big office the copy takes a minute (2.8 GB at 250,000 orders).
type Upgrade struct {
	From, To int
	Copy     string
}

type upgradeNoticeKey struct{}

// WithUpgradeNotice returns a context under which Open calls notice
// (on Open's goroutine) before it copies and upgrades the database, so a
// window can say why it is still opening. It rides on the context rather
// than in Options because only the window has a screen to say it on; the
// command line and the tests open as before.
func WithUpgradeNotice(ctx context.Context, notice func(Upgrade)) context.Context {
	return context.WithValue(ctx, upgradeNoticeKey{}, notice)
}

// noticeUpgrade tells the context's notice, if any, of u.
func noticeUpgrade(ctx context.Context, u Upgrade) {
	if notice, ok := ctx.Value(upgradeNoticeKey{}).(func(Upgrade)); ok && notice != nil {
		notice(u)
	}
}
