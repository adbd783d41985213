package model

import (
	"context"
	"strings"
	"testing"
)

func TestVendorValidation(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(v *Vendor)
		field string
	}{
		{"no code", func(v *Vendor) { v.Code = "" }, "Code"},
		{"bad code", func(v *Vendor) { v.Code = "V 01!" }, "Code"},
		{"no name", func(v *Vendor) { v.NameZH, v.NameEN = "", "" }, "NameZH"},
		{"bad email", func(v *Vendor) { v.Email = "sales@" }, "Email"},
		{"letters in phone", func(v *Vendor) { v.Phone = "call me" }, "Phone"},
		{"short fax", func(v *Vendor) { v.Fax = "123" }, "Fax"},
		{"fine", func(v *Vendor) {}, ""},
		{"english only", func(v *Vendor) { v.NameZH = "" }, ""},
		{"chinese only", func(v *Vendor) { v.NameEN = "" }, ""},
		{"phone with extension", func(v *Vendor) { v.Phone = "(04) 2345-6789 ext 12" }, ""},
	}
	for _, tc := range cases {
		v := NewVendor()
		v.Code, v.NameZH, v.NameEN, v.Email = "V001", "長春紙漿", "Chang Chun Pulp", "a@b.tw"
		tc.edit(v)
		fe := v.Validate()
		if tc.field == "" && len(fe) > 0 {
			t.Errorf("%s: unexpected %v", tc.name, fe)
		}
		if tc.field != "" && fe.For(tc.field).IsZero() {
			t.Errorf("%s: no problem reported on %s (got %v)", tc.name, tc.field, fe)
		}
	}
}

// TestVendorFilter searches vendors the way the Vendors list does: Chinese
// substrings, English in any case, codes, phone and fax numbers however
// punctuated, LIKE's wildcards taken literally; deactivated vendors only
// when asked for.
func TestVendorFilter(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	by := Actor{Name: "t"}
	for _, v := range []struct{ code, zh, en, phone, fax string }{
		{"V001", "長春紙漿股份有限公司", "Chang Chun Pulp", "04-2345-6789", ""},
		{"V002", "東方紙管", "Oriental Paper Core", "", "07-333-4444"},
		{"V003", "", "Nordic 100% Pulp_AS", "+47 2211 3344", ""},
		{"V004", "新竹物流", "Hsinchu Transport", "03-555-6666", ""},
	} {
		vd := NewVendor()
		vd.Code, vd.NameZH, vd.NameEN, vd.Phone, vd.Fax = v.code, v.zh, v.en, v.phone, v.fax
		if err := s.SaveVendor(ctx, by, vd); err != nil {
			t.Fatal(err)
		}
		if v.code == "V004" {
			if err := s.SetVendorActive(ctx, by, vd.ID, false, "no longer used"); err != nil {
				t.Fatal(err)
			}
		}
	}
	cases := []struct {
		text     string
		inactive bool
		want     string
	}{
		{"紙漿", false, "V001"},
		{"紙", false, "V001 V002"},
		{"pulp", false, "V001 V003"},
		{"PULP", false, "V001 V003"},
		{"v00", false, "V001 V002 V003"},
		{"v00", true, "V001 V002 V003 V004"},
		{"23456789", false, "V001"},
		{"2345-6789", false, "V001"},
		{"333 4444", false, "V002"}, // a fax number
		{"100%", false, "V003"},
		{"_as", false, "V003"},
		{"物流", false, ""},
		{"物流", true, "V004"},
		{"", false, "V001 V002 V003"},
		{"nothing", false, ""},
	}
	for _, tc := range cases {
		f := ListFilter{Text: tc.text, IncludeInactive: tc.inactive}
		got, err := s.Vendors(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, v := range got {
			codes = append(codes, v.Code)
		}
		if strings.Join(codes, " ") != tc.want {
			t.Errorf("filter %q (inactive %v): %v, want %s", tc.text, tc.inactive, codes, tc.want)
		}
		if n, _ := s.CountVendors(ctx, f); n != len(codes) {
			t.Errorf("count %q (inactive %v) = %d, want %d", tc.text, tc.inactive, n, len(codes))
		}
	}

	page, _ := s.Vendors(ctx, ListFilter{IncludeInactive: true, Offset: 1, Limit: 2})
	if len(page) != 2 || page[0].Code != "V002" || page[1].Code != "V003" {
		t.Errorf("page 2 of 2: %v", page)
	}
}

// TestVendorSavedAndDeactivated saves a vendor (the code normalised, a
// taken code refused), finds it by code, and deactivates it with the
// reason on its history; nothing is deleted.
func TestVendorSavedAndDeactivated(t *testing.T) {
	s, _ := openTestStore(t)
	ctx := context.Background()
	by := Actor{Name: "t"}
	v := NewVendor()
	v.Code, v.NameZH, v.Email = " v-010 ", "長春紙漿", "sales@ccp.com.tw"
	if err := s.SaveVendor(ctx, by, v); err != nil {
		t.Fatal(err)
	}
	got, err := s.VendorByCode(ctx, "v-010")
	if err != nil || got.ID != v.ID || got.Code != "V-010" || !got.Active {
		t.Fatalf("by code: %+v, %v", got, err)
	}
	dup := NewVendor()
	dup.Code, dup.NameEN = "V-010", "Another"
	if err := s.SaveVendor(ctx, by, dup); err == nil || err.(FieldErrors).For("Code").IsZero() {
		t.Errorf("a taken code: %v", err)
	}
	if err := s.SetVendorActive(ctx, by, v.ID, false, ""); err == nil {
		t.Error("deactivating without a reason was accepted")
	}
	if err := s.SetVendorActive(ctx, by, v.ID, false, "bought by a competitor"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountVendors(ctx, ListFilter{IncludeInactive: true}); n != 1 {
		t.Errorf("%d vendors with the inactive, want 1", n)
	}
	events, _ := s.EventsFor(ctx, "vendor", v.ID)
	if len(events) != 2 || events[1].Action != ActDeactivated || events[1].Note != "bought by a competitor" {
		t.Errorf("events %+v", events)
	}
	if _, err := s.VendorByCode(ctx, "V-999"); err == nil {
		t.Error("an unknown code was found")
	}
}
