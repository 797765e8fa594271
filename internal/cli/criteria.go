package cli

import (
	"encoding/csv"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/render"
)

type criteriaOptions struct {
	IO     *IO
	Set    string
	Format string
	Level  string
}

var criteriaFormats = []string{"table", "json", "csv"}

func newCriteriaCmd(ios *IO) *cobra.Command {
	opts := &criteriaOptions{IO: ios}
	p := ios.P
	cmd := help(p, &cobra.Command{
		Use: "criteria " + p.T("help.criteria.args"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return criteria.IDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
			case 1:
				opts.Set = args[0]
			default:
				return usageError("cli.criteria-args", "Count", len(args))
			}
			return runCriteria(opts)
		},
	}, "criteria")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", flagUsage(p, "criteria", "format", "Formats", criteriaFormats))
	cmd.Flags().StringVar(&opts.Level, "level", "all", flagUsage(p, "criteria", "level"))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(criteriaFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("level", cobra.FixedCompletions([]string{"field", "criterion", "all"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runCriteria(opts *criteriaOptions) error {
	switch opts.Format {
	case "table", "json", "csv":
	default:
		return usageError("cli.unknown-format-flag", "Value", opts.Format, "Formats", criteriaFormats)
	}
	maxDepth := map[string]int{"field": 0, "criterion": 1, "all": 99}
	depth, ok := maxDepth[opts.Level]
	if !ok {
		return usageError("cli.unknown-level", "Value", opts.Level, "Levels", []string{"field", "criterion", "all"})
	}
	sets, err := criteria.Sets()
	if err != nil {
		return failure("cli.criteria-broken", "Err", err.Error())
	}
	w := opts.IO.Out
	if opts.Set == "" {
		return listSets(opts.IO, opts.Format, sets)
	}
	set, ok := criteria.Get(opts.Set)
	if !ok {
		return usageError("cli.unknown-set", "Set", opts.Set, "Sets", criteria.IDs())
	}
	var rows []*criteria.Criterion
	set.Walk(func(c *criteria.Criterion) {
		if c.Depth() <= depth {
			rows = append(rows, c)
		}
	})
	switch opts.Format {
	case "json":
		return writeJSON(w, jsonSet(set, depth))
	case "csv":
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		_ = cw.Write([]string{"set", "code", "name", "depth", "max", "assessment"})
		for _, c := range rows {
			_ = cw.Write([]string{set.ID, c.Code, c.Name, fmt.Sprint(c.Depth()), maxText(c), c.Assessment})
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return failure("cli.write-output", "Err", err.Error())
		}
		return nil
	}
	if err := render.CriteriaSet(w, set, depth, opts.IO.tableOptions()); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}

func maxText(c *criteria.Criterion) string {
	if !c.HasMax {
		return ""
	}
	return c.Max.String()
}

func listSets(ios *IO, format string, sets []*criteria.Set) error {
	w := ios.Out
	switch format {
	case "json":
		var out []any
		for _, s := range sets {
			out = append(out, jsonSet(s, -1))
		}
		return writeJSON(w, out)
	case "csv":
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		// Columns are only added, at the end.
		_ = cw.Write([]string{"id", "decision", "from_year", "to_year", "max", "complete", "criteria",
			"decision_date", "scheme", "self_only", "known_fields", "known_criteria", "known_sub_criteria",
			"published_fields", "published_criteria", "published_sub_criteria"})
		for _, s := range sets {
			n := 0
			s.Walk(func(*criteria.Criterion) { n++ })
			k := s.Known()
			pub := []string{"", "", ""}
			if p := s.Published; p != nil {
				pub = []string{fmt.Sprint(p.Fields), fmt.Sprint(p.Criteria), fmt.Sprint(p.SubCriteria)}
			}
			_ = cw.Write(append([]string{s.ID, s.Decision, fmt.Sprint(s.FromYear), fmt.Sprint(s.ToYear), s.Max.String(), fmt.Sprint(s.Complete), fmt.Sprint(n),
				dateText(s), s.Scheme, fmt.Sprint(s.SelfOnly), fmt.Sprint(k.Fields), fmt.Sprint(k.Criteria), fmt.Sprint(k.SubCriteria)}, pub...))
		}
		cw.Flush()
		return cw.Error()
	}
	if err := render.CriteriaSets(w, sets, ios.tableOptions()); err != nil {
		return failure("cli.write-output", "Err", err.Error())
	}
	return nil
}

type jsonCriterion struct {
	Code       string          `json:"code"`
	Name       string          `json:"name"`
	Max        *decimal.Dec    `json:"max"`
	Assessment string          `json:"assessment,omitempty"`
	Items      []jsonCriterion `json:"items,omitempty"`
}

type jsonSetOut struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Decision string `json:"decision"`
	// DecisionDate is YYYY-MM-DD, null when no source gives it.
	DecisionDate *string                `json:"decision_date"`
	Scheme       string                 `json:"scheme"`
	FromYear     int                    `json:"from_year"`
	ToYear       *int                   `json:"to_year"`
	Max          decimal.Dec            `json:"max"`
	Complete     bool                   `json:"complete"`
	SelfOnly     bool                   `json:"self_only"`
	Known        criteria.Counts        `json:"known"`
	Published    *criteria.Counts       `json:"published"`
	Split        map[string]decimal.Dec `json:"points_by_assessment"`
	Items        []jsonCriterion        `json:"items,omitempty"`
}

// dateText is a set's decision date as YYYY-MM-DD, or "".
func dateText(s *criteria.Set) string {
	if s.DecisionDate.IsZero() {
		return ""
	}
	return s.DecisionDate.Format(time.DateOnly)
}

// jsonSet describes a set, with its criteria down to depth (none when
// depth is negative).
func jsonSet(s *criteria.Set, depth int) jsonSetOut {
	out := jsonSetOut{ID: s.ID, Name: s.Name, Decision: s.Decision, Scheme: s.Scheme, FromYear: s.FromYear, Max: s.Max,
		Complete: s.Complete, SelfOnly: s.SelfOnly, Known: s.Known(), Published: s.Published, Split: map[string]decimal.Dec{}}
	if d := dateText(s); d != "" {
		out.DecisionDate = &d
	}
	if s.ToYear != 0 {
		to := s.ToYear
		out.ToYear = &to
	}
	for k, v := range s.Split() {
		out.Split[k] = v.Trim()
	}
	var conv func(cs []*criteria.Criterion) []jsonCriterion
	conv = func(cs []*criteria.Criterion) []jsonCriterion {
		var items []jsonCriterion
		for _, c := range cs {
			if c.Depth() > depth {
				continue
			}
			jc := jsonCriterion{Code: c.Code, Name: c.Name, Assessment: c.Assessment, Items: conv(c.Items)}
			if c.HasMax {
				m := c.Max
				jc.Max = &m
			}
			items = append(items, jc)
		}
		return items
	}
	out.Items = conv(s.Items)
	return out
}
