package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/plan"
)

// gapJSON writes the report as one JSON document whose shape is stable
// (fields are only ever added; see the README). Numbers are JSON numbers
// with the exact decimal value; an absent figure is null, never 0.
type gapJSON struct{}

// GapJSONVersion is the version of the JSON shape.
const GapJSONVersion = 1

type jsonGap struct {
	Version    int            `json:"version"`
	Plan       jsonPlan       `json:"plan"`
	Appendices []jsonAppendix `json:"appendices"`
	// Counting says how an item with several lead agencies is counted
	// in by_lead.
	Counting string `json:"lead_counting"`
}

type jsonPlan struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Year         int    `json:"year"`
	BaselineYear *int   `json:"baseline_year"`
}

type jsonAppendix struct {
	ID             string        `json:"id"`
	Label          string        `json:"label"`
	Title          string        `json:"title"`
	Items          int           `json:"items"`
	Leaves         int           `json:"leaves"`
	Scored         bool          `json:"scored"`
	Total          *jsonTotal    `json:"total"`
	Rows           *streamList   `json:"rows"`
	Percent        *streamList   `json:"percent_items"`
	NoScore        *streamList   `json:"no_score_items"`
	Sections       *streamList   `json:"sections"`
	Discrepancies  []jsonDiscrep `json:"discrepancies"`
	StatedIncrease *jsonStated   `json:"stated_increase"`
	ByLead         []jsonLead    `json:"by_lead"`
	// Recoverable is null unless gap --recoverable asked for it (and for
	// an appendix without point scores).
	Recoverable *jsonRecoverable `json:"recoverable"`
}

type jsonRecoverable struct {
	// CriteriaSet is the set whose assessments were used; null when the
	// plan names none.
	CriteriaSet *string          `json:"criteria_set"`
	Order       []string         `json:"order"`
	Rows        []jsonRecoverRow `json:"rows"`
	Fields      []jsonFieldShare `json:"fields"`
	Total       jsonShare        `json:"total"`
}

type jsonRecoverRow struct {
	Rank             int          `json:"rank"`
	Code             string       `json:"code"`
	Ref              string       `json:"ref"`
	Name             string       `json:"name"`
	Field            string       `json:"field"`
	Assessment       string       `json:"assessment"`
	AssessmentSource string       `json:"assessment_source"`
	Survey           bool         `json:"survey"`
	Max              *decimal.Dec `json:"max"`
	Achieved         *decimal.Dec `json:"achieved"`
	Target           *decimal.Dec `json:"target"`
	Lost             *decimal.Dec `json:"lost"`
	Gain             *decimal.Dec `json:"gain"`
	Left             *decimal.Dec `json:"left"`
	GivesUp          bool         `json:"gives_up"`
	NoTarget         bool         `json:"no_target"`
	Lead             []string     `json:"lead"`
}

type jsonShare struct {
	Lost         decimal.Dec            `json:"lost"`
	OwnLost      decimal.Dec            `json:"own_lost"`
	OwnPercent   *decimal.Dec           `json:"own_percent"`
	ByAssessment map[string]decimal.Dec `json:"by_assessment"`
}

type jsonFieldShare struct {
	Code string `json:"code"`
	Name string `json:"name"`
	jsonShare
}

func newJSONShare(s gap.Share) jsonShare {
	return jsonShare{Lost: s.Lost, OwnLost: s.Own, OwnPercent: ptr(s.OwnPercent), ByAssessment: s.ByAssessment}
}

func jsonRecover(rc *gap.Recoverable) *jsonRecoverable {
	if rc == nil {
		return nil
	}
	out := &jsonRecoverable{Order: gap.RecoverOrder, Rows: []jsonRecoverRow{}, Fields: []jsonFieldShare{}, Total: newJSONShare(rc.Total)}
	if rc.Set != "" {
		set := rc.Set
		out.CriteriaSet = &set
	}
	for _, r := range rc.Rows {
		lead := r.Lead
		if lead == nil {
			lead = []string{}
		}
		out.Rows = append(out.Rows, jsonRecoverRow{Rank: r.Rank, Code: r.Code, Ref: r.Ref, Name: r.Name, Field: r.Field,
			Assessment: r.Assessment, AssessmentSource: r.Source, Survey: r.Survey,
			Max: ptr(r.Max), Achieved: ptr(r.Achieved), Target: ptr(r.Target), Lost: ptr(r.Lost), Gain: ptr(r.Gain), Left: ptr(r.Left),
			GivesUp: r.GivesUp, NoTarget: r.NoTarget, Lead: lead})
	}
	for _, s := range rc.Fields {
		out.Fields = append(out.Fields, jsonFieldShare{Code: s.Code, Name: s.Name, jsonShare: newJSONShare(s)})
	}
	return out
}

