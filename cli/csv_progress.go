package cli

import (
	"fmt"
	"io"

	"orderdesk/csvio"
	"orderdesk/model"
)

// progressTo prints an import's progress to w (stderr, so that stdout
// keeps only the result): at the start of each phase, then about every 5%.
func progressTo(w io.Writer, kind string) func(csvio.Progress) {
	last := -1
	phase := csvio.Phase(-1)
	return func(p csvio.Progress) {
		pct := 100
		if p.Total > 0 {
			pct = p.Done * 100 / p.Total
		}
		if p.Phase == phase && pct/5 == last/5 && p.Done != p.Total {
			return
		}
		phase, last = p.Phase, pct
		verb := "validated"
		if p.Phase == csvio.Writing {
			verb = "imported"
		}
		fmt.Fprintf(w, "%s %s of %s %s (%d%%)\n", verb, model.Count(p.Done), model.Count(p.Total), kind, pct)
	}
}
