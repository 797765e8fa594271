package render

import (
	"io"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/review"
)

// reviewJSON writes the review as one JSON document whose shape is stable
// (fields are only ever added; see the README). Numbers are JSON numbers
// with the exact decimal value; an absent figure is null, never 0.
type reviewJSON struct{}

// ReviewJSONVersion is the version of the review's JSON shape.
const ReviewJSONVersion = 1

type jsonReview struct {
	Version     int              `json:"version"`
	Comparisons []jsonComparison `json:"comparisons"`
	// MissedTwice is null with two plans: it needs three.
	MissedTwice []jsonRepeat `json:"missed_twice"`
}

type jsonSide struct {
	File         string  `json:"file"`
	ID           string  `json:"id"`
	Year         int     `json:"year"`
	BaselineYear *int    `json:"baseline_year"`
	CriteriaSet  *string `json:"criteria_set"`
}

type jsonComparison struct {
	Previous    jsonSide             `json:"previous"`
	Current     jsonSide             `json:"current"`
	TargetYear  int                  `json:"target_year"`
	ResultYear  int                  `json:"result_year"`
	CrossSet    bool                 `json:"cross_set"`
	Mapping     *jsonMapping         `json:"mapping"`
	Appendices  []jsonReviewAppendix `json:"appendices"`
	CurrentOnly []string             `json:"current_only"`
}

type jsonMapping struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Pairs int    `json:"pairs"`
}

type jsonReviewAppendix struct {
	ID            string          `json:"id"`
	Label         string          `json:"label"`
	Title         string          `json:"title"`
	Total         jsonSum         `json:"total"`
	Fields        []jsonField     `json:"fields"`
	Rows          []jsonReviewRow `json:"rows"`
	Percent       []jsonReviewRow `json:"percent_items"`
	PercentCounts jsonCounts      `json:"percent_counts"`
}

type jsonSum struct {
	Target     *decimal.Dec `json:"target"`
	Result     *decimal.Dec `json:"result"`
	Difference *decimal.Dec `json:"difference"`
	Counts     jsonCounts   `json:"counts"`
}

type jsonField struct {
	Code string `json:"code"`
	Name string `json:"name"`
	jsonSum
}

type jsonCounts struct {
	Met           int `json:"met"`
	Exceeded      int `json:"exceeded"`
	Missed        int `json:"missed"`
	NoTarget      int `json:"no_target"`
	NoResult      int `json:"no_result"`
	NotComparable int `json:"not_comparable"`
}

type jsonReviewRow struct {
	Code        string       `json:"code"`
	CurrentCode *string      `json:"current_code"`
	Name        string       `json:"name"`
	Field       string       `json:"field"`
	Depth       int          `json:"depth"`
	Unit        string       `json:"unit"`
	Survey      bool         `json:"survey"`
	Max         *decimal.Dec `json:"max"`
	Target      *decimal.Dec `json:"target"`
	Result      *decimal.Dec `json:"result"`
	Difference  *decimal.Dec `json:"difference"`
	Status      string       `json:"status"`
}

type jsonRepeat struct {
	Years       [2]int        `json:"years"`
	Code        string        `json:"code"`
	CurrentCode string        `json:"current_code"`
	Name        string        `json:"name"`
	First       jsonRepeatFig `json:"first"`
	Second      jsonRepeatFig `json:"second"`
}

type jsonRepeatFig struct {
	Target     *decimal.Dec `json:"target"`
	Result     *decimal.Dec `json:"result"`
	Difference *decimal.Dec `json:"difference"`
}

func counts(c review.Counts) jsonCounts {
	return jsonCounts{Met: c.Of(review.Met), Exceeded: c.Of(review.Exceeded), Missed: c.Of(review.Missed),
		NoTarget: c.Of(review.NoTarget), NoResult: c.Of(review.NoResult), NotComparable: c.Of(review.NotComparable)}
}

func sum(s review.Sum) jsonSum {
	return jsonSum{Target: ptr(s.Target), Result: ptr(s.Result), Difference: ptr(s.Diff), Counts: counts(s.Counts)}
}

func side(s review.Side) jsonSide {
	out := jsonSide{File: s.File, ID: s.ID, Year: s.Year}
	if s.BaselineYear != 0 {
		by := s.BaselineYear
		out.BaselineYear = &by
	}
	if s.Set != "" {
		set := s.Set
		out.CriteriaSet = &set
	}
	return out
}

func reviewRows(rows []review.Row) []jsonReviewRow {
	out := make([]jsonReviewRow, 0, len(rows))
	for _, r := range rows {
		unit := "points"
		if r.Percent {
			unit = "percent"
		}
		jr := jsonReviewRow{Code: r.Code, Name: r.Name, Field: r.Field, Depth: r.Depth, Unit: unit, Survey: r.Survey,
			Max: ptr(r.Max), Target: ptr(r.Target), Result: ptr(r.Result), Difference: ptr(r.Diff), Status: r.Status.String()}
		if r.CurrentCode != "" {
			code := r.CurrentCode
			jr.CurrentCode = &code
		}
		out = append(out, jr)
	}
	return out
}

func (reviewJSON) Print(w io.Writer, r *review.Report) error {
	out := jsonReview{Version: ReviewJSONVersion, Comparisons: []jsonComparison{}}
	for _, c := range r.Comparisons {
		jc := jsonComparison{Previous: side(c.Previous), Current: side(c.Current), TargetYear: c.TargetYear, ResultYear: c.ResultYear,
			CrossSet: c.CrossSet, Appendices: []jsonReviewAppendix{}, CurrentOnly: c.CurrentOnly}
		if jc.CurrentOnly == nil {
			jc.CurrentOnly = []string{}
		}
		if m := c.Mapping; m != nil {
			jc.Mapping = &jsonMapping{From: m.From, To: m.To, Pairs: len(m.Codes)}
		}
		for _, a := range c.Appendices {
			ja := jsonReviewAppendix{ID: a.ID, Label: a.Label, Title: a.Title, Total: sum(a.Total), Fields: []jsonField{},
				Rows: reviewRows(a.Rows), Percent: reviewRows(a.Percent), PercentCounts: counts(a.PercentCounts)}
			for _, f := range a.Fields {
				ja.Fields = append(ja.Fields, jsonField{Code: f.Code, Name: f.Name, jsonSum: sum(f.Sum)})
			}
			jc.Appendices = append(jc.Appendices, ja)
		}
		out.Comparisons = append(out.Comparisons, jc)
	}
	if r.Chained {
		out.MissedTwice = []jsonRepeat{}
		for _, rep := range r.Repeated {
			fig := func(row review.Row) jsonRepeatFig {
				return jsonRepeatFig{Target: ptr(row.Target), Result: ptr(row.Result), Difference: ptr(row.Diff)}
			}
			out.MissedTwice = append(out.MissedTwice, jsonRepeat{Years: rep.Years, Code: rep.First.Code, CurrentCode: rep.Second.Code,
				Name: rep.First.Name, First: fig(rep.First), Second: fig(rep.Second)})
		}
	}
	return encodeJSON(w, out)
}
