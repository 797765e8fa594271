// Package scaffold starts a new plan from an official criteria set: every
// field, criterion and sub-criterion with its official name and maximum
// points, and the achieved and target scores, tasks and agencies left for
// the province to fill in.
package scaffold

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/vntext"
)

// Options describe the new plan.
type Options struct {
	Set    *criteria.Set
	Issuer string
	// Year is the target year; the baseline is the year before.
	Year int
	// ID defaults to a slug of the issuer and the year (daknong-2025).
	ID string
	// Title defaults to the usual title of an improvement plan.
	Title string
	// SchemaPath is the path from the plan file to schema/plan.schema.json,
	// for the editor hint on the first line; "" leaves it out.
	SchemaPath string
	// P writes the comments for the person who fills the plan in, in
	// their language; nil is English. The plan's own texts stay in the
	// documents' Vietnamese.
	P *msg.Printer
}

// Plan returns the text of a new plan file.
func Plan(o Options) ([]byte, error) {
	if o.Set == nil {
		return nil, fmt.Errorf("no criteria set")
	}
	if o.P == nil {
		o.P = msg.For(msg.EN)
	}
	if o.ID == "" {
		o.ID = Slug(o.Issuer, o.Year)
	}
	if o.Title == "" {
		o.Title = fmt.Sprintf("Kế hoạch cải thiện, nâng cao Chỉ số cải cách hành chính (PAR INDEX) năm %d", o.Year)
		if o.Issuer != "" {
			o.Title = fmt.Sprintf("Kế hoạch cải thiện, nâng cao Chỉ số cải cách hành chính (PAR INDEX) của %s năm %d", o.Issuer, o.Year)
		}
	}
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	if o.SchemaPath != "" {
		w("# yaml-language-server: $schema=%s\n", o.SchemaPath)
	}
	comment := func(id string, kv ...any) {
		for _, line := range strings.Split(strings.TrimRight(o.P.T(id, kv...), "\n"), "\n") {
			w("# %s\n", line)
		}
	}
	comment("scaffold.header", "Set", o.Set.ID, "Decision", o.Set.Decision, "Baseline", o.Year-1, "Year", o.Year)
	if c := o.Set.Coverage(); len(c) > 0 {
		parts := make([]string, len(c))
		for i, m := range c {
			parts[i] = o.P.S(m)
		}
		for _, line := range wrap(o.P.T("scaffold.coverage", "Text", strings.Join(parts, "; ")), 98) {
			w("# %s\n", line)
		}
	}
	w("plan:\n")
	w("  id: %s\n", scalar(o.ID))
	w("  title: %s\n", scalar(o.Title))
	w("  document: Kế hoạch\n")
	if o.Issuer != "" {
		w("  issuer: %s\n", scalar(o.Issuer))
	}
	w("  number: # %s\n", o.P.T("scaffold.number"))
	w("  date: # YYYY-MM-DD\n")
	w("  year: %d\n", o.Year)
	w("  baseline_year: %d\n", o.Year-1)
	w("  criteria_set: %s\n", o.Set.ID)
	w("appendices:\n")
	w("  - id: phu-luc-01\n")
	w("    label: Phụ lục 01\n")
	w("    title: %s\n", scalar(fmt.Sprintf("NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN, NÂNG CAO CHỈ SỐ PAR INDEX NĂM %d", o.Year)))
	w("    layout: scored\n")
	w("    total:\n      max: %s\n", o.Set.Max)
	w("    items:\n")
	var items func(cs []*criteria.Criterion, indent string)
	items = func(cs []*criteria.Criterion, indent string) {
		for _, c := range cs {
			w("%s- code: %q\n", indent, c.Code)
			in := indent + "  "
			w("%sname: %s\n", in, scalar(c.Name))
			if c.HasMax {
				w("%smax: %s\n", in, c.Max)
			}
			if len(c.Items) > 0 {
				w("%sitems:\n", in)
				items(c.Items, in+"  ")
				continue
			}
			switch c.Assessment {
			case criteria.Ministry:
				w("%snote: Bộ Nội vụ đánh giá\n", in)
				w("%ssurvey: true\n", in)
				continue
			case criteria.Survey:
				w("%snote: Điều tra XHH\n", in)
				w("%ssurvey: true\n", in)
			case criteria.SIPAS:
				w("%snote: Chỉ số SIPAS (điều tra XHH)\n", in)
				w("%ssurvey: true\n", in)
			}
			w("%sachieved:\n%starget:\n%stasks: []\n%slead: []\n%ssupport: []\n", in, in, in, in, in)
		}
	}
	items(o.Set.Items, "      ")
	return b.Bytes(), nil
}

// wrap breaks a comment at spaces into lines of at most width characters
// where the words allow.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

// scalar writes s as a YAML scalar, quoted only where YAML needs it.
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

var (
	issuerPrefix = regexp.MustCompile(`(?i)^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(tỉnh|thành phố)\s+`)
	nonID        = regexp.MustCompile(`[^a-z0-9]+`)
)

// Slug makes a plan id from the issuer and year: "UBND tỉnh Đắk Nông",
// 2025 → "daknong-2025".
func Slug(issuer string, year int) string {
	s := issuerPrefix.ReplaceAllString(strings.TrimSpace(norm.NFC.String(issuer)), "")
	s = vntext.Fold(strings.ToLower(s))
	s = nonID.ReplaceAllString(s, "")
	if s == "" {
		return fmt.Sprintf("plan-%d", year)
	}
	return fmt.Sprintf("%s-%d", s, year)
}
