// Package article reads article files of untrusted content — plain text,
// Markdown with front matter, HTML and JSON Lines — into Articles: the plain
// text that extraction reads and edge spans index, plus the metadata (title,
// date, URL, source, author) that the article node carries.
//
// # Hostile input
//
// Parse never panics and bounds its work by the input size. Before any
// format is read, a file is refused when it is larger than Options.MaxSize
// (ErrTooLarge), has no bytes or only white space (ErrEmpty), or holds a NUL
// byte (ErrBinary, naming the offset of the first one). A leading UTF-8 byte
// order mark is dropped. Invalid UTF-8 is repaired, not refused: every run
// of invalid bytes becomes one U+FFFD, a warning wrapping ErrInvalidUTF8 is
// returned with the line of the first bad byte, and everything after —
// Text, spans and the article ID — refers to the repaired text.
//
// # Formats
//
// The format is Options.Format when set, otherwise DetectFormat's guess from
// the file name's extension and, for unknown extensions, the content.
//
// Plain text (FormatText): Text is the whole file, unchanged (after the
// repairs above), so byte offsets into Text are offsets into the file. An
// optional first line "date YYYY-MM-DD" (case-insensitive "date", an optional
// colon, surrounding spaces allowed) gives Date; it stays in Text. Title is
// the first non-blank line after that header when it looks like a headline:
// one line standing alone before a blank line, at most 20 words and 150
// bytes, not ending in sentence punctuation or a quote mark, and followed by
// more text. Otherwise the article has no title and its node is named by
// its source.
//
// Markdown (FormatMarkdown): optional front matter between a first line
// "---" and a closing "---" (or "..."), in a strict flat subset of YAML: one
// "key: value" per line, values plain, 'single-quoted' or "double-quoted",
// comments and blank lines allowed. Known keys are title, date, url,
// source and author, and take single-line strings only (no lists, nested
// maps, block scalars or unquoted ": "); other keys are ignored, with any
// indented or list lines under them; a "source" replaces the file name as the article's Source.
// Instead of front matter the file may start with a "date" line as
// in plain text. Text is the body with Markdown lightly stripped: heading
// marks, block-quote marks, list markers, emphasis delimiters (*, _, ~~),
// code-span backticks and fence lines, thematic breaks, reference
// definitions and HTML tags are removed; links keep their text, autolinks
// their URL; images are dropped; backslash escapes and character references
// are decoded; fenced code is kept verbatim. Line breaks are kept and runs
// of blank lines become one. Without a front-matter title, a leading level-1
// heading is the title (it stays in Text).
//
// HTML (FormatHTML): parsed with golang.org/x/net/html. Text is the visible
// text only: script, style, noscript, template, iframe, object, embed, svg,
// math, canvas, audio and video elements, elements marked hidden,
// aria-hidden="true" or styled display:none, and everything in <head> are
// skipped. Block elements end paragraphs, joined by a blank line; <br>
// breaks a line; white space is collapsed within paragraphs except in <pre>;
// character references are decoded. A page nested deeper than the parser's
// limit of 512 elements is refused with ErrBadHTML. Title is <title>, else
// og:title, else
// the first <h1>. Date, author and URL come from <meta> (date, dc.date,
// article:published_time, datePublished, author, article:author, og:url …)
// and <link rel="canonical">. A meta date that cannot be read is dropped
// with a warning wrapping ErrBadDate; the article is still returned.
//
// JSON Lines (FormatJSONL): one object per line with a string "text" and
// optional string "title", "date", "url", "source" and "author" (null is the
// same as absent; other keys are ignored). Blank lines are skipped. A bad
// line — invalid JSON, not an object, no text, a field that is not a string,
// an invalid date, a NUL character — is returned as a *LineError naming
// file:line (and column for syntax errors) wrapping ErrBadRecord, and the
// other lines are still read; past MaxRecordErrors bad lines, the rest are
// counted in one last error. Lines may be of any length up to MaxSize.
// Article.Line is the record's 1-based line; Source is the record's
// "source", else "FILE:LINE".
//
// Dates are YYYY-MM-DD; an RFC 3339 timestamp is accepted and reduced to
// its date as written (in its own offset, not converted to UTC). An invalid
// date in a text header or front matter is a fatal error naming file:line
// and the value.
//
// # Article identity
//
// Article.Node's ID is graph.ArticleID over a canonical encoding of the
// content: the line "claimgraph-article/1", then title, date, url, author
// and text, each as "name LEN:VALUE\n" with LEN the value's length in
// bytes. Source and Line are left out, so the same article read from two
// paths (or from stdin) is the same node, while an edit to its text or
// metadata makes a new one.
package article
