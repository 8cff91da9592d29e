package claimreview

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const oneObject = `{
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  "url": "https://check.example/2025/harbour-tax",
  "claimReviewed": "The harbour tax will pay for every new school in the province.",
  "datePublished": "2025-04-02T09:30:00+02:00",
  "author": {"@type": "Organization", "name": "Harbour Check"},
  "itemReviewed": {
    "@type": "Claim",
    "author": {"@type": "Person", "name": "Mara Quist"},
    "datePublished": "2025-03-28",
    "firstAppearance": {"@type": "CreativeWork", "url": "https://news.example/quist-speech"},
    "appearance": [{"@type": "CreativeWork", "url": "https://news.example/quist-speech"}, "https://video.example/1"]
  },
  "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1, "alternateName": "Mostly False"}
}`

func TestParseReadsEachShape(t *testing.T) {
	harbour := Review{
		ClaimText: "The harbour tax will pay for every new school in the province.",
		Claimant:  "Mara Quist", ClaimantType: "Person", ClaimDate: "2025-03-28",
		Appearances: []string{"https://news.example/quist-speech", "https://video.example/1"},
		Publisher:   "Harbour Check", URL: "https://check.example/2025/harbour-tax",
		ReviewDate: "2025-04-02", Rating: "Mostly False", Verdict: MostlyFalse, Index: 1,
	}
	cases := []struct {
		name  string
		doc   string
		shape Shape
		want  []Review
	}{
		{"one JSON-LD object", oneObject, JSONLD, []Review{harbour}},
		{"a JSON-LD array with a non-review element", `[{"@type":"WebPage"},` + oneObject + `]`, JSONLD, []Review{harbour}},
		{"a JSON-LD @graph with @type as an array", `{"@context":"https://schema.org","@graph":[{"@type":["schema:ClaimReview"],
			"claimReviewed":"Unemployment fell by half.","author":{"name":"Civic Desk"},"url":"https://civic.example/u",
			"itemReviewed":{"author":{"@type":"Organization","name":"Harbour Party"}},
			"reviewRating":{"ratingValue":"5","bestRating":"5","worstRating":"1"}}]}`, JSONLD,
			[]Review{{ClaimText: "Unemployment fell by half.", Claimant: "Harbour Party", ClaimantType: "Organization",
				Publisher: "Civic Desk", URL: "https://civic.example/u", Rating: "5/5", Verdict: True, Index: 1}}},
		{"a Fact Check Tools response with two reviews of one claim", `{"claims":[{"text":"Crime doubled in Aldren.","claimant":"Tobias Renn",
			"claimDate":"2025-03-01T00:00:00Z","claimReview":[
			{"publisher":{"name":"Harbour Check","site":"check.example"},"url":"https://check.example/crime","title":"Did crime double?",
			 "reviewDate":"2025-03-05T00:00:00Z","textualRating":"Pants on Fire!","languageCode":"en"},
			{"publisher":{"site":"other.example"},"url":"https://other.example/c","textualRating":"Falso","languageCode":"es"}]}],
			"nextPageToken":"x"}`, FactCheck,
			[]Review{
				{ClaimText: "Crime doubled in Aldren.", Claimant: "Tobias Renn", ClaimDate: "2025-03-01", Publisher: "Harbour Check",
					URL: "https://check.example/crime", ReviewDate: "2025-03-05", Rating: "Pants on Fire!", Verdict: False, Language: "en", Index: 1},
				{ClaimText: "Crime doubled in Aldren.", Claimant: "Tobias Renn", ClaimDate: "2025-03-01", Publisher: "other.example",
					URL: "https://other.example/c", Rating: "Falso", Verdict: False, Language: "es", Index: 2},
			}},
		{"a Data Commons feed", `{"@context":"http://schema.org","@type":"DataFeed","dataFeedElement":[
			{"@type":"DataFeedItem","item":[` + oneObject + `]}]}`, DataCommon, []Review{harbour}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Parse("f.json", []byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			if res.Shape != c.shape {
				t.Errorf("shape %q, want %q", res.Shape, c.shape)
			}
			if !reflect.DeepEqual(res.Reviews, c.want) {
				t.Errorf("reviews\n got %+v\nwant %+v", res.Reviews, c.want)
			}
		})
	}
}

func TestParseSkipsReviewsWithoutClaimText(t *testing.T) {
	res, err := Parse("f.json", []byte(`[{"@type":"ClaimReview","url":"https://a.example"},`+oneObject+`]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reviews) != 1 || res.Reviews[0].Index != 2 {
		t.Fatalf("reviews %+v, want the second review only", res.Reviews)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Error() != "f.json: review 1: no claim text (claimReviewed)" {
		t.Errorf("skipped %v", res.Skipped)
	}
}

func TestParseErrorsNameTheFileAndPlace(t *testing.T) {
	cases := []struct {
		name string
		doc  string
		want string
	}{
		{"a bad character gives line and column", "{\n  \"@type\": \"ClaimReview\",\n  \"url\": oops\n}", "bad.json:3:10: malformed JSON: invalid character 'o'"},
		{"a truncated file points at its end", "{\n  \"claims\": [", "bad.json:2:14: malformed JSON: unexpected end of file"},
		{"data after the value is refused", "{}\n{}", "bad.json:2:1: malformed JSON: more data after the JSON value"},
		{"an empty file says what was expected", "  ", "bad.json: empty file: no ClaimReview found: expected schema.org ClaimReview"},
		{"JSON of another kind says what was expected", `{"@type":"NewsArticle"}`, "bad.json: no ClaimReview found: expected"},
		{"claims that are not an array are refused", `{"claims":{"text":"x"}}`, `bad.json: no ClaimReview found: "claims" is not an array`},
		{"a feed that is not an array is refused", `{"dataFeedElement":3}`, `bad.json: no ClaimReview found: "dataFeedElement" is not an array`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("bad.json", []byte(c.doc))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Fatalf("error %v, want one starting %q", err, c.want)
			}
			var se *SyntaxError
			if strings.Contains(c.want, "malformed") != errors.As(err, &se) {
				t.Errorf("error %v: SyntaxError %v", err, errors.As(err, &se))
			}
		})
	}
}

func TestParseReadsJSONLDEmbeddedInAReviewPage(t *testing.T) {
	page := "<!doctype html>\n<html><head><title>Check</title>\n" +
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>` + "\n" +
		`<script type="application/LD+JSON">` + oneObject + "</script>\n" +
		"<script>var notJSON = {;</script></head><body><p>The claim is <b>false</b>.</p></body></html>\n"
	res, err := Parse("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if res.Shape != JSONLD || len(res.Reviews) != 1 || res.Reviews[0].Publisher != "Harbour Check" || res.Reviews[0].Verdict != MostlyFalse {
		t.Errorf("got %+v", res)
	}

	cases := []struct {
		name, page, want string
	}{
		{"a malformed block is placed in the page",
			"<html>\n<head>\n<script type=\"application/ld+json\">\n{\"@type\": \"ClaimReview\",\n \"url\": ]}\n</script>",
			"page.html:5:9: malformed JSON: invalid character ']'"},
		{"a page without ClaimReview says what was expected",
			"<html><script type=\"application/ld+json\">{\"@type\":\"WebPage\"}</script></html>",
			"page.html: no ClaimReview found: expected"},
		{"a page without JSON-LD says what was expected", "<p>hello</p>", "page.html: no ClaimReview found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("page.html", []byte(c.page))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Fatalf("error %v, want one starting %q", err, c.want)
			}
		})
	}
}
