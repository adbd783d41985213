package scan

import "orderdesk/model"

// Decode reads a file's pages and their barcodes for model.ImportScan: the
// error is a file that is no readable scan at all; a page without our
// barcode is a PageCode with its Err.
func Decode(data []byte) ([]model.PageCode, error) {
	pages, err := Pages(data)
	if err != nil {
		return nil, err
	}
	out := make([]model.PageCode, len(pages))
	for i, p := range pages {
		c, err := Find(p)
		out[i] = model.PageCode{Order: c.Order, Rev: c.Rev, Err: err}
	}
	return out, nil
}
