// Package decimal implements the exact decimal numbers parplan uses for
// scores: a value is an integer coefficient times a power of ten, parsed
// from the digits a person wrote and never passed through float64.
//
// A Dec remembers how many digits were written after the point, so 2.0
// stays 2.0 and 12.9045 stays 12.9045 when printed back.
//
// Coefficients that fit in an int64 (every real score) are computed
// without allocation; larger ones fall back to math/big, so no input can
// overflow.
package decimal

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// MaxDigits is the most significant digits a written number may have.
// Scores have a handful; anything longer is a typing accident or an attack.
const MaxDigits = 30

// Errors of Parse, for callers that say in their own words what is wrong.
var (
	// ErrDecimalComma reports a number written with a decimal comma ("1,5").
	ErrDecimalComma = errors.New("uses a decimal comma")
	// ErrNotPlain reports text that is not a plain decimal number.
	ErrNotPlain = errors.New("is not a plain decimal number (digits with an optional decimal point)")
	// ErrTooLong reports a number with more than MaxDigits digits.
	ErrTooLong = fmt.Errorf("has more than %d digits", MaxDigits)
)

// Dec is an exact decimal number coef × 10^-scale. The zero value is 0.
// A Dec is immutable: every operation returns a new value.
type Dec struct {
	small int64    // the coefficient, when big is nil
	big   *big.Int // the coefficient, when it does not fit in an int64
	scale int32    // digits after the decimal point, ≥ 0
}

var bigTen = big.NewInt(10)

