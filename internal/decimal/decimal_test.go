package decimal

import (
	"errors"
	"math/big"
	"testing"
)

func TestParseAndString(t *testing.T) {
	tests := []struct {
		in, want string
		scale    int
	}{
		{in: "12.9045", want: "12.9045", scale: 4},
		{in: "2.0", want: "2.0", scale: 1},
		{in: "2", want: "2", scale: 0},
		{in: "0.5", want: "0.5", scale: 1},
		{in: "-0.25", want: "-0.25", scale: 2},
		{in: "+1.5", want: "1.5", scale: 1},
		{in: "007.50", want: "7.50", scale: 2},
		{in: "0.0001", want: "0.0001", scale: 4},
		{in: "123456789012345678901234567.123", want: "123456789012345678901234567.123", scale: 3},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d.String() != tt.want || d.Scale() != tt.scale {
				t.Errorf("Parse(%q) = %s (scale %d), want %s (scale %d)", tt.in, d, d.Scale(), tt.want, tt.scale)
			}
		})
	}
}

func TestParseRefuses(t *testing.T) {
	tests := []struct {
		in    string
		comma bool
	}{
		{in: "1,5", comma: true},
		{in: "12,9045", comma: true},
		{in: "1e3"}, {in: "0x10"}, {in: "1_000"}, {in: ".5"}, {in: "5."}, {in: ""}, {in: "-"},
		{in: "1.2.3"}, {in: "1,5,0"}, {in: "NaN"}, {in: ".inf"}, {in: " 1"}, {in: "1 000"},
		{in: "1234567890123456789012345678901"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) succeeded", tt.in)
			}
			if errors.Is(err, ErrDecimalComma) != tt.comma {
				t.Errorf("Parse(%q) = %v; decimal comma error: %v, want %v", tt.in, err, !tt.comma, tt.comma)
			}
		})
	}
}

// TestExactSums: sums that float64 gets wrong are exact here.
func TestExactSums(t *testing.T) {
	tests := []struct {
		terms []string
		want  string
	}{
		{terms: []string{"0.1", "0.2"}, want: "0.3"},
		{terms: []string{"1.4784", "1.4477", "0.9784", "0.25", "0.75"}, want: "4.9045"},
		{terms: []string{"1", "3", "3", "4.9045", "1"}, want: "12.9045"},
		{terms: []string{"9.45", "9.1", "12.905", "9.47", "12.01", "11.5", "10.98", "11.9"}, want: "87.315"},
		{terms: []string{"2.0", "1"}, want: "3.0"},
		{terms: nil, want: "0"},
	}
	for _, tt := range tests {
		var ds []Dec
		for _, s := range tt.terms {
			ds = append(ds, MustParse(s))
		}
		if got := Sum(ds...).String(); got != tt.want {
			t.Errorf("Sum(%v) = %s, want %s", tt.terms, got, tt.want)
		}
	}
}

func TestArithmetic(t *testing.T) {
	a, b := MustParse("88.679"), MustParse("85.415")
	if got := a.Sub(b).String(); got != "3.264" {
		t.Errorf("Sub = %s", got)
	}
	if got, _ := Quo(a.Sub(b), b, 4); got.String() != "0.0382" {
		t.Errorf("Quo = %s, want 0.0382", got)
	}
	if _, ok := Quo(a, Dec{}, 2); ok {
		t.Error("Quo by zero must fail")
	}
	if MustParse("2.0").Cmp(MustParse("2")) != 0 || !MustParse("2.0").Equal(FromInt(2)) {
		t.Error("2.0 must equal 2")
	}
	if got := MustParse("12.905").HalfUnit().String(); got != "0.0005" {
		t.Errorf("HalfUnit = %s", got)
	}
	if got := MustParse("1.500").Trim().String(); got != "1.5" {
		t.Errorf("Trim = %s", got)
	}
	if got := MustParse("2.0").Trim().String(); got != "2" {
		t.Errorf("Trim = %s", got)
	}
	if got := MustParse("85.415").Comma(); got != "85,415" {
		t.Errorf("Comma = %s", got)
	}
	if got := MustParse("3.264").Signed(); got != "+3.264" {
		t.Errorf("Signed = %s", got)
	}
}

