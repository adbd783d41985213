package model

import "testing"

func TestDrafts(t *testing.T) {
	f := newDesk(t)
	by := f.clerk.Actor()
	if err := f.s.SaveDraft(f.ctx, by, "order-intake", "new", "大同紙品行", `{"memo":"道林紙"}`); err != nil {
		t.Fatal(err)
	}
	f.advance(5e9)
	if err := f.s.SaveDraft(f.ctx, by, "order-intake", "new", "大同紙品行", `{"memo":"道林紙 3 lines"}`); err != nil {
		t.Fatal(err)
	}
	f.s.SaveDraft(f.ctx, f.sales.Actor(), "order-intake", "new", "other clerk", `{}`)
	got, err := f.s.Drafts(f.ctx, f.clerk.ID, "order-intake")
	if err != nil || len(got) != 1 || got[0].Payload != `{"memo":"道林紙 3 lines"}` || !got[0].SavedAt.Equal(f.clock.Now()) {
		t.Fatalf("drafts %+v %v", got, err)
	}
	// A draft survives the store being closed and opened again (a crash).
	target := f.s.Target
	f.s.Close()
	s, err := Open(f.ctx, target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if again, _ := s.Drafts(f.ctx, f.clerk.ID, "order-intake"); len(again) != 1 {
		t.Fatalf("after reopening: %+v", again)
	}
	if err := s.DiscardDraft(f.ctx, by, "order-intake", "new"); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.Drafts(f.ctx, f.clerk.ID, "order-intake"); len(left) != 0 {
		t.Error("discarded draft still there")
	}
}
