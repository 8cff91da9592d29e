#!/bin/sh
# badger-fork.sh [--check | --diff]: third_party/badger, the copy of badger
# that go.mod's replace directive builds, is the release named in go.mod
# plus third_party/badger.patch (see third_party/README.md).
#   (no flag)  rebuild third_party/badger from the release and the patch
#   --check    fail if third_party/badger is not that (make lint runs this)
#   --diff     after editing third_party/badger, write the patch from it
set -eu
cd "$(dirname "$0")/.."
root=$PWD
mod=github.com/dgraph-io/badger/v4
ver=$(go list -m -f '{{.Version}}' "$mod")
src=$(go mod download -json "$mod@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$src" ] || { echo "badger-fork: cannot download $mod@$ver" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The packages a build imports, without upstream's tests, tools and docs.
mkdir "$tmp/a"
for dir in . fb options pb skl table trie y; do
	mkdir -p "$tmp/a/$dir"
	for f in "$src/$dir"/*.go; do
		case $f in *_test.go) continue ;; esac
		cp "$f" "$tmp/a/$dir/"
	done
done
cp "$src/go.mod" "$src/go.sum" "$src/LICENSE" "$tmp/a/"
chmod -R u+w "$tmp/a"
if [ "${1:-}" = --diff ]; then
	cp -r third_party/badger "$tmp/b"
	(cd "$tmp" && diff -ruN a b >"$root/third_party/badger.patch") || true
	echo "third_party/badger.patch: $(grep -c '^+++ ' third_party/badger.patch) files changed against $mod@$ver"
	exit 0
fi
cp -r "$tmp/a" "$tmp/b"
(cd "$tmp/b" && git apply --whitespace=nowarn "$root/third_party/badger.patch")
if [ "${1:-}" = --check ]; then
	diff -r "$tmp/b" third_party/badger >/dev/null || {
		echo "badger-fork: third_party/badger is not $mod@$ver plus third_party/badger.patch (run scripts/badger-fork.sh)" >&2
		exit 1
	}
	exit 0
fi
rm -rf third_party/badger
cp -r "$tmp/b" third_party/badger
echo "third_party/badger: $mod@$ver with third_party/badger.patch"
