// Package criteria holds the Ministry of Home Affairs' official criteria
// sets (Bộ tiêu chí) as data: every field, criterion and sub-criterion
// code with its official name, maximum points and how it is assessed. The
// sets are YAML files in schema/criteria/; adding a set is a data file
// plus a test.
package criteria

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
	"github.com/parplan/parplan/schema"
)

// Assessments: how a criterion is scored.
const (
	// Self is self-assessed by the province, with evidence.
	Self = "self"
	// Survey is scored by sociological survey (Điều tra XHH).
	Survey = "survey"
	// SIPAS is the citizen satisfaction index, itself a survey.
	SIPAS = "sipas"
	// Socioeconomic is measured from statistics (investment, enterprises,
	// budget revenue, socio-economic targets).
	Socioeconomic = "socioeconomic"
	// Ministry is scored by the Ministry with no points in the set's
	// source table.
	Ministry = "ministry"
)

// Assessments lists the assessment kinds in report order.
var Assessments = []string{Self, Survey, SIPAS, Socioeconomic, Ministry}

// Set is one official criteria set.
type Set struct {
	ID   string
	Name string
	// Decision cites the decision that issues the set, as the documents
	// do ("Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ").
	Decision string
	// DecisionDate is the decision's date; zero when no source gives it.
	DecisionDate time.Time
	// Scheme is the name of the Đề án the decision approves, of which the
	// set is part; "" when no source gives it.
	Scheme string
	// FromYear and ToYear are the years whose results the set scores
	// (the index "năm N", evaluated and published in spring N+1); ToYear
	// is 0 while no newer set replaces it.
	FromYear int
	ToYear   int
	// Max is the total of the set's points as the data covers them.
	Max decimal.Dec
	// Complete is true only when published descriptions of the set give
	// its counts and the data holds every one of them (Parse enforces
	// it).
	Complete bool
	// Published are the counts that published descriptions of the set
	// give; nil when no source gives them.
	Published *Counts
	// SelfOnly is set when the data holds only the part of the set that
	// its source table lists for the province to assess itself.
	SelfOnly bool
	Items    []*Criterion

	byCode map[string]*Criterion
}

// Criterion is one field, criterion or sub-criterion of a set.
type Criterion struct {
	Code   string
	Name   string
	Max    decimal.Dec
	HasMax bool
	// Assessment is set on criteria without children.
	Assessment string
	Items      []*Criterion
	Parent     *Criterion
}

// Counts are the numbers of a set's fields (lĩnh vực), criteria (tiêu
// chí) and sub-criteria (tiêu chí thành phần).
type Counts struct {
	Fields      int `yaml:"fields" json:"fields"`
	Criteria    int `yaml:"criteria" json:"criteria"`
	SubCriteria int `yaml:"sub_criteria" json:"sub_criteria"`
}

// Known counts the fields, criteria and sub-criteria the data holds.
func (s *Set) Known() Counts {
	var n Counts
	s.Walk(func(c *Criterion) {
		switch c.Depth() {
		case 0:
			n.Fields++
		case 1:
			n.Criteria++
		default:
			n.SubCriteria++
		}
	})
	return n
}

// Undivided returns the criteria the data lists without sub-criteria, in
// order. Where the data holds fewer sub-criteria than published but
// every parent's points are its children's sum, these are the only
// criteria whose sub-criteria can be missing without points missing too;
// which of them lack sub-criteria, the data cannot tell.
func (s *Set) Undivided() []*Criterion {
	var out []*Criterion
	s.Walk(func(c *Criterion) {
		if c.Depth() == 1 && len(c.Items) == 0 {
			out = append(out, c)
		}
	})
	return out
}

// Lookup returns the criterion with the given code, or nil.
func (s *Set) Lookup(code string) *Criterion { return s.byCode[code] }

// Walk calls fn for every criterion, parents before children.
func (s *Set) Walk(fn func(*Criterion)) {
	var walk func([]*Criterion)
	walk = func(cs []*Criterion) {
		for _, c := range cs {
			fn(c)
			walk(c.Items)
		}
	}
	walk(s.Items)
}

