package article

import (
	"fmt"
	"strings"
	"time"
)

const dateLayout = "2006-01-02"

// ParseDate validates a date and returns it as YYYY-MM-DD. It accepts
// YYYY-MM-DD and RFC 3339 timestamps, which it reduces to their date as
// written (in the timestamp's own offset). Other input is an error wrapping
// ErrBadDate that quotes the value.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(dateLayout, s); err == nil {
		return t.Format(dateLayout), nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.Format(dateLayout), nil
	}
	return "", fmt.Errorf("%w %q (want YYYY-MM-DD or an RFC 3339 timestamp)", ErrBadDate, clip(s, 60))
}

// lenientLayouts are the other date forms web pages use in meta tags.
var lenientLayouts = []string{
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006/01/02",
	"2006-01-02T15:04:05-0700", "20060102",
	time.RFC1123, time.RFC1123Z, time.RFC850, time.RFC822, time.RFC822Z,
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006",
}

// parseLenientDate is ParseDate plus the forms in lenientLayouts.
func parseLenientDate(s string) (string, error) {
	d, err := ParseDate(s)
	if err == nil {
		return d, nil
	}
	for _, l := range lenientLayouts {
		if t, perr := time.Parse(l, strings.TrimSpace(s)); perr == nil {
			return t.Format(dateLayout), nil
		}
	}
	return "", err
}

// clip shortens s to at most n bytes (on a rune boundary) for messages.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
