// Package schema holds the JSON Schemas of the plan file (plan.schema.json)
// and of the progress report (progress.schema.json), for editors such as
// the YAML language server, and embeds them for tests and tools.
package schema

import "embed"

// Plan is the JSON Schema of a plan file. The loader in internal/plan
// enforces the same structure; schema_test.go proves they agree.
//
//go:embed plan.schema.json
var Plan []byte

// Progress is the JSON Schema of a progress report. The report loader
// (plan.LoadReport) enforces the same structure; schema_test.go proves
// they agree.
//
//go:embed progress.schema.json
var Progress []byte

// Criteria holds the official criteria sets, one YAML file per set in
// criteria/ (see internal/criteria).
//
//go:embed criteria/*.yaml
var Criteria embed.FS
