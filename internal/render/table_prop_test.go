package render

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parplan/parplan/internal/criteria"
	"github.com/parplan/parplan/internal/diag"
	"github.com/parplan/parplan/internal/gap"
	"github.com/parplan/parplan/internal/msg"
	"github.com/parplan/parplan/internal/validate"
)

// A named table, and the plan or set text its title cells must show.
type propCase struct {
	name  string
	table Table
	// titles are the texts of the rows' title cells as the plan or
	// criteria set writes them (indentation and the survey mark aside).
	titles []string
}

// allTables builds every table the CLI prints — gap at every level and
// sort, by lead, the percent and section tables; criteria (the list and
// each set at each level); validate --list-rules — in language p.
func allTables(t *testing.T, p *msg.Printer) []propCase {
	t.Helper()
	plans, err := filepath.Glob("../../plans/*.yaml")
	if err != nil || len(plans) == 0 {
		t.Fatalf("no bundled plans: %v", err)
	}
	var out []propCase
	x := words{p}
	for _, path := range plans {
		rel, _ := filepath.Rel("../..", path)
		base := strings.TrimSuffix(filepath.Base(path), ".yaml")
		for li, level := range []gap.Level{gap.LevelAll, gap.LevelField, gap.LevelCriterion} {
			for si, sortKey := range []gap.SortKey{gap.SortCode, gap.SortLost, gap.SortGain, gap.SortLeft} {
				r := report(t, rel, gap.Options{Level: level, Sort: sortKey})
				g := gapTable{GapOptions{P: p, File: rel}}
				for _, a := range r.Appendices {
					name := fmt.Sprintf("%s/%s/%s/%s", base, a.ID, gap.Levels[li], gap.SortKeys[si])
					if a.Scored() {
						var titles []string
						for _, row := range a.Rows {
							titles = append(titles, row.Name)
						}
						out = append(out, propCase{name: name, table: g.scoredTable(x, r, a), titles: titles})
					} else if li == 0 && si == 0 {
						var titles []string
						for _, s := range a.Sections {
							titles = append(titles, s.Name)
						}
						out = append(out, propCase{name: name + "/sections", table: g.sectionsTable(x, a), titles: titles})
					}
					if li == 0 && si == 0 {
						if len(a.Percent) > 0 {
							var titles []string
							for _, row := range a.Percent {
								titles = append(titles, row.Name)
							}
							out = append(out, propCase{name: name + "/percent", table: g.percentTable(x, r, a), titles: titles})
						}
						out = append(out, propCase{name: name + "/by-lead", table: g.leadTable(x, a)})
					}
				}
			}
		}
	}
	sets, err := criteria.Sets()
	if err != nil {
		t.Fatal(err)
	}
	o := TableOptions{P: p}
	out = append(out, propCase{name: "criteria", table: criteriaSetsTable(sets, o)})
	for _, s := range sets {
		for _, depth := range []int{0, 1, 99} {
			var titles []string
			s.Walk(func(c *criteria.Criterion) {
				if c.Depth() <= depth {
					titles = append(titles, c.Name)
				}
			})
			out = append(out, propCase{name: fmt.Sprintf("criteria/%s/%d", s.ID, depth), table: criteriaSetTable(s, depth, o), titles: titles})
		}
	}
	out = append(out, propCase{name: "rules", table: rulesTable(validate.Rules(), func(r diag.Rule) string { return o.P.S(r.Description()) }, o)})
	return out
}

