package vntext

import "testing"

func TestFold(t *testing.T) {
	tests := map[string]string{
		"Đắk Nông":              "Dak Nong",
		"Ủy ban nhân dân":       "Uy ban nhan dan",
		"bố trí":                "bo tri",
		"Đa\u0306\u0301k (NFD)": "Dak (NFD)",
		"plain":                 "plain",
		"日本 Đà Lạt ø":           "日本 Da Lat ø",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
