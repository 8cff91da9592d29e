package query

import (
	"context"
	"reflect"
	"testing"
)

func TestParseParam(t *testing.T) {
	cases := []struct {
		name, arg string
		key       string
		want      any
		err       bool
	}{
		{"a plain word is a string", "n=Tessori", "n", "Tessori", false},
		{"a name with spaces is a string", "n=Farah Qadri", "n", "Farah Qadri", false},
		{"an integer is an int64", "n=3", "n", int64(3), false},
		{"a decimal is a float64", "x=2.5", "x", 2.5, false},
		{"a quoted number is a string", `n="3"`, "n", "3", false},
		{"true is a boolean", "b=true", "b", true, false},
		{"null is nil", "v=null", "v", nil, false},
		{"a JSON list is a list", `names=["a", 2]`, "names", []any{"a", int64(2)}, false},
		{"a JSON object is a map", `m={"k": [1.5]}`, "m", map[string]any{"k": []any{1.5}}, false},
		{"an empty value is an empty string", "n=", "n", "", false},
		{"trailing text makes it a string", "n=3 apples", "n", "3 apples", false},
		{"only the first = splits", "q=a=b", "q", "a=b", false},
		{"a leading $ is dropped", "$n=x", "n", "x", false},
		{"a value with no name is an error", "=x", "", nil, true},
		{"no = is an error", "n", "", nil, true},
		{"a bad name is an error", "a-b=1", "", nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k, v, err := ParseParam(c.arg)
			if (err != nil) != c.err {
				t.Fatalf("ParseParam(%q) error = %v, want error %v", c.arg, err, c.err)
			}
			if c.err {
				return
			}
			if k != c.key || !reflect.DeepEqual(v, c.want) {
				t.Errorf("ParseParam(%q) = %q, %#v; want %q, %#v", c.arg, k, v, c.key, c.want)
			}
		})
	}
}

func TestParamsOfGoTypesAreNormalised(t *testing.T) {
	st, err := ParseOne(`RETURN $i AS i, $u AS u, $f AS f, $s AS s, $l AS l, $m AS m, $p AS p`)
	if err != nil {
		t.Fatal(err)
	}
	s := "ptr"
	res, err := Run(context.Background(), testGraph(t), st, Params{
		"i": 7, "u": uint8(8), "f": float32(0.5), "s": []string{"a"}, "l": []int{1, 2},
		"m": map[string]int{"k": 1}, "p": &s,
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := res.All()
	if err != nil {
		t.Fatal(err)
	}
	want := []any{int64(7), int64(8), 0.5, []any{"a"}, []any{int64(1), int64(2)}, map[string]any{"k": int64(1)}, "ptr"}
	if !reflect.DeepEqual(rows[0], want) {
		t.Errorf("got %#v\nwant %#v", rows[0], want)
	}
}

func TestAParamOfAnUnsupportedTypeIsAnError(t *testing.T) {
	st, _ := ParseOne(`RETURN $c AS c`)
	if _, err := Run(context.Background(), testGraph(t), st, Params{"c": make(chan int)}); err == nil {
		t.Fatal("a channel parameter was accepted")
	}
}