// Covers reports whether the set scores the results of year.
func (s *Set) Covers(year int) bool {
	return year >= s.FromYear && (s.ToYear == 0 || year <= s.ToYear)
}

// Years describes the evaluation years: "2023–2024" or "2023–".
func (s *Set) Years() string {
	if s.ToYear == 0 {
		return fmt.Sprintf("%d–", s.FromYear)
	}
	return fmt.Sprintf("%d–%d", s.FromYear, s.ToYear)
}

// Split returns the points of the criteria without children, by
// assessment.
func (s *Set) Split() map[string]decimal.Dec {
	out := map[string]decimal.Dec{}
	s.Walk(func(c *Criterion) {
		if len(c.Items) == 0 && c.HasMax {
			out[c.Assessment] = out[c.Assessment].Add(c.Max)
		}
	})
	return out
}

// Depth is 0 for a field, 1 for a criterion, 2 for a sub-criterion.
func (c *Criterion) Depth() int { return strings.Count(c.Code, ".") }

// file is the YAML shape of a set.
type file struct {
	ID           string      `yaml:"id"`
	Name         string      `yaml:"name"`
	Decision     string      `yaml:"decision"`
	DecisionDate string      `yaml:"decision_date"`
	Scheme       string      `yaml:"scheme"`
	FromYear     int         `yaml:"from_year"`
	ToYear       int         `yaml:"to_year"`
	Max          yamlDec     `yaml:"max"`
	Complete     bool        `yaml:"complete"`
	Published    *Counts     `yaml:"published"`
	Part         string      `yaml:"part"`
	Items        []*fileItem `yaml:"items"`
}

type fileItem struct {
	Code       string      `yaml:"code"`
	Name       string      `yaml:"name"`
	Max        *yamlDec    `yaml:"max"`
	Assessment string      `yaml:"assessment"`
	Items      []*fileItem `yaml:"items"`
}

// yamlDec reads a decimal from the digits written in the data file.
type yamlDec struct{ decimal.Dec }

func (d *yamlDec) UnmarshalYAML(n *yaml.Node) error {
	v, err := decimal.Parse(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %v", n.Line, err)
	}
	d.Dec = v
	return nil
}

var (
	loadOnce sync.Once
	sets     []*Set
	loadErr  error
)

// Sets returns every built-in set, sorted by id, or the error that made
// the data unreadable (a test guards against it).
func Sets() ([]*Set, error) {
	loadOnce.Do(func() { sets, loadErr = load(schema.Criteria) })
	return sets, loadErr
}

// Get returns the set with the given id.
func Get(id string) (*Set, bool) {
	all, _ := Sets()
	for _, s := range all {
		if s.ID == id {
			return s, true
		}
	}
	return nil, false
}

// IDs returns the ids of the built-in sets.
func IDs() []string {
	all, _ := Sets()
	ids := make([]string, len(all))
	for i, s := range all {
		ids[i] = s.ID
	}
	return ids
}