type jsonTotal struct {
	Max             *decimal.Dec `json:"max"`
	Achieved        *decimal.Dec `json:"achieved"`
	Target          *decimal.Dec `json:"target"`
	Lost            *decimal.Dec `json:"lost"`
	Gain            *decimal.Dec `json:"gain"`
	Left            *decimal.Dec `json:"left"`
	RecoveryPercent *decimal.Dec `json:"recovery_percent"`
	IncreasePercent *decimal.Dec `json:"increase_percent"`
	Stated          bool         `json:"stated"`
}

type jsonRow struct {
	Code            string       `json:"code"`
	Ref             string       `json:"ref"`
	Name            string       `json:"name"`
	Depth           int          `json:"depth"`
	Leaf            bool         `json:"leaf"`
	Unit            string       `json:"unit"`
	Survey          bool         `json:"survey"`
	Max             *decimal.Dec `json:"max"`
	Achieved        *decimal.Dec `json:"achieved"`
	Target          *decimal.Dec `json:"target"`
	Lost            *decimal.Dec `json:"lost"`
	Gain            *decimal.Dec `json:"gain"`
	Left            *decimal.Dec `json:"left"`
	RecoveryPercent *decimal.Dec `json:"recovery_percent"`
	Lead            []string     `json:"lead"`
	TargetText      string       `json:"target_text,omitempty"`
	Deadline        string       `json:"deadline,omitempty"`
	Note            string       `json:"note,omitempty"`
}

type jsonSection struct {
	Code           string `json:"code"`
	Name           string `json:"name"`
	Items          int    `json:"items"`
	WithLead       int    `json:"with_lead"`
	WithTargetText int    `json:"with_target_text"`
	WithDeadline   int    `json:"with_deadline"`
}

type jsonDiscrep struct {
	// Code is the parent's code; null for the appendix total.
	Code         *string     `json:"code"`
	Key          string      `json:"key"`
	Stated       decimal.Dec `json:"stated"`
	Sum          decimal.Dec `json:"sum"`
	Rule         string      `json:"rule"`
	Rounding     bool        `json:"rounding"`
	Acknowledged bool        `json:"acknowledged"`
	Reason       string      `json:"reason,omitempty"`
}

type jsonStated struct {
	Text         string       `json:"text"`
	Points       decimal.Dec  `json:"points"`
	Percent      *decimal.Dec `json:"percent"`
	PointsMatch  bool         `json:"points_match"`
	PercentMatch bool         `json:"percent_match"`
}

type jsonLead struct {
	Agency string       `json:"agency"`
	Items  int          `json:"items"`
	Shared int          `json:"shared"`
	Lost   *decimal.Dec `json:"lost"`
	Gain   *decimal.Dec `json:"gain"`
	Left   *decimal.Dec `json:"left"`
	Codes  []string     `json:"codes"`
}

func ptr(o plan.Opt) *decimal.Dec {
	if !o.OK {
		return nil
	}
	v := o.V
	return &v
}

func toJSONRow(r gap.Row) jsonRow {
	unit := r.Unit
	if unit == "" {
		unit = "points"
	}
	lead := r.Lead
	if lead == nil {
		lead = []string{}
	}
	return jsonRow{Code: r.Code, Ref: r.Ref, Name: r.Name, Depth: r.Depth, Leaf: r.Leaf, Unit: unit, Survey: r.Survey,
		Max: ptr(r.Max), Achieved: ptr(r.Achieved), Target: ptr(r.Target),
		Lost: ptr(r.Lost), Gain: ptr(r.Gain), Left: ptr(r.Left), RecoveryPercent: ptr(r.Recovery),
		Lead: lead, TargetText: r.TargetText, Deadline: r.Deadline, Note: r.Note}
}

// streamList is a list the document streams: rows and sections are
// most of a gap report (a plan of 200,000 items makes 75 MB of JSON),
// and encoding/json holds a whole document in memory, twice when
// indented. The document is encoded with a placeholder for each list
// (listPlaceholder), and the elements are written one by one in its
// place.
type streamList struct {
	n    int // the list's place in the document's lists
	size int
	elem func(i int) any
}

// listPlaceholder starts the text that stands for a streamList: a NUL,
// which no plan text holds (the loader refuses it).
const listPlaceholder = `"\u0000list-`

func (l *streamList) MarshalJSON() ([]byte, error) {
	return []byte(listPlaceholder + strconv.Itoa(l.n) + `"`), nil
}

