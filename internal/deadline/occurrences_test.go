package deadline

import (
	"slices"
	"testing"
	"time"
)

func d(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func days(ss ...string) []Date {
	var out []Date
	for _, s := range ss {
		out = append(out, d(s))
	}
	return out
}

func TestOccurrences(t *testing.T) {
	year2021 := Milestone{Kind: KindRecurring, Start: d("2021-01-01"), End: d("2021-12-31")}
	with := func(m Milestone, e Every, day int) Milestone { m.Every, m.Day = e, day; return m }
	tests := []struct {
		name string
		m    Milestone
		want []Date
	}{
		{"quarterly on the 25th", with(year2021, Quarterly, 25), days("2021-03-25", "2021-06-25", "2021-09-25", "2021-12-25")},
		{"quarterly, last day", with(year2021, Quarterly, 0), days("2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31")},
		{"monthly, last day of a leap year", Milestone{Kind: KindRecurring, Every: Monthly, Start: d("2024-01-01"), End: d("2024-12-31")},
			days("2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30",
				"2024-07-31", "2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31")},
		{"monthly on the 31st: the last day of shorter months", Milestone{Kind: KindRecurring, Every: Monthly, Day: 31, Start: d("2023-01-01"), End: d("2023-04-30")},
			days("2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30")},
		{"monthly on the 15th of a quarter", Milestone{Kind: KindRecurring, Every: Monthly, Day: 15, Start: d("2021-04-01"), End: d("2021-06-30")}, days("2021-04-15", "2021-05-15", "2021-06-15")},
		{"half-yearly", with(year2021, HalfYear, 0), days("2021-06-30", "2021-12-31")},
		{"yearly", with(year2021, Yearly, 20), days("2021-12-20")},
		{"a span that starts mid-quarter", Milestone{Kind: KindRecurring, Every: Quarterly, Day: 25, Start: d("2021-03-26"), End: d("2022-03-31")},
			days("2021-06-25", "2021-09-25", "2021-12-25", "2022-03-25")},
		{"a span that ends before the due day", Milestone{Kind: KindRecurring, Every: Quarterly, Day: 25, Start: d("2021-01-01"), End: d("2021-06-24")},
			days("2021-03-25")},
		{"no span", Milestone{Kind: KindRecurring, Every: Quarterly}, nil},
		{"no period", Milestone{Kind: KindRecurring, Start: d("2021-01-01"), End: d("2021-12-31")}, nil},
		{"date", Milestone{Kind: KindDate, End: d("2021-12-25")}, days("2021-12-25")},
		{"period", Milestone{Kind: KindPeriod, Start: d("2021-10-01"), End: d("2021-12-31")}, days("2021-12-31")},
		{"period without a year", Milestone{Kind: KindPeriod}, nil},
		{"ongoing", Milestone{Kind: KindOngoing, Start: d("2021-01-01"), End: d("2021-12-31")}, nil},
		{"event", Milestone{Kind: KindEvent}, nil},
		{"unspecified", Milestone{Kind: KindUnspecified}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.Occurrences(); !slices.Equal(got, tt.want) {
				t.Errorf("Occurrences() = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestOccurrencesOfParsed: the due days of texts the plans write.
func TestOccurrencesOfParsed(t *testing.T) {
	tests := []struct {
		text string
		year int
		want []Date
	}{
		{"Trước ngày 25 tháng cuối quý", 2021, days("2021-03-25", "2021-06-25", "2021-09-25", "2021-12-25")},
		{"Chậm nhất là ngày 20 của tháng cuối kỳ báo cáo", 2023, days("2023-03-20", "2023-06-20", "2023-09-20", "2023-12-20")},
		{"Hằng tháng", 2023, func() []Date {
			var out []Date
			for m := time.January; m <= time.December; m++ {
				out = append(out, lastDay(2023, m))
			}
			return out
		}()},
		{"Ban hành văn bản trước tháng 12/2021", 2021, days("2021-11-30")},
		{"Quí II, III năm 2021", 2021, days("2021-09-30")},
		{"Thường xuyên trong năm", 2021, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			r := Parse(tt.text, tt.year)
			if len(r.Milestones) != 1 {
				t.Fatalf("Parse(%q) = %+v", tt.text, r)
			}
			if got := r.Milestones[0].Occurrences(); !slices.Equal(got, tt.want) {
				t.Errorf("Occurrences() = %v, want %v", got, tt.want)
			}
		})
	}
}
