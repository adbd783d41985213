package reports

import (
	"bytes"
	"strings"
	"testing"

	"orderdesk/model"
)

// TestReturnAuthorizationOnlyOnceAuthorized: the customer gets an RMA
// number only once the team authorized the return; a cancelled one never.
func TestReturnAuthorizationOnlyOnceAuthorized(t *testing.T) {
	for _, st := range []model.RMAState{model.RMAOpened, model.RMACancelled} {
		r := testRMA(testOrder(2, model.LangEN))
		r.State = st
		var b bytes.Buffer
		if _, err := ReturnAuthorization(&b, r, testOptions(model.LangEN)); err == nil || !strings.Contains(err.Error(), "once the return is authorized") || b.Len() > 0 {
			t.Errorf("%s: %v, %d bytes", st, err, b.Len())
		}
	}
}
