package cli

import (
	"encoding/json"
	"io"

	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/render"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}

func writeRuleTable(w io.Writer, rules []diag.Rule) error {
	t := render.Table{Header: []string{"Rule", "Severity", "Description"}, MaxWidth: 120}
	for _, r := range rules {
		t.Rows = append(t.Rows, []string{r.ID, r.Severity.String(), r.Description().String()})
	}
	if err := t.Render(w); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}
