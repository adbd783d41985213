package reports

import "testing"

func TestCode128PatternsAreElevenModules(t *testing.T) {
	for i, p := range code128Patterns {
		sum := 0
		for _, c := range p {
			sum += int(c - '0')
		}
		want := 11
		if i == code128Stop {
			want = 13
		}
		if sum != want {
			t.Errorf("symbol %d %q: %d modules, want %d", i, p, sum, want)
		}
	}
}

func TestCode128B(t *testing.T) {
	tests := []struct {
		in      string
		modules int
		wantErr bool
	}{
		{"SO-2026-00042/R2", (16+3)*11 + 2, false},
		{"A", (1+3)*11 + 2, false},
		{"訂單", 0, true},
	}
	for _, tt := range tests {
		w, err := code128B(tt.in)
		if (err != nil) != tt.wantErr {
			t.Fatalf("code128B(%q) err = %v", tt.in, err)
		}
		n := 0
		for _, m := range w {
			n += m
		}
		if n != tt.modules {
			t.Errorf("code128B(%q) = %d modules, want %d", tt.in, n, tt.modules)
		}
	}
}