func TestRound(t *testing.T) {
	tests := []struct {
		in    string
		scale int
		want  string
	}{
		{in: "12.9045", scale: 3, want: "12.905"},
		{in: "14.555", scale: 2, want: "14.56"},
		{in: "-0.125", scale: 2, want: "-0.13"},
		{in: "1.5", scale: 0, want: "2"},
		{in: "1.5", scale: 3, want: "1.500"},
	}
	for _, tt := range tests {
		if got := MustParse(tt.in).Round(tt.scale).String(); got != tt.want {
			t.Errorf("Round(%s, %d) = %s, want %s", tt.in, tt.scale, got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"12.9045", "2.0", "-1", "1,5", "1e3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		// What parses prints back to an equal value that parses again.
		back, err := Parse(d.String())
		if err != nil || !back.Equal(d) || back.Scale() != d.Scale() {
			t.Fatalf("%q -> %s -> %v, %v", s, d, back, err)
		}
	})
}

// TestLargeValues: sums past the int64 range, and scale alignments that
// would overflow it, stay exact (the big.Int fallback).
func TestLargeValues(t *testing.T) {
	tests := []struct {
		a, b, sum, diff string
	}{
		{a: "999999999999999999", b: "999999999999999999", sum: "1999999999999999998", diff: "0"},
		{a: "900000000000000000", b: "0.01", sum: "900000000000000000.01", diff: "899999999999999999.99"},
		{a: "9223372036854775807", b: "1", sum: "9223372036854775808", diff: "9223372036854775806"},
		{a: "-9223372036854775807", b: "2", sum: "-9223372036854775805", diff: "-9223372036854775809"},
		{a: "123456789012345678901234567.123", b: "0.877", sum: "123456789012345678901234568.000", diff: "123456789012345678901234566.246"},
	}
	for _, tt := range tests {
		a, b := MustParse(tt.a), MustParse(tt.b)
		if got := a.Add(b).String(); got != tt.sum {
			t.Errorf("%s + %s = %s, want %s", tt.a, tt.b, got, tt.sum)
		}
		if got := a.Sub(b).String(); got != tt.diff {
			t.Errorf("%s - %s = %s, want %s", tt.a, tt.b, got, tt.diff)
		}
		if a.Add(b).Sub(b).Cmp(a) != 0 {
			t.Errorf("(%s + %s) - %s != %s", tt.a, tt.b, tt.b, tt.a)
		}
	}
	if got, _ := Quo(MustParse("900000000000000000"), MustParse("0.000000003"), 2); got.String() != "300000000000000000000000000.00" {
		t.Errorf("big Quo = %s", got)
	}
	if got := MustParse("12345678901234567890123456.1230").Trim().String(); got != "12345678901234567890123456.123" {
		t.Errorf("big Trim = %s", got)
	}
}

// TestQuoRounding: half away from zero, in both signs.
func TestQuoRounding(t *testing.T) {
	tests := []struct {
		a, b  string
		scale int
		want  string
	}{
		{a: "1", b: "3", scale: 2, want: "0.33"},
		{a: "2", b: "3", scale: 2, want: "0.67"},
		{a: "-2", b: "3", scale: 2, want: "-0.67"},
		{a: "1", b: "8", scale: 2, want: "0.13"},
		{a: "-1", b: "8", scale: 2, want: "-0.13"},
		{a: "1", b: "-8", scale: 2, want: "-0.13"},
		{a: "8.17", b: "56.13", scale: 4, want: "0.1456"},
	}
	for _, tt := range tests {
		if got, _ := Quo(MustParse(tt.a), MustParse(tt.b), tt.scale); got.String() != tt.want {
			t.Errorf("Quo(%s, %s, %d) = %s, want %s", tt.a, tt.b, tt.scale, got, tt.want)
		}
	}
	if got, _ := Percent(MustParse("8.17"), MustParse("56.13"), 1); got.String() != "14.6" {
		t.Errorf("Percent = %s, want 14.6", got)
	}
}

func BenchmarkSum(b *testing.B) {
	terms := []Dec{MustParse("1.4784"), MustParse("1.4477"), MustParse("0.9784"), MustParse("0.25"), MustParse("0.75")}
	b.ReportAllocs()
	for b.Loop() {
		_ = Sum(terms...).Trim()
	}
}

// FuzzArithmetic checks the int64 fast paths against exact rationals.
func FuzzArithmetic(f *testing.F) {
	f.Add("12.9045", "0.0005")
	f.Add("999999999999999999", "9.99")
	f.Add("-9223372036854775807", "-1")
	f.Add("0.000000000000000001", "100000000000000000")
	f.Fuzz(func(t *testing.T, as, bs string) {
		a, err1 := Parse(as)
		b, err2 := Parse(bs)
		if err1 != nil || err2 != nil {
			return
		}
		ra, rb := a.Rat(), b.Rat()
		if a.Add(b).Rat().Cmp(new(big.Rat).Add(ra, rb)) != 0 {
			t.Fatalf("%s + %s = %s", a, b, a.Add(b))
		}
		if a.Sub(b).Rat().Cmp(new(big.Rat).Sub(ra, rb)) != 0 {
			t.Fatalf("%s - %s = %s", a, b, a.Sub(b))
		}
		if a.Cmp(b) != ra.Cmp(rb) {
			t.Fatalf("Cmp(%s, %s) = %d", a, b, a.Cmp(b))
		}
		if b.IsZero() {
			return
		}
		q, _ := Quo(a, b, 4)
		want := FromRat(new(big.Rat).Quo(ra, rb), 4)
		if !q.Equal(want) {
			t.Fatalf("Quo(%s, %s) = %s, want %s", a, b, q, want)
		}
	})
}
