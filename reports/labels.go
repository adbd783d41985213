package reports

import (
	"fmt"

	"orderdesk/model"
)

// labels are the fixed texts of the documents, {zh-TW, en}. reports cannot
// use Fyne's lang (no Fyne here), and the printed wording is the office's
// own, so the table lives beside the layouts that use it.
var labels = map[string][2]string{
	// Titles.
	"title.confirmation": {"銷售部客戶訂單確認書", "Sales Order Confirmation"},
	"title.production":   {"生產指令單（確認書生產聯）", "Production Order (production copy)"},
	"title.faxcover":     {"傳真封面", "Fax Cover Sheet"},
	"title.balance":      {"餘款催收通知書", "Balance Collection Notice"},
	"title.request":      {"商品銷售發貨(申請)通知單", "Shipment Request"},
	"title.notice":       {"發貨告知書", "Shipping Notice"},
	"title.receipt":      {"到貨回單", "Arrival Receipt"},
	"title.rma":          {"退貨授權書", "Return Authorization"},

	// Letterhead and footer.
	"tel":    {"電話", "Tel"},
	"fax":    {"傳真", "Fax"},
	"tax_id": {"統一編號", "Tax ID"},
	"email":  {"電子郵件", "E-mail"},
	"page":   {"第 %d 頁，共 %d 頁", "Page %d of %d"},

	// Marks across a document that is not the real thing.
	"mark.draft":     {"草稿", "DRAFT"},
	"mark.cancelled": {"已取消", "CANCELLED"},
	"mark.demo":      {"示範辦公室", "DEMO"},
	"mark.draft_note": {"本確認書尚未發出，僅供核對，請勿簽名或回傳。",
		"This confirmation is not issued yet: for checking only, not for signing or faxing back."},
	"mark.cancelled_note": {"本訂單已取消，本文件不再有效。", "This order is cancelled; this document is no longer valid."},
	"rev_draft":           {"草稿（尚未發出）", "Draft (not issued)"},

	// Parties and references.
	"order_no":      {"訂單編號", "Order No."},
	"revision":      {"版次", "Revision"},
	"rev_first":     {"第 %d 版", "Rev %d"},
	"rev_reason":    {"修改原因", "Reason"},
	"rev_replaces":  {"第 %d 版（取代第 %d 版）", "Rev %d replaces Rev %d"},
	"date":          {"日期", "Date"},
	"customer":      {"客戶", "Customer"},
	"customer_code": {"客戶代號", "Customer code"},
	"contact":       {"聯絡人", "Contact"},
	"phone":         {"電話", "Phone"},
	"customer_po":   {"客戶訂單號", "Customer PO"},
	"salesperson":   {"業務員", "Salesperson"},
	"clerk":         {"客服員", "Customer service"},
	"tier":          {"客戶等級", "Customer tier"},
	"ship_to":       {"送貨地址", "Delivery address"},
	"currency":      {"幣別", "Currency"},

	// Lines.
	"col.no":            {"序", "No."},
	"col.product":       {"品號／品名", "Product"},
	"col.spec":          {"規格", "Specification"},
	"col.qty":           {"數量", "Quantity"},
	"col.unit":          {"單位", "Unit"},
	"col.price":         {"單價", "Unit price"},
	"col.amount":        {"金額", "Amount"},
	"col.ordered":       {"訂購數量", "Ordered"},
	"col.shipped":       {"發貨數量", "Shipped"},
	"col.received":      {"實收數量", "Received"},
	"discount":          {"折扣 %d%%", "less %d%%"},
	"total":             {"合計", "Total"},
	"untaxed":           {"未稅金額", "Untaxed amount"},
	"business_tax":      {"營業稅 %d%%", "Business tax %d%%"},
	"total_taxed":       {"含稅總計", "Total incl. tax"},
	"tax_included":      {"含稅，營業稅 %d%%", "tax included, business tax %d%%"},
	"customer_billing":  {"客戶／帳單地址", "Customer / billing address"},
	"customer_code_tax": {"客戶代號／統一編號", "Customer code / tax ID"},
	"customer_tax_id":   {"客戶統一編號", "Customer tax ID"},
	"in_words":          {"金額大寫", "In words"},

	// Terms.
	"payment_terms":  {"付款條件", "Payment terms"},
	"incoterm":       {"交貨條件", "Delivery terms"},
	"payment_method": {"付款方式", "Payment method"},
	"deposit":        {"訂金", "Deposit"},
	"deposit_due":    {"應付訂金 %d%%：%s", "Deposit due, %d%%: %s"},
	"no_deposit":     {"無需訂金", "No deposit required"},
	"finished_date":  {"預交日（成品完成日）", "Finished-goods date"},
	"finished_note": {"此日期為成品（復卷完成）日期，並非發貨日期。",
		"This is the date the goods are finished (after rewinding); it is NOT the ship date."},
	"tolerance": {"允許誤差", "Tolerance"},
	"packaging": {"包裝", "Packaging"},
	"special":   {"特殊要求", "Special requirements"},
	"signback":  {"回傳條款", "Sign-back terms"},
	"signback_bc": {
		"請於收到本確認書當日簽名或蓋章回傳。未於當日回傳者，預交日自動順延，每延遲一日順延一日。本公司於收到回傳確認書（及應付訂金）後方安排生產。",
		"Please sign or stamp this confirmation and fax it back on the day you receive it. If it is not back the same day, the finished-goods date moves back one day for each day it is late. Production starts only after the signed confirmation (and any deposit due) has arrived."},
	"signback_a": {"請簽名或蓋章後回傳本確認書。", "Please sign or stamp this confirmation and fax it back."},
	"fax_back":   {"回傳傳真號碼", "Fax back to"},

	// Signatures.
	"customer_sign":   {"客戶確認（簽名及公司印章）", "Customer confirmation (signature and company stamp)"},
	"name":            {"姓名", "Name"},
	"signature":       {"簽名", "Signature"},
	"stamp":           {"公司印章", "Company stamp"},
	"issued_by":       {"製表", "Issued by"},
	"prod_signer":     {"生產部負責人簽名", "Production responsible, signature"},
	"tech_copy":       {"技術部副本簽收", "Technical department copy received"},
	"scan_attached":   {"客戶已回簽，掃描檔已附上（%s）", "Signed back, scan attached (%s)"},
	"prod_date":       {"生產日期", "Production date"},
	"prod_finished":   {"生產部完成日", "Production's finished date"},
	"signback_record": {"客戶回簽紀錄", "Customer sign-back"},
	"signed_back_by":  {"客戶回簽：%s　%s", "Signed back by %s %s"},
	"signed_stamped":  {"（蓋章）", " (stamped)"},
	"not_signed_back": {"客戶尚未回簽本版確認書。", "The customer has not signed this revision back."},
	"clerk_signer":    {"客服員簽名", "Customer service, signature"},
	"received_by":     {"收貨人", "Received by"},
	"received_date":   {"收貨日期", "Date received"},
	"condition":       {"貨物狀況", "Condition of goods"},
	"condition_boxes": {"□ 完好　□ 破損　□ 數量不符", "□ Good   □ Damaged   □ Quantity differs"},
	"remarks":         {"備註", "Remarks"},

	// Fax cover.
	"to":          {"收件人", "To"},
	"from":        {"發件人", "From"},
	"pages":       {"頁數（含封面）", "Pages (incl. cover)"},
	"subject":     {"主旨", "Subject"},
	"note":        {"附言", "Note"},
	"fax_legible": {"如傳真不清楚或頁數不全，請即來電。", "If any page is missing or illegible, please call us at once."},

	// Balance notice.
	"order_total":          {"訂單總額", "Order total"},
	"produced_value":       {"實際生產金額", "Value of goods produced"},
	"produced_value_taxed": {"實際生產金額（含稅）", "Value of goods produced, incl. tax"},
	"paid":                 {"已付款", "Paid"},
	"balance_due":          {"應付餘款", "Balance due"},
	"pay_by":               {"付款期限", "Please pay by"},
	"paid_as_of":           {"已付款（截至 %s）", "Paid (as of %s)"},
	"paid_in_full":         {"餘款已全數付清，謝謝。", "The balance is paid in full. Thank you."},
	"remit_to":             {"匯款帳戶", "Remit to"},
	"balance_text_paid":    {"貴公司訂購之貨品已生產完成並檢驗入庫。", "The goods you ordered are produced, inspected and in stock."},
	"balance_text": {
		"貴公司訂購之貨品已生產完成並檢驗入庫。請於付款期限前支付餘款，款項到帳後即安排發貨。",
		"The goods you ordered are produced, inspected and in stock. Please pay the balance by the date below; we ship as soon as it has arrived."},

	// Shipment.
	"request_no":       {"發貨申請單號", "Request No."},
	"receiver":         {"收貨人", "Receiver"},
	"receiver_phone":   {"收貨人電話", "Receiver phone"},
	"checked_by":       {"地址／收貨人核對", "Address and receiver checked by"},
	"after_emergency":  {"緊急發貨後補單", "Written after an emergency shipment"},
	"ship_date":        {"發貨日期", "Ship date"},
	"carrier":          {"承運商", "Carrier"},
	"tracking":         {"運單號", "Tracking No."},
	"packages":         {"件數", "Packages"},
	"weight":           {"重量", "Weight"},
	"expected_arrival": {"預計到貨日期", "Expected arrival"},
	"notice_text": {
		"貴公司訂購之貨品已發出，詳情如下。收到貨物後請簽署到貨回單並回傳。",
		"Your goods have been shipped as below. Please sign the arrival receipt and return it when they arrive."},
	"receipt_text": {
		"茲確認已收到下列貨品。",
		"We confirm we have received the goods listed below."},
	"follow_up":       {"到貨追蹤", "Follow-up"},
	"follow_up_text":  {"本公司將於 %s 向貴公司確認到貨情形。", "We will check with you on %s that the goods have arrived."},
	"shipping_signer": {"發貨員簽名", "Shipping clerk, signature"},

	// The return authorization.
	"rma_no":            {"退貨授權號碼", "RMA number"},
	"rma_reason":        {"退貨原因", "Reason"},
	"reason.damage":     {"損壞", "Damage"},
	"reason.wrong_item": {"錯貨", "Wrong item"},
	"reason.quality":    {"品質客訴", "Quality claim"},
	"qc_lot":            {"品管批號", "QC lot"},
	"complaint":         {"客戶說明", "Reported"},
	"return_to":         {"退貨地址", "Return to"},
	"rma_text": {
		"本公司同意退回下列貨品。請將本授權書影本隨貨寄回，並於外箱註明退貨授權號碼；未註明號碼之退貨恕不受理。",
		"We authorize the return of the goods below. Please send a copy of this authorization with the goods and write the RMA number on each package; goods without it cannot be accepted."},
	"rma_signer": {"維修退貨組簽名", "Repair & Returns, signature"},
}

