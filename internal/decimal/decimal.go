// Package decimal implements the exact decimal numbers parplan uses for
// scores: a value is an integer coefficient times a power of ten, parsed
// from the digits a person wrote and never passed through float64.
//
// A Dec remembers how many digits were written after the point, so 2.0
// stays 2.0 and 12.9045 stays 12.9045 when printed back.
package decimal

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// MaxDigits is the most significant digits a written number may have.
// Scores have a handful; anything longer is a typing accident or an attack.
const MaxDigits = 30

// ErrDecimalComma reports a number written with a decimal comma ("1,5").
var ErrDecimalComma = errors.New("uses a decimal comma")

// Dec is an exact decimal number coef × 10^-scale. The zero value is 0.
// A Dec is immutable: every operation returns a new value.
type Dec struct {
	coef  *big.Int // nil means 0
	scale int32    // digits after the decimal point, ≥ 0
}

var bigTen = big.NewInt(10)

// Parse reads a plain decimal number: an optional sign, digits, and an
// optional point followed by digits ("12.9045", "-0.5", "2.0", "3").
// Exponents, hexadecimal, thousands separators and decimal commas are
// refused, each with an error that says what was wrong.
func Parse(s string) (Dec, error) {
	orig := s
	if s == "" {
		return Dec{}, errors.New("empty number")
	}
	neg := false
	switch s[0] {
	case '+':
		s = s[1:]
	case '-':
		neg = true
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if !hasPoint && strings.Count(s, ",") == 1 {
		i, f, _ := strings.Cut(s, ",")
		if allDigits(i) && allDigits(f) && i != "" && f != "" {
			return Dec{}, ErrDecimalComma
		}
	}
	if intPart == "" || !allDigits(intPart) || (hasPoint && (frac == "" || !allDigits(frac))) {
		return Dec{}, fmt.Errorf("%q is not a plain decimal number (digits with an optional decimal point)", orig)
	}
	digits := strings.TrimLeft(intPart, "0") + frac
	if len(strings.TrimLeft(digits, "0")) > MaxDigits || len(frac) > MaxDigits {
		return Dec{}, fmt.Errorf("%q has more than %d digits", orig, MaxDigits)
	}
	c, ok := new(big.Int).SetString(intPart+frac, 10)
	if !ok {
		return Dec{}, fmt.Errorf("%q is not a plain decimal number", orig)
	}
	if neg {
		c.Neg(c)
	}
	return Dec{coef: c, scale: int32(len(frac))}, nil
}

// MustParse is Parse for constants in code and tests; it panics on error.
func MustParse(s string) Dec {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// FromInt returns the integer n as a Dec with no decimal digits.
func FromInt(n int64) Dec { return Dec{coef: big.NewInt(n)} }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (d Dec) c() *big.Int {
	if d.coef == nil {
		return new(big.Int)
	}
	return d.coef
}

// Scale returns the number of digits after the decimal point.
func (d Dec) Scale() int { return int(d.scale) }

// Sign returns -1, 0 or +1.
func (d Dec) Sign() int { return d.c().Sign() }

// IsZero reports whether d is 0 (whatever its scale).
func (d Dec) IsZero() bool { return d.Sign() == 0 }

// align returns the coefficients of a and b at the larger of their scales.
func align(a, b Dec) (*big.Int, *big.Int, int32) {
	ac, bc := a.c(), b.c()
	switch {
	case a.scale == b.scale:
		return ac, bc, a.scale
	case a.scale < b.scale:
		return shift(ac, b.scale-a.scale), bc, b.scale
	default:
		return ac, shift(bc, a.scale-b.scale), a.scale
	}
}

func shift(c *big.Int, n int32) *big.Int {
	m := new(big.Int).Exp(bigTen, big.NewInt(int64(n)), nil)
	return m.Mul(m, c)
}

// Add returns a+b with the larger of the two scales.
func (d Dec) Add(o Dec) Dec {
	a, b, s := align(d, o)
	return Dec{coef: new(big.Int).Add(a, b), scale: s}
}

// Sub returns d−o with the larger of the two scales.
func (d Dec) Sub(o Dec) Dec {
	a, b, s := align(d, o)
	return Dec{coef: new(big.Int).Sub(a, b), scale: s}
}

// Neg returns −d.
func (d Dec) Neg() Dec { return Dec{coef: new(big.Int).Neg(d.c()), scale: d.scale} }

// Abs returns |d|.
func (d Dec) Abs() Dec { return Dec{coef: new(big.Int).Abs(d.c()), scale: d.scale} }

// Cmp compares values, ignoring scale: 2.0 equals 2.
func (d Dec) Cmp(o Dec) int {
	a, b, _ := align(d, o)
	return a.Cmp(b)
}

// Equal reports whether d and o have the same value (2.0 equals 2).
func (d Dec) Equal(o Dec) bool { return d.Cmp(o) == 0 }

// HalfUnit returns half a unit of d's last written digit: 0.0005 for 12.905,
// 0.5 for 13.
func (d Dec) HalfUnit() Dec { return Dec{coef: big.NewInt(5), scale: d.scale + 1} }

// Rat returns d as an exact rational.
func (d Dec) Rat() *big.Rat {
	den := new(big.Int).Exp(bigTen, big.NewInt(int64(d.scale)), nil)
	return new(big.Rat).SetFrac(d.c(), den)
}

// Round returns d rounded half away from zero to scale decimals. Rounding
// to a larger scale pads with zeros.
func (d Dec) Round(scale int) Dec {
	return FromRat(d.Rat(), scale)
}

// Trim returns d without trailing zero decimals: 1.500 becomes 1.5, 2.0 becomes 2.
func (d Dec) Trim() Dec {
	c, s := new(big.Int).Set(d.c()), d.scale
	r := new(big.Int)
	for s > 0 {
		q, m := new(big.Int).QuoRem(c, bigTen, r)
		if m.Sign() != 0 {
			break
		}
		c, s = q, s-1
	}
	return Dec{coef: c, scale: s}
}

// FromRat rounds r half away from zero to scale decimals.
func FromRat(r *big.Rat, scale int) Dec {
	m := new(big.Int).Exp(bigTen, big.NewInt(int64(scale)), nil)
	num := new(big.Int).Mul(r.Num(), m)
	den := r.Denom()
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	// Round half away from zero: compare 2·|rem| with den.
	twice := new(big.Int).Abs(rem)
	twice.Lsh(twice, 1)
	if twice.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Dec{coef: q, scale: int32(scale)}
}

// Quo returns a/b rounded half away from zero to scale decimals, and false
// when b is zero.
func Quo(a, b Dec, scale int) (Dec, bool) {
	if b.IsZero() {
		return Dec{}, false
	}
	return FromRat(new(big.Rat).Quo(a.Rat(), b.Rat()), scale), true
}

// String returns the exact decimal text with the point and all scale
// digits: "12.9045", "2.0", "-0.5".
func (d Dec) String() string {
	c := d.c()
	s := new(big.Int).Abs(c).String()
	if d.scale > 0 {
		if len(s) <= int(d.scale) {
			s = strings.Repeat("0", int(d.scale)-len(s)+1) + s
		}
		s = s[:len(s)-int(d.scale)] + "." + s[len(s)-int(d.scale):]
	}
	if c.Sign() < 0 {
		s = "-" + s
	}
	return s
}

// Comma returns the text with a decimal comma, as Vietnamese prose writes
// numbers: "85,415".
func (d Dec) Comma() string { return strings.Replace(d.String(), ".", ",", 1) }

// Signed returns the text with an explicit sign: "+3.264", "-0.5", "0".
func (d Dec) Signed() string {
	if d.Sign() > 0 {
		return "+" + d.String()
	}
	return d.String()
}

// MarshalJSON writes the exact value as a JSON number.
func (d Dec) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// Sum adds ds; the sum of nothing is 0.
func Sum(ds ...Dec) Dec {
	var s Dec
	for _, d := range ds {
		s = s.Add(d)
	}
	return s
}