// pow10 holds the powers of ten that fit in an int64.
var pow10 = func() [19]int64 {
	var p [19]int64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// Parse reads a plain decimal number: an optional sign, digits, and an
// optional point followed by digits ("12.9045", "-0.5", "2.0", "3").
// Exponents, hexadecimal, thousands separators and decimal commas are
// refused, each with an error that says what was wrong.
func Parse(s string) (Dec, error) {
	orig := s
	if s == "" {
		return Dec{}, ErrNotPlain
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
		return Dec{}, fmt.Errorf("%q %w", orig, ErrNotPlain)
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	if len(digits) > MaxDigits || len(frac) > MaxDigits {
		return Dec{}, fmt.Errorf("%q %w", orig, ErrTooLong)
	}
	if len(digits) <= 18 {
		c, _ := strconv.ParseInt("0"+digits, 10, 64)
		if neg {
			c = -c
		}
		return Dec{small: c, scale: int32(len(frac))}, nil
	}
	c, _ := new(big.Int).SetString(digits, 10)
	if neg {
		c.Neg(c)
	}
	return fromBig(c, int32(len(frac))), nil
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
func FromInt(n int64) Dec { return Dec{small: n} }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// fromBig returns c × 10^-scale, small when c fits in an int64.
func fromBig(c *big.Int, scale int32) Dec {
	if c.IsInt64() {
		return Dec{small: c.Int64(), scale: scale}
	}
	return Dec{big: c, scale: scale}
}

// coef returns the coefficient as a big.Int the caller may not modify.
func (d Dec) coef() *big.Int {
	if d.big != nil {
		return d.big
	}
	return big.NewInt(d.small)
}

// Scale returns the number of digits after the decimal point.
func (d Dec) Scale() int { return int(d.scale) }

// Sign returns -1, 0 or +1.
func (d Dec) Sign() int {
	if d.big != nil {
		return d.big.Sign()
	}
	switch {
	case d.small < 0:
		return -1
	case d.small > 0:
		return 1
	}
	return 0
}

// IsZero reports whether d is 0 (whatever its scale).
func (d Dec) IsZero() bool { return d.Sign() == 0 }

// mul10 returns c × 10^n and whether it fits in an int64.
func mul10(c int64, n int32) (int64, bool) {
	if n == 0 {
		return c, true
	}
	if n >= int32(len(pow10)) {
		return 0, c == 0
	}
	return mulOK(c, pow10[n])
}

func mulOK(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	if a == math.MinInt64 || b == math.MinInt64 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// alignSmall returns the coefficients of a and b at the larger scale, and
// false when either does not fit in an int64.
func alignSmall(a, b Dec) (int64, int64, int32, bool) {
	if a.big != nil || b.big != nil {
		return 0, 0, 0, false
	}
	switch {
	case a.scale == b.scale:
		return a.small, b.small, a.scale, true
	case a.scale < b.scale:
		x, ok := mul10(a.small, b.scale-a.scale)
		return x, b.small, b.scale, ok
	default:
		y, ok := mul10(b.small, a.scale-b.scale)
		return a.small, y, a.scale, ok
	}
}

// alignBig returns the coefficients of a and b at the larger scale.
func alignBig(a, b Dec) (*big.Int, *big.Int, int32) {
	ac, bc := a.coef(), b.coef()
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

// Add returns d+o with the larger of the two scales.
func (d Dec) Add(o Dec) Dec {
	if x, y, s, ok := alignSmall(d, o); ok {
		if sum := x + y; (sum > x) == (y > 0) {
			return Dec{small: sum, scale: s}
		}
	}
	a, b, s := alignBig(d, o)
	return fromBig(new(big.Int).Add(a, b), s)
}

// Sub returns d−o with the larger of the two scales.
func (d Dec) Sub(o Dec) Dec { return d.Add(o.Neg()) }

// Neg returns −d.
func (d Dec) Neg() Dec {
	if d.big == nil && d.small != math.MinInt64 {
		return Dec{small: -d.small, scale: d.scale}
	}
	return fromBig(new(big.Int).Neg(d.coef()), d.scale)
}

// Abs returns |d|.
func (d Dec) Abs() Dec {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}

// Cmp compares values, ignoring scale: 2.0 equals 2.
func (d Dec) Cmp(o Dec) int {
	if x, y, _, ok := alignSmall(d, o); ok {
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	a, b, _ := alignBig(d, o)
	return a.Cmp(b)
}

// Equal reports whether d and o have the same value (2.0 equals 2).
func (d Dec) Equal(o Dec) bool { return d.Cmp(o) == 0 }

// HalfUnit returns half a unit of d's last written digit: 0.0005 for 12.905,
// 0.5 for 13.
func (d Dec) HalfUnit() Dec { return Dec{small: 5, scale: d.scale + 1} }

// Rat returns d as an exact rational.
func (d Dec) Rat() *big.Rat {
	den := new(big.Int).Exp(bigTen, big.NewInt(int64(d.scale)), nil)
	return new(big.Rat).SetFrac(d.coef(), den)
}

// Round returns d rounded half away from zero to scale decimals. Rounding
// to a larger scale pads with zeros.
func (d Dec) Round(scale int) Dec {
	one := Dec{small: 1}
	q, _ := Quo(d, one, scale)
	return q
}

// Trim returns d without trailing zero decimals: 1.500 becomes 1.5, 2.0 becomes 2.
func (d Dec) Trim() Dec {
	if d.big == nil {
		c, s := d.small, d.scale
		for s > 0 && c%10 == 0 {
			c, s = c/10, s-1
		}
		return Dec{small: c, scale: s}
	}
	c, s := new(big.Int).Set(d.big), d.scale
	q, r := new(big.Int), new(big.Int)
	for s > 0 {
		q.QuoRem(c, bigTen, r)
		if r.Sign() != 0 {
			break
		}
		c, q = q, c
		s--
	}
	return fromBig(c, s)
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
	return fromBig(q, int32(scale))
}

// Quo returns a/b rounded half away from zero to scale decimals, and false
// when b is zero.
func Quo(a, b Dec, scale int) (Dec, bool) {
	if b.IsZero() {
		return Dec{}, false
	}
	// a/b = a.c·10^b.s / (b.c·10^a.s); with scale decimals the result's
	// coefficient is a.c·10^(b.s+scale) / (b.c·10^a.s).
	if a.big == nil && b.big == nil && scale >= 0 && scale < len(pow10) {
		num, ok1 := mul10(a.small, b.scale+int32(scale))
		den, ok2 := mul10(b.small, a.scale)
		if ok1 && ok2 && num != math.MinInt64 && den != math.MinInt64 {
			q, r := num/den, num%den
			if r != 0 && abs64(r) >= abs64(den)-abs64(r) {
				if (num < 0) != (den < 0) {
					q--
				} else {
					q++
				}
			}
			return Dec{small: q, scale: int32(scale)}, true
		}
	}
	return FromRat(new(big.Rat).Quo(a.Rat(), b.Rat()), scale), true
}

// MulInt returns d × n, keeping d's scale.
func (d Dec) MulInt(n int64) Dec {
	if d.big == nil {
		if p, ok := mulOK(d.small, n); ok {
			return Dec{small: p, scale: d.scale}
		}
	}
	return fromBig(new(big.Int).Mul(d.coef(), big.NewInt(n)), d.scale)
}

// Percent returns a / b × 100 rounded half away from zero to scale
// decimals, in one rounding; false when b is zero.
func Percent(a, b Dec, scale int) (Dec, bool) {
	return Quo(a.MulInt(100), b, scale)
}

// String returns the exact decimal text with the point and all scale
// digits: "12.9045", "2.0", "-0.5".
func (d Dec) String() string {
	var s string
	neg := d.Sign() < 0
	if d.big == nil && d.small != math.MinInt64 {
		s = strconv.FormatInt(abs64(d.small), 10)
	} else {
		s = new(big.Int).Abs(d.coef()).String()
	}
	if d.scale > 0 {
		if len(s) <= int(d.scale) {
			s = strings.Repeat("0", int(d.scale)-len(s)+1) + s
		}
		s = s[:len(s)-int(d.scale)] + "." + s[len(s)-int(d.scale):]
	}
	if neg {
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