// tr returns the label in lang, or both languages when bilingual.
func tr(key, lang string, bilingual bool) string {
	l, ok := labels[key]
	if !ok {
		return key
	}
	switch {
	case bilingual:
		return both(l[0], l[1])
	case lang == model.LangEN:
		return l[1]
	}
	return l[0]
}

// both joins the two languages of a label: on one line for a label, on
// separate lines for a sentence, so each language reads as a paragraph.
func both(zh, en string) string {
	if len(en) > 60 {
		return zh + "\n" + en
	}
	return zh + " " + en
}

// trf formats a label with arguments, in one language or both.
func trf(key, lang string, bilingual bool, args ...any) string {
	l := labels[key]
	zh, en := fmt.Sprintf(l[0], args...), fmt.Sprintf(l[1], args...)
	switch {
	case bilingual:
		return both(zh, en)
	case lang == model.LangEN:
		return en
	}
	return zh
}

// unitNames are the units of model.Units as printed.
var unitNames = map[string][2]string{
	"roll": {"捲", "roll"}, "ream": {"令", "ream"}, "kg": {"公斤", "kg"}, "ton": {"噸", "ton"},
	"sheet": {"張", "sheet"}, "box": {"箱", "box"}, "m": {"米", "metre"},
}

// unitName returns a unit code's printed name.
func unitName(code, lang string, bilingual bool) string {
	n, ok := unitNames[code]
	switch {
	case !ok:
		return code
	case bilingual:
		return n[0] + " " + n[1]
	case lang == model.LangEN:
		return n[1]
	}
	return n[0]
}
