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
)

// Rules describes the loader's rules, for `parplan validate --list-rules`.
var Rules = []diag.Rule{
	{ID: RuleEncoding, Severity: diag.Error, Description: "The file is not UTF-8 text: empty, binary, UTF-16, or invalid UTF-8."},
	{ID: RuleYAMLSyntax, Severity: diag.Error, Description: "The file is not well-formed YAML, or holds more than one document."},
	{ID: RuleLimit, Severity: diag.Error, Description: "The file exceeds a safety limit: size, nesting depth, or alias expansion."},
	{ID: RuleUnknownKey, Severity: diag.Error, Description: "A key the plan format does not define (with the closest known key)."},
	{ID: RuleWrongType, Severity: diag.Error, Description: "A value of the wrong type: a list where a mapping belongs, text where a number belongs, …"},
	{ID: RuleDecimalComma, Severity: diag.Error, Description: "A number written with a decimal comma (1,5); plan files use a decimal point (1.5)."},
	{ID: RuleDuplicateKey, Severity: diag.Error, Description: "The same key twice in one mapping."},
	{ID: RuleMissingKey, Severity: diag.Error, Description: "A required key is missing or empty."},
	{ID: RuleInvalidValue, Severity: diag.Error, Description: "A value outside what the key allows: a malformed id or date, an unknown layout or unit, …"},
}