func load(fsys fs.FS) ([]*Set, error) {
	names, err := fs.Glob(fsys, "criteria/*.yaml")
	if err != nil {
		return nil, err
	}
	var out []*Set
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		s, err := parse(data, false)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if want := strings.TrimSuffix(path.Base(name), ".yaml"); s.ID != want {
			return nil, fmt.Errorf("%s: id %q must match the file name", name, s.ID)
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *Set) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// Parse reads one set from its YAML data and checks it: unknown keys,
// codes nested by number, unique codes, assessments, and parents equal to
// the sum of their children.
func Parse(data []byte) (*Set, error) { return parse(data, true) }

// parse is Parse; the built-in sets are read without the check of
// unknown keys, through the loader's fast YAML parser: read with yaml.v3
// they were a quarter of the CPU of validating one plan.
// TestBuiltInStrict reads each of them with Parse too.
func parse(data []byte, strict bool) (*Set, error) {
	var f file
	if strict {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			return nil, err
		}
	} else if err := plan.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	s := &Set{ID: f.ID, Name: f.Name, Decision: f.Decision, Scheme: f.Scheme, FromYear: f.FromYear, ToYear: f.ToYear,
		Max: f.Max.Dec, Complete: f.Complete, Published: f.Published, byCode: map[string]*Criterion{}}
	if s.ID == "" || s.Decision == "" || s.FromYear == 0 {
		return nil, fmt.Errorf("id, decision and from_year are required")
	}
	if err := s.readDate(f.DecisionDate); err != nil {
		return nil, err
	}
	switch f.Part {
	case "":
	case "self":
		s.SelfOnly = true
	default:
		return nil, fmt.Errorf("part %q is not \"self\" (the self-assessed part only) or absent (the whole set)", f.Part)
	}
	var build func(items []*fileItem, parent *Criterion) ([]*Criterion, error)
	build = func(items []*fileItem, parent *Criterion) ([]*Criterion, error) {
		var out []*Criterion
		for _, fi := range items {
			c := &Criterion{Code: fi.Code, Name: fi.Name, Assessment: fi.Assessment, Parent: parent}
			if fi.Max != nil {
				c.Max, c.HasMax = fi.Max.Dec, true
			}
			want := ""
			if parent != nil {
				want = parent.Code + "."
			}
			if !strings.HasPrefix(c.Code, want) || strings.Contains(c.Code[len(want):], ".") || c.Code == want {
				return nil, fmt.Errorf("code %q is not a child of %q", c.Code, strings.TrimSuffix(want, "."))
			}
			if s.byCode[c.Code] != nil {
				return nil, fmt.Errorf("code %q appears twice", c.Code)
			}
			if c.Name == "" {
				return nil, fmt.Errorf("code %q has no name", c.Code)
			}
			s.byCode[c.Code] = c
			kids, err := build(fi.Items, c)
			if err != nil {
				return nil, err
			}
			c.Items = kids
			switch {
			case len(kids) == 0 && !slices.Contains(Assessments, c.Assessment):
				return nil, fmt.Errorf("code %q: assessment %q is not one of %s", c.Code, c.Assessment, strings.Join(Assessments, ", "))
			case len(kids) > 0 && c.Assessment != "":
				return nil, fmt.Errorf("code %q has children: its assessment is theirs", c.Code)
			case len(kids) == 0 && !c.HasMax && c.Assessment != Ministry:
				return nil, fmt.Errorf("code %q has no max", c.Code)
			}
			if len(kids) > 0 {
				if err := checkSum(c.Code, c.Max, c.HasMax, kids); err != nil {
					return nil, err
				}
			}
			out = append(out, c)
		}
		return out, nil
	}
	items, err := build(f.Items, nil)
	if err != nil {
		return nil, err
	}
	s.Items = items
	if err := checkSum("the set", s.Max, true, items); err != nil {
		return nil, err
	}
	if err := s.checkComplete(); err != nil {
		return nil, err
	}
	return s, nil
}

// decisionDay finds the date a decision's citation writes: "ngày
// 10/11/2022".
var decisionDay = regexp.MustCompile(`ngày (\d{1,2})/(\d{1,2})/(\d{4})`)

// readDate reads decision_date (YYYY-MM-DD) and checks that the
// decision's citation, where it writes a date, writes the same one.
func (s *Set) readDate(text string) error {
	if text != "" {
		d, err := time.Parse(time.DateOnly, text)
		if err != nil {
			return fmt.Errorf("decision_date %q is not a date YYYY-MM-DD", text)
		}
		s.DecisionDate = d
	}
	m := decisionDay.FindStringSubmatch(s.Decision)
	if m == nil {
		return nil
	}
	if s.DecisionDate.IsZero() {
		return fmt.Errorf("decision %q writes a date but decision_date is missing", s.Decision)
	}
	if got := fmt.Sprintf("%s/%s/%s", m[1], m[2], m[3]); got != s.DecisionDate.Format("2/1/2006") {
		return fmt.Errorf("decision %q writes %s, decision_date is %s", s.Decision, got, text)
	}
	return nil
}

