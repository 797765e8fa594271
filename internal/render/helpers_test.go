package render

import (
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/plan"
)

func decimalOf(s string) decimal.Dec { return decimal.MustParse(s) }

func optOf(s string) plan.Opt { return plan.Opt{V: decimalOf(s), OK: true} }
