// Package schema holds the plan file's JSON Schema (plan.schema.json, for
// editors such as the YAML language server) and embeds it for tests and
// tools.
package schema

import "embed"

// Plan is the JSON Schema of a plan file. The loader in internal/plan
// enforces the same structure; schema_test.go proves they agree.
//
//go:embed plan.schema.json
var Plan []byte

// Criteria holds the official criteria sets, one YAML file per set in
// criteria/ (see internal/criteria).
//
//go:embed criteria/*.yaml
var Criteria embed.FS
