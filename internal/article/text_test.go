package article

import (
	"testing"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name, data  string
		date, title string
	}{
		{"a date header with surrounding spaces gives the date", " date 2024-02-28 \n\n\nBody text.", "2024-02-28", ""},
		{"a capitalised header with a colon gives the date", "Date: 2024-02-28\r\nBody text.\r\n", "2024-02-28", ""},
		{"a timestamp header is reduced to its date", "date 2024-02-28T10:00:00+05:00\nBody.", "2024-02-28", ""},
		{"a headline-like first line beginning with Date is no header", "Date night ends in scandal\n\nBody text.", "", "Date night ends in scandal"},
		{"a header with a written date gives the date", "Date: 28 February 2024\n\nBody text.", "2024-02-28", ""},
		{"a header with the month first gives the date", "date February 28, 2024\n\nBody text.", "2024-02-28", ""},
		{"a headline starting with the word Date is no header", "Date night plans\n\nBody text.", "", "Date night plans"},
		{"a header on the second line is not read", "\ndate 2024-02-28\nBody.", "", ""},
		{"a short line before a blank line is the title", "date 2024-01-01\n\nMinister quits over tapes\n\nThe minister quit.", "2024-01-01", "Minister quits over tapes"},
		{"a first line ending in a period is no title", "The minister quit.\n\nMore text.", "", ""},
		{"a first line ending in a quote is no title", "He said “no”\n\nMore text.", "", ""},
		{"a first line starting with a quote is no title", "“No comment” from the ministry\n\nMore text.", "", ""},
		{"a first line that runs into the next is no title", "Minister quits\nover tapes.\n\nMore.", "", ""},
		{"a lone line is no title", "Minister quits over tapes\n", "", ""},
		{"a long first line is no title", "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone\n\nMore.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs, err := Parse("a.txt", []byte(tt.data), Options{})
			if err != nil || len(errs) != 0 {
				t.Fatalf("Parse: %v %v", err, errs)
			}
			a := arts[0]
			if a.Date != tt.date || a.Title != tt.title {
				t.Errorf("date, title = %q, %q; want %q, %q", a.Date, a.Title, tt.date, tt.title)
			}
			if a.Text != tt.data {
				t.Errorf("Text = %q, want the file unchanged", a.Text)
			}
			if a.Source != "a.txt" || a.Line != 0 {
				t.Errorf("Source, Line = %q, %d", a.Source, a.Line)
			}
		})
	}
}