// TestTablesKeepEveryCharacter renders every table at every width from
// 40 to 240 columns, in Vietnamese and English, reads each cell back
// from the output and checks that its lines, joined, are its text: no
// character lost, none added, numbers and codes on one line, headers
// whole. Title cells are also checked against the plan's own names.
func TestTablesKeepEveryCharacter(t *testing.T) {
	// Every third width: odd and even widths, every rounding of the
	// columns' shares. (-short: every eleventh.)
	step := 3
	if testing.Short() {
		step = 11
	}
	var mu sync.Mutex
	rows, renders, lists, same := 0, 0, 0, 0
	t.Cleanup(func() {
		t.Logf("%d tables × widths rendered and read back (%d as lists), %d rows; %d the same as at a narrower width", renders, lists, rows, same)
	})
	for _, lang := range msg.Langs {
		for _, c := range allTables(t, msg.For(lang)) {
			t.Run(string(lang)+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				for i, title := range c.titles {
					got := strings.TrimLeft(c.table.Rows[i][titleCol(c.table)], " ")
					if got != title && got != title+" †" {
						t.Fatalf("row %d shows %q for %q", i, got, title)
					}
				}
				// A table drawn with the same columns and widths as at a
				// narrower terminal is the same table: it is checked once.
				seen := map[string]bool{}
				for w := 40; w <= 240; w += step {
					tbl := c.table
					tbl.Width = w
					l := tbl.fit()
					key := fmt.Sprint(l.keep, l.widths)
					if !l.list && seen[key] {
						mu.Lock()
						same++
						mu.Unlock()
						continue
					}
					seen[key] = true
					var b bytes.Buffer
					if err := tbl.Render(&b); err != nil {
						t.Fatal(err)
					}
					var err error
					if l.list {
						err = checkList(tbl, b.String())
					} else {
						err = checkTable(tbl, b.String())
					}
					if err != nil {
						t.Fatalf("at %d columns: %v\n%s", w, err, b.String())
					}
					mu.Lock()
					renders++
					rows += len(tbl.Rows)
					if l.list {
						lists++
					}
					mu.Unlock()
				}
			})
		}
	}
}

// TestListKeepsEveryCharacterWhenTiny: even a terminal narrower than
// any sensible one loses nothing.
func TestListKeepsEveryCharacterWhenTiny(t *testing.T) {
	r := report(t, "plans/daknong-2024.yaml", gap.Options{})
	a := r.Appendices[0]
	p := msg.For(msg.VI)
	tbl := gapTable{GapOptions{P: p}}.scoredTable(words{p}, r, a)
	for w := 1; w < 40; w++ {
		tbl.Width = w
		var b bytes.Buffer
		if err := tbl.Render(&b); err != nil {
			t.Fatal(err)
		}
		if !tbl.fit().list {
			t.Fatalf("a table at %d columns", w)
		}
		if err := checkList(tbl, b.String()); err != nil {
			t.Fatalf("%d columns: %v\n%s", w, err, b.String())
		}
	}
}

func titleCol(t Table) int {
	for i, c := range t.Cols {
		if c.Role == Title {
			return i
		}
	}
	return -1
}

// rejoins reports whether lines, joined at breaks that each take at most
// one space or newline of text, give text exactly.
func rejoins(lines []string, text string) bool {
	var match func(i, pos int) bool
	match = func(i, pos int) bool {
		if i == len(lines) {
			return pos == len(text)
		}
		if !strings.HasPrefix(text[pos:], lines[i]) {
			return false
		}
		pos += len(lines[i])
		if i == len(lines)-1 {
			return pos == len(text)
		}
		if match(i+1, pos) {
			return true
		}
		return pos < len(text) && (text[pos] == ' ' || text[pos] == '\n') && match(i+1, pos+1)
	}
	return len(lines) > 0 && match(0, 0)
}

