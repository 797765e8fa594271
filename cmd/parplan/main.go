// Command parplan keeps provincial administrative reform (PAR INDEX,
// SIPAS) improvement plans as YAML: it validates them, reports where
// points were lost and what the plan wins back, and exports the Phụ lục
// as an Excel workbook.
package main

import (
	"os"

	"github.com/parplan/parplan/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
