package model

import "testing"

func TestParseMoney(t *testing.T) {
	cases := []struct {
		in   string
		want Money
		ok   bool
	}{
		{"1234.5", 123450, true},
		{"1,234.50", 123450, true},
		{"NT$ 12,000", 1200000, true},
		{"12000元", 1200000, true},
		{"US$1.05", 105, true},
		{"１２３．４", 12340, true},
		{"-5", -500, true},
		{"0", 0, true},
		{".5", 50, true},
		{"1.234", 0, false},
		{"1D2", 0, false},
		{"", 0, false},
		{"abc", 0, false},
		{"1.2.3", 0, false},
		{"99999999999999999999", 0, false},
		{"-", 0, false},
	}
	for _, c := range cases {
		got, err := ParseMoney(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d ok=%v", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestParseQty(t *testing.T) {
	cases := []struct {
		in   string
		want Qty
		ok   bool
	}{
		{"1,500", 1500000, true},
		{"12.5", 12500, true},
		{"0.001", 1, true},
		{"0.0001", 0, false},
		{"３卷", 0, false},
	}
	for _, c := range cases {
		got, err := ParseQty(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseQty(%q) = %d, %v; want %d ok=%v", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestMoneyFormatAndArithmetic(t *testing.T) {
	cases := []struct {
		got, want string
	}{
		{Money(123450).String(), "1,234.50"},
		{Money(-5).String(), "-0.05"},
		{Money(0).Plain(), "0.00"},
		{FormatMoney(1200000, "TWD"), "NT$12,000"},
		{FormatMoney(123456, "USD"), "US$1,234.56"},
		{Qty(1500000).String(), "1,500"},
		{Qty(12500).String(), "12.5"},
		{Qty(12500).Plain(), "12.5"},
		{Amount(QtyOf(3), 1250).String(), "37.50"},
		{Amount(Qty(1500), 333).String(), "5.00"}, // 1.5 × 3.33 = 4.995 → 5.00
		{Amount(Qty(-1500), 333).String(), "-5.00"},
		{Money(4000000).Percent(30).String(), "12,000.00"},
		{Money(101).Percent(50).String(), "0.51"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: %q, want %q", i, c.got, c.want)
		}
	}
	if Amount(MaxQty, MaxMoney) <= 0 {
		t.Error("the largest quantity times the largest price overflowed")
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1,234.50", "NT$12,000", "１２３", "-0.5", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			return
		}
		back, err := ParseMoney(m.Plain())
		if err != nil || back != m {
			t.Fatalf("%q → %d → %q → %d, %v", s, m, m.Plain(), back, err)
		}
		if m > MaxMoney || m < -MaxMoney {
			t.Fatalf("%q parsed beyond the limit: %d", s, m)
		}
	})
}

func FuzzParseQty(f *testing.F) {
	for _, s := range []string{"1,500", "12.5", "0.001", "３"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQty(s)
		if err != nil {
			return
		}
		back, err := ParseQty(q.Plain())
		if err != nil || back != q {
			t.Fatalf("%q → %d → %q → %d, %v", s, q, q.Plain(), back, err)
		}
	})
}
