package model

import "fmt"

// genCarriers are the carriers generated shipments travel with.
var genCarriers = []string{"新竹物流 HCT", "嘉里大榮 Kerry TJ", "黑貓宅急便 T-Cat"}

// ship sends the whole order in one shipment through the rule the Shipping
// screen uses, with its shipping notice printed, sent and confirmed, so a
// generated shipped order has its shipment as a clerk's would. It draws
// from the generator's random numbers as often as shipping always did (the
// expected arrival), so the same seed still makes the same orders.
func (g *generator) ship(o *Order, c Ctx) error {
	lines := map[int]Qty{}
	for _, l := range o.Lines {
		lines[l.LineNo] = l.Qty
	}
	today := c.Today()
	var seq int
	fmt.Sscanf(o.No, SeriesOrder+"-%d-%d", new(int), &seq)
	sh, err := newShipment(o, c, ShipmentInput{OrderID: o.ID, Lines: lines, Carrier: genCarriers[seq%len(genCarriers)],
		TrackingNo: fmt.Sprintf("TW%09d", (seq*7919)%1000000000), Packages: 1 + len(o.Lines), ShipDate: today,
		// A pallet a package, weighed as the warehouse would (no random
		// number: the same seed still makes the same orders).
		WeightKg:        QtyOf(int64(180+45*(seq%7)) * int64(1+len(o.Lines))),
		ExpectedArrival: today.AddDays(1 + g.rng.Intn(3))}, o.shipped)
	if err != nil {
		return err
	}
	g.shipNos[today.Year()]++
	sh.No = FormatNumber(SeriesShipment, today.Year(), g.shipNos[today.Year()])
	sh.Row = Row{CreatedAt: c.Now.UTC(), UpdatedAt: c.Now.UTC(), CreatedBy: c.By.Name, UpdatedBy: c.By.Name, Version: 1}
	sh.pending = append(sh.pending, eventWith(Event{Entity: "shipment", At: c.Now.UTC(), By: c.By.Name, ByID: c.By.ID,
		Action: ActCreated, To: string(ShipInTransit)}, sh.said(o)...))
	if err := o.takeShipment(c, sh); err != nil {
		return err
	}
	for _, step := range []NoticeStep{NoticeIssue, NoticeSend, NoticeLegible} {
		if err := sh.RecordNotice(c, step, Signer{Name: "倉管 林先生"}, ""); err != nil {
			return err
		}
		did := sh.pending[len(sh.pending)-1].msgs()
		o.log(c, "shipping_notice", M("shipment {{.No}}: {{.Step}}", "No", sh.No, "Step", did[len(did)-1]), "")
	}
	o.shipped = append(o.shipped, *sh)
	refreshShipmentFlags(o, o.shipped)
	return nil
}

// arrive records the shipment's arrival with its signed receipt, which
// delivers the order as the Shipping screen's arrival does.
func (g *generator) arrive(o *Order, c Ctx) error {
	if len(o.shipped) == 0 {
		return fmt.Errorf("generated order %s has no shipment to arrive", o.No)
	}
	sh := &o.shipped[len(o.shipped)-1]
	if err := sh.RecordArrival(c, ArrivalInput{ArrivedOn: c.Today(), ReceiptSignedBy: "倉管 林先生"}); err != nil {
		return err
	}
	sh.UpdatedAt = c.Now.UTC()
	o.log(c, "shipment_arrived", M("shipment {{.No}} arrived {{.On}}", "No", sh.No, "On", sh.ArrivedOn.String()), "")
	return deliverIfComplete(o, c, o.shipped)
}

// insertGeneratedShipments writes the generated orders' shipments, their
// lines and events, once the orders' lines have their ids, and returns the
// last shipment number written in each year.
func insertGeneratedShipments(w bulkSink, orders []*Order, sqlite bool) (map[int]int, error) {
	var ships []*Shipment
	for _, o := range orders {
		for i := range o.shipped {
			sh := &o.shipped[i]
			sh.OrderID = o.ID
			ships = append(ships, sh)
		}
	}
	if len(ships) == 0 {
		return nil, nil
	}
	if sqlite {
		next, err := firstFreeID(w, "shipments")
		if err != nil {
			return nil, err
		}
		for _, sh := range ships {
			sh.ID, next = next, next+1
		}
	}
	if err := w.insert(ships); err != nil {
		return nil, err
	}
	last := map[int]int{}
	var lines []ShipmentLine
	var events []Event
	for _, o := range orders {
		ids := map[int]uint{}
		for _, l := range o.Lines {
			ids[l.LineNo] = l.ID
		}
		for i := range o.shipped {
			sh := &o.shipped[i]
			var y, n int
			fmt.Sscanf(sh.No, SeriesShipment+"-%d-%d", &y, &n)
			last[y] = max(last[y], n)
			for _, l := range sh.Lines {
				l.Row, l.ShipmentID, l.OrderLineID = sh.Row, sh.ID, ids[l.LineNo]
				l.ID = 0
				lines = append(lines, l)
			}
			for _, e := range sh.pending {
				e.EntityID = sh.ID
				events = append(events, e)
			}
			sh.pending = nil
		}
		o.shipped = nil
	}
	if err := w.insert(lines); err != nil {
		return nil, err
	}
	return last, w.insert(events)
}
