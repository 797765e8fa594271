package render

import "github.com/parplan/parplan/internal/decimal"

func decimalOf(s string) decimal.Dec { return decimal.MustParse(s) }
