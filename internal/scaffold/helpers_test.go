package scaffold

import (
	"strconv"

	"github.com/parplan/parplan/internal/plan"
)

type planItem = plan.Item

func itoa(n int) string { return strconv.Itoa(n) }