// streamDoc writes doc, whose streamed lists are lists, as encodeJSON
// would.
func streamDoc(w io.Writer, doc any, lists []*streamList) error {
	var skel bytes.Buffer
	if err := encodeJSON(&skel, doc); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var row bytes.Buffer
	enc := json.NewEncoder(&row)
	enc.SetEscapeHTML(false)
	b := skel.Bytes()
	for {
		i := bytes.Index(b, []byte(listPlaceholder))
		if i < 0 {
			break
		}
		end := i + len(listPlaceholder) + bytes.IndexByte(b[i+len(listPlaceholder):], '"') + 1
		n, err := strconv.Atoi(string(b[i+len(listPlaceholder) : end-1]))
		if err != nil || n < 0 || n >= len(lists) {
			return fmt.Errorf("render: a broken row placeholder %q", b[i:end])
		}
		bw.Write(b[:i])
		// The indentation of the line the list is on.
		line := bytes.LastIndexByte(b[:i], '\n') + 1
		indent := string(b[line : line+len(b[line:i])-len(bytes.TrimLeft(b[line:i], " "))])
		l := lists[n]
		if l.size == 0 {
			bw.WriteString("[]")
		} else {
			enc.SetIndent(indent+"  ", "  ")
			bw.WriteString("[")
			for k := range l.size {
				row.Reset()
				if err := enc.Encode(l.elem(k)); err != nil {
					return err
				}
				if k > 0 {
					bw.WriteString(",")
				}
				bw.WriteString("\n" + indent + "  ")
				bw.Write(bytes.TrimSuffix(row.Bytes(), []byte("\n")))
			}
			bw.WriteString("\n" + indent + "]")
		}
		b = b[end:]
	}
	bw.Write(b)
	return bw.Flush()
}

func (gapJSON) Print(w io.Writer, r *gap.Report) error {
	// The JSON is the same in every language: its prose is the documents'.
	out := jsonGap{Version: GapJSONVersion, Counting: msg.For(msg.VI).T("render.lead-counting"),
		Plan: jsonPlan{ID: r.PlanID, Title: r.Title, Year: r.Year}, Appendices: []jsonAppendix{}}
	if r.BaselineYear != 0 {
		by := r.BaselineYear
		out.Plan.BaselineYear = &by
	}
	var lists []*streamList
	list := func(size int, elem func(i int) any) *streamList {
		l := &streamList{n: len(lists), size: size, elem: elem}
		lists = append(lists, l)
		return l
	}
	stream := func(rows []gap.Row) *streamList {
		return list(len(rows), func(i int) any { return toJSONRow(rows[i]) })
	}
	for _, a := range r.Appendices {
		ja := jsonAppendix{ID: a.ID, Label: a.Label, Title: a.Title, Items: a.Items, Leaves: a.Leaves, Scored: a.Scored(),
			Rows: stream(a.Rows), Percent: stream(a.Percent), NoScore: stream(a.NoScore),
			Sections: list(len(a.Sections), func(i int) any { return jsonSection(a.Sections[i]) }), Discrepancies: []jsonDiscrep{}, ByLead: []jsonLead{}, Recoverable: jsonRecover(a.Recoverable)}
		if t := a.Total; t != nil {
			ja.Total = &jsonTotal{Max: ptr(t.Max), Achieved: ptr(t.Achieved), Target: ptr(t.Target),
				Lost: ptr(t.Lost), Gain: ptr(t.Gain), Left: ptr(t.Left),
				RecoveryPercent: ptr(t.Recovery), IncreasePercent: ptr(t.Increase), Stated: t.Stated}
		}
		for _, d := range a.Discrepancies {
			jd := jsonDiscrep{Key: d.Key.String(), Stated: d.Stated, Sum: d.Sum, Rule: d.Rule, Rounding: d.Rounding,
				Acknowledged: d.Acknowledged, Reason: d.Reason}
			if d.Item != nil {
				code := d.Item.Code.Value
				jd.Code = &code
			}
			ja.Discrepancies = append(ja.Discrepancies, jd)
		}
		if s := a.Stated; s != nil {
			ja.StatedIncrease = &jsonStated{Text: s.Text, Points: s.Points, Percent: ptr(s.Percent),
				PointsMatch: s.PointsMatch, PercentMatch: s.PercentMatch}
		}
		for _, l := range a.ByLead {
			codes := l.Codes
			if codes == nil {
				codes = []string{}
			}
			ja.ByLead = append(ja.ByLead, jsonLead{Agency: l.Agency, Items: l.Items, Shared: l.Shared,
				Lost: ptr(l.Lost), Gain: ptr(l.Gain), Left: ptr(l.Left), Codes: codes})
		}
		out.Appendices = append(out.Appendices, ja)
	}
	return streamDoc(w, out, lists)
}

// encodeJSON writes v as indented JSON, with "<", ">" and "&" as they are
// (plan texts hold them; a person reads the output).
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
