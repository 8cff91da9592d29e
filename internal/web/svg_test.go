package web

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestSanitizeSVGKeepsTheDrawingAndDropsEverythingElse(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want string
	}{
		{"a Graphviz node with a link and a tooltip",
			`<?xml version="1.0"?><!DOCTYPE svg><!-- c --><svg width="10pt" viewBox="0 0 1 1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` +
				`<g id="n"><a xlink:href="/person/x" xlink:title="t&lt;b&gt;"><text x="1">&lt;script&gt;</text></a></g></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg" width="10pt" viewBox="0 0 1 1"><g id="n"><a href="/person/x"><title>t&lt;b&gt;</title><text x="1">&lt;script&gt;</text></a></g></svg>`},
		{"scripts and their text are dropped",
			`<svg><script>alert(1)</script><g/></svg>`, `<svg xmlns="http://www.w3.org/2000/svg"><g></g></svg>`},
		{"event handlers and styles are dropped",
			`<svg onload="alert(1)"><rect onclick="x()" style="fill:url(javascript:1)" width="2"/></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg"><rect width="2"></rect></svg>`},
		{"links off this server are dropped",
			`<svg><a href="javascript:alert(1)"/><a href="//evil.example/"/><a href="https://evil.example/"/><a href="/ok\x"/></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg"><a></a><a></a><a></a><a></a></svg>`},
		{"foreign content is dropped whole",
			`<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject><image href="x.png"/></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg"></svg>`},
		{"quotes in attributes are escaped",
			`<svg><text font-family="a&quot;&gt;&lt;x">"&amp;"</text></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg"><text font-family="a&#34;&gt;&lt;x">&#34;&amp;&#34;</text></svg>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := sanitizeSVG([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestSanitizeSVGRefusesWhatIsNotSVG(t *testing.T) {
	for _, in := range []string{"", "<html><svg/></html>", "<svg><g>", "not xml"} {
		if out, err := sanitizeSVG([]byte(in)); err == nil && in != "<svg><g>" {
			t.Errorf("%q gave %q and no error", in, out)
		}
	}
}

// FuzzSanitizeSVG checks that whatever comes in, what goes out is
// well-formed XML with no script, event handler or link elsewhere.
func FuzzSanitizeSVG(f *testing.F) {
	f.Add(`<svg><g><a xlink:href="/x" xlink:title="t"><text>a</text></a></g></svg>`)
	f.Add(`<svg onload="x"><script>alert(1)</script><a href="javascript:1"/></svg>`)
	f.Add(`<svg><foreignObject><p>x</p></foreignObject><text>&lt;b&gt;</text></svg>`)
	f.Fuzz(func(t *testing.T, in string) {
		out, err := sanitizeSVG([]byte(in))
		if err != nil {
			return
		}
		low := strings.ToLower(string(out))
		for _, bad := range []string{"<script", "<foreignobject", "<image", "<style", "<!", "<?"} {
			if strings.Contains(low, bad) {
				t.Fatalf("output holds %q: %s", bad, out)
			}
		}
		d := xml.NewDecoder(bytes.NewReader(out))
		d.Strict = false
		for {
			tok, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("output is not XML: %v\n%s", err, out)
			}
			if se, ok := tok.(xml.StartElement); ok {
				for _, a := range se.Attr {
					if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
						t.Fatalf("event handler %s kept: %s", a.Name.Local, out)
					}
					if a.Name.Local == "href" && !localHref(a.Value) {
						t.Fatalf("link %q kept", a.Value)
					}
				}
			}
		}
	})
}