// checkComplete holds the data to its claim: a set is complete exactly
// when published counts exist and the data holds all of them; an
// incomplete set must say what it lacks (fewer than the published
// counts, or only the self-assessed part).
func (s *Set) checkComplete() error {
	known := s.Known()
	if p := s.Published; p != nil {
		if known.Fields > p.Fields || known.Criteria > p.Criteria || known.SubCriteria > p.SubCriteria {
			return fmt.Errorf("the data holds %s, more than the published %s", known, *p)
		}
	}
	short := s.Published != nil && known != *s.Published
	switch {
	case s.Complete && s.Published == nil:
		return fmt.Errorf("complete: true needs the published counts to check it against (published: {fields, criteria, sub_criteria})")
	case s.Complete && short:
		return fmt.Errorf("complete: true, but the data holds %s of the published %s", known, *s.Published)
	case s.Complete && s.SelfOnly:
		return fmt.Errorf("complete: true, but part: self")
	case !s.Complete && !short && !s.SelfOnly:
		return fmt.Errorf("complete: false, but nothing says what is missing: the data holds %s, the published counts are %v, and part is not self", known, s.Published)
	}
	return nil
}

// String is "8 fields, 37 criteria, 75 sub-criteria".
func (c Counts) String() string {
	return fmt.Sprintf("%d fields, %d criteria, %d sub-criteria", c.Fields, c.Criteria, c.SubCriteria)
}

func checkSum(what string, max decimal.Dec, hasMax bool, kids []*Criterion) error {
	var sum decimal.Dec
	for _, k := range kids {
		sum = sum.Add(k.Max)
	}
	if !hasMax {
		return fmt.Errorf("%s has children but no max", what)
	}
	if !sum.Equal(max) {
		return fmt.Errorf("%s: max %s, but its children add up to %s", what, max, sum)
	}
	return nil
}

// Coverage says what a set's data lacks, as messages for the user: none
// for a complete set; else what is missing and, where the data can tell,
// where it may be.
func (s *Set) Coverage() []msg.Message {
	if s.Complete {
		return nil
	}
	var out []msg.Message
	if s.SelfOnly {
		out = append(out, msg.New("set.partial-self", "Set", s.ID, "Max", s.Max))
	}
	p := s.Published
	if p == nil {
		if !s.SelfOnly {
			out = append(out, msg.New("set.partial", "Set", s.ID))
		}
		return out
	}
	out = append(out, msg.New("set.partial-counts", "Set", s.ID, "Parts", s.Shortfall()))
	known := s.Known()
	// Every parent is the sum of its children (Parse), so sub-criteria
	// with points can only be missing under a criterion listed whole —
	// as long as no field or criterion is missing too, and the data
	// holds every point of the set.
	if !s.SelfOnly && known.Fields == p.Fields && known.Criteria == p.Criteria && known.SubCriteria < p.SubCriteria {
		var codes msg.List
		for _, c := range s.Undivided() {
			codes = append(codes, c.Code)
		}
		out = append(out, msg.New("set.undivided", "Count", len(codes), "Codes", codes))
	}
	return out
}

// Shortfall lists the counts the data holds fewer of than published
// ("75 of the 88 sub-criteria"); empty without published counts.
func (s *Set) Shortfall() msg.List {
	p := s.Published
	if p == nil {
		return nil
	}
	k := s.Known()
	var parts msg.List
	for _, c := range []struct {
		id          string
		known, want int
	}{
		{"set.count.fields", k.Fields, p.Fields},
		{"set.count.criteria", k.Criteria, p.Criteria},
		{"set.count.sub-criteria", k.SubCriteria, p.SubCriteria},
	} {
		if c.known < c.want {
			parts = append(parts, msg.New(c.id, "Known", c.known, "Count", c.want))
		}
	}
	return parts
}
