package plan

import "github.com/parplan/parplan/internal/diag"

// Rule IDs of the findings the loader reports. They are stable: plans,
// CI configurations and people's habits refer to them.
const (
	RuleEncoding     = "encoding"
	RuleYAMLSyntax   = "yaml-syntax"
	RuleLimit        = "limit"
	RuleUnknownKey   = "unknown-key"
	RuleWrongType    = "wrong-type"
	RuleDecimalComma = "decimal-comma"
	RuleDuplicateKey = "duplicate-key"
	RuleMissingKey   = "missing-key"
	RuleInvalidValue = "invalid-value"
	// RuleControlCharacter is also reported by validate for escapes
	// ("\e") in quoted texts.
	RuleControlCharacter = "control-character"
)

// Rules describes the loader's rules, for `parplan validate --list-rules`.
var Rules = []diag.Rule{
	{ID: RuleEncoding, Severity: diag.Error},
	{ID: RuleYAMLSyntax, Severity: diag.Error},
	{ID: RuleLimit, Severity: diag.Error},
	{ID: RuleUnknownKey, Severity: diag.Error},
	{ID: RuleWrongType, Severity: diag.Error},
	{ID: RuleDecimalComma, Severity: diag.Error},
	{ID: RuleDuplicateKey, Severity: diag.Error},
	{ID: RuleMissingKey, Severity: diag.Error},
	{ID: RuleInvalidValue, Severity: diag.Error},
	{ID: RuleControlCharacter, Severity: diag.Error},
}
