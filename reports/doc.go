// Package reports turns model values into the PDF documents of the order
// process (seed 002): the order confirmation, the fax cover sheet, the
// balance collection notice, the shipment request, the shipping notice and
// the arrival receipt.
//
// reports opens no database and imports no Fyne: callers pass loaded model
// values and get PDF bytes back, so the UI and the CLI print the same pages.
//
// Text is laid out by this package, not by fpdf: fpdf's MultiCell/SplitText
// drop the CJK character at a line break and fail on runes above U+FFFF, so
// reports measures, wraps and checks every glyph itself (wrap.go,
// glyphs.go), and hands fpdf only positioned lines of text that the
// embedded font can print. Runes the font lacks are printed as a visible
// replacement and returned to the caller as []Replaced, so the clerk can be
// warned before faxing.
//
// The documents, each written to an io.Writer:
//
//	Confirmation(w, order, opt)                       銷售部客戶訂單確認書 (opt.ProductionCopy: production copy)
//	FaxCoverSheet(w, NewFaxCover(order, ...), opt)    fax cover sheet
//	BalanceNotice(w, order, payBy, opt)               餘款催收通知書
//	ShipmentRequest(w, order, request, lines, opt)    商品銷售發貨(申請)通知單
//	ShippingNotice(w, order, shipment, opt)           發貨告知書
//	ArrivalReceipt(w, order, shipment, opt)           到貨回單
//
// The embedded Noto Sans TC faces are parsed once per process; each
// document embeds a subset cut for the runes it prints (subset.go), and
// its creation date is the document's own date, so the same input always
// gives the same bytes.
package reports