// checkTable reads a rendered table back: the header, every row and the
// footer, cell by cell, and the line naming the dropped columns.
func checkTable(t Table, out string) error {
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var header, body, footer [][]string
	section := 0 // 0 header, 1 body, 2 footer
	end := -1
	frame := 0
	for n, line := range lines {
		if w := width(line); frame == 0 {
			frame = w
		} else if w != frame {
			return fmt.Errorf("line %d is %d columns wide, the table %d: %q", n+1, w, frame, line)
		}
		if frame > t.Width {
			return fmt.Errorf("the table is %d columns wide on a %d-column terminal", frame, t.Width)
		}
		switch {
		case strings.HasPrefix(line, "┌"):
		case strings.HasPrefix(line, "├"):
			section++
		case strings.HasPrefix(line, "└"):
			end = n
		case strings.HasPrefix(line, "│"):
			cells := strings.Split(line, "│")
			cells = cells[1 : len(cells)-1]
			switch section {
			case 0:
				header = append(header, cells)
			case 1:
				body = append(body, cells)
			default:
				footer = append(footer, cells)
			}
		default:
			return fmt.Errorf("line %d is not part of a table: %q", n+1, line)
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 {
		return fmt.Errorf("no end of table")
	}
	// Which columns are shown: the header says.
	var keep []int
	next := 0
	for j := range header[0] {
		var hl []string
		for _, h := range header {
			if s := strings.TrimSpace(h[j]); s != "" {
				hl = append(hl, s)
			}
		}
		found := false
		for ; next < len(t.Cols); next++ {
			if rejoins(hl, t.Cols[next].Header) {
				keep = append(keep, next)
				next++
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("header %q is no column's (or is cut)", hl)
		}
	}
	var dropped []string
	for i, c := range t.Cols {
		if !slices.Contains(keep, i) {
			dropped = append(dropped, c.Header)
		}
	}
	rest := lines[end+1:]
	if len(dropped) > 0 {
		said := strings.Join(rest, " ")
		if len(rest) == 0 {
			return fmt.Errorf("dropped %q without a word", dropped)
		}
		for _, d := range dropped {
			if !strings.Contains(said, d) {
				return fmt.Errorf("dropped %q, not named in %q", d, said)
			}
		}
	} else if len(rest) != 0 {
		return fmt.Errorf("lines under a table that dropped nothing: %q", rest)
	}
	if err := readRows(t, keep, t.Rows, body); err != nil {
		return err
	}
	if len(t.Footer) > 0 {
		if err := readRows(t, keep, [][]string{t.Footer}, footer); err != nil {
			return fmt.Errorf("footer: %v", err)
		}
	}
	return nil
}

// readRows matches the expected rows with the rendered lines, in order.
func readRows(t Table, keep []int, rows [][]string, lines [][]string) error {
	n := 0
	for r, row := range rows {
		if n >= len(lines) {
			return fmt.Errorf("row %d (%q) is missing", r, row)
		}
		acc := make([][]string, len(keep))
		indent := make([]int, len(keep))
		for first := true; ; first = false {
			if n >= len(lines) {
				return fmt.Errorf("row %d (%q): cells cut short: %q", r, row, acc)
			}
			line := lines[n]
			n++
			for j, i := range keep {
				cell := line[j]
				if !t.Cols[i].Wrap {
					got := strings.TrimSpace(cell)
					want := ""
					if first && i < len(row) {
						want = row[i]
					}
					if got != want {
						return fmt.Errorf("row %d column %d: %q, want %q (a value on one line)", r, i, got, want)
					}
					continue
				}
				content := strings.TrimRight(strings.TrimPrefix(cell, " "), " ")
				if first {
					indent[j] = len(content) - len(strings.TrimLeft(content, " "))
				}
				if content == "" {
					continue
				}
				if !strings.HasPrefix(content, strings.Repeat(" ", indent[j])) {
					return fmt.Errorf("row %d column %d: line %q lost its indentation", r, i, content)
				}
				acc[j] = append(acc[j], content[indent[j]:])
			}
			done := true
			for j, i := range keep {
				if !t.Cols[i].Wrap {
					continue
				}
				want := ""
				if i < len(row) {
					want = strings.TrimLeft(row[i], " ")
				}
				if want == "" && len(acc[j]) == 0 {
					continue
				}
				if !rejoins(acc[j], want) {
					done = false
					if len(strings.Join(acc[j], "")) > len(want) {
						return fmt.Errorf("row %d column %d: lines %q do not give %q", r, i, acc[j], want)
					}
				}
			}
			if done {
				break
			}
		}
	}
	if n != len(lines) {
		return fmt.Errorf("%d lines left over after the rows: %q", len(lines)-n, lines[n:])
	}
	return nil
}

// checkList reads the list layout back: one block per row (and the
// footer), apart by blank lines; the key and title first, then the
// "header: value" pairs of the non-empty cells, in column order.
func checkList(t Table, out string) error {
	rows := t.Rows
	if len(t.Footer) > 0 {
		rows = append(rows[:len(rows):len(rows)], t.Footer)
	}
	if !strings.HasSuffix(out, "\n\n") {
		return fmt.Errorf("no blank line ends the list")
	}
	blocks := strings.Split(strings.TrimSuffix(out, "\n\n"), "\n\n")
	if len(blocks) != len(rows) {
		return fmt.Errorf("%d blocks for %d rows", len(blocks), len(rows))
	}
	key, title := -1, titleCol(t)
	for i, c := range t.Cols {
		if c.Role == Key {
			key = i
		}
	}
	for r, row := range rows {
		lines := strings.Split(blocks[r], "\n")
		for _, l := range lines {
			// (On an absurdly narrow terminal a code may stick out.)
			if width(l) > t.Width && t.Width >= 20 {
				return fmt.Errorf("row %d: line %q wider than %d", r, l, t.Width)
			}
		}
		get := func(i int) string {
			if i < 0 || i >= len(row) {
				return ""
			}
			return row[i]
		}
		code, name := get(key), strings.TrimLeft(get(title), " ")
		n := 0
		if code != "" || name != "" {
			first := strings.TrimLeft(lines[0], " ")
			if code != "" {
				if !strings.HasPrefix(first, code) {
					return fmt.Errorf("row %d: %q does not start with its code %q", r, lines[0], code)
				}
				first = strings.TrimPrefix(strings.TrimPrefix(first, code), " ")
			}
			n = 1
			var acc []string
			hang := width(lines[0]) - width(first)
			if first != "" {
				acc = append(acc, first)
			} else if name != "" {
				hang = len(lines[1]) - len(strings.TrimLeft(lines[1], " "))
			}
			for name != "" && !rejoins(acc, name) {
				if n >= len(lines) {
					return fmt.Errorf("row %d: name lines %q do not give %q", r, acc, name)
				}
				l := lines[n]
				n++
				if !strings.HasPrefix(l, strings.Repeat(" ", hang)) {
					return fmt.Errorf("row %d: name line %q not under the name", r, l)
				}
				acc = append(acc, l[hang:])
			}
		}
		var want []string
		for i, c := range t.Cols {
			if v := get(i); i != key && i != title && v != "" {
				want = append(want, oneLine(c.Header)+": "+v)
			}
		}
		k := 0
		for n < len(lines) {
			l := lines[n]
			in := len(l) - len(strings.TrimLeft(l, " "))
			group := []string{l[in:]}
			n++
			for n < len(lines) && strings.HasPrefix(lines[n], strings.Repeat(" ", in+2)) &&
				len(lines[n])-len(strings.TrimLeft(lines[n], " ")) == in+2 {
				group = append(group, lines[n][in+2:])
				n++
			}
			if k >= len(want) {
				return fmt.Errorf("row %d: more pairs than cells: %q", r, group)
			}
			if len(group) > 1 {
				if !rejoins(group, want[k]) {
					return fmt.Errorf("row %d: lines %q do not give %q", r, group, want[k])
				}
				k++
				continue
			}
			s := group[0]
			for {
				if k >= len(want) || !strings.HasPrefix(s, want[k]) {
					return fmt.Errorf("row %d: %q is not the pairs %q", r, group[0], want[k:])
				}
				s = s[len(want[k]):]
				k++
				if s == "" {
					break
				}
				if !strings.HasPrefix(s, pairSep) {
					return fmt.Errorf("row %d: %q: pairs not apart by %q", r, group[0], pairSep)
				}
				s = s[len(pairSep):]
			}
		}
		if k != len(want) {
			return fmt.Errorf("row %d: pairs %q missing", r, want[k:])
		}
	}
	return nil
}
