package model

import (
	"sync"
	"testing"
)

// TestOnChangeTellsWhatACommittedWriteChanged: each committed write tells
// the listeners the records it changed (a shipment names its order too); a
// refused write tells nothing; a stopped listener hears no more.
func TestOnChangeTellsWhatACommittedWriteChanged(t *testing.T) {
	f := newDesk(t)
	o := f.readyToShip(f.custA, 10, true)
	var mu sync.Mutex
	var heard []ChangeSet
	stop := f.s.OnChange(func(cs ChangeSet) {
		mu.Lock()
		defer mu.Unlock()
		heard = append(heard, cs)
	})
	sh := f.ship(o, map[int]Qty{1: QtyOf(10), 2: QtyOf(10)})
	if len(heard) != 1 || !heard[0].Has("order", o.ID) || !heard[0].Has("shipment", sh.ID) {
		t.Fatalf("after a shipment heard %+v, want order %d and shipment %d", heard, o.ID, sh.ID)
	}
	if err := f.try(f.reload(o), func(o *Order, c Ctx) error { return o.ReturnToCleared(c, " ") }); err == nil {
		t.Fatal("refused rule went through")
	}
	if len(heard) != 1 {
		t.Errorf("a refused write was told: %+v", heard[1:])
	}
	stop()
	f.arrive(sh, "林經理", "")
	if len(heard) != 1 {
		t.Errorf("a stopped listener heard %+v", heard[1:])
	}
}
