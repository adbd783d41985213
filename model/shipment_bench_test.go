package model

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"

	"orderdesk/internal/testkit"
)

// benchShipments is the size the shipping targets are stated at.
const benchShipments = 250_000

// benchShipmentOrders is how many generated orders the shipments belong to.
const benchShipmentOrders = 60_000

// benchShipmentData names the generated file: raise it when the generator below changes.
const benchShipmentData = 2

// shipmentBenchStore opens a database of generated orders and 250,000
// shipments, building it the first time under the temp folder and reusing
// it after.
func shipmentBenchStore(b *testing.B) *Store {
	b.Helper()
	name := fmt.Sprintf("shipments-%d-orders%d-schema%d-data%d.db", benchShipments, benchShipmentOrders, LatestSchema(), benchShipmentData)
	path := testkit.BuildOnce(b, filepath.Join(testkit.BenchDir(), name), func(tmp string) error {
		s, err := Open(context.Background(), tmp, Options{Create: true})
		if err != nil {
			return err
		}
		defer s.Close()
		benchOffice(b, s, 40, 30)
		if err := s.GenerateOrders(context.Background(), benchShipmentOrders, 1, nil); err != nil {
			return err
		}
		return generateShipments(s, benchShipments)
	})
	s, err := Open(context.Background(), path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// generateShipments writes n shipments over the stored orders with bulk
// inserts: most delivered with a signed receipt over three years, a few
// percent in transit (some late), arrived awaiting the receipt, or void.
func generateShipments(s *Store, n int) error {
	type line struct {
		OrderID, ID uint
		LineNo      int
	}
	var lines []line
	if err := s.db.Raw("SELECT order_id, MIN(id) AS id, MIN(line_no) AS line_no FROM order_lines GROUP BY order_id ORDER BY order_id").Scan(&lines).Error; err != nil {
		return err
	}
	rng := rand.New(rand.NewSource(7))
	today := s.Today()
	now := s.now()
	ships := make([]Shipment, 0, n)
	shipLines := make([]ShipmentLine, 0, n)
	for i := 0; i < n; i++ {
		l := lines[i%len(lines)]
		id := uint(i + 1)
		lead := 1 + rng.Intn(35)
		sh := Shipment{Row: Row{ID: id, CreatedAt: now, UpdatedAt: now, CreatedBy: "generator", UpdatedBy: "generator", Version: 1},
			OrderID: l.OrderID, Carrier: []string{"新竹物流", "黑貓宅急便", "DHL", "嘉里大榮"}[i%4],
			TrackingNo: fmt.Sprintf("TRK%09d", i), Packages: 1 + rng.Intn(20), WeightKg: QtyOf(int64(50 + rng.Intn(2000))),
			LeadDays: lead, No: FormatNumber(SeriesShipment, 2000+i/99999, i%99999+1)}
		r := rng.Intn(1000)
		switch {
		case r < 30: // in transit, shipped in the last five weeks: some late
			sh.Status, sh.ShipDate = ShipInTransit, today.AddDays(-rng.Intn(35))
		case r < 40: // arrived, the receipt not back
			sh.Status, sh.ShipDate = ShipArrived, today.AddDays(-rng.Intn(40)-1)
		case r < 50:
			sh.Status, sh.ShipDate = ShipVoid, today.AddDays(-rng.Intn(3*365))
			sh.VoidReason = "wrong order picked"
		default:
			sh.Status, sh.ShipDate = ShipReceived, today.AddDays(-rng.Intn(3*365)-1)
		}
		sh.ExpectedArrival = sh.ShipDate.AddDays(lead)
		sh.FollowUpOn = sh.ExpectedArrival
		if sh.Status == ShipArrived || sh.Status == ShipReceived {
			sh.ArrivedOn = sh.ShipDate.AddDays(max(0, lead-2+rng.Intn(5)))
			if sh.ArrivedOn.After(today) {
				sh.ArrivedOn = today
			}
		}
		if sh.Status == ShipReceived {
			sh.Receipt = Signature{By: "林經理", At: &now}
		}
		sh.Remainder = r%200 == 7
		ships = append(ships, sh)
		shipLines = append(shipLines, ShipmentLine{Row: sh.Row, ShipmentID: id, OrderLineID: l.ID, LineNo: l.LineNo, Qty: QtyOf(10)})
	}
	err := s.bulkLoad(context.Background(), func(w bulkSink) error {
		if err := w.insert(ships); err != nil {
			return err
		}
		return w.insert(shipLines)
	})
	if err != nil {
		return err
	}
	return s.db.Exec("ANALYZE").Error
}

func BenchmarkShipmentViews(b *testing.B) {
	s := shipmentBenchStore(b)
	ctx := context.Background()
	views := append(append([]ShipmentView{}, ShipmentViews...), ShipViewMonth)
	for _, v := range views {
		f := ShipmentFilter{View: v, Month: s.Today().AddDays(-40), Limit: 100}
		b.Run(string(v)+"/page", func(b *testing.B) {
			p95(b, func() error { _, err := s.Shipments(ctx, f); return err })
		})
		b.Run(string(v)+"/count", func(b *testing.B) {
			p95(b, func() error { _, err := s.CountShipments(ctx, f); return err })
		})
	}
	b.Run("archive-month-all", func(b *testing.B) {
		p95(b, func() error { _, err := s.ShipmentArchive(ctx, s.Today().AddDays(-40)); return err })
	})
}
