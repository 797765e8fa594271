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

// writeRuleTable writes the rules as a table in the user's language: a
// rule's description comes from the catalogue (rule.<id>) when it has
// one, else from the rule itself.
func writeRuleTable(ios *IO, rules []diag.Rule) error {
	describe := func(r diag.Rule) string { return ios.P.S(r.Description()) }
	if err := render.Rules(ios.Out, rules, describe, ios.tableOptions()); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}
