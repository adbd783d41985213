package demo

import (
	"fmt"

	"orderdesk/model"
)

// carriers the demo shipments travel with.
var carriers = []string{"新竹物流 HCT", "嘉里大榮 Kerry TJ", "黑貓宅急便 T-Cat", "DHL Express"}

// addShipments ships most of the orders finance has cleared, so the
// Shipping screen shows every view at work: some still in transit, some
// late, some arrived without the signed receipt, some delivered.
func (b *builder) addShipments() error {
	ctx, by := b.ctx, b.people["KR"].Actor()
	rows, err := b.s.Orders(ctx, model.OrderFilter{View: model.ViewState, State: model.StateCleared, Limit: 40})
	if err != nil {
		return err
	}
	today := model.DateOf(b.s.Now())
	for i, r := range rows {
		if i%4 == 3 {
			continue // left to ship
		}
		o, err := b.s.Order(ctx, r.ID)
		if err != nil {
			return err
		}
		if o.RequestNo == "" {
			// The shipping clerk re-checks address, receiver and phone (step 13).
			contact, phone := "", o.Customer.Phone
			if o.Contact != nil {
				contact = o.Contact.Name
			}
			if o, err = b.s.IssueShipmentRequest(ctx, b.people["YC"].Actor(), o.ID, o.Version, model.ShipmentRequestInput{
				ShipTo: o.ShipToAddress(), Receiver: contact, Phone: phone, Checked: true}); err != nil {
				return fmt.Errorf("shipment request of %s: %w", r.No, err)
			}
		}
		lines := map[int]model.Qty{}
		for _, l := range o.Lines {
			lines[l.LineNo] = l.Qty
		}
		// Every fourth in transit on time; the others left a week ago and
		// were due two days ago: one is late, one arrived without its
		// signed receipt, one delivered.
		shipped, expected := today, model.Date{}
		if i%4 != 0 || i == 0 {
			shipped, expected = today.AddDays(-7), today.AddDays(-2)
		}
		sh, err := b.s.CreateShipment(ctx, by, model.ShipmentInput{OrderID: o.ID, Lines: lines,
			Carrier: carriers[i%len(carriers)], TrackingNo: fmt.Sprintf("TW%09d", 310000000+i*7919),
			Packages: 2 + i%6, WeightKg: model.QtyOf(int64(400 + 37*i)), ShipDate: shipped, ExpectedArrival: expected})
		if err != nil {
			return fmt.Errorf("ship %s: %w", o.No, err)
		}
		b.shipped = append(b.shipped, o.ID)
		switch i % 4 {
		case 1: // arrived, the signed receipt not back yet
			if _, err := b.s.RecordArrival(ctx, by, sh.ID, sh.Version, model.ArrivalInput{ArrivedOn: sh.ExpectedArrival}); err != nil {
				return fmt.Errorf("arrival of %s: %w", sh.No, err)
			}
		case 2: // delivered and signed for
			if _, err := b.s.RecordArrival(ctx, by, sh.ID, sh.Version, model.ArrivalInput{ArrivedOn: sh.ExpectedArrival,
				ReceiptSignedBy: "倉管 阿德"}); err != nil {
				return fmt.Errorf("arrival of %s: %w", sh.No, err)
			}
		}
	}
	return nil
}
