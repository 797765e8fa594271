package render

import (
	"encoding/json"
	"io"

	"github.com/parplan/parplan/internal/decimal"
	"github.com/parplan/parplan/internal/diff"
	"github.com/parplan/parplan/internal/plan"
)

// diffJSON writes the changes as one JSON document whose shape is stable
// (fields are only ever added; see the README). Scores are JSON numbers
// with the exact decimal value; an absent one is null, never 0.
type diffJSON struct{}

// DiffJSONVersion is the version of the diff's JSON shape.
const DiffJSONVersion = 1

type jsonDiff struct {
	Version    int                `json:"version"`
	Old        string             `json:"old"`
	New        string             `json:"new"`
	Equal      bool               `json:"equal"`
	Changes    int                `json:"changes"`
	Plan       []jsonChange       `json:"plan"`
	Acks       jsonAcks           `json:"acknowledgements"`
	Appendices []jsonDiffAppendix `json:"appendices"`
}

// jsonChange is a value's change ({"key", "old", "new"}) or a list's
// ({"key", "added", "removed"}); "of" names a result or an agency.
type jsonChange struct {
	Key     string    `json:"key"`
	Of      string    `json:"of,omitempty"`
	Old     any       `json:"old,omitempty"`
	New     any       `json:"new,omitempty"`
	Added   *[]string `json:"added,omitempty"`
	Removed *[]string `json:"removed,omitempty"`
}

type jsonAcks struct {
	Added   []jsonAck `json:"added"`
	Removed []jsonAck `json:"removed"`
}

type jsonAck struct {
	Of     string       `json:"of,omitempty"`
	Rule   string       `json:"rule"`
	Key    string       `json:"key,omitempty"`
	Value  *decimal.Dec `json:"value,omitempty"`
	Reason string       `json:"reason"`
}

type jsonScore struct {
	Old   *decimal.Dec `json:"old"`
	New   *decimal.Dec `json:"new"`
	Delta *decimal.Dec `json:"delta"`
}

type jsonDiffAppendix struct {
	ID      string          `json:"id"`
	Label   string          `json:"label"`
	Title   string          `json:"title"`
	Status  diff.Status     `json:"status"`
	Items   *int            `json:"items"`
	Changes []jsonChange    `json:"changes"`
	Total   jsonScoreSet    `json:"total"`
	Acks    jsonAcks        `json:"acknowledgements"`
	Fields  []jsonDiffField `json:"fields"`
}

type jsonDiffField struct {
	Ref    string         `json:"ref"`
	Name   string         `json:"name"`
	Scores jsonScoreSet   `json:"scores"`
	Items  []jsonDiffItem `json:"items"`
}

type jsonDiffItem struct {
	Ref     string       `json:"ref"`
	Code    string       `json:"code"`
	Name    string       `json:"name"`
	Status  diff.Status  `json:"status"`
	Renamed *jsonRename  `json:"renamed"`
	Moved   *jsonMove    `json:"moved"`
	Scores  jsonScoreSet `json:"scores"`
	Changes []jsonChange `json:"changes"`
	Acks    jsonAcks     `json:"acknowledgements"`
}

type jsonRename struct {
	Old string `json:"old"`
	New string `json:"new"`
}

// jsonMove names the old and new parents by ref; null is the top level.
type jsonMove struct {
	From *string `json:"from"`
	To   *string `json:"to"`
}

func (diffJSON) Print(w io.Writer, r *diff.Result) error {
	out := jsonDiff{Version: DiffJSONVersion, Old: r.Old, New: r.New, Equal: r.Equal(), Changes: r.Count(),
		Plan: jsonChanges(r.Plan), Acks: jsonAcksOf(r.Acks), Appendices: []jsonDiffAppendix{}}
	for _, a := range r.Appendices {
		ja := jsonDiffAppendix{ID: a.ID, Label: a.Label, Title: a.Title, Status: a.Status, Changes: jsonChanges(a.Changes),
			Total: jsonScores(a.Total[:], false), Acks: jsonAcksOf(a.Acks), Fields: []jsonDiffField{}}
		if a.Status != diff.Changed {
			n := a.Items
			ja.Items = &n
		}
		for _, f := range a.Fields {
			jf := jsonDiffField{Ref: f.Ref, Name: f.Name, Scores: jsonScores(f.Scores[:], false), Items: []jsonDiffItem{}}
			for _, it := range f.Items {
				ji := jsonDiffItem{Ref: it.Ref, Code: it.Code, Name: it.Name, Status: it.Status,
					Scores: jsonScores(it.Scores, true), Changes: jsonChanges(it.Changes), Acks: jsonAcksOf(it.Acks)}
				if it.Renamed() {
					ji.Renamed = &jsonRename{Old: it.OldName, New: it.Name}
				}
				if it.Moved {
					ji.Moved = &jsonMove{From: refOrNull(it.OldParent), To: refOrNull(it.NewParent)}
				}
				jf.Items = append(jf.Items, ji)
			}
			ja.Fields = append(ja.Fields, jf)
		}
		out.Appendices = append(out.Appendices, ja)
	}
	return encodeJSON(w, out)
}

func refOrNull(ref string) *string {
	if ref == "" {
		return nil
	}
	return &ref
}

func jsonChanges(cs []diff.Change) []jsonChange {
	out := []jsonChange{}
	for _, c := range cs {
		jc := jsonChange{Key: c.Key, Of: c.Of}
		if c.List {
			added, removed := orEmpty(c.Added), orEmpty(c.Removed)
			jc.Added, jc.Removed = &added, &removed
		} else {
			jc.Old, jc.New = changeJSON(c, c.Old), changeJSON(c, c.New)
		}
		out = append(out, jc)
	}
	return out
}

// changeJSON is a value for JSON: a number for a decimal, JSON null
// (json.RawMessage) when absent, else the text.
func changeJSON(c diff.Change, v string) any {
	if v == "" {
		return json.RawMessage("null")
	}
	if c.Number {
		if d, err := decimal.Parse(v); err == nil {
			return d
		}
	}
	return v
}

func orEmpty(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func jsonAcksOf(a diff.Acks) jsonAcks {
	conv := func(as []diff.Ack) []jsonAck {
		out := []jsonAck{}
		for _, k := range as {
			out = append(out, jsonAck{Of: k.Of, Rule: k.Rule, Key: k.Key, Value: optPtr(k.Value), Reason: k.Reason})
		}
		return out
	}
	return jsonAcks{Added: conv(a.Added), Removed: conv(a.Removed)}
}

func optPtr(o plan.Opt) *decimal.Dec {
	if !o.OK {
		return nil
	}
	v := o.V
	return &v
}

// jsonScoreSet holds the scores by key, in table order.
type jsonScoreSet struct {
	Max      *jsonScore `json:"max,omitempty"`
	Achieved *jsonScore `json:"achieved,omitempty"`
	Target   *jsonScore `json:"target,omitempty"`
}

// jsonScores gives every score key its old, new and delta; with
// changedOnly, only the keys whose value changed.
func jsonScores(ss []diff.Score, changedOnly bool) jsonScoreSet {
	var out jsonScoreSet
	for _, s := range ss {
		if changedOnly && !s.Changed() {
			continue
		}
		js := &jsonScore{Old: optPtr(s.Old), New: optPtr(s.New), Delta: optPtr(s.Delta())}
		switch s.Key {
		case plan.Max:
			out.Max = js
		case plan.Achieved:
			out.Achieved = js
		default:
			out.Target = js
		}
	}
	return out
}
