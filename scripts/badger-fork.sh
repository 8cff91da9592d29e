#!/bin/sh
# badger-fork.sh [--check]: rebuild third_party/badger, the copy of badger
# that go.mod's replace directive builds, from the release named in go.mod
# and third_party/badger.patch. With --check, compare the copy instead and
# fail if it differs (make lint runs this). See third_party/README.md.
set -eu
cd "$(dirname "$0")/.."
mod=github.com/dgraph-io/badger/v4
ver=$(go list -m -f '{{.Version}}' "$mod")
src=$(go mod download -json "$mod@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$src" ] || { echo "badger-fork: cannot download $mod@$ver" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/badger
# The packages a build imports, without upstream's tests, tools and docs.
for dir in . fb options pb skl table trie y; do
	mkdir -p "$out/$dir"
	for f in "$src/$dir"/*.go; do
		case $f in *_test.go) continue ;; esac
		cp "$f" "$out/$dir/"
	done
done
cp "$src/go.mod" "$src/LICENSE" "$out/"
chmod -R u+w "$out"
(cd "$out" && git apply --whitespace=nowarn "$OLDPWD/third_party/badger.patch")
if [ "${1:-}" = --check ]; then
	diff -r "$out" third_party/badger >/dev/null || {
		echo "badger-fork: third_party/badger is not $mod@$ver plus third_party/badger.patch (run scripts/badger-fork.sh)" >&2
		exit 1
	}
	exit 0
fi
rm -rf third_party/badger
cp -r "$out" third_party/badger
echo "third_party/badger: $mod@$ver with third_party/badger.patch"
